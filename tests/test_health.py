from http import HTTPStatus

import pytest
from django.db import OperationalError, connection
from django.test import override_settings
from django.urls import reverse

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


def test_healthz_is_503_when_the_database_does_not_answer(client, monkeypatch):
    # A database outage cannot be staged cheaply inside the test's own transaction, so the
    # cursor is made to fail the way a dropped connection does.
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)

    response = client.get(reverse("healthz"))

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response.json()["checks"]["database"] == "error: OperationalError"


def test_healthz_refuses_post(client):
    assert client.post(reverse("healthz")).status_code == HTTPStatus.METHOD_NOT_ALLOWED
