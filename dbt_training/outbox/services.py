"""Writing emails into the outbox, and delivering them: claim with a lease, send, mark.

Why this shape:
- A row is written in the transaction of the change that causes the email, so a change is never
  committed without its email, and a broker or relay outage at that moment only delays it.
- A sender claims rows in a short committed transaction (status `sending`, a lease), talks to
  the relay with no transaction open, then marks each row in its own short transaction. A
  worker that dies between the relay's acceptance and the mark leaves that one row `sending`
  until its lease runs out; the next sweep sends it again. That is the one remaining window:
  at-least-once, one message per dead worker, and the Message-ID is stable, so a mail system
  can drop the copy.
- One recipient refused never holds back or repeats the others: every row is its own message.
"""

import logging
import smtplib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.utils import timezone

from dbt_training.core.queue import queue_after_commit
from dbt_training.core.sites import site_domain

from .models import OutboxStatus, OutgoingEmail

logger = logging.getLogger(__name__)

DELIVER_TASK = "dbt_training.outbox.tasks.deliver_outbox"
# A relay that cannot be reached or answers 4xx is tried for about a day, as mail servers do:
# the waits double from a minute up to an hour (1, 2, 4, 8, 16, 32, then 60 minutes), 30 tries
# in all, so an outage of some hours only delays mail. A permanent refusal (5xx) fails at once.
MAX_ATTEMPTS = 30
MAX_WAIT_MINUTES = 60
# Long enough for a batch's SMTP conversation; a worker that dies frees its rows after this.
LEASE = timedelta(minutes=10)
BATCH = 100
# Emails that carry a sign-in secret (password reset, address confirmation links): staff never
# see their bodies in the admin, and the body is erased once the relay accepted it.
ACCOUNT_KIND = "account"
PRIVATE_KINDS = frozenset({ACCOUNT_KIND})


# kind -> check(rows) -> {row id: why it must not go}: what only a higher layer knows at send
# time (a nudged trainee withdrew since). Registered in the higher app's AppConfig.ready().
_send_checks: dict[str, Callable[[list], dict[int, str]]] = {}


def register_send_check(kind: str, check: Callable[[list], dict[int, str]]) -> None:
    _send_checks[kind] = check


def backoff(attempts: int) -> timedelta:
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), MAX_WAIT_MINUTES))


@dataclass(frozen=True)
class Email:
    """One email to one recipient. `key` names the event and the recipient (for example
    `announcement:12:user:5`): the same key twice is one email."""

    kind: str
    key: str
    to: str
    subject: str
    text: str
    html: str = ""
    headers: dict = field(default_factory=dict)
    from_email: str = ""


def enqueue(emails: list[Email]) -> int:
    """Write the emails into the outbox; call it inside the transaction of the change that
    causes them. Keys already written are left as they are. After the commit a delivery is
    queued; if the broker cannot take it, the periodic sweep delivers instead (the request
    never fails for it). Returns how many rows were new."""
    if not emails:
        return 0
    keys = [email.key for email in emails]
    existing = set(OutgoingEmail.objects.filter(key__in=keys).values_list("key", flat=True))
    rows = [
        OutgoingEmail(
            kind=email.kind,
            key=email.key,
            to=email.to,
            subject=" ".join(email.subject.split())[:300],  # headers are one line
            body_text=email.text,
            body_html=email.html,
            headers=email.headers,
            from_email=email.from_email,
        )
        for email in {email.key: email for email in emails}.values()
        if email.key not in existing
    ]
    OutgoingEmail.objects.bulk_create(rows, ignore_conflicts=True)
    if rows:
        queue_after_commit(DELIVER_TASK)
    return len(rows)


@dataclass
class Delivery:
    sent: list[int] = field(default_factory=list)
    retry: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    cancelled: list[int] = field(default_factory=list)


def _drop_unwanted(rows: list, result: Delivery) -> list:
    """Ask each kind's registered check about its claimed rows; cancel what must not go."""
    unwanted = {}
    for kind, check in _send_checks.items():
        of_kind = [row for row in rows if row.kind == kind]
        if of_kind:
            unwanted.update(check(of_kind))
    for row_id, reason in unwanted.items():
        OutgoingEmail.objects.filter(pk=row_id, status=OutboxStatus.SENDING).update(
            status=OutboxStatus.CANCELLED, lease_until=None, last_error=reason[:300]
        )
        result.cancelled.append(row_id)
    return [row for row in rows if row.pk not in unwanted]


