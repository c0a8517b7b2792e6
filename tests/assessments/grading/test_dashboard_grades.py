"""The dashboard's "Grade releases": released grades only, the trainee's own only, newest first,
linked to where the feedback is read, in a fixed number of queries."""

import datetime
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import Assignment, Attempt, Grade, Response, Submission
from courses import services as enrollment_services

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
# 15:30 UTC on 2 March 2026 is 09:30 in Chicago (the trainee's zone; daylight time starts 8 March).
RELEASED = datetime.datetime(2026, 3, 2, 15, 30, tzinfo=UTC)


def grade_submission(submission, *, score="5", max_score="6", released_at=RELEASED, by=None):
    return Grade.objects.create(
        submission=submission,
        enrollment=submission.enrollment,
        score=Decimal(score),
        max_score=Decimal(max_score),
        graded_by=by,
        graded_at=timezone.now(),
        released_at=released_at,
    )


def submitted(assignment, enrollment):
    now = timezone.now()
    return Submission.objects.create(
        assignment=assignment,
        enrollment=enrollment,
        status="graded",
        saved_at=now,
        submitted_at=now,
        revision=1,
    )


@pytest.fixture
def essay_response(enrollment, quiz, questions):
    now = timezone.now()
    attempt = Attempt.objects.create(
        quiz=quiz, enrollment=enrollment, number=1, started_at=now, submitted_at=now
    )
    return Response.objects.create(
        attempt=attempt,
        question=questions["essay"],
        answer={"text": "Prompting event, links, consequences…"},
        saved_at=now,
    )


def grades_section(client, user) -> str:
    client.force_login(user)
    page = client.get(reverse("dashboard"))
    assert page.status_code == HTTPStatus.OK
    html = page.content.decode()
    if 'id="grades-title"' not in html:
        return ""
    return html.split('id="grades-title"', 1)[1].split("</section>", 1)[0]


def test_a_released_assignment_grade_is_listed_with_its_link(client, trainee, submission, trainer):
    grade_submission(submission, by=trainer)

    section = grades_section(client, trainee)

    url = reverse(
        "assignments:assignment", args=[submission.enrollment.cohort_id, submission.assignment_id]
    )
    assert (
        f'<li><a href="{url}">Chain analysis of a missed session</a>: <strong>5 / 6</strong> (83%)'
        in section
    )
    assert "released 2 Mar 2026, 09:30" in section


def test_a_released_essay_grade_links_to_the_attempts_review(client, trainee, essay_response):
    Grade.objects.create(
        response=essay_response,
        enrollment=essay_response.attempt.enrollment,
        score=Decimal("0.5"),
        max_score=Decimal("1"),
        graded_at=timezone.now(),
        released_at=RELEASED,
    )

    section = grades_section(client, trainee)

    attempt = essay_response.attempt
    url = reverse("quizzes:review", args=[attempt.enrollment.cohort_id, attempt.pk])
    assert (
        f'<a href="{url}">Module 1 check: Describe a chain analysis you would run.</a>: '
        "<strong>0.5 / 1</strong> (50%)" in section
    )


def test_an_unreleased_grade_never_appears(client, trainee, submission):
    grade_submission(submission, released_at=None)

    assert grades_section(client, trainee) == ""


def test_another_trainees_grade_never_appears(
    client, trainee, other_trainee, assignment, other_enrollment, submission
):
    grade_submission(submitted(assignment, other_enrollment), score="6")

    assert grades_section(client, trainee) == ""
    assert "<strong>6 / 6</strong>" in grades_section(client, other_trainee)


def test_grades_of_a_cohort_the_trainee_withdrew_from_leave_the_dashboard(
    client, trainee, submission
):
    grade_submission(submission)
    enrollment_services.withdraw(enrollment=submission.enrollment)

    assert grades_section(client, trainee) == ""


@pytest.mark.parametrize("count", [1, 10])
def test_the_newest_five_in_a_fixed_number_of_queries(
    client, trainee, enrollment, module, count, django_assert_max_num_queries
):
    for n in range(count):
        work = Assignment.objects.create(module=module, title=f"Diary card week {n + 1}")
        grade_submission(
            submitted(work, enrollment),
            score=str(n % 7),
            max_score="7",
            released_at=RELEASED + datetime.timedelta(days=n),
        )
    client.force_login(trainee)
    client.get(reverse("dashboard"))  # the process loads the course outline once

    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        page = client.get(reverse("dashboard"))

    section = page.content.decode().split('id="grades-title"', 1)[1].split("</section>", 1)[0]
    titles = [f"Diary card week {n}<" for n in range(count, max(count - 5, 0), -1)]
    assert [t for t in titles if t in section] == titles
    assert section.count("<li>") == min(count, 5)
    assert section.index(titles[0]) <= section.index(titles[-1])


# The whole dashboard for one cohort with a module; the grade releases are one query of these
# (and the notifications panel another).
DASHBOARD_QUERIES = 14
