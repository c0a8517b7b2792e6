"""Thin Celery tasks: take ids, re-fetch, call a service; safe to run twice."""

from celery import shared_task

from .models import Announcement, Invitation


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_invitation(invitation_id: int) -> None:
    from . import services

    invitation = Invitation.objects.filter(pk=invitation_id).first()
    if invitation is not None:  # deleted in the meantime: nothing to send
        services.send_invitation_email(invitation=invitation)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_announcement(announcement_id: int) -> None:
    from . import services

    announcement = Announcement.objects.filter(pk=announcement_id).first()
    if announcement is not None:
        services.email_announcement(announcement=announcement)
