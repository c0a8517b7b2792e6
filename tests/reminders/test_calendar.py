"""The calendar: the secret per-user feed (parsed back with icalendar, event by event), the
per-session `.ics`, rotating the feed URL, and the "Add to calendar" links on the pages."""

import datetime as dt
from http import HTTPStatus

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from courses.models import EnrollmentStatus
from dbt_training.users.roles import Role
from modules.models import ModuleScheduleOverride
from reminders import services
from reminders.calendar import build_calendar
from reminders.models import CalendarFeed
from reminders.registry import CalendarEvent
from tests.factories import (
    CohortFactory,
    CourseFactory,
    EnrollmentFactory,
    LiveSessionFactory,
    ModuleFactory,
    UserFactory,
)

from .conftest import at

pytestmark = pytest.mark.django_db

NEW_YORK = "America/New_York"


def feed_url(user) -> str:
    return reverse("reminders:feed", args=[services.calendar_feed_for(user).token])


def fetch(client, url) -> Calendar:
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return Calendar.from_ical(response.content)


def events_of(calendar: Calendar) -> dict[str, object]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def wall_clock(moment: dt.datetime) -> tuple[str, dt.datetime]:
    """(zone key, naive local time) of a parsed DTSTART/DTEND."""
    return moment.tzinfo.key, moment.replace(tzinfo=None)


# --- the feed, event by event --------------------------------------------------------------------


def test_feed_has_live_sessions_in_the_cohort_zone_on_both_sides_of_the_dst_change(
    client, enrollment, session_at
):
    before = session_at(at(2027, 3, 2, 15), title="Skills group: mindfulness")
    # New York moves to daylight time on 14 March 2027: 14:00 UTC is 10:00 again.
    after = session_at(
        at(2027, 3, 16, 14), title="Skills group: distress tolerance", duration_minutes=60
    )

    response = client.get(feed_url(enrollment.user))
    calendar = Calendar.from_ical(response.content)
    events = events_of(calendar)

    assert list(events) == [
        f"live-session-{before.pk}@testserver",
        f"live-session-{after.pk}@testserver",
    ]
    first = events[f"live-session-{before.pk}@testserver"]
    assert str(first["SUMMARY"]) == "Skills group: mindfulness"
    assert wall_clock(first.start) == (NEW_YORK, dt.datetime(2027, 3, 2, 10, 0))
    assert wall_clock(first.end) == (NEW_YORK, dt.datetime(2027, 3, 2, 11, 30))
    assert first.start == at(2027, 3, 2, 15)
    assert str(first["DESCRIPTION"]) == (
        "Skills group practice · DBT Foundations · Spring 2027\n"
        "Join: https://meet.example.org/skills"
    )
    assert str(first["URL"]) == (
        f"http://testserver/learn/{enrollment.cohort_id}/#session-{before.pk}"
    )
    assert str(first["LOCATION"]) == "https://meet.example.org/skills"
    second = events[f"live-session-{after.pk}@testserver"]
    assert str(second["SUMMARY"]) == "Skills group: distress tolerance"
    assert wall_clock(second.start) == (NEW_YORK, dt.datetime(2027, 3, 16, 10, 0))
    assert wall_clock(second.end) == (NEW_YORK, dt.datetime(2027, 3, 16, 11, 0))
    assert second.start == at(2027, 3, 16, 14)
    assert b"DTSTART;TZID=America/New_York:20270302T100000" in response.content
    assert b"DTSTART;TZID=America/New_York:20270316T100000" in response.content
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == [NEW_YORK]
    assert calendar.get_missing_tzids() == set()


