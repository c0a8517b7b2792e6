"""Demo data for `make run` and `manage.py seed_demo`; never in production mode."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from dbt_training.users.models import User
from dbt_training.users.roles import Role
from dbt_training.users.services import sync_role_groups


@dataclass(frozen=True)
class DemoAccount:
    email: str
    full_name: str
    role: str
    credentials: str = ""
    roles: tuple[Role, ...] = ()
    staff: bool = False
    time_zone: str = "America/New_York"


DEMO_ACCOUNTS = (
    # In Chicago while the demo cohort runs in New York: times show in each person's own zone.
    DemoAccount(
        "trainee@example.com",
        "Dana Trainee",
        "trainee",
        credentials="MSW, LCSW",
        time_zone="America/Chicago",
    ),
    DemoAccount(
        "trainer@example.com", "Terry Trainer", "trainer", credentials="PhD", roles=(Role.TRAINER,)
    ),
    DemoAccount(
        "admin@example.com", "Alex Admin", "admin", roles=(Role.ENROLLMENT_ADMIN,), staff=True
    ),
)


@transaction.atomic
def seed_demo_accounts(*, reset: bool = False) -> list[DemoAccount]:
    """Create (or restore) the three demo logins with verified emails; safe to run twice."""
    if settings.PRODUCTION:
        raise ImproperlyConfigured("Demo accounts are never created in production mode.")
    sync_role_groups()
    emails = [account.email for account in DEMO_ACCOUNTS]
    if reset:
        from assessments.models import Certificate

        # Certificates protect their enrollments (a record must not vanish by accident);
        # the demo's own may go.
        Certificate.objects.filter(enrollment__user__email__in=emails).delete()
        User.objects.filter(email__in=emails).delete()
    for account in DEMO_ACCOUNTS:
        user, _ = User.objects.update_or_create(
            email=account.email,
            defaults={
                "full_name": account.full_name,
                "credentials": account.credentials,
                "time_zone": account.time_zone,
                "is_staff": account.staff,
                "is_superuser": account.staff,
                "is_active": True,
            },
        )
        user.set_password(settings.DEMO_PASSWORD)
        user.save(update_fields=["password"])
        user.groups.set(Group.objects.filter(name__in=[role.value for role in account.roles]))
        EmailAddress.objects.update_or_create(
            user=user, email=account.email, defaults={"verified": True, "primary": True}
        )
    return list(DEMO_ACCOUNTS)


# --- the demo cohort -------------------------------------------------------------------------------
# A small running cohort so that `make run` shows a trainee's week: modules, a live session soon
# (its reminders go out from the first scan), the calendar feed. The full demo course is issue 10's.

DEMO_COURSE_SLUG = "dbt-foundations-demo"
DEMO_COHORT_NAME = "Demo cohort"
DEMO_MODULES = (
    (
        "Why DBT: the biosocial theory",
        {"component": "foundations", "release_offset_days": 0, "due_offset_days": 7},
        "How DBT explains pervasive emotion dysregulation",
        "DBT understands pervasive emotion dysregulation as the product of a transaction: a person's "
        "emotional sensitivity and reactivity meets an environment that repeatedly dismisses, "
        "punishes or oversimplifies what they feel. Over time, each shapes the other.\n\n"
        "For the clinician this matters because it guides **validation** as much as change.",
    ),
    (
        "Mindfulness: the core skills",
        {
            "component": "skills_training_group",
            "skills_module": "mindfulness",
            "treatment_priority": "behavioral_skills",
            "release_offset_days": 7,
            "due_offset_days": 21,
        },
        "Wise mind, and the what and how skills",
        "Mindfulness sits at the centre of the skills curriculum. Clients learn to notice and "
        "describe experience and to take part in it fully (the *what* skills), and to do so "
        "without judging, one thing at a time, and effectively (the *how* skills).",
    ),
)


DEMO_POST_TEST = """::Modes:: Which of these is one of the modes of comprehensive DBT? {
=Phone coaching between sessions
~A weekly medication review
~Family therapy only
}

::Dialectics:: DBT balances strategies of acceptance with strategies of change. {T}

::Hierarchy:: In stage 1, which target comes first? {
=Life-threatening behaviors
~Quality-of-life-interfering behaviors
~Increasing behavioral skills
}
"""

DEMO_EVALUATION = """// dbt: kind=likert
::Useful:: The course will be useful in my clinical work. {
~Strongly disagree ~Disagree ~Neutral ~Agree ~Strongly agree
}

