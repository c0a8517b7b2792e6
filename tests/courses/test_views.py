"""Cohort pages by viewer: visitor, trainee, trainee of another cohort, trainer of another
cohort, the cohort's trainer, and an enrollment admin. Refused actions change nothing."""

import csv
import datetime
import io
from http import HTTPStatus

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from courses import services
from courses.models import Cohort, Enrollment, EnrollmentEvent
from dbt_training.core.spreadsheets import XLSX_CONTENT_TYPE
from dbt_training.users.roles import Role
from tests.factories import CohortFactory, CourseFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(trainer, trainee):
    cohort = CohortFactory(name="Spring 2027", capacity=2, trainers=[trainer])
    services.enroll(cohort=cohort, user=trainee)
    return cohort


@pytest.fixture
def viewers(cohort, trainee, trainer, enrollment_admin):
    other_cohort = CohortFactory(name="Autumn 2027")
    other_trainee = UserFactory(email="olive@example.org", full_name="Olive Other")
    services.enroll(cohort=other_cohort, user=other_trainee)
    other_trainer = UserFactory(email="otto@example.org", roles=[Role.TRAINER])
    other_cohort.trainers.add(other_trainer)
    return {
        "visitor": None,
        "trainee": trainee,
        "other_trainee": other_trainee,
        "other_trainer": other_trainer,
        "cohort_trainer": trainer,
        "admin": enrollment_admin,
    }


def as_viewer(client, viewers, who):
    if viewers[who] is not None:
        client.force_login(viewers[who])
    return client


LIST = {
    "visitor": 302,
    "trainee": 403,
    "other_trainee": 403,
    "other_trainer": 200,
    "cohort_trainer": 200,
    "admin": 200,
}
READ = {
    "visitor": 302,
    "trainee": 403,
    "other_trainee": 403,
    "other_trainer": 403,
    "cohort_trainer": 200,
    "admin": 200,
}
MANAGE = {
    "visitor": 302,
    "trainee": 403,
    "other_trainee": 403,
    "other_trainer": 403,
    "cohort_trainer": 403,
    "admin": 200,
}


@pytest.mark.parametrize("who", list(READ))
def test_cohort_pages_by_viewer(client, cohort, viewers, who):
    client = as_viewer(client, viewers, who)
    detail = client.get(reverse("cohorts:detail", args=[cohort.pk]))
    roster = client.get(reverse("cohorts:roster_csv", args=[cohort.pk]))
    workbook = client.get(reverse("cohorts:roster_xlsx", args=[cohort.pk]))
    listing = client.get(reverse("cohorts:list"))

    assert detail.status_code == READ[who]
    assert roster.status_code == READ[who]
    assert workbook.status_code == READ[who]
    assert listing.status_code == LIST[who]
    for name, args in (("cohorts:create", []), ("cohorts:edit", [cohort.pk])):
        assert client.get(reverse(name, args=args)).status_code == MANAGE[who], name


@pytest.mark.parametrize(
    "who", ["visitor", "trainee", "other_trainee", "other_trainer", "cohort_trainer"]
)
def test_refused_enrollment_changes_change_nothing(client, cohort, viewers, who):
    client = as_viewer(client, viewers, who)
    enrollment = Enrollment.objects.get(cohort=cohort)
    newcomer = UserFactory(email="new@example.org")

    client.post(reverse("cohorts:enroll", args=[cohort.pk]), {"email": newcomer.email})
    client.post(reverse("cohorts:withdraw", args=[cohort.pk, enrollment.pk]))
    client.post(reverse("cohorts:edit", args=[cohort.pk]), {"name": "Hijacked"})

    assert list(Enrollment.objects.filter(cohort=cohort).values_list("user__email", "status")) == [
        ("dana@example.org", "active")
    ]
    assert Cohort.objects.get(pk=cohort.pk).name == "Spring 2027"
    assert EnrollmentEvent.objects.filter(enrollment__cohort=cohort).count() == 1


def test_trainer_lists_only_the_cohorts_they_teach(client, cohort, viewers):
    client.force_login(viewers["cohort_trainer"])

    response = client.get(reverse("cohorts:list"))

    assert [c.name for c in response.context["cohorts"]] == ["Spring 2027"]


