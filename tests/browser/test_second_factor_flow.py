"""A staff member sets up a second factor and signs in with it, in Chromium: an authenticator app
(codes computed by the test, as a phone would), recovery codes shown and downloaded once, and a
security key through Chromium's virtual authenticator (CDP WebAuthn domain)."""

import re
from pathlib import Path

import pytest
from allauth.mfa.models import Authenticator
from playwright.sync_api import expect

from dbt_training.users.roles import Role
from tests.browser.conftest import (
    PASSWORD,
    assert_accessible,
    assert_fits_phone_width,
    sign_in,
)
from tests.factories import CohortFactory, UserFactory
from tests.second_factor import totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def confirm_password(page):
    """allauth asks for the password again before a factor is added or changed."""
    expect(page).to_have_url(re.compile(r"/accounts/reauthenticate/"))
    assert_accessible(page)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")


def keep_recovery_codes(page, tmp_path: Path) -> list[str]:
    """The codes page right after the first factor: shown once, downloadable from that showing."""
    expect(page).to_have_url(re.compile(r"/accounts/2fa/recovery-codes/$"))
    expect(page.get_by_text("These codes are shown this once.", exact=False)).to_be_visible()
    assert_accessible(page)
    codes = page.get_by_label("Unused codes").input_value().split("\n")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the codes").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "dbt-training-recovery-codes.txt"
    assert saved.read_text().split() == codes
    page.get_by_label("I have saved my recovery codes").check()
    page.get_by_role("link", name="Continue").click()
    return codes


@pytest.mark.parametrize("width", [1280, 390])
def test_a_trainer_adds_an_authenticator_app_and_signs_in_with_it(page, tmp_path, width):
    page.set_viewport_size({"width": width, "height": 900})
    trainer = UserFactory(email="nia@example.org", roles=[Role.TRAINER], second_factor=False)
    cohort = CohortFactory(name="Spring 2027", trainers=[trainer])

    # Signed in with a password only: every page sends them to set a factor up.
    sign_in(page, trainer.email, lands_on=r"/accounts/2fa/$")
    expect(page.get_by_text("your account needs a second factor", exact=False)).to_be_visible()
    assert_accessible(page)
    assert_fits_phone_width(page)
    page.goto(f"/cohorts/{cohort.pk}/grading/")
    expect(page).to_have_url(re.compile(r"/accounts/2fa/$"))

    page.get_by_role("link", name="Set up an authenticator app").click()
    confirm_password(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Activate Authenticator App")
    assert_accessible(page)
    assert_fits_phone_width(page)
    secret = page.get_by_label("Authenticator secret").input_value()
    # Keyboard only: the code field, typed, Enter.
    page.get_by_label("Authenticator code").focus()
    page.keyboard.type(totp_code(secret))
    page.keyboard.press("Enter")

    codes = keep_recovery_codes(page, tmp_path)
    assert len(codes) == 10
    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    page.goto(f"/cohorts/{cohort.pk}/grading/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Grading")

    # Next time: password, then the code the app shows.
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(trainer.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/$"))
    assert_accessible(page)
    assert_fits_phone_width(page)
    page.get_by_label("Code").fill("000000")
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_text("Incorrect code.")).to_be_visible()
    page.get_by_label("Code").fill(codes[0])  # a recovery code stands in for the app
    page.get_by_role("button", name="Sign In").click()
    expect(page).to_have_url(re.compile(r"/dashboard/$"))

    # The codes are not shown a second time.
    page.goto("/accounts/2fa/recovery-codes/")
    confirm_password(page)
    expect(page.get_by_text("9 of 10 recovery codes are unused.")).to_be_visible()
    expect(page.get_by_label("Unused codes")).to_have_count(0)
    expect(page.get_by_role("link", name="Download the codes")).to_have_count(0)
    assert_accessible(page)


def test_a_trainer_adds_a_security_key_and_signs_in_with_it(page, tmp_path):
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "usb",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    trainer = UserFactory(email="nia@example.org", roles=[Role.TRAINER], second_factor=False)

    sign_in(page, trainer.email, lands_on=r"/accounts/2fa/$")
    page.get_by_role("link", name="Add a security key").click()
    confirm_password(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Add Security Key")
    assert_accessible(page)
    page.get_by_label("Name").fill("Blue key")
    page.get_by_role("button", name="Add").click()

    keep_recovery_codes(page, tmp_path)
    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    key = Authenticator.objects.get(user=trainer, type=Authenticator.Type.WEBAUTHN)
    assert key.wrap().name == "Blue key"

    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(trainer.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/$"))
    assert_accessible(page)
    page.get_by_role("button", name="Use a security key").click()
    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    expect(page.get_by_role("link", name="Cohorts")).to_be_visible()
