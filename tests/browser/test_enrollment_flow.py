"""An enrollment admin enrolls a cohort from a CSV file (problems first, then a preview, then
confirm); a new trainee joins a cohort from the invitation link in their email."""

import re

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from courses import services
from courses.models import Enrollment, Invitation
from dbt_training.users.models import User
from dbt_training.users.roles import Role
from tests.browser.conftest import assert_accessible, assert_fits_phone_width, sign_in
from tests.factories import CohortFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-Long-passphrase-42"


def upload(page, name, text):
    page.get_by_label("CSV file").set_input_files(
        {"name": name, "mimeType": "text/csv", "buffer": text.encode()}
    )
    page.get_by_role("button", name="Preview").click()


def roster(cohort):
    return sorted(Enrollment.objects.filter(cohort=cohort).values_list("user__email", "status"))


def column(table, header: str):
    """The body cells under the column header `header`, wherever that column is."""
    position = table.locator("thead th").all_inner_texts().index(header) + 1
    return table.locator(f"tbody tr > :nth-child({position})")


def invitation_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/invitations/\S+/)", message.body).group(1)


def test_admin_enrolls_a_cohort_from_a_csv_file(page, live_server, mailoutbox):
    UserFactory(
        email="alex@example.org",
        full_name="Alex Moreau",
        password=PASSWORD,
        roles=[Role.ENROLLMENT_ADMIN],
        is_staff=True,
    )
    for email, name in [
        ("carla@example.org", "Carla Diaz"),
        ("ann@example.org", "Ann Ames"),
        ("ben@example.org", "Ben Berg"),
    ]:
        UserFactory(email=email, full_name=name)
    cohort = CohortFactory(name="Spring 2027", capacity=2)

    sign_in(page, "alex@example.org")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Cohorts").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cohorts")
    assert_accessible(page)
    page.get_by_role("link", name="Spring 2027").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Spring 2027")
    assert_accessible(page)
    page.get_by_role("link", name="Enroll from a CSV file").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Enroll from a CSV file")
    assert_accessible(page)

    # A typo in the first row: every problem is listed, and nothing changes.
    upload(
        page,
        "spring.csv",
        "email,full_name,team\n"
        "carla.example.org,Carla Diaz,Blue\n"
        "ann@example.org,Ann Ames,Blue\n"
        "ben@example.org,Ben Berg,\n"
        "nia@example.org,Nia New,Red\n",
    )
    problems = page.locator("#csv-problems")
    expect(problems).to_contain_text("Fix 1 problem in “spring.csv”")
    expect(problems.get_by_role("listitem")).to_have_text(
        ["Line 2: “carla.example.org” is not a valid email address."]
    )
    assert_accessible(page)
    assert roster(cohort) == []
    assert Invitation.objects.exists() is False

    upload(
        page,
        "spring-fixed.csv",
        "email,full_name,team\n"
        "carla@example.org,Carla Diaz,Blue\n"
        "ann@example.org,Ann Ames,Blue\n"
        "ben@example.org,Ben Berg,\n"
        "nia@example.org,Nia New,Red\n",
    )
    expect(page.get_by_role("heading", name="Preview of “spring-fixed.csv”")).to_be_visible()
    table = page.get_by_role("table", name="What will happen to each row")
    expect(column(table, "Action")).to_have_text(
        ["Enroll", "Enroll", "Waitlist (cohort full)", "Invite (no account yet)"]
    )
    expect(table.locator("tbody tr th")).to_have_text(
        ["carla@example.org", "ann@example.org", "ben@example.org", "nia@example.org"]
    )
    assert_accessible(page)
    assert roster(cohort) == []  # a preview changes nothing either

    page.get_by_role("button", name="Confirm and apply all 4 rows").click()
    expect(page).to_have_url(re.compile(rf"/cohorts/{cohort.pk}/$"))
    expect(page.get_by_role("status")).to_contain_text(
        "CSV applied (enroll: 2, waitlist (cohort full): 1, invite (no account yet): 1)."
    )
    people = page.get_by_role("table", name="People in this cohort")
    expect(people.locator("tbody th")).to_have_text(["Ann Ames", "Carla Diaz", "Ben Berg"])
    expect(column(people, "Status")).to_have_text(["Active", "Active", "Waitlisted"])
    assert_accessible(page)

    assert roster(cohort) == [
        ("ann@example.org", "active"),
        ("ben@example.org", "waitlisted"),
        ("carla@example.org", "active"),
    ]
    invitation = Invitation.objects.get()
    assert (invitation.cohort, invitation.email, invitation.full_name) == (
        cohort,
        "nia@example.org",
        "Nia New",
    )
    assert invitation.sent_at is not None
    # The invitation, and an email to each person the admin enrolled or waitlisted.
    assert sorted((m.to[0], m.subject.split("] ", 1)[1]) for m in mailoutbox) == [
        ("ann@example.org", f"You are enrolled in {cohort.course.title}"),
        ("ben@example.org", f"You are on the waitlist for {cohort.course.title}"),
        ("carla@example.org", f"You are enrolled in {cohort.course.title}"),
        ("nia@example.org", f"You are invited to {cohort.course.title}"),
    ]
    invitation_email = next(m for m in mailoutbox if m.to == ["nia@example.org"])
    assert "Spring 2027" in invitation_email.body


def test_trainee_accepts_an_invitation_by_signing_up(
    page, live_server, mailoutbox, django_capture_on_commit_callbacks
):
    cohort = CohortFactory(name="Autumn 2027", capacity=10)
    with django_capture_on_commit_callbacks(execute=True):
        services.invite(cohort=cohort, email="Nora@Example.org", full_name="Nora N")
    assert [m.to for m in mailoutbox] == [["nora@example.org"]]
    link = invitation_path(mailoutbox[0])

    # The link as a visitor on a phone: it fits the screen without sideways scrolling.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"You are invited to {cohort.course.title}"
    )
    assert_fits_phone_width(page)
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("link", name="Create my account").click()
    expect(page).to_have_url(re.compile(r"/accounts/signup/"))
    expect(page.get_by_label("Email")).to_have_value("nora@example.org")
    assert_accessible(page)
    page.get_by_label("Full name").fill("Nora Nilsen")
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_label("Time zone").select_option("Europe/Oslo")
    page.get_by_role("button", name="Sign Up").click()

    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    expect(page.get_by_role("status")).to_contain_text("You have joined “Autumn 2027”.")
    training = page.get_by_role("region", name="My training")
    expect(training.get_by_role("link", name=cohort.course.title)).to_be_visible()
    expect(training).to_contain_text("Autumn 2027")
    expect(training).to_contain_text("Active")
    assert_accessible(page)

    user = User.objects.get(email="nora@example.org")
    assert (user.full_name, user.time_zone) == ("Nora Nilsen", "Europe/Oslo")
    assert Enrollment.objects.get(cohort=cohort, user=user).status == "active"
    assert EmailAddress.objects.get(user=user).verified is True
    assert Invitation.objects.get().accepted_by == user
    assert len(mailoutbox) == 1  # no separate verification email was needed

    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("This invitation was already used")
    assert_accessible(page)
