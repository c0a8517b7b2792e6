"""The dashboard's badge on a finished cohort (issue 25, item 15): "Finished" for an active
place in a cohort that is over, "Completed" once the trainee has completed it, "Active" while
the cohort runs; no "Continue" on a finished course; queries as before."""

import datetime
from http import HTTPStatus

import pytest
from django.urls import reverse

from courses import services as enrollment_services
from courses.models import CohortStatus, EnrollmentStatus
from modules import services
from tests.factories import CohortFactory, LessonFactory, UserFactory
from tests.modules.test_learn_views import DASHBOARD_QUERIES

pytestmark = pytest.mark.django_db

D = datetime.date


def enrolled(user, *, ends_on, status=None, name="Autumn 2026", **fields):
    cohort = CohortFactory(name=name, starts_on=D(2026, 6, 1), ends_on=ends_on, **fields)
    LessonFactory(module__course=cohort.course, module__position=1, title="Wise mind")
    enrollment = enrollment_services.enroll(cohort=cohort, user=user)
    if status:
        enrollment.status = status
        enrollment.save()
    return enrollment


def badges(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("dashboard")).content.decode()


@pytest.mark.parametrize(
    ("ends_on", "status", "cohort_status", "badge"),
    [
        (D(2026, 11, 13), None, CohortStatus.CLOSED, "Finished"),
        (D(2099, 1, 1), None, CohortStatus.ARCHIVED, "Finished"),
        (D(2026, 11, 13), EnrollmentStatus.COMPLETED, CohortStatus.CLOSED, "Completed"),
        (D(2099, 1, 1), EnrollmentStatus.COMPLETED, CohortStatus.OPEN, "Completed"),
        (D(2099, 1, 1), None, CohortStatus.CLOSED, "Active"),  # enrollment closed, still running
    ],
)
def test_dashboard_badge(client, trainee, ends_on, status, cohort_status, badge):
    enrollment = enrolled(trainee, ends_on=ends_on, status=status)
    enrollment.cohort.status = cohort_status
    enrollment.cohort.save()

    html = badges(client, trainee)

    assert f'<span class="badge">{badge}</span>' in html
    others = {"Finished", "Completed", "Active"} - {badge}
    assert not any(f'<span class="badge">{other}</span>' in html for other in others)


def test_finished_course_offers_no_continue_on_the_dashboard(client, trainee):
    enrollment = enrolled(trainee, ends_on=D(2026, 11, 13))
    lesson = enrollment.cohort.course.modules.get().lessons.get()
    services.record_lesson_view(enrollment=enrollment, lesson=lesson)
    services.complete_lesson(enrollment=enrollment, lesson=lesson)

    html = badges(client, trainee)

    assert "</progress> 100% complete" in html
    assert "Continue where you left off" not in html
    assert "Start:" not in html


def test_visitor_is_sent_to_sign_in(client):
    response = client.get(reverse("dashboard"))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("account_login"))


def test_other_trainees_cohorts_are_not_on_my_dashboard(client, trainee, other_trainee):
    enrolled(other_trainee, ends_on=D(2026, 11, 13), name="Someone else's")

    html = badges(client, trainee)

    assert "Someone else&#x27;s" not in html
    assert '<span class="badge">' not in html


@pytest.mark.parametrize("cohorts", [1, 10])
def test_dashboard_queries_stay_flat_with_finished_cohorts(
    client, cohorts, django_assert_max_num_queries
):
    user = UserFactory()
    for n in range(cohorts):
        enrolled(user, ends_on=D(2026, 11, 13), name=f"Cohort {n}")
    client.force_login(user)

    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        response = client.get(reverse("dashboard"))

    assert response.content.decode().count('<span class="badge">Finished</span>') == cohorts
