"""Who is behind: overdue items across the due date, idle days, the nudge and its email.

A hand-built course in a New York cohort starting Monday 11 January 2027: module 1 (two lessons,
a quiz, a survey and an assignment) is due on day 7, 18 January, so it is overdue from midnight
in New York (05:00 UTC on the 19th); module 2 is due on 25 January; module 3 has no due date.
"""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments.grading import behind
from assessments.models import Assignment, Attempt, Nudge, Quiz, Response, Submission
from courses import services as enrollment_services
from courses.models import Enrollment, EnrollmentStatus, Team
from dbt_training.outbox import services as outbox
from dbt_training.outbox import tasks as outbox_tasks
from dbt_training.outbox.models import OutgoingEmail
from modules.models import ModuleScheduleOverride
from tests.factories import (
    CohortFactory,
    LessonFactory,
    LessonProgressFactory,
    ModuleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=UTC)


ENROLLED = at(2027, 1, 10, 12, 0)
BEFORE_DUE = at(2027, 1, 19, 4, 59)  # 23:59 on the 18th in New York
AFTER_DUE = at(2027, 1, 19, 5, 0)  # midnight on the 19th in New York


@pytest.fixture
def plan(course, trainer):
    cohort = CohortFactory(
        course=course,
        trainers=[trainer],
        starts_on=datetime.date(2027, 1, 11),
        ends_on=datetime.date(2027, 6, 30),
        time_zone="America/New_York",
    )
    m1 = ModuleFactory(course=course, title="Biosocial theory", position=1, due_offset_days=7)
    m2 = ModuleFactory(
        course=course,
        title="Chain analysis",
        position=2,
        release_offset_days=7,
        due_offset_days=14,
    )
    m3 = ModuleFactory(course=course, title="Consultation team", position=3)
    lessons = [LessonFactory(module=m1, position=1), LessonFactory(module=m1, position=2)]
    LessonFactory(module=m2, position=1)
    LessonFactory(module=m3, position=1)
    quiz = Quiz.objects.create(module=m1, title="Biosocial check", kind="knowledge_check")
    Quiz.objects.create(module=m1, title="How was module 1?", kind="evaluation")
    worksheet = Assignment.objects.create(module=m1, title="Invalidating environments")
    return {
        "cohort": cohort,
        "modules": (m1, m2, m3),
        "lessons": lessons,
        "quiz": quiz,
        "assignment": worksheet,
    }


def enroll(cohort, user=None, *, status=EnrollmentStatus.ACTIVE, name=None, team=None):
    user = user or UserFactory(**({"full_name": name} if name else {}))
    return Enrollment.objects.create(
        user=user, cohort=cohort, status=status, enrolled_at=ENROLLED, team=team
    )


@pytest.fixture
def dana(plan, trainee):
    return enroll(plan["cohort"], trainee)


def row_of(cohort, enrollment, *, now, idle_days=7):
    rows = {r.enrollment.pk: r for r in behind.behind_in(cohort, idle_days=idle_days, now=now)}
    return rows.get(enrollment.pk)


def complete_module_1(plan, enrollment, when):
    for lesson in plan["lessons"]:
        LessonProgressFactory(
            enrollment=enrollment,
            lesson=lesson,
            first_viewed_at=when,
            last_viewed_at=when,
            completed_at=when,
        )


def submit(assignment, enrollment, when, status="submitted"):
    return Submission.objects.create(
        assignment=assignment,
        enrollment=enrollment,
        status=status,
        saved_at=when,
        submitted_at=when if status != "draft" else None,
        revision=0 if status == "draft" else 1,
    )


def attempt(quiz, enrollment, when, *, submitted=True, number=1):
    return Attempt.objects.create(
        quiz=quiz,
        enrollment=enrollment,
        number=number,
        started_at=when,
        submitted_at=when if submitted else None,
    )


# --- overdue items -------------------------------------------------------------------------------


