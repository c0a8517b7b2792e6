"""One rule for percentages across the app (issue 20, item 7): a whole number, rounded down, so
1 of 8 reads 12% and 2 of 3 reads 66% on every page, download and text; never 13% on one page
and 12% on another, nor "66.67%" beside "67%"."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.urls import reverse

from assessments.completion.checklists import checklist_for
from assessments.models import CompletionRules
from dbt_training.core.formatting import percent_text, share_percent, whole_percent
from tests.factories import (
    AssignmentFactory,
    AttemptFactory,
    GradeFactory,
    LessonFactory,
    LessonProgressFactory,
    QuizFactory,
)

pytestmark = pytest.mark.django_db


def shown(value) -> str:
    return Template("{% load numbers %}{{ value|percent }}").render(Context({"value": value}))


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("12.50"), "12%"),
        (Decimal("66.67"), "66%"),
        (Decimal("66.666666"), "66%"),
        (Decimal("99.99"), "99%"),
        (100, "100%"),
        (0, "0%"),
        (12.5, "12%"),
    ],
)
def test_the_template_filter_rounds_down_to_a_whole_percent(value, text):
    assert shown(value) == text


def test_the_python_helpers_follow_the_same_rule():
    assert (share_percent(1, 8), share_percent(2, 3), share_percent(0, 0)) == (12, 66, 100)
    assert (whole_percent(Decimal("66.67")), whole_percent(None)) == (66, 0)
    # Shares (0..1) as the item analysis shows them; through str, so 0.29 is 29%, not 28%.
    assert [percent_text(f) for f in (0.125, 2 / 3, 0.29, 1)] == ["12%", "66%", "29%", "100%"]


@pytest.fixture
def eight_lessons(course, module):
    """Eight required lessons (the module's own and seven more), and a certificate that asks for
    the lessons only."""
    CompletionRules.objects.create(
        course=course,
        require_post_test=False,
        require_assignments=False,
        require_evaluation=False,
        min_attendance_percent=0,
    )
    return [module.lessons.get()] + [
        LessonFactory(module=module, title=f"Lesson {n}", position=n + 1) for n in range(1, 8)
    ]


def test_one_lesson_of_eight_reads_12_percent_on_every_page(
    client, trainee, trainer, cohort, enrollment, eight_lessons
):
    LessonProgressFactory(
        enrollment=enrollment, lesson=eight_lessons[0], completed_at=enrollment.enrolled_at
    )
    checklist = checklist_for(enrollment)
    assert (checklist.share, checklist.share_text, checklist.left_text) == (
        12,
        "12% of the required items met",
        "7 of 8 required items still to meet",
    )

    client.force_login(trainee)
    home = client.get(reverse("learn:cohort", args=[cohort.pk])).content.decode()
    dashboard = client.get(reverse("dashboard")).content.decode()
    certificate = client.get(reverse("certificates:mine", args=[cohort.pk])).content.decode()
    client.force_login(trainer)
    grid = client.get(reverse("certificates:cohort", args=[cohort.pk])).content.decode()
    staff = client.get(
        reverse("certificates:trainee", args=[cohort.pk, enrollment.pk])
    ).content.decode()
    csv = b"".join(
        client.get(reverse("certificates:cohort_csv", args=[cohort.pk])).streaming_content
    ).decode()

    assert "12% · 1 of 8 lessons" in home
    assert "12% complete" in dashboard
    assert "12%" in certificate
    assert '<td class="cg-share">12%<span class="cg-sub">1 of 8</span></td>' in grid
    assert "1 of 8<span" in grid
    assert '<span id="share-figure">12% of the required items met</span>' in staff
    assert '<p class="checklist-summary">7 of 8 required items still to meet.</p>' in staff
    assert ",12,1 of 8," in csv
    for body in (home, dashboard, certificate, grid, staff, csv):
        assert "13%" not in body


def test_two_of_three_reads_66_percent_on_every_page(
    client, trainee, trainer, course, cohort, enrollment, module
):
    post_test = QuizFactory(module=module, title="Post-test", kind="post_test", position=2)
    attempt = AttemptFactory(
        enrollment=enrollment,
        quiz=post_test,
        percent=Decimal("66.67"),
        score=Decimal(2),
        max_score=Decimal(3),
        passed=False,
    )
    sheet = AssignmentFactory(module=module, title="Diary card", position=3)
    GradeFactory(
        submission__enrollment=enrollment,
        submission__assignment=sheet,
        score=Decimal(2),
        max_score=Decimal(3),
    )

    client.force_login(trainee)
    pages = {
        "quiz": reverse("quizzes:quiz", args=[cohort.pk, post_test.pk]),
        "review": reverse("quizzes:review", args=[cohort.pk, attempt.pk]),
        "assignment": reverse("assignments:assignment", args=[cohort.pk, sheet.pk]),
        "dashboard": reverse("dashboard"),
        "my grades": reverse("gradebook:mine", args=[cohort.pk]),
    }
    bodies = {name: client.get(url).content.decode() for name, url in pages.items()}
    client.force_login(trainer)
    bodies["gradebook"] = client.get(reverse("gradebook:gradebook", args=[cohort.pk])).content
    bodies["gradebook"] = bodies["gradebook"].decode()
    bodies["completion"] = client.get(
        reverse("certificates:cohort", args=[cohort.pk])
    ).content.decode()

    assert "2 / 3 (66%), not passed" in bodies["quiz"]
    assert "2 of 3 points · 66%" in bodies["review"]
    assert "(66%)" in bodies["assignment"]
    assert "(66%)" in bodies["dashboard"]
    assert "66%" in bodies["my grades"]
    assert ">66%</a></td>" in bodies["gradebook"]
    assert "66%, not passed" in bodies["completion"]
    for name, body in bodies.items():
        assert "67%" not in body, name
        assert "66.67" not in body, name
