"""A trainer publishes a course that claims more CE hours than it teaches (issue 20, item 6): it
is published all the same, the message counts the CE checks that need attention, and the
Completion and CE page shows each warning and the record made at publishing. axe-core on both
pages, and the checks at 390 px."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from assessments.completion import authoring
from courses.models import Course, CourseStatus
from dbt_training.users.roles import Role
from tests.browser.conftest import assert_accessible, assert_fits_phone_width, sign_in
from tests.factories import (
    CohortFactory,
    CourseFactory,
    LiveSessionFactory,
    ModuleFactory,
    QuizFactory,
    UserFactory,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-Long-passphrase-42"


def test_publishing_an_over_claimed_course_records_and_shows_its_ce_checks(page, live_server):
    terry = UserFactory(
        email="terry@example.org", full_name="Terry Chen", password=PASSWORD, roles=[Role.TRAINER]
    )
    course = CourseFactory(
        title="DBT Foundations", ce_hours=Decimal("10"), pass_mark=70, authors=[terry]
    )
    module = ModuleFactory(course=course, position=1, lessons=12, lessons__estimated_minutes=15)
    QuizFactory(module=module, title="Final post-test", kind="post_test")
    authoring.add_approval(
        course=course,
        profession="Psychologists",
        accrediting_body="American Psychological Association",
        approval_statement="Approved by the APA to sponsor continuing education.",
    )
    today = timezone.localdate()
    cohort = CohortFactory(
        course=course,
        name="Spring cohort",
        starts_on=today - datetime.timedelta(days=3),
        ends_on=today + datetime.timedelta(days=90),
    )
    for _ in range(3):
        LiveSessionFactory(cohort=cohort, duration_minutes=90)

    sign_in(page, "terry@example.org")
    page.goto(f"/author/courses/{course.slug}/")
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".message-warning")).to_have_text(
        "“DBT Foundations” is published in the catalogue. "
        "3 CE checks need attention: see Completion and CE."
    )
    assert Course.objects.get(pk=course.pk).status == CourseStatus.PUBLISHED
    assert_accessible(page)

    page.get_by_role("link", name="Completion and CE").click()
    checks = page.locator("#ce-checks")
    expect(checks.get_by_role("heading", name="CE checks")).to_be_visible()
    expect(checks).to_contain_text("3 CE checks need attention.")
    expect(checks).to_contain_text(
        "Spring cohort: lessons and live sessions take 7.50 hours (450 minutes), 2.50 hours "
        "less than the 10 CE hours claimed."
    )
    expect(checks).to_contain_text("0 per hour (0 items for 10 CE hours)")
    expect(checks).to_contain_text("At publishing on ")
    expect(checks).to_contain_text("by Terry Chen: 3 warnings")
    checks.get_by_text("The warnings recorded at publishing").click()
    expect(checks.locator("details li").filter(has_text="passes at 70%")).to_be_visible()
    assert_accessible(page)

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    expect(checks.get_by_role("heading", name="CE checks")).to_be_visible()
    assert_fits_phone_width(page)
    assert_accessible(page)
