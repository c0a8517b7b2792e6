"""Sending reminders, through one SMTP connection per chunk: claim, send, mark.

Each row is claimed in a short committed transaction (re-checked, then given a lease: other
senders skip it), sent with no transaction open, then marked sent in another short transaction.
A worker that dies between the relay's acceptance and the mark leaves that one row claimed; when
its lease runs out the next sweep sends it again (at-least-once, one message per dead worker,
with a stable Message-ID a mail system can drop). Two tasks given the same ids each skip the
rows the other holds, and find the ones it finished no longer pending.
"""

import logging
import smtplib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

from courses.models import EnrollmentStatus, LiveSession
from dbt_training.core.sites import absolute_url, site_domain, site_name
from dbt_training.outbox.services import MAX_ATTEMPTS, backoff

from .kinds import AFTER_COMPLETION, SUBJECTS, ReminderKind
from .models import CohortReminderSwitch, EmailOptOut, Reminder, ReminderStatus
from .timing import zone_name

# The outbox's retry policy (about a day of tries; `expires_at` stops a reminder that would be
# too late sooner), then the row is marked failed with its last error, for the cohort's
# reminders page and the admin.
# How long a claimed row is this sender's: long enough for a chunk's SMTP conversation.
LEASE = timedelta(minutes=10)
UNSUBSCRIBE_SALT = "reminders.unsubscribe"
logger = logging.getLogger(__name__)


@dataclass
class BatchResult:
    sent: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)  # opted out, withdrawn, switched off
    retry: list[int] = field(default_factory=list)  # failed, will be tried again
    failed: list[int] = field(default_factory=list)  # failed for the last time


def unsubscribe_token(reminder: Reminder) -> str:
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(reminder.pk))


def reminder_id_from_token(token: str) -> int | None:
    """The reminder a token was signed for, or None when it is forged or mangled."""
    try:
        return int(signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        return None


def unsubscribe_url(reminder: Reminder) -> str:
    return absolute_url(reverse("reminders:unsubscribe", args=[unsubscribe_token(reminder)]))


def local_time_text(moment: datetime, time_zone: str) -> str:
    """ "Tuesday 3 March 2026, 14:00 NZDT (Pacific/Auckland)": the trainee's own wall clock."""
    time_zone = zone_name(time_zone)
    local = moment.astimezone(ZoneInfo(time_zone))
    text = format_date(local, "l j F Y, H:i T")
    return text if time_zone == "UTC" else f"{text} ({time_zone.replace('_', ' ')})"


def date_text(day: date) -> str:
    return format_date(day, "l j F Y")


def email_context(reminder: Reminder) -> dict:
    enrollment = reminder.enrollment
    user = enrollment.user
    payload = reminder.payload
    at = datetime.fromisoformat(payload["at"]) if payload.get("at") else None
    on = date.fromisoformat(payload["on"]) if payload.get("on") else None
    return {
        "reminder": reminder,
        "kind": reminder.kind,
        "kind_label": reminder.get_kind_display(),
        "trainee": user,
        "cohort": enrollment.cohort,
        "course": enrollment.cohort.course,
        "title": payload.get("title", ""),
        "detail": payload.get("detail", ""),
        "items": payload.get("items", []),
        "when": local_time_text(at, user.time_zone) if at else "",
        "on": date_text(on) if on else "",
        "minutes": payload.get("minutes"),
        "link": absolute_url(payload.get("path") or reverse("dashboard")),
        "unsubscribe_url": unsubscribe_url(reminder),
        "settings_url": absolute_url(reverse("reminders:settings")),
    }


def list_headers(unsubscribe: str, *, list_name: str = "reminders") -> dict[str, str]:
    """What marks an email as one of the site's lists: a one-click unsubscribe (RFC 8058:
    List-Unsubscribe with an https URL and List-Unsubscribe-Post), no auto-replies (RFC 3834)
    and a List-Id mail filters can sort on."""
    return {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
        "List-Id": f"{site_name()} {list_name} <{list_name}.{site_domain()}>",
    }


def build_message(reminder: Reminder, *, connection=None) -> EmailMultiAlternatives:
    """The email: plain text and HTML, the time in the trainee's zone, a link to the item, and
    a one-click unsubscribe for this kind (RFC 8058: List-Unsubscribe with an https URL and
    List-Unsubscribe-Post)."""
    context = email_context(reminder)
    lead = SUBJECTS[ReminderKind(reminder.kind)].format(title=f"“{context['title']}”")
    # Email headers are one line: collapse any line breaks a name or title carries.
    subject = " ".join(f"[{context['cohort'].name}] {lead}".split())
    context["lead"] = lead
    unsubscribe = context["unsubscribe_url"]
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("reminders/email/reminder.txt", context),
        to=[reminder.enrollment.user.email],
        connection=connection,
        headers={
            # The same id on every try, so a mail system can drop a copy it already has.
            "Message-ID": f"<reminder-{reminder.pk}@{site_domain()}>",
            **list_headers(unsubscribe),
        },
    )
    message.attach_alternative(
        render_to_string("reminders/email/reminder.html", context), "text/html"
    )
    return message


SESSION_KINDS = (ReminderKind.LIVE_SESSION_24H, ReminderKind.LIVE_SESSION_1H)


@dataclass(frozen=True)
class Checks:
    """What a chunk's rows are checked against just before sending, read once per chunk."""

    switched_off: set  # {(cohort id, kind)}
    opted_out: set  # {(user id, kind)}
    session_starts: dict  # {live session id: its start now}; a deleted session is missing


