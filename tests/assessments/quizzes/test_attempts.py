import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from assessments.models import Attempt, Response
from assessments.quizzes import services
from assessments.quizzes.services import AnswerData as A
from assessments.tasks import submit_expired_attempts
from courses.models import EnrollmentStatus
from tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db


def right_answers(questions) -> dict:
    """The full-marks answer to every scored question."""

    def by_text(q):
        return {a.text: a.pk for a in q.answers.all()}

    matching = {str(a.pk): a.pk for a in questions["matching"].answers.all() if a.text}
    ordering = {str(a.pk): n for n, a in enumerate(questions["ordering"].answers.all(), start=1)}
    return {
        questions["single"]: {"choice": by_text(questions["single"])["TIP skills"]},
        questions["multiple"]: {
            "choices": [by_text(questions["multiple"])[t] for t in ("Observe", "Describe")]
        },
        questions["true_false"]: {"choice": by_text(questions["true_false"])["True"]},
        questions["matching"]: {"pairs": matching},
        questions["ordering"]: {"positions": ordering},
        questions["short"]: {"text": "Wise Mind"},
        questions["numeric"]: {"text": "4"},
    }


def test_start_attempt_fixes_order_and_returns_the_open_one_again(enrollment, quiz, questions):
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
    assert attempt.number == 1
    assert sorted(attempt.question_order) == sorted(q.pk for q in questions.values())
    assert attempt.question_order == [q.pk for q in questions.values()]  # no shuffle asked
    ordering = questions["ordering"]
    shown = attempt.choice_order[str(ordering.pk)]
    assert sorted(shown) == sorted(a.pk for a in ordering.answers.all())
    assert shown != [a.pk for a in ordering.answers.all()]  # never in the right order
    assert services.start_attempt(enrollment=enrollment, quiz=quiz) == attempt
    assert Attempt.objects.count() == 1


def test_full_marks_attempt_scores_exactly(enrollment, quiz, questions):
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
    services.save_responses(attempt=attempt, answers=right_answers(questions))
    attempt = services.submit_attempt(attempt=attempt)
    # 1 + 2 + 1 + 3 + 4 + 1 + 1 = 13 auto-scored points, + 1 essay (unanswered: 0); Likert none.
    assert attempt.max_score == Decimal("14.00")
    assert attempt.score == Decimal("13.00")
    assert attempt.percent == Decimal("92.86")
    assert attempt.passed is True
    assert attempt.awaiting_grading is False


def test_partial_attempt_and_essay_awaiting_grading(enrollment, quiz, questions):
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
    multiple = {a.text: a.pk for a in questions["multiple"].answers.all()}
    services.save_responses(
        attempt=attempt,
        answers={
            questions["multiple"]: {"choices": [multiple["Observe"]]},  # 0.5 × 2 = 1
            questions["numeric"]: {"text": "5"},  # 50% × 1 = 0.5
            questions["essay"]: {"text": "Vulnerability, prompting event, links, consequences."},
        },
    )
    attempt = services.submit_attempt(attempt=attempt)
    assert attempt.score == Decimal("1.50")
    assert attempt.max_score == Decimal("14.00")
    assert attempt.awaiting_grading is True
    assert attempt.passed is None  # unknown until a trainer grades the essay
    numeric = Response.objects.get(attempt=attempt, question=questions["numeric"])
    assert (numeric.fraction, numeric.score) == (Decimal("0.50000"), Decimal("0.50"))


def test_submit_twice_grades_once(enrollment, quiz, questions):
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
    first = services.submit_attempt(attempt=attempt)
    later = first.submitted_at + datetime.timedelta(minutes=5)
    second = services.submit_attempt(attempt=attempt, now=later)
    assert second.submitted_at == first.submitted_at
    assert Attempt.objects.get().submitted_at == first.submitted_at


def test_save_after_submit_is_refused_and_changes_nothing(enrollment, quiz, questions):
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
    short = questions["short"]
    services.save_response(attempt=attempt, question=short, answer={"text": "wise mind"})
    services.submit_attempt(attempt=attempt)
    with pytest.raises(services.AttemptClosed, match="was submitted at"):
        services.save_response(attempt=attempt, question=short, answer={"text": "emotion mind"})
    response = Response.objects.get(attempt=attempt, question=short)
    assert response.answer == {"text": "wise mind"}
    assert response.score == Decimal("1.00")


def test_latest_save_wins_one_row_per_question(enrollment, quiz, questions):
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
    for text in ("wise", "wise mi", "wise mind"):
        services.save_response(attempt=attempt, question=questions["short"], answer={"text": text})
    assert list(Response.objects.values_list("answer", flat=True)) == [{"text": "wise mind"}]


def test_question_of_another_quiz_is_not_saved(enrollment, quiz, questions, module):
    other = services.create_quiz(module=module, title="Other")
    foreign = QuestionFactory(quiz=other, kind="short", answers=[A("x", Decimal(100))])
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
    with pytest.raises(ValidationError):
        services.save_response(attempt=attempt, question=foreign, answer={"text": "x"})
    assert not Response.objects.exists()


