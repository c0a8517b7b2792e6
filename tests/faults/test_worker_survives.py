"""A Celery worker survives Redis being killed and restarted under it.

kombu 5.7 stops a worker for good ("Unrecoverable error: AttributeError 'NoneType' object has no
attribute 'hostname'" in `restore_unacked`) when Redis drops while the worker holds a message it
has not acknowledged: a task with a countdown, one running with late acks, a prefetched one. The
first test reproduces that with Celery's own consumer, so that the guard in dbt_training/celery.py
(`SurvivingConsumer`) is known to be needed; if it starts failing after an upgrade, kombu fixed
it and the guard can go. The second runs the worker as deployed (the app's configuration): it
rides out the outage, and the emails written while Redis was down are delivered once it is back,
each exactly once.

Real parts: a worker in a thread (as tests/reminders/test_worker.py) consuming from a Redis of
the test's own (tests/faults/conftest.py), an SMTP server on loopback (aiosmtpd)."""

import logging
import time
from contextlib import contextmanager
from email import message_from_bytes
from email.policy import default as default_policy

import pytest
from celery import bootsteps
from celery.signals import task_postrun
from django.db import connections, transaction
from django.utils import timezone

from dbt_training.celery import SurvivingConsumer, app
from dbt_training.outbox import services
from dbt_training.outbox.models import Heartbeat, OutboxStatus, OutgoingEmail
from dbt_training.outbox.tasks import deliver_outbox
from tests.conftest import reset_connections
from tests.smtp import relay

# Celery warns (CPendingDeprecationWarning) that cancelling running tasks on a lost connection
# becomes its default in 6.0; dbt_training/celery.py keeps them running on purpose. The worker's
# logging setup puts Celery's own "always" filter first, so a filterwarnings mark cannot hide it.
pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]

DELIVER = "dbt_training.outbox.tasks.deliver_outbox"


class Sink:
    """An SMTP server's handler that keeps the Message-IDs it accepted, in order."""

    def __init__(self):
        self.message_ids = []

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=default_policy)
        self.message_ids.append(message["Message-ID"])
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_sink(settings):
    sink = Sink()
    with relay(sink, settings):
        yield sink


@pytest.fixture
def broker(redis_server):
    """Celery's broker is the test's own Redis and tasks no longer run inline; restored after."""
    names = ("task_always_eager", "broker_url")
    before = {name: app.conf[name] for name in names}
    app.conf.update(task_always_eager=False, broker_url=redis_server.url)
    reset_connections(app)
    try:
        yield redis_server
    finally:
        app.conf.update(before)
        reset_connections(app)


class Records(logging.Handler):
    """Kept on the logger itself: a worker's logging setup takes pytest's handlers off the root."""

    def __init__(self, level=logging.CRITICAL):
        super().__init__(level)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@contextmanager
def running_worker(**options):
    """A real worker in a thread (solo pool, the default queue); yields it, and the names of the
    tasks it finished, in order. Its unrecoverable errors are kept in `worker.unrecoverable`."""
    from celery.contrib.testing.worker import start_worker

    finished, errors = [], Records()

    def record(sender=None, **kwargs):
        finished.append(sender.name)
        connections.close_all()  # the worker thread's own, so the test database can go

    worker_log = logging.getLogger("celery.worker")  # "Unrecoverable error: …"
    worker_log.addHandler(errors)
    task_postrun.connect(record, weak=False)
    try:
        with start_worker(
            app, pool="solo", perform_ping_check=False, loglevel="WARNING", **options
        ) as worker:
            worker.unrecoverable = errors.records
            yield worker, finished
    finally:
        task_postrun.disconnect(record)
        worker_log.removeHandler(errors)


def running(worker) -> bool:
    return worker.exitcode is None and worker.blueprint.state == bootsteps.RUN