def test_admin_enrolls_by_email_then_the_waitlist_fills(client, cohort, enrollment_admin):
    client.force_login(enrollment_admin)
    first, second = UserFactory(email="ann@example.org"), UserFactory(email="ben@example.org")
    url = reverse("cohorts:enroll", args=[cohort.pk])

    client.post(url, {"email": "ANN@example.org"})
    response = client.post(url, {"email": "ben@example.org"}, follow=True)

    assert "is waitlisted in this cohort." in response.content.decode()
    assert dict(Enrollment.objects.filter(cohort=cohort).values_list("user__email", "status")) == {
        "dana@example.org": "active",
        first.email: "active",
        second.email: "waitlisted",
    }
    assert response.context["cohort"].waitlist_count == 1


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("dana@example.org", "dana@example.org is already active in this cohort."),
        ("not-an-email", "Enter a valid email address."),
    ],
)
def test_bad_enrollment_input_rerenders_with_the_reason(
    client, cohort, enrollment_admin, email, message
):
    client.force_login(enrollment_admin)

    response = client.post(reverse("cohorts:enroll", args=[cohort.pk]), {"email": email})

    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode()
    assert Enrollment.objects.filter(cohort=cohort).count() == 1


def test_admin_withdraws_and_the_waitlist_moves_up(client, cohort, enrollment_admin, trainee):
    client.force_login(enrollment_admin)
    filler = UserFactory(email="fill@example.org")
    waiting = UserFactory(email="wait@example.org")
    services.enroll(cohort=cohort, user=filler)
    services.enroll(cohort=cohort, user=waiting)

    client.post(
        reverse("cohorts:withdraw", args=[cohort.pk, Enrollment.objects.get(user=trainee).pk])
    )

    assert Enrollment.objects.get(user=trainee).status == "withdrawn"
    assert Enrollment.objects.get(user=waiting).status == "active"
    event = Enrollment.objects.get(user=trainee).events.last()
    assert (event.action, event.actor) == ("withdrawn", enrollment_admin)


def test_roster_filter_and_csv_export(client, cohort, trainer):
    services.enroll(cohort=cohort, user=UserFactory(email="ann@example.org", full_name="Ann A"))
    services.enroll(cohort=cohort, user=UserFactory(email="ben@example.org", full_name="Ben B"))
    client.force_login(trainer)

    page = client.get(reverse("cohorts:detail", args=[cohort.pk]), {"status": "waitlisted"})
    export = client.get(reverse("cohorts:roster_csv", args=[cohort.pk]), {"status": "waitlisted"})

    assert [e.user.email for e in page.context["roster"]] == ["ben@example.org"]
    body = b"".join(export.streaming_content).decode()
    assert body.startswith("\ufeffemail,")  # a BOM: Excel then reads the file as UTF-8
    rows = list(csv.reader(io.StringIO(body.removeprefix("\ufeff"))))
    assert rows == [
        ["email", "full_name", "status", "team", "enrolled_at", "withdrawn_at"],
        ["ben@example.org", "Ben B", "waitlisted", "", "", ""],
    ]


def test_admin_creates_and_edits_a_cohort(client, enrollment_admin, trainer):
    course = CourseFactory(title="DBT Foundations", status="published")
    client.force_login(enrollment_admin)

    response = client.post(
        reverse("cohorts:create"),
        {
            "course": course.pk,
            "name": "Summer 2027",
            "starts_on": "2027-06-01",
            "ends_on": "2027-11-30",
            "time_zone": "Europe/Berlin",
            "capacity": "25",
            "status": "open",
            "trainers": [trainer.pk],
        },
    )
    cohort = Cohort.objects.get(name="Summer 2027")
    refused = client.post(
        reverse("cohorts:edit", args=[cohort.pk]),
        {
            "name": "Summer 2027",
            "starts_on": "2027-06-01",
            "ends_on": "2027-01-01",
            "time_zone": "Europe/Berlin",
            "status": "open",
        },
    )

    assert response["Location"] == reverse("cohorts:detail", args=[cohort.pk])
    assert (cohort.course, cohort.time_zone, cohort.capacity) == (course, "Europe/Berlin", 25)
    assert list(cohort.trainers.all()) == [trainer]
    assert "The cohort cannot end before it starts." in refused.content.decode()
    assert str(Cohort.objects.get(pk=cohort.pk).ends_on) == "2027-11-30"


def test_self_enroll_page(client, trainee):
    cohort = CohortFactory(name="Open cohort", capacity=5, status="open")
    client.force_login(trainee)

    wrong = client.post(reverse("join:self_enroll"), {"code": "NOPE1234"})
    right = client.post(
        reverse("join:self_enroll"), {"code": cohort.enroll_code.lower()}, follow=True
    )

    assert "No cohort is open for enrollment with that code." in wrong.content.decode()
    assert "You are enrolled in “Open cohort”." in right.content.decode()
    assert "Open cohort" in right.content.decode()  # listed on the dashboard
    assert Enrollment.objects.get(user=trainee).status == "active"


