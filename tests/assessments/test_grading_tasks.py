"""The grade-release email: queued after the commit, sent once however often the task runs,
through one SMTP connection per batch, naming the course, the item and where to read it."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments import grading, tasks
from assessments.models import Grade

from .test_grading import (
    essay_quiz,
    graded_submissions,
    make_enrollments,
    pick,
    submitted_essay_attempt,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def grade(submission, rubric, trainer):
    return grading.grade_submission(
        submission=submission,
        grader=trainer,
        levels=pick(rubric, 2, 1),
        comments={},
        feedback="Good.",
    )


def test_release_emails_the_trainee_after_the_commit(
    grade, trainer, mailoutbox, django_capture_on_commit_callbacks, cohort, assignment
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        grading.release_grades(grades=[grade], by=trainer)
    assert mailoutbox == []  # nothing leaves before the commit
    assert len(callbacks) == 1
    callbacks[0]()
    [email] = mailoutbox
    assert email.to == ["dana@example.org"]
    assert email.subject == (
        f"[{cohort.course.title}] Your grade for “Chain analysis of a missed session” is ready"
    )
    link = f"http://testserver/learn/{cohort.pk}/assignments/{assignment.pk}/"
    assert link in email.body
    assert (
        f"the assignment “Chain analysis of a missed session” in {cohort.course.title}"
        in email.body
    )
    assert "4 / 6" not in email.body  # the score is read on the site, not in an inbox
    [(html, mimetype)] = email.alternatives
    assert mimetype == "text/html"
    assert f'<a href="{link}">' in html
    grade.refresh_from_db()
    assert grade.notified_at is not None


def test_the_task_run_twice_sends_once(
    grade, trainer, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        grading.release_grades(grades=[grade], by=trainer)
    assert len(mailoutbox) == 1
    assert tasks.send_grade_release_emails(grade_ids=[grade.pk]) == 0
    assert tasks.send_grade_release_emails.delay([grade.pk]).get() == 0
    assert len(mailoutbox) == 1


def test_an_unreleased_or_missing_grade_sends_nothing(grade, mailoutbox):
    assert tasks.send_grade_release_emails(grade_ids=[grade.pk, 999_999]) == 0
    assert mailoutbox == []
    grade.refresh_from_db()
    assert grade.notified_at is None


def test_an_essay_email_links_to_the_quiz_review(module, enrollment, trainer, mailoutbox, cohort):
    quiz, single, multiple, essay = essay_quiz(module)
    attempt = submitted_essay_attempt(enrollment, quiz, single, multiple, essay)
    graded = grading.grade_essay(
        response=attempt.responses.get(question=essay), grader=trainer, score=Decimal(2)
    )
    Grade.objects.filter(pk=graded.pk).update(released_at=graded.graded_at)
    assert grading.send_release_emails(grade_ids=[graded.pk]) == 1
    [email] = mailoutbox
    assert f"http://testserver/learn/{cohort.pk}/attempts/{attempt.pk}/review/" in email.body
    assert "the quiz “Chain analysis check”" in email.body


def test_a_batch_uses_one_connection_and_flat_queries(
    assignment, rubric, trainer, cohort, mailoutbox, monkeypatch
):
    opened = []
    real = grading.get_connection

    def counting_connection(*args, **kwargs):
        opened.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(grading, "get_connection", counting_connection)
    few = graded_submissions(assignment, rubric, trainer, make_enrollments(cohort, 2))
    many = graded_submissions(assignment, rubric, trainer, make_enrollments(cohort, 20, start=2))
    Grade.objects.update(released_at=few[0].graded_at)

    def send(grades):
        with CaptureQueriesContext(connection) as captured:
            assert grading.send_release_emails(grade_ids=[g.pk for g in grades]) == len(grades)
        return len(captured)

    assert send(few) == send(many)
    assert opened == [1, 1]
    assert len(mailoutbox) == 22
    assert sorted(m.to[0] for m in mailoutbox)[:2] == [
        "trainee0@example.org",
        "trainee10@example.org",
    ]