::Change:: What would you change about this course? {}
"""

DEMO_APPROVAL = (
    "Psychologists",
    "A CE sponsor approved by the psychology licensing board (demo)",
    "This demonstration course is approved for 2 CE hours for psychologists. "
    "(Demo data: no real approval exists.)",
)


@transaction.atomic
def seed_demo_cohort(*, now=None) -> "object":
    """The demo course, a running cohort with the demo trainee and trainer, and a live session
    starting a little over an hour from now when none is due within a day. Safe to run twice."""
    from datetime import timedelta

    from django.utils import timezone

    from courses.models import Cohort, Course, Enrollment, EnrollmentStatus, LiveSession
    from modules.services import add_lesson, add_module

    now = now or timezone.now()
    trainee = User.objects.get(email="trainee@example.com")
    trainer = User.objects.get(email="trainer@example.com")
    course, created = Course.objects.get_or_create(
        slug=DEMO_COURSE_SLUG,
        defaults={
            "title": "DBT Foundations (demo)",
            "summary": "A short demonstration course: the biosocial theory and core mindfulness.",
            "audience": "Clinicians new to DBT.",
            "learning_objectives": "Explain the biosocial theory\nTeach the core mindfulness skills",
            "ce_hours": "2.00",
            "status": "published",
            "published_at": now,
        },
    )
    if created:
        course.authors.add(trainer)
        for title, fields, lesson_title, body in DEMO_MODULES:
            module = add_module(course=course, title=title, **fields)
            add_lesson(module=module, title=lesson_title, body_markdown=body, estimated_minutes=15)
        _add_demo_assessment(course, module)
    today = now.date()
    cohort, _ = Cohort.objects.get_or_create(
        course=course,
        name=DEMO_COHORT_NAME,
        defaults={
            "starts_on": today - timedelta(days=3),
            "ends_on": today + timedelta(days=60),
            "time_zone": "America/New_York",
            "status": "open",
        },
    )
    cohort.trainers.add(trainer)
    Enrollment.objects.get_or_create(
        user=trainee,
        cohort=cohort,
        defaults={"status": EnrollmentStatus.ACTIVE, "enrolled_at": now},
    )
    if not LiveSession.objects.filter(
        cohort=cohort, starts_at__gt=now, starts_at__lte=now + timedelta(days=1)
    ).exists():
        # On the next five minutes, 65-70 minutes ahead: the 24-hour reminder goes at the first
        # scan and the 1-hour one a few minutes later.
        start = (now + timedelta(minutes=70)).replace(second=0, microsecond=0)
        start -= timedelta(minutes=start.minute % 5)
        LiveSession.objects.create(
            cohort=cohort,
            kind=LiveSession.Kind.SKILLS_GROUP_PRACTICE,
            title="Skills group practice: wise mind",
            starts_at=start,
            duration_minutes=60,
            join_url="https://meet.example.org/dbt-demo",
        )
    return cohort


def _add_demo_assessment(course, module) -> None:
    """The last module's post-test and evaluation survey, a CE approval and the rules."""
    from assessments.models import CompletionRules, CourseApproval
    from assessments.services import create_quiz, import_gift

    post_test = create_quiz(module=module, title="Post-test", kind="post_test")
    import_gift(quiz=post_test, text=DEMO_POST_TEST)
    survey = create_quiz(module=module, title="Course evaluation", kind="evaluation")
    import_gift(quiz=survey, text=DEMO_EVALUATION)
    profession, body, statement = DEMO_APPROVAL
    CourseApproval.objects.create(
        course=course, profession=profession, accrediting_body=body, approval_statement=statement
    )
    CompletionRules.objects.create(course=course, participation_letter_percent=75)


@transaction.atomic
def seed_demo_finished_cohort(*, now=None):
    """An earlier cohort of the demo course that the demo trainee finished: every lesson,
    the post-test passed, the evaluation sent, the one live session attended. So the demo
    shows a certificate being claimed, while the running cohort shows what is left."""
    from datetime import timedelta

    from django.utils import timezone

    from assessments.models import Quiz
    from assessments.services import save_response, start_attempt, submit_attempt
    from courses.models import (
        Attendance,
        Cohort,
        Course,
        Enrollment,
        EnrollmentStatus,
        LiveSession,
    )
    from modules.models import Lesson, LessonProgress

    now = now or timezone.now()
    course = Course.objects.get(slug=DEMO_COURSE_SLUG)
    trainee = User.objects.get(email="trainee@example.com")
    trainer = User.objects.get(email="trainer@example.com")
    cohort, created = Cohort.objects.get_or_create(
        course=course,
        name="Autumn cohort (finished)",
        defaults={
            "starts_on": (now - timedelta(days=90)).date(),
            "ends_on": (now - timedelta(days=5)).date(),
            "time_zone": "America/New_York",
            "status": "closed",
        },
    )
    cohort.trainers.add(trainer)
    if Enrollment.objects.filter(user=trainee, cohort=cohort).exists():
        return cohort  # seeded before (a reset deletes the trainee, and so this enrollment)
    enrollment = Enrollment.objects.create(
        user=trainee, cohort=cohort, status=EnrollmentStatus.ACTIVE, enrolled_at=now
    )
    for lesson in Lesson.objects.filter(module__course=course):
        LessonProgress.objects.create(
            enrollment=enrollment,
            lesson=lesson,
            first_viewed_at=now - timedelta(days=60),
            last_viewed_at=now - timedelta(days=60),
            completed_at=now - timedelta(days=60),
        )
    session, _ = LiveSession.objects.get_or_create(
        cohort=cohort,
        title="Orientation: the modes of DBT",
        defaults={
            "kind": LiveSession.Kind.DIDACTIC,
            "starts_at": now - timedelta(days=80),
            "duration_minutes": 60,
        },
    )
    Attendance.objects.create(
        live_session=session, enrollment=enrollment, present=True, minutes=60, source="trainer"
    )
    for quiz in Quiz.objects.filter(module__course=course).prefetch_related("questions__answers"):
        attempt = start_attempt(enrollment=enrollment, quiz=quiz, now=now - timedelta(days=10))
        for question in quiz.questions.all():
            answers = list(question.answers.all())
            best = max(answers, key=lambda a: a.fraction, default=None)
            if question.kind == "essay":
                answer = {"text": "More practice with chain analysis, please."}
            elif question.kind == "likert":
                answer = {"choice": answers[-2].pk}
            else:
                answer = {"choice": best.pk}
            save_response(
                attempt=attempt, question=question, answer=answer, now=now - timedelta(days=10)
            )
        submit_attempt(attempt=attempt, now=now - timedelta(days=10))
    return cohort
