"""Sanity checks of the demo content, used by the tests and by anyone editing it:
`python -m dbt_training.demo_content.checks m03` (or no argument for everything)."""

import re
import sys

from modules.taxonomy import (
    Component,
    LessonKind,
    SkillsModule,
    TreatmentPriority,
    TreatmentStage,
)

MIN_READING_WORDS = 150


def words(markdown: str) -> int:
    return len(re.findall(r"[A-Za-z0-9][A-Za-z0-9'’-]*", markdown))


def module_problems(module: dict) -> list[str]:
    """What is wrong with one module's data (GIFT is checked by the importer in the tests)."""
    problems = []
    title = module.get("title", "?")
    if module.get("component") not in Component.values:
        problems.append(
            f"{title}: component {module.get('component')!r} is not one of {Component.values}"
        )
    if module.get("treatment_priority", "") not in ["", *TreatmentPriority.values]:
        problems.append(f"{title}: bad treatment_priority")
    if module.get("skills_module", "") not in ["", *SkillsModule.values]:
        problems.append(f"{title}: bad skills_module")
    for key, choices in (
        ("components", Component),
        ("treatment_priorities", TreatmentPriority),
        ("skills_modules", SkillsModule),
    ):
        values = module.get(key, [])
        if not isinstance(values, list) or set(values) - set(choices.values):
            problems.append(f"{title}: {key} {values!r} must be a list of {choices.values}")
        elif len(set(values)) != len(values):
            problems.append(f"{title}: {key} repeats a value")
    if module.get("component") in module.get("components", []):
        problems.append(f"{title}: components repeats the primary component")
    if module.get("treatment_stage", "") not in ["", *TreatmentStage.values]:
        problems.append(f"{title}: bad treatment_stage")
    lessons = module.get("lessons", [])
    if not 3 <= len(lessons) <= 6:
        problems.append(f"{title}: {len(lessons)} lessons (3 to 6 wanted)")
    for lesson in lessons:
        if lesson.get("kind") not in LessonKind.values:
            problems.append(f"{title} / {lesson.get('title')}: bad kind")
        if (
            lesson.get("kind") == LessonKind.READING
            and words(lesson.get("body", "")) < MIN_READING_WORDS
        ):
            problems.append(
                f"{title} / {lesson.get('title')}: {words(lesson.get('body', ''))} words "
                f"(at least {MIN_READING_WORDS} for a reading)"
            )
    quiz = module.get("quiz", {})
    problems += gift_problems(f"{title} / knowledge check", quiz.get("gift", ""), minimum=3)
    if not quiz.get("title"):
        problems.append(f"{title}: the knowledge check needs a title")
    return problems


def gift_problems(where: str, text: str, *, minimum: int) -> list[str]:
    """GIFT the importer refuses, too few questions, or a scored question without a right answer."""
    from assessments.quizzes.gift import parse

    result = parse(text)
    problems = [f"{where}: line {e.line}: {e.reason}" for e in result.errors]
    if len(result.questions) < minimum:
        problems.append(f"{where}: {len(result.questions)} questions (at least {minimum})")
    for question in result.questions:
        scored = question.kind not in ("essay", "likert")
        if (
            scored
            and not any(a.fraction > 0 for a in question.answers)
            and question.kind
            not in (
                "matching",
                "ordering",
                "true_false",
                "numeric",
            )
        ):
            problems.append(f"{where}: “{question.name or question.text[:40]}” has no right answer")
    return problems


def main(names: list[str]) -> int:
    import importlib

    import django

    django.setup()
    from . import MODULE_FILES

    found = []
    for name in names or MODULE_FILES:
        module = importlib.import_module(f"dbt_training.demo_content.{name}").MODULE
        found += module_problems(module)
    print("\n".join(found) or "ok")
    return 1 if found else 0


if __name__ == "__main__":
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dbt_training.settings.test")
    sys.exit(main(sys.argv[1:]))
