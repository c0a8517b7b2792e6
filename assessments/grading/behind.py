"""Who is behind: a cohort's active trainees with overdue work or no recent activity, and the
nudge a trainer sends them (a plain email for now).

`behind_in` reads a whole cohort in a fixed number of queries, however many trainees, modules,
quizzes and assignments it has. Module dates and lesson completion come from
`modules.progress.progress_for`, so the schedule's cohort overrides apply here as everywhere.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from email.utils import formataddr, parseaddr
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max, OuterRef, QuerySet, Subquery
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timesince

from assessments.models import Assignment, Attempt, Nudge, Quiz, Response, Submission
from assessments.taxonomy import QuizKind, SubmissionStatus
from courses.models import Cohort, Enrollment, EnrollmentStatus
from dbt_training.core.sites import absolute_url, site_name
from dbt_training.outbox.services import Email, enqueue
from modules.models import LessonProgress
from modules.progress import progress_for

DEFAULT_IDLE_DAYS = 7
IDLE_DAYS_RANGE = (1, 90)
# One nudge per trainee per day, whoever sends it: more reads as nagging, not support.
NUDGE_INTERVAL = timedelta(hours=24)
# Work that counts as handed in; a returned submission is outstanding until it is resubmitted.
HANDED_IN = (SubmissionStatus.SUBMITTED, SubmissionStatus.GRADED)


@dataclass(frozen=True)
class OverdueItem:
    kind: str  # "Module", "Assignment" or "Quiz"
    title: str
    due_on: date
    detail: str = ""
    module_id: int = 0

    def __str__(self) -> str:
        return f"{self.title} ({self.kind.lower()})"


@dataclass
class BehindRow:
    """Where one active trainee stands: what is overdue, how long they have been idle, and the
    last nudge they were sent."""

    enrollment: Enrollment
    overdue: list[OverdueItem] = field(default_factory=list)
    last_activity_at: datetime | None = None
    days_idle: int = 0
    idle_days: int = DEFAULT_IDLE_DAYS
    last_nudge_at: datetime | None = None
    last_nudge_by: str = ""
    can_nudge_after: datetime | None = None  # None: a nudge may go now

    @property
    def is_idle(self) -> bool:
        return self.days_idle >= self.idle_days

    @property
    def is_behind(self) -> bool:
        return bool(self.overdue) or self.is_idle

    @property
    def can_nudge(self) -> bool:
        return self.can_nudge_after is None


def behind_in(cohort: Cohort, *, idle_days: int, now: datetime) -> list[BehindRow]:
    """The cohort's active trainees who are behind (an overdue item, or no activity for
    `idle_days` days), the most overdue first."""
    enrollments = Enrollment.objects.active().filter(cohort=cohort)
    rows = [
        row
        for row in _rows(enrollments, idle_days=idle_days, now=now, cohort=cohort)
        if row.is_behind
    ]
    return sorted(
        rows,
        key=lambda r: (-len(r.overdue), -r.days_idle, r.enrollment.user.full_name.lower()),
    )


def open_work_in(
    cohort: Cohort, *, now: datetime, is_due: Callable[[date, date], bool]
) -> list[BehindRow]:
    """Every active trainee of the cohort with the open work of the modules `is_due(due_on,
    today)` picks (the reminders for work due soon and overdue), in a fixed number of queries."""
    enrollments = Enrollment.objects.active().filter(cohort=cohort)
    return _rows(enrollments, idle_days=DEFAULT_IDLE_DAYS, now=now, is_due=is_due, cohort=cohort)


def standing_of(enrollment: Enrollment, *, now: datetime | None = None) -> BehindRow:
    """The same row for one enrollment, whatever its status (the nudge and its email use it)."""
    return _rows(Enrollment.objects.filter(pk=enrollment.pk), idle_days=DEFAULT_IDLE_DAYS, now=now)[
        0
    ]


def _latest(queryset: QuerySet, by: str, value: str) -> Subquery:
    """The latest `value` of the rows of `queryset` whose `by` is the outer enrollment."""
    return Subquery(
        queryset.filter(**{by: OuterRef("pk")})
        # No default ordering: Attempt's and Submission's would join their quiz, module, course,
        # cohort and user into every subquery's GROUP BY, once per trainee.
        .order_by()
        .values(by)
        .annotate(latest=Max(value))
        .values("latest")
    )


def with_last_activity(enrollments: QuerySet) -> QuerySet:
    """Annotate the moments of a trainee's own activity; `last_activity` takes the latest."""
    return enrollments.annotate(
        last_lesson_view=_latest(LessonProgress.objects, "enrollment", "last_viewed_at"),
        last_attempt_start=_latest(Attempt.objects, "enrollment", "started_at"),
        # A time limit submitting an attempt is the server's doing, not the trainee's.
        last_attempt_submit=_latest(
            Attempt.objects.filter(submitted_by_time_limit=False),
            "enrollment",
            "submitted_at",
        ),
        last_answer_save=_latest(Response.objects, "attempt__enrollment", "saved_at"),
        last_submission_save=_latest(Submission.objects, "enrollment", "saved_at"),
        last_submission_submit=_latest(Submission.objects, "enrollment", "submitted_at"),
    )


