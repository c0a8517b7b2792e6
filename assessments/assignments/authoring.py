"""Authoring assignments and rubrics, the gradebook's weights, and copying them with a course.

Every state change is a service here (verb first, keyword-only, atomic, validating); the course
editor's assignment lines come from `assignment_authoring_items`, and a duplicated course gets its
rubrics and assignments through `copy_assignments` (both registered with `modules.activities`).
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from assessments.assignments import worksheets
from assessments.models import (
    Assignment,
    BankComment,
    Criterion,
    CriterionScore,
    GradebookWeights,
    Level,
    Rubric,
)
from assessments.taxonomy import SubmissionStatus, WorksheetKind
from courses.models import Course
from modules.activities import Activity, AuthoringItems
from modules.content import render_markdown
from modules.models import Module
from modules.services import move_among, renumber

MIN_LEVELS = 2
MIN_CASE_BEHAVIORS = 2
MAX_WEIGHT = 100


# --- assignments --------------------------------------------------------------------------------


@transaction.atomic
def create_assignment(
    *,
    module: Module,
    title: str,
    worksheet: str,
    instructions: str = "",
    case_behaviors: str = "",
    diary_rows: list | None = None,
    personal_rows_allowed: bool = False,
    rubric: Rubric | None = None,
    points: Decimal = Decimal(10),
    about_client: bool = True,
    required_for_completion: bool = True,
    pass_percent: int | None = None,
) -> Assignment:
    """Add an assignment at the end of its module."""
    Module.objects.select_for_update().get(pk=module.pk)
    last = Assignment.objects.filter(module=module).order_by("-position").first()
    assignment = Assignment(module=module, position=(last.position + 1) if last else 1)
    return _save_assignment(
        assignment,
        course_id=module.course_id,
        title=title,
        worksheet=worksheet,
        instructions=instructions,
        case_behaviors=case_behaviors,
        diary_rows=diary_rows or [],
        personal_rows_allowed=personal_rows_allowed,
        rubric=rubric,
        points=points,
        about_client=about_client,
        required_for_completion=required_for_completion,
        pass_percent=pass_percent,
    )


@transaction.atomic
def update_assignment(
    *,
    assignment: Assignment,
    title: str,
    worksheet: str,
    instructions: str = "",
    case_behaviors: str = "",
    diary_rows: list | None = None,
    personal_rows_allowed: bool = False,
    rubric: Rubric | None = None,
    points: Decimal = Decimal(10),
    about_client: bool = True,
    required_for_completion: bool = True,
    pass_percent: int | None = None,
) -> Assignment:
    """Change an assignment. Grades already given keep their scores: changing the rubric or the
    points does not regrade (the grade rows hold their own max score)."""
    assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
    if worksheet != assignment.worksheet and assignment.submissions.exists():
        # A submission's content holds the fields of its worksheet kind; another kind would
        # show the trainee an empty worksheet and lose what they wrote.
        raise ValidationError(
            {
                "worksheet": "Trainees have started this worksheet, so its kind can no longer "
                "change. Create a new assignment instead."
            }
        )
    return _save_assignment(
        assignment,
        course_id=assignment.module.course_id,
        title=title,
        worksheet=worksheet,
        instructions=instructions,
        case_behaviors=case_behaviors,
        diary_rows=diary_rows or [],
        personal_rows_allowed=personal_rows_allowed,
        rubric=rubric,
        points=points,
        about_client=about_client,
        required_for_completion=required_for_completion,
        pass_percent=pass_percent,
    )


def _save_assignment(assignment: Assignment, *, course_id: int, **fields) -> Assignment:
    rubric = fields["rubric"]
    if rubric is not None and rubric.course_id != course_id:
        raise ValidationError({"rubric": "Choose one of this course's rubrics."})
    behaviors = [line.strip() for line in fields["case_behaviors"].splitlines() if line.strip()]
    if fields["worksheet"] == WorksheetKind.CASE_FORMULATION:
        if len(behaviors) < MIN_CASE_BEHAVIORS:
            raise ValidationError(
                {
                    "case_behaviors": "List at least two of the case's behaviors, one per line, "
                    "for the trainee to order by stage-1 priority."
                }
            )
        repeated = sorted({b for b in behaviors if behaviors.count(b) > 1})
        if repeated:
            # Trainees' answers are kept by the behavior's text, so each line must be unique.
            raise ValidationError(
                {"case_behaviors": f"List each behavior once: “{repeated[0]}” appears twice."}
            )
        fields["case_behaviors"] = "\n".join(behaviors)
    else:
        fields["case_behaviors"] = ""
    if fields["worksheet"] == WorksheetKind.DIARY_CARD:
        try:
            # Stored as checked, so every reader can trust the rows (worksheets.assignment_rows).
            rows = worksheets.check_rows(fields["diary_rows"])
        except ValidationError as error:
            raise ValidationError({"diary_rows": error.messages}) from None
        fields["diary_rows"] = [row.as_dict() for row in rows]
    else:
        fields["diary_rows"], fields["personal_rows_allowed"] = [], False
    for name, value in fields.items():
        setattr(assignment, name, value)
    assignment.full_clean(exclude=["module"])
    render_assignment(assignment)
    assignment.save()
    return assignment


def render_assignment(assignment: Assignment) -> None:
    """The instructions as stored HTML: rendered and sanitized once, when they are saved."""
    assignment.instructions_html = render_markdown(assignment.instructions)


@transaction.atomic
def delete_assignment(*, assignment: Assignment) -> None:
    """Delete an assignment and its trainees' drafts; refused once anyone has submitted."""
    handed_in = assignment.submissions.exclude(status=SubmissionStatus.DRAFT).count()
    if handed_in:
        raise ValidationError(
            f"{handed_in} trainee{'s have' if handed_in != 1 else ' has'} submitted “"
            f"{assignment.title}”; their work and grades are part of the record, so it cannot be "
            "deleted."
        )
    module_id = assignment.module_id
    assignment.delete()
    renumber(Assignment.objects.filter(module_id=module_id).order_by("position", "pk"))


