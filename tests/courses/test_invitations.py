"""Invitations: emailed, signed, expiring, single-use links that sign a person up and enroll them."""

import re
from http import HTTPStatus

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from courses import services
from courses.models import Enrollment, Invitation
from dbt_training.outbox import services as outbox
from dbt_training.outbox.models import OutgoingEmail
from dbt_training.users.models import User
from tests.factories import CohortFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort():
    return CohortFactory(name="Spring 2027", capacity=10)


def invite(cohort, admin, capture, email="Nora@Example.org"):
    with capture(execute=True):
        return services.enroll_or_invite(cohort=cohort, email=email, full_name="Nora N", by=admin)


def link_path(message) -> str:
    return re.search(r"http://testserver(/invitations/\S+/)", message.body).group(1)


def test_admin_enrolling_an_unknown_email_sends_one_invitation(
    client, cohort, enrollment_admin, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(enrollment_admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("cohorts:enroll", args=[cohort.pk]), {"email": "Nora@Example.org"}, follow=True
        )

    assert "nora@example.org has no account yet: an invitation is on its way." in (
        response.content.decode()
    )
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.invited_by, invitation.sent_at is not None) == (
        "nora@example.org",
        enrollment_admin,
        True,
    )
    assert [m.to for m in mailoutbox] == [["nora@example.org"]]
    assert mailoutbox[0].subject.startswith("[DBT Training] You are invited to")
    assert "Spring 2027" in mailoutbox[0].body
    # Delivering again (a retried or duplicated task) sends nothing twice.
    assert OutgoingEmail.objects.get().key == f"invitation:{invitation.pk}"
    assert outbox.deliver().sent == []
    assert len(mailoutbox) == 1


def test_new_person_signs_up_from_the_link_and_is_enrolled_with_a_verified_email(
    client, cohort, enrollment_admin, mailoutbox, django_capture_on_commit_callbacks
):
    invite(cohort, enrollment_admin, django_capture_on_commit_callbacks)
    path = link_path(mailoutbox[0])

    page = client.get(path)
    assert "Create my account" in page.content.decode()
    response = client.post(
        reverse("account_signup"),
        {
            "full_name": "Nora Nilsen",
            "email": "nora@example.org",
            "password1": "a-Long-passphrase-42",
            "password2": "a-Long-passphrase-42",
            "time_zone": "Europe/Oslo",
        },
        follow=True,
    )

    user = User.objects.get(email="nora@example.org")
    assert Enrollment.objects.get(user=user).status == "active"
    assert EmailAddress.objects.get(user=user).verified is True
    assert response.redirect_chain[-1][0] == reverse("dashboard")
    assert "You have joined “Spring 2027”." in response.content.decode()
    assert Invitation.objects.get().accepted_by == user


def test_a_used_link_explains_itself_and_enrolls_nobody_else(
    client, cohort, enrollment_admin, mailoutbox, django_capture_on_commit_callbacks
):
    invitation = invite(cohort, enrollment_admin, django_capture_on_commit_callbacks)
    nora = UserFactory(email="nora@example.org")
    services.accept_invitation(invitation=invitation, user=nora)

    response = client.get(link_path(mailoutbox[0]))

    assert "This invitation was already used" in response.content.decode()
    assert Enrollment.objects.count() == 1


def test_an_expired_link_offers_a_new_one(
    client, cohort, enrollment_admin, mailoutbox, django_capture_on_commit_callbacks, settings
):
    invite(cohort, enrollment_admin, django_capture_on_commit_callbacks)
    path = link_path(mailoutbox[0])
    settings.INVITATION_MAX_AGE_DAYS = 0  # every link is now older than its allowed age

    page = client.get(path)
    with django_capture_on_commit_callbacks(execute=True):
        resent = client.post(path, {"action": "resend"})

    assert "This invitation has expired" in page.content.decode()
    assert "A new link is on its way" in resent.content.decode()
    assert [m.to for m in mailoutbox] == [["nora@example.org"], ["nora@example.org"]]
    assert Invitation.objects.pending().count() == 1
    assert Invitation.objects.filter(revoked_at__isnull=False).count() == 1
    assert Enrollment.objects.count() == 0


def test_a_tampered_link_is_not_valid(
    client, cohort, enrollment_admin, mailoutbox, django_capture_on_commit_callbacks
):
    invite(cohort, enrollment_admin, django_capture_on_commit_callbacks)
    path = link_path(mailoutbox[0])

    response = client.get(path[:-3] + "xx/")

    assert "This invitation link is not valid" in response.content.decode()


def test_an_older_link_is_replaced_by_a_newer_invitation(
    client, cohort, enrollment_admin, mailoutbox, django_capture_on_commit_callbacks
):
    invite(cohort, enrollment_admin, django_capture_on_commit_callbacks)
    invite(cohort, enrollment_admin, django_capture_on_commit_callbacks)

    response = client.get(link_path(mailoutbox[0]))

    assert "This invitation was replaced" in response.content.decode()
    assert "You are invited" in client.get(link_path(mailoutbox[1])).content.decode()


def test_signed_in_with_another_address_cannot_accept(
    client, cohort, enrollment_admin, trainee, mailoutbox, django_capture_on_commit_callbacks
):
    invite(cohort, enrollment_admin, django_capture_on_commit_callbacks)
    path = link_path(mailoutbox[0])
    client.force_login(trainee)

    page = client.get(path)
    client.post(path, {"action": "accept"})

    assert "but you are signed in as dana@example.org" in page.content.decode()
    assert Enrollment.objects.count() == 0
    assert Invitation.objects.get().accepted_at is None


def test_existing_account_signs_in_and_accepts(
    client, cohort, enrollment_admin, mailoutbox, django_capture_on_commit_callbacks
):
    invite(cohort, enrollment_admin, django_capture_on_commit_callbacks)
    nora = UserFactory(email="nora@example.org")
    path = link_path(mailoutbox[0])
    assert "Sign in to join the cohort" in client.get(path).content.decode()
    client.force_login(nora)

    response = client.post(path, {"action": "accept"})

    assert response.status_code == HTTPStatus.FOUND
    assert Enrollment.objects.get(user=nora).status == "active"
    assert client.post(path, {"action": "accept"}).status_code == HTTPStatus.OK  # used now
    assert Enrollment.objects.count() == 1


def test_team_invitation_joins_the_team_on_acceptance(cohort, enrollment_admin):
    from courses.models import Team

    team = Team.objects.create(cohort=cohort, name="Blue")
    invitation = services.invite(
        cohort=cohort, email="nia@example.org", by=enrollment_admin, team=team
    )
    nia = UserFactory(email="nia@example.org")

    enrollment = services.accept_invitation(invitation=invitation, user=nia)

    assert enrollment.team == team
    assert (
        services.resend_invitation(
            invitation=services.invite(cohort=cohort, email="zed@example.org", team=team)
        ).team
        == team
    )


def test_an_expired_link_of_a_used_invitation_says_used(
    client, cohort, enrollment_admin, mailoutbox, django_capture_on_commit_callbacks, settings
):
    invitation = invite(cohort, enrollment_admin, django_capture_on_commit_callbacks)
    services.accept_invitation(invitation=invitation, user=UserFactory(email="nora@example.org"))
    settings.INVITATION_MAX_AGE_DAYS = 0
    path = link_path(mailoutbox[0])

    page = client.get(path)
    resend = client.post(path, {"action": "resend"})

    assert "This invitation was already used" in page.content.decode()
    assert resend.status_code in (HTTPStatus.OK, HTTPStatus.FOUND)
    assert Invitation.objects.count() == 1