def test_nothing_is_overdue_until_midnight_after_the_due_date_in_the_cohorts_zone(plan, dana):
    cohort = plan["cohort"]
    recent = at(2027, 1, 18, 12, 0)
    LessonProgressFactory(  # active recently, so only overdue work can make her behind
        enrollment=dana,
        lesson=plan["lessons"][0],
        first_viewed_at=recent,
        last_viewed_at=recent,
    )

    with time_machine.travel(BEFORE_DUE, tick=False):
        before = row_of(cohort, dana, now=timezone.now())
    with time_machine.travel(AFTER_DUE, tick=False):
        after = row_of(cohort, dana, now=timezone.now())

    assert before is None
    assert [(i.kind, i.title, i.due_on, i.detail) for i in after.overdue] == [
        ("Module", "Biosocial theory", datetime.date(2027, 1, 18), "0 of 2 lessons done"),
        ("Assignment", "Invalidating environments", datetime.date(2027, 1, 18), ""),
        ("Quiz", "Biosocial check", datetime.date(2027, 1, 18), ""),
    ]
    assert after.is_behind and not after.is_idle


def test_work_handed_in_is_not_overdue_but_drafts_returns_and_open_attempts_are(
    plan, dana, trainee
):
    cohort = plan["cohort"]
    sam = enroll(cohort, name="Sam Okafor")
    day = at(2027, 1, 17, 15, 0)
    complete_module_1(plan, dana, day)
    submit(plan["assignment"], dana, day, status="graded")
    attempt(plan["quiz"], dana, day, submitted=False)
    attempt(plan["quiz"], dana, day, number=2)
    complete_module_1(plan, sam, day)
    submit(plan["assignment"], sam, day, status="returned")
    attempt(plan["quiz"], sam, day, submitted=False)

    rows = behind.behind_in(cohort, idle_days=7, now=AFTER_DUE)

    assert [(r.enrollment.user.full_name, [str(i) for i in r.overdue]) for r in rows] == [
        ("Sam Okafor", ["Invalidating environments (assignment)", "Biosocial check (quiz)"])
    ]


def test_a_draft_submission_leaves_the_assignment_overdue(plan, dana):
    submit(plan["assignment"], dana, at(2027, 1, 18, 12, 0), status="draft")

    row = row_of(plan["cohort"], dana, now=AFTER_DUE)

    assert "Invalidating environments (assignment)" in [str(i) for i in row.overdue]


def test_the_cohorts_own_due_date_overrides_the_course_offset(plan, dana):
    m1 = plan["modules"][0]
    ModuleScheduleOverride.objects.create(
        cohort=plan["cohort"], module=m1, due_on=datetime.date(2027, 1, 22)
    )
    recent = at(2027, 1, 20, 12, 0)
    LessonProgressFactory(
        enrollment=dana, lesson=plan["lessons"][0], first_viewed_at=recent, last_viewed_at=recent
    )

    assert row_of(plan["cohort"], dana, now=AFTER_DUE) is None
    late = row_of(plan["cohort"], dana, now=at(2027, 1, 23, 5, 0))
    assert [str(i) for i in late.overdue] == [
        "Biosocial theory (module)",
        "Invalidating environments (assignment)",
        "Biosocial check (quiz)",
    ]
    assert late.overdue[0].due_on == datetime.date(2027, 1, 22)


def test_items_of_every_due_module_are_listed_by_due_date(plan, dana):
    row = row_of(plan["cohort"], dana, now=at(2027, 1, 26, 5, 0))

    assert [(str(i), i.due_on.day) for i in row.overdue] == [
        ("Biosocial theory (module)", 18),
        ("Invalidating environments (assignment)", 18),
        ("Biosocial check (quiz)", 18),
        ("Chain analysis (module)", 25),
    ]


# --- idle days -----------------------------------------------------------------------------------


