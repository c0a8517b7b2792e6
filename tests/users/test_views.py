from http import HTTPStatus

import pytest
from django.urls import reverse

from dbt_training.users.models import User

pytestmark = pytest.mark.django_db

PROFILE = {
    "full_name": "Dana M. Rivera",
    "time_zone": "America/Denver",
    "credentials": "PsyD",
    "license_number": "PSY-12345",
    "license_jurisdiction": "Colorado State Board of Psychologist Examiners",
}


def test_visitor_is_sent_to_sign_in_from_profile(client):
    response = client.get(reverse("users:profile"))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"{reverse('account_login')}?next=/accounts/profile/"


def test_visitor_post_to_profile_changes_nothing(client, trainee):
    response = client.post(reverse("users:profile"), PROFILE)

    assert response.status_code == HTTPStatus.FOUND
    trainee.refresh_from_db()
    assert trainee.full_name == "Dana Rivera"


def test_profile_shows_own_details(trainee_client, trainee):
    response = trainee_client.get(reverse("users:profile"))

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].instance.pk == trainee.pk
    assert 'value="Dana Rivera"' in response.content.decode()


def test_profile_saves_own_ce_details_and_leaves_others_alone(
    trainee_client, trainee, other_trainee
):
    response = trainee_client.post(reverse("users:profile"), PROFILE)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("users:profile")
    trainee.refresh_from_db()
    assert (
        trainee.full_name,
        trainee.time_zone,
        trainee.credentials,
        trainee.license_number,
        trainee.license_jurisdiction,
    ) == tuple(PROFILE.values())
    assert trainee.certificate_name == "Dana M. Rivera, PsyD"
    other_trainee.refresh_from_db()
    assert (other_trainee.full_name, other_trainee.credentials) == ("Sam Okafor", "")


def test_profile_ignores_fields_it_does_not_own(trainee_client, trainee):
    trainee_client.post(
        reverse("users:profile"),
        {**PROFILE, "email": "evil@example.org", "is_staff": "on", "is_superuser": "on"},
    )

    trainee.refresh_from_db()
    assert (trainee.email, trainee.is_staff, trainee.is_superuser) == (
        "dana@example.org",
        False,
        False,
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("full_name", "   ", "This field is required."),
        ("time_zone", "Nowhere/Special", "Select a valid choice."),
        ("credentials", "x" * 101, "Ensure this value has at most 100 characters"),
    ],
)
def test_bad_profile_input_rerenders_with_error_and_changes_nothing(
    trainee_client, trainee, field, value, message
):
    response = trainee_client.post(reverse("users:profile"), {**PROFILE, field: value})

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert message in content
    assert "Please correct the 1 field marked below." in content
    # The page header still shows the stored name, not the rejected input.
    assert response.context["user"].full_name == "Dana Rivera"
    assert User.objects.get(pk=trainee.pk).full_name == "Dana Rivera"
    assert User.objects.get(pk=trainee.pk).credentials == ""


def test_profile_post_without_csrf_token_is_refused(trainee, password):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(trainee)

    response = csrf_client.post(reverse("users:profile"), PROFILE)

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert "This form has expired" in response.content.decode()
    trainee.refresh_from_db()
    assert trainee.full_name == "Dana Rivera"
