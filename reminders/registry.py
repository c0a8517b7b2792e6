"""What the scan and the calendar feed learn from the layers above (modules: releases;
assessments: due work, inactivity, grades), registered in their `AppConfig.ready()`.

A reminder source is `source(now) -> Iterable[Due]`: every reminder that is due at `now` and
has not expired, whether or not it was sent before (the unique key sorts that out). A calendar
source is `source(enrollments) -> Iterable[CalendarEvent]`.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class Due:
    """One reminder for one enrollment, as a source found it due."""

    enrollment_id: int
    cohort_id: int
    user_id: int
    kind: str
    key: str
    due_at: datetime
    # title (str), path (str, the link's path), and as the item has them: at (ISO instant),
    # on (ISO date), detail (one line).
    payload: dict = field(default_factory=dict, compare=False, hash=False)
    # After this moment the reminder is pointless ("starts in one hour" after the start): a row
    # still unsent then is cancelled, however it came to wait. None: it never goes stale.
    expires_at: datetime | None = field(default=None, compare=False)


@dataclass(frozen=True)
class CalendarEvent:
    """One event of a calendar feed. Timed events carry aware `starts_at`/`ends_at` and the
    zone to show them in; all-day events (due dates) carry `on`."""

    uid: str
    summary: str
    url: str
    description: str = ""
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    time_zone: str = "UTC"
    on: date | None = None
    location: str = ""


ReminderSource = Callable[[datetime], Iterable[Due]]
CalendarSource = Callable[[list], Iterable[CalendarEvent]]

_reminder_sources: list[ReminderSource] = []
_calendar_sources: list[CalendarSource] = []


def register_source(source: ReminderSource) -> None:
    if source not in _reminder_sources:
        _reminder_sources.append(source)


def register_calendar_source(source: CalendarSource) -> None:
    if source not in _calendar_sources:
        _calendar_sources.append(source)


def reminder_sources() -> list[ReminderSource]:
    return list(_reminder_sources)


def calendar_sources() -> list[CalendarSource]:
    return list(_calendar_sources)