def last_activity(enrollment: Enrollment) -> datetime:
    """The latest annotated activity, else when they enrolled (`with_last_activity` first)."""
    moments = [
        enrollment.last_lesson_view,
        enrollment.last_attempt_start,
        enrollment.last_attempt_submit,
        enrollment.last_answer_save,
        enrollment.last_submission_save,
        enrollment.last_submission_submit,
    ]
    seen = [moment for moment in moments if moment is not None]
    return max(seen) if seen else (enrollment.enrolled_at or enrollment.created_at)


def _rows(
    enrollments: QuerySet,
    *,
    idle_days: int,
    now: datetime | None,
    is_due: Callable[[date, date], bool] | None = None,
    cohort: Cohort | None = None,
) -> list[BehindRow]:
    """One row per enrollment in a fixed number of queries (one for the enrollments with their
    activity, last nudge and completed lessons from the read model; progress_for's for the first
    of them, one once the process knows the course and the cohort's dates; four for due quizzes
    and work).
    `is_due(due_on, today)` picks the modules whose open work is listed; by default those past
    their due date (the reminders use it for work due soon). `cohort`, when given, is the one
    cohort of all the enrollments (with its course loaded): it is then not read again per row."""
    now = now or timezone.now()
    is_due = is_due or (lambda due_on, today: today > due_on)
    last_nudges = Nudge.objects.filter(enrollment=OuterRef("pk")).order_by("-sent_at", "-pk")
    enrollments = list(
        with_last_activity(
            enrollments.select_related("user", "team", *(() if cohort else ("cohort__course",)))
        )
        .annotate(
            completed_lesson_ids=F("progress_summary__completed_lesson_ids"),
            last_nudge_at=Subquery(last_nudges.values("sent_at")[:1]),
            last_nudge_by=Subquery(last_nudges.values("sent_by__full_name")[:1]),
        )
        .order_by("user__full_name", "pk")
    )
    if not enrollments:
        return []
    if cohort is not None:
        for enrollment in enrollments:
            enrollment.cohort = cohort
    # Every enrollment here is in one cohort, so the modules' dates and lessons, and hence the
    # due modules, are the same for all of them: progress_for reads them for the first trainee
    # only (progress_for for all would also build every trainee's module states and shares, most
    # of this page's time), and each trainee's completed lessons come from the read model's row,
    # joined above.
    first = progress_for(enrollments[:1], now=now)[enrollments[0].pk]
    cohort = enrollments[0].cohort
    today = now.astimezone(ZoneInfo(cohort.time_zone)).date()
    due_modules = [
        _DueModule(state.module.pk, state.module.title, state.due_on, state.lessons)
        for state in first.modules
        if state.due_on is not None and is_due(state.due_on, today)
    ]
    due = {module.pk: module.due_on for module in due_modules}
    assignments, quizzes, handed_in, attempted = _due_work(enrollments, due)
    rows = []
    for enrollment in enrollments:
        completed = frozenset(enrollment.completed_lesson_ids or ())
        overdue = [
            OverdueItem("Module", m.title, m.due_on, m.detail(done_count), module_id=m.pk)
            for m in due_modules
            if (done_count := len(m.lesson_ids & completed)) < m.total
        ]
        overdue += [
            OverdueItem("Assignment", a.title, due[a.module_id], module_id=a.module_id)
            for a in assignments
            if (enrollment.pk, a.pk) not in handed_in
        ]
        overdue += [
            OverdueItem("Quiz", q.title, due[q.module_id], module_id=q.module_id)
            for q in quizzes
            if (enrollment.pk, q.pk) not in attempted
        ]
        # Stable: within a date, modules, then assignments, then quizzes, each in course order.
        overdue.sort(key=lambda item: item.due_on)
        rows.append(_row(enrollment, overdue, idle_days=idle_days, now=now))
    return rows


