"""A released grade is a reminder of kind "grade released": recorded with the release, shown
in-app, emailed once after the commit (through the reminder machinery), naming the cohort,
the item and where to read it."""

from decimal import Decimal

import pytest

from assessments.grading import services as grading
from assessments.models import Grade
from reminders import delivery
from reminders.models import CohortReminderSwitch, EmailOptOut, Reminder
from tests.factories import EnrollmentFactory, pick_levels

pytestmark = pytest.mark.django_db


@pytest.fixture
def grade(submission, rubric, trainer):
    return grading.grade_submission(
        submission=submission,
        grader=trainer,
        levels=pick_levels(rubric, 2, 1),
        comments={},
        feedback="Good.",
    )


def test_release_emails_the_trainee_after_the_commit(
    grade, trainer, mailoutbox, django_capture_on_commit_callbacks, cohort, assignment, enrollment
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        grading.release_grades(grades=[grade], by=trainer)
    assert mailoutbox == []  # nothing leaves before the commit
    reminder = Reminder.objects.get()
    assert (reminder.enrollment, reminder.kind, reminder.key, reminder.status) == (
        enrollment,
        "grade_released",
        f"grade:{grade.pk}",
        "pending",
    )
    assert reminder.payload == {
        "title": "Chain analysis of a missed session",
        "path": f"/learn/{cohort.pk}/assignments/{assignment.pk}/",
    }
    assert len(callbacks) == 1
    callbacks[0]()
    [email] = mailoutbox
    assert email.to == ["dana@example.org"]
    assert email.subject == (
        f"[{cohort.name}] Your grade for “Chain analysis of a missed session” is ready"
    )
    link = f"http://testserver/learn/{cohort.pk}/assignments/{assignment.pk}/"
    assert link in email.body
    assert "released your grade for “Chain analysis of a missed session”" in email.body
    assert "4 / 6" not in email.body  # the score is read on the site, not in an inbox
    [(html, mimetype)] = email.alternatives
    assert mimetype == "text/html"
    assert f'<a href="{link}">' in html
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    reminder.refresh_from_db()
    assert reminder.status == "sent"


def test_releasing_again_or_resending_sends_once(
    grade, trainer, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert grading.release_grades(grades=[grade], by=trainer) == 1
    assert len(mailoutbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert grading.release_grades(grades=[grade], by=trainer) == 0
    reminder = Reminder.objects.get()
    assert delivery.send_batch(reminder_ids=[reminder.pk]).sent == []
    assert len(mailoutbox) == 1
    assert Reminder.objects.count() == 1


def test_an_opted_out_trainee_sees_it_in_app_but_gets_no_email(
    grade, trainer, trainee, mailoutbox, django_capture_on_commit_callbacks
):
    EmailOptOut.objects.create(user=trainee, kind="grade_released", source="settings")
    with django_capture_on_commit_callbacks(execute=True):
        grading.release_grades(grades=[grade], by=trainer)
    assert mailoutbox == []
    assert list(Reminder.objects.for_user(trainee).values_list("kind", "status")) == [
        ("grade_released", "opted_out")
    ]


def test_a_cohort_with_grade_reminders_switched_off_records_nothing(
    grade, trainer, cohort, mailoutbox, django_capture_on_commit_callbacks
):
    CohortReminderSwitch.objects.create(cohort=cohort, kind="grade_released")
    with django_capture_on_commit_callbacks(execute=True):
        assert grading.release_grades(grades=[grade], by=trainer) == 1
    assert mailoutbox == []
    assert not Reminder.objects.exists()
    assert Grade.objects.released().count() == 1  # the release itself still happened


def test_an_essay_reminder_links_to_the_quiz_review(
    module,
    enrollment,
    trainer,
    mailoutbox,
    cohort,
    django_capture_on_commit_callbacks,
    essay_quiz,
    submitted_essay_attempt,
):
    quiz, single, multiple, essay = essay_quiz(module)
    attempt = submitted_essay_attempt(enrollment, quiz, single, multiple, essay)
    graded = grading.grade_essay(
        response=attempt.responses.get(question=essay), grader=trainer, score=Decimal(2)
    )
    with django_capture_on_commit_callbacks(execute=True):
        grading.release_grades(grades=[graded], by=trainer)
    [email] = mailoutbox
    assert f"http://testserver/learn/{cohort.pk}/attempts/{attempt.pk}/review/" in email.body
    assert "your grade for “Chain analysis check”" in email.body


def test_releasing_many_grades_queues_one_batch_with_flat_queries(
    assignment,
    rubric,
    trainer,
    cohort,
    mailoutbox,
    django_capture_on_commit_callbacks,
    django_assert_max_num_queries,
    graded_submissions,
):
    few = graded_submissions(
        assignment, rubric, trainer, EnrollmentFactory.create_batch(2, cohort=cohort)
    )
    many = graded_submissions(
        assignment, rubric, trainer, EnrollmentFactory.create_batch(20, cohort=cohort)
    )
    with django_capture_on_commit_callbacks(execute=False) as few_callbacks:
        with django_assert_max_num_queries(12):
            grading.release_grades(grades=few, by=trainer)
    with django_capture_on_commit_callbacks(execute=False) as many_callbacks:
        with django_assert_max_num_queries(12):
            grading.release_grades(grades=many, by=trainer)
    assert (len(few_callbacks), len(many_callbacks)) == (1, 1)
    many_callbacks[0]()
    assert len(mailoutbox) == 20
    assert Reminder.objects.filter(kind="grade_released").count() == 22
