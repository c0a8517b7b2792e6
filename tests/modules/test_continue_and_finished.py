"""Issue 25, items 13 and 15: "Continue where you left off" leads to the next lesson not yet
completed (the same on the dashboard and the cohort home), and a finished cohort's home says so:
no "Continue" on a finished course, and sessions that were held are counted, not "none
scheduled"."""

import datetime
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from courses import services as enrollment_services
from courses.models import EnrollmentStatus
from modules import services
from modules.models import LessonProgress, ModuleScheduleOverride
from modules.progress import cohort_progress, computed_summaries, repair_progress
from tests.factories import (
    CohortFactory,
    CourseFactory,
    LessonFactory,
    LiveSessionFactory,
    ModuleFactory,
)
from tests.query_budgets import COHORT_HOME_QUERIES

pytestmark = pytest.mark.django_db

D = datetime.date
NOW = timezone.now()
TITLES = ["Biosocial theory", "Dialectics", "Validation levels"]
RUNNING_UNTIL = D(2099, 6, 30)


def build_cohort(*, ends_on=RUNNING_UNTIL, **fields):
    """DBT Foundations: Foundations (three lessons), then Mindfulness (Wise mind)."""
    cohort = CohortFactory(
        course=CourseFactory(title="DBT Foundations"),
        starts_on=D(2026, 1, 5),
        ends_on=ends_on,
        **fields,
    )
    for position, (title, lessons) in enumerate(
        [("Foundations", TITLES), ("Mindfulness", ["Wise mind"])], start=1
    ):
        module = ModuleFactory(course=cohort.course, title=title, position=position)
        for n, lesson_title in enumerate(lessons, start=1):
            LessonFactory(module=module, title=lesson_title, position=n)
    return cohort


@pytest.fixture
def cohort(trainer):
    cohort = build_cohort()
    cohort.trainers.add(trainer)
    return cohort


@pytest.fixture
def enrollment(cohort, trainee):
    return enrollment_services.enroll(cohort=cohort, user=trainee)


def lesson(cohort, title):
    return cohort.course.modules.get(lessons__title=title).lessons.get(title=title)


def finish(enrollment, *titles, now=None):
    for title in titles:
        services.complete_lesson(
            enrollment=enrollment, lesson=lesson(enrollment.cohort, title), now=now
        )


def view(enrollment, title, now=None):
    services.record_lesson_view(
        enrollment=enrollment, lesson=lesson(enrollment.cohort, title), now=now
    )


def continue_title(enrollment):
    found = cohort_progress(enrollment).continue_lesson
    return found.title if found else None


# --- the rule ------------------------------------------------------------------------------------


def test_before_any_view_there_is_nothing_to_continue_and_the_first_lesson_to_start(enrollment):
    progress = cohort_progress(enrollment)

    assert progress.continue_lesson is None
    assert progress.next_lesson.title == "Biosocial theory"


def test_a_viewed_lesson_not_yet_completed_is_where_to_continue(enrollment):
    view(enrollment, "Dialectics")

    assert continue_title(enrollment) == "Dialectics"


def test_completing_the_lesson_moves_continue_to_the_next(enrollment):
    view(enrollment, "Biosocial theory")
    finish(enrollment, "Biosocial theory")

    assert cohort_progress(enrollment).resume_lesson.title == "Biosocial theory"
    assert continue_title(enrollment) == "Dialectics"


def test_continue_skips_lessons_completed_earlier(enrollment):
    finish(enrollment, "Dialectics", "Validation levels", now=NOW - datetime.timedelta(hours=2))
    view(enrollment, "Biosocial theory", now=NOW)
    finish(enrollment, "Biosocial theory", now=NOW)

    assert continue_title(enrollment) == "Wise mind"


def test_continue_comes_round_to_an_earlier_lesson_left_undone(enrollment):
    finish(enrollment, "Dialectics", "Validation levels", "Wise mind")

    assert cohort_progress(enrollment).resume_lesson.title == "Wise mind"
    assert continue_title(enrollment) == "Biosocial theory"


def test_nothing_to_continue_when_everything_is_done(enrollment):
    finish(enrollment, *TITLES, "Wise mind")

    progress = cohort_progress(enrollment)

    assert progress.percent == 100
    assert progress.continue_lesson is None
    assert progress.next_lesson is None


def test_continue_never_leads_into_a_locked_module(cohort, enrollment):
    mindfulness = cohort.course.modules.get(title="Mindfulness")
    ModuleScheduleOverride.objects.create(
        cohort=cohort, module=mindfulness, release_on=D(2099, 1, 1)
    )
    finish(enrollment, *TITLES)

    progress = cohort_progress(enrollment)

    assert progress.state_of(mindfulness.pk).lock_reason == "Opens on 1 January 2099."
    assert progress.continue_lesson is None


def test_equal_view_times_are_broken_by_the_later_row_in_the_read_model_and_the_repair(
    enrollment,
):
    # Two views stamped with the same instant (a double tab, a coarse clock).
    view(enrollment, "Validation levels", now=NOW)
    view(enrollment, "Dialectics", now=NOW)
    later_row = LessonProgress.objects.get(lesson__title="Dialectics")

    assert continue_title(enrollment) == "Dialectics"
    assert computed_summaries([enrollment.pk])[enrollment.pk][1] == later_row.pk
    assert repair_progress([enrollment.pk]) == 0  # the read model already equals the truth
    assert continue_title(enrollment) == "Dialectics"


