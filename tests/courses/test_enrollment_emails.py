"""Who is told about a seat (issue 25, item 5): a trainee an admin enrolls from the roster, one
put on the waitlist, and one promoted from it when a seat frees, each get one email through
the outbox, written with the change; a person enrolling themselves is not emailed about it."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from courses import services
from courses.models import CohortStatus, EnrollmentStatus
from dbt_training.outbox.models import OutgoingEmail
from tests.factories import CohortFactory, UserFactory

pytestmark = pytest.mark.django_db


def mails():
    return list(OutgoingEmail.objects.order_by("pk").values_list("to", "subject"))


@pytest.fixture
def cohort(enrollment_admin):
    return CohortFactory(
        name="Spring 2027", capacity=1, course__title="DBT Foundations", status=CohortStatus.OPEN
    )


def test_an_admin_enrolling_from_the_roster_emails_the_trainee_once(
    client, cohort, enrollment_admin
):
    person = UserFactory(email="ann@example.org", full_name="Ann Lee")
    client.force_login(enrollment_admin)

    response = client.post(
        reverse("cohorts:enroll", args=[cohort.pk]), {"email": "ann@example.org"}
    )

    assert response.status_code == HTTPStatus.FOUND
    assert mails() == [("ann@example.org", "[Spring 2027] You are enrolled in DBT Foundations")]
    body = OutgoingEmail.objects.get().body_text
    assert "You are enrolled in DBT Foundations (Spring 2027)." in body
    assert f"http://testserver/learn/{cohort.pk}/" in body
    assert person.enrollments.get().status == EnrollmentStatus.ACTIVE


def test_a_full_cohort_tells_the_admins_pick_they_wait_then_that_the_seat_is_theirs(
    cohort, enrollment_admin
):
    first = services.enroll(
        cohort=cohort, user=UserFactory(email="ann@example.org"), by=enrollment_admin
    )
    services.enroll(cohort=cohort, user=UserFactory(email="bo@example.org"), by=enrollment_admin)

    services.withdraw(enrollment=first, by=enrollment_admin)

    assert mails() == [
        ("ann@example.org", "[Spring 2027] You are enrolled in DBT Foundations"),
        ("bo@example.org", "[Spring 2027] You are on the waitlist for DBT Foundations"),
        ("bo@example.org", "[Spring 2027] A seat is yours in DBT Foundations"),
    ]
    promoted = OutgoingEmail.objects.order_by("pk").last().body_text
    assert (
        "A seat became free in DBT Foundations (Spring 2027), and it is yours: you are now "
        "enrolled." in promoted
    )


def test_raising_the_capacity_emails_each_promoted_person_once(cohort, enrollment_admin):
    for email in ("ann@example.org", "bo@example.org", "cy@example.org"):
        services.enroll(cohort=cohort, user=UserFactory(email=email), by=enrollment_admin)
    OutgoingEmail.objects.all().delete()

    services.update_cohort(cohort=cohort, capacity=3)
    services.update_cohort(cohort=cohort, capacity=3)

    assert sorted(mails()) == [
        ("bo@example.org", "[Spring 2027] A seat is yours in DBT Foundations"),
        ("cy@example.org", "[Spring 2027] A seat is yours in DBT Foundations"),
    ]


def test_enrolling_oneself_with_the_code_sends_no_enrollment_email(cohort):
    person = UserFactory(email="ann@example.org")

    services.self_enroll(code=cohort.enroll_code, user=person)

    assert person.enrollments.get().status == EnrollmentStatus.ACTIVE

    assert mails() == []
