"""Exactly once under concurrency, on PostgreSQL's row locks: two send tasks on the same ids,
and beat firing the scan twice at once. Each thread has its own database connection."""

import pytest
import time_machine
from django.core import mail
from django.db import connection

from reminders import delivery, scan, tasks
from reminders.models import Reminder
from tests.factories import UserFactory
from tests.threads import run_together

from .conftest import at

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("cohort_and_session_sources_only"),
]

NOW = at(2027, 3, 1, 16)


@pytest.fixture
def postgres():
    if connection.vendor != "postgresql":
        pytest.skip(
            "row locks (select_for_update skip_locked) are what is under test; SQLite has none"
        )


@pytest.fixture
def trainees(enroll, session_at):
    session_at(at(2027, 3, 2, 15))
    return [
        enroll(UserFactory(email=f"trainee{n:02}@example.org", verified_email=False))
        for n in range(40)
    ]


def test_two_send_batches_at_once_on_the_same_ids_send_each_reminder_once(postgres, trainees):
    ready = scan.scan(now=NOW).ready_ids
    assert len(ready) == 40

    first, second = run_together([lambda: delivery.send_batch(reminder_ids=ready, now=NOW)] * 2)

    assert sorted(first.sent + second.sent) == ready
    assert set(first.sent) & set(second.sent) == set()
    assert first.retry + second.retry + first.failed + second.failed == []
    assert sorted(m.to[0] for m in mail.outbox) == [f"trainee{n:02}@example.org" for n in range(40)]
    assert sorted(m.extra_headers["Message-ID"] for m in mail.outbox) == sorted(
        f"<reminder-{pk}@testserver>" for pk in ready
    )
    assert set(Reminder.objects.values_list("status", "attempts")) == {("sent", 1)}


def test_scan_fired_twice_at_once_records_and_sends_each_reminder_once(postgres, trainees):
    def beat():
        # As the periodic task runs it (eager here): scan, then one send task per chunk.
        return tasks.scan_reminders.apply().result

    with time_machine.travel(NOW, tick=False):
        queued = run_together([beat, beat])

    # Each scan queues what it saw pending; the row locks sort out who sends what.
    assert 40 <= sum(queued) <= 80
    assert Reminder.objects.count() == 40
    assert sorted(m.to[0] for m in mail.outbox) == [f"trainee{n:02}@example.org" for n in range(40)]
    assert set(Reminder.objects.values_list("kind", "status", "attempts")) == {
        ("live_session_24h", "sent", 1)
    }
