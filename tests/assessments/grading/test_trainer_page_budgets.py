"""The trainers' cohort pages (gradebook, who is behind, grading queue) take the same number of
queries for 10 trainees as for 1,000. The crowd is written in bulk (one factory-made row per
kind, copied per trainee), so the large case stays a few seconds."""

import copy
import re
from decimal import Decimal as D

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import Attempt, Grade, GradeOverride, Submission
from courses.models import Enrollment, Team
from dbt_training.users.models import User
from modules.models import EnrollmentProgress
from tests.factories import (
    AssignmentFactory,
    AttemptFactory,
    GradeFactory,
    LessonFactory,
    ModuleFactory,
    QuizFactory,
)

# Session, user, the menu's permissions (2), cohort, items (2), teams (2), weights, the
# trainees' count and page, and the four streams (as test_gradebook_views.PAGE_QUERIES).
GRADEBOOK_QUERIES = 16
# Session, user, menu (2), cohort, enrollments with activity, progress_for's (stamps are known:
# the read model for the first trainee), four for the due work.
BEHIND_QUERIES = 15
# Session, user, menu (2), cohort, the queue's two, unreleased and released grades.
QUEUE_QUERIES = 9


def clone(instance, **changes):
    row = copy.copy(instance)
    row.pk = row.id = None
    row._state = copy.copy(instance._state)
    row._state.adding = True
    for name, value in changes.items():
        setattr(row, name, value)
    return row


def crowd(cohort, module, trainees: int):
    """`trainees` active trainees in two teams, each with a submitted quiz attempt, a worksheet
    (half graded, a quarter of those released), an attendance override and some lessons done."""
    quiz = QuizFactory(module=module, title="Check")
    sheet = AssignmentFactory(module=module, title="Worksheet")
    overdue = ModuleFactory(course=cohort.course, position=2, due_offset_days=1)
    lesson = LessonFactory(module=overdue)
    QuizFactory(module=overdue, title="Overdue check")
    AssignmentFactory(module=overdue, title="Overdue worksheet")
    teams = [Team.objects.create(cohort=cohort, name=name) for name in ("Blue", "Green")]
    users = User.objects.bulk_create(
        User(email=f"crowd{n:04}@example.org", full_name=f"Crowd {n:04}") for n in range(trainees)
    )
    now = timezone.now()
    people = Enrollment.objects.bulk_create(
        Enrollment(user=user, cohort=cohort, team=teams[n % 2], status="active", enrolled_at=now)
        for n, user in enumerate(users)
    )
    attempt = AttemptFactory(enrollment=people[0], quiz=quiz, percent=D(70))
    Attempt.objects.bulk_create(clone(attempt, enrollment=p) for p in people[1:])
    grade = GradeFactory(
        submission__enrollment=people[0], submission__assignment=sheet, score=D(7), released=False
    )
    submissions = Submission.objects.bulk_create(
        clone(grade.submission, enrollment=p, status="submitted") for p in people[1:]
    )
    graded = submissions[1::2]
    Submission.objects.filter(pk__in=[s.pk for s in graded]).update(status="graded")
    Grade.objects.bulk_create(
        clone(
            grade,
            submission=s,
            enrollment=s.enrollment,
            released_at=now if n % 4 == 0 else None,
        )
        for n, s in enumerate(graded)
    )
    GradeOverride.objects.bulk_create(
        GradeOverride(enrollment=p, item="attendance", percent=D(90), reason="x", set_at=now)
        for p in people[::3]
    )
    EnrollmentProgress.objects.bulk_create(
        EnrollmentProgress(enrollment=p, completed_lesson_ids=[lesson.pk]) for p in people[::2]
    )
    return teams


@pytest.mark.parametrize("trainees", [10, 1000])
def test_trainer_pages_take_the_same_queries_at_any_size(
    client, trainer, cohort, module, trainees, django_assert_max_num_queries
):
    teams = crowd(cohort, module, trainees)
    client.force_login(trainer)
    pages = {
        "gradebook": (reverse("gradebook:gradebook", args=[cohort.pk]), GRADEBOOK_QUERIES),
        "gradebook, a team, page 2": (
            reverse("gradebook:gradebook", args=[cohort.pk]) + f"?team={teams[0].pk}&page=2",
            GRADEBOOK_QUERIES,
        ),
        "gradebook, failing": (
            reverse("gradebook:gradebook", args=[cohort.pk]) + "?result=fail",
            GRADEBOOK_QUERIES,
        ),
        "who is behind": (reverse("behind:list", args=[cohort.pk]), BEHIND_QUERIES),
        "grading queue": (reverse("grading:queue", args=[cohort.pk]), QUEUE_QUERIES),
    }
    for _url, _budget in pages.values():
        client.get(_url)  # the process loads the course outline and the cohort's dates once
    for name, (page_url, budget) in pages.items():
        with django_assert_max_num_queries(budget, info=name):
            response = client.get(page_url)
        assert response.status_code == 200, name
    behind = client.get(reverse("behind:list", args=[cohort.pk])).content.decode()
    # Everyone has the overdue module's quiz and worksheet to do.
    assert behind.count("Overdue worksheet") == trainees
    assert f"{trainees} of {trainees} active trainees behind" in behind


def test_the_gradebook_pages_50_trainees_and_the_export_has_everyone(
    client, trainer, cohort, module
):
    teams = crowd(cohort, module, 120)
    client.force_login(trainer)
    page_url = reverse("gradebook:gradebook", args=[cohort.pk])
    first = client.get(page_url).content.decode()
    assert first.count('<th scope="row" class="gb-name">') == 50
    assert "Showing 1–50 of 120 trainees" in first
    assert "Page 1 of 3" in first
    # The pager keeps the filters, and its links are plain links (keyboard: Tab and Enter).
    team = client.get(page_url, {"team": teams[1].pk, "search": "crowd"}).content.decode()
    assert "Showing 1–50 of 60 trainees" in team
    assert f'href="?team={teams[1].pk}&amp;search=crowd&amp;page=2" rel="next"' in team
    assert f'href="?team={teams[1].pk}&amp;search=crowd&amp;page=2">Last page' in team
    found = client.get(page_url, {"search": "CROWD 0007"}).content.decode()
    assert found.count('<th scope="row" class="gb-name">') == 1
    # The item headers are written once, not per cell; every cell is a light link.
    assert first.count('<span class="gb-title">Worksheet</span><span class="gb-kind">') == 1
    cells = re.findall(r"<td[^>]*>.*?</td>", first)
    assert len(cells) == 50 * (5 + 5)  # five items, five sums
    assert max(len(cell) for cell in cells) < 150
    export = client.get(reverse("gradebook:export", args=[cohort.pk]))
    lines = b"".join(export.streaming_content).decode().strip().splitlines()
    assert len(lines) == 1 + 120
