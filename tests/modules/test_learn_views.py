"""The trainee's pages: cohort home, lesson player, mark complete, and the dashboard cards."""

import datetime
from http import HTTPStatus

import pytest
from django.urls import reverse

from courses import services as enrollment_services
from courses.models import Enrollment, EnrollmentStatus
from modules import services
from modules.models import LessonProgress, ModuleScheduleOverride
from tests.factories import (
    CohortFactory,
    CourseFactory,
    LessonFactory,
    ModuleFactory,
    UserFactory,
)
from tests.query_budgets import COHORT_HOME_QUERIES

pytestmark = pytest.mark.django_db

D = datetime.date
# Cohorts here started in the past, so offset-0 modules are open today; one module has its own
# release date far in the future.
STARTS, ENDS = D(2026, 1, 5), D(2026, 6, 26)
LOCKED = "Opens on 1 January 2099."


def module_with_lessons(course, title, titles, position, **fields):
    module = ModuleFactory(course=course, title=title, position=position, **fields)
    for n, lesson_title in enumerate(titles, start=1):
        LessonFactory(module=module, title=lesson_title, position=n)
    return module


@pytest.fixture
def cohort(trainer):
    cohort = CohortFactory(
        course=CourseFactory(title="DBT Foundations"),
        starts_on=STARTS,
        ends_on=ENDS,
        trainers=[trainer],
    )
    course = cohort.course
    module_with_lessons(
        course, "Foundations", ["Biosocial theory", "Dialectics", "Validation levels"], 1
    )
    module_with_lessons(course, "Mindfulness", ["Wise mind"], 2)
    later = module_with_lessons(course, "Chain analysis", ["Behavior chain"], 3)
    ModuleScheduleOverride.objects.create(cohort=cohort, module=later, release_on=D(2099, 1, 1))
    return cohort


@pytest.fixture
def enrollment(cohort, trainee):
    return enrollment_services.enroll(cohort=cohort, user=trainee)


def lesson(cohort, title):
    return cohort.course.modules.get(lessons__title=title).lessons.get(title=title)


def urls(cohort_id, lesson_id):
    return {
        "cohort": ("get", reverse("learn:cohort", args=[cohort_id])),
        "lesson": ("get", reverse("learn:lesson", args=[cohort_id, lesson_id])),
        "complete": ("post", reverse("learn:complete", args=[cohort_id, lesson_id])),
    }


def call(client, page, cohort_id, lesson_id, **extra):
    method, url = urls(cohort_id, lesson_id)[page]
    return getattr(client, method)(url, **extra)


# --- who may open what --------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["cohort", "lesson", "complete"])
def test_visitor_is_sent_to_sign_in(client, cohort, enrollment, page):
    response = call(client, page, cohort.pk, lesson(cohort, "Dialectics").pk)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("account_login") + "?next=/learn/")
    assert LessonProgress.objects.count() == 0


@pytest.mark.parametrize("page", ["cohort", "lesson", "complete"])
@pytest.mark.parametrize("who", ["trainee_of_another_cohort", "trainer_not_enrolled", "nobody"])
def test_people_outside_the_cohort_get_404(
    client, cohort, enrollment, trainer, other_trainee, page, who
):
    if who == "trainee_of_another_cohort":
        other_cohort = CohortFactory(course=cohort.course, starts_on=STARTS, ends_on=ENDS)
        enrollment_services.enroll(cohort=other_cohort, user=other_trainee)
    person = {"trainer_not_enrolled": trainer}.get(who, other_trainee)
    client.force_login(person)

    response = call(client, page, cohort.pk, lesson(cohort, "Dialectics").pk)

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert LessonProgress.objects.count() == 0


@pytest.mark.parametrize("page", ["cohort", "lesson", "complete"])
def test_invited_but_not_yet_enrolled_gets_404(client, cohort, trainee, page):
    Enrollment.objects.create(cohort=cohort, user=trainee, status=EnrollmentStatus.INVITED)
    client.force_login(trainee)

    response = call(client, page, cohort.pk, lesson(cohort, "Dialectics").pk)

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert LessonProgress.objects.count() == 0


@pytest.mark.parametrize("page", ["lesson", "complete"])
def test_lesson_of_another_course_under_my_cohort_is_404(client, cohort, enrollment, page):
    other = CohortFactory(course=CourseFactory(), starts_on=STARTS, ends_on=ENDS)
    foreign = module_with_lessons(other.course, "Elsewhere", ["Foreign lesson"], 1)
    enrollment_services.enroll(cohort=other, user=enrollment.user)
    client.force_login(enrollment.user)

    response = call(client, page, cohort.pk, foreign.lessons.get().pk)

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert LessonProgress.objects.count() == 0


