"""Issue 25, item 16: the quiz review shows the chosen answer as text ("Your answer"), and the
right answer marked ("Right answer") once the quiz shows answers; no disabled controls."""

import re
from http import HTTPStatus

import pytest
from django.urls import reverse

from assessments.quizzes import services

pytestmark = pytest.mark.django_db


def review_url(attempt):
    return reverse("quizzes:review", args=[attempt.enrollment.cohort_id, attempt.pk])


def flat(page: str) -> str:
    return re.sub(r"\s+", " ", page)


def answer(attempt, question, text):
    pick = question.answers.get(text=text).pk
    services.save_response(attempt=attempt, question=question, answer={"choice": pick})


@pytest.fixture
def submitted(enrollment, quiz, questions):
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
    answer(attempt, questions["single"], "DEAR MAN")
    services.save_response(attempt=attempt, question=questions["short"], answer={"text": "wise"})
    services.submit_attempt(attempt=attempt)
    return attempt


def test_review_marks_the_chosen_answer_and_the_right_one(client, enrollment, submitted):
    client.force_login(enrollment.user)
    page = flat(client.get(review_url(submitted)).content.decode())
    assert (
        '<li class="is-chosen"> <span class="choice-label">DEAR MAN</span> '
        '<strong class="review-mark review-mark-yours">Your answer</strong> </li>'
    ) in page
    assert (
        '<li class=" is-right"> <span class="choice-label">TIP skills</span> '
        '<span class="review-mark review-mark-right">Right answer</span> </li>'
    ) in page
    assert '<li class=""> <span class="choice-label">Check the facts</span> </li>' in page
    assert (
        '<p class="review-mark review-mark-yours">Your answer</p> '
        '<div class="review-text"><p>wise</p></div>'
    ) in page
    assert "disabled" not in page and "readonly" not in page
    # Multiple answer, true/false, numeric, essay and Likert were left unanswered.
    assert page.count("You did not answer this question.") == 5


def test_review_without_answers_shown_marks_only_the_chosen_answer(
    client, enrollment, quiz, submitted
):
    services.update_quiz(quiz=quiz, feedback_timing="never")
    client.force_login(enrollment.user)
    page = flat(client.get(review_url(submitted)).content.decode())
    assert '<strong class="review-mark review-mark-yours">Your answer</strong>' in page
    assert "Right answer" not in page and "is-right" not in page


def test_review_headings_go_from_h1_to_h3_in_order(client, enrollment, submitted):
    client.force_login(enrollment.user)
    page = client.get(review_url(submitted)).content.decode()
    main = page.split("<main", 1)[1]
    levels = [int(n) for n in re.findall(r"<h([1-6])\b", main)]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    assert levels.count(3) == 9  # one per answered kind of question


def test_the_review_is_the_trainee_s_own(
    client, other_enrollment, other_trainer, trainer, submitted
):
    assert client.get(review_url(submitted)).status_code == HTTPStatus.FOUND
    for someone_else in (other_enrollment.user, other_trainer, trainer):
        client.force_login(someone_else)
        assert client.get(review_url(submitted)).status_code == HTTPStatus.NOT_FOUND
