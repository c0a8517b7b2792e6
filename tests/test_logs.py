"""Log lines (issue 24, item 3): a request id on every line (the trusted proxy's X-Request-ID or a
new one, returned in the response), one access line per request naming the URL pattern, status,
duration and user id, Celery task lines under the id of the request that queued them, JSON in
production, and no personal data or clinical content in any line."""

import datetime
import json
import logging
import time
import uuid

import pytest
from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from dbt_training.core import logs
from tests.factories import (
    AssignmentFactory,
    CohortFactory,
    CourseFactory,
    EnrollmentFactory,
    LessonFactory,
    ModuleFactory,
)

HX = {"HTTP_HX_REQUEST": "true"}


def access_lines(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "dbt_training.requests"]


def formatted(record: logging.LogRecord) -> list[str]:
    """The record as each configured format writes it."""
    logs.RequestIdFilter().filter(record)
    plain = logging.Formatter(settings.LOGGING["formatters"]["plain"]["format"])
    return [plain.format(record), logs.JsonFormatter().format(record)]


@pytest.fixture
def behind_proxy(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1


# --- The request id ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_each_request_gets_a_new_id_returned_in_the_response_and_on_its_access_line(client, caplog):
    caplog.set_level(logging.INFO, logger="dbt_training.requests")

    first = client.get("/healthz")
    second = client.get("/healthz")

    ids = [first["X-Request-ID"], second["X-Request-ID"]]
    assert all(len(i) == 32 and int(i, 16) >= 0 for i in ids)
    assert ids[0] != ids[1]
    assert [r.request_id for r in access_lines(caplog)] == ids


@pytest.mark.django_db
def test_a_client_cannot_name_the_request_id_without_a_trusted_proxy(client, caplog):
    caplog.set_level(logging.INFO, logger="dbt_training.requests")

    response = client.get("/healthz", HTTP_X_REQUEST_ID="chosen-by-the-client")

    assert response["X-Request-ID"] != "chosen-by-the-client"
    assert len(response["X-Request-ID"]) == 32
    assert [r.request_id for r in access_lines(caplog)] == [response["X-Request-ID"]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "proxy", [{"ALLAUTH_TRUSTED_PROXY_COUNT": 1}, {"ALLAUTH_TRUSTED_CLIENT_IP_HEADER": "X-Real-IP"}]
)
def test_a_trusted_proxys_request_id_is_kept(client, settings, caplog, proxy):
    for name, value in proxy.items():
        setattr(settings, name, value)
    caplog.set_level(logging.INFO, logger="dbt_training.requests")
    sent = "3f2c9a1e-5b7d-4e21-9c0a-1d2e3f4a5b6c"

    response = client.get("/healthz", HTTP_X_REQUEST_ID=sent)

    assert response["X-Request-ID"] == sent
    assert [r.request_id for r in access_lines(caplog)] == [sent]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "sent",
    ["", "has space", "a" * 129, '"quoted"', "line\u2028break", "<script>", "x;y=z", "id\x00"],
)
def test_a_trusted_proxys_malformed_request_id_is_replaced(client, behind_proxy, caplog, sent):
    caplog.set_level(logging.INFO, logger="dbt_training.requests")

    response = client.get("/healthz", HTTP_X_REQUEST_ID=sent)

    assert response["X-Request-ID"] != sent
    assert len(response["X-Request-ID"]) == 32
    assert [r.request_id for r in access_lines(caplog)] == [response["X-Request-ID"]]


def test_the_request_id_is_unbound_after_the_request(rf):
    middleware = logs.RequestLogMiddleware(lambda request: HttpResponse())

    middleware(rf.get("/"))

    assert logs.current_request_id() == "-"


