"""Rubrics, assignments and the gradebook's weights as parts of a course package
(`modules.transfer`).

`rubrics` (criteria, levels, comment banks), `assignments` (each with its module's index, its
worksheet settings, a diary card's rows and whether trainees may add their own, and its rubric's
index in `rubrics`, or null) and `gradebook_weights` (null:
the defaults). Registered in `AssessmentsConfig.ready()`.
"""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError

from assessments.assignments import authoring, worksheets
from assessments.models import Assignment, Criterion, GradebookWeights, Level, Rubric
from modules.transfer import Checker, Created, ExportContext, decimal_text, service_errors

ASSIGNMENT_KEYS = (
    "title",
    "instructions",
    "worksheet",
    "case_behaviors",
    "personal_rows_allowed",
    "points",
    "about_client",
    "required_for_completion",
    "pass_percent",
)
WEIGHT_KEYS = ("quizzes", "assignments", "attendance")


# --- rubrics ------------------------------------------------------------------------------------


def _rubrics(course):
    return Rubric.objects.filter(course=course).order_by("title", "pk")


def export_rubrics(course, context: ExportContext) -> list:
    return [
        {
            "title": rubric.title,
            "description": rubric.description,
            "criteria": [
                {
                    "title": criterion.title,
                    "description": criterion.description,
                    "levels": [
                        {
                            "title": level.title,
                            "description": level.description,
                            "points": decimal_text(level.points, 2),
                        }
                        for level in criterion.levels.all()
                    ],
                    "comments": [comment.text for comment in criterion.bank_comments.all()],
                }
                for criterion in rubric.criteria.all()
            ],
        }
        for rubric in _rubrics(course).prefetch_related(
            "criteria__levels", "criteria__bank_comments"
        )
    ]


@dataclass
class CriterionPlan:
    path: str
    fields: dict[str, Any]
    levels: list[authoring.LevelData]
    comments: list[str]


@dataclass
class RubricPlan:
    path: str
    fields: dict[str, Any]
    criteria: list[CriterionPlan]


def check_rubrics(value: list, path: str, checker: Checker) -> list[RubricPlan]:
    plans = []
    for i, item in enumerate(value):
        at = f"{path}[{i}]"
        fields = checker.fields(item, at, Rubric, ("title", "description"))
        criteria = []
        for j, criterion in enumerate(item.get("criteria", [])):
            criterion_at = f"{at}.criteria[{j}]"
            criterion_fields = checker.fields(
                criterion, criterion_at, Criterion, ("title", "description")
            )
            levels = []
            for k, level in enumerate(criterion["levels"]):
                level_fields = checker.fields(
                    level, f"{criterion_at}.levels[{k}]", Level, ("title", "description", "points")
                )
                if "title" in level_fields and "points" in level_fields:
                    levels.append(authoring.LevelData(**level_fields))
            criteria.append(
                CriterionPlan(criterion_at, criterion_fields, levels, criterion.get("comments", []))
            )
        plans.append(RubricPlan(at, fields, criteria))
    return plans


def create_rubrics(plans: list[RubricPlan], created: Created) -> list[Rubric]:
    rubrics = []
    for plan in plans:
        with service_errors(plan.path):
            rubric = authoring.create_rubric(course=created.course, **plan.fields)
        for criterion in plan.criteria:
            with service_errors(criterion.path):
                authoring.save_criterion(
                    rubric=rubric,
                    levels=criterion.levels,
                    comments=criterion.comments,
                    **criterion.fields,
                )
        rubrics.append(rubric)
    return rubrics


# --- assignments --------------------------------------------------------------------------------


def export_assignments(course, context: ExportContext) -> list:
    rubric_index = {pk: i for i, pk in enumerate(_rubrics(course).values_list("pk", flat=True))}
    entries = []
    for assignment in Assignment.objects.filter(module__course=course).in_course_order():
        entry = {"module": context.module_index[assignment.module_id]}
        entry |= {name: getattr(assignment, name) for name in ASSIGNMENT_KEYS}
        entry["diary_rows"] = assignment.diary_rows
        entry["points"] = decimal_text(assignment.points, 2)
        entry["rubric"] = rubric_index.get(assignment.rubric_id)
        entries.append(entry)
    return entries


@dataclass
class AssignmentPlan:
    path: str
    module: int
    rubric: int | None
    fields: dict[str, Any]


def check_assignments(value: list, path: str, checker: Checker) -> list[AssignmentPlan]:
    rubric_count = len(checker.plans.get("rubrics") or [])
    plans = []
    for i, item in enumerate(value):
        at = f"{path}[{i}]"
        module, rubric = item["module"], item.get("rubric")
        if module >= checker.module_count:
            checker.problem(f"{at}.module", _no_such("module", module, checker.module_count))
        if rubric is not None and rubric >= rubric_count:
            checker.problem(f"{at}.rubric", _no_such("rubric", rubric, rubric_count))
        fields = checker.fields(item, at, Assignment, ASSIGNMENT_KEYS)
        if "diary_rows" in item:
            # A JSON list of row objects, checked as the authoring form's rows are.
            try:
                worksheets.check_rows(item["diary_rows"])
                fields["diary_rows"] = item["diary_rows"]
            except ValidationError as error:
                for message in error.messages:
                    checker.problem(f"{at}.diary_rows", message)
        plans.append(AssignmentPlan(at, module, rubric, fields))
    return plans


def _no_such(what: str, index: int, count: int) -> str:
    if count == 0:
        return f"There is no {what} {index}: the document has none."
    return f"There is no {what} {index}; {what}s are numbered 0 to {count - 1}."


def create_assignments(plans: list[AssignmentPlan], created: Created) -> list[Assignment]:
    rubrics = created.parts.get("rubrics") or []
    assignments = []
    for plan in plans:
        with service_errors(plan.path):
            assignments.append(
                authoring.create_assignment(
                    module=created.modules[plan.module],
                    rubric=rubrics[plan.rubric] if plan.rubric is not None else None,
                    **plan.fields,
                )
            )
    return assignments


# --- gradebook weights --------------------------------------------------------------------------


def export_weights(course, context: ExportContext) -> dict | None:
    weights = GradebookWeights.objects.filter(course=course).first()
    if weights is None:
        return None
    return {name: getattr(weights, name) for name in WEIGHT_KEYS}


def check_weights(value: dict | None, path: str, checker: Checker) -> dict | None:
    if value is None:
        return None
    fields = checker.fields(value, path, GradebookWeights, WEIGHT_KEYS)
    # A left-out weight takes the model's default.
    fields = {
        name: fields.get(name, GradebookWeights._meta.get_field(name).default)
        for name in WEIGHT_KEYS
    }
    if not any(fields.values()):
        checker.problem(path, "At least one category needs a weight above 0.")
    return fields


def create_weights(plan: dict | None, created: Created) -> GradebookWeights | None:
    if plan is None:
        return None
    with service_errors("$.gradebook_weights"):
        return authoring.set_gradebook_weights(course=created.course, **plan)
