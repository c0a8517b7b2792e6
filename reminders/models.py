"""Reminders: one row per event per enrollment, which is both the email to send (exactly once,
by its unique key) and the in-app notification. Plus the per-user email opt-outs, the
per-cohort switches and the secret calendar feed."""

import secrets

from django.db import models
from django.db.models import Q
from django.utils import timezone

from .kinds import EmailKind, ReminderKind


class ReminderStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be emailed"
    SENT = "sent", "Emailed"
    OPTED_OUT = "opted_out", "Not emailed: the trainee turned this kind off"
    CANCELLED = "cancelled", "Not emailed: no longer applies"
    FAILED = "failed", "Not emailed: delivery kept failing"


class ReminderQuerySet(models.QuerySet):
    def for_user(self, user) -> "ReminderQuerySet":
        """The user's in-app notifications: every event of their enrollments that still
        applies (opted-out email included: the opt-out is for email only)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(enrollment__user=user).exclude(status=ReminderStatus.CANCELLED)

    def unread(self) -> "ReminderQuerySet":
        return self.filter(read_at__isnull=True)

    def ready_to_send(self, now) -> "ReminderQuerySet":
        """Pending rows whose (next) attempt is due: new ones, failures after their backoff, and
        rows a sender claimed but never marked (it died) once its lease ran out."""
        return self.filter(status=ReminderStatus.PENDING, next_attempt_at__lte=now).filter(
            models.Q(lease_until__isnull=True) | models.Q(lease_until__lt=now)
        )


class Reminder(models.Model):
    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=24, choices=ReminderKind.choices)
    # What the reminder is about, e.g. "session:12" or "module:4:due:2027-03-01": with the
    # enrollment and kind it makes the row unique, which is what makes "exactly once" hold.
    key = models.CharField(max_length=120)
    due_at = models.DateTimeField(help_text="When the reminder became due.")
    expires_at = models.DateTimeField(
        null=True, blank=True, help_text="Not emailed after this moment (it would be too late)."
    )
    # Title, times and link of the item as the scan saw them, so sending needs no other app.
    payload = models.JSONField(default=dict)
    status = models.CharField(
        max_length=10, choices=ReminderStatus.choices, default=ReminderStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    # Set by the sender that claimed the row for the SMTP conversation; until then no other
    # sender takes it, after it (the sender died before marking it) the next sweep does.
    lease_until = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(
        null=True, blank=True, help_text="When this email's unsubscribe link was used."
    )

    objects = ReminderQuerySet.as_manager()

    class Meta:
        ordering = ["-due_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "kind", "key"], name="reminder_once_per_enrollment"
            )
        ]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(status="pending"),
                name="reminder_pending",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.payload.get('title', self.key)}"

    @property
    def title(self) -> str:
        return self.payload.get("title", "")


class EmailOptOut(models.Model):
    """The user asked for no emails of this kind (from the settings page or a one-click
    unsubscribe). In-app notifications still show."""

    class Source(models.TextChoices):
        SETTINGS = "settings", "Notification settings"
        UNSUBSCRIBE = "unsubscribe", "Unsubscribe link"

    user = models.ForeignKey("users.User", on_delete=models.CASCADE, related_name="email_opt_outs")
    kind = models.CharField(max_length=24, choices=EmailKind.choices)
    source = models.CharField(max_length=12, choices=Source.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="email_opt_out_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} ✕ {self.get_kind_display()}"


class CohortReminderSwitch(models.Model):
    """A kind the cohort's trainers switched off: no reminders of it for anyone in the cohort."""

    cohort = models.ForeignKey(
        "courses.Cohort", on_delete=models.CASCADE, related_name="reminder_switches"
    )
    kind = models.CharField(max_length=24, choices=ReminderKind.choices)
    switched_off_by = models.ForeignKey(
        "users.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    switched_off_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cohort", "kind"], name="cohort_reminder_off_once"),
        ]

    def __str__(self) -> str:
        return f"{self.cohort}: {self.get_kind_display()} off"


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """The user's secret iCalendar URL. Revoking gives a new token; the old URL answers 404."""

    user = models.OneToOneField(
        "users.User", on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    issued_at = models.DateTimeField(auto_now=True, help_text="When the current link was made.")

    def __str__(self) -> str:
        return f"Calendar feed of {self.user}"
