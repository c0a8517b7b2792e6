"""Shared fixtures for the reminder tests: a cohort in New York with a trainer, trainees in
Auckland and Los Angeles, and a helper that schedules live sessions."""

import datetime as dt

import pytest
from django.utils import timezone

from courses.models import Enrollment, EnrollmentStatus, LiveSession
from tests.factories import CohortFactory, CourseFactory, UserFactory

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
        return Enrollment.objects.create(
            user=user,
            cohort=in_cohort or cohort,
            status=status,
            enrolled_at=timezone.now(),
        )

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
        return LiveSession.objects.create(
            cohort=in_cohort or cohort,
            kind=LiveSession.Kind.SKILLS_GROUP_PRACTICE,
            title=title,
            starts_at=starts_at,
            duration_minutes=fields.pop("duration_minutes", 90),
            join_url=fields.pop("join_url", "https://meet.example.org/skills"),
            **fields,
        )

    return make
