"""The scan: ask every registered source what is due now, record what is new as `Reminder`
rows in bulk (the unique key drops what another scan recorded first), and say which rows are
ready to send. Running it twice, or twice at once, records nothing twice."""

import logging
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from . import registry
from .models import CohortReminderSwitch, EmailOptOut, Reminder, ReminderStatus
from .registry import Due

logger = logging.getLogger(__name__)

# Ids per send task: one SMTP connection each, short enough to finish well inside the
# task time limit even against a slow relay.
CHUNK_SIZE = 100
# Rows per INSERT, and ids per IN (...) lookup (SQLite's variable limit is 999 on old builds).
INSERT_BATCH = 1000
LOOKUP_BATCH = 500


def batched(items, size: int):
    """Successive lists of at most `size` items (itertools.batched arrives in Python 3.12)."""
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass
class ScanResult:
    recorded: list[Due]
    ready_ids: list[int]

    def chunks(self) -> list[list[int]]:
        return [list(chunk) for chunk in batched(self.ready_ids, CHUNK_SIZE)]


def due_now(now: datetime) -> list[Due]:
    """Every reminder the sources find due, once each, without the kinds a cohort switched off."""
    switched_off = set(CohortReminderSwitch.objects.values_list("cohort_id", "kind"))
    found: dict[tuple, Due] = {}
    for source in registry.reminder_sources():
        try:
            dues = list(source(now))
        except Exception:  # one broken source must not hold back every other kind
            logger.exception("Reminder source %s failed", getattr(source, "__qualname__", source))
            continue
        for due in dues:
            if (due.cohort_id, due.kind) not in switched_off:
                found.setdefault((due.enrollment_id, due.kind, due.key), due)
    return list(found.values())


def not_yet_recorded(dues: list[Due]) -> list[Due]:
    """The reminders among `dues` that have no row yet (a few queries per 500 enrollments)."""
    recorded = set()
    by_enrollment = sorted({d.enrollment_id for d in dues})
    for enrollment_ids in batched(by_enrollment, LOOKUP_BATCH):
        in_batch = set(enrollment_ids)
        wanted = {d.key for d in dues if d.enrollment_id in in_batch}
        for key_batch in batched(sorted(wanted), LOOKUP_BATCH):
            recorded.update(
                Reminder.objects.filter(enrollment__in=enrollment_ids, key__in=key_batch)
                .order_by()
                .values_list("enrollment_id", "kind", "key")
            )
    return [d for d in dues if (d.enrollment_id, d.kind, d.key) not in recorded]


def plan(*, now: datetime | None = None) -> list[Due]:
    """What a scan would record now, recording nothing (`send_reminders --dry-run`)."""
    return not_yet_recorded(due_now(now or timezone.now()))


def record(dues: list[Due], *, now: datetime) -> None:
    """Insert the rows, conflicts ignored: a concurrent scan's rows win and nothing doubles.
    A kind the trainee opted out of is recorded (it shows in-app) but not queued for email."""
    opted_out = set(
        EmailOptOut.objects.filter(kind__in={d.kind for d in dues}).values_list("user_id", "kind")
    )
    Reminder.objects.bulk_create(
        (
            Reminder(
                enrollment_id=due.enrollment_id,
                kind=due.kind,
                key=due.key,
                due_at=due.due_at,
                expires_at=due.expires_at,
                payload=due.payload,
                status=(
                    ReminderStatus.OPTED_OUT
                    if (due.user_id, due.kind) in opted_out
                    else ReminderStatus.PENDING
                ),
                next_attempt_at=now,
                created_at=now,
            )
            for due in dues
        ),
        batch_size=INSERT_BATCH,
        ignore_conflicts=True,
    )


def scan(*, now: datetime | None = None) -> ScanResult:
    """Record what is newly due and list every row ready to send: the new ones, earlier
    failures whose backoff has passed, and rows a dead worker left pending."""
    now = now or timezone.now()
    dues = plan(now=now)
    if dues:
        record(dues, now=now)
    ready = list(
        Reminder.objects.ready_to_send(now)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)
    )
    return ScanResult(recorded=dues, ready_ids=ready)
