"""When a reminder goes out, in the trainee's own time zone.

Live-session reminders go at their exact moment (24 h and 1 h before). Everything tied to a
date (a cohort start, a module release, a due date, inactivity) waits for the trainee's
daytime, 09:00 to 21:00 where they live, so nobody is woken by a course email.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .kinds import LOCAL_SEND_HOUR

LOCAL_QUIET_FROM_HOUR = 21


def zone_name(name: str) -> str:
    """`name` if this machine's tz database knows it, else "UTC": one stored zone that does
    not load (another process's tzdata, an edited row) must not stop everyone's reminders."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return "UTC"
    return name


def start_of_day(day: date, time_zone: str) -> datetime:
    """Midnight at the start of `day` in the zone (a cohort's dates begin and end there)."""
    return datetime.combine(day, time(0), ZoneInfo(zone_name(time_zone)))


def end_of_day(day: date, time_zone: str) -> datetime:
    """The moment `day` ends in the zone: work due on a date may be handed in all that day."""
    return start_of_day(day + timedelta(days=1), time_zone)


def next_daytime(moment: datetime, time_zone: str) -> datetime:
    """`moment` if it falls in the person's daytime, else the next 09:00 where they are.
    zoneinfo resolves DST: 09:00 is 09:00 local on either side of a change."""
    zone = ZoneInfo(zone_name(time_zone))
    local = moment.astimezone(zone)
    if LOCAL_SEND_HOUR <= local.hour < LOCAL_QUIET_FROM_HOUR:
        return moment
    day = local.date() if local.hour < LOCAL_SEND_HOUR else local.date() + timedelta(days=1)
    return datetime.combine(day, time(LOCAL_SEND_HOUR), zone)
