"""The gradebook's columns (items) and rows: a merge over a fixed number of queries, each ordered
by trainee and read in chunks, so neither memory nor the query count grows with the cohort."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from assessments.grading.gradebook.arithmetic import (
    AWAITING,
    CATEGORIES,
    CHUNK,
    FAIL,
    IN_PROGRESS,
    NO_SESSIONS,
    NOT_RELEASED,
    OVERRIDDEN,
    PASS,
    RETURNED,
    SUBMITTED,
    category_percent,
    percent_of,
    result_of,
    rounded,
    weighted_total,
)
from assessments.models import (
    ATTENDANCE_ITEM,
    Assignment,
    Attempt,
    GradebookWeights,
    GradeOverride,
    Quiz,
    Submission,
    item_key,
)
from assessments.quizzes.results import counted_attempt
from assessments.taxonomy import GradeCategory, QuizKind, SubmissionStatus
from courses.models import Cohort, Course, Enrollment

# --- items ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GradebookItem:
    """One column: a quiz, an assignment or attendance."""

    key: str
    title: str
    category: str
    course_id: int
    kind: str = ""  # "Pre-test", "Behavioral chain analysis", ...
    counted: bool = True  # pre-tests are shown but do not count towards the total
    pk: int | None = None
    grading_method: str = ""  # quizzes: which attempt counts

    @property
    def header(self) -> str:
        """The CSV column name; the bracketed key is what the import reads back."""
        return f"{self.title} [{self.key}]"

    def trainee_url(self, cohort_id: int) -> str:
        try:
            if self.category == GradeCategory.QUIZZES:
                return reverse("quizzes:quiz", args=[cohort_id, self.pk])
            if self.category == GradeCategory.ASSIGNMENTS:
                return reverse("assignments:assignment", args=[cohort_id, self.pk])
        except NoReverseMatch:
            return ""
        return ""


def gradebook_items(course: Course) -> list[GradebookItem]:
    """The columns in order: every quiz but surveys, every assignment, then attendance."""
    quizzes = (
        Quiz.objects.filter(module__course=course)
        .exclude(kind=QuizKind.EVALUATION)
        .in_course_order()
        .only("pk", "title", "kind", "grading_method", "module_id")
    )
    assignments = (
        Assignment.objects.filter(module__course=course)
        .in_course_order()
        .only("pk", "title", "worksheet", "module_id")
    )
    items = [
        GradebookItem(
            key=item_key(quiz),
            title=quiz.title,
            category=GradeCategory.QUIZZES,
            course_id=course.pk,
            kind=quiz.get_kind_display(),
            counted=quiz.kind != QuizKind.PRE_TEST,
            pk=quiz.pk,
            grading_method=quiz.grading_method,
        )
        for quiz in quizzes
    ]
    items += [
        GradebookItem(
            key=item_key(assignment),
            title=assignment.title,
            category=GradeCategory.ASSIGNMENTS,
            course_id=course.pk,
            kind=assignment.get_worksheet_display(),
            pk=assignment.pk,
        )
        for assignment in assignments
    ]
    items.append(
        GradebookItem(
            key=ATTENDANCE_ITEM,
            title="Attendance",
            category=GradeCategory.ATTENDANCE,
            course_id=course.pk,
            kind="Live sessions",
        )
    )
    return items


def weights_for(course: Course) -> dict[str, int]:
    """The course's category weights, or the defaults when it has none saved."""
    weights = GradebookWeights.objects.filter(course=course).first() or GradebookWeights()
    return {category: weights.weight_of(category) for category in CATEGORIES}


# --- rows -----------------------------------------------------------------------------------------


@dataclass
class Cell:
    item: GradebookItem
    value: Decimal | None = None
    status: str = ""  # why there is no value, or what is special about it
    overridden: bool = False
    unreleased: bool = False
    not_applicable: bool = False  # attendance before any session was held

    @property
    def pending(self) -> bool:
        """A counted item still waiting for a value (so the result is not final)."""
        return self.item.counted and self.value is None and not self.not_applicable


@dataclass
class Row:
    enrollment: Enrollment
    cells: list[Cell]
    categories: dict[str, Decimal | None] = field(default_factory=dict)
    total: Decimal | None = None
    result: str = IN_PROGRESS

    @property
    def quizzes(self) -> Decimal | None:
        return self.categories.get(GradeCategory.QUIZZES)

    @property
    def assignments(self) -> Decimal | None:
        return self.categories.get(GradeCategory.ASSIGNMENTS)

    @property
    def attendance(self) -> Decimal | None:
        return self.categories.get(GradeCategory.ATTENDANCE)

    def cell(self, key: str) -> Cell | None:
        return next((c for c in self.cells if c.item.key == key), None)