# --- the pages ----------------------------------------------------------------------------------


def continue_links(client, cohort):
    """The cohort home's and the dashboard's HTML."""
    home = client.get(reverse("learn:cohort", args=[cohort.pk])).content.decode()
    dashboard = client.get(reverse("dashboard")).content.decode()
    return home, dashboard


def test_marking_a_lesson_complete_moves_continue_on_both_pages(client, cohort, enrollment):
    client.force_login(enrollment.user)
    dialectics = lesson(cohort, "Dialectics")
    client.get(reverse("learn:lesson", args=[cohort.pk, lesson(cohort, "Biosocial theory").pk]))
    client.post(reverse("learn:complete", args=[cohort.pk, lesson(cohort, "Biosocial theory").pk]))
    # The redirect to Dialectics is not followed: the trainee goes back to the pages instead.

    home, dashboard = continue_links(client, cohort)

    url = reverse("learn:lesson", args=[cohort.pk, dialectics.pk])
    assert f'<a class="button button-primary" href="{url}">Continue: Dialectics</a>' in home
    assert f'<a href="{url}">Continue where you left off: Dialectics</a>' in dashboard
    assert "Continue: Biosocial theory" not in home
    assert "Continue where you left off: Biosocial theory" not in dashboard


def test_equal_view_times_give_the_same_lesson_on_both_pages(client, cohort, enrollment):
    view(enrollment, "Validation levels", now=NOW)
    view(enrollment, "Dialectics", now=NOW)
    client.force_login(enrollment.user)

    home, dashboard = continue_links(client, cohort)

    assert "Continue: Dialectics</a>" in home
    assert "Continue where you left off: Dialectics</a>" in dashboard


def test_a_finished_course_offers_neither_continue_nor_start(client, cohort, enrollment):
    finish(enrollment, *TITLES, "Wise mind")
    client.force_login(enrollment.user)

    home, dashboard = continue_links(client, cohort)

    assert "100% · 4 of 4 lessons" in home
    for html in (home, dashboard):
        assert "Continue" not in html
        assert "Start:" not in html


# --- a finished cohort's home -------------------------------------------------------------------


@pytest.fixture
def ended(trainee, trainer):
    cohort = build_cohort(ends_on=D(2026, 11, 13), trainers=[trainer])
    return enrollment_services.enroll(cohort=cohort, user=trainee)


def home(client, enrollment):
    client.force_login(enrollment.user)
    response = client.get(reverse("learn:cohort", args=[enrollment.cohort_id]))
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def test_finished_cohort_home_says_so_and_counts_the_sessions_held(client, ended):
    for days in (30, 23):
        LiveSessionFactory(cohort=ended.cohort, starts_at=NOW - datetime.timedelta(days=days))

    html = home(client, ended)

    assert "<p>This cohort has finished. Your lessons, grades and certificate stay here" in html
    assert "<p>No live sessions ahead; 2 held.</p>" in html
    assert "No live sessions are scheduled yet." not in html


def test_a_cohort_without_sessions_still_says_none_are_scheduled(client, ended):
    html = home(client, ended)

    assert "<p>No live sessions are scheduled yet.</p>" in html
    assert "held." not in html


def test_sessions_ahead_are_listed_without_a_held_count(client, cohort, enrollment):
    LiveSessionFactory(cohort=cohort, title="Long ago", starts_at=NOW - datetime.timedelta(days=9))
    ahead = LiveSessionFactory(cohort=cohort, title="Wise mind practice")

    html = home(client, enrollment)

    assert f'<p id="session-{ahead.pk}"><strong>Wise mind practice</strong>' in html
    assert "Long ago" not in html
    assert "held." not in html
    assert "This cohort has finished." not in html


def test_finished_cohort_home_is_for_its_trainee_only(client, ended, other_trainee, trainer):
    url = reverse("learn:cohort", args=[ended.cohort_id])

    visitor = client.get(url)
    client.force_login(other_trainee)
    wrong_trainee = client.get(url)
    client.force_login(trainer)  # teaches it, but the trainee pages are the trainee's
    trainer_page = client.get(url)

    assert visitor.status_code == HTTPStatus.FOUND
    assert visitor.url.startswith(reverse("account_login"))
    assert wrong_trainee.status_code == HTTPStatus.NOT_FOUND
    assert trainer_page.status_code == HTTPStatus.NOT_FOUND
    assert not LessonProgress.objects.exists()


@pytest.mark.parametrize("held", [1, 30])
def test_finished_cohort_home_queries_do_not_grow_with_sessions_held(
    client, ended, held, django_assert_max_num_queries
):
    for days in range(held):
        LiveSessionFactory(cohort=ended.cohort, starts_at=NOW - datetime.timedelta(days=days + 1))
    client.force_login(ended.user)
    client.get(reverse("learn:cohort", args=[ended.cohort_id]))  # the outline, now in memory

    with django_assert_max_num_queries(COHORT_HOME_QUERIES):
        response = client.get(reverse("learn:cohort", args=[ended.cohort_id]))

    assert f"<p>No live sessions ahead; {held} held.</p>" in response.content.decode()
    assert ended.status == EnrollmentStatus.ACTIVE