# --- The access line -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_access_line_names_the_url_pattern_status_duration_and_user_id(client, trainee, caplog):
    client.force_login(trainee)
    caplog.set_level(logging.INFO, logger="dbt_training.requests")

    response = client.get(reverse("dashboard"))

    [line] = access_lines(caplog)
    assert (line.levelname, line.method, line.route, line.status, line.user_id) == (
        "INFO",
        "GET",
        "dashboard/",
        200,
        trainee.pk,
    )
    assert isinstance(line.duration_ms, float) and line.duration_ms >= 0
    assert line.request_id == response["X-Request-ID"]
    assert line.getMessage() == f"GET dashboard/ 200 {line.duration_ms}ms user {trainee.pk}"


@pytest.mark.django_db
def test_the_access_line_has_the_pattern_not_the_path_and_no_user_for_a_visitor(client, caplog):
    caplog.set_level(logging.INFO, logger="dbt_training.requests")

    client.get("/learn/7/assignments/9/save/")  # a visitor: sent to sign in
    client.get("/no/such/page/?email=dana@example.org")

    assert [(r.route, r.status, r.user_id) for r in access_lines(caplog)] == [
        ("learn/<int:cohort_id>/assignments/<int:assignment_id>/save/", 302, None),
        ("-", 404, None),
    ]
    assert all("dana@example.org" not in line for r in caplog.records for line in formatted(r))


@pytest.mark.django_db
def test_the_middleware_runs_no_query_and_leaves_an_unread_user_unread(
    rf, trainee, django_assert_num_queries
):
    request = rf.get("/healthz")
    request.session = {}
    request.user = SimpleLazyObject(lambda: get_user(request))
    middleware = logs.RequestLogMiddleware(lambda request: HttpResponse("ok"))

    with django_assert_num_queries(0):
        response = middleware(request)

    assert response.status_code == 200
    assert logs._user_id(request) is None


# --- Formats ------------------------------------------------------------------------------------


def test_json_lines_carry_fixed_fields_and_never_the_request_object(rf):
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Bad Request: %s", ("/x",), None
    )
    record.request = rf.get("/x", HTTP_COOKIE="sessionid=secret")
    record.created = datetime.datetime(2026, 3, 1, 9, 30, 5, 123000, datetime.UTC).timestamp()
    token = logs.bind_request_id("abc123")
    try:
        line = json.loads(logs.JsonFormatter().format(record))
    finally:
        logs.unbind_request_id(token)

    assert line == {
        "time": "2026-03-01T09:30:05.123+00:00",
        "level": "WARNING",
        "logger": "django.request",
        "message": "Bad Request: /x",
        "request_id": "abc123",
    }


def test_json_lines_carry_the_access_fields_and_the_exception():
    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        exc_info = sys.exc_info()
    record = logging.LogRecord(
        "dbt_training.requests", logging.ERROR, __file__, 1, "x", (), exc_info
    )
    for name, value in {"method": "POST", "route": "healthz", "status": 500, "user_id": 7}.items():
        setattr(record, name, value)
    record.duration_ms = 1.5

    line = json.loads(logs.JsonFormatter().format(record))

    assert {k: line[k] for k in ("method", "route", "status", "duration_ms", "user_id")} == {
        "method": "POST",
        "route": "healthz",
        "status": 500,
        "duration_ms": 1.5,
        "user_id": 7,
    }
    assert line["request_id"] == "-"
    assert line["exception"].endswith("ValueError: boom")


def test_plain_lines_are_the_plain_format_with_the_request_id():
    record = logging.LogRecord(
        "reminders.scan", logging.INFO, __file__, 1, "Scanned %s", (3,), None
    )
    token = logs.bind_request_id("abc123")
    try:
        plain = formatted(record)[0]
    finally:
        logs.unbind_request_id(token)

    assert plain.endswith(" INFO reminders.scan [abc123] Scanned 3")


# --- Celery --------------------------------------------------------------------------------------


class FakeTask:
    def __init__(self, **headers):
        self.request = type("Context", (), headers)()