class _Stream:
    """One ordered query read in chunks, handed out a trainee at a time.

    Every stream is ordered like the enrollments (name, then enrollment id) and limited to the
    same enrollments, so the trainee at its head is the current one or a later one."""

    def __init__(self, rows: Iterator):
        self._groups = itertools.groupby(rows, key=lambda row: row.enrollment_id)
        self._head = next(self._groups, None)

    def take(self, enrollment_id: int) -> list:
        if self._head is None or self._head[0] != enrollment_id:
            return []
        found = list(self._head[1])
        self._head = next(self._groups, None)
        return found


BY_TRAINEE = ("enrollment__user__full_name", "enrollment_id")


def rows(
    cohort: Cohort,
    enrollments: QuerySet,
    items: list[GradebookItem],
    *,
    released_only: bool,
    weights: dict[str, int] | None = None,
    now=None,
) -> Iterator[Row]:
    """A Row per enrollment (by name), computed from five queries however many there are.

    `released_only` is the trainee's view: unreleased assignment grades show no value. Quiz
    essays need no such care: their score reaches the attempt only when released. `weights`
    (from `weights_for`) saves a query when the caller shows them too."""
    now = now or timezone.now()
    course = cohort.course
    weights = weights or weights_for(course)
    subset = enrollments.values("pk")
    quizzes = {item.pk: item for item in items if item.category == GradeCategory.QUIZZES}
    assignments = [item.pk for item in items if item.category == GradeCategory.ASSIGNMENTS]

    people = (
        Enrollment.objects.filter(pk__in=subset)
        .select_related("user", "team", "cohort")
        .with_attendance(now=now)
        .order_by("user__full_name", "pk")
        .iterator(chunk_size=CHUNK)
    )
    attempts = _Stream(
        Attempt.objects.filter(
            enrollment__in=subset, quiz__in=list(quizzes), submitted_at__isnull=False
        )
        .order_by(*BY_TRAINEE, "quiz_id", "number")
        .values_list(
            "enrollment_id", "quiz_id", "number", "percent", "awaiting_grading", named=True
        )
        .iterator(chunk_size=CHUNK)
    )
    submissions = _Stream(
        Submission.objects.filter(enrollment__in=subset, assignment__in=assignments)
        .exclude(status=SubmissionStatus.DRAFT)
        .order_by(*BY_TRAINEE, "assignment_id")
        .values_list(
            "enrollment_id",
            "assignment_id",
            "status",
            "grade__score",
            "grade__max_score",
            "grade__released_at",
            named=True,
        )
        .iterator(chunk_size=CHUNK)
    )
    overrides = _Stream(
        GradeOverride.objects.filter(enrollment__in=subset)
        .order_by(*BY_TRAINEE, "item")
        .values_list("enrollment_id", "item", "percent", named=True)
        .iterator(chunk_size=CHUNK)
    )
    for enrollment in people:
        by_quiz = {
            quiz_id: list(group)
            for quiz_id, group in itertools.groupby(
                attempts.take(enrollment.pk), key=lambda a: a.quiz_id
            )
        }
        by_assignment = {s.assignment_id: s for s in submissions.take(enrollment.pk)}
        overridden = {o.item: o.percent for o in overrides.take(enrollment.pk)}
        cells = []
        for item in items:
            if item.category == GradeCategory.QUIZZES:
                cell = _quiz_cell(item, by_quiz.get(item.pk, []))
            elif item.category == GradeCategory.ASSIGNMENTS:
                cell = _assignment_cell(item, by_assignment.get(item.pk), released_only)
            else:
                cell = _attendance_cell(item, enrollment)
            if item.key in overridden:
                cell.value, cell.status = rounded(overridden[item.key]), OVERRIDDEN
                cell.overridden, cell.unreleased, cell.not_applicable = True, False, False
            cells.append(cell)
        yield summarise(enrollment, cells, weights=weights, pass_mark=course.pass_mark)


