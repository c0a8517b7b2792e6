"""The hot paths' query budgets (issue 17) on seed_load data, flat as trainees, cohorts and
modules grow: each page is asked twice by a signed-in trainee or trainer and the second request
counted (the first loads what a process keeps: the course outline, the session)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.models import Assignment, Quiz
from assessments.quizzes import services as quiz_services
from dbt_training.load import build_load
from modules.models import Lesson, LessonProgress

pytestmark = pytest.mark.django_db

# (cohorts, trainees per cohort, modules, lessons per module)
SIZES = {"small": (2, 5, 4, 3), "large": (4, 60, 12, 6)}

# Page -> at most this many queries (issue 17's budgets; the trainer pages hold their own).
BUDGETS = {
    "lesson player": 6,
    "quiz autosave": 4,
    "worksheet autosave": 5,
    "dashboard": 8,
    "cohort home": 8,
    "certificate checklist": 8,
}


@pytest.fixture(params=list(SIZES))
def load(request):
    cohorts, trainees, modules, lessons = SIZES[request.param]
    build_load(
        cohorts=cohorts,
        trainees_per_cohort=trainees,
        course_modules=modules,
        lessons_per_module=lessons,
    )
    return request.param


def a_started_trainee():
    """A trainee on a module (its first lesson opened), with an open quiz attempt."""
    started = (
        LessonProgress.objects.filter(completed_at__isnull=True)
        .select_related("enrollment__user", "enrollment__cohort", "lesson")
        .order_by("enrollment__user__email")
        .first()
    )
    enrollment, module_id = started.enrollment, started.lesson.module_id
    quiz = Quiz.objects.get(module_id=module_id)
    attempt = quiz_services.start_attempt(enrollment=enrollment, quiz=quiz)
    return enrollment, module_id, quiz, attempt


def statements(queries) -> int:
    """Queries as production runs them: the test's transaction turns each `atomic` block into
    SAVEPOINT / RELEASE statements, which in production are a BEGIN and COMMIT Django does not
    count."""
    return sum(1 for q in queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT")))


def count(client, method, url, data=None, **headers) -> tuple[int, object]:
    getattr(client, method)(url, data or {}, **headers)  # the process's first: outline, session
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, data or {}, **headers)
    assert response.status_code == 200, (url, response.status_code)
    return statements(queries), response


def test_trainee_hot_paths_stay_within_their_budgets(client, load):
    enrollment, module_id, quiz, attempt = a_started_trainee()
    client.force_login(enrollment.user)
    cohort = enrollment.cohort_id
    lesson = Lesson.objects.filter(module_id=module_id).order_by("position").first()
    question = attempt.question_order[0]
    answer = attempt.choice_order[str(question)][0]
    assignment = Assignment.objects.get(module_id=module_id)
    htmx = {"HTTP_HX_REQUEST": "true"}

    counts = {
        "lesson player": count(client, "get", reverse("learn:lesson", args=[cohort, lesson.pk]))[0],
        "quiz autosave": count(
            client,
            "post",
            reverse("quizzes:save", args=[cohort, attempt.pk, question]),
            {f"q{question}": str(answer)},
            **htmx,
        )[0],
        "worksheet autosave": count(
            client,
            "post",
            reverse("assignments:save", args=[cohort, assignment.pk]),
            {"response": "A draft of my reflection."},
            **htmx,
        )[0],
        "dashboard": count(client, "get", reverse("dashboard"))[0],
        "cohort home": count(client, "get", reverse("learn:cohort", args=[cohort]))[0],
        "certificate checklist": count(client, "get", reverse("certificates:mine", args=[cohort]))[
            0
        ],
    }

    assert counts == {page: min(counts[page], budget) for page, budget in BUDGETS.items()}, counts
