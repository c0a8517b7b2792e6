"""Live sessions in each person's time zone, attendance by roster or by check-in code."""

import datetime
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from courses import services
from courses.models import Attendance, Enrollment, LiveSession
from dbt_training.users.roles import Role
from tests.factories import CohortFactory, UserFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
START = datetime.datetime(2027, 2, 3, 17, 0, tzinfo=UTC)


@pytest.fixture
def cohort(trainer, trainee):
    cohort = CohortFactory(
        name="Spring 2027", capacity=None, trainers=[trainer], time_zone="Europe/Berlin"
    )
    services.enroll(cohort=cohort, user=trainee)
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


def test_trainer_schedules_in_the_cohort_time_zone_and_trainees_see_their_own(
    client, cohort, trainer
):
    client.force_login(trainer)

    response = client.post(
        reverse("cohorts:live_sessions", args=[cohort.pk]),
        {
            "kind": "consultation_team",
            "title": "Consultation team",
            "starts_at": "2027-02-03T18:00",
            "duration_minutes": "60",
            "join_url": "meet.example.org/dbt",
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    session = LiveSession.objects.get()
    # 18:00 in Berlin in winter is 17:00 UTC.
    assert session.starts_at == START
    assert session.join_url == "https://meet.example.org/dbt"
    listing = client.get(reverse("cohorts:live_sessions", args=[cohort.pk])).content.decode()
    assert "Wed 3 Feb 2027, 11:00" in listing  # the trainer's own zone: America/Chicago


def test_a_trainers_drop_in_is_q_and_a_not_a_consultation_team_meeting(client, cohort, trainer):
    client.force_login(trainer)
    url = reverse("cohorts:live_sessions", args=[cohort.pk])

    page = client.get(url).content.decode()
    response = client.post(
        url,
        {
            "kind": "qa_office_hours",
            "title": "Drop-in: your first chain analysis",
            "starts_at": "2027-02-03T18:00",
            "duration_minutes": "60",
        },
    )

    assert '<option value="qa_office_hours">Q&amp;A / office hours</option>' in page
    assert '<option value="consultation_team">Consultation team meeting</option>' in page
    assert response.status_code == HTTPStatus.FOUND
    assert LiveSession.objects.get().kind == LiveSession.Kind.QA_OFFICE_HOURS
    assert "Q&amp;A / office hours" in client.get(url).content.decode()


@pytest.mark.parametrize(
    ("minutes_after_start", "ok"),
    [(-16, False), (-15, True), (0, True), (89, True), (90, True), (91, False)],
)
def test_check_in_code_works_only_while_the_session_runs(session, trainee, minutes_after_start, ok):
    now = START + datetime.timedelta(minutes=minutes_after_start)

    if ok:
        attendance = services.check_in(code=session.check_in_code.lower(), user=trainee, now=now)
        assert (attendance.present, attendance.source) == (True, "check_in")
        assert attendance.minutes == min(90, 90 - max(0, minutes_after_start))
    else:
        with pytest.raises(ValidationError, match="works only while its session runs"):
            services.check_in(code=session.check_in_code, user=trainee, now=now)
        assert Attendance.objects.count() == 0


def test_check_in_is_for_the_cohorts_own_trainees(session, other_trainee):
    with pytest.raises(ValidationError, match="does not belong to a session of your cohorts"):
        services.check_in(code=session.check_in_code, user=other_trainee, now=START)

    assert Attendance.objects.count() == 0


def test_trainer_marks_the_roster_and_the_rate_follows(client, session, cohort, trainer, trainee):
    other = UserFactory(email="ann@example.org", full_name="Ann Ames")
    services.enroll(cohort=cohort, user=other)
    later = services.schedule_live_session(
        cohort=cohort,
        kind="didactic",
        title="Validation",
        starts_at=START + datetime.timedelta(days=7),
    )
    dana, ann = Enrollment.objects.get(user=trainee), Enrollment.objects.get(user=other)
    client.force_login(trainer)

    response = client.post(
        reverse("cohorts:attendance", args=[cohort.pk, session.pk]),
        {f"present-{dana.pk}": "on", f"minutes-{dana.pk}": "80", f"minutes-{ann.pk}": "30"},
    )
    services.record_attendance(
        session=later, marks={dana.pk: (False, 0), ann.pk: (True, 90)}, by=trainer
    )

    assert response.status_code == HTTPStatus.FOUND
    assert sorted(
        Attendance.objects.filter(live_session=session).values_list(
            "enrollment__user__email", "present", "minutes"
        )
    ) == [
        ("ann@example.org", False, 0),
        ("dana@example.org", True, 80),
    ]
    rates = {
        e.user.email: e.attendance_percent
        for e in Enrollment.objects.filter(cohort=cohort)
        .with_attendance(now=START + datetime.timedelta(days=8))
        .select_related("user")
    }
    assert rates == {"dana@example.org": 50, "ann@example.org": 50}
    before_second = (
        Enrollment.objects.filter(cohort=cohort)
        .with_attendance(now=START + datetime.timedelta(days=1))
        .get(pk=dana.pk)
    )
    assert (before_second.attendance_held, before_second.attendance_present) == (1, 1)


@pytest.mark.parametrize(
    ("minutes", "message"),
    [("abc", "Minutes must be whole numbers."), ("200", "Minutes must be between 0 and")],
)
def test_bad_minutes_save_nothing(client, session, cohort, trainer, trainee, minutes, message):
    dana = Enrollment.objects.get(user=trainee)
    client.force_login(trainer)

    response = client.post(
        reverse("cohorts:attendance", args=[cohort.pk, session.pk]),
        {f"present-{dana.pk}": "on", f"minutes-{dana.pk}": minutes},
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert message in response.content.decode()
    assert Attendance.objects.count() == 0


def test_record_attendance_refuses_other_cohorts_enrollments(session, other_trainee, trainer):
    elsewhere = services.enroll(cohort=CohortFactory(), user=other_trainee)

    with pytest.raises(ValidationError, match="only be taken for people enrolled in this cohort"):
        services.record_attendance(session=session, marks={elsewhere.pk: (True, 90)}, by=trainer)
    assert Attendance.objects.count() == 0


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("visitor", 302),
        ("trainee", 403),
        ("other_trainer", 403),
        ("trainer", 200),
        ("enrollment_admin", 200),
    ],
)
def test_session_pages_by_viewer(client, session, cohort, request, who, expected):
    if who == "other_trainer":
        client.force_login(UserFactory(email="otto@example.org", roles=[Role.TRAINER]))
    elif who != "visitor":
        client.force_login(request.getfixturevalue(who))

    for url in (
        reverse("cohorts:live_sessions", args=[cohort.pk]),
        reverse("cohorts:attendance", args=[cohort.pk, session.pk]),
    ):
        assert client.get(url).status_code == expected, url
    dana = Enrollment.objects.get(cohort=cohort)
    client.post(
        reverse("cohorts:attendance", args=[cohort.pk, session.pk]),
        {f"present-{dana.pk}": "on", f"minutes-{dana.pk}": "90"},
    )
    assert Attendance.objects.count() == (1 if expected == 200 else 0)


def test_check_in_page_explains_a_refusal_and_accepts_during_the_session(client, session, trainee):
    import time_machine

    with time_machine.travel(START - datetime.timedelta(days=1), tick=False):
        client.force_login(trainee)
        early = client.post(reverse("join:check_in"), {"code": session.check_in_code})
    with time_machine.travel(START + datetime.timedelta(minutes=10), tick=False):
        client.force_login(trainee)
        during = client.post(reverse("join:check_in"), {"code": session.check_in_code})

    assert "works only while its session runs" in early.content.decode()
    assert during.status_code == HTTPStatus.FOUND
    assert Attendance.objects.get().minutes == 80


def test_sessions_are_shown_in_the_viewers_time_zone(client, session, cohort, enrollment_admin):
    enrollment_admin.time_zone = "Asia/Tokyo"
    enrollment_admin.save()
    client.force_login(enrollment_admin)

    html = client.get(reverse("cohorts:live_sessions", args=[cohort.pk])).content.decode()

    assert "Thu 4 Feb 2027, 02:00" in html
