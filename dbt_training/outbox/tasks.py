"""Thin Celery task: deliver what the outbox holds. Queued after each commit that writes mail,
and run every minute by django-celery-beat as the sweep that retries failures and picks up
rows whose task was lost (a broker down at commit, a worker killed mid-batch). Each run is also
the worker's heartbeat (`Heartbeat.WORKER`), which `/healthz?deep=1` reads."""

from celery import shared_task

from . import services
from .models import Heartbeat


@shared_task
def deliver_outbox() -> int:
    # First: a worker that runs this task is alive even when the relay is not.
    Heartbeat.beat(Heartbeat.WORKER)
    return len(services.deliver().sent)
