"""The periodic scan: which live-session and cohort-start reminders it records, once each, and
which rows it hands to the send tasks."""

import datetime as dt
import math

import pytest
import time_machine
from django.core import mail
from django.db import connection

from courses.models import EnrollmentStatus
from reminders import delivery, scan, tasks
from reminders.models import CohortReminderSwitch, EmailOptOut, Reminder, ReminderStatus
from reminders.registry import Due
from tests.factories import CohortFactory, UserFactory

from .conftest import at

pytestmark = pytest.mark.usefixtures("cohort_and_session_sources_only")


def rows():
    return list(
        Reminder.objects.order_by("enrollment_id", "kind", "key").values_list(
            "enrollment_id", "kind", "key", "due_at", "status"
        )
    )


def session_key(session) -> str:
    return f"session:{session.pk}:{session.starts_at:%Y%m%dT%H%M%SZ}"


def test_live_session_23_hours_away_records_a_24h_reminder_per_active_enrollment(
    cohort, course, enroll, trainee, other_trainee, session_at
):
    session = session_at(at(2027, 3, 2, 15))
    first, second = enroll(trainee), enroll(other_trainee)
    enroll(UserFactory(), status=EnrollmentStatus.WAITLISTED)
    enroll(UserFactory(), status=EnrollmentStatus.WITHDRAWN)
    enroll(UserFactory(), status=EnrollmentStatus.INVITED)
    enroll(UserFactory(), status=EnrollmentStatus.COMPLETED)
    elsewhere = CohortFactory(course=course, starts_on=dt.date(2027, 1, 4))
    enroll(UserFactory(), in_cohort=elsewhere)

    result = scan.scan(now=at(2027, 3, 1, 16))

    key = session_key(session)
    assert rows() == [
        (first.pk, "live_session_24h", key, at(2027, 3, 1, 15), "pending"),
        (second.pk, "live_session_24h", key, at(2027, 3, 1, 15), "pending"),
    ]
    reminders = list(Reminder.objects.order_by("pk"))
    assert result.ready_ids == [r.pk for r in reminders]
    assert [r.payload for r in reminders] == [
        {
            "title": "Skills group: mindfulness",
            "at": "2027-03-02T15:00:00+00:00",
            "minutes": 90,
            "path": f"/learn/{cohort.pk}/#session-{session.pk}",
            "detail": "Online",
            "session_id": session.pk,
        }
    ] * 2
    assert [(r.attempts, r.next_attempt_at, r.created_at) for r in reminders] == [
        (0, at(2027, 3, 1, 16), at(2027, 3, 1, 16))
    ] * 2


def test_scan_twice_records_nothing_new(enroll, trainee, other_trainee, session_at):
    session_at(at(2027, 3, 2, 15))
    enroll(trainee), enroll(other_trainee)
    first = scan.scan(now=at(2027, 3, 1, 16))
    recorded = rows()

    second = scan.scan(now=at(2027, 3, 1, 16, 5))

    assert len(first.recorded) == 2
    assert second.recorded == []
    assert rows() == recorded
    # Not sent yet, so still ready: the sweep that picks up what a dead worker left.
    assert second.ready_ids == first.ready_ids


def test_scan_task_twice_queues_and_sends_nothing_the_second_time(
    monkeypatch, enroll, trainee, other_trainee, session_at
):
    session_at(at(2027, 3, 2, 15))
    enroll(trainee), enroll(other_trainee)
    queued = []
    send = tasks.send_reminder_batch.delay

    def record_and_send(chunk):
        queued.append(chunk)
        return send(chunk)

    monkeypatch.setattr(tasks.send_reminder_batch, "delay", record_and_send)

    with time_machine.travel(at(2027, 3, 1, 16), tick=False):
        first = tasks.scan_reminders.delay().get()
    with time_machine.travel(at(2027, 3, 1, 16, 5), tick=False):
        second = tasks.scan_reminders.delay().get()

    ids = list(Reminder.objects.order_by("pk").values_list("pk", flat=True))
    assert (first, second) == (2, 0)
    assert queued == [ids]
    assert sorted(m.to[0] for m in mail.outbox) == ["dana@example.org", "sam@example.org"]
    assert set(Reminder.objects.values_list("status", "sent_at")) == {("sent", at(2027, 3, 1, 16))}