def test_attempts_allowed_is_enforced(enrollment, quiz, questions):
    services.update_quiz(quiz=quiz, attempts_allowed=2)
    for _ in range(2):
        services.submit_attempt(attempt=services.start_attempt(enrollment=enrollment, quiz=quiz))
    with pytest.raises(services.QuizUnavailable, match="used all 2 attempts"):
        services.start_attempt(enrollment=enrollment, quiz=quiz)
    assert Attempt.objects.count() == 2


def test_locked_module_quiz_cannot_start(enrollment, quiz, questions, module):
    module.release_offset_days, module.due_offset_days = 60, None
    module.save()
    with pytest.raises(services.QuizUnavailable, match="Opens on"):
        services.start_attempt(enrollment=enrollment, quiz=quiz)
    assert not Attempt.objects.exists()


@pytest.mark.parametrize("status", [EnrollmentStatus.WITHDRAWN, EnrollmentStatus.WAITLISTED])
def test_only_active_trainees_start(enrollment, quiz, questions, status):
    enrollment.status = status
    enrollment.save()
    with pytest.raises(services.QuizUnavailable, match="active place"):
        services.start_attempt(enrollment=enrollment, quiz=quiz)
    assert not Attempt.objects.exists()


def test_empty_quiz_cannot_start(enrollment, quiz):
    with pytest.raises(services.QuizUnavailable, match="no questions"):
        services.start_attempt(enrollment=enrollment, quiz=quiz)


def test_time_limit_submits_saved_answers_on_the_next_request(enrollment, quiz, questions):
    services.update_quiz(quiz=quiz, time_limit_minutes=20)
    start = timezone.now()
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz, now=start)
    assert attempt.deadline == start + datetime.timedelta(minutes=20)
    short = questions["short"]
    services.save_response(
        attempt=attempt,
        question=short,
        answer={"text": "wise mind"},
        now=start + datetime.timedelta(minutes=19),
    )
    # Within the grace period a save still counts…
    services.save_response(
        attempt=attempt,
        question=questions["numeric"],
        answer={"text": "4"},
        now=attempt.deadline + datetime.timedelta(seconds=5),
    )
    # …after it, the attempt is submitted with what it saved, and the new answer is refused.
    with pytest.raises(services.AttemptClosed, match="Time is up"):
        services.save_response(
            attempt=attempt,
            question=short,
            answer={"text": "emotion mind"},
            now=attempt.deadline + datetime.timedelta(seconds=11),
        )
    attempt.refresh_from_db()
    assert attempt.submitted_at == attempt.deadline
    assert attempt.submitted_by_time_limit is True
    assert attempt.score == Decimal("2.00")
    assert Response.objects.get(attempt=attempt, question=short).answer == {"text": "wise mind"}


def test_periodic_task_submits_abandoned_attempts(enrollment, other_enrollment, quiz, questions):
    services.update_quiz(quiz=quiz, time_limit_minutes=10)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        late = services.start_attempt(enrollment=enrollment, quiz=quiz)
    with time_machine.travel(start + datetime.timedelta(minutes=5), tick=False):
        fresh = services.start_attempt(enrollment=other_enrollment, quiz=quiz)
    with time_machine.travel(start + datetime.timedelta(minutes=11), tick=False):
        assert submit_expired_attempts.delay().get() == 1
        assert submit_expired_attempts.delay().get() == 0  # twice is once
    late.refresh_from_db()
    fresh.refresh_from_db()
    assert late.submitted_by_time_limit and late.submitted_at == late.deadline
    assert fresh.submitted_at is None


def test_a_new_start_after_the_deadline_closes_the_old_attempt_first(enrollment, quiz, questions):
    services.update_quiz(quiz=quiz, time_limit_minutes=10)
    start = timezone.now()
    first = services.start_attempt(enrollment=enrollment, quiz=quiz, now=start)
    second = services.start_attempt(
        enrollment=enrollment, quiz=quiz, now=start + datetime.timedelta(hours=1)
    )
    first.refresh_from_db()
    assert first.submitted_by_time_limit is True
    assert second.number == 2


def test_immediate_feedback_checks_and_finalises_one_answer(enrollment, quiz, questions):
    services.update_quiz(quiz=quiz, feedback_timing="immediate")
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
    single = questions["single"]
    wrong = single.answers.get(text="DEAR MAN").pk
    response = services.check_response(attempt=attempt, question=single, answer={"choice": wrong})
    assert (response.fraction, response.score) == (Decimal(0), Decimal("0.00"))
    assert response.checked_at is not None
    right = single.answers.get(text="TIP skills").pk
    with pytest.raises(services.AttemptClosed, match="final"):
        services.save_response(attempt=attempt, question=single, answer={"choice": right})
    # A whole-page save leaves the checked answer alone.
    services.save_responses(attempt=attempt, answers={single: {"choice": right}})
    assert Response.objects.get(attempt=attempt, question=single).answer == {"choice": wrong}


