from http import HTTPStatus

import pytest
from django.urls import reverse

from courses import services
from courses.models import Announcement, Enrollment
from dbt_training.outbox import services as outbox
from dbt_training.outbox.models import OutgoingEmail
from dbt_training.users.roles import Role
from tests.factories import CohortFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(trainer, trainee):
    cohort = CohortFactory(name="Spring 2027", capacity=1, trainers=[trainer])
    services.enroll(cohort=cohort, user=trainee)
    services.enroll(cohort=cohort, user=UserFactory(email="waiting@example.org"))  # waitlisted
    return cohort


def test_trainer_posts_and_active_trainees_are_emailed_once(
    client, cohort, trainer, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(trainer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("cohorts:announcements", args=[cohort.pk]),
            {"title": "Room change", "body": "We meet online: https://meet.example.org/dbt"},
        )

    assert response.status_code == HTTPStatus.FOUND
    announcement = Announcement.objects.get()
    assert (announcement.author, announcement.emailed_at is not None) == (trainer, True)
    assert [m.to for m in mailoutbox] == [["dana@example.org"]]
    assert mailoutbox[0].subject == "[Spring 2027] Room change"
    assert "https://meet.example.org/dbt" in mailoutbox[0].body
    # One outbox row per active trainee, written with the announcement; delivering again (a
    # retried or duplicated task) sends nothing twice.
    assert list(OutgoingEmail.objects.values_list("key", "status")) == [
        (
            f"announcement:{announcement.pk}:user:{Enrollment.objects.get(user__email='dana@example.org').user_id}",
            "sent",
        )
    ]
    assert outbox.deliver().sent == []
    assert len(mailoutbox) == 1


def test_trainee_sees_announcements_on_the_dashboard(
    client, cohort, trainer, trainee, other_trainee
):
    services.post_announcement(
        cohort=cohort, author=trainer, title="First week", body="Read module 1."
    )

    client.force_login(trainee)
    mine = client.get(reverse("dashboard")).content.decode()
    client.force_login(other_trainee)
    theirs = client.get(reverse("dashboard")).content.decode()

    assert "First week" in mine and "Read module 1." in mine
    assert "First week" not in theirs and "Read module 1." not in theirs


def test_empty_announcement_is_refused(client, cohort, trainer):
    client.force_login(trainer)

    response = client.post(
        reverse("cohorts:announcements", args=[cohort.pk]), {"title": "", "body": ""}
    )

    assert response.status_code == HTTPStatus.OK
    assert "This field is required." in response.content.decode()
    assert Announcement.objects.count() == 0


@pytest.mark.parametrize(
    ("who", "expected"),
    [("visitor", 302), ("trainee", 403), ("other_trainer", 403), ("enrollment_admin", 200)],
)
def test_announcement_page_by_viewer(client, cohort, request, who, expected, mailoutbox):
    if who == "other_trainer":
        client.force_login(UserFactory(email="otto@example.org", roles=[Role.TRAINER]))
    elif who != "visitor":
        client.force_login(request.getfixturevalue(who))

    assert client.get(reverse("cohorts:announcements", args=[cohort.pk])).status_code == expected
    client.post(reverse("cohorts:announcements", args=[cohort.pk]), {"title": "X", "body": "Y"})
    assert Announcement.objects.count() == (1 if expected == 200 else 0)
