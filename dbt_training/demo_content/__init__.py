"""The demo course's content, written in the project's own words from ../shared/dbt-facts.md:
one file per module (lessons in Markdown, a knowledge check in GIFT), and the final post-test and
course evaluation in `assessment.py`; the course's title, summary, audience and objectives in
`COURSE`. `dbt_training.demo_course` builds the course from it through the same services the
authoring pages use."""

import importlib

MODULE_FILES = [f"m{number:02d}" for number in range(1, 11)]

# An introduction, and named as one: "Foundations" read as Behavioral Tech's Foundational Training,
# and the content describes DBT and practises its tools on written cases; it does not train anyone
# to deliver the skills or run a program.
COURSE = {
    "title": "Introduction to DBT for Clinicians",
    "summary": (
        "An introduction to comprehensive DBT for clinicians: theory, structure, stages and "
        "targets, individual therapy tools, validation, the four skills modules, coaching and the "
        "consultation team. Not DBT Intensive or Foundational Training, and no certification."
    ),
    "audience": (
        "Mental-health clinicians who want a grounding in DBT, for example before or alongside "
        "team-based training. Clinicians joining a DBT team still need Intensive or Foundational "
        "Training with their team."
    ),
    "learning_objectives": [
        "Describe the biosocial theory and the central dialectic of acceptance and change",
        "Describe the four modes of comprehensive DBT and identify the function each usually serves",
        "Identify the stage-1 targets in priority order and apply them to a session agenda drawn "
        "from a diary card",
        "Apply the steps of a behavioral chain analysis and a solution analysis to a written case",
        "Identify the six levels of validation in examples of therapist responses",
        "Describe the core skills of the mindfulness, distress tolerance, emotion regulation and "
        "interpersonal effectiveness modules, and identify the module each skill belongs to",
        "Describe the consultation team agreements, and the difference between DBT training and "
        "clinician certification",
    ],
}


def modules() -> list[dict]:
    """The ten modules in course order."""
    return [importlib.import_module(f"{__name__}.{name}").MODULE for name in MODULE_FILES]