def test_check_is_refused_when_feedback_comes_later(enrollment, quiz, questions):
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
    with pytest.raises(ValidationError):
        services.check_response(attempt=attempt, question=questions["short"], answer={"text": "x"})
    assert not Response.objects.exists()


def test_survey_is_never_scored(enrollment, module):
    survey = services.create_quiz(module=module, title="Course evaluation", kind="evaluation")
    likert = QuestionFactory(quiz=survey, kind="likert", answers=[A("No"), A("Yes")])
    comment = QuestionFactory(quiz=survey, kind="essay", text="What would you change?")
    attempt = services.start_attempt(enrollment=enrollment, quiz=survey)
    services.save_responses(
        attempt=attempt,
        answers={
            likert: {"choice": likert.answers.last().pk},
            comment: {"text": "More role plays."},
        },
    )
    attempt = services.submit_attempt(attempt=attempt)
    assert (attempt.score, attempt.percent, attempt.passed, attempt.awaiting_grading) == (
        None,
        None,
        None,
        False,
    )


def test_shuffles_are_fixed_per_attempt(enrollment, quiz, module):
    services.update_quiz(quiz=quiz, shuffle_questions=True, shuffle_choices=True)
    made = [
        QuestionFactory(
            quiz=quiz,
            kind="single",
            answers=[A(str(n), Decimal(100)), *(A(f"{n}-{k}") for k in range(5))],
        )
        for n in range(12)
    ]
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
    assert sorted(attempt.question_order) == sorted(q.pk for q in made)
    assert attempt.question_order != [q.pk for q in made]  # 1 in 479 001 600 to fail by chance
    again = Attempt.objects.get(pk=attempt.pk)
    assert again.question_order == attempt.question_order
    assert again.choice_order == attempt.choice_order


def test_highest_or_last_attempt_counts(enrollment, quiz, questions):
    from assessments.quizzes.results import standings_for

    answers = right_answers(questions)
    services.save_responses(
        attempt=(first := services.start_attempt(enrollment=enrollment, quiz=quiz)), answers=answers
    )
    services.submit_attempt(attempt=first)
    services.submit_attempt(attempt=services.start_attempt(enrollment=enrollment, quiz=quiz))
    standing = standings_for(enrollment, [quiz])[quiz.pk]
    assert standing.counted.number == 1 and standing.status == "92%, passed"
    services.update_quiz(quiz=quiz, grading_method="last")
    quiz.refresh_from_db()
    standing = standings_for(enrollment, [quiz])[quiz.pk]
    assert standing.counted.number == 2 and standing.status == "0%, not passed"


def test_feedback_visibility_follows_the_setting(enrollment, quiz, questions):
    attempt = services.submit_attempt(
        attempt=services.start_attempt(enrollment=enrollment, quiz=quiz)
    )
    due = datetime.date(2027, 3, 1)
    in_new_york = "America/New_York"
    for timing, expected in [("after_submit", True), ("immediate", True), ("never", False)]:
        attempt.quiz.feedback_timing = timing
        assert services.feedback_visible(attempt, due_on=due, time_zone=in_new_york) is expected
    attempt.quiz.feedback_timing = "after_due"
    # 1 March 23:30 in New York is 2 March in UTC: still the due day there.
    late_on_due_day = datetime.datetime(2027, 3, 2, 4, 30, tzinfo=datetime.UTC)
    next_day = datetime.datetime(2027, 3, 2, 5, 30, tzinfo=datetime.UTC)
    assert not services.feedback_visible(
        attempt, due_on=due, time_zone=in_new_york, now=late_on_due_day
    )
    assert services.feedback_visible(attempt, due_on=due, time_zone=in_new_york, now=next_day)
    assert not services.feedback_visible(attempt, due_on=None, time_zone=in_new_york, now=next_day)


def test_quiz_with_submitted_attempts_cannot_be_deleted(enrollment, quiz, questions):
    services.submit_attempt(attempt=services.start_attempt(enrollment=enrollment, quiz=quiz))
    with pytest.raises(ValidationError, match="cannot be deleted"):
        services.delete_quiz(quiz=quiz)
    with pytest.raises(ValidationError, match="cannot be deleted"):
        services.delete_question(question=questions["single"])
    assert quiz.questions.count() == 9


def test_withdrawn_trainee_can_no_longer_save_into_an_open_attempt(enrollment, quiz, questions):
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
    enrollment.status = EnrollmentStatus.WITHDRAWN
    enrollment.save()
    with pytest.raises(services.AttemptClosed, match="no longer active"):
        services.save_response(attempt=attempt, question=questions["short"], answer={"text": "x"})
    assert not Response.objects.exists()
