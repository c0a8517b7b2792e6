"""An enrollment admin uploads a CSV of new addresses, finds the invitations on the roster as
Sent, resends one and revokes one after a confirmation page (issue 25, item 4). Every page is
axe-clean and fits a 390 px phone."""

import datetime
import re

import pytest
from django.utils.dateformat import format as date_format
from playwright.sync_api import expect

from courses.models import Invitation
from dbt_training.outbox.models import OutgoingEmail
from dbt_training.users.roles import Role
from tests.browser.conftest import assert_accessible, assert_fits_phone_width, sign_in
from tests.factories import CohortFactory, CourseFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-Long-passphrase-42"
# One unbroken word wider than a phone (the staff trial's 90-character address scrolled sideways).
LONG = "nia.new.a.very.long.address.for.the.phone.width@some-long-clinic-domain.example.net"


def check(page) -> None:
    """axe-clean at desktop width, and nothing sideways at 390 px."""
    assert_accessible(page)
    page.set_viewport_size({"width": 390, "height": 844})
    assert_fits_phone_width(page)
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def column(table, header: str):
    """The body cells under the column header `header`, wherever that column is."""
    position = table.locator("thead th").all_inner_texts().index(header) + 1
    return table.locator(f"tbody tr > :nth-child({position})")


def open_until(email: str) -> str:
    invitation = Invitation.objects.pending().get(email=email)
    return date_format(invitation.sent_at + datetime.timedelta(days=14), "j M Y")


def invitations(cohort) -> list[tuple[str, bool, bool]]:
    """(email, accepted, revoked) of each invitation, oldest first."""
    return [
        (i.email, i.accepted_at is not None, i.revoked_at is not None)
        for i in Invitation.objects.filter(cohort=cohort).order_by("pk")
    ]


def test_admin_resends_and_revokes_invitations_from_the_roster(page, live_server, settings):
    settings.INVITATION_MAX_AGE_DAYS = 14
    UserFactory(
        email="alex@example.org",
        full_name="Alex Moreau",
        password=PASSWORD,
        roles=[Role.ENROLLMENT_ADMIN],
        is_staff=True,
    )
    course = CourseFactory(title="DBT Foundations", status="published")
    cohort = CohortFactory(name="Spring 2027", course=course, capacity=10)

    sign_in(page, "alex@example.org")
    page.goto(f"/cohorts/{cohort.pk}/")
    page.get_by_role("link", name="Enroll from a CSV file").click()
    page.get_by_label("CSV file").set_input_files(
        {
            "name": "new-people.csv",
            "mimeType": "text/csv",
            "buffer": (
                f"email,full_name\n{LONG},Nia New\n"
                "ned@example.org,Ned Norris\nnoor@example.org,Noor Nasser\n"
            ).encode(),
        }
    )
    page.get_by_role("button", name="Preview").click()
    page.get_by_role("button", name="Confirm and apply all 3 rows").click()

    expect(page).to_have_url(re.compile(rf"/cohorts/{cohort.pk}/$"))
    expect(page.get_by_role("status")).to_have_text(
        "CSV applied (invite (no account yet): 3). See the 3 invitations on the roster."
    )
    people = page.get_by_role("table", name="People in this cohort")
    expect(people).to_have_count(0)  # nobody has an account yet
    check(page)
    emails = OutgoingEmail.objects.count()
    assert emails == 3

    # The message's link opens the roster filtered to the open invitations.
    page.get_by_role("link", name="See the 3 invitations on the roster").click()
    expect(page).to_have_url(re.compile(rf"/cohorts/{cohort.pk}/\?status=invited#invitations$"))
    expect(page.get_by_label("Status")).to_have_value("invited")
    expect(page.get_by_role("heading", name=re.compile("^Invitations"))).to_have_text(
        "Invitations (3 sent)"
    )
    table = page.get_by_role("table", name="Invitations to this cohort")
    expect(table.locator("tbody th")).to_have_text(["Ned Norris", "Nia New", "Noor Nasser"])
    expect(column(table, "Status")).to_have_text(
        [
            f"Sent, open until {open_until('ned@example.org')}",
            f"Sent, open until {open_until(LONG)}",
            f"Sent, open until {open_until('noor@example.org')}",
        ]
    )
    expect(column(table, "Invited by")).to_have_text(["Alex Moreau"] * 3)
    check(page)

    # Resend: one fresh email, the row stays Sent, the filter is kept.
    page.get_by_role("button", name="Resend the invitation to Nia New").click()
    expect(page.get_by_role("status")).to_have_text(
        f"A new invitation is on its way to {LONG}, valid for "
        "14 days; the earlier link no longer works."
    )
    expect(page).to_have_url(re.compile(rf"/cohorts/{cohort.pk}/\?status=invited#invitations$"))
    expect(page.get_by_role("heading", name=re.compile("^Invitations"))).to_have_text(
        "Invitations (3 sent)"
    )
    assert OutgoingEmail.objects.count() == emails + 1
    assert invitations(cohort) == [
        (LONG, False, True),  # replaced by the resend
        ("ned@example.org", False, False),
        ("noor@example.org", False, False),
        (LONG, False, False),
    ]
    check(page)

    # Revoke asks first; keeping it changes nothing.
    page.get_by_role("link", name="Revoke the invitation to Ned Norris").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Revoke the invitation to Ned Norris?"
    )
    expect(page.locator("#consequence")).to_have_text(
        "The link in their email stops working at once: opening it says the invitation was revoked."
    )
    check(page)
    page.get_by_role("link", name="Keep the invitation").click()
    expect(page).to_have_url(re.compile(rf"/cohorts/{cohort.pk}/\?status=invited#invitations$"))
    assert Invitation.objects.get(email="ned@example.org").revoked_at is None

    page.get_by_role("link", name="Revoke the invitation to Ned Norris").click()
    page.get_by_role("button", name="Revoke the invitation").click()
    expect(page.get_by_role("status")).to_have_text(
        "The invitation to ned@example.org is revoked: its link no longer works."
    )
    # The "Invited" filter keeps the open ones; every status shows Ned's as Revoked.
    expect(table.locator("tbody th")).to_have_text(["Nia New", "Noor Nasser"])
    check(page)
    page.get_by_label("Status").select_option("")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("heading", name=re.compile("^Invitations"))).to_have_text(
        "Invitations (2 sent, 1 revoked)"
    )
    expect(table.locator("tbody th")).to_have_text(["Nia New", "Noor Nasser", "Ned Norris"])
    today = date_format(Invitation.objects.get(email="ned@example.org").revoked_at, "j M Y")
    expect(column(table, "Status").last).to_have_text(f"Revoked on {today}")
    expect(table.get_by_role("button", name="Resend the invitation to Ned Norris")).to_have_count(0)
    check(page)
    assert OutgoingEmail.objects.count() == emails + 1
    assert invitations(cohort)[1] == ("ned@example.org", False, True)