class _DueModule:
    """A due module as every trainee of the cohort shares it: its lessons as a set of ids, so a
    trainee's count of done lessons is one set intersection (not a pass over the lessons)."""

    __slots__ = ("pk", "title", "due_on", "lesson_ids", "total")

    def __init__(self, pk: int, title: str, due_on: date, lessons: list):
        self.pk, self.title, self.due_on = pk, title, due_on
        self.lesson_ids = frozenset(lesson.pk for lesson in lessons)
        self.total = len(lessons)

    def detail(self, done: int) -> str:
        return f"{done} of {self.total} lesson{'s' if self.total != 1 else ''} done"


def _due_work(enrollments: list[Enrollment], due: dict[int, date]):
    """The assignments and scored quizzes of the due modules, and which of them each enrollment
    handed in: {(enrollment id, item id)}."""
    if not due:
        return [], [], set(), set()
    assignments = list(
        Assignment.objects.filter(module__in=due).in_course_order().only("title", "module_id")
    )
    quizzes = list(
        Quiz.objects.filter(module__in=due)
        .exclude(kind=QuizKind.EVALUATION)
        .in_course_order()
        .only("title", "module_id")
    )
    ids = [e.pk for e in enrollments]
    handed_in = set(
        Submission.objects.filter(
            enrollment__in=ids, assignment__in=[a.pk for a in assignments], status__in=HANDED_IN
        )
        .order_by()  # the default ordering joins assignments and modules for nothing
        .values_list("enrollment_id", "assignment_id")
    )
    attempted = set(
        Attempt.objects.submitted()
        .filter(enrollment__in=ids, quiz__in=[q.pk for q in quizzes])
        .order_by()  # the default ordering would join quizzes and courses into the DISTINCT
        .values_list("enrollment_id", "quiz_id")
        .distinct()
    )
    return assignments, quizzes, handed_in, attempted


def _row(enrollment, overdue, *, idle_days: int, now: datetime) -> BehindRow:
    last_activity_at = last_activity(enrollment)
    last_nudge = enrollment.last_nudge_at
    return BehindRow(
        enrollment=enrollment,
        overdue=overdue,
        last_activity_at=last_activity_at,
        days_idle=max((now - last_activity_at).days, 0),
        idle_days=idle_days,
        last_nudge_at=last_nudge,
        last_nudge_by=enrollment.last_nudge_by or "",
        can_nudge_after=(
            last_nudge + NUDGE_INTERVAL
            if last_nudge is not None and now - last_nudge < NUDGE_INTERVAL
            else None
        ),
    )


