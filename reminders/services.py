"""Every state change of reminders: events pushed by other layers (grades, certificates),
email preferences, one-click unsubscribe, cohort switches, read marks and calendar tokens."""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from courses.models import Cohort
from dbt_training.core.queue import queue_after_commit
from dbt_training.users.models import User

from . import announcements
from .delivery import reminder_id_from_token
from .kinds import EmailKind, ReminderKind
from .models import (
    CalendarFeed,
    CohortReminderSwitch,
    EmailOptOut,
    Reminder,
    ReminderStatus,
    new_feed_token,
)
from .registry import Due
from .scan import not_yet_recorded, record


@transaction.atomic
def notify(*, dues: list[Due], now: datetime | None = None) -> list[int]:
    """Record events that happen rather than fall due (a grade released, a certificate
    issued), and queue their emails after the commit. Unique keys make a repeat a no-op;
    kinds switched off in the cohort are dropped. Returns the ids queued for email."""
    now = now or timezone.now()
    switched_off = set(
        CohortReminderSwitch.objects.filter(cohort__in={d.cohort_id for d in dues}).values_list(
            "cohort_id", "kind"
        )
    )
    dues = [d for d in dues if (d.cohort_id, d.kind) not in switched_off]
    if not dues:
        return []
    new = not_yet_recorded(dues)
    record(new, now=now)
    wanted = {(d.enrollment_id, d.kind, d.key) for d in new}
    ids = [
        pk
        for pk, *identity in Reminder.objects.filter(
            enrollment__in={d.enrollment_id for d in new},
            key__in={d.key for d in new},
            status=ReminderStatus.PENDING,
        ).values_list("pk", "enrollment_id", "kind", "key")
        if tuple(identity) in wanted
    ]
    if ids:
        # A broker down at commit delays these emails (the scan's sweep sends them), never
        # fails the change that caused them.
        queue_after_commit("reminders.tasks.send_reminder_batch", ids)
    return ids


@transaction.atomic
def set_email_preferences(*, user, emailed_kinds: set[str]) -> None:
    """Email the user the kinds in `emailed_kinds` and none of the others."""
    kinds = set(EmailKind.values)
    if not emailed_kinds <= kinds:
        raise ValueError(f"Unknown reminder kinds: {sorted(emailed_kinds - kinds)}")
    EmailOptOut.objects.filter(user=user, kind__in=emailed_kinds).delete()
    existing = set(EmailOptOut.objects.filter(user=user).values_list("kind", flat=True))
    EmailOptOut.objects.bulk_create(
        EmailOptOut(user=user, kind=kind, source=EmailOptOut.Source.SETTINGS)
        for kind in sorted(kinds - emailed_kinds - existing)
    )


@dataclass(frozen=True)
class UnsubscribeLink:
    """What an email's unsubscribe link names: one person and one kind of email, seen from the
    cohort the email came from. `used_at` is set when it already stopped those emails."""

    user_id: int
    kind: str
    cohort: Cohort
    used_at: datetime | None = None
    reminder: Reminder | None = None  # the reminder the link came with, for reminder emails


def unsubscribe_link(token: str, *, lock: bool = False) -> UnsubscribeLink | None:
    """The link a token names (a reminder's, or an announcement email's), or None when it is
    forged, mangled or names something no longer on record. `lock` holds a reminder's row,
    so two clicks on its link at once make one change."""
    reminder_id = reminder_id_from_token(token)
    if reminder_id is not None:
        reminders = Reminder.objects.select_related("enrollment__cohort__course")
        if lock:
            reminders = reminders.select_for_update(of=("self",))
        reminder = reminders.filter(pk=reminder_id).first()
        if reminder is None:
            return None
        return UnsubscribeLink(
            user_id=reminder.enrollment.user_id,
            kind=reminder.kind,
            cohort=reminder.enrollment.cohort,
            used_at=reminder.unsubscribed_at,
            reminder=reminder,
        )
    signed = announcements.read_unsubscribe_token(token)
    if signed is None:
        return None
    announcement_id, user_id = signed
    # No lock needed here: the opt-out's unique constraint makes two clicks one change.
    cohort = (
        Cohort.objects.select_related("course").filter(announcements__pk=announcement_id).first()
    )
    if cohort is None or not User.objects.filter(pk=user_id).exists():
        return None
    opted_out = EmailOptOut.objects.filter(user_id=user_id, kind=EmailKind.ANNOUNCEMENT).first()
    return UnsubscribeLink(
        user_id=user_id,
        kind=EmailKind.ANNOUNCEMENT,
        cohort=cohort,
        used_at=opted_out.created_at if opted_out else None,
    )


@dataclass(frozen=True)
class Unsubscribed:
    """What a one-click unsubscribe did. `link` is None for a forged or unknown token."""

    link: UnsubscribeLink | None
    changed: bool = False


@transaction.atomic
def unsubscribe(*, token: str, now: datetime | None = None) -> Unsubscribed:
    """Stop emails of the link's kind to its person (RFC 8058 one-click). A reminder's link
    works once: used again, it changes nothing and says when it was used. An announcement
    email's link is used while the person has these emails turned off."""
    link = unsubscribe_link(token, lock=True)
    if link is None or link.used_at is not None:
        return Unsubscribed(link=link)
    now = now or timezone.now()
    EmailOptOut.objects.get_or_create(
        user_id=link.user_id, kind=link.kind, defaults={"source": EmailOptOut.Source.UNSUBSCRIBE}
    )
    if link.reminder is not None:
        link.reminder.unsubscribed_at = now
        link.reminder.save(update_fields=["unsubscribed_at"])
    return Unsubscribed(link=link, changed=True)


@transaction.atomic
def set_cohort_kinds(*, cohort: Cohort, enabled_kinds: set[str], by) -> None:
    """Switch the cohort's reminder kinds on (those in `enabled_kinds`) and off (the rest)."""
    kinds = set(ReminderKind.values)
    if not enabled_kinds <= kinds:
        raise ValueError(f"Unknown reminder kinds: {sorted(enabled_kinds - kinds)}")
    CohortReminderSwitch.objects.filter(cohort=cohort, kind__in=enabled_kinds).delete()
    existing = set(cohort.reminder_switches.values_list("kind", flat=True))
    CohortReminderSwitch.objects.bulk_create(
        CohortReminderSwitch(cohort=cohort, kind=kind, switched_off_by=by)
        for kind in sorted(kinds - enabled_kinds - existing)
    )


def mark_read(*, user, reminder_ids: list[int] | None = None, now: datetime | None = None) -> int:
    """Mark the user's notifications read (all, or these ids); returns how many changed."""
    unread = Reminder.objects.for_user(user).unread()
    if reminder_ids is not None:
        unread = unread.filter(pk__in=reminder_ids)
    return Reminder.objects.filter(pk__in=list(unread.values_list("pk", flat=True))).update(
        read_at=now or timezone.now()
    )


def calendar_feed_for(user) -> CalendarFeed:
    """The user's feed, made on first use."""
    # get_or_create retries the read when two first visits race to create it.
    return CalendarFeed.objects.get_or_create(user=user)[0]


@transaction.atomic
def rotate_calendar_token(*, user) -> CalendarFeed:
    """A new secret URL; the old one answers 404 from now on."""
    feed = calendar_feed_for(user)
    feed.token = new_feed_token()
    feed.save(update_fields=["token", "issued_at"])
    return feed