def claim(*, now: datetime, ids: list[int] | None = None, limit: int = BATCH) -> list:
    """Take up to `limit` deliverable rows for this worker, committed before any SMTP talk.
    Rows another worker is claiming right now are skipped, not waited for."""
    with transaction.atomic():
        found = OutgoingEmail.objects.deliverable(now)
        if ids is not None:
            found = found.filter(pk__in=ids)
        rows = list(found.select_for_update(skip_locked=True).order_by("pk")[:limit])
        for row in rows:
            row.status, row.lease_until = OutboxStatus.SENDING, now + LEASE
            row.attempts += 1
        OutgoingEmail.objects.bulk_update(rows, ["status", "lease_until", "attempts"])
    return rows


def deliver(*, now: datetime | None = None, ids: list[int] | None = None) -> Delivery:
    """Send what is due (or the given rows, if due), one SMTP connection per batch, until
    nothing deliverable is left; each row is marked as soon as the relay answered for it."""
    now = now or timezone.now()
    result = Delivery()
    while rows := claim(now=now, ids=ids):
        rows = _drop_unwanted(rows, result)
        connection = get_connection(fail_silently=False)
        try:
            for row in rows:
                _send(row, connection, result, now)
        finally:
            connection.close()
        if ids is not None:
            break
    return result


def message_for(row: OutgoingEmail, connection=None) -> EmailMultiAlternatives:
    headers = dict(row.headers)
    reply_to = headers.pop("Reply-To", "")
    message = EmailMultiAlternatives(
        subject=row.subject,
        body=row.body_text,
        from_email=row.from_email or None,
        to=[row.to],
        reply_to=[reply_to] if reply_to else None,
        connection=connection,
        # The same id on every try, so a mail system can drop a copy it already has.
        headers={**headers, "Message-ID": f"<outbox-{row.pk}@{site_domain()}>"},
    )
    if row.body_html:
        message.attach_alternative(row.body_html, "text/html")
    return message


def _permanent(error: Exception) -> bool:
    """A 5xx answer is final (no such mailbox, rejected); 4xx and lost connections are not."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        return bool(codes) and all(500 <= code < 600 for code in codes)
    if isinstance(error, smtplib.SMTPResponseException):
        return 500 <= error.smtp_code < 600
    return False


def _send(row: OutgoingEmail, connection, result: Delivery, now: datetime) -> None:
    try:
        # Opened here rather than by send(), which would close a connection it opened.
        connection.open()
        message_for(row, connection).send()
    except (smtplib.SMTPException, OSError) as error:
        if isinstance(error, smtplib.SMTPServerDisconnected | OSError):
            connection.close()  # reopened by the next send; a refused message keeps it
        _record_failure(row, error, result, now)
        return
    except Exception as error:  # a malformed row must not hold back the batch
        logger.exception("Outbox row %s could not be sent", row.pk)
        _record_failure(row, error, result, now, final=True)
        return
    erased = {"body_text": "", "body_html": ""} if row.kind in PRIVATE_KINDS else {}
    OutgoingEmail.objects.filter(pk=row.pk, status=OutboxStatus.SENDING).update(
        status=OutboxStatus.SENT, sent_at=now, lease_until=None, last_error="", **erased
    )
    result.sent.append(row.pk)


def _record_failure(row, error: Exception, result: Delivery, now, *, final=False) -> None:
    """Back off and try again later; a permanent refusal, or the last try, fails it for good
    with its reason (shown to staff in the admin)."""
    last_error = f"{type(error).__name__}: {error}"[:300]
    if final or _permanent(error) or row.attempts >= MAX_ATTEMPTS:
        update = {"status": OutboxStatus.FAILED, "next_attempt_at": None}
        result.failed.append(row.pk)
        logger.error("Outbox row %s (%s) failed for good: %s", row.pk, row.kind, last_error)
    else:
        update = {"status": OutboxStatus.PENDING, "next_attempt_at": now + backoff(row.attempts)}
        result.retry.append(row.pk)
        # A relay outage must show in the worker's log, not only in the admin.
        logger.warning(
            "Outbox row %s (%s) not sent, try %s; next at %s: %s",
            row.pk,
            row.kind,
            row.attempts,
            update["next_attempt_at"].isoformat(timespec="seconds"),
            last_error,
        )
    OutgoingEmail.objects.filter(pk=row.pk, status=OutboxStatus.SENDING).update(
        lease_until=None, last_error=last_error, **update
    )
