import datetime
import logging
from http import HTTPStatus

import pytest
import time_machine
from django.db import OperationalError, connection
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from dbt_training import health
from dbt_training.outbox.models import Heartbeat, OutboxStatus, OutgoingEmail

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_as_json(client, settings):
    response = client.get(reverse("healthz"))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    broker = "ok" if settings.REDIS_URL else "not configured"
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "broker": broker}}


def test_healthz_with_real_broker_reports_it_ok(client, redis_url):
    response = client.get(reverse("healthz"))

    assert response.status_code == HTTPStatus.OK
    assert response.json()["checks"]["broker"] == "ok"


@override_settings(REDIS_URL="redis://127.0.0.1:1/0", CELERY_BROKER_URL="redis://127.0.0.1:1/0")
def test_healthz_is_503_when_the_broker_does_not_answer(client):
    # Port 1 on loopback: nothing listens, the connection is refused at once.
    response = client.get(reverse("healthz"))

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["broker"].startswith("error: ")


@override_settings(
    REDIS_URL="redis://127.0.0.1:1/0",
    CELERY_BROKER_URL="redis://127.0.0.1:1/0",
    ADMINS=[("Ops", "ops@example.org")],
)
def test_a_503_is_logged_as_a_warning_not_an_error_that_mails_the_admins(
    client, caplog, mailoutbox
):
    # A monitor polls through an outage: each 503 must not become an ERROR (and an email).
    with caplog.at_level(logging.INFO):
        for _ in range(3):
            assert client.get(reverse("healthz")).status_code == HTTPStatus.SERVICE_UNAVAILABLE

    assert [r.levelname for r in caplog.records if r.name == "django.request"] == []
    assert [r.levelname for r in caplog.records if r.name == "dbt_training.views"] == [
        "WARNING"
    ] * 3
    assert mailoutbox == []


@override_settings(REDIS_URL="redis://127.0.0.1:1/0", CELERY_BROKER_URL="redis://127.0.0.1:1/0")
def test_the_load_balancers_check_keeps_a_node_in_service_while_the_broker_is_down(client):
    # Pages work without Redis, so `?live=1` asks only what a page needs: the database.
    response = client.get(reverse("healthz"), {"live": "1"})

    assert response.status_code == HTTPStatus.OK
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}


def test_healthz_is_503_when_the_database_does_not_answer(client, monkeypatch):
    # A database outage cannot be staged cheaply inside the test's own transaction, so the
    # cursor is made to fail the way a dropped connection does.
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)

    response = client.get(reverse("healthz"))
    live = client.get(reverse("healthz"), {"live": "1"})

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response.json()["checks"]["database"] == "error: OperationalError"
    assert live.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert live.json() == {
        "status": "unavailable",
        "checks": {"database": "error: OperationalError"},
    }


def test_healthz_refuses_post(client):
    assert client.post(reverse("healthz")).status_code == HTTPStatus.METHOD_NOT_ALLOWED


# --- /healthz?deep=1: worker heartbeat, last reminder scan, outbox backlog ----------------------

NOW = datetime.datetime(2027, 3, 1, 12, 0, tzinfo=datetime.UTC)


def ago(**delta) -> datetime.datetime:
    return NOW - datetime.timedelta(**delta)


@pytest.fixture
def with_broker(settings, monkeypatch):
    """A deployment with a broker that answers (a worker is then expected)."""
    settings.REDIS_URL = "redis://broker.example.org:6379/0"
    monkeypatch.setattr(health, "check_broker", lambda: "ok")


@pytest.fixture
def at_now():
    with time_machine.travel(NOW, tick=False):
        yield


def email(key: str, status: str, created_at: datetime.datetime) -> OutgoingEmail:
    return OutgoingEmail.objects.create(
        kind="announcement",
        key=key,
        to=f"{key}@example.org",
        subject="Hello",
        body_text="Hello",
        status=status,
        created_at=created_at,
    )


def deep(client):
    return client.get(reverse("healthz"), {"deep": "1"})


