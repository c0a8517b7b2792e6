"""Thin Celery tasks: take ids, re-fetch, call a service; safe to run twice or at once.

No task here re-queues itself with a countdown. A countdown message sits unacknowledged in a
worker for minutes, and on Redis that is both fragile and lossy: a worker holding one when Redis
drops hit kombu's fatal `restore_unacked` error (guarded in `dbt_training.celery`), and a Redis
that restarts without its data forgets the message. Retries come from the database instead: a
failed send records its backoff on the row and the periodic scan (every 5 minutes) offers it
again once the backoff has passed."""

from celery import shared_task


@shared_task
def scan_reminders() -> int:
    """Periodic (django-celery-beat, every 5 minutes): record what is due and queue the sends.
    A scan that finished is recorded (`Heartbeat.REMINDER_SCAN`) for `/healthz?deep=1`."""
    from dbt_training.outbox.models import Heartbeat

    from . import scan

    result = scan.scan()
    Heartbeat.beat(Heartbeat.REMINDER_SCAN)
    for chunk in result.chunks():
        send_reminder_batch.delay(chunk)
    return len(result.ready_ids)


@shared_task
def send_reminder_batch(reminder_ids: list[int], retry: int = 0) -> int:
    """Email a chunk of reminders through one SMTP connection; rows already sent or held by
    another worker are skipped, failures are recorded with their backoff for the next scan.
    (`retry` is accepted and ignored: messages queued by the former self-retry still run.)"""
    from . import delivery

    return len(delivery.send_batch(reminder_ids=reminder_ids).sent)