@transaction.atomic
def move_assignment(*, assignment: Assignment, offset: int) -> Assignment:
    """Move an assignment one place up (-1) or down (+1) among its module's assignments."""
    Module.objects.select_for_update().get(pk=assignment.module_id)
    return move_among(
        assignment,
        list(Assignment.objects.filter(module_id=assignment.module_id).order_by("position", "pk")),
        offset,
    )


# --- rubrics ------------------------------------------------------------------------------------


@transaction.atomic
def create_rubric(*, course: Course, title: str, description: str = "") -> Rubric:
    rubric = Rubric(course=course, title=title, description=description)
    rubric.full_clean()
    rubric.save()
    return rubric


@transaction.atomic
def update_rubric(*, rubric: Rubric, title: str, description: str = "") -> Rubric:
    rubric.title, rubric.description = title, description
    rubric.full_clean()
    rubric.save(update_fields=["title", "description"])
    return rubric


@transaction.atomic
def delete_rubric(*, rubric: Rubric) -> None:
    """Delete a rubric that no assignment uses and no grade was scored with."""
    titles = list(
        rubric.assignments.order_by("module__position", "position").values_list("title", flat=True)
    )
    if titles:
        named = ", ".join(f"“{title}”" for title in titles)
        raise ValidationError(
            f"“{rubric.title}” is used by the assignment{'s' if len(titles) > 1 else ''} {named}. "
            "Choose another rubric (or none) there first."
        )
    if CriterionScore.objects.filter(criterion__rubric=rubric).exists():
        # Deleting the criteria would take the scores of grades already given with them.
        raise ValidationError(
            f"Grades were given with “{rubric.title}”, and their criterion scores are part of "
            "the record, so it cannot be deleted."
        )
    rubric.delete()


@dataclass
class LevelData:
    """One level as the criterion form gives it; `pk` names an existing level to change in place."""

    title: str
    points: Decimal
    description: str = ""
    pk: int | None = None