def test_locked_lesson_is_403_with_the_reason(client, cohort, enrollment):
    locked = lesson(cohort, "Behavior chain")
    client.force_login(enrollment.user)

    page = call(client, "lesson", cohort.pk, locked.pk)
    complete = call(client, "complete", cohort.pk, locked.pk)

    assert page.status_code == HTTPStatus.FORBIDDEN
    assert f"“Behavior chain” is locked. {LOCKED}" in page.content.decode()
    assert complete.status_code == HTTPStatus.FORBIDDEN
    assert LOCKED in complete.content.decode()
    assert LessonProgress.objects.count() == 0


def test_cohort_home_shows_the_lock_reason(client, cohort, enrollment):
    client.force_login(enrollment.user)

    response = call(client, "cohort", cohort.pk, 0)

    assert response.status_code == HTTPStatus.OK
    assert f'<span class="badge">Locked</span> {LOCKED}' in response.content.decode()
    assert "Behavior chain" not in response.content.decode()  # a locked module lists no lessons


def test_my_open_lesson_is_shown_and_its_view_recorded(client, cohort, enrollment):
    dialectics = lesson(cohort, "Dialectics")
    client.force_login(enrollment.user)

    response = call(client, "lesson", cohort.pk, dialectics.pk)

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "<h1>Dialectics</h1>" in html
    assert "Previous: Biosocial theory" in html
    assert "Next: Validation levels" in html
    assert "Mark complete" in html
    row = LessonProgress.objects.get()
    assert (row.enrollment, row.lesson, row.completed_at) == (enrollment, dialectics, None)
    assert row.first_viewed_at is not None
    assert row.last_viewed_at == row.first_viewed_at


# --- marking complete ---------------------------------------------------------------------------


def test_mark_complete_goes_on_to_the_next_lesson(client, cohort, enrollment):
    client.force_login(enrollment.user)
    dialectics = lesson(cohort, "Dialectics")

    response = call(client, "complete", cohort.pk, dialectics.pk)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse(
        "learn:lesson", args=[cohort.pk, lesson(cohort, "Validation levels").pk]
    )
    row = LessonProgress.objects.get()
    assert (row.enrollment, row.lesson) == (enrollment, dialectics)
    assert row.completed_at is not None


def test_mark_complete_stays_when_the_next_lesson_is_locked(client, cohort, enrollment):
    client.force_login(enrollment.user)
    wise_mind = lesson(cohort, "Wise mind")  # followed by the locked “Behavior chain”

    response = call(client, "complete", cohort.pk, wise_mind.pk)

    assert response.url == reverse("learn:lesson", args=[cohort.pk, wise_mind.pk])
    assert LessonProgress.objects.get().lesson == wise_mind


def test_mark_complete_with_htmx_returns_the_status_fragment(client, cohort, enrollment):
    client.force_login(enrollment.user)
    dialectics = lesson(cohort, "Dialectics")

    response = call(client, "complete", cohort.pk, dialectics.pk, headers={"HX-Request": "true"})

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    # The fragment fills the page's live region (#lesson-status) and takes the focus.
    assert html.lstrip().startswith('<p class="message message-success" tabindex="-1" autofocus>')
    assert "<html" not in html
    assert "<html" not in html
    # 1 of 5 lessons (the locked module's lesson counts too).
    assert "Marked complete. You completed this lesson. Course progress: 20%." in html
    assert LessonProgress.objects.get().completed_at is not None


def test_mark_complete_twice_keeps_one_row(client, cohort, enrollment):
    client.force_login(enrollment.user)
    dialectics = lesson(cohort, "Dialectics")
    call(client, "complete", cohort.pk, dialectics.pk)
    first = LessonProgress.objects.get()

    again = call(client, "complete", cohort.pk, dialectics.pk, headers={"HX-Request": "true"})

    assert again.status_code == HTTPStatus.OK
    assert "Course progress: 20%." in again.content.decode()
    row = LessonProgress.objects.get()
    assert (row.pk, row.completed_at) == (first.pk, first.completed_at)


def test_completed_lesson_page_says_so(client, cohort, enrollment):
    client.force_login(enrollment.user)
    dialectics = lesson(cohort, "Dialectics")
    services.complete_lesson(enrollment=enrollment, lesson=dialectics)

    html = call(client, "lesson", cohort.pk, dialectics.pk).content.decode()

    assert "You completed this lesson. Course progress: 20%." in html
    assert "Marked complete" not in html
    assert "Mark complete" not in html


def test_mark_complete_needs_post(client, cohort, enrollment):
    client.force_login(enrollment.user)
    url = reverse("learn:complete", args=[cohort.pk, lesson(cohort, "Dialectics").pk])

    assert client.get(url).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert LessonProgress.objects.count() == 0


