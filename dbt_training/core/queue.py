"""Queueing background work after a commit without ever failing the request for it."""

import logging

from celery import signature
from django.db import transaction

logger = logging.getLogger(__name__)


def queue_after_commit(task_name: str, *args) -> None:
    """Queue the task (by name: the caller never imports a tasks module) once the current
    transaction commits. When the broker cannot take it, log and carry on: the work is in the
    database already (an outbox row, a pending reminder) and the periodic sweep picks it up."""

    def send():
        try:
            signature(task_name, args=args).delay()
        except Exception:  # a broker down or refusing must not turn a saved change into a 500
            logger.warning(
                "Could not queue %s now; the periodic sweep will do it.", task_name, exc_info=True
            )

    transaction.on_commit(send)