def test_feed_has_module_due_dates_as_all_day_events_with_the_cohort_override(
    client, cohort, enrollment
):
    # The cohort starts on 1 March 2027.
    course = cohort.course
    skills = ModuleFactory(course=course, title="Mindfulness", position=1, due_offset_days=6)
    chains = ModuleFactory(course=course, title="Chain analysis", position=2, due_offset_days=13)
    ModuleFactory(course=course, title="Reading list", position=3, due_offset_days=None)
    ModuleScheduleOverride.objects.create(cohort=cohort, module=chains, due_on=dt.date(2027, 3, 20))

    events = events_of(fetch(client, feed_url(enrollment.user)))

    assert list(events) == [
        f"module-due-{cohort.pk}-{skills.pk}@testserver",
        f"module-due-{cohort.pk}-{chains.pk}@testserver",
    ]
    first = events[f"module-due-{cohort.pk}-{skills.pk}@testserver"]
    assert str(first["SUMMARY"]) == "Due: Mindfulness"
    assert (first.start, first.end) == (dt.date(2027, 3, 7), dt.date(2027, 3, 8))
    assert str(first["DESCRIPTION"]) == "Module 1 of DBT Foundations, cohort Spring 2027."
    assert str(first["URL"]) == f"http://testserver/learn/{cohort.pk}/"
    overridden = events[f"module-due-{cohort.pk}-{chains.pk}@testserver"]
    assert str(overridden["SUMMARY"]) == "Due: Chain analysis"
    assert (overridden.start, overridden.end) == (dt.date(2027, 3, 20), dt.date(2027, 3, 21))


def test_feed_is_a_published_calendar_served_inline_and_cached_privately(client, enrollment):
    response = client.get(feed_url(enrollment.user))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'inline; filename="dbt-training.ics"'
    assert response["Cache-Control"] == "private, max-age=900"
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["PRODID"]) == "-//DBT Training//Calendar feed//EN"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["X-WR-CALNAME"]) == "DBT Training"
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT1H" in response.content
    assert b"X-PUBLISHED-TTL:PT1H" in response.content
    assert calendar.walk("VEVENT") == []


def test_second_fetch_gives_the_same_uids(client, cohort, enrollment, session_at):
    session_at(at(2027, 3, 2, 15))
    session_at(at(2027, 3, 9, 15))
    ModuleFactory(course=cohort.course, title="Mindfulness", position=1, due_offset_days=6)
    url = feed_url(enrollment.user)

    first = list(events_of(fetch(client, url)))
    second = list(events_of(fetch(client, url)))

    assert len(first) == 3
    assert second == first


def test_withdrawn_enrollments_cohort_is_not_in_the_feed_but_a_completed_one_is(
    client, trainee, enroll, session_at
):
    withdrawn_cohort = CohortFactory(name="Winter 2027", course=CourseFactory(title="Skills"))
    completed_cohort = CohortFactory(name="Autumn 2026", course=CourseFactory(title="Chains"))
    enroll(trainee, status=EnrollmentStatus.WITHDRAWN, in_cohort=withdrawn_cohort)
    enroll(trainee, status=EnrollmentStatus.COMPLETED, in_cohort=completed_cohort)
    session_at(at(2027, 3, 2, 15), in_cohort=withdrawn_cohort)
    ModuleFactory(course=withdrawn_cohort.course, position=1, due_offset_days=6)
    kept = session_at(at(2026, 10, 6, 15), in_cohort=completed_cohort)

    events = events_of(fetch(client, feed_url(trainee)))

    assert list(events) == [f"live-session-{kept.pk}@testserver"]


def test_feed_never_shows_another_persons_cohorts(
    client, cohort, enrollment, other_trainee, enroll, session_at
):
    mine = session_at(at(2027, 3, 2, 15))
    elsewhere = CohortFactory(name="Elsewhere 2027", course=CourseFactory(title="Other course"))
    enroll(other_trainee, in_cohort=elsewhere)
    theirs = session_at(at(2027, 3, 3, 15), title="Their session", in_cohort=elsewhere)
    their_module = ModuleFactory(
        course=elsewhere.course, title="Their module", position=1, due_offset_days=2
    )

    my_feed = client.get(feed_url(enrollment.user)).content
    their_feed = client.get(feed_url(other_trainee)).content

    assert list(events_of(Calendar.from_ical(my_feed))) == [f"live-session-{mine.pk}@testserver"]
    for text in (b"Their session", b"Their module", b"Elsewhere 2027", b"Other course"):
        assert text not in my_feed
    for text in (b"sam@example.org", b"Sam Okafor", b"dana@example.org", b"Dana Rivera"):
        assert text not in my_feed
    their_events = events_of(Calendar.from_ical(their_feed))
    assert sorted(their_events) == [
        f"live-session-{theirs.pk}@testserver",
        f"module-due-{elsewhere.pk}-{their_module.pk}@testserver",
    ]