def test_self_enroll_needs_sign_in(client):
    response = client.get(reverse("join:self_enroll"))

    assert response.status_code == HTTPStatus.FOUND


@pytest.mark.parametrize("size", [10, 500])
def test_roster_queries_do_not_grow_with_trainees(
    client, trainer, size, django_assert_max_num_queries
):
    cohort = CohortFactory(capacity=None, trainers=[trainer])
    Enrollment.objects.bulk_create(
        Enrollment(cohort=cohort, user=user, status="active")
        for user in UserFactory.create_batch(size, verified_email=False)
    )
    client.force_login(trainer)

    with django_assert_max_num_queries(8):
        response = client.get(reverse("cohorts:detail", args=[cohort.pk]))
    assert len(response.context["roster"]) == size
    with django_assert_max_num_queries(7):
        export = client.get(reverse("cohorts:roster_csv", args=[cohort.pk]))
        assert len(b"".join(export.streaming_content).splitlines()) == size + 1
    with django_assert_max_num_queries(7):
        workbook = client.get(reverse("cohorts:roster_xlsx", args=[cohort.pk]))
    assert load_workbook(io.BytesIO(workbook.content)).active.max_row == size + 1


def test_admin_transfers_from_the_roster_and_a_trainer_cannot(
    client, cohort, trainer, enrollment_admin, trainee
):
    autumn = CohortFactory(name="Autumn 2027", course=cohort.course, capacity=5)
    enrollment = Enrollment.objects.get(user=trainee)
    url = reverse("cohorts:transfer", args=[cohort.pk, enrollment.pk])

    client.force_login(trainer)
    assert client.post(url, {"to_cohort": autumn.pk}).status_code == HTTPStatus.FORBIDDEN
    assert Enrollment.objects.get(pk=enrollment.pk).cohort == cohort
    client.force_login(enrollment_admin)
    page = client.get(reverse("cohorts:detail", args=[cohort.pk]))
    assert [c.name for c in page.context["transfer_targets"]] == ["Autumn 2027"]
    bad = client.post(url, {"to_cohort": "not-a-number"}, follow=True)
    done = client.post(url, {"to_cohort": autumn.pk}, follow=True)

    assert "Choose the cohort to transfer to." in bad.content.decode()
    assert "moved to Autumn 2027 (active)" in done.content.decode()
    assert Enrollment.objects.get(pk=enrollment.pk).cohort == autumn


def test_roster_shows_each_trainees_attendance_rate(client, cohort, trainer, trainee):
    import datetime

    from courses.models import Attendance

    past = services.schedule_live_session(
        cohort=cohort,
        kind="didactic",
        title="Validation",
        starts_at=datetime.datetime(2026, 1, 5, 17, tzinfo=datetime.UTC),
    )
    services.schedule_live_session(
        cohort=cohort,
        kind="didactic",
        title="Chain analysis",
        starts_at=datetime.datetime(2026, 1, 12, 17, tzinfo=datetime.UTC),
    )
    Attendance.objects.create(
        live_session=past,
        enrollment=Enrollment.objects.get(user=trainee),
        present=True,
        minutes=90,
        source="trainer",
    )
    client.force_login(trainer)

    html = client.get(reverse("cohorts:detail", args=[cohort.pk])).content.decode()

    assert "50% (1 of 2)" in html


def test_stale_attendance_form_keeps_a_check_in_made_meanwhile(client, cohort, trainer, trainee):
    import datetime

    session = services.schedule_live_session(
        cohort=cohort,
        kind="didactic",
        title="Validation",
        starts_at=datetime.datetime(2026, 1, 5, 17, tzinfo=datetime.UTC),
    )
    dana = Enrollment.objects.get(user=trainee)
    client.force_login(trainer)
    # The page was loaded before Dana checked in: it showed her unmarked.
    shown = {
        f"was-present-{dana.pk}": "0",
        f"was-minutes-{dana.pk}": "90",
        f"minutes-{dana.pk}": "90",
    }
    services.check_in(code=session.check_in_code, user=trainee, now=session.starts_at)

    client.post(reverse("cohorts:attendance", args=[cohort.pk, session.pk]), shown)

    from courses.models import Attendance

    assert Attendance.objects.get().present is True


