"""Quiz autosave requests per second through gunicorn, against a bare Django view in the same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dbt_bench \\
        .venv/bin/python -m benchmarks.autosave [--seconds 10] [--workers 2] [--clients 8]

Builds a throwaway database (`test_<name>`) with a trainee in the middle of a 50-question quiz,
starts gunicorn on it (the project's own settings, DEBUG off, `benchmarks.autosave_urls` adding
the bare view), then has `--clients` keep-alive HTTP clients post answers as htmx would
(`HX-Request`, CSRF cookie and header, the trainee's session), each to its own question, for
`--seconds`; then the same clients request the bare view. Prints both rates and their ratio.
"""

import argparse
import http.client
import os
import socket
import subprocess
import sys
import threading
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dbt_training.settings.test")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402

CSRF = "b" * 32  # an unmasked CSRF secret is accepted as cookie and header alike


def build(clients: int) -> list[dict]:
    """One trainee per client, each with an open attempt at the same 50-question quiz (one
    trainee's saves take turns on their attempt's row lock, so one trainee per client measures
    the server, not the lock); returns what each client needs."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    from assessments.quizzes import services
    from assessments.quizzes.services import AnswerData
    from courses.models import Course, Enrollment, EnrollmentStatus
    from modules.models import Module
    from tests.factories import CohortFactory, UserFactory

    course = Course.objects.create(slug="bench", title="Bench", summary="b", status="published")
    module = Module.objects.create(course=course, title="M", component="foundations", position=1)
    quiz = services.create_quiz(module=module, title="Post-test", kind="post_test")
    for n in range(50):
        services.save_question(
            quiz=quiz,
            kind="short",
            text=f"Question {n}",
            answers=[AnswerData(text=f"answer {n}", fraction=100)],
        )
    today = timezone.localdate()
    cohort = CohortFactory(
        course=course,
        starts_on=today - timezone.timedelta(days=1),
        ends_on=today + timezone.timedelta(days=30),
    )
    trainees = []
    for _ in range(clients):
        user = UserFactory()
        enrollment = Enrollment.objects.create(
            user=user, cohort=cohort, status=EnrollmentStatus.ACTIVE, enrolled_at=timezone.now()
        )
        attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        trainees.append(
            {
                "cookie": f"{settings.SESSION_COOKIE_NAME}={session.session_key}; csrftoken={CSRF}",
                "save_paths": [
                    f"/learn/{cohort.pk}/attempts/{attempt.pk}/questions/{q}/save/"
                    for q in attempt.question_order
                ],
                "question_ids": attempt.question_order,
            }
        )
    return trainees


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hammer(port, seconds, clients, make_request) -> float:
    """Requests per second that `clients` keep-alive connections complete in `seconds`."""
    done, failures = [0] * clients, []
    stop = time.monotonic() + seconds

    def client(index):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        n = 0
        while time.monotonic() < stop:
            method, path, body, headers = make_request(index, n)
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            payload = response.read()
            if response.status != 200 or (method == "POST" and b"Saved at" not in payload):
                failures.append((response.status, payload[:200]))
                return
            n += 1
        done[index] = n
        conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit(f"a request failed: {failures[0]}")
    return sum(done) / (time.monotonic() - started)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit(
            "Set DATABASE_URL to a PostgreSQL server: gunicorn workers need a shared database."
        )
    test_db = connection.creation.create_test_db(verbosity=0, keepdb=False)
    try:
        trainees = build(args.clients)
        port = free_port()
        env = dict(
            os.environ,
            DATABASE_URL=os.environ["DATABASE_URL"].rsplit("/", 1)[0] + f"/{test_db}",
            DJANGO_SETTINGS_MODULE="benchmarks.autosave_settings",
            DJANGO_DEBUG="false",
        )
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "dbt_training.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(args.workers),
                "--log-level",
                "warning",
            ],
            env=env,
        )
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)

            def autosave(index, n):
                trainee = trainees[index]
                q = n % len(trainee["save_paths"])
                headers = {
                    "Cookie": trainee["cookie"],
                    "X-CSRFToken": CSRF,
                    "HX-Request": "true",
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Host": "127.0.0.1",
                }
                body = f"q{trainee['question_ids'][q]}=answer+{n}"
                return "POST", trainee["save_paths"][q], body, headers

            def bare(index, n):
                return "GET", "/bench/bare/", None, {"Host": "127.0.0.1"}

            hammer(port, 1, args.clients, autosave)  # warm up both workers
            saves = hammer(port, args.seconds, args.clients, autosave)
            baseline = hammer(port, args.seconds, args.clients, bare)
        finally:
            server.terminate()
            server.wait(timeout=30)
        print(
            f"gunicorn, {args.workers} workers, {args.clients} clients, {args.seconds:g} s each, "
            f"PostgreSQL\n"
            f"bare Django view   {baseline:8.0f} req/s   1.00\n"
            f"quiz autosave      {saves:8.0f} req/s   {saves / baseline:.2f}"
        )
    finally:
        connection.creation.destroy_test_db(test_db, verbosity=0)


if __name__ == "__main__":
    main()
