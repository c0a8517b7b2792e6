"""Autosaves and submits of one attempt racing each other, on PostgreSQL's row locks."""

import pytest
from django.db import connection

from assessments.models import Attempt, Response
from assessments.quizzes import services

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def postgres():
    if connection.vendor != "postgresql":
        pytest.skip("row locks (select_for_update) are what is under test; SQLite has none")


def test_twenty_parallel_autosaves_keep_the_last_answer_of_each_question(
    postgres, enrollment, quiz, questions, run_together
):
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
    short, numeric = questions["short"], questions["numeric"]
    jobs = [
        (
            lambda q=q, i=i: services.save_response(
                attempt=attempt, question=q, answer={"text": str(i)}
            )
        )
        for i in range(20)
        for q in [(short, numeric)[i % 2]]
    ]
    saved = run_together(jobs)

    assert Response.objects.filter(attempt=attempt).count() == 2
    for question in (short, numeric):
        mine = [r for r in saved if r.question_id == question.pk]
        assert len(mine) == 10
        last = max(mine, key=lambda r: r.saved_at)
        row = Response.objects.get(attempt=attempt, question=question)
        assert (row.answer, row.saved_at) == (last.answer, last.saved_at)


def test_five_parallel_submits_with_saves_grade_one_attempt_once(
    postgres, enrollment, quiz, questions, run_together
):
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
    numeric = questions["numeric"]
    answers = ["4", "3", "9", "4.0", "5"] * 4  # full, half, none, full, half credit
    saves = [
        (
            lambda text=text: services.save_response(
                attempt=attempt, question=numeric, answer={"text": text}
            )
        )
        for text in answers
    ]
    submits = [lambda: services.submit_attempt(attempt=attempt) for _ in range(5)]
    results = run_together(saves + submits)

    graded = results[len(saves) :]
    assert len({a.submitted_at for a in graded}) == 1
    assert Attempt.objects.get().submitted_at == graded[0].submitted_at
    accepted = [r for r in results[: len(saves)] if isinstance(r, Response)]
    refused = [r for r in results[: len(saves)] if isinstance(r, services.AttemptClosed)]
    assert len(accepted) + len(refused) == 20
    assert all(r.saved_at <= graded[0].submitted_at for r in accepted)
    if not accepted:  # every submit got the lock first: nothing was saved, nothing scored
        assert not Response.objects.exists()
        assert Attempt.objects.get().score == 0
        return
    row = Response.objects.get(attempt=attempt, question=numeric)
    last = max(accepted, key=lambda r: r.saved_at)
    assert row.answer == last.answer
    expected = {"4": "1.00", "4.0": "1.00", "3": "0.50", "5": "0.50", "9": "0.00"}
    assert str(row.score) == expected[last.answer["text"]]
    assert Attempt.objects.get().score == row.score
