"""The quiz page on a finished cohort (issue 25, item 15): when it offers no new attempt it says
why, in the terms the service refuses one, and when it offers one the service agrees."""

import datetime
from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from assessments.models import Attempt
from assessments.quizzes import services
from courses.models import EnrollmentStatus
from tests.factories import QuestionFactory, QuizFactory

pytestmark = pytest.mark.django_db

ENDED = "The cohort ended on 13 November 2026 and you have completed it: no new attempts."
COMPLETED = "You have completed this cohort: your results are final, so no new attempts."


@pytest.fixture
def post_test(module):
    """A post-test with no limit on attempts, one question."""
    quiz = QuizFactory(
        module=module, title="Post-test", kind="post_test", attempts_allowed=0, position=2
    )
    QuestionFactory(quiz=quiz, kind="true_false")
    return quiz


def one_attempt(enrollment, quiz) -> Attempt:
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
    services.submit_attempt(attempt=attempt)
    return attempt


def end_cohort(cohort) -> None:
    cohort.starts_on, cohort.ends_on = datetime.date(2026, 6, 1), datetime.date(2026, 11, 13)
    cohort.save()


def page(client, cohort, quiz) -> str:
    response = client.get(reverse("quizzes:quiz", args=[cohort.pk, quiz.pk]))
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def test_completed_trainee_of_an_ended_cohort_is_told_why_no_attempt(
    client, cohort, enrollment, post_test
):
    one_attempt(enrollment, post_test)
    enrollment.status = EnrollmentStatus.COMPLETED  # as claiming the certificate leaves it
    enrollment.save()
    end_cohort(cohort)
    client.force_login(enrollment.user)

    html = page(client, cohort, post_test)

    assert "1 used, no limit" in html
    assert f"<p>{ENDED}</p>" in html
    assert reverse("quizzes:start", args=[cohort.pk, post_test.pk]) not in html


def test_completed_trainee_cannot_start_one_by_posting_either(
    client, cohort, enrollment, post_test
):
    one_attempt(enrollment, post_test)
    enrollment.status = EnrollmentStatus.COMPLETED
    enrollment.save()
    end_cohort(cohort)
    client.force_login(enrollment.user)

    response = client.post(reverse("quizzes:start", args=[cohort.pk, post_test.pk]))

    assert response.status_code == HTTPStatus.FOUND
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Only trainees with an active place in the cohort can take quizzes."
    ]
    assert Attempt.objects.filter(enrollment=enrollment).count() == 1


def test_completed_trainee_of_a_running_cohort_is_told_why_no_attempt(
    client, cohort, enrollment, post_test
):
    one_attempt(enrollment, post_test)
    enrollment.status = EnrollmentStatus.COMPLETED
    enrollment.save()
    client.force_login(enrollment.user)

    html = page(client, cohort, post_test)

    assert f"<p>{COMPLETED}</p>" in html
    assert "The cohort ended" not in html


def test_active_trainee_of_an_ended_cohort_is_offered_an_attempt_and_may_start_it(
    client, cohort, enrollment, post_test
):
    one_attempt(enrollment, post_test)
    end_cohort(cohort)
    client.force_login(enrollment.user)

    html = page(client, cohort, post_test)
    response = client.post(reverse("quizzes:start", args=[cohort.pk, post_test.pk]))

    assert "1 used, no limit" in html
    assert "Start a new attempt</button>" in html
    assert ENDED not in html and COMPLETED not in html
    assert response.status_code == HTTPStatus.FOUND
    assert Attempt.objects.filter(enrollment=enrollment).count() == 2


def test_used_attempts_still_say_so(client, cohort, enrollment, module):
    quiz = QuizFactory(module=module, title="Once", attempts_allowed=1, position=3)
    QuestionFactory(quiz=quiz, kind="true_false")
    one_attempt(enrollment, quiz)
    client.force_login(enrollment.user)

    html = page(client, cohort, quiz)

    assert "1 of 1 used" in html
    assert "<p>You have used all your attempts.</p>" in html


def test_visitor_wrong_trainee_and_wrong_trainer_do_not_see_the_page(
    client, cohort, enrollment, other_trainee, other_trainer, post_test
):
    url = reverse("quizzes:quiz", args=[cohort.pk, post_test.pk])
    end_cohort(cohort)
    assert timezone.localdate() > cohort.ends_on

    visitor = client.get(url)
    client.force_login(other_trainee)
    wrong_trainee = client.get(url)
    client.force_login(other_trainer)
    wrong_trainer = client.get(url)

    assert visitor.status_code == HTTPStatus.FOUND
    assert visitor.url.startswith(reverse("account_login"))
    assert wrong_trainee.status_code == HTTPStatus.NOT_FOUND
    assert wrong_trainer.status_code == HTTPStatus.NOT_FOUND
    assert not Attempt.objects.exists()
