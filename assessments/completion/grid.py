"""A cohort's completion as a grid: a row per trainee, a column per thing the certificate
requires (the required lessons as one column, each post-test, required assignment and survey
a column of its own, attendance), an overall status per trainee, sorted and filtered.

The page and its downloads read the same grid, so a download says what the page shows. It is
built from `checklists` (a fixed number of queries however many trainees) plus the
cohort's certificates and, once per process and schedule, its module dates; sorting and
filtering run over the built rows, so the counts above the table always cover everyone.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.utils import timezone

from assessments.completion.checklists import Checklist, Requirement, checklists, course_items
from assessments.models import Certificate, item_key
from courses.models import SEAT_HOLDING, Cohort, Enrollment
from modules.progress import cohort_overrides, course_outlines
from modules.schedule import module_dates


class Status:
    """A trainee's standing as a whole, worst first (the order an ascending sort shows)."""

    BEHIND = "behind"
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"
    ISSUED = "issued"
    REVOKED = "revoked"

    LABELS = {
        BEHIND: "Behind",
        IN_PROGRESS: "In progress",
        COMPLETE: "Complete",
        ISSUED: "Certificate issued",
        REVOKED: "Revoked",
    }
    # What each means, for the filter and the page's key.
    MEANINGS = {
        BEHIND: "required work past its module's due date, or the cohort has ended",
        IN_PROGRESS: "not complete, nothing overdue",
        COMPLETE: "every requirement met, no certificate claimed yet",
        ISSUED: "holds a valid certificate or letter",
        REVOKED: "every certificate issued was revoked",
    }
    ORDER = {key: rank for rank, key in enumerate(LABELS)}


class CellState:
    """Where a trainee stands on one column: met, started but not met, or nothing yet."""

    MET = "met"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"

    LABELS = {MET: "met", IN_PROGRESS: "in progress", NOT_STARTED: "not started"}


@dataclass(frozen=True)
class GridColumn:
    """A column the table sorts by: `key` is what `?sort=` names."""

    key: str
    label: str
    kind: str = ""  # the line under the label: "Post-test · pass mark 80%"
    requirement: str = ""  # the checklist requirement the column belongs to


@dataclass(frozen=True)
class GridCell:
    state: str  # a CellState
    text: str  # "3 of 12", "85%, passed", "Not submitted"
    order: tuple  # how it sorts, with the other cells of its column
    # The figure as a percent, where there is one (a score the gradebook counts, the share of
    # sessions attended): what a spreadsheet gets as a number.
    percent: Decimal | int | None = None

    @property
    def state_label(self) -> str:
        return CellState.LABELS[self.state]


@dataclass
class GridRow:
    checklist: Checklist
    certificates: list[Certificate]
    status: str
    cells: list[GridCell] = field(default_factory=list)

    @property
    def enrollment(self) -> Enrollment:
        return self.checklist.enrollment

    @property
    def name(self) -> str:
        user = self.enrollment.user
        return user.full_name or user.email

    @property
    def status_label(self) -> str:
        if self.status == Status.ISSUED and not any(
            c.kind != Certificate.Kind.PARTICIPATION for c in self.valid_certificates
        ):
            return "Letter issued"
        return Status.LABELS[self.status]

    @property
    def valid_certificates(self) -> list[Certificate]:
        return [c for c in self.certificates if not c.is_revoked]

    @property
    def last_issued(self) -> datetime | None:
        return max((c.issued_at for c in self.certificates), default=None)


# The fixed columns around the requirement columns.
NAME = GridColumn("name", "Trainee")
STATUS = GridColumn("status", "Status")
SHARE = GridColumn("share", "Items met")
CERTIFICATES = GridColumn("certificates", "Certificates")


@dataclass
class Grid:
    cohort: Cohort
    columns: list[GridColumn]  # the requirement columns, in checklist order
    rows: list[GridRow]  # every trainee holding a seat, by name

    @property
    def sortable(self) -> list[GridColumn]:
        return [NAME, STATUS, SHARE, *self.columns, CERTIFICATES]

    def counts(self) -> dict[str, int]:
        """How many trainees have each status (every status, zeros too)."""
        found = dict.fromkeys(Status.LABELS, 0)
        for row in self.rows:
            found[row.status] += 1
        return found

    @property
    def complete(self) -> int:
        return sum(1 for row in self.rows if row.checklist.complete)

    def by_requirement(self) -> list[tuple[Requirement, int, int]]:
        """(requirement, trainees who met it, trainees who have not yet), in checklist order."""
        if not self.rows:
            return []
        first = self.rows[0].checklist.requirements
        met = [0] * len(first)
        for row in self.rows:
            for index, requirement in enumerate(row.checklist.requirements):
                met[index] += requirement.done
        return [
            (requirement, count, len(self.rows) - count)
            for requirement, count in zip(first, met, strict=True)
        ]

    def chosen(
        self,
        *,
        status: str = "",
        team: int | None = None,
        search: str = "",
        sort: str = "name",
        descending: bool = False,
    ) -> list[GridRow]:
        """The rows a filter keeps (`team` 0: no team), sorted by a column, names breaking ties."""
        needle = search.strip().casefold()
        kept = [
            row
            for row in self.rows
            if (not status or row.status == status)
            and (team is None or (row.enrollment.team_id or 0) == team)
            and (
                not needle
                or needle in row.name.casefold()
                or needle in row.enrollment.user.email.casefold()
            )
        ]
        # The rows come by name already; a stable sort keeps that order among equals, also
        # when descending (Python's `reverse` keeps equal rows in their order).
        if sort == NAME.key:
            return list(reversed(kept)) if descending else kept
        order = self._order(sort)
        return sorted(kept, key=order, reverse=descending)

    def _order(self, sort: str):
        if sort == STATUS.key:
            return lambda row: Status.ORDER[row.status]
        if sort == SHARE.key:
            return lambda row: row.checklist.share
        if sort == CERTIFICATES.key:
            return lambda row: (len(row.valid_certificates), row.last_issued or _NEVER)
        index = next(i for i, column in enumerate(self.columns) if column.key == sort)
        return lambda row: row.cells[index].order