@transaction.atomic
def save_criterion(
    *,
    rubric: Rubric,
    title: str,
    levels: list[LevelData],
    description: str = "",
    comments: list[str] | None = None,
    criterion: Criterion | None = None,
) -> Criterion:
    """Create or change a criterion with its levels and comment bank. Levels carrying the pk of
    one of its levels change in place, so scores already given keep pointing at them."""
    if len(levels) < MIN_LEVELS:
        raise ValidationError({"levels": f"A criterion needs at least {MIN_LEVELS} levels."})
    Rubric.objects.select_for_update().get(pk=rubric.pk)
    if criterion is None:
        last = rubric.criteria.order_by("-position").first()
        criterion = Criterion(rubric=rubric, position=(last.position + 1) if last else 1)
    elif criterion.rubric_id != rubric.pk:
        raise ValidationError("That criterion belongs to another rubric.")
    criterion.title, criterion.description = title, description
    criterion.full_clean()
    criterion.save()

    existing = {level.pk: level for level in criterion.levels.all()}
    rows, kept = [], set()
    for position, data in enumerate(levels, start=1):
        level = existing.get(data.pk) or Level(criterion=criterion)
        level.title, level.points, level.description = data.title, data.points, data.description
        level.position = position
        try:
            level.full_clean(exclude=["criterion"])
        except ValidationError as error:
            raise ValidationError(
                {"levels": [f"Level {position}: {m}" for m in error.messages]}
            ) from None
        kept.add(level.pk)
        rows.append(level)
    # A removed level's past scores keep their points; their level link goes empty (SET_NULL).
    criterion.levels.exclude(pk__in=[pk for pk in kept if pk]).delete()
    changed = [level for level in rows if level.pk is not None]
    Level.objects.bulk_create([level for level in rows if level.pk is None])
    if changed:
        Level.objects.bulk_update(changed, ["title", "points", "description", "position"])

    if comments is not None:
        criterion.bank_comments.all().delete()
        BankComment.objects.bulk_create(
            BankComment(criterion=criterion, text=text, position=position)
            for position, text in enumerate((c.strip() for c in comments if c.strip()), start=1)
        )
    return criterion


@transaction.atomic
def delete_criterion(*, criterion: Criterion) -> None:
    """Delete a criterion no grade has scored (its scores would go with it)."""
    if CriterionScore.objects.filter(criterion=criterion).exists():
        raise ValidationError(
            f"Graders have scored “{criterion.title}”, and those scores would be lost; "
            "it cannot be deleted. You can still edit it."
        )
    rubric_id = criterion.rubric_id
    criterion.delete()
    renumber(Criterion.objects.filter(rubric_id=rubric_id).order_by("position", "pk"))


@transaction.atomic
def move_criterion(*, criterion: Criterion, offset: int) -> Criterion:
    Rubric.objects.select_for_update().get(pk=criterion.rubric_id)
    return move_among(
        criterion,
        list(Criterion.objects.filter(rubric_id=criterion.rubric_id).order_by("position", "pk")),
        offset,
    )


# --- gradebook weights --------------------------------------------------------------------------


@transaction.atomic
def set_gradebook_weights(
    *, course: Course, quizzes: int, assignments: int, attendance: int
) -> GradebookWeights:
    """Set how much quizzes, assignments and attendance count towards the course total."""
    values = {"quizzes": quizzes, "assignments": assignments, "attendance": attendance}
    errors = {
        name: f"Give a whole number from 0 to {MAX_WEIGHT}."
        for name, value in values.items()
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_WEIGHT
    }
    if errors:
        raise ValidationError(errors)
    if not any(values.values()):
        raise ValidationError("At least one category needs a weight above 0.")
    weights, _ = GradebookWeights.objects.update_or_create(course=course, defaults=values)
    return weights


# --- the course editor and course copies --------------------------------------------------------


