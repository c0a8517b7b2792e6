"""A cohort in mid-flight with a quiz holding one question of every kind, built through the
real services (so the answers pass the same rules the authoring form applies)."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from assessments.quizzes import services
from assessments.quizzes.services import AnswerData as A
from courses.models import Enrollment, EnrollmentStatus
from tests.factories import CohortFactory, CourseFactory, LessonFactory, ModuleFactory


def add_question(quiz, kind, answers=(), **fields):
    fields.setdefault("text", f"A {kind} question")
    return services.save_question(quiz=quiz, kind=kind, answers=list(answers), **fields)


def every_kind(quiz) -> dict:
    """One question of each kind, keyed by kind; points 1 unless said."""
    return {
        "single": add_question(
            quiz,
            "single",
            [
                A(
                    "TIP skills",
                    Decimal(100),
                    "Right: temperature, intense exercise, paced breathing.",
                ),
                A("DEAR MAN", Decimal(0), "That is an interpersonal effectiveness skill."),
                A("Check the facts", Decimal(0)),
            ],
            text="Which skills bring extreme arousal down fast?",
        ),
        "multiple": add_question(
            quiz,
            "multiple",
            [
                A("Observe", Decimal(50)),
                A("Describe", Decimal(50)),
                A("Opposite action", Decimal(-100), "An emotion regulation skill."),
                A("Radical acceptance", Decimal(0)),
            ],
            text="Which are mindfulness “what” skills?",
            points=Decimal(2),
        ),
        "true_false": add_question(
            quiz,
            "true_false",
            [A("True", Decimal(100), "Yes."), A("False", Decimal(0), "No: it does.")],
            text="DBT includes phone coaching.",
        ),
        "matching": add_question(
            quiz,
            "matching",
            [
                A("TIPP", match="Distress tolerance"),
                A("DEAR MAN", match="Interpersonal effectiveness"),
                A("Wise mind", match="Mindfulness"),
                A("", match="Walking the middle path"),
            ],
            text="Match each skill to its module.",
            points=Decimal(3),
        ),
        "ordering": add_question(
            quiz,
            "ordering",
            [
                A("Life-threatening behaviors"),
                A("Therapy-interfering behaviors"),
                A("Quality-of-life-interfering behaviors"),
                A("Increasing behavioral skills"),
            ],
            text="Order the stage-1 targets, highest priority first.",
            points=Decimal(4),
        ),
        "short": add_question(
            quiz,
            "short",
            [A("wise mind", Decimal(100)), A("wisemind", Decimal(50), "Two words.")],
            text="Where reasonable mind and emotion mind overlap:",
        ),
        "numeric": add_question(
            quiz,
            "numeric",
            [
                A(value=Decimal(4), tolerance=Decimal(0), fraction=Decimal(100)),
                A(low=Decimal(3), high=Decimal(5), fraction=Decimal(50)),
            ],
            text="How many modes of comprehensive DBT?",
        ),
        "essay": add_question(quiz, "essay", text="Describe a chain analysis you would run."),
        "likert": add_question(
            quiz,
            "likert",
            [A(t) for t in ("Disagree", "Neutral", "Agree")],
            text="The module was useful.",
        ),
    }


@pytest.fixture
def course(trainer):
    return CourseFactory(authors=[trainer], pass_mark=80)


@pytest.fixture
def module(course):
    module = ModuleFactory(course=course, position=1, due_offset_days=14)
    LessonFactory(module=module)
    return module


@pytest.fixture
def cohort(course, trainer):
    today = timezone.localdate()
    return CohortFactory(
        course=course,
        trainers=[trainer],
        starts_on=today - datetime.timedelta(days=7),
        ends_on=today + datetime.timedelta(days=90),
        time_zone="America/New_York",
    )


@pytest.fixture
def enrollment(cohort, trainee):
    return Enrollment.objects.create(
        user=trainee, cohort=cohort, status=EnrollmentStatus.ACTIVE, enrolled_at=timezone.now()
    )


@pytest.fixture
def other_enrollment(cohort, other_trainee):
    return Enrollment.objects.create(
        user=other_trainee,
        cohort=cohort,
        status=EnrollmentStatus.ACTIVE,
        enrolled_at=timezone.now(),
    )


@pytest.fixture
def quiz(module):
    return services.create_quiz(module=module, title="Module 1 check", kind="knowledge_check")


@pytest.fixture
def questions(quiz) -> dict:
    return every_kind(quiz)


# Assignments and grading (issue 7). Built with the ORM so each area's tests can start before the
# authoring services exist; the authoring tests build the same shapes through the services.


@pytest.fixture
def other_trainer(db, password):
    """A trainer who teaches another course's cohort: the wrong trainer everywhere here."""
    from dbt_training.users.roles import Role
    from tests.factories import UserFactory

    user = UserFactory(
        email="rowan@example.org", full_name="Rowan Ito", password=password, roles=[Role.TRAINER]
    )
    other_course = CourseFactory(authors=[user])
    today = timezone.localdate()
    CohortFactory(
        course=other_course,
        trainers=[user],
        starts_on=today - datetime.timedelta(days=7),
        ends_on=today + datetime.timedelta(days=90),
    )
    return user


def make_rubric(course, title="Chain analysis rubric"):
    """Two criteria of three levels each (0/1/2 and 0/2/4 points: 6 at most), with a comment bank."""
    from assessments.models import BankComment, Criterion, Level, Rubric

    rubric = Rubric.objects.create(course=course, title=title)
    for position, (name, points) in enumerate(
        [("Links are specific", (0, 1, 2)), ("Solutions fit each link", (0, 2, 4))]
    ):
        criterion = Criterion.objects.create(rubric=rubric, title=name, position=position)
        for level_position, (label, value) in enumerate(
            zip(("Missing", "Partial", "Complete"), points, strict=True)
        ):
            Level.objects.create(
                criterion=criterion, title=label, points=Decimal(value), position=level_position
            )
        BankComment.objects.create(criterion=criterion, text=f"Good work on: {name.lower()}.")
        BankComment.objects.create(
            criterion=criterion, text="Say what happened moment by moment.", position=1
        )
    return rubric


@pytest.fixture
def rubric(course):
    return make_rubric(course)


@pytest.fixture
def assignment(module, rubric):
    from assessments.models import Assignment

    return Assignment.objects.create(
        module=module,
        title="Chain analysis of a missed session",
        instructions="Analyse the chain that led to the missed session.",
        worksheet="chain_analysis",
        rubric=rubric,
    )


CHAIN = {
    "problem_behavior": "Client A skipped Tuesday's session (stayed in bed, urge 4/5).",
    "prompting_event": "A critical email from a supervisor on Monday night.",
    "vulnerability_factors": "Slept four hours; skipped dinner.",
    "links": "Thought: I'll fail anyway.\nShame 4/5.\nUrge to hide.",
    "consequences": "Short-term relief; long-term more shame and a missed skills review.",
    "solution_analysis": "Check the facts on the email; opposite action to shame; PLEASE skills.",
    "repair_commitment": "Called to reschedule; committed to a coaching call next time.",
}


@pytest.fixture
def submission(assignment, enrollment):
    """A chain analysis submitted a day ago, waiting in the grading queue."""
    from assessments.models import Submission

    submitted_at = timezone.now() - datetime.timedelta(days=1)
    return Submission.objects.create(
        assignment=assignment,
        enrollment=enrollment,
        status="submitted",
        content=dict(CHAIN),
        saved_at=submitted_at,
        submitted_at=submitted_at,
        revision=1,
        deidentified_at=submitted_at,
    )
