"""The outbox: one row per email and recipient, written with the change that causes it and
delivered later (claim with a lease, send, mark). Its unique `key` names the event and the
recipient, so writing the same email twice writes one row."""

from django.db import models
from django.db.models import Q
from django.utils import timezone


class OutboxStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENDING = "sending", "Being sent"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    CANCELLED = "cancelled", "Not sent: no longer wanted"


class OutgoingEmailQuerySet(models.QuerySet):
    def deliverable(self, now) -> "OutgoingEmailQuerySet":
        """Rows a sender may claim now: pending and past their backoff, or claimed by a worker
        whose lease ran out (it died or lost its connection before marking them)."""
        return self.filter(
            Q(status=OutboxStatus.PENDING)
            & (Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
            | Q(status=OutboxStatus.SENDING, lease_until__lt=now)
        )

    def backlog(self) -> "OutgoingEmailQuerySet":
        return self.filter(status__in=[OutboxStatus.PENDING, OutboxStatus.SENDING])


class OutgoingEmail(models.Model):
    kind = models.CharField(max_length=40, help_text="What the email is about, for staff.")
    key = models.CharField(max_length=200, unique=True, help_text="The event and the recipient.")
    to = models.EmailField(max_length=254)
    from_email = models.CharField(max_length=300, blank=True)
    subject = models.CharField(max_length=300)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        max_length=10, choices=OutboxStatus.choices, default=OutboxStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        verbose_name = "outgoing email"
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due")]

    def __str__(self) -> str:
        return f"{self.kind} to {self.to}"


class Heartbeat(models.Model):
    """When a periodic job last ran, by name: `worker` (a Celery worker ran the outbox sweep,
    every minute) and `reminder_scan` (the reminder scan, every 5 minutes). In the database, not
    the cache, so `/healthz?deep=1` can answer while Redis is down."""

    WORKER = "worker"
    REMINDER_SCAN = "reminder_scan"

    name = models.CharField(max_length=40, primary_key=True)
    at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} at {self.at:%Y-%m-%d %H:%M:%S}"

    @classmethod
    def beat(cls, name: str, at=None) -> None:
        """Record that `name` ran now: one UPDATE, an INSERT the first time (a concurrent first
        insert wins and this one is dropped)."""
        at = at or timezone.now()
        if not cls.objects.filter(name=name).update(at=at):
            cls.objects.bulk_create([cls(name=name, at=at)], ignore_conflicts=True)

    @classmethod
    def last(cls, name: str):
        return cls.objects.filter(name=name).values_list("at", flat=True).first()
