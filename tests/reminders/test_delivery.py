"""Sending reminders: exactly once whatever runs twice, retries with backoff after a refused
message, one SMTP connection per chunk, what is no longer wanted is not sent, and the email
itself (parts, local times, link, one-click unsubscribe). SMTP tests talk to a real aiosmtpd
server on loopback."""

import pytest
from django.core import mail
from django.urls import resolve

from courses.models import EnrollmentStatus
from reminders import delivery, scan, services, tasks
from reminders.kinds import ReminderKind
from reminders.models import CohortReminderSwitch, EmailOptOut, Reminder, ReminderStatus
from reminders.registry import Due
from tests.factories import UserFactory
from tests.smtp import free_port

from .conftest import at, raw_headers

pytestmark = pytest.mark.usefixtures("cohort_and_session_sources_only")

NOW = at(2027, 3, 1, 16)  # 23 hours before the session at 2027-03-02 15:00 UTC


@pytest.fixture
def session(session_at):
    return session_at(at(2027, 3, 2, 15))


@pytest.fixture
def five(enroll, session):
    """Five active trainees of the cohort, each with a pending 24 h reminder (in id order)."""
    for n in range(5):
        enroll(UserFactory(email=f"trainee{n}@example.org", verified_email=False))
    scan.scan(now=NOW)
    return list(Reminder.objects.order_by("pk"))


def ids(reminders) -> list[int]:
    return [r.pk for r in reminders]


def message_id(reminder) -> str:
    return f"<reminder-{reminder.pk}@testserver>"


def test_two_send_batches_on_the_same_ids_send_once(enroll, trainee, other_trainee, session):
    enroll(trainee), enroll(other_trainee)
    ready = scan.scan(now=NOW).ready_ids

    first = delivery.send_batch(reminder_ids=ready, now=NOW)
    second = delivery.send_batch(reminder_ids=ready, now=at(2027, 3, 1, 16, 1))

    assert (first.sent, first.skipped, first.retry, first.failed) == (ready, [], [], [])
    assert (second.sent, second.skipped, second.retry, second.failed) == ([], [], [], [])
    assert sorted(m.to[0] for m in mail.outbox) == ["dana@example.org", "sam@example.org"]
    assert (
        list(Reminder.objects.values_list("status", "attempts", "sent_at"))
        == [("sent", 1, NOW)] * 2
    )


def test_send_batch_of_nothing_opens_no_connection(smtp_sink):
    assert delivery.send_batch(reminder_ids=[], now=NOW) == delivery.BatchResult()
    assert smtp_sink.connections == 0


def test_a_chunk_goes_through_one_smtp_connection(smtp_sink, five):
    result = delivery.send_batch(reminder_ids=ids(five), now=NOW)

    assert result.sent == ids(five)
    assert smtp_sink.connections == 1
    assert smtp_sink.message_ids == [message_id(r) for r in five]


def test_message_refused_mid_chunk_is_retried_later_and_each_arrives_once(smtp_sink, five):
    smtp_sink.refuse = lambda number, envelope: number == 3  # the third DATA, once

    first = delivery.send_batch(reminder_ids=ids(five), now=NOW)

    third = five[2]
    assert (first.sent, first.retry, first.failed) == (
        [five[0].pk, five[1].pk, five[3].pk, five[4].pk],
        [third.pk],
        [],
    )
    rows = {r.pk: r for r in Reminder.objects.all()}
    assert [(rows[r.pk].status, rows[r.pk].attempts, rows[r.pk].sent_at) for r in five] == [
        ("sent", 1, NOW),
        ("sent", 1, NOW),
        ("pending", 1, None),
        ("sent", 1, NOW),
        ("sent", 1, NOW),
    ]
    assert rows[third.pk].next_attempt_at == at(2027, 3, 1, 16, 1)
    assert rows[third.pk].last_error == "SMTPDataError: (451, b'4.3.0 Try again later')"
    assert smtp_sink.refused == [message_id(third)]
    # The scan's sweep offers it again once its backoff has passed, not before.
    assert scan.scan(now=at(2027, 3, 1, 16, 0, 59)).ready_ids == []
    assert scan.scan(now=at(2027, 3, 1, 16, 1)).ready_ids == [third.pk]

    connections = smtp_sink.connections
    retry = delivery.send_batch(reminder_ids=ids(five), now=at(2027, 3, 1, 16, 1))

    assert (retry.sent, retry.retry, retry.skipped) == ([third.pk], [], [])
    third.refresh_from_db()
    assert (third.status, third.attempts, third.sent_at, third.last_error) == (
        "sent",
        2,
        at(2027, 3, 1, 16, 1),
        "",
    )
    assert smtp_sink.connections - connections == 1
    # Each message arrived exactly once, and the retry kept the Message-ID of the refused try.
    assert sorted(smtp_sink.message_ids) == sorted(message_id(r) for r in five)
    assert smtp_sink.message_ids[-1] == smtp_sink.refused[0]


