"""A trainer reads a cohort's completion grid for a course with thirty requirement columns: at
1280 px the page itself never scrolls sideways, the table scrolls inside its own region with
the trainee column held in place; sorting and filtering by keyboard; a trainee's details one
link away. axe-core on each page; the grid at 390 px."""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from assessments.models import CompletionRules
from courses.models import Enrollment, Team
from dbt_training.users.roles import Role
from tests.browser.conftest import assert_accessible, assert_fits_phone_width, sign_in
from tests.factories import (
    AssignmentFactory,
    AttemptFactory,
    CohortFactory,
    CourseFactory,
    GradeFactory,
    LessonFactory,
    LessonProgressFactory,
    ModuleFactory,
    QuizFactory,
    UserFactory,
    hold_sessions,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-Long-passphrase-42"
ASSIGNMENTS = 26  # with the lessons, the post-test, the evaluation and attendance: 30 columns


def build():
    trainer = UserFactory(
        email="terry@example.org", full_name="Terry Chen", password=PASSWORD, roles=[Role.TRAINER]
    )
    course = CourseFactory(title="DBT Intensive", pass_mark=80)
    CompletionRules.objects.create(course=course, min_attendance_percent=50)
    module = ModuleFactory(course=course, title="Foundations", position=1, due_offset_days=60)
    lessons = [LessonFactory(module=module, title=f"Lesson {n}", position=n) for n in range(1, 5)]
    post_test = QuizFactory(module=module, title="Post-test", kind="post_test", position=1)
    QuizFactory(module=module, title="Course evaluation", kind="evaluation", position=2)
    assignments = [
        AssignmentFactory(module=module, title=f"Diary card, week {n}", position=n)
        for n in range(1, ASSIGNMENTS + 1)
    ]
    today = timezone.localdate()
    cohort = CohortFactory(
        course=course,
        name="Spring cohort",
        trainers=[trainer],
        starts_on=today - datetime.timedelta(days=7),
        ends_on=today + datetime.timedelta(days=90),
    )
    team = Team.objects.create(cohort=cohort, name="North")
    people = {}
    for n, name in enumerate(
        ["Amira Haddad", "Bruno Silva", "Chloé Martin", "Dmitri Volkov", "Esi Mensah"]
    ):
        enrollment = Enrollment.objects.create(
            user=UserFactory(full_name=name, email=f"trainee{n}@example.org"),
            cohort=cohort,
            status="active",
            enrolled_at=timezone.now(),
            team=team if n % 2 == 0 else None,
        )
        people[name] = enrollment
        now = timezone.now()
        for lesson in lessons[: n + 1 if n < 4 else 4]:
            LessonProgressFactory(
                enrollment=enrollment,
                lesson=lesson,
                first_viewed_at=now,
                last_viewed_at=now,
                completed_at=now,
            )
        AttemptFactory(enrollment=enrollment, quiz=post_test, percent=Decimal(60 + 8 * n))
        for assignment in assignments[: n * 5]:
            GradeFactory(
                submission__enrollment=enrollment,
                submission__assignment=assignment,
                score=Decimal(9),
            )
    hold_sessions(cohort, {people["Esi Mensah"]: 2, people["Bruno Silva"]: 1}, count=2)
    return cohort, people


def overflow(page) -> int:
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def test_a_trainer_reads_sorts_and_filters_the_grid_by_keyboard(page, live_server):
    cohort, people = build()
    sign_in(page, "terry@example.org")

    page.goto(f"/cohorts/{cohort.pk}/")
    page.get_by_role("link", name="Completion and certificates").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Completion")
    region = page.get_by_role("region", name=re.compile("^Trainees by requirement, sorted by"))
    expect(region).to_be_visible()
    headers = region.get_by_role("columnheader")
    expect(headers).to_have_count(3 + 30 + 1)

    # 1280 px: the page fits; the table is wider than its region and scrolls inside it, the
    # trainee column staying in view.
    assert overflow(page) <= 0
    widths = region.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert widths[0] > widths[1] + 1000, widths
    name_cell = region.get_by_role("rowheader", name=re.compile("Amira Haddad"))
    before = name_cell.bounding_box()["x"]
    region.evaluate("el => { el.scrollLeft = 900; }")
    assert region.evaluate("el => el.scrollLeft") == 900
    assert abs(name_cell.bounding_box()["x"] - before) < 1
    assert overflow(page) <= 0
    assert_accessible(page)

    # Sort by the share of items met, by keyboard: once ascending, again descending.
    region.evaluate("el => { el.scrollLeft = 0; }")
    page.get_by_role("link", name=re.compile(r"^Items met \(sort ascending\)")).focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"sort=share&dir=asc"))
    first_names = page.locator(".cg-table tbody th.cg-name a")
    expect(first_names.first).to_have_text("Amira Haddad")
    expect(page.locator('th[aria-sort="ascending"]')).to_contain_text("Items met")
    page.get_by_role("link", name=re.compile(r"^Items met \(sort descending\)")).focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"sort=share&dir=desc"))
    expect(first_names.first).to_have_text("Esi Mensah")

    # Filter by keyboard: the team first, then a name as well; the sort stays.
    page.get_by_label("Team").focus()
    page.keyboard.press("ArrowDown")  # "Every team" → "North"
    expect(page.get_by_label("Team")).to_have_value(str(Team.objects.get().pk))
    page.get_by_role("button", name="Show").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"team=\d+"))
    expect(first_names).to_have_text(["Esi Mensah", "Chloé Martin", "Amira Haddad"])
    page.get_by_label("Name or email").focus()
    page.keyboard.type("mar")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"search=mar"))
    expect(first_names).to_have_text(["Chloé Martin"])
    assert "sort=share" in page.url and "dir=desc" in page.url
    assert_accessible(page)

    # A trainee's details: what is left, item by item.
    page.get_by_role("link", name="Chloé Martin").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Chloé Martin")
    expect(page.locator("#requirement-lessons")).to_contain_text("Left to do: Lesson 4")
    expect(page.locator(".checklist-summary")).to_have_text(
        re.compile(r"^\d+ of 33 required items still to meet\.$")
    )
    assert_accessible(page)

    # 390 px: the page never scrolls sideways; the grid scrolls inside its region.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/cohorts/{cohort.pk}/completion/")
    assert_fits_phone_width(page)
    assert_accessible(page)
