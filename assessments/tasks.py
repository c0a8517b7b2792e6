"""Thin Celery tasks: take ids, re-fetch, call a service; safe to run twice."""

from celery import shared_task


@shared_task
def submit_expired_attempts() -> int:
    """Periodic (django-celery-beat, every minute): attempts past their time limit are
    submitted with the answers they saved, even if the trainee never comes back."""
    from assessments.quizzes import services

    return services.submit_expired_attempts()


@shared_task
def send_nudge_email(nudge_id: int) -> bool:
    """Queued on commit when a trainer nudges a trainee who fell behind; sends once (`emailed_at`)."""
    from assessments.grading import behind

    return behind.send_nudge_email(nudge_id=nudge_id)