# --- withdrawn and waitlisted trainees ----------------------------------------------------------


def test_withdrawn_trainee_reads_but_records_nothing(client, cohort, enrollment):
    enrollment_services.withdraw(enrollment=enrollment)
    client.force_login(enrollment.user)
    dialectics = lesson(cohort, "Dialectics")

    home = call(client, "cohort", cohort.pk, 0)
    page = call(client, "lesson", cohort.pk, dialectics.pk)
    complete = call(client, "complete", cohort.pk, dialectics.pk)

    assert home.status_code == HTTPStatus.OK
    assert "You have withdrawn from this cohort" in home.content.decode()
    assert page.status_code == HTTPStatus.OK
    assert "you can read, but nothing is recorded" in page.content.decode()
    assert "Mark complete" not in page.content.decode()
    assert complete.status_code == HTTPStatus.FORBIDDEN
    assert "Only active enrollments can complete lessons." in complete.content.decode()
    assert LessonProgress.objects.count() == 0


def test_withdrawn_trainee_keeps_earlier_progress(client, cohort, enrollment):
    services.complete_lesson(enrollment=enrollment, lesson=lesson(cohort, "Biosocial theory"))
    enrollment_services.withdraw(enrollment=enrollment)
    client.force_login(enrollment.user)

    html = call(client, "cohort", cohort.pk, 0).content.decode()

    assert "20% · 1 of 5 lessons" in html
    assert "Continue:" not in html  # nothing to continue while withdrawn
    assert LessonProgress.objects.count() == 1


def test_waitlisted_trainee_cannot_open_lessons(client, cohort, other_trainee, trainee):
    cohort.capacity = 1
    cohort.save()
    enrollment_services.enroll(cohort=cohort, user=other_trainee)
    waiting = enrollment_services.enroll(cohort=cohort, user=trainee)
    assert waiting.status == EnrollmentStatus.WAITLISTED
    client.force_login(trainee)
    dialectics = lesson(cohort, "Dialectics")

    home = call(client, "cohort", cohort.pk, 0)
    page = call(client, "lesson", cohort.pk, dialectics.pk)
    complete = call(client, "complete", cohort.pk, dialectics.pk)

    assert home.status_code == HTTPStatus.OK
    assert "You are on this cohort's waitlist." in home.content.decode()
    assert page.status_code == HTTPStatus.FORBIDDEN
    assert "lessons open once you have a seat" in page.content.decode()
    assert complete.status_code == HTTPStatus.FORBIDDEN
    assert LessonProgress.objects.count() == 0


# --- continuing where I left off ----------------------------------------------------------------


def test_cohort_home_starts_with_the_first_lesson(client, cohort, enrollment):
    client.force_login(enrollment.user)

    html = call(client, "cohort", cohort.pk, 0).content.decode()

    first = lesson(cohort, "Biosocial theory")
    assert f'href="{reverse("learn:lesson", args=[cohort.pk, first.pk])}">Start: ' in html
    assert "0% · 0 of 5 lessons" in html


def test_cohort_home_continues_with_the_last_lesson_viewed(client, cohort, enrollment):
    client.force_login(enrollment.user)
    dialectics = lesson(cohort, "Dialectics")
    call(client, "lesson", cohort.pk, lesson(cohort, "Validation levels").pk)
    call(client, "lesson", cohort.pk, dialectics.pk)

    html = call(client, "cohort", cohort.pk, 0).content.decode()

    url = reverse("learn:lesson", args=[cohort.pk, dialectics.pk])
    assert f'<a class="button button-primary" href="{url}">Continue: Dialectics</a>' in html
    assert "Continue: Validation levels" not in html


# --- the dashboard ------------------------------------------------------------------------------


def test_dashboard_shows_progress_and_the_continue_link(client, cohort, enrollment):
    services.complete_lesson(enrollment=enrollment, lesson=lesson(cohort, "Biosocial theory"))
    services.complete_lesson(enrollment=enrollment, lesson=lesson(cohort, "Dialectics"))
    validation = lesson(cohort, "Validation levels")
    services.record_lesson_view(enrollment=enrollment, lesson=validation)
    client.force_login(enrollment.user)

    html = client.get(reverse("dashboard")).content.decode()

    assert "40% complete" in html
    url = reverse("learn:lesson", args=[cohort.pk, validation.pk])
    assert f'<a href="{url}">Continue where you left off: Validation levels</a>' in html
    assert f'href="{reverse("learn:cohort", args=[cohort.pk])}">DBT Foundations</a>' in html


def test_dashboard_offers_the_first_lesson_before_any_view(client, cohort, enrollment):
    client.force_login(enrollment.user)

    html = client.get(reverse("dashboard")).content.decode()

    first = lesson(cohort, "Biosocial theory")
    url = reverse("learn:lesson", args=[cohort.pk, first.pk])
    assert "0% complete" in html
    assert f'<a href="{url}">Start: Biosocial theory</a>' in html


