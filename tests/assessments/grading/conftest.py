"""Grading scenarios the grading tests share, built through the services that do the work: a
quiz with an essay, its attempts submitted (so the automatic points are scored), and rubric
grades given. Each fixture is a function to call with the objects of the case."""

from decimal import Decimal

import pytest

from assessments.grading import services as grading
from assessments.quizzes import services
from tests.factories import QuestionFactory, SubmissionFactory, pick_levels

D = Decimal


@pytest.fixture
def essay_quiz():
    """A 10-point quiz: single choice (4), multiple answer (4, two right halves), essay (2)."""

    def make(module):
        quiz = services.create_quiz(
            module=module, title="Chain analysis check", kind="knowledge_check"
        )
        A = services.AnswerData
        single = QuestionFactory(
            quiz=quiz, kind="single", answers=[A("Yes", D(100)), A("No", D(0))], points=D(4)
        )
        multiple = QuestionFactory(
            quiz=quiz,
            kind="multiple",
            answers=[A("Observe", D(50)), A("Describe", D(50)), A("Opposite action", D(-100))],
            points=D(4),
        )
        essay = QuestionFactory(
            quiz=quiz, kind="essay", text="Describe the links of a chain.", points=D(2)
        )
        return quiz, single, multiple, essay

    return make


@pytest.fixture
def submitted_essay_attempt():
    """An attempt at the essay quiz with the single right (4) and half the multiple (2): 6 of the
    8 automatic points; the essay waits for a trainer."""

    def submit(enrollment, quiz, single, multiple, essay, text="Thought, urge, act."):
        attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
        services.save_response(
            attempt=attempt, question=single, answer={"choice": single.answers.get(text="Yes").pk}
        )
        services.save_response(
            attempt=attempt,
            question=multiple,
            answer={"choices": [multiple.answers.get(text="Observe").pk]},
        )
        services.save_response(attempt=attempt, question=essay, answer={"text": text})
        return services.submit_attempt(attempt=attempt)

    return submit


@pytest.fixture
def graded_submissions():
    """A submission of each enrollment, an hour apart (the first 48 hours ago), graded by the
    rubric (the first criterion's level cycling through its three, the second's the top one)."""

    def grade(assignment, rubric, trainer, enrollments):
        grades = []
        for n, enrollment in enumerate(enrollments):
            submission = SubmissionFactory(
                assignment=assignment, enrollment=enrollment, hours_ago=48 - n
            )
            grades.append(
                grading.grade_submission(
                    submission=submission,
                    grader=trainer,
                    levels=pick_levels(rubric, n % 3, 2),
                    comments={},
                    feedback="",
                )
            )
        return grades

    return grade
