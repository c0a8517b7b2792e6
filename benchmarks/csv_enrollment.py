"""CSV enrollment of a large file: parse, preview and confirm, against a bare bulk_create.

    .venv/bin/python -m benchmarks.csv_enrollment [--rows 1000]

On a fresh test database: a cohort with capacity rows x 0.8, rows / 2 existing users, and a CSV
of `rows` lines, alternating an existing user (enrolled) and a new email (invited). Each step
runs once, inside CaptureQueriesContext so its queries are counted:

- parse: courses.csv_import.parse_enrollment_csv (no database);
- preview: services.plan_csv_enrollment;
- confirm: services.apply_csv_enrollment, split into the work inside its transaction and the
  commit with its on-commit callbacks (one invitation email per new address; Celery is eager
  and email goes to locmem in the test settings, so this is what a web process does without
  Redis; with a broker it only queues the tasks);
- baseline: Enrollment.objects.bulk_create of `rows` enrollments in a fresh cohort.

Set DATABASE_URL to measure on PostgreSQL.
"""

import argparse
import datetime
import logging
import os
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dbt_training.settings.test")

import django  # noqa: E402

django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.core import mail  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

# One INFO line per eager invitation task, and kombu's note about the in-memory broker.
logging.getLogger("celery.app.trace").setLevel(logging.WARNING)
logging.getLogger("kombu.connection").setLevel(logging.ERROR)


def new_cohort(course, name: str, capacity: int | None):
    from courses.models import Cohort

    return Cohort.objects.create(
        course=course,
        name=name,
        starts_on=datetime.date(2027, 1, 11),
        ends_on=datetime.date(2027, 7, 9),
        time_zone="America/New_York",
        capacity=capacity,
        status="open",
    )


def create_users(prefix: str, count: int) -> list:
    from dbt_training.users.models import User

    password = make_password(None)  # unusable, hashed once
    return User.objects.bulk_create(
        User(email=f"{prefix}{n}@example.org", full_name=f"{prefix.title()} {n}", password=password)
        for n in range(count)
    )


def build_csv(rows: int) -> bytes:
    lines = ["email,full_name,team"]
    for n in range(rows):
        if n % 2 == 0:
            lines.append(f"existing{n // 2}@example.org,Existing {n // 2},Blue")
        else:
            lines.append(f"new{n // 2}@example.org,New Person {n // 2},Red")
    return ("\r\n".join(lines) + "\r\n").encode()


class Step:
    """Wall time and query count of the block run inside it."""

    def __enter__(self):
        self.queries = CaptureQueriesContext(connection)
        self.queries.__enter__()
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start
        self.queries.__exit__(*exc)
        self.count = len(self.queries)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1000)
    rows = parser.parse_args().rows
    if rows < 2:
        parser.error("--rows must be at least 2")
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        from courses import services
        from courses.csv_import import parse_enrollment_csv
        from courses.models import Course, Enrollment, EnrollmentStatus, Invitation

        course = Course.objects.create(
            slug="bench", title="Benchmark course", summary="Benchmark", status="published"
        )
        cohort = new_cohort(course, "CSV cohort", capacity=int(rows * 0.8))
        existing = create_users("existing", rows // 2)
        # Only for the baseline, which needs `rows` distinct people; not in the CSV.
        extra = create_users("baseline", rows - len(existing))
        data = build_csv(rows)
        # Warm up once on another cohort (regex compilation, first queries), outside the timing.
        warm = new_cohort(course, "Warm-up", capacity=None)
        services.plan_csv_enrollment(cohort=warm, data=b"email\nexisting0@example.org\n")
        mail.outbox = []

        with Step() as parse:
            parsed = parse_enrollment_csv(data)
        assert parsed.ok and len(parsed.rows) == rows, parsed.problems[:3]

        with Step() as preview:
            plan = services.plan_csv_enrollment(cohort=cohort, data=data)
        assert plan.ok and plan.count("enroll") + plan.count("invite") == rows, plan.counts

        with Step() as confirm:
            with transaction.atomic():
                with Step() as apply:
                    services.apply_csv_enrollment(cohort=cohort, data=data)
            # Leaving the block commits and runs the on-commit callbacks (invitation emails).
        commit_seconds = confirm.seconds - apply.seconds
        commit_queries = confirm.count - apply.count
        invited = Invitation.objects.filter(cohort=cohort).count()
        enrolled = Enrollment.objects.filter(cohort=cohort).count()
        assert (enrolled, invited, len(mail.outbox)) == (
            len(existing),
            rows - len(existing),
            invited,
        )

        fresh = new_cohort(course, "Baseline cohort", capacity=None)
        with Step() as baseline:
            Enrollment.objects.bulk_create(
                Enrollment(cohort=fresh, user=user, status=EnrollmentStatus.ACTIVE)
                for user in [*existing, *extra]
            )
        assert Enrollment.objects.filter(cohort=fresh).count() == rows
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)

    results = [
        ("parse (parse_enrollment_csv)", parse.seconds, parse.count),
        ("preview (plan_csv_enrollment)", preview.seconds, preview.count),
        ("confirm: apply_csv_enrollment in its transaction", apply.seconds, apply.count),
        (
            f"confirm: commit + {invited} invitation emails (eager Celery, locmem)",
            commit_seconds,
            commit_queries,
        ),
        ("confirm total", confirm.seconds, confirm.count),
        (f"baseline: bulk_create of {rows} enrollments", baseline.seconds, baseline.count),
    ]
    print(
        f"database: {connection.vendor}; {rows:,} CSV rows ({enrolled} enrolled, {invited} "
        f"invited), capacity {int(rows * 0.8)}; one run; python {sys.version.split()[0]}"
    )
    print("| step | seconds | rows/s | queries | ratio to bulk_create |")
    print("|---|---:|---:|---:|---:|")
    for label, seconds, queries in results:
        print(
            f"| {label} | {seconds:.4f} | {rows / seconds:,.0f} | {queries:,} | "
            f"{seconds / baseline.seconds:,.1f} |"
        )


if __name__ == "__main__":
    main()