def wait_for(condition, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def unacked(server) -> int:
    """Messages a worker took from Redis and has not acknowledged (kombu's `unacked` hash)."""
    client = server.client()
    try:
        return client.hlen("unacked")
    finally:
        client.close()


def write_emails(prefix: str, count: int) -> list[int]:
    """Outbox rows written as a service writes them: in a transaction, delivery queued after it."""
    with transaction.atomic():
        services.enqueue(
            [
                services.Email(
                    kind="announcement",
                    key=f"{prefix}:{n}",
                    to=f"{prefix}{n}@example.org",
                    subject=f"{prefix} {n}",
                    text="Hello",
                )
                for n in range(count)
            ]
        )
    return list(
        OutgoingEmail.objects.filter(key__startswith=f"{prefix}:")
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def message_ids(pks: list[int]) -> list[str]:
    return [f"<outbox-{pk}@testserver>" for pk in pks]


def hold_a_countdown_task(server) -> None:
    """The worker takes a task due in an hour and holds it, unacknowledged, until then (what the
    reminder task's former self-retry did)."""
    deliver_outbox.apply_async(countdown=3600)
    assert wait_for(lambda: unacked(server) == 1, 10), "the worker did not take the task"


def test_celerys_own_consumer_exits_when_redis_drops_under_a_held_message(broker):
    from celery.worker.consumer import Consumer

    with running_worker(consumer_cls=Consumer) as (worker, finished):
        hold_a_countdown_task(broker)

        broker.kill()

        # A generous deadline: on a loaded machine the stock consumer takes a while to give up.
        assert wait_for(lambda: not running(worker), 60), "kombu no longer stops the worker"
        errors = [record.getMessage() for record in worker.unrecoverable]
        assert errors == [
            "Unrecoverable error: AttributeError(\"'NoneType' object has no attribute 'hostname'\")"
        ]
        assert worker.exitcode == 1


def test_worker_survives_a_redis_restart_and_delivers_what_waited_once(broker, smtp_sink):
    with running_worker() as (worker, finished):
        assert isinstance(worker.consumer, SurvivingConsumer)
        # Before: mail goes as usual.
        before = write_emails("before", 2)
        assert wait_for(lambda: len(smtp_sink.message_ids) == 2)
        # The delivery that sent them has ended: on a busy machine it could otherwise still be
        # looking for pending rows and send the next ones before the outage is staged.
        assert wait_for(lambda: DELIVER in finished)
        hold_a_countdown_task(broker)

        broker.kill()  # SIGKILL, nothing saved: the queues and the held message are gone

        # While Redis is down the change is committed and its emails wait in the outbox; queueing
        # their delivery fails, is logged, and fails nothing.
        queue_log, warnings = logging.getLogger("dbt_training.core.queue"), Records(logging.WARNING)
        queue_log.addHandler(warnings)
        started = time.monotonic()
        try:
            during = write_emails("during", 3)
        finally:
            queue_log.removeHandler(warnings)
        assert time.monotonic() - started < 10
        assert [record.getMessage() for record in warnings.records] == [
            "Could not queue dbt_training.outbox.tasks.deliver_outbox now; "
            "the periodic sweep will do it."
        ]
        assert OutgoingEmail.objects.filter(pk__in=during, status=OutboxStatus.PENDING).count() == 3
        # The worker keeps trying to reconnect rather than exit.
        time.sleep(3)
        assert running(worker), [r.getMessage() for r in worker.unrecoverable]

        broker.start()  # on the same port, empty
        restarted = timezone.now()
        # The sweep: django-celery-beat sends this task every minute; here, once, at once.
        app.send_task(DELIVER)

        assert wait_for(lambda: len(smtp_sink.message_ids) == 5, 60), smtp_sink.message_ids
        time.sleep(1)  # anything sent twice would arrive now
        assert running(worker)
        assert worker.unrecoverable == []

        # And it goes on working: more mail after the outage goes at once.
        after = write_emails("after", 1)
        assert wait_for(lambda: len(smtp_sink.message_ids) == 6, 30), smtp_sink.message_ids

    assert smtp_sink.message_ids[:2] == message_ids(before)
    assert sorted(smtp_sink.message_ids) == sorted(message_ids(before + during + after))
    assert len(set(smtp_sink.message_ids)) == 6  # each exactly once
    assert set(OutgoingEmail.objects.values_list("status", "attempts")) == {("sent", 1)}
    assert Heartbeat.last(Heartbeat.WORKER) >= restarted