def test_idle_days_count_whole_days_from_the_enrollment_date_when_nothing_happened(plan, dana):
    almost = ENROLLED + datetime.timedelta(days=7, seconds=-1)
    week = ENROLLED + datetime.timedelta(days=7)

    assert row_of(plan["cohort"], dana, now=almost) is None
    row = row_of(plan["cohort"], dana, now=week)
    assert (row.days_idle, row.is_idle, row.overdue, row.last_activity_at) == (
        7,
        True,
        [],
        ENROLLED,
    )
    assert row_of(plan["cohort"], dana, now=week, idle_days=8) is None
    assert row_of(plan["cohort"], dana, now=almost, idle_days=6).days_idle == 6


@pytest.mark.parametrize(
    "activity",
    ["lesson view", "attempt start", "attempt submit", "answer save", "submission save"],
)
def test_last_activity_is_the_latest_of_every_kind_of_work(plan, dana, activity):
    old, latest = at(2027, 1, 11, 9, 0), at(2027, 1, 14, 9, 30)
    LessonProgressFactory(
        enrollment=dana,
        lesson=plan["lessons"][0],
        first_viewed_at=old,
        last_viewed_at=latest if activity == "lesson view" else old,
    )
    quiz_attempt = Attempt.objects.create(
        quiz=plan["quiz"],
        enrollment=dana,
        number=1,
        started_at=latest if activity == "attempt start" else old,
        submitted_at=latest if activity == "attempt submit" else None,
    )
    question = plan["quiz"].questions.create(kind="essay", text="Why?", points=Decimal(1))
    Response.objects.create(
        attempt=quiz_attempt,
        question=question,
        answer={"text": "Because."},
        saved_at=latest if activity == "answer save" else old,
    )
    submit(
        plan["assignment"], dana, latest if activity == "submission save" else old, status="draft"
    )

    row = standing_of_at(dana, at(2027, 1, 21, 9, 30))

    assert (row.last_activity_at, row.days_idle) == (latest, 7)


def standing_of_at(enrollment, now):
    return behind.standing_of(enrollment, now=now)


def test_an_attempt_the_time_limit_submitted_is_not_activity(plan, dana):
    started = at(2027, 1, 12, 9, 0)
    Attempt.objects.create(
        quiz=plan["quiz"],
        enrollment=dana,
        number=1,
        started_at=started,
        submitted_at=at(2027, 1, 12, 10, 0),
        submitted_by_time_limit=True,
    )

    assert standing_of_at(dana, at(2027, 1, 13, 9, 0)).last_activity_at == started


# --- who is listed -------------------------------------------------------------------------------


def test_only_active_trainees_are_listed(plan, dana):
    cohort = plan["cohort"]
    for status in ("withdrawn", "waitlisted", "invited", "completed"):
        enroll(cohort, status=status)
    elsewhere = CohortFactory(course=plan["cohort"].course, starts_on=datetime.date(2027, 1, 11))
    enroll(elsewhere)

    rows = behind.behind_in(cohort, idle_days=7, now=AFTER_DUE)

    assert [r.enrollment for r in rows] == [dana]


def test_rows_are_ordered_most_overdue_then_most_idle(plan, dana):
    cohort = plan["cohort"]
    ana = enroll(cohort, name="Ana Idle")
    bo = enroll(cohort, name="Bo Busy")
    complete_module_1(plan, ana, at(2027, 1, 12, 9, 0))
    submit(plan["assignment"], ana, at(2027, 1, 12, 9, 0))
    attempt(plan["quiz"], ana, at(2027, 1, 12, 9, 0))
    complete_module_1(plan, bo, at(2027, 1, 18, 9, 0))
    submit(plan["assignment"], bo, at(2027, 1, 18, 9, 0))

    rows = behind.behind_in(cohort, idle_days=5, now=AFTER_DUE)

    assert [(r.enrollment.user.full_name, len(r.overdue), r.days_idle) for r in rows] == [
        ("Dana Rivera", 3, 8),
        ("Bo Busy", 1, 0),
        ("Ana Idle", 0, 6),
    ]


