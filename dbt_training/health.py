"""Readiness checks behind /healthz: the database always, the broker when one is configured;
and behind /healthz?deep=1 (for monitors) also the worker's heartbeat, the last reminder scan and
the outbox backlog, all read from the database so the answer needs no cache."""

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Count, Min
from django.utils import timezone

from .celery import app as celery_app
from .outbox.models import Heartbeat, OutboxStatus, OutgoingEmail


def check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return f"error: {exc.__class__.__name__}"
    return "ok"


def check_broker() -> str:
    """Open (and close) one connection to Celery's broker; 'not configured' without REDIS_URL."""
    if not settings.REDIS_URL:
        return "not configured"
    try:
        with celery_app.connection_for_write(url=settings.CELERY_BROKER_URL) as conn:
            # One try with a short timeout: a health probe must answer fast, not retry for minutes.
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as exc:  # kombu raises transport-specific errors; all mean "not reachable"
        return f"error: {exc.__class__.__name__}"
    return "ok"


# --- the deep check (`/healthz?deep=1`), for monitors -------------------------------------------
# A worker runs the outbox sweep every minute (django-celery-beat) and records its heartbeat;
# five minutes without one means no worker is consuming (or beat is not running).
WORKER_MAX_AGE = timedelta(minutes=5)
# The reminder scan runs every 5 minutes; three missed scans in a row is an outage.
SCAN_MAX_AGE = timedelta(minutes=15)


def _seconds(delta: timedelta) -> int:
    return int(delta.total_seconds())


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat(timespec="seconds")


def check_heartbeat(name: str, max_age: timedelta, now: datetime) -> tuple[str, dict]:
    """('ok' | 'stale' | 'never', details) for the periodic job `name`."""
    last = Heartbeat.last(name)
    age = None if last is None else now - last
    status = "never" if age is None else "ok" if age <= max_age else "stale"
    return status, {
        "last": _iso(last),
        "age_seconds": None if age is None else max(_seconds(age), 0),
        "max_age_seconds": _seconds(max_age),
    }


def outbox_backlog(now: datetime) -> dict:
    """Emails waiting (pending or being sent), the age of the oldest, and how many failed."""
    backlog = OutgoingEmail.objects.backlog().aggregate(count=Count("pk"), oldest=Min("created_at"))
    oldest = backlog["oldest"]
    return {
        "backlog": backlog["count"],
        "oldest_age_seconds": None if oldest is None else max(_seconds(now - oldest), 0),
        "failed": OutgoingEmail.objects.filter(status=OutboxStatus.FAILED).count(),
    }


def deep_checks(checks: dict, now: datetime | None = None) -> dict:
    """Add the worker heartbeat and the last reminder scan to `checks` (in place) and return the
    details: both timestamps, their ages and limits, and the outbox backlog."""
    now = now or timezone.now()
    try:
        worker, worker_details = check_heartbeat(Heartbeat.WORKER, WORKER_MAX_AGE, now)
        scan, scan_details = check_heartbeat(Heartbeat.REMINDER_SCAN, SCAN_MAX_AGE, now)
        outbox = outbox_backlog(now)
    except DatabaseError as exc:
        error = f"error: {exc.__class__.__name__}"
        checks.update(worker=error, reminder_scan=error)
        return {}
    # Without a broker no worker or beat is expected: tasks run inline in the web process and
    # the scan is `manage.py send_reminders` from cron, which this check does not see.
    checks["worker"] = worker if settings.REDIS_URL else "not configured"
    checks["reminder_scan"] = scan if settings.REDIS_URL else "not configured"
    return {"worker": worker_details, "reminder_scan": scan_details, "outbox": outbox}