def checks_for(ids: list[int]) -> Checks:
    session_ids = {
        payload.get("session_id")
        for payload in Reminder.objects.filter(pk__in=ids, kind__in=SESSION_KINDS).values_list(
            "payload", flat=True
        )
    }
    return Checks(
        switched_off=set(CohortReminderSwitch.objects.values_list("cohort_id", "kind")),
        opted_out=set(
            EmailOptOut.objects.filter(user__enrollments__reminders__in=ids).values_list(
                "user_id", "kind"
            )
        ),
        session_starts=dict(
            LiveSession.objects.filter(pk__in=session_ids - {None}).values_list("pk", "starts_at")
        )
        if session_ids
        else {},
    )


def why_not_send(reminder: Reminder, checks: Checks, *, now: datetime) -> tuple[str, str]:
    """(status, note) when the reminder must not go out any more, else ("", "")."""
    enrollment = reminder.enrollment
    if reminder.expires_at is not None and now >= reminder.expires_at:
        return ReminderStatus.CANCELLED, "Too late to send: its moment has passed."
    if not enrollment.user.is_active:
        return ReminderStatus.CANCELLED, "The account is deactivated."
    allowed = {EnrollmentStatus.ACTIVE}
    if reminder.kind in AFTER_COMPLETION:
        allowed.add(EnrollmentStatus.COMPLETED)
    if enrollment.status not in allowed:
        return ReminderStatus.CANCELLED, f"Enrollment is {enrollment.get_status_display().lower()}."
    if (enrollment.cohort_id, reminder.kind) in checks.switched_off:
        return ReminderStatus.CANCELLED, "Switched off for the cohort."
    if reminder.kind in SESSION_KINDS:
        # Moved since the scan: the scan records a reminder with the new time instead.
        starts_at = checks.session_starts.get(reminder.payload.get("session_id"))
        if starts_at is None or starts_at.isoformat() != reminder.payload.get("at"):
            return ReminderStatus.CANCELLED, "The live session was moved or cancelled."
    if (enrollment.user_id, reminder.kind) in checks.opted_out:
        return ReminderStatus.OPTED_OUT, ""
    return "", ""


def send_batch(*, reminder_ids: list[int], now: datetime | None = None) -> BatchResult:
    """Email the pending reminders among `reminder_ids`, each at most once."""
    now = now or timezone.now()
    result = BatchResult()
    ids = sorted(set(reminder_ids))
    if not ids:
        return result
    # Read once per chunk: a switch or an opt-out made during the chunk applies to the next.
    checks = checks_for(ids)
    connection = get_connection(fail_silently=False)
    try:
        for reminder_id in ids:
            _send_one(reminder_id, connection, result, now, checks)
    finally:
        connection.close()
    return result


def _send_one(reminder_id, connection, result, now, checks) -> None:
    reminder = _claim(reminder_id, result, now, checks)
    if reminder is None:
        return
    try:
        message = build_message(reminder, connection=connection)
    except Exception as error:  # a bad payload or template must not block the chunk
        logger.exception("Reminder %s could not be built", reminder.pk)
        _record_failure(reminder, error, result, now)
        return
    try:
        # Opened here rather than by send(), which would close a connection it opened.
        connection.open()
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        if isinstance(error, smtplib.SMTPServerDisconnected | OSError):
            connection.close()  # reopened by the next send; a refused message keeps it
        _record_failure(reminder, error, result, now)
        return
    Reminder.objects.filter(pk=reminder.pk, lease_until=reminder.lease_until).update(
        status=ReminderStatus.SENT, sent_at=now, last_error="", lease_until=None
    )
    result.sent.append(reminder.pk)


def _claim(reminder_id, result, now, checks) -> Reminder | None:
    """Take the row for this sender in a short committed transaction, before any SMTP talk (no
    transaction stays open while the relay answers); None when it is not ours to send."""
    with transaction.atomic():
        reminder = (
            Reminder.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("enrollment__user", "enrollment__cohort__course")
            .filter(pk=reminder_id, status=ReminderStatus.PENDING)
            .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now))
            .first()
        )
        if reminder is None:  # sent, gone, or another worker holds it right now
            return None
        status, note = why_not_send(reminder, checks, now=now)
        if status:
            reminder.status, reminder.last_error = status, note
            reminder.save(update_fields=["status", "last_error"])
            result.skipped.append(reminder.pk)
            return None
        reminder.attempts += 1
        reminder.lease_until = now + LEASE
        reminder.save(update_fields=["attempts", "lease_until"])
    return reminder


def _record_failure(reminder: Reminder, error: Exception, result: BatchResult, now) -> None:
    """Back off and try again later; after MAX_ATTEMPTS, give up and say why."""
    reminder.last_error = f"{type(error).__name__}: {error}"[:300]
    if reminder.attempts >= MAX_ATTEMPTS:
        reminder.status = ReminderStatus.FAILED
        result.failed.append(reminder.pk)
        logger.error("Reminder %s failed for good: %s", reminder.pk, reminder.last_error)
    else:
        reminder.next_attempt_at = now + backoff(reminder.attempts)
        result.retry.append(reminder.pk)
        # Offered again by the first scan (every 5 minutes) after this moment.
        logger.warning(
            "Reminder %s not sent, try %s; again from %s: %s",
            reminder.pk,
            reminder.attempts,
            reminder.next_attempt_at.isoformat(timespec="seconds"),
            reminder.last_error,
        )
    reminder.lease_until = None
    reminder.save(
        update_fields=["attempts", "last_error", "status", "next_attempt_at", "lease_until"]
    )
