"""Readiness checks behind /healthz: the database always, the broker when one is configured."""

from django.conf import settings
from django.db import DatabaseError, connection

from .celery import app as celery_app


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
