"""Attendance as a CE record: the check-in time is kept, and a trainer who changes what a check-in
recorded says why (issue 20: CE that survives an audit)."""

import datetime
from http import HTTPStatus

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from courses import services
from courses.models import Attendance, Enrollment
from dbt_training.users.roles import Role
from tests.factories import CohortFactory, UserFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
START = datetime.datetime(2027, 2, 3, 17, 0, tzinfo=UTC)
CHECKED_IN = START + datetime.timedelta(minutes=5)
LATER = START + datetime.timedelta(hours=2)
FIELDS = (
    "present",
    "minutes",
    "source",
    "recorded_by_id",
    "recorded_at",
    "checked_in_at",
    "change_reason",
)


@pytest.fixture
def cohort(trainer, trainee, other_trainee):
    cohort = CohortFactory(
        name="Spring 2027", capacity=None, trainers=[trainer], time_zone="America/Chicago"
    )
    services.enroll(cohort=cohort, user=trainee)
    services.enroll(cohort=cohort, user=other_trainee)
    return cohort


@pytest.fixture
def session(cohort):
    return services.schedule_live_session(
        cohort=cohort,
        kind="skills_group_practice",
        title="Practising TIP",
        starts_at=START,
        duration_minutes=90,
    )


@pytest.fixture
def dana(trainee):
    return Enrollment.objects.get(user=trainee)


@pytest.fixture
def sam(other_trainee):
    return Enrollment.objects.get(user=other_trainee)


@pytest.fixture
def checked_in(session, trainee):
    """Dana checked in five minutes after the start: present, 85 minutes."""
    with time_machine.travel(CHECKED_IN, tick=False):
        return services.check_in(code=session.check_in_code, user=trainee, now=CHECKED_IN)


def snapshot(session) -> list[tuple]:
    return sorted(
        Attendance.objects.filter(live_session=session).values_list("enrollment_id", *FIELDS)
    )


def posted(enrollment, *, present=True, minutes, was_present=True, was_minutes, reason=None):
    data = {
        f"was-present-{enrollment.pk}": "1" if was_present else "0",
        f"was-minutes-{enrollment.pk}": str(was_minutes),
        f"minutes-{enrollment.pk}": str(minutes),
    }
    if present:
        data[f"present-{enrollment.pk}"] = "on"
    if reason is not None:
        data[f"reason-{enrollment.pk}"] = reason
    return data


def test_check_in_records_its_time(checked_in, trainee):
    row = Attendance.objects.get()

    assert (row.present, row.minutes, row.source, row.recorded_by) == (
        True,
        85,
        "check_in",
        trainee,
    )
    assert row.checked_in_at == CHECKED_IN
    assert row.change_reason == ""


def test_trainer_correction_keeps_the_check_in_time_and_records_the_reason(
    checked_in, session, dana, trainer
):
    with time_machine.travel(LATER, tick=False):
        written = services.record_attendance(
            session=session,
            marks={dana.pk: (True, 60)},
            reasons={dana.pk: "  Left at 12:05   for a client crisis "},
            by=trainer,
        )

    row = Attendance.objects.get()
    assert written == 1
    assert (row.present, row.minutes, row.source, row.recorded_by) == (True, 60, "trainer", trainer)
    assert row.checked_in_at == CHECKED_IN
    assert row.recorded_at == LATER
    assert row.change_reason == "Left at 12:05 for a client crisis"


def test_correction_without_a_reason_is_refused_and_changes_nothing(
    checked_in, session, dana, sam, trainer
):
    before = snapshot(session)

    with pytest.raises(ValidationError) as refused:
        services.record_attendance(
            session=session,
            marks={dana.pk: (False, 0), sam.pk: (True, 90)},
            reasons={dana.pk: "   "},
            by=trainer,
        )

    assert refused.value.message_dict == {
        str(dana.pk): [
            "Say why you are changing Dana Rivera's check-in: the reason is kept with the "
            "attendance record."
        ]
    }
    # Sam's mark needed no reason, but nothing of the refused save is kept.
    assert snapshot(session) == before


def test_too_long_a_reason_is_refused(checked_in, session, dana, trainer):
    before = snapshot(session)

    with pytest.raises(ValidationError, match="Keep the reason for Dana Rivera to 300 characters"):
        services.record_attendance(
            session=session, marks={dana.pk: (True, 60)}, reasons={dana.pk: "x" * 301}, by=trainer
        )

    assert snapshot(session) == before