def test_roster_as_csv_and_xlsx_in_the_cohorts_zone(client, trainer, trainee):
    """An enrollment at 14:49:10 UTC in a New York cohort reads 09:49 in both files."""
    cohort = CohortFactory(name="Spring 2027", trainers=[trainer], time_zone="America/New_York")
    enrollment = services.enroll(cohort=cohort, user=trainee)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        enrolled_at=datetime.datetime(2026, 11, 2, 14, 49, 10, 292323, tzinfo=datetime.UTC)
    )
    trainee.full_name = "Zoë Müller"
    trainee.save()
    client.force_login(trainer)

    export = client.get(reverse("cohorts:roster_csv", args=[cohort.pk]))
    workbook = client.get(reverse("cohorts:roster_xlsx", args=[cohort.pk]))

    assert export["Content-Disposition"] == f'attachment; filename="cohort-{cohort.pk}-roster.csv"'
    assert b"".join(export.streaming_content).decode() == (
        "\ufeffemail,full_name,status,team,enrolled_at,withdrawn_at\r\n"
        f"{trainee.email},Zoë Müller,active,,2026-11-02 09:49,\r\n"
    )
    assert workbook["Content-Type"] == XLSX_CONTENT_TYPE
    assert workbook["Content-Disposition"] == (
        f'attachment; filename="cohort-{cohort.pk}-roster.xlsx"'
    )
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    assert sheet.title == "Roster"
    assert list(sheet.iter_rows(values_only=True)) == [
        ("email", "full_name", "status", "team", "enrolled_at", "withdrawn_at"),
        (trainee.email, "Zoë Müller", "active", None, datetime.datetime(2026, 11, 2, 9, 49), None),
    ]
    assert sheet["E2"].is_date and sheet["E2"].number_format == "yyyy-mm-dd hh:mm"


def test_roster_csv_neutralises_spreadsheet_formulas(client, cohort, trainer, trainee):
    trainee.full_name = '=HYPERLINK("http://evil.example","x")'
    trainee.save()
    client.force_login(trainer)

    export = client.get(reverse("cohorts:roster_csv", args=[cohort.pk]))
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))

    assert rows[1][1] == '\'=HYPERLINK("http://evil.example","x")'


@pytest.mark.parametrize("value", ["²", "٣", "99999999999999999999999", "-1", ""])
def test_odd_ids_in_forms_are_refused_without_an_error(client, cohort, enrollment_admin, value):
    client.force_login(enrollment_admin)
    enrollment = Enrollment.objects.get(cohort=cohort)

    response = client.post(
        reverse("cohorts:transfer", args=[cohort.pk, enrollment.pk]), {"to_cohort": value}
    )
    teams = client.post(
        reverse("cohorts:teams", args=[cohort.pk]), {"application": value, "decision": "approve"}
    )

    assert response.status_code == HTTPStatus.FOUND and teams.status_code == HTTPStatus.FOUND
    assert Enrollment.objects.get(pk=enrollment.pk).cohort == cohort


def test_withdrawn_trainee_cannot_self_enroll_back(client, cohort, trainee):
    services.withdraw(enrollment=Enrollment.objects.get(user=trainee))
    cohort.status = "open"
    cohort.save()
    client.force_login(trainee)

    again = client.post(reverse("join:self_enroll"), {"code": cohort.enroll_code})
    response = client.post(reverse("join:self_enroll"), {"code": cohort.enroll_code})

    assert "You were withdrawn from this cohort" in response.content.decode()
    assert again.status_code == HTTPStatus.OK
    assert Enrollment.objects.get(user=trainee).status == "withdrawn"


def test_self_enroll_twice_explains_instead_of_failing(client, trainee):
    open_cohort = CohortFactory(capacity=5, status="open")
    client.force_login(trainee)
    client.post(reverse("join:self_enroll"), {"code": open_cohort.enroll_code})

    response = client.post(reverse("join:self_enroll"), {"code": open_cohort.enroll_code})

    assert response.status_code == HTTPStatus.OK
    assert "dana@example.org is already active in this cohort." in response.content.decode()


def test_far_future_cohort_dates_are_refused(client, enrollment_admin):
    course = CourseFactory(status="published")
    client.force_login(enrollment_admin)

    response = client.post(
        reverse("cohorts:create"),
        {
            "course": course.pk,
            "name": "Far",
            "starts_on": "9999-12-20",
            "ends_on": "9999-12-21",
            "time_zone": "UTC",
            "status": "open",
        },
    )

    assert "Choose a date between the years 2000 and 2100." in response.content.decode()
    assert Cohort.objects.filter(name="Far").count() == 0
