"""A trainee signs in, opens the next lesson from the dashboard, marks it complete, sees the
progress move, comes back later and resumes; the same at a 390 px wide viewport."""

import datetime

import pytest
from playwright.sync_api import expect

from courses import services
from modules.models import LessonProgress
from tests.browser.conftest import assert_accessible, assert_fits_phone_width, sign_in
from tests.factories import CohortFactory, CourseFactory, LessonFactory, ModuleFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-Long-passphrase-42"


@pytest.fixture
def cohort():
    """DBT Foundations' Spring 2027 cohort, open since January 2026: the biosocial theory, then
    distress tolerance, two lessons each."""
    course = CourseFactory(title="DBT Foundations", status="published")
    theory = ModuleFactory(
        course=course, title="Biosocial theory", position=1, component="foundations"
    )
    skills = ModuleFactory(
        course=course,
        title="Distress tolerance",
        position=2,
        component="skills_training_group",
        skills_modules=["distress_tolerance"],
    )
    for module, titles in (
        (theory, ["The transaction", "Invalidating environments"]),
        (skills, ["TIP", "Radical acceptance"]),
    ):
        for position, title in enumerate(titles, start=1):
            LessonFactory(
                module=module,
                title=title,
                position=position,
                body_markdown=f"About {title}.",
                body_html=f"<p>About {title}.</p>",
            )
    return CohortFactory(
        course=course,
        name="Spring 2027",
        capacity=None,
        starts_on=datetime.date(2026, 1, 5),
        ends_on=datetime.date(2027, 6, 30),
    )


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}]
)
def test_trainee_finds_finishes_and_resumes_the_next_lesson(page, live_server, viewport, cohort):
    dana = UserFactory(email="dana@example.org", full_name="Dana Rivera", password=PASSWORD)
    services.enroll(cohort=cohort, user=dana)
    page.set_viewport_size(viewport)

    sign_in(page, "dana@example.org")
    expect(page.get_by_text("0% complete")).to_be_visible()
    assert_accessible(page)
    assert_fits_phone_width(page)

    # Two clicks from the dashboard: the next lesson, then "Mark complete".
    page.get_by_role("link", name="Start: The transaction").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The transaction")
    assert_accessible(page)
    assert_fits_phone_width(page)
    page.get_by_role("button", name="Mark complete").click()
    status = page.locator("#lesson-status")  # a polite live region that stays on the page
    expect(status).to_contain_text(
        "Marked complete. You completed this lesson. Course progress: 25%"
    )
    expect(status.locator("p")).to_be_focused()  # keyboard focus is not lost with the button
    assert LessonProgress.objects.filter(completed_at__isnull=False).count() == 1

    page.get_by_role("link", name="Next: Invalidating environments →").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Invalidating environments")

    # Later: back on the dashboard, progress moved and "continue" brings them back here.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Dashboard").click()
    expect(page.get_by_text("25% complete")).to_be_visible()
    page.get_by_role("link", name="Continue where you left off: Invalidating environments").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Invalidating environments")

    page.get_by_role("link", name="DBT Foundations").first.click()
    expect(page.get_by_role("heading", name="By DBT component")).to_be_visible()
    expect(page.get_by_text("50% · 1 of 2 lessons")).to_be_visible()  # Foundations
    assert_accessible(page)
    assert_fits_phone_width(page)