def test_trainers_feed_has_the_sessions_of_the_cohorts_they_teach(
    client, cohort, trainer, session_at
):
    taught = session_at(at(2027, 3, 2, 15))
    session_at(at(2027, 3, 2, 15), in_cohort=CohortFactory(name="Not theirs"))

    events = events_of(fetch(client, feed_url(trainer)))

    assert list(events) == [f"live-session-{taught.pk}@testserver"]


def test_rotated_token_answers_404_and_the_new_one_works(client, enrollment):
    old_url = feed_url(enrollment.user)
    assert client.get(old_url).status_code == HTTPStatus.OK

    services.rotate_calendar_token(user=enrollment.user)

    assert client.get(old_url).status_code == HTTPStatus.NOT_FOUND
    assert client.get(feed_url(enrollment.user)).status_code == HTTPStatus.OK


def test_unknown_token_answers_404(client, enrollment):
    services.calendar_feed_for(enrollment.user)

    response = client.get(reverse("reminders:feed", args=["not-a-real-token"]))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_a_deactivated_persons_feed_answers_404(client, enrollment):
    url = feed_url(enrollment.user)
    enrollment.user.is_active = False
    enrollment.user.save(update_fields=["is_active"])

    assert client.get(url).status_code == HTTPStatus.NOT_FOUND


def test_feed_queries_do_not_grow_with_cohorts_sessions_and_modules(
    client, django_assert_max_num_queries
):
    small = UserFactory(roles=[Role.TRAINER])
    large = UserFactory(roles=[Role.TRAINER])
    # Each is enrolled in n cohorts and teaches n more (1 for small, 20 for large), each cohort of
    # its own course with two modules due (one overridden) and two live sessions.
    for user, n in ((small, 1), (large, 20)):
        for i in range(n):
            for enrolled in (True, False):
                cohort = CohortFactory(
                    starts_on=dt.date(2027, 3, 1),
                    ends_on=dt.date(2027, 6, 30),
                    time_zone=NEW_YORK,
                    trainers=None if enrolled else [user],
                )
                if enrolled:
                    EnrollmentFactory(user=user, cohort=cohort, enrolled_at=at(2027, 1, 1))
                first = ModuleFactory(course=cohort.course, position=1, due_offset_days=6)
                ModuleFactory(course=cohort.course, position=2, due_offset_days=13)
                ModuleScheduleOverride.objects.create(
                    cohort=cohort, module=first, due_on=dt.date(2027, 3, 9)
                )
                for day in (2, 9):
                    LiveSessionFactory(
                        cohort=cohort, title=f"Session {i}-{day}", starts_at=at(2027, 3, day, 15)
                    )
    small_url, large_url = feed_url(small), feed_url(large)

    with CaptureQueriesContext(connection) as queries:
        small_events = events_of(fetch(client, small_url))
    with django_assert_max_num_queries(len(queries)):
        large_events = events_of(fetch(client, large_url))

    # Two sessions and two due dates per enrolled cohort, two sessions per taught one.
    assert (len(small_events), len(large_events)) == (6, 120)
    # The token, the enrollments, the two sources' three, the taught sessions.
    assert len(queries) == 6


# --- building documents --------------------------------------------------------------------------


