"""iCalendar documents (RFC 5545, with RFC 7986's calendar properties): the per-user feed of
live sessions and due dates, and the one-event `.ics` of a single live session."""

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.utils import timezone
from icalendar import Calendar, Event, vDuration

from courses.models import Cohort, Enrollment, EnrollmentStatus, LiveSession

from . import registry
from .registry import CalendarEvent
from .sources import live_session_event

PRODID = "-//DBT Training//Calendar feed//EN"

# How often calendar apps should fetch the feed again (RFC 7986 REFRESH-INTERVAL, and the
# older X-PUBLISHED-TTL that Outlook and Google read).
REFRESH = timedelta(hours=1)
IN_CALENDAR = (EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED)


def _sort_key(event: CalendarEvent) -> tuple[datetime, str]:
    start = event.starts_at or datetime.combine(event.on or date.min, time(0), UTC)
    return start, event.uid


def _vevent(event: CalendarEvent, stamp: datetime) -> Event:
    vevent = Event()
    vevent.add("uid", event.uid)
    vevent.add("dtstamp", stamp)
    vevent.add("summary", event.summary)
    if event.on is not None:
        vevent.add("dtstart", event.on)
        # RFC 5545 3.6.1: an all-day event's DTEND is exclusive, so the next day.
        vevent.add("dtend", event.on + timedelta(days=1))
    else:
        # In the event's own zone (DTSTART;TZID=...), so a DST change moves nothing.
        zone = ZoneInfo(event.time_zone)
        vevent.add("dtstart", event.starts_at.astimezone(zone))
        if event.ends_at is not None:
            vevent.add("dtend", event.ends_at.astimezone(zone))
    if event.description:
        vevent.add("description", event.description)
    vevent.add("url", event.url)
    if event.location:
        vevent.add("location", event.location)
    return vevent


def build_calendar(
    events: Iterable[CalendarEvent], *, name: str, now: datetime | None = None
) -> bytes:
    """The events as one iCalendar document, with a VTIMEZONE for every zone they use."""
    stamp = (now or timezone.now()).astimezone(UTC)
    events = sorted(events, key=_sort_key)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.calendar_name = name  # NAME (RFC 7986) and X-WR-CALNAME
    # RFC 7986 5.7 requires VALUE=DURATION here, which icalendar's `refresh_interval` omits.
    calendar.add("refresh-interval", vDuration(REFRESH), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))
    for event in events:
        calendar.add_component(_vevent(event, stamp))
    timed = [e.starts_at for e in events if e.on is None and e.starts_at is not None]
    if timed:
        # The zones' rules only for the years the events span: a VTIMEZONE from 1970 on would
        # list decades of transitions no event needs.
        calendar.add_missing_timezones(
            first_date=date(min(timed).year - 1, 1, 1),
            last_date=date(max(timed).year + 2, 1, 1),
        )
    return calendar.to_ical()


def calendar_enrollments(user) -> list[Enrollment]:
    """The enrollments whose cohorts belong in the person's calendar (active or completed)."""
    return list(
        Enrollment.objects.for_trainee(user)
        .filter(status__in=IN_CALENDAR)
        .select_related("cohort__course")
    )


def feed_events(user) -> list[CalendarEvent]:
    """Everything in the person's feed: what every calendar source finds for their enrollments,
    and the live sessions of the cohorts they teach. Each UID once."""
    enrollments = calendar_enrollments(user)
    events: dict[str, CalendarEvent] = {}
    for source in registry.calendar_sources():
        for event in source(enrollments):
            events.setdefault(event.uid, event)
    taught = LiveSession.objects.filter(cohort__in=Cohort.objects.taught_by(user))
    for session in taught.select_related("cohort__course").order_by("starts_at", "pk"):
        event = live_session_event(session)
        events.setdefault(event.uid, event)
    return list(events.values())


def sessions_for(user):
    """Live sessions the person may put in their calendar: those of cohorts they are (or were,
    to the end) enrolled in, teach, or manage."""
    enrolled = Enrollment.objects.for_trainee(user).filter(status__in=IN_CALENDAR)
    return LiveSession.objects.filter(
        Q(cohort__in=enrolled.values("cohort")) | Q(cohort__in=Cohort.objects.visible_to(user))
    ).select_related("cohort__course")
