"""The gradebook of a 1,000-trainee cohort with 30 items: the page and the CSV export.

    .venv/bin/python -m benchmarks.gradebook [--trainees 1000] [--items 30] [--runs 5]

Builds the cohort in bulk in a throwaway test database, then requests the trainer's gradebook
page (its first 100 rows; with a result filter every row is computed, since a result is only
known once its row is) and the full CSV export through Django's test client and the whole middleware stack, with DEBUG off. For each
it reports the median server time, the query count, and the peak Python memory (tracemalloc)
while serving it; a bare Django view gives the baseline for the time ratio. Set DATABASE_URL to
measure on PostgreSQL.
"""

import argparse
import datetime
import os
import statistics
import sys
import time
import tracemalloc
from decimal import Decimal

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dbt_training.settings.test")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import include, path  # noqa: E402
from django.utils import timezone  # noqa: E402


def bare(request):
    return HttpResponse("ok")


urlpatterns = [path("bench/bare/", bare), path("", include("dbt_training.urls"))]

BATCH = 2000


def build_cohort(*, trainees: int, items: int):
    """A trainer's cohort: half the items quizzes, half worksheets, every cell graded (one in
    ten worksheets unreleased), five live sessions held, one override in twenty trainees."""
    from assessments.models import Assignment, Attempt, Grade, GradeOverride, Quiz, Submission
    from courses.models import Attendance, Cohort, Course, Enrollment, LiveSession, Team
    from dbt_training.users.models import User
    from dbt_training.users.roles import Role
    from modules.models import Module

    trainer = User.objects.create_user(
        email="bench-trainer@example.org", password="a-Long-passphrase-42", full_name="Terry Chen"
    )
    from django.contrib.auth.models import Group

    trainer.groups.add(*Group.objects.filter(name=Role.TRAINER.value))
    course = Course.objects.create(slug="bench", title="Gradebook benchmark", summary="Bench")
    module = Module.objects.create(course=course, title="Module 1", position=1)
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        course=course,
        name="Benchmark cohort",
        starts_on=today - datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=60),
        status="open",
    )
    cohort.trainers.add(trainer)
    teams = Team.objects.bulk_create(Team(cohort=cohort, name=f"Team {n}") for n in range(10))
    half = items // 2
    quizzes = Quiz.objects.bulk_create(
        Quiz(module=module, title=f"Knowledge check {j}", position=j) for j in range(half)
    )
    sheets = Assignment.objects.bulk_create(
        Assignment(module=module, title=f"Chain analysis {j}", worksheet="free_text", position=j)
        for j in range(items - half)
    )
    users = User.objects.bulk_create(
        (
            User(email=f"trainee{i:05}@example.org", full_name=f"Trainee {i:05}", password="!")
            for i in range(trainees)
        ),
        batch_size=BATCH,
    )
    now = timezone.now()
    enrollments = Enrollment.objects.bulk_create(
        (
            Enrollment(
                user=user,
                cohort=cohort,
                team=teams[i % len(teams)],
                status="active",
                enrolled_at=now,
            )
            for i, user in enumerate(users)
        ),
        batch_size=BATCH,
    )
    Attempt.objects.bulk_create(
        (
            Attempt(
                quiz=quiz,
                enrollment=e,
                number=1,
                started_at=now,
                submitted_at=now,
                percent=Decimal((i + j) % 101),
            )
            for i, e in enumerate(enrollments)
            for j, quiz in enumerate(quizzes)
        ),
        batch_size=BATCH,
    )
    submissions = Submission.objects.bulk_create(
        (
            Submission(assignment=sheet, enrollment=e, status="graded", saved_at=now)
            for e in enrollments
            for sheet in sheets
        ),
        batch_size=BATCH,
    )
    Grade.objects.bulk_create(
        (
            Grade(
                submission=s,
                enrollment_id=s.enrollment_id,
                score=Decimal(n % 11),
                max_score=Decimal(10),
                graded_at=now,
                released_at=None if n % 10 == 0 else now,
            )
            for n, s in enumerate(submissions)
        ),
        batch_size=BATCH,
    )
    sessions = LiveSession.objects.bulk_create(
        LiveSession(
            cohort=cohort,
            kind="didactic",
            title=f"Session {n}",
            starts_at=now - datetime.timedelta(days=n + 1),
        )
        for n in range(5)
    )
    Attendance.objects.bulk_create(
        (
            Attendance(live_session=s, enrollment=e, present=(i + n) % 4 != 0, source="trainer")
            for i, e in enumerate(enrollments)
            for n, s in enumerate(sessions)
        ),
        batch_size=BATCH,
    )
    GradeOverride.objects.bulk_create(
        GradeOverride(
            enrollment=e, item="attendance", percent=Decimal(100), reason="Excused", set_at=now
        )
        for e in enrollments[::20]
    )
    return trainer, cohort


def serve(client: Client, url: str) -> int:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    if response.streaming:
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def measure(client: Client, url: str, runs: int) -> dict:
    serve(client, url)  # warm caches and connections
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        size = serve(client, url)
        times.append(time.perf_counter() - start)
    connection.queries_log.clear()  # the log is capped; building the cohort filled it
    with CaptureQueriesContext(connection) as queries:
        serve(client, url)
    count = len(queries)  # read now: the next request resets the connection's query log
    tracemalloc.start()
    try:
        serve(client, url)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return {
        "seconds": statistics.median(times),
        "queries": count,
        "peak": peak,
        "size": size,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trainees", type=int, default=1000)
    parser.add_argument("--items", type=int, default=30)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        built = time.perf_counter()
        trainer, cohort = build_cohort(trainees=args.trainees, items=args.items)
        built = time.perf_counter() - built
        client = Client()
        client.force_login(trainer)
        pages = [
            ("bare Django view (baseline)", "/bench/bare/"),
            ("gradebook page, first 100 rows", f"/cohorts/{cohort.pk}/gradebook/"),
            ("gradebook page, team filter", f"/cohorts/{cohort.pk}/gradebook/?team="),
            (
                "gradebook page, result filter (every row computed)",
                f"/cohorts/{cohort.pk}/gradebook/?result=fail",
            ),
            ("CSV export, every row", f"/cohorts/{cohort.pk}/gradebook/export.csv"),
        ]
        team = cohort.teams.order_by("name").first()
        pages[2] = (pages[2][0], pages[2][1] + str(team.pk))
        with override_settings(ROOT_URLCONF=__name__, DEBUG=False, ALLOWED_HOSTS=["testserver"]):
            results = [(label, measure(client, url, args.runs)) for label, url in pages]
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    baseline = results[0][1]["seconds"]
    print(
        f"database: {connection.vendor}; {args.trainees:,} trainees × {args.items} items "
        f"(+ attendance); built in {built:.1f} s; median of {args.runs} runs; "
        f"python {sys.version.split()[0]}"
    )
    print("| request | server time | × bare view | queries | peak memory | response |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, r in results:
        print(
            f"| {label} | {r['seconds'] * 1000:,.1f} ms | {r['seconds'] / baseline:,.0f} "
            f"| {r['queries']} | {r['peak'] / 1024 / 1024:.1f} MB | {r['size'] / 1024:,.0f} KB |"
        )


if __name__ == "__main__":
    main()