def test_scan_splits_ready_rows_into_chunks_of_one_hundred(cohort, enroll, session_at):
    session_at(at(2027, 3, 2, 15))
    for n in range(205):
        enroll(UserFactory(email=f"trainee{n}@example.org", verified_email=False))

    result = scan.scan(now=at(2027, 3, 1, 16))

    ids = list(Reminder.objects.order_by("pk").values_list("pk", flat=True))
    assert [len(chunk) for chunk in result.chunks()] == [100, 100, 5]
    assert sum(result.chunks(), []) == ids


def test_live_session_30_minutes_away_records_only_the_1h_reminder(enrollment, session_at):
    session = session_at(at(2027, 3, 2, 15))

    scan.scan(now=at(2027, 3, 2, 14, 30))

    assert rows() == [
        (enrollment.pk, "live_session_1h", session_key(session), at(2027, 3, 2, 14), "pending")
    ]


def test_live_session_24h_then_1h_reminders_are_two_rows(enrollment, session_at):
    session = session_at(at(2027, 3, 2, 15))

    scan.scan(now=at(2027, 3, 1, 15))
    scan.scan(now=at(2027, 3, 2, 13, 59))  # 61 minutes before: the 24 h one is recorded
    scan.scan(now=at(2027, 3, 2, 14))

    key = session_key(session)
    assert rows() == [
        (enrollment.pk, "live_session_1h", key, at(2027, 3, 2, 14), "pending"),
        (enrollment.pk, "live_session_24h", key, at(2027, 3, 1, 15), "pending"),
    ]


def test_live_session_more_than_24_hours_away_records_nothing(enrollment, session_at):
    session_at(at(2027, 3, 2, 15))

    assert scan.scan(now=at(2027, 3, 1, 14, 59)).recorded == []
    assert rows() == []


def test_live_session_that_has_started_records_nothing(enrollment, session_at):
    session_at(at(2027, 3, 2, 15))

    result = scan.scan(now=at(2027, 3, 2, 15))

    assert (result.recorded, result.ready_ids, rows()) == ([], [], [])


def test_moved_live_session_is_announced_again(enrollment, session_at):
    session = session_at(at(2027, 3, 2, 15))
    scan.scan(now=at(2027, 3, 1, 16))
    old_key = session_key(session)

    session.starts_at = at(2027, 3, 2, 18)
    session.save()
    result = scan.scan(now=at(2027, 3, 1, 18))

    new_key = session_key(session)
    assert new_key == f"session:{session.pk}:20270302T180000Z"
    assert [(d.kind, d.key, d.due_at) for d in result.recorded] == [
        ("live_session_24h", new_key, at(2027, 3, 1, 18))
    ]
    assert rows() == [
        (enrollment.pk, "live_session_24h", old_key, at(2027, 3, 1, 15), "pending"),
        (enrollment.pk, "live_session_24h", new_key, at(2027, 3, 1, 18), "pending"),
    ]
    assert Reminder.objects.get(key=new_key).payload["at"] == "2027-03-02T18:00:00+00:00"


def test_cohort_starting_fires_the_day_before_at_the_trainees_daytime(cohort, course, enrollment):
    # Starts 1 March 2027 at midnight in New York (05:00 UTC); the day before begins at
    # 2027-02-28 05:00 UTC, 23:00 CST the evening before for this Chicago trainee: 09:00 CST.
    assert scan.scan(now=at(2027, 2, 28, 14, 59)).recorded == []

    scan.scan(now=at(2027, 2, 28, 15))

    key = f"cohort:{cohort.pk}:starts:2027-03-01"
    assert rows() == [(enrollment.pk, "cohort_starting", key, at(2027, 2, 28, 15), "pending")]
    assert Reminder.objects.get().payload == {
        "title": "DBT Foundations",
        "on": "2027-03-01",
        "path": f"/learn/{cohort.pk}/",
        "detail": "Cohort: Spring 2027",
    }


def test_cohort_starting_is_not_recorded_once_the_cohort_has_started(enrollment):
    assert len(scan.plan(now=at(2027, 3, 1, 4, 59))) == 1  # the last minute before the start

    result = scan.scan(now=at(2027, 3, 1, 5))

    assert (result.recorded, rows()) == ([], [])