def assignment_authoring_items(course, modules) -> dict[int, AuthoringItems]:
    """The course editor's assignment lines and "Add an assignment" links, in one query."""
    result = defaultdict(AuthoringItems)
    assignments = (
        Assignment.objects.filter(module__course=course)
        .select_related("rubric")
        .order_by("position", "pk")
    )
    for assignment in assignments:
        if assignment.rubric_id:
            status = f"Rubric: {assignment.rubric.title}"
        else:
            status = f"{assignment.points.normalize():f} points"
        result[assignment.module_id].items.append(
            Activity(
                title=assignment.title,
                url=reverse("assignment_authoring:assignment", args=[course.slug, assignment.pk]),
                kind=assignment.get_worksheet_display(),
                status=status,
            )
        )
    for module in modules:
        result[module.pk].add_links.append(
            (
                "Add an assignment",
                reverse("assignment_authoring:assignment_create", args=[course.slug, module.pk]),
            )
        )
    return result


ASSIGNMENT_COPY_FIELDS = (
    "title",
    "instructions",
    "instructions_html",
    "worksheet",
    "case_behaviors",
    "diary_rows",
    "personal_rows_allowed",
    "points",
    "about_client",
    "required_for_completion",
    "pass_percent",
    "position",
)


def copy_assignments(new_by_old: dict) -> None:
    """Copy the old course's rubrics (criteria, levels, comment banks), its gradebook weights
    and its modules' assignments into the copy (registered
    with `modules.activities` for `duplicate_course`). Submissions, grades and certificates
    stay behind. A fixed number of queries."""
    if not new_by_old:
        return
    any_old = next(iter(new_by_old))
    new_course_id = new_by_old[any_old].course_id
    rubrics = list(
        Rubric.objects.filter(course__modules__pk=any_old)
        .order_by("pk")
        .prefetch_related("criteria__levels", "criteria__bank_comments")
    )
    new_rubrics = Rubric.objects.bulk_create(
        Rubric(course_id=new_course_id, title=r.title, description=r.description) for r in rubrics
    )
    rubric_by_old = {old.pk: new for old, new in zip(rubrics, new_rubrics, strict=True)}
    criteria, new_criteria = [], []
    for old, new in zip(rubrics, new_rubrics, strict=True):
        for criterion in old.criteria.all():
            criteria.append(criterion)
            new_criteria.append(
                Criterion(
                    rubric=new,
                    title=criterion.title,
                    description=criterion.description,
                    position=criterion.position,
                )
            )
    Criterion.objects.bulk_create(new_criteria)
    pairs = list(zip(criteria, new_criteria, strict=True))
    Level.objects.bulk_create(
        Level(
            criterion=new,
            title=level.title,
            description=level.description,
            points=level.points,
            position=level.position,
        )
        for old, new in pairs
        for level in old.levels.all()
    )
    BankComment.objects.bulk_create(
        BankComment(criterion=new, text=comment.text, position=comment.position)
        for old, new in pairs
        for comment in old.bank_comments.all()
    )
    Assignment.objects.bulk_create(
        # bulk_create skips save(), so the rendered instructions are copied as they are.
        Assignment(
            module=new_by_old[assignment.module_id],
            rubric=rubric_by_old.get(assignment.rubric_id),
            **{name: getattr(assignment, name) for name in ASSIGNMENT_COPY_FIELDS},
        )
        for assignment in Assignment.objects.filter(module__in=list(new_by_old)).order_by("pk")
    )
    weights = GradebookWeights.objects.filter(course__modules__pk=any_old).first()
    if weights is not None:
        GradebookWeights.objects.create(
            course_id=new_course_id,
            quizzes=weights.quizzes,
            assignments=weights.assignments,
            attendance=weights.attendance,
        )


def submitted_work_in(module) -> list[str]:
    """The module's assignments trainees have handed in: their work and grades are part of the
    record, so the module cannot be deleted (`modules.activities` records keeper)."""
    titles = (
        Assignment.objects.filter(
            module=module,
            submissions__status__in=[
                SubmissionStatus.SUBMITTED,
                SubmissionStatus.RETURNED,
                SubmissionStatus.GRADED,
            ],
        )
        .distinct()
        .order_by("position", "pk")
        .values_list("title", flat=True)
    )
    return [
        f"Trainees have submitted “{title}”; their work and grades are part of the record, so "
        "the module cannot be deleted."
        for title in titles
    ]
