"""Shared fixtures for the reminder tests: a cohort in New York with a trainer, trainees in
Auckland and Los Angeles, and a helper that schedules live sessions."""

import datetime as dt
import re
from email import message_from_bytes
from email.policy import default as default_policy

import pytest

from courses.models import EnrollmentStatus, LiveSession
from reminders import registry, sources
from tests.factories import (
    CohortFactory,
    CourseFactory,
    EnrollmentFactory,
    LiveSessionFactory,
    UserFactory,
)
from tests.smtp import relay

UTC = dt.UTC


def at(*args) -> dt.datetime:
    """An aware UTC datetime: at(2027, 3, 1, 14) is 1 March 2027, 14:00 UTC."""
    return dt.datetime(*args, tzinfo=UTC)


@pytest.fixture
def course(db):
    return CourseFactory(title="DBT Foundations")


@pytest.fixture
def cohort(course, trainer):
    cohort = CohortFactory(
        course=course,
        name="Spring 2027",
        starts_on=dt.date(2027, 3, 1),
        ends_on=dt.date(2027, 6, 30),
        time_zone="America/New_York",
    )
    cohort.trainers.add(trainer)
    return cohort


@pytest.fixture
def enroll(cohort):
    def make(user, *, status=EnrollmentStatus.ACTIVE, in_cohort=None):
        return EnrollmentFactory(user=user, cohort=in_cohort or cohort, status=status)

    return make


@pytest.fixture
def auckland(db):
    return UserFactory(
        email="aroha@example.org", full_name="Aroha Ngata", time_zone="Pacific/Auckland"
    )


@pytest.fixture
def los_angeles(db):
    return UserFactory(
        email="lupe@example.org", full_name="Lupe Ortiz", time_zone="America/Los_Angeles"
    )


@pytest.fixture
def enrollment(enroll, trainee):
    return enroll(trainee)


@pytest.fixture
def session_at(cohort):
    def make(starts_at, *, title="Skills group: mindfulness", in_cohort=None, **fields):
        fields.setdefault("join_url", "https://meet.example.org/skills")
        return LiveSessionFactory(
            cohort=in_cohort or cohort,
            kind=LiveSession.Kind.SKILLS_GROUP_PRACTICE,
            title=title,
            starts_at=starts_at,
            **fields,
        )

    return make


@pytest.fixture
def cohort_and_session_sources_only(monkeypatch):
    """Only this layer's own sources: the layers above register more (module releases, due
    work, inactivity), which tests of the machinery leave out."""
    monkeypatch.setattr(
        registry, "_reminder_sources", [sources.cohort_starting, sources.live_sessions]
    )


class SmtpSink:
    """An aiosmtpd handler that keeps the messages it accepts, counts SMTP connections (each
    client connection says EHLO once) and answers 451 to the DATA commands `refuse` picks."""

    def __init__(self):
        self.accepted = []
        self.refused = []  # Message-IDs answered 451
        self.connections = 0
        self.data_commands = 0
        self.refuse = lambda number, envelope: False

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self.connections += 1
        session.host_name = hostname
        return responses

    async def handle_DATA(self, server, session, envelope):
        self.data_commands += 1
        message = message_from_bytes(envelope.content, policy=default_policy)
        if self.refuse(self.data_commands, envelope):
            self.refused.append(message["Message-ID"])
            return "451 4.3.0 Try again later"
        message.raw = envelope.content  # as it came over the wire
        self.accepted.append(message)
        return "250 Message accepted for delivery"

    @property
    def message_ids(self) -> list[str]:
        return [m["Message-ID"] for m in self.accepted]


def raw_headers(message) -> dict[str, str]:
    """The header fields exactly as they came over the wire, unfolded (RFC 5322 2.2.3)."""
    head = message.raw.split(b"\r\n\r\n", 1)[0]
    unfolded = re.sub(rb"\r\n[ \t]+", b" ", head).decode("ascii")
    return dict(
        (name, value.strip())
        for name, value in (line.split(":", 1) for line in unfolded.split("\r\n"))
    )


@pytest.fixture
def smtp_sink(settings):
    """Django's SMTP backend pointed at a real SMTP server on loopback."""
    sink = SmtpSink()
    with relay(sink, settings):
        yield sink
