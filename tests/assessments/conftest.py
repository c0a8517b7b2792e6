"""A cohort in mid-flight with a quiz holding one question of every kind (saved through the
authoring service, so the answers pass the same rules the authoring form applies), and an
assignment graded by rubric with a submission waiting in the queue."""

import datetime

import pytest
from django.utils import timezone

from assessments.quizzes import services
from dbt_training.users.roles import Role
from tests import threads
from tests.factories import (
    AssignmentFactory,
    CohortFactory,
    CourseFactory,
    EnrollmentFactory,
    LessonFactory,
    ModuleFactory,
    QuizFactory,
    RubricFactory,
    SubmissionFactory,
    UserFactory,
    every_kind,
)


@pytest.fixture
def course(trainer):
    return CourseFactory(authors=[trainer], pass_mark=80)


@pytest.fixture
def module(course):
    module = ModuleFactory(course=course, position=1, due_offset_days=14)
    LessonFactory(module=module)
    return module


@pytest.fixture
def cohort(course, trainer):
    today = timezone.localdate()
    return CohortFactory(
        course=course,
        trainers=[trainer],
        starts_on=today - datetime.timedelta(days=7),
        ends_on=today + datetime.timedelta(days=90),
        time_zone="America/New_York",
    )


@pytest.fixture
def enrollment(cohort, trainee):
    return EnrollmentFactory(user=trainee, cohort=cohort)


@pytest.fixture
def other_enrollment(cohort, other_trainee):
    return EnrollmentFactory(user=other_trainee, cohort=cohort)


@pytest.fixture
def quiz(module):
    return QuizFactory(module=module, title="Module 1 check", position=1)


@pytest.fixture
def questions(quiz) -> dict:
    return every_kind(quiz)


# Assignments and grading (issue 7). Built by the factories, straight into the tables; the
# authoring tests build the same shapes through the services.


@pytest.fixture
def other_trainer(db, password):
    """A trainer who teaches another course's cohort: the wrong trainer everywhere here."""
    user = UserFactory(
        email="rowan@example.org", full_name="Rowan Ito", password=password, roles=[Role.TRAINER]
    )
    other_course = CourseFactory(authors=[user])
    today = timezone.localdate()
    CohortFactory(
        course=other_course,
        trainers=[user],
        starts_on=today - datetime.timedelta(days=7),
        ends_on=today + datetime.timedelta(days=90),
    )
    return user


@pytest.fixture
def rubric(course):
    return RubricFactory(course=course)


@pytest.fixture
def assignment(module, rubric):
    return AssignmentFactory(module=module, chain_analysis=True, rubric=rubric)


@pytest.fixture
def submission(assignment, enrollment):
    """A chain analysis submitted a day ago, waiting in the grading queue."""
    return SubmissionFactory(assignment=assignment, enrollment=enrollment)


@pytest.fixture
def run_together():
    """tests.threads.run_together, where a job refused with AttemptClosed returns the refusal."""
    return lambda jobs: threads.run_together(jobs, refusals=(services.AttemptClosed,))
