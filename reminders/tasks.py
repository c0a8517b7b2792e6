"""Thin Celery tasks: take ids, re-fetch, call a service; safe to run twice or at once."""

from celery import shared_task

# Retries of a chunk's failed sends from the task itself (after 1, 2 and 4 minutes: no countdown
# near Redis's visibility timeout); later ones come from the periodic scan's sweep.
TASK_RETRIES = 3


@shared_task
def scan_reminders() -> int:
    """Periodic (django-celery-beat, every 5 minutes): record what is due and queue the sends."""
    from . import scan

    result = scan.scan()
    for chunk in result.chunks():
        send_reminder_batch.delay(chunk)
    return len(result.ready_ids)


@shared_task
def send_reminder_batch(reminder_ids: list[int], retry: int = 0) -> int:
    """Email a chunk of reminders through one SMTP connection; rows already sent or held by
    another worker are skipped, failures are recorded and retried with backoff."""
    from . import delivery

    result = delivery.send_batch(reminder_ids=reminder_ids)
    if result.retry and retry < TASK_RETRIES:
        # After the backoff the rows recorded (1, 2, then 4 minutes).
        countdown = delivery.backoff(retry + 1).total_seconds()
        send_reminder_batch.apply_async((result.retry, retry + 1), countdown=countdown)
    return len(result.sent)
