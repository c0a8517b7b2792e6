"""What both modes share: the load database, the production-mode gunicorn, signed-in users.

The database is built once per set of seed parameters and reused: the harness marks a database it
made with a comment (`COMMENT ON DATABASE`) holding those parameters. `--rebuild` drops and
recreates a database only when it carries that mark; a database the harness did not make is never
dropped (its load data is replaced with `seed_load --reset`, which removes load data only).
"""

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from benchmarks.load.client import request

LOAD_DATA_VERSION = 2

ROOT = Path(__file__).resolve().parents[2]
MARK = "dbt_training load harness"
# The harness's own signing key: sessions it writes must verify in gunicorn, so both use it.
SECRET_KEY = "load-harness-secret-key-not-for-any-real-site-0123456789"
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Seed:
    trainees: int
    trainees_per_cohort: int
    course_modules: int
    lessons_per_module: int
    seed: int

    @property
    def cohorts(self) -> int:
        return -(-self.trainees // self.trainees_per_cohort)

    def marker(self) -> str:
        params = {
            "cohorts": self.cohorts,
            "trainees_per_cohort": self.trainees_per_cohort,
            "course_modules": self.course_modules,
            "lessons_per_module": self.lessons_per_module,
            "seed": self.seed,
            # What seed_load writes, when it changes in a way the pages notice (2: trainers
            # have an authenticator app).
            "data": LOAD_DATA_VERSION,
        }
        return f"{MARK} {json.dumps(params, sort_keys=True)}"

    def seed_load_args(self) -> list[str]:
        return [
            "--cohorts", str(self.cohorts),
            "--trainees-per-cohort", str(self.trainees_per_cohort),
            "--course-modules", str(self.course_modules),
            "--lessons-per-module", str(self.lessons_per_module),
            "--seed", str(self.seed),
        ]  # fmt: skip


def default_database_url() -> str:
    """DATABASE_URL's server (when it is PostgreSQL) with the database `dbt_load`, else
    postgres@127.0.0.1:5432/dbt_load."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        return urlunsplit(urlsplit(url)._replace(path="/dbt_load"))
    return "postgres://postgres@127.0.0.1:5432/dbt_load"


def _connect(url: str, dbname: str):
    import psycopg2

    parts = urlsplit(url)
    conn = psycopg2.connect(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        user=parts.username or "postgres",
        password=parts.password or None,
        dbname=dbname,
    )
    conn.autocommit = True
    return conn


def _manage(args: list[str], env: dict, *, quiet: bool = False) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if quiet else sys.stderr,
    )


def prepare_database(url: str, seed: Seed, *, rebuild: bool) -> None:
    """Make the database hold seed_load's data for `seed`, building it only when needed."""
    name = urlsplit(url).path.lstrip("/")
    if not name or not url.startswith(("postgres://", "postgresql://")):
        sys.exit(f"The load harness needs a PostgreSQL database URL, not {url!r}.")
    server = _connect(url, "postgres")
    try:
        with server.cursor() as cursor:
            cursor.execute(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
                [name],
            )
            row = cursor.fetchone()
            exists, comment = row is not None, (row[0] or "") if row else ""
            ours = comment.startswith(MARK)
            if exists and ours and comment == seed.marker() and not rebuild:
                say(f"Reusing database {name} (built with the same parameters).")
                built = True
            else:
                built = False
                if exists and ours:
                    say(f"Dropping database {name} (made by the harness) to rebuild it.")
                    cursor.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
                    exists = False
                if not exists:
                    cursor.execute(f'CREATE DATABASE "{name}"')
                    cursor.execute(f'COMMENT ON DATABASE "{name}" IS %s', [f"{MARK} (building)"])
                    ours = True
    finally:
        server.close()
    env = dict(
        os.environ,
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="dbt_training.settings.base",
        DJANGO_PRODUCTION="false",
    )
    env.pop("REDIS_URL", None)  # migrate and seed_load need no broker
    # Every run migrates (a no-op when nothing changed), so a reused database follows the code.
    _manage(["migrate", "--noinput", "-v", "0"], env)
    if built:
        return
    say(f"Building the load data in {name}: seed_load {' '.join(seed.seed_load_args())}")
    started = time.monotonic()
    _manage(["seed_load", *seed.seed_load_args(), "--reset"], env, quiet=True)
    say(f"Built in {time.monotonic() - started:.0f} s (seed_load ends with ANALYZE).")
    if ours:
        server = _connect(url, "postgres")
        try:
            with server.cursor() as cursor:
                cursor.execute(f'COMMENT ON DATABASE "{name}" IS %s', [seed.marker()])
        finally:
            server.close()


def server_env(url: str, static_root: str) -> dict:
    """Production mode over plain HTTP: what `check --deploy` wants, minus the TLS redirect."""
    env = dict(
        os.environ,
        DJANGO_PRODUCTION="true",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS=f"{HOST},localhost",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=url,
        STATIC_ROOT=static_root,
        DJANGO_SETTINGS_MODULE="benchmarks.load.settings",
        LOG_LEVEL="WARNING",
    )
    env.pop("DJANGO_DEBUG", None)
    return env


def collectstatic(url: str, static_root: str) -> subprocess.Popen:
    """Production serves hashed, compressed static files from STATIC_ROOT (WhiteNoise)."""
    return subprocess.Popen(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=server_env(url, static_root),
    )


@contextmanager
def static_files(url: str):
    with tempfile.TemporaryDirectory(prefix="dbt-load-static-") as root:
        yield root, collectstatic(url, root)


@contextmanager
def gunicorn(url: str, static_root: str, *, port: int, workers: int):
    env = server_env(url, static_root)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "dbt_training.wsgi",
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            "sync",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                sys.exit(f"gunicorn exited with {server.returncode} before it served a request.")
            try:
                if request(port, "GET", "/__bare__").status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                sys.exit("gunicorn did not answer /__bare__ within 60 s.")
            time.sleep(0.2)
        yield server
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


# --- Users ---------------------------------------------------------------------------------------


@dataclass
class Trainee:
    email: str
    cohort_id: int
    lesson_ids: list[int]  # the module they are on
    quiz_id: int
    assignment_id: int
    attempt_id: int = 0
    question_id: int = 0
    answer_ids: list[int] = field(default_factory=list)
    cookie: str = ""  # sessionid=…; csrftoken=…
    csrf: str = ""  # the token the page's form carries

    def lesson_path(self, n: int = 0) -> str:
        return f"/learn/{self.cohort_id}/lessons/{self.lesson_ids[n % len(self.lesson_ids)]}/"

    def quiz_save(self, n: int = 0) -> tuple[str, str]:
        answer = self.answer_ids[n % len(self.answer_ids)]
        return (
            f"/learn/{self.cohort_id}/attempts/{self.attempt_id}/questions/{self.question_id}/save/",
            f"csrfmiddlewaretoken={self.csrf}&q{self.question_id}={answer}",
        )

    def worksheet_save(self, n: int = 0) -> tuple[str, str]:
        return (
            f"/learn/{self.cohort_id}/assignments/{self.assignment_id}/save/",
            f"csrfmiddlewaretoken={self.csrf}&response=Draft+number+{n}+of+my+reflection.",
        )


def django_setup(url: str) -> None:
    """The harness's own Django (not production mode: it reads ids and writes sessions)."""
    os.environ.update(
        DATABASE_URL=url,
        SECRET_KEY=SECRET_KEY,
        DJANGO_PRODUCTION="false",
        DJANGO_SETTINGS_MODULE="benchmarks.load.settings",
    )
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()


def trainees(count: int, *, cohort_name: str | None = None) -> list[Trainee]:
    """`count` trainees who have started (the first lesson of their module opened), in email
    order, each with an open attempt at their module's knowledge check (started through the
    quiz service, as the Start button does)."""
    from assessments.models import Assignment, Quiz
    from assessments.quizzes import services
    from courses.models import Enrollment
    from dbt_training.load import LOAD_COURSE_SLUG, LOAD_EMAIL_DOMAIN
    from modules.models import Lesson, LessonProgress

    enrollments = Enrollment.objects.filter(
        cohort__course__slug=LOAD_COURSE_SLUG,
        user__email__endswith=f"@{LOAD_EMAIL_DOMAIN}",
        user__email__startswith="trainee-",
    ).select_related("user", "cohort")
    if cohort_name:
        enrollments = enrollments.filter(cohort__name=cohort_name)
    started = dict(
        LessonProgress.objects.filter(enrollment__in=enrollments, completed_at__isnull=True)
        .values_list("enrollment_id", "lesson__module_id")
        .order_by()
    )
    chosen = [e for e in enrollments.order_by("user__email") if e.pk in started][:count]
    if len(chosen) < count:
        sys.exit(f"Only {len(chosen)} started trainees in the load data; {count} needed.")
    modules = {started[e.pk] for e in chosen}
    lessons: dict[int, list[int]] = {}
    for lesson_id, module_id in (
        Lesson.objects.filter(module_id__in=modules)
        .order_by("module_id", "position")
        .values_list("pk", "module_id")
    ):
        lessons.setdefault(module_id, []).append(lesson_id)
    quizzes = {q.module_id: q for q in Quiz.objects.filter(module_id__in=modules)}
    assignments = dict(
        Assignment.objects.filter(module_id__in=modules).values_list("module_id", "pk")
    )
    people = []
    for enrollment in chosen:
        module_id = started[enrollment.pk]
        quiz = quizzes[module_id]
        attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
        question_id = attempt.question_order[0]
        people.append(
            Trainee(
                email=enrollment.user.email,
                cohort_id=enrollment.cohort_id,
                lesson_ids=lessons[module_id],
                quiz_id=quiz.pk,
                assignment_id=assignments[module_id],
                attempt_id=attempt.pk,
                question_id=question_id,
                answer_ids=list(attempt.choice_order[str(question_id)]),
            )
        )
    return people


def trainer_cohort() -> tuple[str, int]:
    """trainer-001 and their cohort (seed_load gives each cohort one trainer)."""
    from courses.models import Cohort
    from dbt_training.load import LOAD_COURSE_SLUG, LOAD_EMAIL_DOMAIN

    email = f"trainer-001@{LOAD_EMAIL_DOMAIN}"
    cohort = Cohort.objects.get(course__slug=LOAD_COURSE_SLUG, trainers__email=email)
    return email, cohort.pk


# A CSRF secret as the cookie holds it; Django accepts it unmasked as the token too.
def _csrf_secret() -> str:
    from django.utils.crypto import get_random_string

    return get_random_string(32)


def direct_sessions(emails: list[str]) -> dict[str, str]:
    """Session rows written straight into the database (what django.contrib.auth.login stores):
    signing in a thousand users through the form would cost a thousand PBKDF2 hashes.
    Returns email → Cookie header (with a CSRF cookie whose secret is also the token)."""
    from datetime import timedelta

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    from dbt_training.users.models import User

    backend = settings.AUTHENTICATION_BACKENDS[0]
    rows, cookies = [], {}
    expires = timezone.now() + timedelta(days=1)
    for user in User.objects.filter(email__in=emails):
        store = SessionStore()
        key = store._get_new_session_key()
        data = {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: backend,
            HASH_SESSION_KEY: user.get_session_auth_hash(),
        }
        rows.append(Session(session_key=key, session_data=store.encode(data), expire_date=expires))
        secret = _csrf_secret()
        cookies[user.email] = (f"{settings.SESSION_COOKIE_NAME}={key}; csrftoken={secret}", secret)
    Session.objects.bulk_create(rows, batch_size=1000)
    return cookies


def form_sign_in(port: int, email: str, password: str, totp_secret: str | None = None) -> str:
    """Sign in through the real login form (GET it for the CSRF cookie and token, POST the
    email and password, and for staff the authenticator-app code computed from `totp_secret`
    when allauth asks for it); returns the Cookie header the browser would then send."""
    import re

    page = request(port, "GET", "/accounts/login/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)
    if page.status != 200 or not token or "csrftoken" not in page.cookies:
        sys.exit(f"The login page answered {page.status} without a CSRF token.")
    answer = request(
        port,
        "POST",
        "/accounts/login/",
        body=f"csrfmiddlewaretoken={token.group(1).decode()}&login={email}&password={password}",
        cookie=f"csrftoken={page.cookies['csrftoken']}",
    )
    if answer.status != 302 or "sessionid" not in answer.cookies:
        sys.exit(f"Signing in as {email} through the form failed ({answer.status}).")
    jar = {"csrftoken": page.cookies["csrftoken"], **answer.cookies}
    cookie = "; ".join(f"{k}={v}" for k, v in jar.items())
    if answer.headers.get("Location", "").startswith("/accounts/2fa/authenticate/"):
        cookie = _second_factor(port, email, cookie, totp_secret)
    return cookie


def _second_factor(port: int, email: str, cookie: str, totp_secret: str | None) -> str:
    """allauth's second step: the code an authenticator app would show now."""
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    if not totp_secret:
        sys.exit(f"{email} has a second factor and no secret was given to the harness.")
    path = "/accounts/2fa/authenticate/"
    token, cookie = page_token(port, path, cookie)
    code = format_hotp_value(hotp_value(totp_secret, int(time.time() // 30)))
    answer = request(
        port, "POST", path, body=f"csrfmiddlewaretoken={token}&code={code}", cookie=cookie
    )
    if answer.status != 302 or "sessionid" not in answer.cookies:
        sys.exit(f"{email}'s authenticator code was refused ({answer.status}).")
    jar = dict(part.split("=", 1) for part in cookie.split("; "))
    jar.update(answer.cookies)
    return "; ".join(f"{k}={v}" for k, v in jar.items())


def page_token(port: int, path: str, cookie: str) -> tuple[str, str]:
    """The CSRF token a page's form carries (and the cookie, with any csrftoken it set)."""
    import re

    page = request(port, "GET", path, cookie=cookie)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)
    if page.status != 200 or not token:
        sys.exit(f"{path} answered {page.status} without a CSRF token.")
    if "csrftoken" in page.cookies:
        jar = dict(part.split("=", 1) for part in cookie.split("; "))
        jar["csrftoken"] = page.cookies["csrftoken"]
        cookie = "; ".join(f"{k}={v}" for k, v in jar.items())
    return token.group(1).decode(), cookie


def forget_sessions(cookies: list[str]) -> None:
    """Delete the sessions the harness signed in, so a reused database does not pile them up."""
    from django.conf import settings
    from django.contrib.sessions.models import Session

    name = settings.SESSION_COOKIE_NAME + "="
    keys = [
        part[len(name) :]
        for cookie in cookies
        for part in cookie.split("; ")
        if part.startswith(name)
    ]
    Session.objects.filter(session_key__in=keys).delete()
