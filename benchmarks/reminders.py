"""Reminders for 10,000 enrollments: scan, enqueue and deliver through two real Celery worker
processes to an SMTP sink on loopback, with the scan fired twice at once (beat firing twice).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dbt_bench_reminders \\
    REDIS_URL=redis://127.0.0.1:6379/3 \\
        .venv/bin/python -m benchmarks.reminders [--enrollments 10000] [--cohorts 20] \\
        [--workers 2] [--timeout 900]

Builds a throwaway database (`test_<name>`) with the enrollments spread over the cohorts, each
cohort with a live session 23 hours ahead, and no other due work (no modules, no quizzes, the
cohorts started yesterday, so no inactivity either). Starts an aiosmtpd sink in this process
and `--workers` worker processes (`celery -A dbt_training worker -c 1`, the project's own
settings, `EMAIL_URL=smtp://127.0.0.1:<port>`), queues `scan_reminders` twice at once and waits
until the sink holds one message per enrollment. Reports each scan's time in its worker, the
time to deliver everything, messages per second, duplicates (Message-IDs seen more than once),
the reminder rows and the tasks each worker ran. REDIS_URL should name a Redis database no one
else uses (workers take every task of the default queue there): it refuses to start when
another worker answers on it.
"""

import argparse
import collections
import datetime
import logging
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dbt_training.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

BATCH = 2000
BARE_MESSAGES = 2000
ZONES = ["America/Los_Angeles", "America/New_York", "Europe/London", "Pacific/Auckland"]
MESSAGE_ID = re.compile(rb"^Message-ID:\s*(<[^>]+>)", re.IGNORECASE | re.MULTILINE)
SUCCEEDED = re.compile(r"Task (\S+)\[[^\]]+\] succeeded in ([\d.]+)s: (\d+)")


class Sink:
    """Counts what arrives and by Message-ID; keeps no message (10,000 of them)."""

    def __init__(self):
        self.received = 0
        self.message_ids = collections.Counter()
        self.first_at = self.last_at = None

    async def handle_DATA(self, server, session, envelope):
        found = MESSAGE_ID.search(envelope.content)
        self.message_ids[found.group(1) if found else b""] += 1
        self.received += 1
        self.last_at = time.monotonic()
        self.first_at = self.first_at or self.last_at
        return "250 Message accepted for delivery"


