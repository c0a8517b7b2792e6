"""Real components for the fault tests: a Redis server of the test's own, on a free port, that
the test stops and starts again; and a cohort in mid-flight for a signed-in trainee."""

import datetime
import shutil
import subprocess
import time

import pytest
import redis
from django.utils import timezone

from assessments.quizzes import services as quiz_services
from tests.conftest import needs
from tests.factories import (
    CohortFactory,
    CourseFactory,
    EnrollmentFactory,
    LessonFactory,
    ModuleFactory,
    QuestionFactory,
    QuizFactory,
)
from tests.smtp import free_port


class RedisServer:
    """`redis-server` in a child process the test owns, with nothing saved to disk."""

    def __init__(self, binary: str, port: int, workdir):
        self.binary, self.port, self.workdir = binary, port, workdir
        self.url = f"redis://127.0.0.1:{port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                self.binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--dir",
                str(self.workdir),
            ],  # fmt: skip
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2)
        deadline = time.monotonic() + 10
        while True:
            try:
                if client.ping():
                    break
            except redis.ConnectionError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"redis-server did not start on port {self.port}") from None
                time.sleep(0.05)
        client.close()

    def kill(self) -> None:
        """SIGKILL, as a crash or an OOM kill would: no goodbye to the clients."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def client(self) -> redis.Redis:
        return redis.Redis(port=self.port, socket_connect_timeout=1)


@pytest.fixture
def redis_server(tmp_path):
    binary = shutil.which("redis-server")
    if binary is None:
        needs("redis-server is not installed (apt-get install redis-server)")
    server = RedisServer(binary, free_port(), tmp_path)
    server.start()
    yield server
    server.kill()


# --- a trainee partway through a cohort ------------------------------------------------------


@pytest.fixture
def cohort(trainer):
    course = CourseFactory(authors=[trainer], title="DBT Foundations for Clinicians")
    module = ModuleFactory(course=course, position=1, title="Mindfulness")
    LessonFactory(
        module=module,
        position=1,
        title="Wise mind",
        body_markdown="Wise mind is the overlap of reasonable mind and emotion mind.",
        body_html="<p>Wise mind is the overlap of reasonable mind and emotion mind.</p>\n",
    )
    QuizFactory(module=module, title="Mindfulness check", position=1)
    today = timezone.localdate()
    return CohortFactory(
        course=course,
        name="Spring cohort",
        trainers=[trainer],
        starts_on=today - datetime.timedelta(days=7),
        ends_on=today + datetime.timedelta(days=90),
    )


@pytest.fixture
def enrollment(cohort, trainee):
    return EnrollmentFactory(user=trainee, cohort=cohort)


@pytest.fixture
def lesson(cohort):
    return cohort.course.modules.get().lessons.get()


@pytest.fixture
def quiz(cohort):
    return cohort.course.modules.get().quizzes.get()


@pytest.fixture
def question(quiz):
    return QuestionFactory(quiz=quiz, kind="short", text="Which state of mind integrates both?")


@pytest.fixture
def attempt(enrollment, quiz, question):
    return quiz_services.start_attempt(enrollment=enrollment, quiz=quiz)