def test_kind_switched_off_in_the_cohort_records_nothing(
    cohort, trainer, enroll, trainee, other_trainee, session_at
):
    session_at(at(2027, 3, 2, 15))
    enroll(trainee), enroll(other_trainee)
    CohortReminderSwitch.objects.create(
        cohort=cohort, kind="live_session_24h", switched_off_by=trainer
    )

    on_24h = scan.scan(now=at(2027, 3, 1, 16))
    on_1h = scan.scan(now=at(2027, 3, 2, 14, 30))

    assert on_24h.recorded == []
    assert sorted(r[1] for r in rows()) == ["live_session_1h", "live_session_1h"]
    assert len(on_1h.recorded) == 2


def test_opted_out_trainee_gets_a_row_that_is_never_emailed(
    enroll, trainee, other_trainee, session_at
):
    session_at(at(2027, 3, 2, 15))
    opted_out, emailed = enroll(trainee), enroll(other_trainee)
    EmailOptOut.objects.create(
        user=trainee, kind="live_session_24h", source=EmailOptOut.Source.SETTINGS
    )

    result = scan.scan(now=at(2027, 3, 1, 16))

    assert [(r[0], r[4]) for r in rows()] == [(opted_out.pk, "opted_out"), (emailed.pk, "pending")]
    assert result.ready_ids == [Reminder.objects.get(enrollment=emailed).pk]
    # Even handed the id, delivery leaves it alone.
    delivery.send_batch(
        reminder_ids=list(Reminder.objects.values_list("pk", flat=True)),
        now=at(2027, 3, 1, 16),
    )
    assert [m.to for m in mail.outbox] == [["sam@example.org"]]
    row = Reminder.objects.get(enrollment=opted_out)
    assert (row.status, row.attempts, row.sent_at) == (ReminderStatus.OPTED_OUT, 0, None)


def test_plan_lists_what_is_due_and_records_nothing(cohort, enroll, trainee, session_at):
    session = session_at(at(2027, 3, 2, 15))
    enrollment = enroll(trainee)

    planned = scan.plan(now=at(2027, 3, 1, 16))

    assert planned == [
        Due(
            enrollment.pk,
            cohort.pk,
            trainee.pk,
            "live_session_24h",
            session_key(session),
            at(2027, 3, 1, 15),
        )
    ]
    assert planned[0].payload["title"] == "Skills group: mindfulness"
    assert Reminder.objects.count() == 0


def test_plan_leaves_out_what_is_recorded(enrollment, session_at):
    session_at(at(2027, 3, 2, 15))
    scan.scan(now=at(2027, 3, 1, 16))

    assert scan.plan(now=at(2027, 3, 1, 16, 5)) == []


def insert_statements(rows: int) -> int:
    """INSERTs bulk_create needs for `rows` reminders: batches of scan.INSERT_BATCH, or fewer
    rows where the database limits the parameters of one statement (SQLite: 999)."""
    fields = [f for f in Reminder._meta.concrete_fields if not f.primary_key]
    per_statement = min(scan.INSERT_BATCH, connection.ops.bulk_batch_size(fields, [None] * rows))
    return math.ceil(rows / per_statement)


def test_scan_query_count_does_not_grow_with_trainees_cohorts_or_sessions(
    course, django_assert_max_num_queries, session_at, enroll
):
    def build(cohorts: int, trainees: int):
        for _ in range(cohorts):
            cohort = CohortFactory(course=course, starts_on=dt.date(2027, 1, 4))
            for hour in (15, 16, 17):
                session_at(at(2027, 3, 2, hour), in_cohort=cohort)
            for _ in range(trainees):
                enroll(UserFactory(verified_email=False), in_cohort=cohort)

    # Switches, two per source, recorded keys, opt-outs, the INSERTs, ready ids.
    build(1, 2)
    with django_assert_max_num_queries(8 + insert_statements(6)):
        small = scan.scan(now=at(2027, 3, 1, 18))
    with django_assert_max_num_queries(7):
        scan.scan(now=at(2027, 3, 1, 18, 5))
    Reminder.objects.all().delete()
    build(6, 40)
    with django_assert_max_num_queries(8 + insert_statements(726)):
        large = scan.scan(now=at(2027, 3, 1, 18))
    with django_assert_max_num_queries(7):
        again = scan.scan(now=at(2027, 3, 1, 18, 5))

    assert (len(small.recorded), len(large.recorded), again.recorded) == (6, 726, [])
    assert Reminder.objects.count() == 726