def build(*, enrollments: int, cohorts: int, starts_at: datetime.datetime) -> None:
    from courses.models import Cohort, Course, Enrollment, LiveSession
    from dbt_training.users.models import User

    course = Course.objects.create(slug="bench", title="DBT Foundations", summary="Bench")
    today = timezone.localdate()
    made = Cohort.objects.bulk_create(
        Cohort(
            course=course,
            name=f"Cohort {n:02}",
            starts_on=today - datetime.timedelta(days=1),
            ends_on=today + datetime.timedelta(days=90),
            time_zone=ZONES[n % len(ZONES)],
            status="open",
        )
        for n in range(cohorts)
    )
    LiveSession.objects.bulk_create(
        LiveSession(
            cohort=cohort,
            kind="skills_group_practice",
            title="Skills group: mindfulness",
            starts_at=starts_at,
            join_url="https://meet.example.org/skills",
        )
        for cohort in made
    )
    users = User.objects.bulk_create(
        (
            User(
                email=f"trainee{i:05}@example.org",
                full_name=f"Trainee {i:05}",
                time_zone=ZONES[i % len(ZONES)],
                password="!",
            )
            for i in range(enrollments)
        ),
        batch_size=BATCH,
    )
    now = timezone.now()
    Enrollment.objects.bulk_create(
        (
            Enrollment(user=user, cohort=made[i % cohorts], status="active", enrolled_at=now)
            for i, user in enumerate(users)
        ),
        batch_size=BATCH,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait(condition, timeout: float, step: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


def start_workers(count: int, env: dict, logs: Path) -> list[subprocess.Popen]:
    celery = str(Path(sys.executable).with_name("celery"))
    workers = []
    for n in range(1, count + 1):
        log = open(logs / f"worker{n}.log", "w")  # noqa: SIM115 - closed with the process
        workers.append(
            subprocess.Popen(
                [
                    celery,
                    "-A",
                    "dbt_training",
                    "worker",
                    "-c",
                    "1",
                    "--without-gossip",
                    "--without-mingle",
                    "-Q",
                    "celery",
                    "-n",
                    f"bench{n}@%h",
                    "--loglevel",
                    "INFO",
                ],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
    return workers


def task_log(logs: Path, count: int) -> dict[str, list[tuple[str, float, int]]]:
    """{worker: [(task, seconds, return value)]} from each worker's log."""
    return {
        f"bench{n}": [
            (task.rsplit(".", 1)[1], float(seconds), int(value))
            for task, seconds, value in SUCCEEDED.findall((logs / f"worker{n}.log").read_text())
        ]
        for n in range(1, count + 1)
    }


def idle(app) -> bool:
    """No task waiting in Redis, none running or reserved in a worker."""
    import redis

    if redis.Redis.from_url(settings.REDIS_URL).llen("celery"):
        return False
    inspect = app.control.inspect(timeout=1)
    busy = [*(inspect.active() or {}).values(), *(inspect.reserved() or {}).values()]
    return not any(busy)


def bare_smtp_rate(port: int, count: int) -> float:
    """The baseline: messages per second that Django's SMTP backend alone pushes to the same
    sink from one process over one connection (messages built in advance, no database)."""
    from django.core.mail import EmailMessage, get_connection

    messages = [
        EmailMessage(f"Bare {n}", "A plain message.", "bench@example.org", [f"t{n}@example.org"])
        for n in range(count)
    ]
    connection = get_connection(
        "django.core.mail.backends.smtp.EmailBackend", host="127.0.0.1", port=port
    )
    started = time.perf_counter()
    connection.open()
    connection.send_messages(messages)
    connection.close()
    return count / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--enrollments", type=int, default=10_000)
    parser.add_argument("--cohorts", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=900)
    args = parser.parse_args()
    if connection.vendor != "postgresql" or not settings.REDIS_URL:
        sys.exit("Set DATABASE_URL to PostgreSQL and REDIS_URL: worker processes need both.")

    from aiosmtpd.controller import Controller

    from dbt_training.celery import app
    from reminders import tasks
    from reminders.models import Reminder

    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every command
    app.conf.task_always_eager = False
    if app.control.ping(timeout=1):
        sys.exit(f"Another worker answers on {settings.REDIS_URL}: pick an unused Redis database.")
    app.control.purge()

    test_db = connection.creation.create_test_db(verbosity=0, keepdb=False)
    sink = Sink()
    smtp = Controller(sink, hostname="127.0.0.1", port=free_port())
    smtp.start()
    workers = []
    logs = Path(tempfile.mkdtemp(prefix="bench-reminders-"))
    try:
        built = time.perf_counter()
        # Whole minutes, 23 h ahead: inside the 24 h reminder's window for the whole run.
        starts_at = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(hours=23)
        build(enrollments=args.enrollments, cohorts=args.cohorts, starts_at=starts_at)
        built = time.perf_counter() - built
        env = dict(
            os.environ,
            DJANGO_SETTINGS_MODULE="dbt_training.settings.base",
            DJANGO_DEBUG="false",
            DATABASE_URL=os.environ["DATABASE_URL"].rsplit("/", 1)[0] + f"/{test_db}",
            EMAIL_URL=f"smtp://127.0.0.1:{smtp.port}",
        )
        bare = bare_smtp_rate(smtp.port, BARE_MESSAGES)
        sink.received, sink.first_at, sink.last_at = 0, None, None
        sink.message_ids.clear()
        workers = start_workers(args.workers, env, logs)
        if not wait(lambda: len(app.control.ping(timeout=0.5)) == args.workers, 60):
            sys.exit(f"The workers did not start; see {logs}")

        started = time.monotonic()
        tasks.scan_reminders.delay()  # beat firing twice at once
        tasks.scan_reminders.delay()
        delivered = wait(lambda: sink.received >= args.enrollments, args.timeout, step=0.05)
        elapsed = (sink.last_at or time.monotonic()) - started
        # Let the send tasks the second scan queued for the same rows run out, then count.
        wait(lambda: idle(app), 120, step=1)
        stats = app.control.inspect(timeout=2).stats() or {}
        rows = collections.Counter(Reminder.objects.values_list("status", flat=True))
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            try:
                worker.wait(timeout=60)
            except subprocess.TimeoutExpired:
                worker.kill()
        smtp.stop()
        connection.creation.destroy_test_db(test_db, verbosity=0)
        app.conf.task_always_eager = True

    ran = task_log(logs, args.workers)
    scans = sorted(
        (seconds, value, worker)
        for worker, lines in ran.items()
        for task, seconds, value in lines
        if task == "scan_reminders"
    )
    duplicates = sum(n - 1 for n in sink.message_ids.values() if n > 1)
    print(
        f"PostgreSQL + Redis; {args.enrollments:,} active enrollments in {args.cohorts} cohorts, "
        f"a live session 23 h ahead each; {args.workers} worker processes (-c 1); built in "
        f"{built:.1f} s; python {sys.version.split()[0]}"
    )
    print("| measure | value |")
    print("|---|---:|")
    for n, (seconds, value, worker) in enumerate(scans, 1):
        print(f"| scan {n} (in {worker}): time, ids queued | {seconds:.2f} s, {value:,} |")
    print(f"| all delivered | {'yes' if delivered else 'NO (timed out)'} |")
    print(f"| from queueing the scans to the last message | {elapsed:.1f} s |")
    rate = sink.received / elapsed
    print(f"| messages per second | {rate:,.0f} |")
    print(
        f"| baseline: bare Django SMTP sends, one process, one connection (per second) | {bare:,.0f} |"
    )
    print(
        f"| ratio: reminders delivered by {args.workers} workers / bare sends | {rate / bare:.2f} |"
    )
    print(f"| messages received | {sink.received:,} |")
    print(f"| distinct Message-IDs | {len(sink.message_ids):,} |")
    print(f"| duplicates (Message-IDs seen more than once) | {duplicates} |")
    by_status = ", ".join(f"{status} {n:,}" for status, n in sorted(rows.items()))
    print(f"| reminder rows | {sum(rows.values()):,} ({by_status}) |")
    for worker, lines in ran.items():
        sends = [value for task, _, value in lines if task == "send_reminder_batch"]
        busy = sum(seconds for task, seconds, _ in lines if task == "send_reminder_batch")
        total = next(
            (s.get("total", {}) for name, s in stats.items() if name.startswith(worker + "@")),
            {},
        )
        print(
            f"| {worker}: send tasks (of them found nothing to send), messages, busy | "
            f"{len(sends)} ({sends.count(0)}), {sum(sends):,}, {busy:.1f} s |"
        )
        if total and sum(total.values()) != len(lines):
            print(f"| {worker}: tasks by the worker's own count | {dict(total)} |")
    print(f"worker logs: {logs}")


if __name__ == "__main__":
    main()