def test_a_mark_that_changes_nothing_needs_no_reason_and_keeps_the_row(
    checked_in, session, dana, trainer
):
    before = snapshot(session)

    written = services.record_attendance(session=session, marks={dana.pk: (True, 85)}, by=trainer)

    assert written == 0
    assert snapshot(session) == before


def test_trainer_rows_need_no_reason(session, sam, trainer):
    services.record_attendance(session=session, marks={sam.pk: (True, 90)}, by=trainer)
    services.record_attendance(session=session, marks={sam.pk: (True, 45)}, by=trainer)

    row = Attendance.objects.get()
    assert (row.minutes, row.source, row.checked_in_at, row.change_reason) == (
        45,
        "trainer",
        None,
        "",
    )


def test_a_second_correction_needs_a_reason_again(checked_in, session, dana, trainer):
    services.record_attendance(
        session=session, marks={dana.pk: (True, 60)}, reasons={dana.pk: "Left early"}, by=trainer
    )
    before = snapshot(session)

    with pytest.raises(ValidationError, match="Say why you are changing Dana Rivera's check-in"):
        services.record_attendance(session=session, marks={dana.pk: (True, 30)}, by=trainer)

    assert snapshot(session) == before


def test_checking_in_again_keeps_the_first_time_and_the_trainers_correction(
    checked_in, session, dana, trainee, trainer
):
    services.record_attendance(
        session=session,
        marks={dana.pk: (False, 0)},
        reasons={dana.pk: "Camera off, did not answer when called on"},
        by=trainer,
    )
    before = snapshot(session)

    again = services.check_in(
        code=session.check_in_code, user=trainee, now=START + datetime.timedelta(minutes=30)
    )

    assert again.checked_in_at == CHECKED_IN
    assert snapshot(session) == before


def test_check_in_after_a_trainer_marked_present_adds_the_time_only(
    session, dana, trainee, trainer
):
    with time_machine.travel(START - datetime.timedelta(minutes=20), tick=False):
        services.record_attendance(session=session, marks={dana.pk: (True, 90)}, by=trainer)

    with time_machine.travel(CHECKED_IN, tick=False):
        services.check_in(code=session.check_in_code, user=trainee, now=CHECKED_IN)

    row = Attendance.objects.get()
    assert (row.present, row.minutes, row.source, row.recorded_by) == (True, 90, "trainer", trainer)
    assert row.recorded_at == START - datetime.timedelta(minutes=20)
    assert row.checked_in_at == CHECKED_IN


def test_check_in_after_a_trainer_marked_absent_marks_present(session, dana, trainee, trainer):
    services.record_attendance(session=session, marks={dana.pk: (False, 0)}, by=trainer)

    services.check_in(code=session.check_in_code, user=trainee, now=CHECKED_IN)

    row = Attendance.objects.get()
    assert (row.present, row.minutes, row.source, row.checked_in_at) == (
        True,
        85,
        "check_in",
        CHECKED_IN,
    )


def test_check_in_page_says_when_the_trainee_checked_in(client, session, trainee):
    trainee.time_zone = "Europe/Berlin"
    trainee.save()

    with time_machine.travel(CHECKED_IN, tick=False):
        client.force_login(trainee)
        page = client.get(reverse("join:check_in")).content.decode()
        response = client.post(
            reverse("join:check_in"), {"code": session.check_in_code}, follow=True
        )

    assert "The time you check in is kept with your attendance record" in page
    assert "You are checked in to “Practising TIP” (at 18:05, Europe/Berlin time)." in (
        response.content.decode()
    )
    assert Attendance.objects.get().checked_in_at == CHECKED_IN


# --- the attendance page ------------------------------------------------------------------------


def test_attendance_page_shows_the_check_in_and_asks_for_a_reason_on_its_row_only(
    client, checked_in, session, cohort, dana, sam, trainer
):
    client.force_login(trainer)  # in America/Chicago

    html = client.get(reverse("cohorts:attendance", args=[cohort.pk, session.pk])).content.decode()

    assert "Checked in with the session code<br>Checked in at 11:05" in html
    assert f'name="reason-{dana.pk}"' in html
    assert 'aria-label="Why Dana Rivera\'s check-in is changed"' in html
    assert f'name="reason-{sam.pk}"' not in html