def test_send_task_retries_the_refused_message_itself(smtp_sink, five, monkeypatch):
    """The send task queues no retry of its own (no countdown message held in a worker): it
    records the refusal with its backoff, and the first scan after the backoff sends it."""
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    smtp_sink.refuse = lambda number, envelope: number == 3
    queued, apply_async = [], tasks.send_reminder_batch.apply_async

    def record_and_queue(*args, **kwargs):
        queued.append(kwargs.get("countdown"))
        return apply_async(*args, **kwargs)

    monkeypatch.setattr(tasks.send_reminder_batch, "apply_async", record_and_queue)
    start = timezone.now()

    # Eager here: a retry queued by the task itself would run at once.
    sent = tasks.send_reminder_batch.delay(ids(five)).get()

    assert (sent, queued) == (4, [None])  # the call above, and nothing queued by the task
    third = Reminder.objects.get(pk=five[2].pk)
    assert (third.status, third.attempts, third.sent_at) == ("pending", 1, None)
    assert start + delivery.backoff(1) <= third.next_attempt_at
    assert third.next_attempt_at <= timezone.now() + delivery.backoff(1)
    assert smtp_sink.refused == [message_id(five[2])]
    # A scan before the backoff has passed offers nothing and sends nothing.
    with time_machine.travel(third.next_attempt_at - timedelta(seconds=1), tick=False):
        assert tasks.scan_reminders.delay().get() == 0
    assert (len(smtp_sink.accepted), queued) == (4, [None])

    # The first scan after it (eager: its send task runs at once) sends it, once.
    with time_machine.travel(third.next_attempt_at, tick=False):
        assert tasks.scan_reminders.delay().get() == 1

    assert queued == [None, None]
    assert sorted(smtp_sink.message_ids) == sorted(message_id(r) for r in five)
    assert smtp_sink.refused == [message_id(five[2])]
    assert smtp_sink.message_ids[-1] == smtp_sink.refused[0]
    assert list(Reminder.objects.order_by("pk").values_list("status", "attempts")) == [
        ("sent", 1),
        ("sent", 1),
        ("sent", 2),
        ("sent", 1),
        ("sent", 1),
    ]


