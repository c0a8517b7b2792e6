"""An enrollment admin withdraws a trainee from a full cohort after a confirmation page that says
who gets the seat, then undoes it the same day by enrolling them again (issue 25, items 3 and 11).
The transfer select refuses a submit without a chosen cohort. Every page is axe-clean and fits a
390 px phone."""

import re

import pytest
from playwright.sync_api import expect

from courses import services
from courses.models import Enrollment
from dbt_training.users.roles import Role
from tests.browser.conftest import assert_accessible, assert_fits_phone_width, sign_in
from tests.factories import CohortFactory, CourseFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-Long-passphrase-42"


def roster(cohort) -> dict[str, str]:
    return dict(Enrollment.objects.filter(cohort=cohort).values_list("user__email", "status"))


def check(page) -> None:
    """axe-clean at desktop width, and nothing sideways at 390 px."""
    assert_accessible(page)
    page.set_viewport_size({"width": 390, "height": 844})
    assert_fits_phone_width(page)
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_admin_withdraws_with_confirmation_then_undoes_it(page, live_server):
    UserFactory(
        email="alex@example.org",
        full_name="Alex Moreau",
        password=PASSWORD,
        roles=[Role.ENROLLMENT_ADMIN],
        is_staff=True,
    )
    course = CourseFactory(title="DBT Foundations", status="published")
    cohort = CohortFactory(name="Spring 2027", course=course, capacity=2)
    CohortFactory(name="Autumn 2027", course=course, capacity=10)
    for email, name in [
        ("ann@example.org", "Ann Lee"),
        ("dana.rivera.longaddress@clinic-example.org", "Dana Rivera"),
        ("bo@example.org", "Bo Chen"),
    ]:
        services.enroll(cohort=cohort, user=UserFactory(email=email, full_name=name))
    full = {
        "ann@example.org": "active",
        "dana.rivera.longaddress@clinic-example.org": "active",
        "bo@example.org": "waitlisted",
    }
    assert roster(cohort) == full

    sign_in(page, "alex@example.org")
    page.goto(f"/cohorts/{cohort.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Spring 2027")
    check(page)

    # Transfer without choosing a cohort: the browser refuses the submit, nothing changes.
    transfer_to = page.get_by_label("Transfer Ann Lee to")
    expect(transfer_to).to_have_value("")
    expect(transfer_to.locator("option").first).to_have_text("Choose a cohort")
    page.get_by_role("button", name="Transfer Ann Lee").click()
    assert transfer_to.evaluate("el => el.validity.valueMissing") is True
    expect(page).to_have_url(re.compile(rf"/cohorts/{cohort.pk}/$"))
    assert roster(cohort) == full

    # Withdraw leads to a confirmation page stating the consequence; nothing changed yet.
    page.get_by_role("link", name="Withdraw Ann Lee").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Withdraw Ann Lee?")
    expect(page.locator("#consequence")).to_have_text(
        "Ann Lee's seat goes to Bo Chen, first on the waitlist."
    )
    check(page)
    assert roster(cohort) == full

    page.get_by_label("Reason (optional, kept in the enrollment history)").fill("Wrong cohort")
    page.get_by_role("button", name="Withdraw Ann Lee").click()
    expect(page).to_have_url(re.compile(rf"/cohorts/{cohort.pk}/$"))
    expect(page.get_by_role("status")).to_contain_text(
        "Ann Lee is withdrawn. To undo it, choose “Enroll again” on their row within 24 hours"
    )
    assert roster(cohort) == {**full, "ann@example.org": "withdrawn", "bo@example.org": "active"}
    expect(page.get_by_text("enrolling them again puts the cohort over capacity")).to_be_visible()
    check(page)

    # Undo: Ann Lee has her seat back; Bo Chen keeps the seat he was given.
    page.get_by_role("button", name="Enroll again Ann Lee").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Ann Lee is active in this cohort. Their seat is back, so the cohort is over capacity: "
        "3 seats taken of 2."
    )
    assert roster(cohort) == {**full, "bo@example.org": "active"}
    check(page)
