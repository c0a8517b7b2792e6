"""Redis stopped under a running site: the pages a trainee uses, autosave and sign-in answer as
usual (sessions are in the database; the cache falls over to the database table), `/healthz`
says the broker is down, and all is as before once Redis is back.

The test starts its own `redis-server` on a free port, points the settings at it exactly as
production computes them from REDIS_URL (dbt_training/settings/base.py, run again with that
URL), and kills it with SIGKILL halfway through."""

import logging
import os
import runpy
import time
from http import HTTPStatus
from pathlib import Path

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.urls import reverse

from assessments.models import Response
from dbt_training.cache import FailoverCache

pytestmark = [pytest.mark.redis, pytest.mark.django_db]

BASE_SETTINGS = Path(__file__).resolve().parents[2] / "dbt_training" / "settings" / "base.py"
# Production tries Redis again 5 s after a failure; the test waits less.
RETRY_AFTER = 0.5


def production_settings(**environment: str) -> dict:
    """The settings dbt_training/settings/base.py computes with these variables set."""
    saved = {name: os.environ.get(name) for name in environment}
    os.environ.update(environment)
    try:
        return runpy.run_path(str(BASE_SETTINGS))
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def disconnect_redis_pools() -> None:
    for cache in caches.all(initialized_only=True):
        if isinstance(cache, FailoverCache) and "_cache" in vars(cache.primary):
            for pool in cache.primary._cache._pools.values():
                pool.disconnect()


@pytest.fixture
def on_own_redis(redis_server, settings):
    """Cache, broker and sessions configured as production configures them for this Redis."""
    production = production_settings(REDIS_URL=redis_server.url)
    cache = production["CACHES"]["default"]
    assert cache["BACKEND"] == "dbt_training.cache.FailoverCache"
    cache["OPTIONS"]["RETRY_AFTER"] = RETRY_AFTER
    settings.CACHES = production["CACHES"]
    settings.SESSION_ENGINE = production["SESSION_ENGINE"]
    settings.REDIS_URL = redis_server.url
    settings.CELERY_BROKER_URL = production["CELERY_BROKER_URL"]
    yield redis_server
    disconnect_redis_pools()


def sign_in(email: str, password: str) -> tuple[Client, object]:
    client = Client()
    response = client.post(reverse("account_login"), {"login": email, "password": password})
    return client, response


def page_texts(client, enrollment, lesson, quiz) -> dict:
    """Each page a trainee uses: URL -> the text it must show."""
    cohort = enrollment.cohort
    return {
        reverse("dashboard"): cohort.name,
        reverse("learn:cohort", args=[cohort.pk]): lesson.title,
        reverse("learn:lesson", args=[cohort.pk, lesson.pk]): "overlap of reasonable mind",
        reverse("quizzes:quiz", args=[cohort.pk, quiz.pk]): quiz.title,
    }


def assert_pages_answer(client, enrollment, lesson, quiz) -> None:
    for url, text in page_texts(client, enrollment, lesson, quiz).items():
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        assert text in response.content.decode(), url


def autosave(client, attempt, question, text: str):
    url = reverse("quizzes:save", args=[attempt.enrollment.cohort_id, attempt.pk, question.pk])
    return client.post(url, {f"q{question.pk}": text}, HTTP_HX_REQUEST="true")


def allauth_keys_in_redis(server) -> list:
    client = server.client()
    try:
        return client.keys("*allauth*")
    finally:
        client.close()


def allauth_keys_in_table() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM django_cache WHERE cache_key LIKE '%allauth%'")
        return cursor.fetchone()[0]


def test_redis_killed_and_restarted_under_a_signed_in_trainee(
    on_own_redis,
    enrollment,
    lesson,
    quiz,
    attempt,
    question,
    trainee,
    other_trainee,
    password,
    caplog,
):
    caplog.set_level(logging.INFO, logger="dbt_training.cache")
    redis_server = on_own_redis
    client, response = sign_in(trainee.email, password)
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("dashboard")
    assert_pages_answer(client, enrollment, lesson, quiz)
    assert allauth_keys_in_redis(redis_server), "rate limits use Redis while it is up"
    assert allauth_keys_in_table() == 0

    redis_server.kill()

    assert_pages_answer(client, enrollment, lesson, quiz)
    response = autosave(client, attempt, question, "wise mind")
    assert response.status_code == HTTPStatus.OK
    assert "Saved at" in response.content.decode()
    assert Response.objects.get(attempt=attempt, question=question).answer == {"text": "wise mind"}

    # Sign-in works on a fresh browser, and its rate limits now count in the database.
    second, response = sign_in(trainee.email, password)
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("dashboard")
    assert_pages_answer(second, enrollment, lesson, quiz)
    assert allauth_keys_in_table() > 0
    # ...and still limit: five wrong passwords for one address, then even the right one waits.
    for _ in range(5):
        _, response = sign_in(other_trainee.email, "not-the-password")
        assert response.status_code == HTTPStatus.OK
        assert "not correct" in response.content.decode()
    _, response = sign_in(other_trainee.email, password)
    assert response.status_code == HTTPStatus.OK
    assert "Too many failed login attempts. Try again later." in response.content.decode()

    response = client.get(reverse("healthz"))
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response.json()["status"] == "unavailable"
    assert response.json()["checks"]["database"] == "ok"
    assert response.json()["checks"]["broker"].startswith("error: ")

    # The cache's own lines (the 503 above leaves a warning of /healthz's too).
    warnings = [
        r for r in caplog.records if r.levelno == logging.WARNING and r.name == "dbt_training.cache"
    ]
    assert warnings, "the fallback leaves a line in the log"
    assert all("using the database cache" in r.getMessage() for r in warnings)
    assert f"127.0.0.1:{redis_server.port}" in warnings[0].getMessage()

    redis_server.start()
    time.sleep(RETRY_AFTER + 0.1)

    assert client.get(reverse("healthz")).status_code == HTTPStatus.OK
    assert_pages_answer(client, enrollment, lesson, quiz)
    response = autosave(client, attempt, question, "wise mind, both")
    assert response.status_code == HTTPStatus.OK
    assert "Saved at" in response.content.decode()
    saved = Response.objects.get(attempt=attempt, question=question)
    assert saved.answer == {"text": "wise mind, both"}
    third, response = sign_in(trainee.email, password)
    assert response.status_code == HTTPStatus.FOUND
    assert_pages_answer(third, enrollment, lesson, quiz)
    assert allauth_keys_in_redis(redis_server), "back on Redis once it answers"
    assert any("answers again" in r.getMessage() for r in caplog.records)
