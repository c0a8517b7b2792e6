"""One access policy for every concept's staff pages (docs/architecture.md, `courses.access`):
a visitor is sent to sign in; a course or cohort that does not exist answers 404; one the viewer
may not act on answers 403; another course's or cohort's object inside an allowed one answers 404;
the right person gets the page."""

import pytest
from django.urls import reverse

from assessments.models import Nudge
from assessments.quizzes import services as quiz_services
from courses.models import Enrollment
from dbt_training.users.roles import Role
from tests.factories import CohortFactory, CourseFactory, ModuleFactory, UserFactory

pytestmark = pytest.mark.django_db

# Pages that author a course: (concept, url name, needs a module id).
COURSE_PAGES = [
    ("modules", "authoring:course", False),
    ("quizzes", "quiz_authoring:quiz_create", True),
    ("assignments", "assignment_authoring:rubrics", False),
    ("assignments", "assignment_authoring:weights", False),
    ("completion", "certificates:rules", False),
]
# Pages for the cohort's trainers only (`TaughtCohortMixin`).
TAUGHT_PAGES = ["grading:queue", "gradebook:gradebook", "gradebook:history", "behind:list"]
# Pages for the cohort's trainers and the enrollment admins (`CohortStaffMixin`).
STAFF_PAGES = [
    "cohorts:detail",
    "cohorts:live_sessions",
    "cohorts:announcements",
    "cohorts:teams",
    "schedule:cohort",
    "reminders:cohort",
    "certificates:cohort",
]


@pytest.fixture
def world(trainee, trainer, enrollment_admin):
    """The trainer authors and teaches one course's cohort; another trainer has their own."""
    course = CourseFactory(authors=[trainer])
    module = ModuleFactory(course=course)
    cohort = CohortFactory(course=course, trainers=[trainer])
    Enrollment.objects.create(user=trainee, cohort=cohort, status="active")
    other_trainer = UserFactory(roles=[Role.TRAINER])
    other_course = CourseFactory(authors=[other_trainer])
    other_cohort = CohortFactory(course=other_course, trainers=[other_trainer])
    return {
        "course": course,
        "module": module,
        "cohort": cohort,
        "other_trainer": other_trainer,
        "other_course": other_course,
        "other_cohort": other_cohort,
        "trainee": trainee,
        "trainer": trainer,
        "enrollment_admin": enrollment_admin,
    }


def course_url(name: str, needs_module: bool, course, module) -> str:
    return reverse(name, args=[course.slug, module.pk] if needs_module else [course.slug])


def status_for(client, user, url: str) -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url).status_code


@pytest.mark.parametrize(("concept", "name", "needs_module"), COURSE_PAGES)
def test_course_authoring_pages_follow_the_policy(client, world, concept, name, needs_module):
    url = course_url(name, needs_module, world["course"], world["module"])
    visitor = client.get(url)
    assert visitor.status_code == 302 and visitor.url.startswith(reverse("account_login"))
    assert status_for(client, world["trainee"], url) == 403
    assert status_for(client, world["other_trainer"], url) == 403
    assert status_for(client, world["trainer"], url) == 200
    assert status_for(client, world["enrollment_admin"], url) == 200
    missing = CourseFactory.build(slug="no-such-course")
    assert (
        status_for(
            client, world["trainer"], course_url(name, needs_module, missing, world["module"])
        )
        == 404
    )


def test_another_courses_module_inside_an_allowed_course_is_404(client, world):
    other_module = ModuleFactory(course=world["other_course"])
    url = reverse("quiz_authoring:quiz_create", args=[world["course"].slug, other_module.pk])
    assert status_for(client, world["trainer"], url) == 404


@pytest.mark.parametrize("name", TAUGHT_PAGES)
def test_taught_cohort_pages_follow_the_policy(client, world, name):
    url = reverse(name, args=[world["cohort"].pk])
    visitor = client.get(url)
    assert visitor.status_code == 302 and visitor.url.startswith(reverse("account_login"))
    assert status_for(client, world["trainee"], url) == 403
    assert status_for(client, world["other_trainer"], url) == 403
    assert status_for(client, world["enrollment_admin"], url) == 403  # manages, does not teach
    assert status_for(client, world["trainer"], url) == 200
    missing = reverse(name, args=[world["other_cohort"].pk + 1000])
    assert status_for(client, world["trainer"], missing) == 404


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_cohort_staff_pages_follow_the_policy(client, world, name):
    url = reverse(name, args=[world["cohort"].pk])
    visitor = client.get(url)
    assert visitor.status_code == 302 and visitor.url.startswith(reverse("account_login"))
    assert status_for(client, world["trainee"], url) == 403
    assert status_for(client, world["other_trainer"], url) == 403
    assert status_for(client, world["trainer"], url) == 200
    assert status_for(client, world["enrollment_admin"], url) == 200
    missing = reverse(name, args=[world["other_cohort"].pk + 1000])
    assert status_for(client, world["trainer"], missing) == 404


def test_another_cohorts_trainee_inside_a_taught_cohort_is_404_and_nothing_changes(client, world):
    stranger = Enrollment.objects.create(
        user=UserFactory(), cohort=world["other_cohort"], status="active"
    )
    client.force_login(world["trainer"])
    url = reverse("behind:nudge", args=[world["cohort"].pk, stranger.pk])
    assert client.post(url).status_code == 404
    assert Nudge.objects.count() == 0


def test_the_evaluation_report_follows_the_policy(client, world):
    survey = quiz_services.create_quiz(
        module=world["module"], title="Course evaluation", kind="evaluation"
    )
    url = reverse("evaluation:report", args=[world["course"].slug, survey.pk])
    visitor = client.get(url)
    assert visitor.status_code == 302 and visitor.url.startswith(reverse("account_login"))
    assert status_for(client, world["trainee"], url) == 403
    assert status_for(client, world["other_trainer"], url) == 403
    assert status_for(client, world["trainer"], url) == 200
    assert status_for(client, world["enrollment_admin"], url) == 200
    missing = reverse("evaluation:report", args=["no-such-course", survey.pk])
    assert status_for(client, world["trainer"], missing) == 404
    other_survey = quiz_services.create_quiz(
        module=ModuleFactory(course=world["other_course"]), title="Theirs", kind="evaluation"
    )
    elsewhere = reverse("evaluation:report", args=[world["course"].slug, other_survey.pk])
    assert status_for(client, world["trainer"], elsewhere) == 404
