"""Issue 25, items 3, 6 and 7: withdrawal confirmed on its own page and undone by enrolling again
within a day; the transfer select needs a choice; capacity from 1 to 10,000 and never below the
seats taken; cohorts only for published courses. Every refusal changes nothing."""

import datetime
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from courses import services
from courses.forms import CohortForm
from courses.models import Cohort, Enrollment, EnrollmentEvent
from tests.factories import CohortFactory, CourseFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(trainer, trainee):
    """Full (2 of 2): Dana Rivera and Ann Lee hold the seats, Bo Chen is first on the waitlist."""
    course = CourseFactory(title="DBT Foundations", status="published")
    cohort = CohortFactory(name="Spring 2027", course=course, capacity=2, trainers=[trainer])
    services.enroll(cohort=cohort, user=trainee)
    services.enroll(cohort=cohort, user=UserFactory(email="ann@example.org", full_name="Ann Lee"))
    services.enroll(cohort=cohort, user=UserFactory(email="bo@example.org", full_name="Bo Chen"))
    return cohort


@pytest.fixture
def viewers(trainee, trainer, enrollment_admin):
    return {
        "visitor": None,
        "trainee": trainee,
        "trainer": trainer,
        # Staff (Django admin access) but without the enrollment-admin role.
        "wrong_admin": UserFactory(email="staff@example.org", is_staff=True),
        "admin": enrollment_admin,
    }


def login(client, viewers, who):
    if viewers[who] is not None:
        client.force_login(viewers[who])
    return client


def roster(cohort) -> dict[str, str]:
    return dict(Enrollment.objects.filter(cohort=cohort).values_list("user__email", "status"))


FULL = {"dana@example.org": "active", "ann@example.org": "active", "bo@example.org": "waitlisted"}
REFUSED = {"visitor": HTTPStatus.FOUND, "trainee": 403, "trainer": 403, "wrong_admin": 403}


def ann(cohort) -> Enrollment:
    return Enrollment.objects.get(cohort=cohort, user__email="ann@example.org")


# --- item 3: withdraw -----------------------------------------------------------------------


@pytest.mark.parametrize("who", list(REFUSED))
def test_only_an_enrollment_admin_sees_or_confirms_a_withdrawal(client, cohort, viewers, who):
    client = login(client, viewers, who)
    url = reverse("cohorts:withdraw", args=[cohort.pk, ann(cohort).pk])
    events = EnrollmentEvent.objects.count()

    shown = client.get(url)
    posted = client.post(url)

    assert (shown.status_code, posted.status_code) == (REFUSED[who], REFUSED[who])
    assert roster(cohort) == FULL
    assert EnrollmentEvent.objects.count() == events


def test_the_confirmation_page_names_who_gets_the_seat_and_changes_nothing(
    client, cohort, enrollment_admin
):
    client.force_login(enrollment_admin)

    response = client.get(reverse("cohorts:withdraw", args=[cohort.pk, ann(cohort).pk]))

    body = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert (
        response.context["consequence"] == "Ann Lee's seat goes to Bo Chen, first on the waitlist."
    )
    assert "Withdraw Ann Lee</button>" in body
    assert 'class="button-danger"' in body
    assert roster(cohort) == FULL


@pytest.mark.parametrize(
    ("email", "consequence"),
    [
        ("ann@example.org", "Ann Lee's seat stays free: nobody is waiting."),
        ("bo@example.org", "Bo Chen leaves the waitlist; no seat changes hands."),
    ],
)
def test_the_consequence_when_nobody_waits_or_a_waiting_person_leaves(cohort, email, consequence):
    if email == "ann@example.org":
        services.withdraw(enrollment=Enrollment.objects.get(user__email="bo@example.org"))
    enrollment = Enrollment.objects.get(cohort=cohort, user__email=email)

    assert services.withdrawal_consequence(enrollment=enrollment) == consequence


def test_an_admin_cannot_withdraw_through_another_cohorts_url(client, cohort, enrollment_admin):
    other = CohortFactory(name="Autumn 2027", course=cohort.course)
    client.force_login(enrollment_admin)
    url = reverse("cohorts:withdraw", args=[other.pk, ann(cohort).pk])

    assert client.get(url).status_code == HTTPStatus.NOT_FOUND
    assert client.post(url).status_code == HTTPStatus.NOT_FOUND
    assert roster(cohort) == FULL


def test_roster_links_withdraw_to_its_confirmation_and_apart_from_transfer(
    client, cohort, enrollment_admin
):
    CohortFactory(name="Autumn 2027", course=cohort.course)
    client.force_login(enrollment_admin)

    body = client.get(reverse("cohorts:detail", args=[cohort.pk])).content.decode()

    withdraw_url = reverse("cohorts:withdraw", args=[cohort.pk, ann(cohort).pk])
    assert (
        f'<a class="button button-small button-danger-outline" href="{withdraw_url}">Withdraw'
        in body
    )
    assert f'action="{withdraw_url}"' not in body  # no one-click withdrawal form on the roster
    assert '<option value="">Choose a cohort</option>' in body


