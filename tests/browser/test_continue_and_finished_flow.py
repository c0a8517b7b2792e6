"""Issue 25, items 13 and 15 in the browser: after "Mark complete" the dashboard and the cohort
home both continue with the next lesson not yet done; a finished cohort says "Finished", offers
no "Continue" once the course is done, counts its sessions held, and its post-test says why no
new attempt is offered. At 1280 and 390 px, axe clean, nothing sideways."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from assessments.quizzes import services as quiz_services
from courses import services
from courses.models import EnrollmentStatus
from modules import services as learning
from tests.browser.conftest import assert_accessible, assert_fits_phone_width, sign_in
from tests.factories import (
    CohortFactory,
    CourseFactory,
    LessonFactory,
    LiveSessionFactory,
    ModuleFactory,
    QuestionFactory,
    QuizFactory,
    UserFactory,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-Long-passphrase-42"
VIEWPORTS = [{"width": 1280, "height": 900}, {"width": 390, "height": 844}]


def course_cohort(name: str, ends_on: datetime.date):
    """Foundations: three lessons, then a post-test with no limit on attempts."""
    course = CourseFactory(title=f"DBT Foundations ({name})", status="published")
    module = ModuleFactory(course=course, title="Foundations", position=1)
    for position, title in enumerate(["The transaction", "Dialectics", "Wise mind"], start=1):
        LessonFactory(
            module=module,
            title=title,
            position=position,
            body_markdown=f"About {title}.",
            body_html=f"<p>About {title}.</p>",
        )
    quiz = QuizFactory(
        module=module, title="Post-test", kind="post_test", attempts_allowed=0, position=1
    )
    QuestionFactory(quiz=quiz, kind="true_false")
    cohort = CohortFactory(
        course=course,
        name=name,
        capacity=None,
        starts_on=datetime.date(2026, 6, 1),
        ends_on=ends_on,
    )
    return cohort, quiz


def check(page):
    assert_accessible(page)
    assert_fits_phone_width(page)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_continue_moves_on_after_mark_complete(page, live_server, viewport):
    cohort, _quiz = course_cohort("Spring 2027", datetime.date(2099, 6, 30))
    dana = UserFactory(email="dana@example.org", full_name="Dana Rivera", password=PASSWORD)
    services.enroll(cohort=cohort, user=dana)
    page.set_viewport_size(viewport)

    sign_in(page, "dana@example.org")
    page.get_by_role("link", name="Start: The transaction").click()
    page.get_by_role("button", name="Mark complete").click()
    expect(page.locator("#lesson-status")).to_contain_text("Marked complete.")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Dashboard").click()
    expect(page.locator(".badge").first).to_have_text("Active")
    check(page)
    page.get_by_role("link", name="Continue where you left off: Dialectics").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dialectics")
    check(page)

    page.get_by_role("link", name=cohort.course.title).first.click()
    expect(page.get_by_role("link", name="Continue: Dialectics")).to_be_visible()
    check(page)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_finished_cohort_reads_finished(page, live_server, viewport):
    cohort, quiz = course_cohort("Autumn 2026", datetime.date(2026, 11, 13))
    LiveSessionFactory(cohort=cohort, starts_at=timezone.now() - datetime.timedelta(days=30))
    dana = UserFactory(email="dana@example.org", full_name="Dana Rivera", password=PASSWORD)
    enrollment = services.enroll(cohort=cohort, user=dana)
    for lesson in cohort.course.modules.get().lessons.all():
        learning.complete_lesson(enrollment=enrollment, lesson=lesson)
    attempt = quiz_services.start_attempt(enrollment=enrollment, quiz=quiz)
    quiz_services.submit_attempt(attempt=attempt)
    page.set_viewport_size(viewport)

    sign_in(page, "dana@example.org")
    expect(page.locator(".badge").first).to_have_text("Finished")
    expect(page.get_by_text("100% complete")).to_be_visible()
    expect(page.get_by_role("link", name="Continue where you left off")).to_have_count(0)
    check(page)

    page.get_by_role("link", name=cohort.course.title).first.click()
    expect(page.get_by_text("This cohort has finished.")).to_be_visible()
    expect(page.get_by_text("No live sessions ahead; 1 held.")).to_be_visible()
    expect(page.get_by_role("link", name="Continue:")).to_have_count(0)
    check(page)

    # The certificate claimed (the enrollment completed): the post-test says why no attempt.
    enrollment.status = EnrollmentStatus.COMPLETED
    enrollment.save()
    page.goto(reverse("quizzes:quiz", args=[cohort.pk, quiz.pk]))
    expect(page.get_by_text("1 used, no limit")).to_be_visible()
    expect(
        page.get_by_text(
            "The cohort ended on 13 November 2026 and you have completed it: no new attempts."
        )
    ).to_be_visible()
    expect(page.get_by_role("button", name="Start a new attempt")).to_have_count(0)
    check(page)
    page.goto(reverse("dashboard"))
    expect(page.locator(".badge").first).to_have_text("Completed")
    check(page)
