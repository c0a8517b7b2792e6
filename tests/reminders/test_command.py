"""`manage.py send_reminders [--dry-run]`: the scan and the sends in one process, for
deployments without a broker."""

from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from courses.models import EnrollmentStatus
from reminders import scan
from reminders.models import Reminder

from .conftest import at

pytestmark = pytest.mark.usefixtures("cohort_and_session_sources_only")


@pytest.fixture
def two_due(enroll, auckland, los_angeles, session_at):
    """A live session 23 hours away for two trainees."""
    session_at(at(2027, 3, 2, 15))
    return enroll(auckland), enroll(los_angeles)


def send_reminders(*args, now) -> list[str]:
    out = StringIO()
    with time_machine.travel(now, tick=False):
        call_command("send_reminders", *args, stdout=out)
    return out.getvalue().splitlines()


def test_dry_run_lists_what_would_be_sent_and_changes_nothing(two_due):
    first, second = two_due

    lines = send_reminders("--dry-run", now=at(2027, 3, 1, 16))

    assert lines == [
        f"would send live_session_24h “Skills group: mindfulness” to enrollment {first.pk} "
        "(due 2027-03-01 15:00 UTC)",
        f"would send live_session_24h “Skills group: mindfulness” to enrollment {second.pk} "
        "(due 2027-03-01 15:00 UTC)",
        "Dry run: 2 new reminder(s) due, 0 recorded and waiting; nothing recorded or sent.",
    ]
    assert Reminder.objects.count() == 0
    assert mail.outbox == []


def test_dry_run_counts_recorded_reminders_still_waiting(two_due):
    scan.scan(now=at(2027, 3, 1, 16))

    lines = send_reminders("--dry-run", now=at(2027, 3, 1, 16, 5))

    assert lines == [
        "Dry run: 0 new reminder(s) due, 2 recorded and waiting; nothing recorded or sent."
    ]
    assert set(Reminder.objects.values_list("status", flat=True)) == {"pending"}
    assert mail.outbox == []


def test_run_records_sends_and_prints_the_counts(two_due):
    lines = send_reminders(now=at(2027, 3, 1, 16))

    assert lines == [
        "Recorded 2 new reminder(s); sent 2, not sent 0 (opted out, withdrawn or switched off), "
        "0 to retry, 0 failed.",
        "Outbox: sent 0, 0 to retry, 0 failed.",
    ]
    assert sorted(m.to[0] for m in mail.outbox) == ["aroha@example.org", "lupe@example.org"]
    assert (
        list(Reminder.objects.values_list("status", "sent_at"))
        == [("sent", at(2027, 3, 1, 16))] * 2
    )


def test_run_twice_sends_nothing_the_second_time(two_due):
    send_reminders(now=at(2027, 3, 1, 16))

    lines = send_reminders(now=at(2027, 3, 1, 16, 5))

    assert lines == [
        "Recorded 0 new reminder(s); sent 0, not sent 0 (opted out, withdrawn or switched off), "
        "0 to retry, 0 failed.",
        "Outbox: sent 0, 0 to retry, 0 failed.",
    ]
    assert len(mail.outbox) == 2
    assert Reminder.objects.count() == 2


def test_run_counts_reminders_no_longer_wanted_as_not_sent(two_due):
    first, _ = two_due
    scan.scan(now=at(2027, 3, 1, 16))  # recorded by an earlier run that could not send
    first.status = EnrollmentStatus.WITHDRAWN
    first.save()

    lines = send_reminders(now=at(2027, 3, 1, 16, 5))

    assert lines == [
        "Recorded 0 new reminder(s); sent 1, not sent 1 (opted out, withdrawn or switched off), "
        "0 to retry, 0 failed.",
        "Outbox: sent 0, 0 to retry, 0 failed.",
    ]
    assert [m.to for m in mail.outbox] == [["lupe@example.org"]]
    assert Reminder.objects.get(enrollment=first).status == "cancelled"


def test_run_delivers_the_outbox_too(db):
    """Without a broker, the same command delivers the other emails (announcements, invitations,
    nudges) waiting in the outbox."""
    from dbt_training.outbox.services import Email, enqueue

    # Written in the test's transaction, which never commits: no delivery was queued.
    enqueue([Email(kind="test", key="test:1", to="kai@example.org", subject="Hi", text="Body")])

    lines = send_reminders(now=at(2027, 3, 1, 16))

    assert lines[-1] == "Outbox: sent 1, 0 to retry, 0 failed."
    assert [m.to for m in mail.outbox] == [["kai@example.org"]]