def test_withdraw_then_undo_by_enrolling_again_the_same_day(client, cohort, enrollment_admin):
    client.force_login(enrollment_admin)
    enrollment = ann(cohort)

    withdrawn = client.post(
        reverse("cohorts:withdraw", args=[cohort.pk, enrollment.pk]),
        {"note": "registered by mistake"},
        follow=True,
    )
    back = client.post(
        reverse("cohorts:enroll", args=[cohort.pk]), {"email": "ann@example.org"}, follow=True
    )

    assert (
        "Ann Lee is withdrawn. To undo it, choose “Enroll again” on their row within 24 hours"
        in (withdrawn.content.decode())
    )
    # Bo Chen was given the seat and keeps it; Ann Lee has hers back, over capacity.
    assert roster(cohort) == {
        "dana@example.org": "active",
        "ann@example.org": "active",
        "bo@example.org": "active",
    }
    assert (
        "Ann Lee is active in this cohort. Their seat is back, so the cohort is over capacity: "
        "3 seats taken of 2." in back.content.decode()
    )
    assert [(e.action, e.note) for e in enrollment.events.order_by("pk")][-2:] == [
        ("withdrawn", "registered by mistake"),
        ("reenrolled", "withdrawal undone"),
    ]


def test_the_roster_offers_enroll_again_only_within_the_day(client, cohort, enrollment_admin):
    services.withdraw(enrollment=ann(cohort), by=enrollment_admin)
    client.force_login(enrollment_admin)
    url = reverse("cohorts:detail", args=[cohort.pk])

    fresh = client.get(url).content.decode()
    Enrollment.objects.filter(pk=ann(cohort).pk).update(
        withdrawn_at=timezone.now() - datetime.timedelta(hours=25)
    )
    stale = client.get(url).content.decode()

    assert 'Enroll again<span class="visually-hidden"> Ann Lee</span>' in fresh
    assert "enrolling them again puts the cohort over capacity" in fresh
    assert "Enroll again" not in stale


def test_after_a_day_enrolling_again_joins_the_waitlist(cohort, enrollment_admin):
    services.withdraw(enrollment=ann(cohort), by=enrollment_admin)
    Enrollment.objects.filter(pk=ann(cohort).pk).update(
        withdrawn_at=timezone.now() - datetime.timedelta(hours=25)
    )

    again = services.enroll(
        cohort=cohort, user=ann(cohort).user, by=enrollment_admin, confirm=False
    )

    assert again.status == "waitlisted"


def test_transfer_without_a_chosen_cohort_is_refused_and_changes_nothing(
    client, cohort, enrollment_admin
):
    CohortFactory(name="Autumn 2027", course=cohort.course, capacity=5)
    client.force_login(enrollment_admin)
    events = EnrollmentEvent.objects.count()

    response = client.post(
        reverse("cohorts:transfer", args=[cohort.pk, ann(cohort).pk]),
        {"to_cohort": ""},
        follow=True,
    )

    assert "Choose the cohort to transfer to." in response.content.decode()
    assert roster(cohort) == FULL
    assert EnrollmentEvent.objects.count() == events


# --- item 6: capacity -------------------------------------------------------------------------


def cohort_post(course, **changes) -> dict:
    return {
        "course": course.pk,
        "name": "Spring 2027",
        "starts_on": "2027-01-11",
        "ends_on": "2027-07-09",
        "time_zone": "America/New_York",
        "status": "open",
        **changes,
    }


@pytest.mark.parametrize("capacity", ["0", "-1", "10001", "99999999999"])
def test_capacity_outside_1_to_10000_is_refused(client, cohort, enrollment_admin, capacity):
    client.force_login(enrollment_admin)

    edited = client.post(
        reverse("cohorts:edit", args=[cohort.pk]), cohort_post(cohort.course, capacity=capacity)
    )
    created = client.post(
        reverse("cohorts:create"), cohort_post(cohort.course, name="New", capacity=capacity)
    )

    for response in (edited, created):
        assert response.status_code == HTTPStatus.OK
        assert response.context["form"].errors["capacity"] == [
            "Capacity is between 1 and 10,000 seats, or empty for no limit."
        ]
    assert Cohort.objects.get(pk=cohort.pk).capacity == 2
    assert not Cohort.objects.filter(name="New").exists()