def test_page_refuses_a_check_in_change_without_a_reason_and_keeps_what_was_typed(
    client, checked_in, session, cohort, dana, sam, trainer
):
    before = snapshot(session)
    client.force_login(trainer)
    data = {
        **posted(dana, minutes=40, was_minutes=85, reason=""),
        **posted(sam, minutes=90, was_present=False, was_minutes=90),
    }

    response = client.post(reverse("cohorts:attendance", args=[cohort.pk, session.pk]), data)

    html = response.content.decode()
    assert response.status_code == HTTPStatus.BAD_REQUEST
    message = (
        "Say why you are changing Dana Rivera&#x27;s check-in: the reason is kept with the "
        "attendance record."
    )
    assert f"Nothing was saved: {message}" in html
    assert f'<p class="field-error" id="reason-error-{dana.pk}">{message}</p>' in html
    assert 'aria-invalid="true"' in html
    # What the trainer typed is still there, and so is what the page first showed.
    assert f'name="minutes-{dana.pk}" value="40"' in html
    assert f'name="was-minutes-{dana.pk}" value="85"' in html
    assert f'name="present-{sam.pk}" id="present-{sam.pk}"' in html
    assert snapshot(session) == before


def test_page_saves_a_check_in_change_with_its_reason(
    client, checked_in, session, cohort, dana, sam, trainer
):
    data = {
        **posted(dana, minutes=40, was_minutes=85, reason="Joined the breakout late"),
        **posted(sam, present=False, minutes=90, was_present=False, was_minutes=90),
    }

    with time_machine.travel(LATER, tick=False):
        client.force_login(trainer)
        response = client.post(
            reverse("cohorts:attendance", args=[cohort.pk, session.pk]), data, follow=True
        )

    row = Attendance.objects.get()
    assert "Attendance saved (1 change)." in response.content.decode()
    assert (row.minutes, row.source, row.checked_in_at, row.change_reason) == (
        40,
        "trainer",
        CHECKED_IN,
        "Joined the breakout late",
    )
    assert "Changed by Terry Chen: Joined the breakout late" in response.content.decode()


def test_a_check_in_made_while_the_page_was_open_needs_a_reason_to_change(
    client, session, cohort, dana, trainee, trainer
):
    """The page showed Dana unmarked; she checked in meanwhile; the trainer's change to her row
    is refused until a reason is given, and her check-in stays as it was."""
    client.force_login(trainer)
    data = posted(dana, minutes=90, was_present=False, was_minutes=90)
    with time_machine.travel(CHECKED_IN, tick=False):
        services.check_in(code=session.check_in_code, user=trainee, now=CHECKED_IN)
    before = snapshot(session)

    response = client.post(reverse("cohorts:attendance", args=[cohort.pk, session.pk]), data)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert f'name="reason-{dana.pk}"' in response.content.decode()
    assert snapshot(session) == before


@pytest.mark.parametrize("who", ["visitor", "trainee", "other_trainer"])
def test_nobody_else_changes_a_check_in(client, checked_in, session, cohort, dana, request, who):
    if who == "trainee":
        client.force_login(request.getfixturevalue("trainee"))
    elif who == "other_trainer":
        client.force_login(UserFactory(email="otto@example.org", roles=[Role.TRAINER]))
    before = snapshot(session)

    response = client.post(
        reverse("cohorts:attendance", args=[cohort.pk, session.pk]),
        posted(dana, minutes=10, was_minutes=85, reason="Because"),
    )

    assert response.status_code == (302 if who == "visitor" else 403)
    assert snapshot(session) == before


@pytest.mark.parametrize("trainees", [5, 60])
def test_attendance_page_takes_the_same_queries_at_any_size(
    client, session, cohort, trainer, django_assert_max_num_queries, trainees
):
    people = UserFactory.create_batch(trainees)
    for person in people:
        services.enroll(cohort=cohort, user=person)
        services.check_in(code=session.check_in_code, user=person, now=CHECKED_IN)
    services.record_attendance(
        session=session,
        marks={Enrollment.objects.get(user=people[0]).pk: (True, 30)},
        reasons={Enrollment.objects.get(user=people[0]).pk: "Left early"},
        by=trainer,
    )
    client.force_login(trainer)

    # Sign-in 2, the cohort, the session, the roster, its marks (with who recorded them).
    with django_assert_max_num_queries(6):
        html = client.get(reverse("cohorts:attendance", args=[cohort.pk, session.pk]))

    assert html.content.decode().count('name="reason-') == trainees
