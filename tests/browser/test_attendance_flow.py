"""A trainer schedules a live session in the cohort's time zone and takes attendance by keyboard."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from courses import services
from courses.models import Attendance
from dbt_training.users.roles import Role
from tests.browser.conftest import assert_accessible, assert_fits_phone_width, sign_in
from tests.factories import CohortFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-Long-passphrase-42"


def test_trainer_schedules_a_session_and_takes_attendance(page, live_server):
    trainer = UserFactory(
        email="terry@example.org",
        full_name="Terry Chen",
        password=PASSWORD,
        roles=[Role.TRAINER],
        time_zone="Europe/Berlin",
    )
    cohort = CohortFactory(
        name="Spring 2027", capacity=None, trainers=[trainer], time_zone="Europe/Berlin"
    )
    for email, name in (("ann@example.org", "Ann Ames"), ("ben@example.org", "Ben Berg")):
        services.enroll(cohort=cohort, user=UserFactory(email=email, full_name=name))

    sign_in(page, "terry@example.org")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Cohorts").click()
    assert_accessible(page)
    page.get_by_role("link", name="Spring 2027").click()
    assert_accessible(page)
    page.get_by_role("link", name="Live sessions and attendance").click()
    assert_accessible(page)

    page.get_by_label("Kind").select_option(label="Skills group practice")
    page.get_by_label("Title").fill("Practising TIP")
    page.get_by_label("Starts at (Europe/Berlin time)").fill("2027-02-03T18:00")
    page.get_by_label("Duration minutes").fill("90")
    page.get_by_role("button", name="Schedule session").click()
    expect(page.get_by_role("status")).to_contain_text("Scheduled “Practising TIP”.")
    expect(page.get_by_text("Wed 3 Feb 2027, 18:00 (90 min)")).to_be_visible()

    page.get_by_role("link", name="Practising TIP", exact=True).click()
    assert_accessible(page)
    # Keyboard only: tick Ann as present, set Ben's minutes, save with Enter.
    page.get_by_label("Ann Ames was present").focus()
    page.keyboard.press("Space")
    page.get_by_label("Minutes attended by Ann Ames").focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("75")
    page.get_by_role("button", name="Save attendance").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Attendance saved (1 change).")
    assert_accessible(page)

    marks = sorted(Attendance.objects.values_list("enrollment__user__email", "present", "minutes"))
    # Ben's row was left as shown, so nothing is recorded for him (absent).
    assert marks == [("ann@example.org", True, 75)]
    session = Attendance.objects.first().live_session
    assert session.starts_at == datetime.datetime(2027, 2, 3, 17, 0, tzinfo=datetime.UTC)

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    expect(page).to_have_url(re.compile(r"/attendance/$"))
    assert_fits_phone_width(page)
