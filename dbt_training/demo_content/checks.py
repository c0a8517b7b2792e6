"""Sanity checks of the demo content, used by the tests and by anyone editing it:
`python -m dbt_training.demo_content.checks m03` (or no argument for everything, the course's
structure included: claimed hours, post-test size, tags used, duplicates, answer keys)."""

import re
import sys
from decimal import Decimal
from difflib import SequenceMatcher
from math import ceil

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
        problems += [f"{where}: {problem}" for problem in key_problems(question)]
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


def key_problems(question) -> list[str]:
    """An answer key the scoring would get wrong: a single choice without exactly one full-marks
    answer, multiple answers whose right choices do not add up to full marks, a matching or
    ordering question with fewer than two pairs or an ordering not numbered 1, 2, …"""
    label = f"“{question.name or question.text[:40]}”"
    answers = question.answers
    if question.kind == "single":
        full = [a for a in answers if a.fraction == 100]
        if len(full) != 1 or len(answers) < 3:
            return [f"{label}: a single choice needs one right answer and at least two others"]
    if question.kind == "multiple":
        right = sum(a.fraction for a in answers if a.fraction > 0)
        if abs(right - 100) > Decimal("0.01"):
            return [f"{label}: the right choices add up to {right}%, not 100%"]
    if question.kind == "matching" and len([a for a in answers if a.text and a.match]) < 2:
        return [f"{label}: fewer than two pairs"]
    if question.kind == "ordering" and len([a for a in answers if a.text]) < 2:
        return [f"{label}: fewer than two items to put in order"]
    return []


def _normal(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _alike(one, other) -> bool:
    """The same question, or a close paraphrase: the same name, or mostly the same words."""
    if one.name and _normal(one.name) == _normal(other.name):
        return True
    a, b = _normal(one.text), _normal(other.text)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.real_quick_ratio() >= 0.75 and matcher.ratio() >= 0.75


def course_problems() -> list[str]:
    """The course as a whole: its CE hours equal its lesson time, the post-test draws six items
    per claimed hour from a bank two larger per module, every DBT component and every stage the
    course covers is used, and no post-test item repeats a knowledge check or another item."""
    from assessments.quizzes.gift import parse
    from courses.models import Course

    from . import COURSE, ce_hours, lesson_minutes, modules, post_test

    problems = []
    for field in ("title", "summary", "audience"):
        limit = Course._meta.get_field(field).max_length
        if limit and len(COURSE[field]) > limit:
            problems.append(f"the course's {field} is longer than {limit} characters")
    course_modules = modules()
    minutes = sum(lesson_minutes(module) for module in course_modules)
    hours = ce_hours()
    if not minutes / 60 - 0.25 < hours <= minutes / 60:
        problems.append(f"{hours} CE hours claimed for {minutes} minutes of lessons")
    used = {m["component"] for m in course_modules} | {
        c for m in course_modules for c in m.get("components", [])
    }
    for component in Component:
        if component.value not in used:
            problems.append(f"no module covers the component {component.label!r}")
    stages = {m.get("treatment_stage", "") for m in course_modules} - {""}
    if stages != set(COURSE["treatment_stages"]):
        problems.append(
            f"modules are tagged with the stages {sorted(stages)}, "
            f"the course covers {COURSE['treatment_stages']}"
        )
    checks, drawn, items = [], 0, []
    for number, module in enumerate(course_modules, start=1):
        checks += parse(module.get("quiz", {}).get("gift", "")).questions
        where = f"post-test items of module {number}"
        try:
            gift = post_test.items(number)
        except ImportError:
            problems.append(f"{where}: no post_test/p{number:02d}.py")
            continue
        found = parse(gift).questions
        count = post_test.draw_count(module)
        drawn += count
        problems += gift_problems(where, gift, minimum=count + post_test.SPARE_ITEMS)
        if any(q.kind in ("essay", "likert", "description") for q in found):
            problems.append(f"{where}: only scored items belong in a post-test")
        items += [(where, question) for question in found]
    if drawn < ceil(post_test.ITEMS_PER_HOUR * hours):
        problems.append(f"the post-test draws {drawn} items for {hours} CE hours")
    for index, (where, item) in enumerate(items):
        label = item.name or item.text[:40]
        if any(_alike(item, check) for check in checks):
            problems.append(f"{where}: “{label}” repeats a knowledge-check question")
        if any(_alike(item, other) for _, other in items[index + 1 :]):
            problems.append(f"{where}: “{label}” appears twice in the post-test bank")
    return problems


def main(names: list[str]) -> int:
    import importlib

    import django

    django.setup()
    from . import MODULE_FILES

    found = []
    for name in names or MODULE_FILES:
        try:
            module = importlib.import_module(f"dbt_training.demo_content.{name}").MODULE
        except ImportError:
            found.append(f"{name}: no such module file")
            continue
        found += module_problems(module)
    if not names and not any("no such module file" in problem for problem in found):
        found += course_problems()
    print("\n".join(found) or "ok")
    return 1 if found else 0


if __name__ == "__main__":
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dbt_training.settings.test")
    sys.exit(main(sys.argv[1:]))