_NEVER = datetime(1970, 1, 1, tzinfo=UTC)


def completion_grid(cohort: Cohort, *, now: datetime | None = None) -> Grid:
    """Every active or completed trainee of `cohort` (loaded with `scheduled_sessions`, as
    `CohortCompletionMixin` loads it), with the certificates issued to them."""
    now = now or timezone.now()
    enrollments = Enrollment.objects.filter(cohort=cohort, status__in=SEAT_HOLDING)
    found = checklists(cohort, enrollments, now=now, scheduled=cohort.scheduled_sessions)
    issued: dict[int, list[Certificate]] = {}
    for certificate in (
        Certificate.objects.filter(enrollment__in=enrollments)
        .only("pk", "enrollment_id", "kind", "code", "issued_at", "revoked_at")
        .order_by("issued_at", "pk")
    ):
        issued.setdefault(certificate.enrollment_id, []).append(certificate)
    checklist_rows = list(found.values())
    if not checklist_rows:
        return Grid(cohort, [], [])
    today = now.astimezone(ZoneInfo(cohort.time_zone)).date()
    overdue = _overdue_keys(cohort, today)
    ended = today > cohort.ends_on
    columns = _columns(checklist_rows[0])
    rows = []
    for checklist in checklist_rows:
        certificates = issued.get(checklist.enrollment.pk, [])
        rows.append(
            GridRow(
                checklist=checklist,
                certificates=certificates,
                status=_status(checklist, certificates, overdue=overdue, ended=ended),
                cells=[cell for r in checklist.requirements for cell in _cells(r)],
            )
        )
    return Grid(cohort, columns, rows)


def _columns(checklist: Checklist) -> list[GridColumn]:
    """The requirement columns, from any trainee's checklist (every trainee's has the same)."""
    columns = []
    for requirement in checklist.requirements:
        if requirement.key == "lessons":
            columns.append(
                GridColumn("lessons", "Lessons", f"{requirement.total} required", "lessons")
            )
        elif requirement.key == "attendance":
            minimum = checklist.rules.min_attendance_percent
            columns.append(
                GridColumn(
                    "attendance", "Attendance", f"Live sessions · {minimum}% needed", "attendance"
                )
            )
        else:
            kind = {
                "post_test": "Post-test",
                "assignments": "Assignment",
                "evaluation": "Course evaluation",
            }[requirement.key]
            columns += [
                GridColumn(
                    item.key,
                    item.title,
                    kind if item.mark is None else f"{kind} · pass {item.mark}%",
                    requirement.key,
                )
                for item in requirement.items
            ]
    return columns


def _cells(requirement: Requirement) -> list[GridCell]:
    """One requirement's cells: one for the lessons or attendance, one per item otherwise."""
    if requirement.items:
        return [
            GridCell(
                _state(item.met, item.started),
                item.text,
                (item.met, item.value if item.value is not None else -1, item.started),
                item.value,
            )
            for item in requirement.items
        ]
    state = _state(requirement.done, requirement.started)
    if requirement.key == "attendance":
        if requirement.percent is None:  # no session scheduled: nothing to attend
            return [GridCell(state, "No sessions", (requirement.done, 100))]
        return [
            GridCell(
                state,
                f"{requirement.percent}%",
                (requirement.done, requirement.percent),
                requirement.percent,
            )
        ]
    return [
        GridCell(
            state,
            f"{requirement.met} of {requirement.total}",
            (requirement.done, requirement.met),
        )
    ]


def _state(met: bool, started: bool) -> str:
    if met:
        return CellState.MET
    return CellState.IN_PROGRESS if started else CellState.NOT_STARTED


def _status(
    checklist: Checklist, certificates: list[Certificate], *, overdue: frozenset, ended: bool
) -> str:
    if any(not c.is_revoked for c in certificates):
        return Status.ISSUED
    if certificates:
        return Status.REVOKED
    if checklist.complete:
        return Status.COMPLETE
    if ended or any(key in overdue for r in checklist.left for key in r.left_keys):
        return Status.BEHIND
    return Status.IN_PROGRESS


def _overdue_keys(cohort: Cohort, today: date) -> frozenset:
    """The lessons (ids) and items (keys) of the modules whose due date, with the cohort's own
    dates applied, has passed: no query once this process knows the course and the schedule."""
    course = cohort.course
    outline = course_outlines([course.pk], {course.pk: course.outline_stamp})[course.pk]
    overrides = cohort_overrides([cohort])
    due_modules = set()
    for module in outline.modules:
        _, due_on = module_dates(cohort, module, overrides.get((cohort.pk, module.pk)))
        if due_on is not None and due_on < today:
            due_modules.add(module.pk)
    if not due_modules:
        return frozenset()
    items = course_items(course)
    return frozenset(
        [pk for pk, lesson in outline.lessons.items() if lesson.module_id in due_modules]
        + [
            item_key(item)
            for item in (*items.post_tests, *items.assignments, *items.surveys)
            if item.module_id in due_modules
        ]
    )
