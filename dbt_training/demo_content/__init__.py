"""The demo course's content, written in the project's own words from ../shared/dbt-facts.md:
one file per module (lessons in Markdown, a knowledge check in GIFT), the final post-test's item bank
in `post_test/` (one file per module), the course evaluation and assignments in `assessment.py`;
the course's title, summary, audience and objectives in `COURSE`. `dbt_training.demo_course`
builds the course from it through the same services the authoring pages use."""

import importlib
from decimal import ROUND_FLOOR, Decimal

MODULE_FILES = [f"m{number:02d}" for number in range(1, 16)]

# An introduction, and named as one: "Foundations" read as Behavioral Tech's Foundational Training,
# and the content describes DBT and practises its tools on written cases; it does not train anyone
# to deliver the skills or run a program.
COURSE = {
    "title": "Introduction to DBT for Clinicians",
    "summary": (
        "An introduction to comprehensive DBT for clinicians: theory, modes, targets, therapy "
        "tools, validation, the four skills modules, coaching, then practice: agreements, "
        "suicide risk, problem solving, change procedures, the team meeting. Not Intensive or "
        "Foundational Training; no certification."
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
        "Apply the steps of a behavioral chain analysis, a missing-links analysis and a solution "
        "analysis to a written case",
        "Identify the six levels of validation in examples of therapist responses",
        "Describe the core skills of the mindfulness, distress tolerance, emotion regulation and "
        "interpersonal effectiveness modules, and identify the module each skill belongs to",
        "Describe the client and therapist agreements of standard DBT, including the four-miss rule",
        "Describe the principles of a structured suicide risk assessment and identify the steps "
        "of managing imminent risk in a written case",
        "Identify contingency management, exposure, cognitive modification and skills training "
        "procedures in examples",
        "Describe how a consultation team meeting runs and the difference between DBT training "
        "and clinician certification",
    ],
    # An introduction to standard DBT's first year: stages 2 to 4 are described (module 3), but
    # no module teaches their treatment, so modules are tagged with these stages or none.
    "treatment_stages": ["pre_treatment", "stage_1"],
}


def modules() -> list[dict]:
    """The modules in course order."""
    return [importlib.import_module(f"{__name__}.{name}").MODULE for name in MODULE_FILES]


def lesson_minutes(module: dict) -> int:
    return sum(lesson["estimated_minutes"] for lesson in module["lessons"])


def ce_hours() -> Decimal:
    """The CE hours the course claims: its lesson time, in quarter hours, rounded down so the
    claim never exceeds the instructional time. The cohorts' live practice sessions differ from
    cohort to cohort and are not claimed."""
    minutes = sum(lesson_minutes(module) for module in modules())
    quarters = (Decimal(minutes) / 15).to_integral_value(rounding=ROUND_FLOOR)
    return quarters / 4
