"""The embedded default under a burst: `manage.py runserver` (threaded, as `make run` starts it)
on a real SQLite file, a trainee answering 50 questions in about two seconds from two tabs while
another process writes to the same file the way beat and the worker do. Every answer is stored,
none is refused with "database is locked" (WAL, IMMEDIATE transactions, a busy timeout)."""

import http.client
import json
import re
import sqlite3
import threading
import time
import urllib.parse
from http import HTTPStatus

import pytest

from tests.smtp import free_port

from .embedded import environment, manage, popen_manage

ANSWERS = 50
TABS = 2
SECONDS = 2.0

SETUP = """
import datetime, json
from django.test import Client
from django.utils import timezone
from assessments.quizzes import services
from tests.factories import (
    CohortFactory, CourseFactory, EnrollmentFactory, ModuleFactory, QuestionFactory, QuizFactory,
    UserFactory,
)
trainee = UserFactory(email="dana@example.org")
module = ModuleFactory(course=CourseFactory(), position=1)
quiz = QuizFactory(module=module, position=1)
questions = [QuestionFactory(quiz=quiz, kind="short") for _ in range(%(answers)d)]
today = timezone.localdate()
cohort = CohortFactory(
    course=module.course,
    starts_on=today - datetime.timedelta(days=7),
    ends_on=today + datetime.timedelta(days=90),
)
enrollment = EnrollmentFactory(user=trainee, cohort=cohort)
attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
browser = Client()
browser.force_login(trainee)
print(json.dumps({
    "cohort": cohort.pk,
    "attempt": attempt.pk,
    "questions": [q.pk for q in questions],
    "session": browser.cookies["sessionid"].value,
}))
"""

# Beat's scheduler and the worker read a row and write it back in one transaction; this does
# that to the quiz sweep's schedule every few milliseconds until told to stop.
WRITER = """
import pathlib, time
from django.db import transaction
from django_celery_beat.models import PeriodicTask
stop, writes = pathlib.Path(%(stop)r), 0
while not stop.exists():
    with transaction.atomic():
        task = PeriodicTask.objects.get(task="assessments.tasks.submit_expired_attempts")
        task.total_run_count += 1
        task.save(update_fields=["total_run_count"])
    writes += 1
    time.sleep(0.005)
print("writes", writes)
"""


def request(port, method, path, headers, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read().decode()
    finally:
        connection.close()


def wait_for_server(port, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "runserver exited"
        try:
            if request(port, "GET", "/healthz", {})[0] == HTTPStatus.OK:
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("runserver did not answer")


@pytest.fixture
def embedded_site(tmp_path):
    """A migrated SQLite file with a trainee mid-quiz, served by runserver, and a writer."""
    env = environment(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    manage("migrate", "--noinput", env=env)
    data = json.loads(
        manage("shell", "-c", SETUP % {"answers": ANSWERS}, env=env).stdout.strip().splitlines()[-1]
    )
    port = free_port()
    server = popen_manage(
        "runserver", f"127.0.0.1:{port}", "--noreload", env=env, log=tmp_path / "server.log"
    )
    stop = tmp_path / "stop"
    writer = popen_manage(
        "shell", "-c", WRITER % {"stop": str(stop)}, env=env, log=tmp_path / "writer.log"
    )
    try:
        wait_for_server(port, server)
        yield {**data, "port": port, "file": tmp_path / "db.sqlite3", "stop": stop, "tmp": tmp_path}
    finally:
        stop.touch()
        server.terminate()
        server.wait(timeout=30)
        writer.wait(timeout=30)
    assert writer.returncode == 0, (tmp_path / "writer.log").read_text()[-3000:]


def test_fifty_answers_in_two_seconds_from_two_tabs_are_all_stored(embedded_site):
    site, port = embedded_site, embedded_site["port"]
    cookie = f"sessionid={site['session']}"
    attempt_path = f"/learn/{site['cohort']}/attempts/{site['attempt']}/"
    status, headers, _ = request(port, "GET", attempt_path, {"Cookie": cookie})
    assert status == HTTPStatus.OK
    csrf = re.search(r"csrftoken=([^;]+)", dict(headers)["Set-Cookie"]).group(1)

    questions = site["questions"]
    results = [None] * len(questions)
    sent_at = [None] * len(questions)
    start = time.monotonic() + 0.2
    interval = SECONDS / (len(questions) / TABS)

    def save(position):
        question = questions[position]
        sent_at[position] = time.monotonic()
        results[position] = request(
            port,
            "POST",
            f"{attempt_path}questions/{question}/save/",
            {
                "Cookie": f"{cookie}; csrftoken={csrf}",
                "X-CSRFToken": csrf,
                "HX-Request": "true",
                "Content-Type": "application/x-www-form-urlencoded",
            },
            urllib.parse.urlencode({f"q{question}": f"answer {position}"}),
        )

    def tab(index):
        # Each tab answers every other question, one every `interval` seconds; as in a browser,
        # an autosave goes out when the answer is given, whether or not the last one came back.
        saves = []
        for step, position in enumerate(range(index, len(questions), TABS)):
            time.sleep(max(0.0, start + step * interval - time.monotonic()))
            saves.append(threading.Thread(target=save, args=(position,)))
            saves[-1].start()
        for thread in saves:
            thread.join()

    tabs = [threading.Thread(target=tab, args=(i,)) for i in range(TABS)]
    for thread in tabs:
        thread.start()
    for thread in tabs:
        thread.join()
    assert max(sent_at) - min(sent_at) < SECONDS + 0.5, "the burst was sent in about two seconds"

    server_log = (site["tmp"] / "server.log").read_text()
    refused = [(questions[i], r[0]) for i, r in enumerate(results) if r[0] != HTTPStatus.OK]
    assert refused == [], server_log[-3000:]
    assert all("Saved at" in body for _, _, body in results)
    assert "database is locked" not in server_log

    with sqlite3.connect(site["file"]) as db:
        stored = dict(
            db.execute(
                "SELECT question_id, answer FROM assessments_response WHERE attempt_id = ?",
                (site["attempt"],),
            ).fetchall()
        )
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert stored == {
        question: json.dumps({"text": f"answer {position}"})
        for position, question in enumerate(questions)
    }
