"""The one Celery app. Workers: `celery -A dbt_training worker`; beat (one process only):
`celery -A dbt_training beat`. Settings come from Django's, prefixed CELERY_; the defaults below
are what keeps a worker alive through a Redis outage (docs/architecture.md, "Operations"), and a
CELERY_ setting of the same name still overrides them."""

import os

from celery import Celery, signals
from celery.worker.consumer import Consumer

from dbt_training.core.logs import connect_task_signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dbt_training.settings.base")

# How long Redis keeps a message a worker took but did not acknowledge before handing it to
# another worker. Longer than any task can hold one: a task runs at most CELERY_TASK_TIME_LIMIT
# (300 s), a prefetched message waits at most one task ahead of it, and no task is queued with a
# countdown or an ETA (periodic sweeps retry instead). Short enough that a message a dead or
# disconnected worker held runs again within a quarter of an hour rather than Redis's default
# hour. A message that does run twice is harmless: every task claims its rows first.
VISIBILITY_TIMEOUT = 15 * 60


class SurvivingConsumer(Consumer):
    """Celery's consumer, minus kombu 5.7's fatal exit when Redis drops while the worker holds an
    unacknowledged message (a task running with late acks, a prefetched one, one with a
    countdown): "Unrecoverable error: AttributeError 'NoneType' object has no attribute
    'hostname'" from `restore_unacked`.

    On a lost connection Celery collects the connection (which detaches the transport from its
    URL) and then closes it; closing the channel tries to put the unacknowledged messages back
    into their queue and so to reach Redis through the detached transport. Redis is gone
    anyway, so there is nothing to put back from here: the channels are told not to try. The
    messages stay in Redis's unacked set (when Redis kept them) and go back to their queue after
    the visibility timeout; the work itself is in the database and the periodic sweeps pick it
    up either way. Reproduced and guarded by tests/faults/test_worker_survives.py."""

    def on_connection_error_after_connected(self, exc):
        transport = getattr(self.connection, "transport", None)
        for channel in list(getattr(transport, "channels", None) or []):
            # kombu's virtual Channel: "restore unacked messages when the channel is closed".
            channel.do_restore = False
        super().on_connection_error_after_connected(exc)


app = Celery("dbt_training")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.add_defaults(
    {
        # Keep trying to reach the broker, at start and after a loss, for as long as it takes:
        # a worker that gives up after Celery's default 100 tries is a worker someone must restart.
        "broker_connection_retry": True,
        "broker_connection_retry_on_startup": True,
        "broker_connection_max_retries": None,
        "broker_transport_options": {"visibility_timeout": VISIBILITY_TIMEOUT},
        # A task running when the connection drops finishes and marks its rows; cancelling it
        # mid-conversation with the relay could only send a message twice.
        "worker_cancel_long_running_tasks_on_connection_loss": False,
        "worker_consumer": "dbt_training.celery:SurvivingConsumer",
    }
)
app.autodiscover_tasks()

# Task log lines carry the id of the request that queued the task (dbt_training/core/logs.py).
connect_task_signals()


@signals.setup_logging.connect
def keep_django_logging(**kwargs) -> None:
    """A worker logs as the web processes do: Django has already configured logging from
    settings.LOGGING (LOG_LEVEL, LOG_FORMAT) when the worker starts, and a receiver here stops
    Celery from replacing the root logger's handlers with its own format."""
