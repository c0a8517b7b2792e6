"""The Celery app as deployed: its configuration, and a real worker consuming from Redis."""

import time
import uuid

import pytest
from celery import shared_task
from django.core.cache import cache

from dbt_training.celery import app


@shared_task(name="tests.remember")
def remember(key: str, value: str) -> None:
    # Writes to the shared (Redis) cache so the test can see the worker ran it.
    cache.set(key, value, timeout=60)


def test_celery_app_uses_json_and_time_limits():
    assert app.main == "dbt_training"
    assert app.conf.task_serializer == "json"
    assert app.conf.accept_content == ["json"]
    assert (app.conf.task_soft_time_limit, app.conf.task_time_limit) == (240, 300)
    assert app.conf.task_acks_late is True
    assert app.conf.beat_scheduler == "django_celery_beat.schedulers:DatabaseScheduler"


@pytest.mark.redis
def test_real_worker_runs_a_queued_task_through_redis(redis_url):
    from celery.contrib.testing.worker import start_worker

    key, value = f"celery-test-{uuid.uuid4()}", "ran in the worker"
    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, loglevel="WARNING"):
            assert [list(reply.values())[0] for reply in app.control.ping(timeout=5)] == [
                {"ok": "pong"}
            ]
            remember.delay(key, value)
            deadline = time.monotonic() + 20
            while cache.get(key) is None and time.monotonic() < deadline:
                time.sleep(0.1)
    finally:
        app.conf.task_always_eager = True

    assert cache.get(key) == value
