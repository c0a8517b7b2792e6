"""Log lines: one JSON object a line in production (LOG_FORMAT=json), the plain format on a
laptop, each carrying the id of the request it belongs to (or of the request that queued the
task), and one access line per request (logger `dbt_training.requests`).

No personal data or clinical content goes into a log line: the access line names the person by
user id and the page by its URL pattern (a pattern holds no typed text, a raw path can hold a
search or an email address), and the JSON formatter writes a fixed set of fields, never the
record's other attributes (Django attaches the whole request to its `django.request` records).
"""

import contextvars
import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

from django.conf import settings
from django.utils.functional import empty

REQUEST_ID_HEADER = "X-Request-ID"
# The id a proxy sends is copied into every log line and back into a response header, so only a
# plain token is taken: letters, digits and - _ . : (UUIDs, nginx's $request_id, hex trace ids).
REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
# The task message header carrying the id of the request that queued the task.
TASK_HEADER = "dbt_request_id"
NO_REQUEST = "-"

_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default=NO_REQUEST)

access_log = logging.getLogger("dbt_training.requests")

# Fields a record may carry into a JSON line besides the standard ones (the access line's).
EXTRA_FIELDS = ("method", "route", "status", "duration_ms", "user_id")


def current_request_id() -> str:
    """The id of the request (or of the request that queued the task) being served; '-' when
    there is none (a management command, a periodic task)."""
    return _request_id.get()


def bind_request_id(request_id: str) -> contextvars.Token:
    return _request_id.set(request_id)


def unbind_request_id(token: contextvars.Token) -> None:
    _request_id.reset(token)


def valid_request_id(value: object) -> str | None:
    return value if isinstance(value, str) and REQUEST_ID.fullmatch(value) else None


def new_request_id() -> str:
    return uuid.uuid4().hex


def behind_trusted_proxy() -> bool:
    """Only a proxy the settings declare may name the request id: a client's own header would
    let anyone write what they like into the logs (and tie their requests to someone else's)."""
    return bool(settings.ALLAUTH_TRUSTED_PROXY_COUNT or settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER)


class RequestIdFilter(logging.Filter):
    """Puts the current request id on every record a handler writes (`%(request_id)s`)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = _request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line, with a fixed set of fields; the time in UTC, ISO 8601."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", _request_id.get()),
        }
        for name in EXTRA_FIELDS:
            if hasattr(record, name):
                line[name] = getattr(record, name)
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            line["stack"] = self.formatStack(record.stack_info)
        return json.dumps(line, ensure_ascii=False, default=str)


class RequestLogMiddleware:
    """Gives each request an id (the trusted proxy's X-Request-ID, else a new one), returns it in
    the X-Request-ID response header, and writes one access line when the response is ready:
    method, URL pattern, status, duration and user id. Listed first, so it times and tags
    everything the other middleware do. Runs no query: the user id is read only when the
    request's user was already loaded (every page that renders a template loads it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = None
        if behind_trusted_proxy():
            request_id = valid_request_id(request.headers.get(REQUEST_ID_HEADER))
        request_id = request_id or new_request_id()
        request.request_id = request_id
        token = bind_request_id(request_id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            duration_ms = round((time.monotonic() - started) * 1000, 1)
            route = _route(request)
            user_id = _user_id(request)
            access_log.info(
                "%s %s %s %sms user %s",
                request.method,
                route,
                response.status_code,
                duration_ms,
                user_id if user_id is not None else NO_REQUEST,
                extra={
                    "method": request.method,
                    "route": route,
                    "status": response.status_code,
                    "duration_ms": duration_ms,
                    "user_id": user_id,
                },
            )
            return response
        finally:
            unbind_request_id(token)


def _route(request) -> str:
    """The URL pattern that matched ('cohorts/<int:pk>/'), never the path itself; '-' when none
    did (a 404 from the resolver, a redirect made before resolving)."""
    match = getattr(request, "resolver_match", None)
    return (match.route or match.view_name or NO_REQUEST) if match else NO_REQUEST


def _user_id(request) -> int | None:
    user = getattr(request, "user", None)
    user = getattr(user, "_wrapped", user)  # AuthenticationMiddleware's lazy object
    if user is None or user is empty or not getattr(user, "is_authenticated", False):
        return None
    return user.pk


def _on_task_publish(headers=None, **kwargs) -> None:
    """Celery's before_task_publish: the message carries the queuing request's id."""
    request_id = _request_id.get()
    if headers is not None and request_id != NO_REQUEST:
        headers[TASK_HEADER] = request_id


_task_tokens: dict[str, contextvars.Token] = {}


def _on_task_prerun(task_id=None, task=None, **kwargs) -> None:
    """Celery's task_prerun: a worker's task logs under the id of the request that queued it.
    A task run inline (no broker) has no such header and keeps the request's own id."""
    request_id = valid_request_id(getattr(task.request, TASK_HEADER, None)) if task else None
    if request_id:
        _task_tokens[task_id] = bind_request_id(request_id)


def _on_task_postrun(task_id=None, **kwargs) -> None:
    token = _task_tokens.pop(task_id, None)
    if token is not None:
        unbind_request_id(token)


def connect_task_signals() -> None:
    """Called by the Celery app module (dbt_training/celery.py)."""
    from celery import signals

    signals.before_task_publish.connect(_on_task_publish, weak=False)
    signals.task_prerun.connect(_on_task_prerun, weak=False)
    signals.task_postrun.connect(_on_task_postrun, weak=False)
