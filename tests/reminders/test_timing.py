"""When reminders fall due in each trainee's own time zone: the daytime window, DST changes on
both hemispheres, and one live session seen from Auckland and from Los Angeles."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from reminders import scan
from reminders.models import Reminder
from reminders.timing import end_of_day, next_daytime, start_of_day

from .conftest import at

pytestmark = pytest.mark.usefixtures("cohort_and_session_sources_only")

LA = "America/Los_Angeles"
AUCKLAND = "Pacific/Auckland"


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(2027, 3, 1, 16, 59), at(2027, 3, 1, 17)),  # 08:59 PST waits for 09:00 that day
        (at(2027, 3, 1, 17), at(2027, 3, 1, 17)),  # 09:00 PST goes at once
        (at(2027, 3, 2, 4, 59), at(2027, 3, 2, 4, 59)),  # 20:59 PST is still daytime
        (at(2027, 3, 2, 5), at(2027, 3, 2, 17)),  # 21:00 PST waits for 09:00 the next day
        (at(2027, 3, 2, 7, 30), at(2027, 3, 2, 17)),  # 23:30 PST likewise
    ],
)
def test_next_daytime_keeps_to_nine_to_nine_local(moment, expected):
    assert next_daytime(moment, LA) == expected


def test_next_daytime_across_the_spring_dst_change_is_nine_local_on_either_side():
    # Los Angeles moves from PST (UTC-8) to PDT (UTC-7) at 02:00 on Sunday 14 March 2027.
    before = next_daytime(at(2027, 3, 13, 5), LA)  # Friday 12 March, 21:00 PST
    after = next_daytime(at(2027, 3, 14, 5), LA)  # Saturday 13 March, 21:00 PST

    assert before == at(2027, 3, 13, 17)  # Saturday 13 March, 09:00 PST
    assert after == at(2027, 3, 14, 16)  # Sunday 14 March, 09:00 PDT
    assert (before.astimezone(ZoneInfo(LA)).hour, after.astimezone(ZoneInfo(LA)).hour) == (9, 9)
    assert after.astimezone(ZoneInfo(LA)).tzname() == "PDT"


def test_next_daytime_across_the_auckland_dst_end_is_nine_local_on_either_side():
    # Auckland moves from NZDT (UTC+13) back to NZST (UTC+12) at 03:00 on Sunday 4 April 2027.
    before = next_daytime(at(2027, 4, 2, 9), AUCKLAND)  # Friday 2 April, 22:00 NZDT
    after = next_daytime(at(2027, 4, 3, 9), AUCKLAND)  # Saturday 3 April, 22:00 NZDT

    assert before == at(2027, 4, 2, 20)  # Saturday 3 April, 09:00 NZDT
    assert after == at(2027, 4, 3, 21)  # Sunday 4 April, 09:00 NZST
    assert after.astimezone(ZoneInfo(AUCKLAND)).tzname() == "NZST"


def test_a_cohort_day_begins_and_ends_at_midnight_in_its_zone():
    assert start_of_day(dt.date(2027, 3, 14), LA) == at(2027, 3, 14, 8)  # midnight PST
    assert end_of_day(dt.date(2027, 3, 14), LA) == at(2027, 3, 15, 7)  # midnight PDT (23 h day)


def test_auckland_and_los_angeles_trainees_get_one_live_session_reminder_at_the_same_instant(
    enroll, auckland, los_angeles, session_at
):
    # Tuesday 2 March 2027 07:00 PST in Los Angeles is Wednesday 3 March 04:00 NZDT in Auckland.
    session = session_at(at(2027, 3, 2, 15))
    in_auckland, in_los_angeles = enroll(auckland), enroll(los_angeles)

    scan.scan(now=at(2027, 3, 1, 15))

    rows = Reminder.objects.order_by("enrollment_id")
    assert [(r.enrollment_id, r.kind, r.key, r.due_at) for r in rows] == [
        (e.pk, "live_session_24h", f"session:{session.pk}:20270302T150000Z", at(2027, 3, 1, 15))
        for e in (in_auckland, in_los_angeles)
    ]


def test_live_session_after_the_dst_change_fires_exactly_24_hours_before(
    enroll, los_angeles, session_at
):
    # Monday 15 March 2027 09:00 PDT; the day before, 09:00 is already PDT (change on 14 March).
    session = session_at(at(2027, 3, 15, 16))
    enroll(los_angeles)

    assert scan.scan(now=at(2027, 3, 14, 15, 59)).recorded == []
    scan.scan(now=at(2027, 3, 14, 16))

    row = Reminder.objects.get()
    assert (row.kind, row.due_at, row.payload["at"]) == (
        "live_session_24h",
        at(2027, 3, 14, 16),
        "2027-03-15T16:00:00+00:00",
    )
    assert row.key == f"session:{session.pk}:20270315T160000Z"


def test_cohort_starting_fires_at_each_trainees_morning_or_evening_the_day_before(
    cohort, enroll, trainee, auckland, los_angeles
):
    # The cohort starts on 1 March 2027 at midnight in New York (05:00 UTC); the day before
    # begins at 2027-02-28 05:00 UTC: 18:00 NZDT (daytime), 23:00 CST and 21:00 PST (night).
    in_chicago, in_auckland, in_los_angeles = enroll(trainee), enroll(auckland), enroll(los_angeles)

    fired = {}
    for moment in [at(2027, 2, 28, 5), at(2027, 2, 28, 15), at(2027, 2, 28, 17)]:
        fired[moment] = sorted(d.enrollment_id for d in scan.scan(now=moment).recorded)

    assert fired == {
        at(2027, 2, 28, 5): [in_auckland.pk],
        at(2027, 2, 28, 15): [in_chicago.pk],  # 09:00 CST
        at(2027, 2, 28, 17): [in_los_angeles.pk],  # 09:00 PST
    }
    assert dict(Reminder.objects.values_list("enrollment_id", "due_at")) == {
        in_auckland.pk: at(2027, 2, 28, 5),
        in_chicago.pk: at(2027, 2, 28, 15),
        in_los_angeles.pk: at(2027, 2, 28, 17),
    }
