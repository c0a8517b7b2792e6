"""The whole path with real parts: a Celery worker consuming from Redis runs the periodic scan,
which queues the send task, which delivers over SMTP to a real server on loopback (aiosmtpd).
Skipped without Redis; CI runs it on PostgreSQL and Redis."""

import time
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from celery.signals import task_postrun
from django.db import connections
from django.utils import timezone

from dbt_training.celery import app
from reminders import tasks
from reminders.models import Reminder
from tests.smtp import free_port

from .conftest import SmtpSink

pytestmark = [
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("cohort_and_session_sources_only"),
]

SCAN = "reminders.tasks.scan_reminders"
SEND = "reminders.tasks.send_reminder_batch"


@pytest.fixture
def smtp_sink(settings):
    sink = SmtpSink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = controller.hostname, controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield sink
    controller.stop()


@pytest.fixture
def worker_tasks(redis_url):
    """A real worker in a thread consuming from Redis; yields the (task, return value) list it
    finished. It takes the default queue, as the deployed workers do: the tests' Redis database
    is their own (REDIS_URL), and `start_worker(queues=…)` would narrow the app's queues for
    every later worker of the session."""
    from celery.contrib.testing.worker import start_worker

    finished = []

    def record(sender=None, retval=None, **kwargs):
        finished.append((sender.name, retval))
        # The worker thread's own connection: closed so that the test database can be
        # flushed and dropped after the test.
        connections.close_all()

    app.conf.task_always_eager = False
    task_postrun.connect(record, weak=False)
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, loglevel="WARNING"):
            yield finished
    finally:
        task_postrun.disconnect(record)
        app.conf.task_always_eager = True


def wait_for(condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.05)


def test_real_worker_scans_and_delivers_one_message_per_enrollment_once(
    redis_url, smtp_sink, enroll, trainee, auckland, los_angeles, session_at, worker_tasks
):
    session_at(timezone.now().replace(microsecond=0) + timedelta(hours=23))
    enroll(trainee), enroll(auckland), enroll(los_angeles)

    tasks.scan_reminders.delay()
    wait_for(lambda: len(worker_tasks) == 2)
    tasks.scan_reminders.delay()
    wait_for(lambda: len(worker_tasks) == 3)

    ids = list(Reminder.objects.order_by("pk").values_list("pk", flat=True))
    assert worker_tasks == [(SCAN, 3), (SEND, 3), (SCAN, 0)]
    assert sorted(smtp_sink.message_ids) == [f"<reminder-{pk}@testserver>" for pk in ids]
    assert sorted(m["To"] for m in smtp_sink.accepted) == [
        "aroha@example.org",
        "dana@example.org",
        "lupe@example.org",
    ]
    assert smtp_sink.connections == 1
    assert set(Reminder.objects.values_list("kind", "status", "attempts")) == {
        ("live_session_24h", "sent", 1)
    }