def nudge_reason(row: BehindRow) -> str:
    """What the nudge is about, in one line: the overdue items, then how long they were idle."""
    parts = []
    if row.overdue:
        names = [str(item) for item in row.overdue[:5]]
        more = len(row.overdue) - len(names)
        parts.append("Overdue: " + ", ".join(names) + (f", and {more} more" if more else "") + ".")
    if row.days_idle:
        parts.append(f"No activity for {row.days_idle} day{'s' if row.days_idle != 1 else ''}.")
    reason = " ".join(parts) or "A reminder to keep going with the course."
    max_length = Nudge._meta.get_field("reason").max_length
    return reason if len(reason) <= max_length else reason[: max_length - 1] + "…"


@transaction.atomic
def nudge(*, enrollment: Enrollment, by, now: datetime | None = None) -> Nudge:
    """Record a nudge to an active trainee from one of the cohort's trainers; the email goes
    from a worker after the commit. Refused within 24 hours of the last nudge."""
    now = now or timezone.now()
    # Lock the enrollment: two trainers clicking at once make one nudge, not two.
    locked = (
        Enrollment.objects.select_for_update(of=("self",))
        .select_related("user")
        .get(pk=enrollment.pk)
    )
    name = locked.user.full_name or locked.user.email
    if locked.status != EnrollmentStatus.ACTIVE:
        raise ValidationError(f"{name} is no longer active in this cohort, so no nudge was sent.")
    if not Cohort.objects.taught_by(by).filter(pk=locked.cohort_id).exists():
        raise ValidationError("Only the cohort's trainers can nudge its trainees.")
    last = Nudge.objects.filter(enrollment=locked, sent_at__gt=now - NUDGE_INTERVAL).first()
    if last is not None:
        raise ValidationError(
            f"{name} was nudged {timesince(last.sent_at, now)} ago. "
            "A trainee gets at most one nudge a day; try again after 24 hours."
        )
    row = standing_of(locked, now=now)
    created = Nudge.objects.create(
        enrollment=locked, sent_by=by, sent_at=now, reason=nudge_reason(row), emailed_at=now
    )
    # The email is written with the nudge (the outbox delivers it), so a broker down at commit
    # delays it and never loses it behind the once-a-day limit.
    enqueue([nudge_email(created, row)])
    return created


def nudges_no_longer_wanted(rows: list) -> dict[int, str]:
    """The outbox's send-time check for nudge emails (registered in AssessmentsConfig.ready):
    a trainee who withdrew or completed since the nudge, or a nudge gone, gets no email."""
    by_nudge = {int(row.key.rsplit(":", 1)[1]): row.pk for row in rows}
    still_active = set(
        Nudge.objects.filter(
            pk__in=by_nudge, enrollment__status=EnrollmentStatus.ACTIVE
        ).values_list("pk", flat=True)
    )
    return {
        row_id: "The trainee is no longer active in the cohort."
        for nudge_id, row_id in by_nudge.items()
        if nudge_id not in still_active
    }


def nudge_email(nudge_row: Nudge, row: BehindRow) -> Email:
    enrollment = nudge_row.enrollment
    cohort = enrollment.cohort
    trainer = nudge_row.sent_by
    # Email headers are one line: collapse any line breaks a name or title carries.
    trainer_name = " ".join((trainer.full_name if trainer else "").split()) or "Your trainer"
    context = {
        "trainee": enrollment.user,
        "trainer_name": trainer_name,
        "cohort": cohort,
        "course": cohort.course,
        "row": row,
        "link": absolute_url(reverse("learn:cohort", args=[cohort.pk])),
    }
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    headers = {"Reply-To": trainer.email} if trainer else {}
    return Email(
        kind="nudge",
        key=f"nudge:{nudge_row.pk}",
        to=enrollment.user.email,
        subject=f"[{cohort.name}] {trainer_name}: checking in on your training",
        text=render_to_string("assessments/grading/email/nudge.txt", context),
        html=render_to_string("assessments/grading/email/nudge.html", context),
        headers=headers,
        # The trainer's name on our address: we may not send as their domain, but replies reach
        # them.
        from_email=formataddr((f"{trainer_name} via {site_name()}", address)),
    )