def test_build_calendar_adds_one_vtimezone_per_zone_and_none_for_utc():
    def event(uid, zone):
        return CalendarEvent(
            uid=uid,
            summary=uid,
            url="http://testserver/",
            starts_at=at(2027, 3, 2, 15),
            ends_at=at(2027, 3, 2, 16),
            time_zone=zone,
        )

    document = build_calendar(
        [
            event("auckland@testserver", "Pacific/Auckland"),
            event("angeles@testserver", "America/Los_Angeles"),
            event("utc@testserver", "UTC"),
            event("also-auckland@testserver", "Pacific/Auckland"),
        ],
        name="Test",
        now=at(2027, 2, 1, 12),
    )

    calendar = Calendar.from_ical(document)
    assert sorted(str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")) == [
        "America/Los_Angeles",
        "Pacific/Auckland",
    ]
    events = events_of(calendar)
    assert wall_clock(events["auckland@testserver"].start) == (
        "Pacific/Auckland",
        dt.datetime(2027, 3, 3, 4, 0),
    )
    assert wall_clock(events["angeles@testserver"].start) == (
        "America/Los_Angeles",
        dt.datetime(2027, 3, 2, 7, 0),
    )
    assert b"DTSTART:20270302T150000Z" in document
    assert events["utc@testserver"].start == at(2027, 3, 2, 15)
    assert {e.decoded("DTSTAMP") for e in events.values()} == {at(2027, 2, 1, 12)}


# --- one session as an .ics ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("visitor", HTTPStatus.FOUND),
        ("trainee", HTTPStatus.OK),
        ("other_trainee", HTTPStatus.NOT_FOUND),
        ("withdrawn_trainee", HTTPStatus.NOT_FOUND),
        ("other_trainer", HTTPStatus.NOT_FOUND),
        ("trainer", HTTPStatus.OK),
        ("enrollment_admin", HTTPStatus.OK),
    ],
)
def test_session_ics_by_viewer(client, request, enrollment, enroll, session_at, who, expected):
    session = session_at(at(2027, 3, 2, 15))
    if who == "other_trainee":
        other = request.getfixturevalue("other_trainee")
        enroll(other, in_cohort=CohortFactory(name="Elsewhere"))
        client.force_login(other)
    elif who == "withdrawn_trainee":
        other = request.getfixturevalue("other_trainee")
        enroll(other, status=EnrollmentStatus.WITHDRAWN)
        client.force_login(other)
    elif who == "other_trainer":
        otto = UserFactory(email="otto@example.org", roles=[Role.TRAINER])
        CohortFactory(name="Otto's cohort", trainers=[otto])
        client.force_login(otto)
    elif who != "visitor":
        client.force_login(request.getfixturevalue(who))
    url = reverse("reminders:session_ics", args=[session.pk])

    response = client.get(url)

    assert response.status_code == expected
    if who == "visitor":
        assert response.url == f"{reverse('account_login')}?next={url}"
    if expected == HTTPStatus.OK:
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert (
            response["Content-Disposition"]
            == f'attachment; filename="live-session-{session.pk}.ics"'
        )
        calendar = Calendar.from_ical(response.content)
        (event,) = calendar.walk("VEVENT")
        assert str(event["UID"]) == f"live-session-{session.pk}@testserver"
        assert str(event["SUMMARY"]) == "Skills group: mindfulness"
        assert wall_clock(event.start) == (NEW_YORK, dt.datetime(2027, 3, 2, 10, 0))
        assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == [NEW_YORK]


def test_session_ics_has_the_same_uid_as_the_feed(client, enrollment, session_at):
    session = session_at(at(2027, 3, 2, 15))
    client.force_login(enrollment.user)

    single = client.get(reverse("reminders:session_ics", args=[session.pk])).content
    feed = client.get(feed_url(enrollment.user)).content

    assert list(events_of(Calendar.from_ical(single))) == list(events_of(Calendar.from_ical(feed)))


def test_session_ics_of_an_unknown_session_answers_404(trainee_client, enrollment):
    response = trainee_client.get(reverse("reminders:session_ics", args=[999999]))

    assert response.status_code == HTTPStatus.NOT_FOUND


# --- a new feed URL ------------------------------------------------------------------------------