def test_each_row_shows_the_last_nudge(plan, dana, trainer):
    Nudge.objects.create(
        enrollment=dana, sent_by=trainer, sent_at=at(2027, 1, 15, 9, 0), reason="Earlier."
    )
    Nudge.objects.create(
        enrollment=dana, sent_by=trainer, sent_at=at(2027, 1, 18, 9, 0), reason="Later."
    )

    row = row_of(plan["cohort"], dana, now=AFTER_DUE)

    assert (row.last_nudge_at, row.last_nudge_by) == (at(2027, 1, 18, 9, 0), "Terry Chen")
    assert row.can_nudge_after == at(2027, 1, 19, 9, 0) and not row.can_nudge


@pytest.mark.parametrize(("trainees", "modules"), [(5, 2), (50, 2), (5, 10), (50, 10)])
def test_query_count_is_flat_in_trainees_and_modules(plan, trainer, trainees, modules):
    cohort = plan["cohort"]
    team = Team.objects.create(cohort=cohort, name="Riverside DBT")
    for n in range(modules - 2):
        module = ModuleFactory(course=cohort.course, position=10 + n, due_offset_days=7)
        LessonFactory(module=module)
        Quiz.objects.create(module=module, title=f"Check {n}")
        Assignment.objects.create(module=module, title=f"Worksheet {n}")
    for n in range(trainees):
        enrollment = enroll(cohort, team=team if n % 2 else None)
        complete_module_1(plan, enrollment, at(2027, 1, 17, 9, 0))
        submit(plan["assignment"], enrollment, at(2027, 1, 17, 9, 0))
        attempt(plan["quiz"], enrollment, at(2027, 1, 17, 9, 0))
        Nudge.objects.create(
            enrollment=enrollment, sent_by=trainer, sent_at=at(2027, 1, 18, 9), reason="x"
        )

    behind.behind_in(cohort, idle_days=1, now=at(2027, 1, 26, 5, 0))  # the course outline loads
    with CaptureQueriesContext(connection) as queries:
        rows = behind.behind_in(cohort, idle_days=1, now=at(2027, 1, 26, 5, 0))

    assert len(rows) == trainees
    # Module 2, and each added module with its lesson, quiz and assignment.
    assert all(len(r.overdue) == 1 + 3 * (modules - 2) for r in rows)
    assert len(queries) == QUERIES


# Enrollments (with their cohort and course), progress_for's read model (the outline and the
# cohort's dates are in memory after the first call), due assignments, quizzes, hand-ins, attempts.
QUERIES = 6


# --- nudge ---------------------------------------------------------------------------------------


def test_nudge_records_why_and_emails_the_trainee_once_after_commit(
    plan, dana, trainer, django_capture_on_commit_callbacks
):
    with (
        time_machine.travel(at(2027, 1, 21, 14, 0), tick=False),
        django_capture_on_commit_callbacks(execute=True) as callbacks,
    ):
        made = behind.nudge(enrollment=dana, by=trainer)

    assert len(callbacks) == 1
    made.refresh_from_db()
    assert made.reason == (
        "Overdue: Biosocial theory (module), Invalidating environments (assignment), "
        "Biosocial check (quiz). No activity for 11 days."
    )
    assert (made.sent_by, made.sent_at) == (trainer, at(2027, 1, 21, 14, 0))
    assert made.emailed_at == at(2027, 1, 21, 14, 0)
    [email] = mail.outbox
    assert email.to == ["dana@example.org"]
    assert email.from_email == "Terry Chen via DBT Training <training@example.org>"
    assert email.reply_to == ["terry@example.org"]
    assert email.subject == f"[{plan['cohort'].name}] Terry Chen: checking in on your training"
    link = f"http://testserver/learn/{plan['cohort'].pk}/"
    assert "- Biosocial theory (module, due 18 January 2027; 0 of 2 lessons done)" in email.body
    assert "- Invalidating environments (assignment, due 18 January 2027)" in email.body
    assert "- Biosocial check (quiz, due 18 January 2027)" in email.body
    assert "How was module 1?" not in email.body  # a survey is never overdue
    assert "Your last activity in the course was 11 days ago." in email.body
    assert f"Pick up where you left off: {link}" in email.body
    [(html, mimetype)] = email.alternatives
    assert mimetype == "text/html"
    assert f'<a href="{link}">Pick up where you left off</a>' in html
    assert "<li>Biosocial check (quiz, due 18 January 2027)</li>" in html


