"""The gradebook: every trainee of a cohort against every graded item, with category percents,
a weighted total and a result; its CSV export; and CSV overrides of single cells.

Reads are a merge over a fixed number of queries, each ordered by trainee and read in chunks
(`.iterator()`), so a cohort of 1,000 trainees × 50 items never sits in memory at once and the
query count does not grow with trainees or items. The arithmetic is a handful of small pure
functions (`percent_of`, `category_percent`, `weighted_total`, `result_of`).

Rounding: every cell, category and total is rounded half-up to two decimals, and each stage is
computed from the rounded figures of the stage below, so a spreadsheet that recomputes the
exported columns gets the same numbers.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.db.models.functions import Lower
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from assessments.grading.audit import record_grade_change, score_text
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
from assessments.taxonomy import GradeAction, GradeCategory, QuizKind, SubmissionStatus
from courses.csv_import import decode_csv, detect_delimiter, spreadsheet_safe
from courses.models import Cohort, Course, Enrollment

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
CATEGORIES = (GradeCategory.QUIZZES, GradeCategory.ASSIGNMENTS, GradeCategory.ATTENDANCE)

PASS, FAIL, IN_PROGRESS = "Pass", "Fail", "In progress"

AWAITING = "awaiting grading"
NOT_RELEASED = "not released"
OVERRIDDEN = "overridden"
RETURNED = "returned for revision"
SUBMITTED = "submitted"
NO_SESSIONS = "no sessions held yet"

# Rows read per round trip: big enough that the round trips cost little, small enough that a
# chunk of a 50-item cohort stays a few megabytes.
CHUNK = 2000


# --- the arithmetic (pure) ------------------------------------------------------------------------


def rounded(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def percent_of(score: Decimal | None, max_score: Decimal | None) -> Decimal | None:
    """score out of max_score as a percent with two decimals; None when there is nothing to say."""
    if score is None or not max_score:
        return None
    return rounded(Decimal(score) * HUNDRED / Decimal(max_score))


def category_percent(values: Iterable[Decimal | None]) -> Decimal | None:
    """The mean of the items that have a value; None when none has."""
    present = [value for value in values if value is not None]
    if not present:
        return None
    return rounded(sum(present, Decimal(0)) / len(present))


def weighted_total(percents: dict[str, Decimal | None], weights: dict[str, int]) -> Decimal | None:
    """Σ weight·percent / Σ weight over the categories that have a value: a category with nothing
    graded drops out and the others share its weight (Moodle's weighted mean of grades)."""
    pairs = [
        (Decimal(weights[category]), percent)
        for category, percent in percents.items()
        if percent is not None and weights.get(category)
    ]
    weight = sum((w for w, _ in pairs), Decimal(0))
    if not weight:
        return None
    return rounded(sum((w * p for w, p in pairs), Decimal(0)) / weight)


def result_of(total: Decimal | None, *, pass_mark: int, complete: bool) -> str:
    """Pass or Fail against the course's pass mark once every counted item has a value."""
    if not complete or total is None:
        return IN_PROGRESS
    return PASS if total >= pass_mark else FAIL


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


# --- CSV export -----------------------------------------------------------------------------------

CATEGORY_HEADERS = ["Quizzes %", "Assignments %", "Attendance %", "Total %", "Result"]


class _Echo:
    """A file-like whose write returns the line, so csv.writer can feed a stream."""

    def write(self, value: str) -> str:
        return value


def number_text(value: Decimal | None) -> str:
    """Numbers with a dot and two decimals, whatever the spreadsheet's locale; empty for none."""
    return "" if value is None else f"{value:.2f}"


def csv_lines(items: list[GradebookItem], found: Iterable[Row]) -> Iterator[str]:
    """The gradebook as CSV lines, one row at a time. A BOM first: without it Excel reads UTF-8
    as the local code page and mangles accented names."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(
        ["Name", "Email", "Team", "Status", *(item.header for item in items), *CATEGORY_HEADERS]
    )
    for row in found:
        enrollment = row.enrollment
        yield writer.writerow(
            [
                spreadsheet_safe(enrollment.user.full_name),
                spreadsheet_safe(enrollment.user.email),
                spreadsheet_safe(enrollment.team.name) if enrollment.team else "",
                enrollment.get_status_display(),
                *(number_text(cell.value) for cell in row.cells),
                number_text(row.quizzes),
                number_text(row.assignments),
                number_text(row.attendance),
                number_text(row.total),
                row.result,
            ]
        )


# --- overrides ------------------------------------------------------------------------------------


@transaction.atomic
def set_override(
    *,
    enrollment: Enrollment,
    item: GradebookItem,
    percent: Decimal,
    reason: str,
    by,
    current: Cell | None = None,
) -> GradeOverride:
    """Replace one cell of the gradebook with a percentage, and write it to the audit trail.

    `current` is the cell as the caller last computed it (the import has it already); without it
    the cell is read afresh, so the trail's old value is what the gradebook showed."""
    reason = " ".join((reason or "").split())
    errors = {}
    if item.course_id != enrollment.cohort.course_id:
        errors["item"] = "That item is not part of this trainee's course."
    try:
        percent = rounded(Decimal(percent))
    except (InvalidOperation, TypeError):
        errors["percent"] = "Enter a percentage from 0 to 100."
    else:
        if not percent.is_finite() or not 0 <= percent <= HUNDRED:
            errors["percent"] = "Enter a percentage from 0 to 100."
    if not reason:
        errors["reason"] = "Say why the grade is overridden: the reason goes in the audit trail."
    elif len(reason) > GradeOverride._meta.get_field("reason").max_length:
        errors["reason"] = "Keep the reason under 300 characters."
    if errors:
        raise ValidationError(errors)
    if current is None:
        current = current_cell(enrollment, item)
    now = timezone.now()
    override, _ = GradeOverride.objects.update_or_create(
        enrollment=enrollment,
        item=item.key,
        defaults={"percent": percent, "reason": reason, "set_by": by, "set_at": now},
    )
    record_grade_change(
        enrollment=enrollment,
        item=item.key,
        item_title=item.title,
        action=GradeAction.OVERRIDDEN,
        old=score_text(current.value),
        new=score_text(percent),
        reason=reason,
        by=by,
        at=now,
    )
    return override


@transaction.atomic
def clear_override(*, enrollment: Enrollment, item: GradebookItem, reason: str, by) -> None:
    """Give a cell back to what the gradebook computes, and write that to the audit trail."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError(
            {"reason": "Say why the override is removed: it goes in the audit trail."}
        )
    if len(reason) > GradeOverride._meta.get_field("reason").max_length:
        raise ValidationError({"reason": "Keep the reason under 300 characters."})
    override = (
        GradeOverride.objects.select_for_update()
        .filter(enrollment=enrollment, item=item.key)
        .first()
    )
    if override is None:
        raise ValidationError("This cell has no override to remove.")
    old = override.percent
    override.delete()
    record_grade_change(
        enrollment=enrollment,
        item=item.key,
        item_title=item.title,
        action=GradeAction.OVERRIDDEN,
        old=score_text(old),
        new=score_text(current_cell(enrollment, item).value),
        reason=f"Override removed: {reason}",
        by=by,
    )


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


# --- CSV import of overrides ----------------------------------------------------------------------

MAX_IMPORT_BYTES = 2 * 1024 * 1024  # a 1,000 × 50 export is about half a megabyte
MAX_IMPORT_ROWS = 10_000
KEY_IN_HEADER = re.compile(r"\[([^\[\]]*)\]\s*$")


@dataclass(frozen=True)
class ImportProblem:
    """Something to fix in the file; `line` is None when it concerns the whole file."""

    line: int | None
    message: str

    def __str__(self) -> str:
        return f"Line {self.line}: {self.message}" if self.line else self.message


@dataclass(frozen=True)
class OverrideChange:
    line: int
    enrollment: Enrollment
    item: GradebookItem
    old: Cell
    new: Decimal


@dataclass(frozen=True)
class OverridePlan:
    """What an import would change, cell by cell, before anything changes."""

    changes: list[OverrideChange]
    problems: list[ImportProblem]
    rows_read: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def csv_text(data: bytes) -> str | None:
    """An uploaded CSV's text (UTF-8 with or without BOM, or UTF-16 with one); None otherwise."""
    return decode_csv(data)


def _problem(message: str) -> OverridePlan:
    return OverridePlan(changes=[], problems=[ImportProblem(None, message)])


def plan_override_import(*, cohort: Cohort, data: bytes) -> OverridePlan:
    """Read an edited gradebook export and say which cells it changes; change nothing.

    Columns are recognised by the bracketed item key the export writes ("… [quiz:12]"); other
    columns (names, category percents, totals) are ignored. An empty cell or an unchanged value
    changes nothing. Any problem anywhere means the whole file is refused."""
    if len(data) > MAX_IMPORT_BYTES:
        return _problem("The file is larger than 2 MB; export a filtered gradebook instead.")
    text = csv_text(data)
    if text is None:
        return _problem(
            "The file is not UTF-8 text. Save it as “CSV UTF-8 (comma delimited)” and try again."
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=detect_delimiter(text))
    try:
        records = [(reader.line_num, cells) for cells in reader if any(c.strip() for c in cells)]
    except csv.Error as exc:
        return _problem(f"Line {reader.line_num} is not valid CSV ({exc}).")
    if not records:
        return _problem("The file is empty.")
    items = {item.key: item for item in gradebook_items(cohort.course)}
    _, header = records[0]
    email_column, columns, problems = _read_header(header, items)
    if problems:
        return OverridePlan(changes=[], problems=problems)
    body = records[1:]
    if len(body) > MAX_IMPORT_ROWS:
        return _problem(f"The file has {len(body):,} rows; at most {MAX_IMPORT_ROWS:,} fit.")

    emails = {_cell(cells, email_column).strip().lower() for _, cells in body} - {""}
    current = {
        row.enrollment.user.email.lower(): row
        for row in rows(
            cohort,
            Enrollment.objects.filter(cohort=cohort)
            .annotate(email_lower=Lower("user__email"))
            .filter(email_lower__in=emails),
            list(columns.values()),
            released_only=False,
        )
    }
    changes: list[OverrideChange] = []
    seen: dict[str, int] = {}
    for line, cells in body:
        raw = _cell(cells, email_column).strip()
        email = raw.lower()
        if not email:
            problems.append(ImportProblem(line, "The email is missing."))
            continue
        if email in seen:
            problems.append(ImportProblem(line, f"“{raw}” is already on line {seen[email]}."))
            continue
        seen[email] = line
        row = current.get(email)
        if row is None:
            problems.append(
                ImportProblem(line, f"No one with the email “{raw[:80]}” is in this cohort.")
            )
            continue
        for position, (index, item) in enumerate(columns.items()):
            value = _cell(cells, index).strip()
            if not value:
                continue
            new = _parse_percent(value)
            if isinstance(new, str):
                problems.append(ImportProblem(line, f"{item.title}: {new}"))
                continue
            old = row.cells[position]
            if old.value is None or rounded(old.value) != new:
                changes.append(OverrideChange(line, row.enrollment, item, old, new))
    if problems:
        return OverridePlan(changes=[], problems=problems, rows_read=len(body))
    return OverridePlan(changes=changes, problems=[], rows_read=len(body))


def _read_header(header: list[str], items: dict[str, GradebookItem]):
    """(email column, {column: item}, problems) from the header line."""
    email_column = None
    columns: dict[int, GradebookItem] = {}
    problems = []
    for index, name in enumerate(header):
        name = name.strip().removeprefix("\ufeff")
        match = KEY_IN_HEADER.search(name)
        if match:
            key = match.group(1).strip().lower()
            item = items.get(key)
            if item is None:
                problems.append(
                    ImportProblem(None, f"The column “{name[:80]}” names no item of this course.")
                )
            elif item in columns.values():
                problems.append(ImportProblem(None, f"The item [{key}] has two columns."))
            else:
                columns[index] = item
        elif name.lower() == "email" and email_column is None:
            email_column = index
    if email_column is None:
        problems.insert(0, ImportProblem(None, "The file needs the “Email” column of the export."))
    if not columns and not problems:
        problems.append(
            ImportProblem(
                None,
                "No grade columns found: keep the export's headers, which end in the item's key "
                "in brackets, e.g. “Chain analysis [assignment:5]”.",
            )
        )
    return email_column, columns, problems


def _cell(cells: list[str], index: int) -> str:
    return cells[index] if index < len(cells) else ""


def _parse_percent(text: str) -> Decimal | str:
    """The percentage in a cell, or what is wrong with it."""
    shown = text[:40]
    try:
        value = Decimal(text.removesuffix("%").strip())
    except InvalidOperation:
        return f"“{shown}” is not a number (write e.g. 85 or 72.5, with a dot)."
    if not value.is_finite():
        return f"“{shown}” is not a number (write e.g. 85 or 72.5, with a dot)."
    if not 0 <= value <= HUNDRED:
        return f"{shown} is outside 0–100."
    return rounded(value)


@transaction.atomic
def apply_override_import(*, cohort: Cohort, data: bytes, reason: str, by) -> OverridePlan:
    """Apply every change of the file or none: planned again now, so the changes made are the
    changes the gradebook would show today, not at preview time."""
    plan = plan_override_import(cohort=cohort, data=data)
    if not plan.ok:
        raise ValidationError([str(problem) for problem in plan.problems])
    for change in plan.changes:
        set_override(
            enrollment=change.enrollment,
            item=change.item,
            percent=change.new,
            reason=reason,
            by=by,
            current=change.old,
        )
    return plan