def test_a_queued_task_carries_the_request_id_and_runs_under_it():
    headers = {}
    token = logs.bind_request_id("req-1")
    try:
        logs._on_task_publish(headers=headers)
    finally:
        logs.unbind_request_id(token)

    logs._on_task_prerun(task_id="t1", task=FakeTask(**headers))
    during = logs.current_request_id()
    logs._on_task_postrun(task_id="t1")

    assert headers == {"dbt_request_id": "req-1"}
    assert (during, logs.current_request_id()) == ("req-1", "-")


def test_a_task_queued_outside_a_request_carries_no_id_and_an_inline_task_keeps_the_requests():
    headers = {}
    logs._on_task_publish(headers=headers)
    token = logs.bind_request_id("req-2")
    try:
        logs._on_task_prerun(task_id="t2", task=FakeTask())  # run inline: no header
        during = logs.current_request_id()
        logs._on_task_postrun(task_id="t2")
        after = logs.current_request_id()
    finally:
        logs.unbind_request_id(token)

    assert headers == {}
    assert (during, after) == ("req-2", "req-2")


def test_a_malformed_task_header_is_ignored():
    logs._on_task_prerun(task_id="t3", task=FakeTask(dbt_request_id="bad id"))
    during = logs.current_request_id()
    logs._on_task_postrun(task_id="t3")

    assert during == "-"


@shared_task(name="tests.remember_request_id")
def remember_request_id(key: str) -> None:
    logging.getLogger("tests.task").info("running")
    cache.set(key, logs.current_request_id(), timeout=60)


@pytest.mark.redis
def test_a_real_worker_logs_a_task_under_the_id_of_the_request_that_queued_it(redis_url):
    from celery.contrib.testing.worker import start_worker

    from dbt_training.celery import app

    key = f"request-id-{uuid.uuid4()}"
    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, loglevel="WARNING"):
            token = logs.bind_request_id("queued-by-7f3a")
            try:
                remember_request_id.delay(key)
            finally:
                logs.unbind_request_id(token)
            deadline = time.monotonic() + 20
            while cache.get(key) is None and time.monotonic() < deadline:
                time.sleep(0.1)
    finally:
        app.conf.task_always_eager = True

    assert cache.get(key) == "queued-by-7f3a"


# --- No personal data or clinical content -------------------------------------------------------


@pytest.mark.django_db
def test_no_log_line_holds_the_worksheet_text_or_the_signed_in_persons_email(
    client, trainee, password, caplog
):
    course = CourseFactory()
    module = ModuleFactory(course=course, position=1, due_offset_days=14)
    LessonFactory(module=module)
    today = timezone.localdate()
    cohort = CohortFactory(
        course=course,
        starts_on=today - datetime.timedelta(days=7),
        ends_on=today + datetime.timedelta(days=90),
    )
    enrollment = EnrollmentFactory(user=trainee, cohort=cohort)
    assignment = AssignmentFactory(module=module)
    secret = "Urge to self-harm after the argument with my sister, rated 4/5"
    caplog.set_level(logging.DEBUG)

    signed_in = client.post(
        reverse("account_login"), {"login": trainee.email, "password": password}
    )
    saved = client.post(
        reverse("assignments:save", args=[enrollment.cohort_id, assignment.pk]),
        {"response": secret},
        **HX,
    )
    page = client.get(reverse("assignments:assignment", args=[enrollment.cohort_id, assignment.pk]))

    assert signed_in.status_code == 302
    assert "Draft saved at" in saved.content.decode()
    assert secret in page.content.decode()
    assert [(r.route, r.status, r.user_id) for r in access_lines(caplog)] == [
        ("accounts/login/", 302, trainee.pk),
        ("learn/<int:cohort_id>/assignments/<int:assignment_id>/save/", 200, trainee.pk),
        ("learn/<int:cohort_id>/assignments/<int:assignment_id>/", 200, trainee.pk),
    ]
    lines = [line for record in caplog.records for line in formatted(record)]
    assert lines
    assert not [line for line in lines if secret in line or trainee.email in line]
