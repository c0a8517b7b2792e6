"""Sign-up, verification, login, password reset and email change through allauth, on our user."""

import re
from http import HTTPStatus

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from dbt_training.outbox.models import OutgoingEmail
from dbt_training.users.models import User

pytestmark = pytest.mark.django_db

SIGNUP = {
    "full_name": "  Maya   Lindqvist ",
    "email": "Maya@Example.org",
    "password1": "a-Long-passphrase-42",
    "password2": "a-Long-passphrase-42",
    "time_zone": "Europe/Stockholm",
}


def link_in(message) -> str:
    return re.search(r"http://testserver(/accounts/[^\s]+/)", message.body).group(1)


def test_signup_creates_unverified_user_with_profile_fields_and_sends_confirmation(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_signup"), SIGNUP)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get()
    assert (user.email, user.full_name, user.time_zone) == (
        "maya@example.org",
        "Maya Lindqvist",
        "Europe/Stockholm",
    )
    assert user.check_password("a-Long-passphrase-42")
    assert list(EmailAddress.objects.values_list("email", "verified", "primary")) == [
        ("maya@example.org", False, True)
    ]
    assert [m.to for m in mailoutbox] == [["maya@example.org"]]
    assert "/accounts/confirm-email/" in mailoutbox[0].body


def test_unverified_user_cannot_sign_in_until_they_confirm(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_signup"), SIGNUP)
    confirm_path = link_in(mailoutbox[0])
    credentials = {"login": "maya@example.org", "password": "a-Long-passphrase-42"}

    refused = client.post(reverse("account_login"), credentials)
    assert refused["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session

    assert client.get(confirm_path).status_code == HTTPStatus.OK
    confirmed = client.post(confirm_path)
    assert confirmed.status_code == HTTPStatus.FOUND
    assert EmailAddress.objects.get().verified is True

    signed_in = client.post(reverse("account_login"), credentials)
    assert signed_in["Location"] == reverse("dashboard")
    assert client.session["_auth_user_id"] == str(User.objects.get().pk)


def test_signup_with_taken_email_rerenders_with_error_and_creates_nothing(
    client, trainee, mailoutbox
):
    response = client.post(reverse("account_signup"), {**SIGNUP, "email": "DANA@example.org"})

    assert response.status_code == HTTPStatus.OK
    assert "A user is already registered with this email address." in response.content.decode()
    assert User.objects.count() == 1
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short1", "This password is too short. It must contain at least 10 characters."),
        ("1234567890123", "This password is entirely numeric."),
        ("password1234", "This password is too common."),
    ],
)
def test_signup_with_weak_password_rerenders_with_error(client, password, message):
    response = client.post(
        reverse("account_signup"), {**SIGNUP, "password1": password, "password2": password}
    )

    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode()
    assert User.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("full_name", "   ", "This field is required."),
        ("time_zone", "Mars/Olympus_Mons", "Select a valid choice."),
        ("email", "not-an-email", "Enter a valid email address."),
    ],
)
def test_signup_with_bad_fields_rerenders_with_error(client, field, value, message):
    response = client.post(reverse("account_signup"), {**SIGNUP, field: value})

    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode()
    assert User.objects.count() == 0


def test_bad_confirmation_key_explains_itself_and_verifies_nothing(client, mailoutbox):
    client.post(reverse("account_signup"), SIGNUP)

    response = client.get(reverse("account_confirm_email", args=["not-a-real-key"]))

    assert response.status_code == HTTPStatus.OK
    assert "This email confirmation link expired or is invalid." in response.content.decode()
    assert EmailAddress.objects.get().verified is False


def test_password_reset_by_email_link(
    client, trainee, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": "dana@example.org"})
    assert [m.to for m in mailoutbox] == [["dana@example.org"]]
    # Sent through the outbox; the link is a way into the account, so its body is erased.
    assert list(OutgoingEmail.objects.values_list("kind", "to", "status", "body_text")) == [
        ("account", "dana@example.org", "sent", "")
    ]
    reset_path = link_in(mailoutbox[0])

    form_page = client.get(reset_path, follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else reset_path,
        {"password1": "another-Long-pass-99", "password2": "another-Long-pass-99"},
    )

    assert response.status_code == HTTPStatus.FOUND
    trainee.refresh_from_db()
    assert trainee.check_password("another-Long-pass-99")


def test_password_reset_with_bad_token_changes_nothing(client, trainee, password):
    response = client.get(
        reverse("account_reset_password_from_key", kwargs={"uidb36": "zz", "key": "bad-key"})
    )

    assert response.status_code == HTTPStatus.OK
    assert "The password reset link was invalid" in response.content.decode()
    trainee.refresh_from_db()
    assert trainee.check_password(password)


def test_email_change_adds_unverified_address_and_sends_confirmation(
    client, trainee, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(trainee)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_email"), {"action_add": "", "email": "dana.rivera@example.org"}
        )

    assert response.status_code == HTTPStatus.FOUND
    assert sorted(EmailAddress.objects.values_list("email", "verified")) == [
        ("dana.rivera@example.org", False),
        ("dana@example.org", True),
    ]
    assert [m.to for m in mailoutbox] == [["dana.rivera@example.org"]]


def test_failed_logins_are_rate_limited_even_with_the_right_password(client, trainee, password):
    for _ in range(5):
        client.post(reverse("account_login"), {"login": trainee.email, "password": "wrong-guess"})

    response = client.post(reverse("account_login"), {"login": trainee.email, "password": password})

    assert response.status_code == HTTPStatus.OK
    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_needs_a_post(client, trainee):
    client.force_login(trainee)

    assert client.get(reverse("account_logout")).status_code == HTTPStatus.OK
    assert "_auth_user_id" in client.session

    assert client.post(reverse("account_logout")).status_code == HTTPStatus.FOUND
    assert "_auth_user_id" not in client.session


def test_password_reset_answers_the_same_for_an_address_without_an_account(
    client, trainee, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(reverse("account_reset_password"), {"email": trainee.email})
        unknown = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})

    assert (known.status_code, known["Location"]) == (
        unknown.status_code,
        unknown["Location"],
    )
    assert unknown["Location"] == reverse("account_reset_password_done")
    # Each address is told what happened: a link for the account, a note for the stranger.
    assert [m.to for m in mailoutbox] == [[trainee.email], ["nobody@example.org"]]
    assert "/accounts/password/reset/key/" in mailoutbox[0].body
    assert "/accounts/password/reset/key/" not in mailoutbox[1].body
    assert mailoutbox[1].subject == "[DBT Training] Unknown Account"
    assert "we do not have any record of such an account" in mailoutbox[1].body


def test_password_reset_still_refuses_a_malformed_address(client, mailoutbox):
    response = client.post(reverse("account_reset_password"), {"email": "not-an-email"})

    assert response.status_code == HTTPStatus.OK
    assert "Enter a valid email address." in response.content.decode()
    assert mailoutbox == []
