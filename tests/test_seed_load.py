from http import HTTPStatus

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.urls import reverse

from assessments.models import (
    Answer,
    Assignment,
    Attempt,
    Grade,
    GradeChange,
    Question,
    Quiz,
    Response,
    Submission,
)
from assessments.quizzes.rules import answer_problems
from assessments.quizzes.scoring import fraction_of
from courses.models import Attendance, Cohort, Course, Enrollment, LiveSession, Team
from dbt_training.load import LOAD_PASSWORD, build_load, remove_load
from dbt_training.users.models import User
from modules.models import EnrollmentProgress, Lesson, LessonProgress, Module
from modules.progress import repair_progress
from tests.factories import (
    CohortFactory,
    LessonFactory,
    LessonProgressFactory,
    ModuleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SMALL = [
    "--cohorts",
    "3",
    "--trainees-per-cohort",
    "7",
    "--course-modules",
    "4",
    "--lessons-per-module",
    "3",
]

# 3 cohorts × 7 trainees, 4 modules × 3 lessons. The cohorts started one, two and three weeks
# ago, so 2, 3 and 4 modules are open; trainees 0-3, 5, 6 of each cohort started (4 never
# did) and are 0, 1 or 2 modules behind: 3 + 7 + 13 = 23 modules finished, each with its
# lessons, a quiz attempt and a submission (the latest of each trainee's 13 still waiting),
# plus the first lesson of the module each of the 18 active trainees is on. Sessions are
# weekly: 1 + 2 + 3 held so far, each with a row per trainee.
SMALL_COUNTS = {
    "courses": 1,
    "modules": 4,
    "lessons": 12,
    "quizzes": 4,
    "questions": 12,
    "answers": 32,  # a true/false and two three-choice questions per quiz
    "assignments": 4,
    "cohorts": 3,
    "teams": 3,
    "trainers": 3,
    "trainees": 21,
    "email_addresses": 24,
    "enrollments": 21,
    "live_sessions": 18,
    "lesson_progress": 23 * 3 + 18,
    "attempts": 23,
    "responses": 23 * 3,
    "submissions": 23,
    "grades": 23 - 13,
    "grade_changes": 2 * (23 - 13),
    "attendance": (1 + 2 + 3) * 7,
}

MODELS = {
    "courses": Course,
    "modules": Module,
    "lessons": Lesson,
    "quizzes": Quiz,
    "questions": Question,
    "answers": Answer,
    "assignments": Assignment,
    "cohorts": Cohort,
    "teams": Team,
    "users": User,
    "email_addresses": EmailAddress,
    "enrollments": Enrollment,
    "live_sessions": LiveSession,
    "lesson_progress": LessonProgress,
    "attempts": Attempt,
    "responses": Response,
    "submissions": Submission,
    "grades": Grade,
    "grade_changes": GradeChange,
    "attendance": Attendance,
}


def table_counts() -> dict[str, int]:
    return {name: model.objects.count() for name, model in MODELS.items()}


def as_tables(counts: dict[str, int]) -> dict[str, int]:
    """A summary's counts as rows per table (trainers and trainees are both users)."""
    tables = {name: n for name, n in counts.items() if name not in ("trainers", "trainees")}
    tables["users"] = counts["trainers"] + counts["trainees"]
    return tables


@pytest.fixture
def other_data(trainee, trainer):
    """Someone else's course, cohort and progress, and addresses that only look like load ones."""
    lesson = LessonFactory(module=ModuleFactory())
    cohort = CohortFactory(course=lesson.module.course, trainers=[trainer])
    enrollment = Enrollment.objects.create(user=trainee, cohort=cohort, status="active")
    LessonProgressFactory(
        enrollment=enrollment,
        lesson=lesson,
        first_viewed_at=cohort.created_at,
        last_viewed_at=cohort.created_at,
    )
    UserFactory(email="load-1-1@example.org")
    UserFactory(email="someone@notload.example.org")
    return table_counts()


def test_seed_load_writes_exactly_the_rows_it_reports(capsys):
    call_command("seed_load", *SMALL)

    assert table_counts() == as_tables(SMALL_COUNTS)
    out = capsys.readouterr().out
    assert f"Load data ready: {sum(SMALL_COUNTS.values()):,} rows" in out
    assert "  lesson progress: 87 (" in out  # progress is printed as it goes
    assert "Sign in as trainer-001@load.example.org" in out


def test_build_load_returns_its_counts():
    summary = build_load(
        cohorts=3, trainees_per_cohort=7, course_modules=4, lessons_per_module=3, seed=5
    )

    assert summary.counts() == SMALL_COUNTS
    course = Course.objects.get()
    assert (course.slug, course.title, course.status) == (
        "load-test",
        "Load test course",
        "published",
    )
    assert all(module.component for module in course.modules.all())


def test_the_seed_changes_scores_not_rows():
    first = build_load(cohorts=3, trainees_per_cohort=7, course_modules=4, lessons_per_module=3)
    percents = sorted(Attempt.objects.values_list("percent", flat=True))
    second = build_load(
        cohorts=3,
        trainees_per_cohort=7,
        course_modules=4,
        lessons_per_module=3,
        seed=2,
        reset=True,
    )

    assert first.counts() == second.counts() == SMALL_COUNTS
    assert sorted(Attempt.objects.values_list("percent", flat=True)) != percents


def test_generated_activity_is_consistent():
    build_load(cohorts=3, trainees_per_cohort=7, course_modules=4, lessons_per_module=3)

    # Each cohort has its own trainer, and every load user a verified address.
    for cohort in Cohort.objects.prefetch_related("trainers"):
        [trainer] = cohort.trainers.all()
        assert trainer.is_trainer
    assert EmailAddress.objects.filter(verified=True, primary=True).count() == 24
    # The questions pass the authoring rules, and scores are what the project's scorer gives.
    for question in Question.objects.prefetch_related("answers"):
        assert answer_problems(question.kind, list(question.answers.all())) == []
    for response in Response.objects.select_related("question"):
        answers = list(response.question.answers.all())
        assert fraction_of(response.question, answers, response.answer) == response.fraction
    for attempt in Attempt.objects.prefetch_related("responses"):
        total = sum(r.score for r in attempt.responses.all())
        assert (attempt.score, attempt.max_score) == (total, 3)
        assert attempt.percent == round(100 * total / 3, 2)
        assert attempt.passed == (attempt.percent >= 80)
    # Trainees who never started have no progress and missed every session.
    idle = Enrollment.objects.filter(lesson_progress__isnull=True)
    assert idle.count() == 3
    assert not Attendance.objects.filter(enrollment__in=idle, present=True).exists()
    # Only the latest piece of work of each trainee waits for grading; the rest is released.
    assert Submission.objects.filter(status="submitted").count() == 13
    assert Grade.objects.filter(released_at__isnull=False).count() == 10
    # The progress read model is built with the data: one row per trainee who started, equal
    # to what LessonProgress says, so a repair finds nothing to do.
    assert EnrollmentProgress.objects.count() == 18
    assert repair_progress() == 0


def test_a_second_run_is_refused_and_changes_nothing(other_data):
    call_command("seed_load", *SMALL)
    before = table_counts()

    with pytest.raises(CommandError, match="Load data already exists .* pass --reset"):
        call_command("seed_load", "--cohorts", "1", "--trainees-per-cohort", "1")

    assert table_counts() == before


def test_reset_replaces_load_data_and_nothing_else(other_data):
    call_command("seed_load", *SMALL)
    call_command("seed_load", "--cohorts", "2", "--trainees-per-cohort", "4", "--reset")

    # The default course of 20 modules × 8 lessons; cohorts one and two weeks in, every trainee
    # started: 2 + 5 modules finished, 5 pieces of work waiting, 1 + 2 sessions held.
    reset_counts = {
        **{name: 0 for name in SMALL_COUNTS},
        **{"courses": 1, "modules": 20, "lessons": 160, "quizzes": 20, "questions": 60},
        **{"answers": 160, "assignments": 20, "cohorts": 2, "teams": 2, "trainers": 2},
        **{"trainees": 8, "email_addresses": 10, "enrollments": 8, "live_sessions": 12},
        **{"lesson_progress": 7 * 8 + 8, "attempts": 7, "responses": 21, "submissions": 7},
        **{"grades": 2, "grade_changes": 4, "attendance": (1 + 2) * 4},
    }
    load = as_tables(reset_counts)
    assert table_counts() == {name: other_data[name] + load[name] for name in other_data}

    remove_load()

    assert table_counts() == other_data
    assert User.objects.filter(email="load-1-1@example.org").exists()


def test_seed_load_refuses_in_production_mode(settings):
    settings.PRODUCTION = True

    with pytest.raises(CommandError, match="refuses to run in production mode"):
        call_command("seed_load", *SMALL)
    with pytest.raises(ImproperlyConfigured):
        build_load(cohorts=1, trainees_per_cohort=1)

    assert not Course.objects.exists()
    assert not User.objects.exists()


@pytest.mark.parametrize("option", ["--cohorts", "--trainees-per-cohort", "--course-modules"])
def test_sizes_below_one_are_refused(option):
    args = dict(zip(SMALL[::2], SMALL[1::2], strict=True)) | {option: "0"}

    with pytest.raises(CommandError, match="must be at least 1"):
        call_command("seed_load", *[part for pair in args.items() for part in pair])

    assert not Course.objects.exists()


def test_the_pages_work_on_load_data(client):
    build_load(cohorts=3, trainees_per_cohort=7, course_modules=4, lessons_per_module=3)
    cohort = Cohort.objects.get(name="Load cohort 003")
    trainer = cohort.trainers.get()
    enrollment = cohort.enrollments.filter(quiz_attempts__isnull=False).first()
    attempt = enrollment.quiz_attempts.first()

    assert client.login(email=trainer.email, password=LOAD_PASSWORD)
    for name in ("gradebook:gradebook", "grading:queue", "behind:list"):
        response = client.get(reverse(name, args=[cohort.pk]))
        assert response.status_code == HTTPStatus.OK, name
    gradebook = client.get(reverse("gradebook:gradebook", args=[cohort.pk]))
    assert enrollment.user.full_name in gradebook.content.decode()

    assert client.login(email=enrollment.user.email, password=LOAD_PASSWORD)
    dashboard = client.get(reverse("dashboard"))
    assert dashboard.status_code == HTTPStatus.OK
    assert "Load test course" in dashboard.content.decode()
    for url in (
        reverse("learn:cohort", args=[cohort.pk]),
        reverse("quizzes:review", args=[cohort.pk, attempt.pk]),
    ):
        assert client.get(url).status_code == HTTPStatus.OK, url
