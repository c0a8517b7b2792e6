"""Announcements by email (issue 25, item 12): the reminders' template and list headers, one
outbox row per active trainee written with the announcement, and a one-click unsubscribe
that stops announcement emails only. SMTP through a real aiosmtpd server on loopback."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from courses import services as course_services
from courses.models import Announcement, EnrollmentStatus
from dbt_training.outbox import services as outbox
from dbt_training.outbox.models import OutgoingEmail
from reminders import announcements
from reminders.kinds import EmailKind, ReminderKind
from reminders.models import EmailOptOut
from tests.factories import UserFactory

from .conftest import raw_headers

pytestmark = pytest.mark.django_db


def post(
    cohort,
    trainer,
    *,
    title="Room change",
    body="We meet online this week.\nBring your diary card.",
):
    return course_services.post_announcement(cohort=cohort, author=trainer, title=title, body=body)


def unsubscribe_path(announcement, user) -> str:
    token = announcements.unsubscribe_token(announcement.pk, user.pk)
    return reverse("reminders:unsubscribe", args=[token])


def test_the_email_has_both_parts_the_cohort_link_and_the_reminders_list_headers(
    smtp_sink, cohort, enroll, trainee, trainer
):
    enroll(trainee)

    announcement = post(cohort, trainer, body="We meet online: https://meet.example.org/dbt")
    outbox.deliver()

    [message] = smtp_sink.accepted
    row = OutgoingEmail.objects.get()
    unsubscribe = f"http://testserver{unsubscribe_path(announcement, trainee)}"
    link = f"http://testserver/learn/{cohort.pk}/#announcement-{announcement.pk}"
    assert message["Subject"].strip() == "[Spring 2027] Room change"
    assert message["To"] == "dana@example.org"
    assert message["Message-ID"] == f"<outbox-{row.pk}@testserver>"
    assert raw_headers(message)["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert raw_headers(message)["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["List-Id"] == "DBT Training announcements <announcements.testserver>"
    assert [part.get_content_type() for part in message.iter_parts()] == [
        "text/plain",
        "text/html",
    ]
    lines = message.get_body(("plain",)).get_content().splitlines()
    for line in [
        "Hello Dana Rivera,",
        f"{trainer.full_name} posted an announcement to Spring 2027 of DBT Foundations:",
        "Room change",
        "We meet online: https://meet.example.org/dbt",
        link,
        "DBT Foundations · Spring 2027",
        f"Stop emails like this (Announcements from your trainers): {unsubscribe}",
        "All notification settings: http://testserver/notifications/settings/",
    ]:
        assert line in lines
    html = message.get_body(("html",)).get_content()
    assert (
        '<a href="https://meet.example.org/dbt" rel="nofollow">https://meet.example.org/dbt</a>'
        in html
    )
    assert f'<a href="{link}">Read it in DBT Foundations</a>' in html
    assert f'<a href="{unsubscribe}">Stop emails like this' in html


def test_the_emails_link_lands_on_the_announcement_in_the_cohort_home(
    client, cohort, enroll, trainee, trainer
):
    enroll(trainee)
    announcement = post(cohort, trainer)
    client.force_login(trainee)

    page = client.get(reverse("learn:cohort", args=[cohort.pk])).content.decode()

    assert f'<article class="announcement" id="announcement-{announcement.pk}">' in page


def test_only_active_trainees_who_want_them_get_one_row_each_written_with_the_post(
    cohort, enroll, trainee, other_trainee, trainer, django_capture_on_commit_callbacks
):
    enroll(trainee)
    enroll(other_trainee)
    opted = enroll(UserFactory(email="quiet@example.org")).user
    EmailOptOut.objects.create(user=opted, kind=EmailKind.ANNOUNCEMENT, source="settings")
    # Another kind turned off changes nothing for announcements.
    EmailOptOut.objects.create(user=trainee, kind=ReminderKind.INACTIVE, source="settings")
    enroll(UserFactory(email="waiting@example.org"), status=EnrollmentStatus.WAITLISTED)
    enroll(UserFactory(email="gone@example.org"), status=EnrollmentStatus.WITHDRAWN)
    enroll(UserFactory(email="off@example.org", is_active=False))

    announcement = post(cohort, trainer)

    assert sorted(OutgoingEmail.objects.values_list("to", "kind", "key")) == sorted(
        [
            (u.email, "announcement", f"announcement:{announcement.pk}:user:{u.pk}")
            for u in (trainee, other_trainee)
        ]
    )


def test_a_failed_post_writes_no_email(cohort, enroll, trainee, trainer):
    enroll(trainee)

    with pytest.raises(Exception, match="title"):
        post(cohort, trainer, title="   ")

    assert (Announcement.objects.count(), OutgoingEmail.objects.count()) == (0, 0)


def test_one_click_unsubscribe_stops_announcement_emails_and_nothing_else(
    client, cohort, enroll, trainee, trainer
):
    enroll(trainee)
    announcement = post(cohort, trainer)
    path = unsubscribe_path(announcement, trainee)

    asked = client.get(path)
    assert asked.status_code == HTTPStatus.OK
    assert "Stop emails about announcements from your trainers?" in asked.content.decode()
    assert not EmailOptOut.objects.exists()  # a GET (a link scanner) changes nothing

    done = client.post(path, {"List-Unsubscribe": "One-Click"})
    again = client.post(path, {"List-Unsubscribe": "One-Click"})

    assert "You will no longer get emails about announcements from your trainers" in (
        done.content.decode()
    )
    assert "This unsubscribe link was already used" in again.content.decode()
    assert list(EmailOptOut.objects.values_list("user", "kind", "source")) == [
        (trainee.pk, "announcement", "unsubscribe")
    ]
    OutgoingEmail.objects.all().delete()
    post(cohort, trainer, title="Week 2")
    assert not OutgoingEmail.objects.exists()


@pytest.mark.parametrize("token", ["nonsense", "1.2", "1.2:forged-signature"])
def test_a_forged_or_mangled_link_changes_nothing(client, cohort, enroll, trainee, trainer, token):
    enroll(trainee)
    post(cohort, trainer)

    response = client.post(reverse("reminders:unsubscribe", args=[token]))

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "This unsubscribe link is not valid" in response.content.decode()
    assert not EmailOptOut.objects.exists()


def test_a_link_for_a_deleted_announcement_is_not_valid(client, cohort, enroll, trainee, trainer):
    enroll(trainee)
    announcement = post(cohort, trainer)
    path = unsubscribe_path(announcement, trainee)
    announcement.delete()

    response = client.post(path)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not EmailOptOut.objects.exists()


def test_settings_page_turns_announcement_emails_off_and_on(
    client, cohort, enroll, trainee, trainer
):
    enroll(trainee)
    client.force_login(trainee)
    page = client.get(reverse("reminders:settings")).content.decode()
    assert "From your trainers" in page
    assert "Email me about announcements from your trainers" in page

    kept = [k for k in EmailKind.values if k != "announcement"]
    client.post(reverse("reminders:settings"), {"emailed_kinds": kept})
    post(cohort, trainer)
    assert list(EmailOptOut.objects.values_list("kind", flat=True)) == ["announcement"]
    assert not OutgoingEmail.objects.exists()

    client.post(reverse("reminders:settings"), {"emailed_kinds": EmailKind.values})
    post(cohort, trainer, title="Week 3")
    assert list(OutgoingEmail.objects.values_list("to", flat=True)) == ["dana@example.org"]


def test_cohort_reminder_switches_do_not_offer_announcements(client, cohort, trainer):
    client.force_login(trainer)

    page = client.get(reverse("reminders:cohort", args=[cohort.pk])).content.decode()

    assert "Announcements from your trainers" not in page