def test_rotate_sends_a_visitor_to_sign_in_and_changes_nothing(client, trainee):
    token = services.calendar_feed_for(trainee).token
    url = reverse("reminders:calendar_rotate")

    response = client.post(url)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == f"{reverse('account_login')}?next={url}"
    assert CalendarFeed.objects.get(user=trainee).token == token


def test_rotate_by_get_is_refused_and_changes_nothing(trainee_client, trainee):
    token = services.calendar_feed_for(trainee).token

    response = trainee_client.get(reverse("reminders:calendar_rotate"))

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert CalendarFeed.objects.get(user=trainee).token == token


def test_rotate_gives_a_new_token_and_says_so(trainee_client, trainee, other_trainee):
    token = services.calendar_feed_for(trainee).token
    others = services.calendar_feed_for(other_trainee).token

    response = trainee_client.post(reverse("reminders:calendar_rotate"))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("reminders:settings")
    new_token = CalendarFeed.objects.get(user=trainee).token
    assert new_token != token and len(new_token) == 32
    assert CalendarFeed.objects.get(user=other_trainee).token == others
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "A new calendar link was made; the old one no longer works."
    ]


# --- "Add to calendar" on the pages --------------------------------------------------------------


def test_cohort_home_links_each_session_to_its_ics(client, cohort, enrollment, session_at):
    session = session_at(at(2027, 3, 2, 15))

    with time_machine.travel(at(2027, 2, 20, 12), tick=False):
        client.force_login(enrollment.user)
        html = client.get(reverse("learn:cohort", args=[cohort.pk])).content.decode()

    assert f'<p id="session-{session.pk}">' in html
    assert (
        f'<a href="/calendar/sessions/{session.pk}.ics" type="text/calendar">Add to calendar'
        '<span class="visually-hidden">: Skills group: mindfulness</span></a>'
    ) in html


def test_cohort_home_of_a_withdrawn_trainee_has_no_calendar_link(
    client, cohort, trainee, enroll, session_at
):
    enroll(trainee, status=EnrollmentStatus.WITHDRAWN)
    session = session_at(at(2027, 3, 2, 15))

    with time_machine.travel(at(2027, 2, 20, 12), tick=False):
        client.force_login(trainee)
        html = client.get(reverse("learn:cohort", args=[cohort.pk])).content.decode()

    assert f'<p id="session-{session.pk}">' in html
    assert "Add to calendar" not in html


def test_trainers_session_list_links_each_session_to_its_ics(client, cohort, trainer, session_at):
    session = session_at(at(2027, 3, 2, 15))
    client.force_login(trainer)

    html = client.get(reverse("cohorts:live_sessions", args=[cohort.pk])).content.decode()

    assert f'<a href="/calendar/sessions/{session.pk}.ics" type="text/calendar">' in html


@pytest.mark.parametrize("token", ["%00", "abc%00def", "a" * 65, "to.ken", "tök"])
def test_a_token_of_characters_we_never_issue_answers_404_before_any_lookup(
    client, enrollment, token, django_assert_num_queries
):
    services.calendar_feed_for(enrollment.user)
    with django_assert_num_queries(0):
        response = client.get(f"/calendar/{token}.ics")
    assert response.status_code == HTTPStatus.NOT_FOUND


def test_a_completed_trainee_gets_no_join_link_but_an_active_one_does(
    client, trainee, other_trainee, enroll, session_at, cohort
):
    enroll(trainee, status=EnrollmentStatus.COMPLETED)
    enroll(other_trainee)
    session = session_at(at(2027, 3, 2, 15), join_url="https://meet.example.org/private-room")
    uid = f"live-session-{session.pk}@testserver"

    completed = events_of(fetch(client, feed_url(trainee)))[uid]
    active = events_of(fetch(client, feed_url(other_trainee)))[uid]

    assert "private-room" not in str(completed["DESCRIPTION"]) + str(completed.get("LOCATION"))
    assert "Join: https://meet.example.org/private-room" in str(active["DESCRIPTION"])
    client.force_login(trainee)
    ics = client.get(reverse("reminders:session_ics", args=[session.pk])).content.decode()
    assert "private-room" not in ics
