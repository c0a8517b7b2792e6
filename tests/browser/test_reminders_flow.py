"""Issue 8 end to end: a trainee gets the live-session reminder once, unsubscribes from that kind
in one click, sees the notification on the dashboard, finds the session in the calendar feed;
the cohort's trainer switches a kind off from the keyboard. axe-core on every page; 390 px."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from courses.models import Enrollment, LiveSession
from dbt_training.users.roles import Role
from reminders.models import CohortReminderSwitch, EmailOptOut, Reminder
from tests.browser.conftest import assert_accessible, assert_fits_phone_width, sign_in
from tests.factories import CohortFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-Long-passphrase-42"


def test_a_trainee_is_reminded_once_unsubscribes_in_one_click_and_subscribes_the_calendar(
    page, live_server, settings
):
    settings.SITE_URL = live_server.url
    trainer = UserFactory(
        email="terry@example.org", full_name="Terry Chen", password=PASSWORD, roles=[Role.TRAINER]
    )
    trainee = UserFactory(
        email="aroha@example.org",
        full_name="Aroha Ngata",
        password=PASSWORD,
        time_zone="Pacific/Auckland",
    )
    today = timezone.now().date()
    cohort = CohortFactory(
        name="Spring cohort",
        trainers=[trainer],
        starts_on=today - dt.timedelta(days=10),
        ends_on=today + dt.timedelta(days=60),
        time_zone="America/Los_Angeles",
    )
    Enrollment.objects.create(
        user=trainee, cohort=cohort, status="active", enrolled_at=timezone.now()
    )
    starts_at = (timezone.now() + dt.timedelta(hours=20)).replace(second=0, microsecond=0)
    session = LiveSession.objects.create(
        cohort=cohort,
        kind=LiveSession.Kind.SKILLS_GROUP_PRACTICE,
        title="Skills group: wise mind",
        starts_at=starts_at,
        duration_minutes=90,
        join_url="https://meet.example.org/wise-mind",
    )

    # The scan runs twice (as if beat fired twice): one email.
    call_command("send_reminders")
    call_command("send_reminders")
    emails = [m for m in mail.outbox if "wise mind" in m.subject]
    assert len(emails) == 1
    [email] = emails
    local = starts_at.astimezone(ZoneInfo("Pacific/Auckland"))
    assert local.strftime("%H:%M") in email.body and "(Pacific/Auckland)" in email.body
    unsubscribe = email.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe.startswith(live_server.url)

    # The link from the email: a confirmation first (a link scanner changes nothing) ...
    page.goto(unsubscribe)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Stop emails about live session (24 hours before)?"
    )
    assert not EmailOptOut.objects.exists()
    assert_accessible(page)
    assert_fits_phone_width(page)
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "You will no longer get emails about live session (24 hours before)"
    )
    assert_accessible(page)
    assert list(EmailOptOut.objects.values_list("user__email", "kind", "source")) == [
        ("aroha@example.org", "live_session_24h", "unsubscribe")
    ]

    # The dashboard lists it in-app; opening it lands on the session in the cohort home.
    sign_in(page, "aroha@example.org")
    panel = page.get_by_role("region", name=re.compile("Notifications"))
    expect(panel.get_by_role("heading")).to_have_text("Notifications (1 new)")
    assert_accessible(page)
    panel.get_by_role("link", name=re.compile("wise mind")).click()
    expect(page).to_have_url(re.compile(rf"/learn/{cohort.pk}/#session-{session.pk}$"))
    assert Reminder.objects.get(kind="live_session_24h").read_at is not None
    assert_accessible(page)

    # Notification settings: the kind is off, from the email link; turn one more off by keyboard.
    page.goto("/notifications/settings/")
    box = page.get_by_label("Email me about live session (24 hours before)")
    expect(box).not_to_be_checked()
    assert_accessible(page)
    assert_fits_phone_width(page)
    page.get_by_label("Email me about no activity for 7 days").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Save email settings").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_be_visible()
    assert sorted(EmailOptOut.objects.values_list("kind", flat=True)) == [
        "inactive",
        "live_session_24h",
    ]

    # The calendar feed, as a calendar app fetches it: no session cookie.
    feed_url = page.get_by_label("Your calendar feed address").input_value()
    response = page.context.request.get(feed_url)
    assert response.status == 200
    calendar = icalendar.Calendar.from_ical(response.body())
    [event] = [e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("live-session-")]
    assert str(event["SUMMARY"]) == "Skills group: wise mind"
    assert event.decoded("DTSTART") == starts_at
    assert str(event["DTSTART"].params["TZID"]) == "America/Los_Angeles"

    # The trainer switches module-release reminders off for the cohort, from the keyboard.
    page.context.clear_cookies()
    sign_in(page, "terry@example.org")
    page.goto(f"/cohorts/{cohort.pk}/")
    page.get_by_role("link", name="Reminders").click()
    assert_accessible(page)
    assert_fits_phone_width(page)
    page.get_by_label("Module released").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Save reminders").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_be_visible()
    assert list(CohortReminderSwitch.objects.values_list("cohort__name", "kind")) == [
        ("Spring cohort", "module_released")
    ]
    assert_accessible(page)