@pytest.mark.parametrize("capacity", ["1", "10000", ""])
def test_capacity_from_1_to_10000_or_empty_is_accepted(client, enrollment_admin, capacity):
    course = CourseFactory(status="published")
    client.force_login(enrollment_admin)

    client.post(reverse("cohorts:create"), cohort_post(course, capacity=capacity))

    assert Cohort.objects.get(course=course).capacity == (int(capacity) if capacity else None)


def test_capacity_below_the_seats_taken_is_refused_with_the_count(client, cohort, enrollment_admin):
    client.force_login(enrollment_admin)

    response = client.post(
        reverse("cohorts:edit", args=[cohort.pk]),
        cohort_post(cohort.course, name="Renamed", capacity="1"),
    )

    assert response.context["form"].errors["capacity"] == [
        "2 seats are taken; capacity cannot go below 2."
    ]
    unchanged = Cohort.objects.get(pk=cohort.pk)
    assert (unchanged.name, unchanged.capacity) == ("Spring 2027", 2)
    assert roster(cohort) == FULL


def test_raising_capacity_seats_the_waitlist_and_equal_is_allowed(cohort):
    services.update_cohort(cohort=cohort, capacity=2)
    assert roster(cohort) == FULL

    services.update_cohort(cohort=cohort, capacity=3)

    assert roster(cohort)["bo@example.org"] == "active"


@pytest.mark.parametrize("who", list(REFUSED))
def test_only_an_admin_changes_capacity(client, cohort, viewers, who):
    client = login(client, viewers, who)

    response = client.post(
        reverse("cohorts:edit", args=[cohort.pk]), cohort_post(cohort.course, capacity="50")
    )

    assert response.status_code == REFUSED[who]
    assert Cohort.objects.get(pk=cohort.pk).capacity == 2


# --- item 7: cohorts only for published courses ------------------------------------------------


def test_the_new_cohort_form_lists_published_courses_telling_copies_apart(enrollment_admin):
    original = CourseFactory(title="DBT Skills", slug="dbt-skills", status="published")
    copy = CourseFactory(title="DBT Skills", slug="dbt-skills-copy", status="published")
    CourseFactory(title="Draft course", status="draft")
    Course = type(original)
    Course.objects.filter(pk=copy.pk).update(
        created_at=datetime.datetime(2026, 12, 3, 12, tzinfo=datetime.UTC)
    )
    Course.objects.filter(pk=original.pk).update(
        created_at=datetime.datetime(2026, 1, 5, 12, tzinfo=datetime.UTC)
    )
    solo = CourseFactory(title="Chain analysis", status="published")

    labels = [label for _, label in CohortForm().fields["course"].choices]

    assert labels == [
        "Choose a course",
        "Chain analysis",
        "DBT Skills (dbt-skills, created 5 Jan 2026)",
        "DBT Skills (dbt-skills-copy, created 3 Dec 2026)",
    ]
    assert solo.title in labels


def test_a_forged_post_for_a_draft_course_is_refused(client, enrollment_admin):
    draft = CourseFactory(title="Unfinished", status="draft")
    client.force_login(enrollment_admin)

    response = client.post(reverse("cohorts:create"), cohort_post(draft, name="Forged"))

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["course"] == [
        "Choose a published course: cohorts run only published courses."
    ]
    assert not Cohort.objects.filter(name="Forged").exists()


def test_the_service_refuses_a_draft_course_too():
    draft = CourseFactory(title="Unfinished", status="draft")

    with pytest.raises(ValidationError) as refused:
        services.create_cohort(
            course=draft,
            name="Forged",
            starts_on=datetime.date(2027, 1, 11),
            ends_on=datetime.date(2027, 7, 9),
        )

    assert refused.value.message_dict == {
        "course": ["“Unfinished” is a draft: publish it before creating a cohort."]
    }
    assert not Cohort.objects.filter(name="Forged").exists()


@pytest.mark.parametrize("who", list(REFUSED))
def test_only_an_admin_creates_a_cohort(client, viewers, who):
    course = CourseFactory(status="published")
    client = login(client, viewers, who)

    response = client.post(reverse("cohorts:create"), cohort_post(course, name="Sneaky"))

    assert response.status_code == REFUSED[who]
    assert not Cohort.objects.filter(name="Sneaky").exists()


def test_editing_a_cohort_whose_course_is_a_draft_still_works(client, enrollment_admin):
    course = CourseFactory(status="draft")
    cohort = CohortFactory(course=course, name="Old run", capacity=5)
    client.force_login(enrollment_admin)

    response = client.post(
        reverse("cohorts:edit", args=[cohort.pk]), cohort_post(course, name="Old run", capacity="6")
    )

    assert response.status_code == HTTPStatus.FOUND
    assert Cohort.objects.get(pk=cohort.pk).capacity == 6