def test_a_second_nudge_within_24_hours_is_refused(
    plan, dana, trainer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = behind.nudge(enrollment=dana, by=trainer, now=at(2027, 1, 21, 14, 0))
        with pytest.raises(ValidationError) as refused:
            behind.nudge(enrollment=dana, by=trainer, now=at(2027, 1, 22, 13, 59))

    assert refused.value.messages == [
        "Dana Rivera was nudged 23\xa0hours, 59\xa0minutes ago. "
        "A trainee gets at most one nudge a day; try again after 24 hours."
    ]
    assert list(Nudge.objects.all()) == [first]
    assert len(mail.outbox) == 1

    with django_capture_on_commit_callbacks(execute=True):
        again = behind.nudge(enrollment=dana, by=trainer, now=at(2027, 1, 22, 14, 0))
    assert Nudge.objects.count() == 2 and again.pk != first.pk


def test_nudging_someone_not_active_or_by_another_trainer_is_refused(
    plan, dana, other_trainer, trainer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(ValidationError) as wrong_trainer:
            behind.nudge(enrollment=dana, by=other_trainer)
        enrollment_services.withdraw(enrollment=dana)
        with pytest.raises(ValidationError) as withdrawn:
            behind.nudge(enrollment=dana, by=trainer)

    assert wrong_trainer.value.messages == ["Only the cohort's trainers can nudge its trainees."]
    assert withdrawn.value.messages == [
        "Dana Rivera is no longer active in this cohort, so no nudge was sent."
    ]
    assert not Nudge.objects.exists()
    assert mail.outbox == []


def test_the_email_goes_once_however_often_delivery_runs(
    plan, dana, trainer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        made = behind.nudge(enrollment=dana, by=trainer)

    assert outbox.deliver().sent == []  # delivered after the commit already
    assert outbox_tasks.deliver_outbox.delay().get() == 0
    assert len(mail.outbox) == 1
    row = OutgoingEmail.objects.get()
    assert (row.kind, row.key, row.status) == ("nudge", f"nudge:{made.pk}", "sent")


def test_a_trainee_withdrawn_between_nudge_and_send_gets_no_email(
    plan, dana, trainer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        made = behind.nudge(enrollment=dana, by=trainer)
    enrollment_services.withdraw(enrollment=dana)
    for callback in callbacks:
        callback()

    row = OutgoingEmail.objects.get(key=f"nudge:{made.pk}")
    assert (row.status, row.last_error) == (
        "cancelled",
        "The trainee is no longer active in the cohort.",
    )
    assert mail.outbox == []


def test_a_nudge_whose_email_cannot_be_queued_is_still_delivered_by_the_sweep(
    plan, dana, trainer, django_capture_on_commit_callbacks, unreachable_broker
):
    """The broker is unreachable at commit: the nudge stands and its email waits in the outbox
    (and the once-a-day limit cannot swallow it), then the sweep delivers it."""
    with django_capture_on_commit_callbacks(execute=True):
        made = behind.nudge(enrollment=dana, by=trainer)
    assert mail.outbox == []
    assert OutgoingEmail.objects.get(key=f"nudge:{made.pk}").status == "pending"

    assert len(outbox.deliver().sent) == 1
    assert [m.to for m in mail.outbox] == [["dana@example.org"]]


def test_the_reason_fits_its_column_however_much_is_overdue(plan, dana):
    row = behind.BehindRow(
        enrollment=dana,
        overdue=[
            behind.OverdueItem("Assignment", "A worksheet with a long title " * 3, AFTER_DUE.date())
            for _ in range(8)
        ],
        days_idle=1,
    )

    reason = behind.nudge_reason(row)

    assert len(reason) == 300 and reason.endswith("…")
    assert reason.startswith("Overdue: A worksheet with a long title")
    assert behind.nudge_reason(behind.BehindRow(enrollment=dana)) == (
        "A reminder to keep going with the course."
    )