# --- queries do not grow with cohorts or lessons ------------------------------------------------


def trainee_in(cohorts) -> tuple:
    """A trainee enrolled in each cohort, who completed and viewed some lessons of each."""
    user = UserFactory()
    for cohort in cohorts:
        enrollment = enrollment_services.enroll(cohort=cohort, user=user)
        lessons = list(cohort.course.modules.get(position=1).lessons.order_by("position"))
        services.complete_lesson(enrollment=enrollment, lesson=lessons[0])
        services.record_lesson_view(enrollment=enrollment, lesson=lessons[1])
    return user


# Dashboard, 13 queries however many cohorts: session, user, the trainee's enrollments (with
# cohort and course), progress_for's five (modules with their team gates, lessons, prerequisites,
# cohort overrides, lesson progress with lesson and module; no team is involved here, so no team
# queries), the user's and the groups' permissions (the menu's role checks), the next live
# sessions, the announcements and the notifications panel (its five newest with the unread
# count, one query). (“Cohorts taught” is not read for a trainee.)
DASHBOARD_QUERIES = 13
# Lesson page on a first view, 20 queries: session, user, enrollment, the lesson (with its
# module), progress_for's five, recording the view (savepoint, get_or_create's select, savepoint,
# insert, two releases: six), the previous and next lessons, the menu's two permission queries
# and the lesson's attachments. A second view updates instead of inserting: 18.
FIRST_VIEW_QUERIES = 20
LATER_VIEW_QUERIES = 18


@pytest.mark.parametrize("cohorts", [1, 10])
def test_dashboard_queries_do_not_grow_with_cohorts(client, cohorts, django_assert_max_num_queries):
    # Cohorts (started in the past) of new courses of two modules of three lessons, all open.
    user = trainee_in(
        CohortFactory.create_batch(
            cohorts,
            starts_on=STARTS,
            ends_on=ENDS,
            course__modules=2,
            course__modules__lessons=3,
        )
    )
    client.force_login(user)

    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        response = client.get(reverse("dashboard"))

    # 1 of 6 lessons in each cohort.
    assert response.content.decode().count("</progress> 16% complete") == cohorts
    assert response.content.decode().count("Continue where you left off:") == cohorts


# 1 lesson done: 5% of 20; 0.5% of 200 rounds to 0.
@pytest.mark.parametrize(("modules", "lessons", "percent"), [(4, 5, 5), (20, 10, 0)])
def test_cohort_home_and_lesson_queries_do_not_grow_with_lessons(
    client, modules, lessons, percent, django_assert_max_num_queries
):
    cohort = CohortFactory(
        starts_on=STARTS,
        ends_on=ENDS,
        course__modules=modules,
        course__modules__lessons=lessons,
    )
    user = trainee_in([cohort])
    client.force_login(user)
    middle = cohort.course.modules.get(position=modules // 2).lessons.order_by("position")[2]
    page = reverse("learn:lesson", args=[cohort.pk, middle.pk])

    with django_assert_max_num_queries(COHORT_HOME_QUERIES):
        home = client.get(reverse("learn:cohort", args=[cohort.pk]))
    with django_assert_max_num_queries(FIRST_VIEW_QUERIES):
        first_view = client.get(page)
    with django_assert_max_num_queries(LATER_VIEW_QUERIES):
        later_view = client.get(page)

    assert f"{percent}% · 1 of {modules * lessons} lessons" in home.content.decode()
    assert first_view.status_code == later_view.status_code == HTTPStatus.OK
    assert LessonProgress.objects.filter(lesson=middle).count() == 1


def test_dashboard_deadline_is_kept_until_the_day_ends_in_the_cohorts_time_zone(client, trainee):
    import time_machine

    from courses import services as course_services
    from tests.factories import CohortFactory, LessonFactory, ModuleFactory

    cohort = CohortFactory(
        time_zone="America/New_York", starts_on=datetime.date(2027, 3, 10), capacity=None
    )
    module = ModuleFactory(
        course=cohort.course, title="Chain analysis", position=1, due_offset_days=10
    )
    LessonFactory(module=module, position=1)
    course_services.enroll(cohort=cohort, user=trainee)

    # 01:00 UTC on the 21st is still 21:00 on the 20th, the due day, in New York.
    with time_machine.travel(datetime.datetime(2027, 3, 21, 1, 0, tzinfo=datetime.UTC)):
        client.force_login(trainee)  # a session made in the travelled-to time
        html = client.get(reverse("dashboard")).content.decode()

    assert "Sat 20 Mar 2027: Chain analysis" in html
