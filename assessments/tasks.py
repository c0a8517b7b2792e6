"""Thin Celery tasks: take ids, re-fetch, call a service; safe to run twice."""

from celery import shared_task


@shared_task
def submit_expired_attempts() -> int:
    """Periodic (django-celery-beat, every minute): attempts past their time limit are
    submitted with the answers they saved, even if the trainee never comes back."""
    from . import services

    return services.submit_expired_attempts()