def test_a_refusing_relay_is_tried_with_growing_waits_until_the_reminder_is_too_late(
    smtp_sink, enroll, trainee, session
):
    enroll(trainee)
    smtp_sink.refuse = lambda number, envelope: True
    now, waits = NOW, []
    ready = scan.scan(now=now).ready_ids
    reminder = Reminder.objects.get()

    while reminder.pk in ready:
        delivery.send_batch(reminder_ids=[reminder.pk], now=now)
        reminder.refresh_from_db()
        if reminder.status != ReminderStatus.PENDING:
            break
        waits.append(int((reminder.next_attempt_at - now).total_seconds() // 60))
        now = reminder.next_attempt_at
        ready = scan.scan(now=now).ready_ids

    # Hourly after the doubling, as mail servers do; the session starts at 15:00 the next day.
    assert waits == [1, 2, 4, 8, 16, 32] + [60] * 22
    assert now == at(2027, 3, 2, 15, 3)
    assert (reminder.status, reminder.attempts, reminder.last_error) == (
        ReminderStatus.CANCELLED,
        28,
        "Too late to send: its moment has passed.",
    )
    assert (smtp_sink.accepted, smtp_sink.data_commands) == ([], 28)


def test_after_max_attempts_the_reminder_is_failed_and_no_longer_offered(
    smtp_sink, enroll, trainee, session
):
    enroll(trainee)
    smtp_sink.refuse = lambda number, envelope: True
    ready = scan.scan(now=NOW).ready_ids
    Reminder.objects.update(attempts=delivery.MAX_ATTEMPTS - 1)  # every try but the last failed

    delivery.send_batch(reminder_ids=ready, now=NOW)

    reminder = Reminder.objects.get()
    assert (reminder.status, reminder.attempts, reminder.sent_at, reminder.last_error) == (
        ReminderStatus.FAILED,
        delivery.MAX_ATTEMPTS,
        None,
        "SMTPDataError: (451, b'4.3.0 Try again later')",
    )
    assert scan.scan(now=at(2027, 3, 1, 18)).ready_ids == []
    assert delivery.send_batch(reminder_ids=[reminder.pk], now=at(2027, 3, 1, 18)).sent == []
    assert (smtp_sink.accepted, smtp_sink.data_commands) == ([], 1)


def test_connection_refused_is_recorded_and_retried(settings, enroll, trainee, session):
    enroll(trainee)
    ready = scan.scan(now=NOW).ready_ids
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nobody listens

    result = delivery.send_batch(reminder_ids=ready, now=NOW)

    reminder = Reminder.objects.get()
    assert result.retry == ready
    assert (reminder.status, reminder.attempts, reminder.next_attempt_at) == (
        "pending",
        1,
        at(2027, 3, 1, 16, 1),
    )
    assert reminder.last_error == "ConnectionRefusedError: [Errno 111] Connection refused"


@pytest.mark.parametrize(
    ("status", "note"),
    [
        (EnrollmentStatus.WITHDRAWN, "Enrollment is withdrawn."),
        (EnrollmentStatus.COMPLETED, "Enrollment is completed."),
        (EnrollmentStatus.WAITLISTED, "Enrollment is waitlisted."),
    ],
)
def test_enrollment_no_longer_active_between_scan_and_send_is_cancelled(
    enroll, trainee, session, status, note
):
    enrollment = enroll(trainee)
    ready = scan.scan(now=NOW).ready_ids
    enrollment.status = status
    enrollment.save()

    result = delivery.send_batch(reminder_ids=ready, now=NOW)

    assert (result.sent, result.skipped) == ([], ready)
    assert mail.outbox == []
    reminder = Reminder.objects.get()
    assert (reminder.status, reminder.last_error, reminder.attempts, reminder.sent_at) == (
        ReminderStatus.CANCELLED,
        note,
        0,
        None,
    )


def test_kind_switched_off_between_scan_and_send_is_cancelled(
    cohort, trainer, enroll, trainee, session
):
    enroll(trainee)
    ready = scan.scan(now=NOW).ready_ids
    CohortReminderSwitch.objects.create(
        cohort=cohort, kind="live_session_24h", switched_off_by=trainer
    )

    result = delivery.send_batch(reminder_ids=ready, now=NOW)

    assert (result.sent, result.skipped, mail.outbox) == ([], ready, [])
    reminder = Reminder.objects.get()
    assert (reminder.status, reminder.last_error, reminder.attempts) == (
        ReminderStatus.CANCELLED,
        "Switched off for the cohort.",
        0,
    )


def test_opt_out_between_scan_and_send_is_not_emailed(enroll, trainee, other_trainee, session):
    enroll(trainee), enroll(other_trainee)
    ready = scan.scan(now=NOW).ready_ids
    EmailOptOut.objects.create(
        user=trainee, kind="live_session_24h", source=EmailOptOut.Source.UNSUBSCRIBE
    )

    result = delivery.send_batch(reminder_ids=ready, now=NOW)

    assert [m.to for m in mail.outbox] == [["sam@example.org"]]
    mine = Reminder.objects.get(enrollment__user=trainee)
    assert (result.skipped, result.sent) == (
        [mine.pk],
        [Reminder.objects.get(enrollment__user=other_trainee).pk],
    )
    assert (mine.status, mine.last_error, mine.attempts, mine.sent_at) == (
        ReminderStatus.OPTED_OUT,
        "",
        0,
        None,
    )


def test_opt_out_of_another_kind_still_emails_this_one(enroll, trainee, session):
    enroll(trainee)
    EmailOptOut.objects.create(
        user=trainee, kind="live_session_1h", source=EmailOptOut.Source.SETTINGS
    )

    delivery.send_batch(reminder_ids=scan.scan(now=NOW).ready_ids, now=NOW)

    assert [m.to for m in mail.outbox] == [["dana@example.org"]]


def test_email_has_both_parts_the_local_time_a_link_and_a_one_click_unsubscribe(
    smtp_sink, cohort, enroll, trainee, session
):
    enroll(trainee)
    delivery.send_batch(reminder_ids=scan.scan(now=NOW).ready_ids, now=NOW)

    reminder = Reminder.objects.get()
    [message] = smtp_sink.accepted
    link = f"http://testserver/learn/{cohort.pk}/#session-{session.pk}"
    unsubscribe = (
        f"http://testserver/notifications/unsubscribe/{delivery.unsubscribe_token(reminder)}/"
    )
    # Django folds the encoded subject onto its own line; the parser keeps that line's space.
    assert message["Subject"].strip() == (
        "[Spring 2027] Live session coming up: “Skills group: mindfulness”"
    )
    assert (message["From"], message["To"]) == (
        "DBT Training <training@example.org>",
        "dana@example.org",
    )
    assert message["Message-ID"] == f"<reminder-{reminder.pk}@testserver>"
    # RFC 8058 headers as sent: plain ASCII (no encoded words), however they were folded.
    assert raw_headers(message)["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert raw_headers(message)["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Auto-Submitted"] == "auto-generated"
    assert resolve(unsubscribe.removeprefix("http://testserver")).view_name == (
        "reminders:unsubscribe"
    )
    assert message.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in message.iter_parts()] == [
        "text/plain",
        "text/html",
    ]
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    lines = text.splitlines()
    for line in [
        "Hello Dana Rivera,",
        "A reminder: the live session “Skills group: mindfulness” is coming up.",
        "When: Tuesday 2 March 2027, 09:00 CST (America/Chicago), for 90 minutes",
        "Online",
        link,
        "DBT Foundations · Spring 2027",
        f"Stop emails like this (Live session (24 hours before)): {unsubscribe}",
        "All notification settings: http://testserver/notifications/settings/",
    ]:
        assert line in lines
    assert "Tuesday 2 March 2027, 09:00 CST (America/Chicago)" in html
    assert "Skills group: mindfulness" in html
    assert "Spring 2027" in html
    assert f'<a href="{link}">Open it in DBT Foundations</a>' in html
    assert f'<a href="{unsubscribe}">' in html


def test_message_id_is_the_same_every_time_the_email_is_built(enrollment, session):
    scan.scan(now=NOW)
    reminder = Reminder.objects.select_related("enrollment__user", "enrollment__cohort").get()

    first, second = delivery.build_message(reminder), delivery.build_message(reminder)

    assert first.extra_headers["Message-ID"] == second.extra_headers["Message-ID"]
    assert first.message()["Message-ID"] == f"<reminder-{reminder.pk}@testserver>"


def test_auckland_and_los_angeles_emails_show_their_own_wall_clock(
    smtp_sink, enroll, auckland, los_angeles, session
):
    enroll(auckland), enroll(los_angeles)

    delivery.send_batch(reminder_ids=scan.scan(now=NOW).ready_ids, now=NOW)

    when = {
        m["To"]: next(
            line
            for line in m.get_body(("plain",)).get_content().splitlines()
            if line.startswith("When:")
        )
        for m in smtp_sink.accepted
    }
    assert when == {
        "aroha@example.org": (
            "When: Wednesday 3 March 2027, 04:00 NZDT (Pacific/Auckland), for 90 minutes"
        ),
        "lupe@example.org": (
            "When: Tuesday 2 March 2027, 07:00 PST (America/Los Angeles), for 90 minutes"
        ),
    }


def test_email_after_the_dst_change_shows_daylight_time(enroll, los_angeles, session_at):
    session_at(at(2027, 3, 15, 16))
    enroll(los_angeles)

    delivery.send_batch(reminder_ids=scan.scan(now=at(2027, 3, 14, 16)).ready_ids)

    assert "When: Monday 15 March 2027, 09:00 PDT (America/Los Angeles), for 90 minutes" in (
        mail.outbox[0].body.splitlines()
    )


def test_send_batch_queries_per_reminder_do_not_grow_with_the_batch(
    django_assert_max_num_queries, enroll, session
):
    # By design per reminder: a short claim transaction (lock, check, lease) before the SMTP
    # talk and a one-statement mark after it, so a worker that dies mid-chunk leaves at most one
    # message unmarked and no transaction stays open while the relay answers. Per batch:
    # switches, opt-outs, and the live sessions' current starts (two queries).
    enroll(UserFactory(verified_email=False)), enroll(UserFactory(verified_email=False))
    small = scan.scan(now=NOW).ready_ids
    with django_assert_max_num_queries(4 + 5 * 2):
        assert len(delivery.send_batch(reminder_ids=small, now=NOW).sent) == 2

    for _ in range(20):
        enroll(UserFactory(verified_email=False))
    large = scan.scan(now=at(2027, 3, 1, 16, 5)).ready_ids
    with django_assert_max_num_queries(4 + 5 * 20):
        assert len(delivery.send_batch(reminder_ids=large, now=NOW).sent) == 20


@pytest.mark.parametrize("change", ["moved", "deleted"])
def test_a_session_moved_or_cancelled_after_the_scan_is_not_announced_with_the_old_time(
    enrollment, session, change, mailoutbox
):
    [reminder_id] = scan.scan(now=NOW).ready_ids
    if change == "moved":
        session.starts_at = at(2027, 3, 2, 14)
        session.save(update_fields=["starts_at"])
    else:
        session.delete()
    result = delivery.send_batch(reminder_ids=[reminder_id], now=NOW)
    assert (result.sent, result.skipped) == ([], [reminder_id])
    reminder = Reminder.objects.get(pk=reminder_id)
    assert (reminder.status, reminder.last_error) == (
        "cancelled",
        "The live session was moved or cancelled.",
    )
    assert mailoutbox == []
    if change == "moved":  # the next scan announces the new time
        [new_id] = scan.scan(now=NOW).ready_ids
        assert delivery.send_batch(reminder_ids=[new_id], now=NOW).sent == [new_id]
        assert "Tuesday 2 March 2027, 08:00 CST" in mailoutbox[0].body


def test_a_reminder_still_waiting_after_its_moment_is_cancelled_not_sent(
    enrollment, session, mailoutbox
):
    # Recorded 59 minutes before the start; its worker died. The sweep three hours later must
    # not say "starts in one hour".
    [reminder_id] = scan.scan(now=at(2027, 3, 2, 14, 1)).ready_ids
    late = at(2027, 3, 2, 18)
    assert scan.scan(now=late).ready_ids == [reminder_id]
    result = delivery.send_batch(reminder_ids=[reminder_id], now=late)
    assert (result.sent, result.skipped) == ([], [reminder_id])
    reminder = Reminder.objects.get()
    assert (reminder.kind, reminder.status, reminder.last_error) == (
        "live_session_1h",
        "cancelled",
        "Too late to send: its moment has passed.",
    )
    assert reminder.expires_at == at(2027, 3, 2, 15)
    assert mailoutbox == []


def test_a_deactivated_account_is_not_emailed(enroll, trainee, other_trainee, session, mailoutbox):
    enroll(trainee), enroll(other_trainee)
    ready = scan.scan(now=NOW).ready_ids
    trainee.is_active = False
    trainee.save(update_fields=["is_active"])
    result = delivery.send_batch(reminder_ids=ready, now=NOW)
    assert len(result.sent) == 1 and len(result.skipped) == 1
    assert [m.to for m in mailoutbox] == [[other_trainee.email]]
    assert (
        Reminder.objects.get(enrollment__user=trainee).last_error == "The account is deactivated."
    )
    # And the next scans record nothing for them.
    Reminder.objects.all().delete()
    scan.scan(now=NOW)
    assert list(Reminder.objects.values_list("enrollment__user__email", flat=True)) == [
        other_trainee.email
    ]


def test_a_reminder_that_cannot_be_built_fails_alone_and_the_chunk_goes_on(five, mailoutbox):
    broken = five[0]
    broken.payload = {**broken.payload, "on": "not-a-date"}
    broken.save(update_fields=["payload"])
    result = delivery.send_batch(reminder_ids=ids(five), now=NOW)
    assert result.sent == ids(five)[1:]
    assert result.retry == [broken.pk]
    broken.refresh_from_db()
    assert (broken.status, broken.attempts, broken.next_attempt_at) == (
        "pending",
        1,
        at(2027, 3, 1, 16, 1),
    )
    assert broken.last_error.startswith("ValueError: ")
    for _ in range(2, delivery.MAX_ATTEMPTS + 1):
        delivery.send_batch(reminder_ids=[broken.pk], now=NOW)
    broken.refresh_from_db()
    assert (broken.status, broken.attempts) == ("failed", delivery.MAX_ATTEMPTS)
    assert len(mailoutbox) == 4


def test_a_trainee_whose_zone_does_not_load_gets_utc_and_nobody_else_is_held_up(
    enroll, trainee, other_trainee, session, mailoutbox
):
    from dbt_training.users.models import User

    enroll(trainee), enroll(other_trainee)
    User.objects.filter(pk=trainee.pk).update(time_zone="Mars/Olympus_Mons")
    result = delivery.send_batch(reminder_ids=scan.scan(now=NOW).ready_ids, now=NOW)
    assert len(result.sent) == 2
    [odd] = [m for m in mailoutbox if m.to == [trainee.email]]
    assert "When: Tuesday 2 March 2027, 15:00 UTC, for 90 minutes" in odd.body


def test_a_reminder_claimed_by_a_worker_that_died_is_sent_once_its_lease_runs_out(
    enrollment, session, mailoutbox
):
    [reminder_id] = scan.scan(now=NOW).ready_ids
    result = delivery.BatchResult()
    checks = delivery.checks_for([reminder_id])
    assert delivery._claim(reminder_id, result, NOW, checks) is not None  # then the worker dies

    assert delivery.send_batch(reminder_ids=[reminder_id], now=NOW).sent == []
    assert Reminder.objects.ready_to_send(NOW).count() == 0  # leased: no sweep takes it
    later = NOW + delivery.LEASE + delivery.backoff(1)
    assert list(Reminder.objects.ready_to_send(later).values_list("pk", flat=True)) == [reminder_id]
    assert delivery.send_batch(reminder_ids=[reminder_id], now=later).sent == [reminder_id]
    assert delivery.send_batch(reminder_ids=[reminder_id], now=later).sent == []

    reminder = Reminder.objects.get()
    assert (reminder.status, reminder.attempts, reminder.lease_until) == ("sent", 2, None)
    assert len(mailoutbox) == 1


def test_a_grade_released_while_the_broker_is_down_is_emailed_by_the_next_sweep(
    enrollment, mailoutbox, unreachable_broker, django_capture_on_commit_callbacks
):
    """The release commits and answers as usual; its reminder waits, pending, for the sweep."""
    due = Due(
        enrollment.pk,
        enrollment.cohort_id,
        enrollment.user_id,
        ReminderKind.GRADE_RELEASED,
        "grade:1",
        NOW,
        {"title": "Chain analysis", "path": "/dashboard/"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        ids = services.notify(dues=[due], now=NOW)

    assert mailoutbox == []
    assert list(Reminder.objects.values_list("pk", "status")) == [(ids[0], "pending")]
    assert list(Reminder.objects.ready_to_send(NOW).values_list("pk", flat=True)) == ids
    assert delivery.send_batch(reminder_ids=ids, now=NOW).sent == ids
    assert [m.to for m in mailoutbox] == [[enrollment.user.email]]
