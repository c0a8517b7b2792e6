"""How reminders read in-app (the dashboard panel and the notifications page), and the delivery
summary a cohort's staff see. Reads only: state changes are in `services`."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, F, Func, Q, QuerySet, Subquery

from courses.models import Cohort

from .kinds import SUBJECTS, ReminderKind
from .models import Reminder, ReminderStatus

# The email's subject leads, except where they speak of the moment the email goes out: read
# later in the app, "starts tomorrow" or "in one hour" may no longer be true.
LEADS = {
    **SUBJECTS,
    ReminderKind.COHORT_STARTING: "Your cohort starts: {title}",
    ReminderKind.LIVE_SESSION_1H: "Live session starting soon: {title}",
}
DASHBOARD_LIMIT = 5
RECENT_PROBLEMS = 20


@dataclass(frozen=True)
class Notification:
    """One reminder as the app shows it; `at` is an aware instant (templates show it in the
    viewer's zone with the `date` filter), `on` a calendar date."""

    pk: int
    lead: str
    at: datetime | None
    on: date | None
    detail: str
    cohort_name: str
    unread: bool


@dataclass(frozen=True)
class Inbox:
    items: list[Notification]
    unread_count: int


def _parsed(parse, value):
    """A payload date or instant, or None when it is missing or malformed (payloads are JSON
    written by the sources; a bad one must not break the page)."""
    try:
        return parse(value) if value else None
    except (TypeError, ValueError):
        return None


def notification(reminder: Reminder) -> Notification:
    payload = reminder.payload or {}
    title = payload.get("title") or reminder.enrollment.cohort.course.title
    lead = LEADS.get(reminder.kind, "{title}").format(title=f"“{title}”")
    return Notification(
        pk=reminder.pk,
        lead=lead,
        at=_parsed(datetime.fromisoformat, payload.get("at")),
        on=_parsed(date.fromisoformat, payload.get("on")),
        detail=payload.get("detail", ""),
        cohort_name=reminder.enrollment.cohort.name,
        unread=reminder.read_at is None,
    )


def notifications_for(user) -> QuerySet:
    """The user's notifications, newest first, each carrying the user's unread total
    (`unread_total`): an uncorrelated subquery the database runs once, which saves the panel a
    separate count query (with no rows at all, the total is 0 anyway)."""
    unread_total = (
        Reminder.objects.for_user(user)
        .unread()
        .order_by()
        .annotate(n=Func(F("pk"), function="COUNT"))
        .values("n")
    )
    return (
        Reminder.objects.for_user(user)
        .select_related("enrollment__cohort__course")
        .annotate(unread_total=Subquery(unread_total))
        .order_by("-due_at", "-pk")
    )


def inbox_for(user, *, limit: int = DASHBOARD_LIMIT) -> Inbox:
    """The newest `limit` notifications and the unread count, in one query."""
    rows = list(notifications_for(user)[:limit])
    return Inbox(
        items=[notification(r) for r in rows],
        unread_count=rows[0].unread_total if rows else 0,
    )


@dataclass(frozen=True)
class KindSummary:
    kind: str
    label: str
    sent: int = 0
    waiting: int = 0
    opted_out: int = 0
    cancelled: int = 0
    failed: int = 0


def delivery_summary(cohort: Cohort) -> list[KindSummary]:
    """Per kind, how the cohort's reminders fared, in one aggregate query; every kind is
    listed, in the order of `ReminderKind`, with zeros where there are none."""

    def count(status):
        return Count("pk", filter=Q(status=status))

    counts = (
        Reminder.objects.filter(enrollment__cohort=cohort)
        .order_by()
        .values("kind")
        .annotate(
            sent=count(ReminderStatus.SENT),
            waiting=count(ReminderStatus.PENDING),
            opted_out=count(ReminderStatus.OPTED_OUT),
            cancelled=count(ReminderStatus.CANCELLED),
            failed=count(ReminderStatus.FAILED),
        )
    )
    by_kind = {row["kind"]: row for row in counts}
    return [
        KindSummary(
            kind=kind.value,
            label=kind.label,
            **{k: v for k, v in by_kind.get(kind.value, {}).items() if k != "kind"},
        )
        for kind in ReminderKind
    ]


def delivery_problems(cohort: Cohort, *, limit: int = RECENT_PROBLEMS) -> QuerySet:
    """The cohort's newest reminders that failed for good or wait for another try."""
    return (
        Reminder.objects.filter(enrollment__cohort=cohort)
        .filter(Q(status=ReminderStatus.FAILED) | Q(status=ReminderStatus.PENDING, attempts__gt=0))
        .select_related("enrollment__user")
        .order_by("-due_at", "-pk")[:limit]
    )