def summarise(enrollment, cells: list[Cell], *, weights: dict[str, int], pass_mark: int) -> Row:
    """Category percents, the weighted total and the result of one trainee's cells."""
    counted = [cell for cell in cells if cell.item.counted]
    categories = {
        category: category_percent(c.value for c in counted if c.item.category == category)
        for category in CATEGORIES
    }
    total = weighted_total(categories, weights)
    complete = not any(cell.pending for cell in counted)
    return Row(
        enrollment=enrollment,
        cells=cells,
        categories=categories,
        total=total,
        result=result_of(total, pass_mark=pass_mark, complete=complete),
    )


def _quiz_cell(item: GradebookItem, attempts: list) -> Cell:
    counted = counted_attempt(attempts, item.grading_method)
    if counted is None:
        return Cell(item)
    if counted.awaiting_grading:
        return Cell(item, status=AWAITING)
    if counted.percent is None:
        return Cell(item, status=SUBMITTED)
    return Cell(item, value=rounded(counted.percent))


def _assignment_cell(item: GradebookItem, submission, released_only: bool) -> Cell:
    if submission is None:
        return Cell(item)
    graded = submission.grade__score is not None
    released = submission.grade__released_at is not None
    if graded and (released or not released_only):
        return Cell(
            item,
            value=percent_of(submission.grade__score, submission.grade__max_score),
            status="" if released else NOT_RELEASED,
            unreleased=not released,
        )
    if submission.status == SubmissionStatus.RETURNED:
        return Cell(item, status=RETURNED)
    return Cell(item, status=AWAITING)


def _attendance_cell(item: GradebookItem, enrollment) -> Cell:
    if not enrollment.attendance_held:
        return Cell(item, status=NO_SESSIONS, not_applicable=True)
    return Cell(item, value=percent_of(enrollment.attendance_present, enrollment.attendance_held))


# --- filters --------------------------------------------------------------------------------------

RESULT_FILTERS = {"pass": PASS, "fail": FAIL, "in_progress": IN_PROGRESS}


def with_result(found: Iterable[Row], result: str) -> Iterator[Row]:
    """Rows whose result is the filter's ("pass", "fail", "in_progress"); all for ""."""
    wanted = RESULT_FILTERS.get(result)
    return (row for row in found if wanted is None or row.result == wanted)


@dataclass(frozen=True)
class RowPage:
    rows: list[Row]
    number: int
    count: int  # rows on every page together
    per_page: int

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // self.per_page))

    @property
    def start(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.rows else 0

    @property
    def end(self) -> int:
        return self.start + len(self.rows) - 1 if self.rows else 0

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages


def gradebook_page(
    cohort: Cohort,
    enrollments: QuerySet,
    items: list[GradebookItem],
    *,
    result: str,
    released_only: bool,
    weights: dict[str, int],
    number: int,
    per_page: int,
) -> RowPage:
    """One page of the gradebook. Without a result filter the database counts and slices the
    trainees, so only a page of rows is computed; a result is only known once a row is computed,
    so with one every row is computed and all but a page dropped as they stream past."""
    if result:
        found = rows(cohort, enrollments, items, released_only=released_only, weights=weights)
        return page_of(with_result(found, result), number=number, per_page=per_page)
    number = max(1, number)
    count = enrollments.count()
    first = (number - 1) * per_page
    ids = list(
        enrollments.order_by("user__full_name", "pk").values_list("pk", flat=True)[
            first : first + per_page
        ]
    )
    found = rows(
        cohort,
        Enrollment.objects.filter(pk__in=ids),
        items,
        released_only=released_only,
        weights=weights,
    )
    return RowPage(rows=list(found) if ids else [], number=number, count=count, per_page=per_page)


def page_of(found: Iterable[Row], *, number: int, per_page: int) -> RowPage:
    """Keep one page of rows and count the rest as they stream past (memory: one page)."""
    number = max(1, number)
    first = (number - 1) * per_page
    kept, count = [], 0
    for count, row in enumerate(found, start=1):  # noqa: B007 (count is read after the loop)
        if first < count <= first + per_page:
            kept.append(row)
    return RowPage(rows=kept, number=number, count=count, per_page=per_page)


def item_of(course: Course, key: str) -> GradebookItem | None:
    """The gradebook column with this key in the course, or None (a stale or tampered key)."""
    return next((item for item in gradebook_items(course) if item.key == key), None)


def current_cell(enrollment: Enrollment, item: GradebookItem) -> Cell:
    """One cell as the trainer's gradebook shows it now."""
    row = next(
        rows(
            enrollment.cohort,
            Enrollment.objects.filter(pk=enrollment.pk),
            [item],
            released_only=False,
        )
    )
    return row.cells[0]
