"""A new clinician signs up, confirms their email from the outbox, signs in, and signs out."""

import re

import pytest
from playwright.sync_api import expect

from dbt_training.users.models import User
from tests.browser.conftest import assert_accessible, assert_fits_phone_width

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-Long-passphrase-42"


def tab_to(page, selector: str, limit: int = 40) -> None:
    """Press Tab until the element matching selector has focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} is not reachable with the Tab key")


def test_sign_up_confirm_sign_in_and_out(page, live_server, mailoutbox):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dialectical Behavior Therapy")
    assert_accessible(page)

    page.get_by_role("link", name="Create an account").click()
    expect(page).to_have_url(re.compile(r"/accounts/signup/$"))
    assert_accessible(page)
    page.get_by_label("Full name").fill("Maya Lindqvist")
    page.get_by_label("Email").fill("maya@example.org")
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_label("Time zone").select_option("Europe/Stockholm")
    page.get_by_role("button", name="Sign Up").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Verify Your Email Address")
    assert_accessible(page)
    user = User.objects.get(email="maya@example.org")
    assert (user.full_name, user.time_zone) == ("Maya Lindqvist", "Europe/Stockholm")

    assert [m.to for m in mailoutbox] == [["maya@example.org"]]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mailoutbox[0].body).group(0)
    page.goto(link)
    assert_accessible(page)
    page.get_by_role("button", name="Confirm").click()

    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(page.get_by_role("status")).to_contain_text("You have confirmed maya@example.org")
    assert_accessible(page)

    # Sign in with the keyboard alone: skip link first, then Tab to each field.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Enter")
    tab_to(page, "input[name=login]")
    page.keyboard.type("maya@example.org")
    tab_to(page, "input[name=password]")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Maya")
    expect(page.get_by_text("Europe/Stockholm")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign in")
    ).to_be_visible()
    page.goto("/dashboard/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/dashboard/$"))


def test_signup_errors_are_shown_next_to_the_fields(page, live_server):
    page.goto("/accounts/signup/")
    page.get_by_label("Full name").fill("Sam Okafor")
    page.get_by_label("Email").fill("sam@example.org")
    page.get_by_label("Password:", exact=True).fill("password1234")
    page.get_by_label("Password (again)").fill("password1234")
    page.get_by_role("button", name="Sign Up").click()

    expect(page.get_by_text("This password is too common.")).to_be_visible()
    expect(page.get_by_label("Full name")).to_have_value("Sam Okafor")
    assert User.objects.filter(email="sam@example.org").exists() is False
    assert_accessible(page)


def test_pages_work_at_phone_width(page, live_server, django_user_model):
    from tests.factories import UserFactory

    UserFactory(email="dana@example.org", full_name="Dana Rivera", password=PASSWORD)
    page.set_viewport_size({"width": 390, "height": 844})

    for path in ("/", "/accounts/signup/", "/accounts/login/"):
        page.goto(path)
        assert_fits_phone_width(page)
        assert_accessible(page)

    page.get_by_label("Email").fill("dana@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Dana")
    for path in (
        "/dashboard/",
        "/accounts/profile/",
        "/accounts/email/",
        "/accounts/password/change/",
    ):
        page.goto(path)
        assert_fits_phone_width(page)
        assert_accessible(page)
