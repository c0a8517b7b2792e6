"""Requests per second of our pages relative to a bare Django view, in one process and one run.

    .venv/bin/python -m benchmarks.pages [--seconds 3]

Every page goes through the full middleware stack (sessions, CSRF, CSP, allauth, htmx) via Django's
test client on a fresh test database; the baseline is a view that returns a constant HttpResponse
through the same stack. Set DATABASE_URL / REDIS_URL to measure on PostgreSQL / Redis.
"""

import argparse
import datetime
import os
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dbt_training.settings.test")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import include, path  # noqa: E402


def bare(request):
    return HttpResponse("ok")


urlpatterns = [path("bench/bare/", bare), path("", include("dbt_training.urls"))]


LESSON_ID: list[int] = []
COHORT_ID: list[int] = []
CERTIFICATE_CODE: list[str] = []


def build_large_course(*, author) -> None:
    """A published course of 50 modules x 10 lessons, inserted in bulk."""
    from courses.models import Course
    from modules.content import render_markdown
    from modules.models import Lesson, Module

    course = Course.objects.create(
        slug="large", title="Large course", summary="Benchmark", status="published"
    )
    course.authors.add(author)
    modules = Module.objects.bulk_create(
        Module(
            course=course,
            title=f"Module {m}",
            component="skills_training_group",
            skills_modules=["emotion_regulation"],
            position=m + 1,
        )
        for m in range(50)
    )
    body = "# Check the facts\n\nDoes the emotion **fit the facts**?\n\n- one\n- two\n" * 5
    html = render_markdown(body)
    lessons = Lesson.objects.bulk_create(
        Lesson(
            module=module, title=f"Lesson {n}", position=n + 1, body_markdown=body, body_html=html
        )
        for module in modules
        for n in range(10)
    )
    LESSON_ID.append(lessons[0].pk)
    from courses.models import Cohort
    from courses.services import enroll
    from dbt_training.users.models import User

    cohort = Cohort.objects.create(
        course=course,
        name="Benchmark cohort",
        starts_on=datetime.date(2026, 1, 5),
        ends_on=datetime.date(2027, 1, 5),
        time_zone="Europe/Berlin",
        status="open",
    )
    enrollment = enroll(cohort=cohort, user=User.objects.get(email="trainee@example.com"))
    COHORT_ID.append(cohort.pk)
    from assessments.models import Certificate

    # Issued directly (claiming would need 500 lessons done): the pages only read it.
    certificate = Certificate.objects.create(
        enrollment=enrollment,
        kind=Certificate.Kind.ATTENDANCE,
        issued_at=datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC),
        full_name="Dana Trainee",
        credentials="MSW, LCSW",
        course_title=course.title,
        cohort_name=cohort.name,
        starts_on=cohort.starts_on,
        completed_on=datetime.date(2026, 12, 1),
        ce_hours="12.50",
        lead_trainer="Terry Trainer, PhD",
    )
    CERTIFICATE_CODE.append(certificate.code)


def rate(client: Client, url: str, seconds: float) -> float:
    for _ in range(20):  # warm caches and connections
        client.get(url)
    count, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        count += 1
    return count / elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=3.0)
    seconds = parser.parse_args().seconds
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        from dbt_training.demo import seed_demo_accounts
        from dbt_training.users.models import User

        seed_demo_accounts()
        build_large_course(author=User.objects.get(email="trainer@example.com"))
        visitor, trainee, trainer = Client(), Client(), Client()
        trainee.force_login(User.objects.get(email="trainee@example.com"))
        trainer.force_login(User.objects.get(email="trainer@example.com"))
        pages = [
            ("bare Django view (baseline)", visitor, "/bench/bare/"),
            ("landing page (visitor)", visitor, "/"),
            ("sign-in page (visitor)", visitor, "/accounts/login/"),
            ("sign-up page (visitor)", visitor, "/accounts/signup/"),
            ("dashboard (trainee)", trainee, "/dashboard/"),
            ("profile (trainee)", trainee, "/accounts/profile/"),
            ("/healthz", visitor, "/healthz"),
            ("catalogue (visitor)", visitor, "/courses/"),
            ("course page, 50 modules x 10 lessons (visitor)", visitor, "/courses/large/"),
            ("authoring editor, 50 x 10 (trainer)", trainer, "/author/courses/large/"),
            ("cohort home, 50 x 10 (trainee)", trainee, f"/learn/{COHORT_ID[0]}/"),
            (
                "lesson player in that course (trainee)",
                trainee,
                f"/learn/{COHORT_ID[0]}/lessons/{LESSON_ID[0]}/",
            ),
            (
                "lesson preview (trainer)",
                trainer,
                f"/author/courses/large/preview/lessons/{LESSON_ID[0]}/",
            ),
            (
                "certificate checklist, 500 lessons (trainee)",
                trainee,
                f"/learn/{COHORT_ID[0]}/certificate/",
            ),
            ("verification page, valid code (visitor)", visitor, f"/verify/{CERTIFICATE_CODE[0]}/"),
            (
                "certificate PDF with QR code (trainee)",
                trainee,
                f"/certificates/{CERTIFICATE_CODE[0]}.pdf",
            ),
        ]
        # DEBUG off as in production; no test instrumentation of template rendering.
        with override_settings(ROOT_URLCONF=__name__, DEBUG=False, ALLOWED_HOSTS=["testserver"]):
            results = [(label, rate(client, url, seconds)) for label, client, url in pages]
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    baseline = results[0][1]
    print(f"database: {connection.vendor}; {seconds:g} s per page; python {sys.version.split()[0]}")
    print("| page | requests/s | relative to bare view |")
    print("|---|---:|---:|")
    for label, value in results:
        print(f"| {label} | {value:,.0f} | {value / baseline:.3f} |")


if __name__ == "__main__":
    main()
