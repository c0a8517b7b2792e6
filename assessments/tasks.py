"""Thin Celery tasks: take ids, re-fetch, call a service; safe to run twice.

Imported in `AssessmentsConfig.ready`, so every process knows the tasks by name. Services queue
them by name and never import this module: the tasks sit above everything they call.
"""

from celery import shared_task

from assessments.quizzes import services


@shared_task
def submit_expired_attempts() -> int:
    """Periodic (django-celery-beat, every minute): attempts past their time limit are
    submitted with the answers they saved, even if the trainee never comes back."""
    return services.submit_expired_attempts()
