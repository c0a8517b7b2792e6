"""Announcements by email: when a trainer posts one, each active trainee who has not turned
these emails off gets one, dressed as the reminders are (plain text and HTML, a one-click
unsubscribe, List-Id, Auto-Submitted). The rows go into the outbox in the transaction that
posts the announcement, so a relay or broker outage delays them and never loses one.

An announcement's unsubscribe link is signed for (announcement, person): it stops the
"announcement" kind of email for that person, as a reminder's link stops its own kind.
"""

from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse

from courses.models import Announcement, Enrollment, EnrollmentStatus
from dbt_training.core.sites import absolute_url
from dbt_training.outbox.services import Email, enqueue

from .delivery import list_headers
from .kinds import EmailKind

UNSUBSCRIBE_SALT = "reminders.unsubscribe.announcement"


def unsubscribe_token(announcement_id: int, user_id: int) -> str:
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(f"{announcement_id}.{user_id}")


def read_unsubscribe_token(token: str) -> tuple[int, int] | None:
    """(announcement id, user id) a token was signed for, or None when forged or mangled."""
    try:
        announcement_id, user_id = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token).split(".")
        return int(announcement_id), int(user_id)
    except (signing.BadSignature, ValueError):
        return None


def email_announcement(sender, *, announcement: Announcement, **kwargs) -> int:
    """Write the announcement's emails into the outbox; returns how many were new. Connected
    to `courses.signals.announcement_posted`, which is sent inside the posting transaction."""
    cohort = announcement.cohort
    course = cohort.course
    enrollments = (
        Enrollment.objects.filter(
            cohort=cohort, status=EnrollmentStatus.ACTIVE, user__is_active=True
        )
        .exclude(user__email_opt_outs__kind=EmailKind.ANNOUNCEMENT)
        .select_related("user")
        .order_by("pk")
    )
    # Straight to the announcement on the cohort's page (its newest ones are shown first there).
    link = (
        absolute_url(reverse("learn:cohort", args=[cohort.pk])) + f"#announcement-{announcement.pk}"
    )
    settings_url = absolute_url(reverse("reminders:settings"))
    # Email headers are one line: collapse any line breaks a name or title carries.
    subject = " ".join(f"[{cohort.name}] {announcement.title}".split())
    emails = []
    for enrollment in enrollments:
        user = enrollment.user
        unsubscribe = absolute_url(
            reverse("reminders:unsubscribe", args=[unsubscribe_token(announcement.pk, user.pk)])
        )
        context = {
            "announcement": announcement,
            "trainee": user,
            "cohort": cohort,
            "course": course,
            "link": link,
            "unsubscribe_url": unsubscribe,
            "settings_url": settings_url,
            "kind_label": EmailKind.ANNOUNCEMENT.label,
        }
        emails.append(
            Email(
                kind="announcement",
                key=f"announcement:{announcement.pk}:user:{user.pk}",
                to=user.email,
                subject=subject,
                text=render_to_string("reminders/email/announcement.txt", context),
                html=render_to_string("reminders/email/announcement.html", context),
                headers=list_headers(unsubscribe, list_name="announcements"),
            )
        )
    return enqueue(emails)