def test_deep_healthz_reports_heartbeats_and_backlog(client, with_broker, at_now):
    Heartbeat.beat(Heartbeat.WORKER, at=ago(seconds=42))
    Heartbeat.beat(Heartbeat.REMINDER_SCAN, at=ago(minutes=4))
    email("a", OutboxStatus.PENDING, ago(minutes=3))
    email("b", OutboxStatus.SENDING, ago(minutes=7, seconds=5))
    email("c", OutboxStatus.SENT, ago(hours=2))
    email("d", OutboxStatus.FAILED, ago(hours=3))

    response = deep(client)

    assert response.status_code == HTTPStatus.OK
    assert "no-cache" in response["Cache-Control"]
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "broker": "ok", "worker": "ok", "reminder_scan": "ok"},
        "worker": {"last": "2027-03-01T11:59:18+00:00", "age_seconds": 42, "max_age_seconds": 300},
        "reminder_scan": {
            "last": "2027-03-01T11:56:00+00:00",
            "age_seconds": 240,
            "max_age_seconds": 900,
        },
        "outbox": {"backlog": 2, "oldest_age_seconds": 425, "failed": 1},
    }


def test_deep_healthz_is_503_when_the_worker_heartbeat_is_too_old(client, with_broker, at_now):
    Heartbeat.beat(Heartbeat.WORKER, at=ago(minutes=5, seconds=1))
    Heartbeat.beat(Heartbeat.REMINDER_SCAN, at=ago(minutes=1))

    response = deep(client)

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"] == {
        "database": "ok",
        "broker": "ok",
        "worker": "stale",
        "reminder_scan": "ok",
    }
    assert body["worker"] == {
        "last": "2027-03-01T11:54:59+00:00",
        "age_seconds": 301,
        "max_age_seconds": 300,
    }


def test_deep_healthz_is_503_when_the_last_scan_is_too_old(client, with_broker, at_now):
    Heartbeat.beat(Heartbeat.WORKER, at=ago(minutes=5))  # at the limit: still ok
    Heartbeat.beat(Heartbeat.REMINDER_SCAN, at=ago(minutes=15, seconds=1))

    response = deep(client)

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response.json()["checks"] == {
        "database": "ok",
        "broker": "ok",
        "worker": "ok",
        "reminder_scan": "stale",
    }
    assert response.json()["reminder_scan"]["age_seconds"] == 901


def test_deep_healthz_is_503_before_any_worker_or_scan_ran(client, with_broker, at_now):
    response = deep(client)

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "ok", "broker": "ok", "worker": "never", "reminder_scan": "never"},
        "worker": {"last": None, "age_seconds": None, "max_age_seconds": 300},
        "reminder_scan": {"last": None, "age_seconds": None, "max_age_seconds": 900},
        "outbox": {"backlog": 0, "oldest_age_seconds": None, "failed": 0},
    }


def test_deep_healthz_expects_no_worker_or_beat_without_a_broker(client, settings, at_now):
    settings.REDIS_URL = ""
    email("a", OutboxStatus.PENDING, ago(seconds=30))

    response = deep(client)

    assert response.status_code == HTTPStatus.OK
    assert response.json() == {
        "status": "ok",
        "checks": {
            "database": "ok",
            "broker": "not configured",
            "worker": "not configured",
            "reminder_scan": "not configured",
        },
        "worker": {"last": None, "age_seconds": None, "max_age_seconds": 300},
        "reminder_scan": {"last": None, "age_seconds": None, "max_age_seconds": 900},
        "outbox": {"backlog": 1, "oldest_age_seconds": 30, "failed": 0},
    }


def test_plain_healthz_stays_cheap_and_reads_no_heartbeat(
    client, with_broker, django_assert_num_queries
):
    with django_assert_num_queries(1):  # SELECT 1
        response = client.get(reverse("healthz"))

    assert response.json() == {"status": "ok", "checks": {"database": "ok", "broker": "ok"}}


def test_the_outbox_sweep_and_the_reminder_scan_record_their_heartbeats(client, with_broker):
    from dbt_training.outbox.tasks import deliver_outbox
    from reminders.tasks import scan_reminders

    assert deep(client).json()["checks"]["worker"] == "never"
    before = timezone.now()

    deliver_outbox.delay().get()  # inline here, as a worker runs it
    scan_reminders.delay().get()

    response = deep(client)
    assert response.status_code == HTTPStatus.OK
    assert response.json()["checks"]["worker"] == response.json()["checks"]["reminder_scan"] == "ok"
    assert before <= Heartbeat.last(Heartbeat.WORKER) <= timezone.now()
    assert before <= Heartbeat.last(Heartbeat.REMINDER_SCAN) <= timezone.now()


def test_deep_healthz_with_the_database_down_says_so(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)

    response = deep(client)

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response.json()["checks"]["database"] == "error: OperationalError"
