"""Login limits count per client, behind a proxy too (issue 19, item 3). allauth limits failed
sign-ins per client address (10 a minute, ACCOUNT_RATE_LIMITS); behind a reverse proxy every
request comes from the proxy, so the address must be read from what the proxy says, and only
when the site is told a proxy is there."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "a-Long-passphrase-42"
LOCKED = "Too many failed login attempts. Try again later."


def attempt(client, email, password, forwarded_for=None):
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    return client.post(
        reverse("account_login"), {"login": email, "password": password}, headers=headers
    )


def fail_ten_times(client, forwarded_for=lambda n: None):
    # Ten different addresses, so the per-account limit (5 in 5 minutes) is not what trips.
    for n in range(10):
        answer = attempt(client, f"nobody{n}@example.org", "wrong-password", forwarded_for(n))
        assert answer.status_code == HTTPStatus.OK
        assert LOCKED not in answer.content.decode()


def test_behind_a_trusted_proxy_one_clients_failures_lock_out_no_one_else(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    dana = UserFactory(email="dana@example.org", password=PASSWORD)
    # What the proxy appends: the address it saw (a client's own X-Forwarded-For comes first).
    fail_ten_times(client, lambda n: "192.0.2.66, 203.0.113.9")

    still_locked = attempt(client, "nobody@example.org", "wrong-password", "203.0.113.9")
    assert LOCKED in still_locked.content.decode()
    other_client = attempt(client, dana.email, PASSWORD, "198.51.100.7")

    assert other_client.status_code == HTTPStatus.FOUND
    assert client.session["_auth_user_id"] == str(dana.pk)


def test_without_a_proxy_a_forged_forwarded_for_changes_nothing(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    dana = UserFactory(email="dana@example.org", password=PASSWORD)
    fail_ten_times(client, lambda n: f"198.51.100.{n}")

    forged = attempt(client, dana.email, PASSWORD, "203.0.113.200")

    assert LOCKED in forged.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_proxy_that_names_the_client_in_its_own_header(client, settings):
    settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"
    dana = UserFactory(email="dana@example.org", password=PASSWORD)
    for n in range(10):
        client.post(
            reverse("account_login"),
            {"login": f"nobody{n}@example.org", "password": "wrong-password"},
            headers={"X-Real-IP": "203.0.113.9", "X-Forwarded-For": f"198.51.100.{n}"},
        )

    locked = client.post(
        reverse("account_login"),
        {"login": "nobody@example.org", "password": "wrong-password"},
        headers={"X-Real-IP": "203.0.113.9", "X-Forwarded-For": "198.51.100.99"},
    )
    answer = client.post(
        reverse("account_login"),
        {"login": dana.email, "password": PASSWORD},
        headers={"X-Real-IP": "198.51.100.7"},
    )

    assert LOCKED in locked.content.decode()
    assert answer.status_code == HTTPStatus.FOUND
    assert client.session["_auth_user_id"] == str(dana.pk)


def test_wrong_passwords_for_a_named_person_lock_out_only_the_client_that_typed_them(
    client, settings
):
    """The trial's failure: five wrong passwords for the trainer from one client refused the
    trainer's own correct sign-in from elsewhere for five minutes."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    trainer = UserFactory(email="trainer@example.org", password=PASSWORD)
    for _ in range(5):
        assert LOCKED not in attempt(client, trainer.email, "wrong", "203.0.113.9").content.decode()

    from_the_attacker = attempt(client, trainer.email, PASSWORD, "203.0.113.9")
    assert LOCKED in from_the_attacker.content.decode()
    assert "_auth_user_id" not in client.session
    from_the_trainer = attempt(client, trainer.email, PASSWORD, "198.51.100.7")

    assert from_the_trainer.status_code == HTTPStatus.FOUND
    assert client.session["_auth_user_id"] == str(trainer.pk)


def test_guessing_one_account_from_many_addresses_meets_a_ceiling(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    dana = UserFactory(email="dana@example.org", password=PASSWORD)
    # 100 failures an hour for one account, from 20 addresses that each stay under their own
    # limits (5 per account per 5 minutes, 10 a minute).
    for n in range(100):
        answer = attempt(client, dana.email, "wrong", f"198.51.100.{n // 5}")
        assert LOCKED not in answer.content.decode()

    fresh_address = attempt(client, dana.email, PASSWORD, "203.0.113.50")

    assert LOCKED in fresh_address.content.decode()
    assert "_auth_user_id" not in client.session
