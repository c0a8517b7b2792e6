"""Issue 25, items 9 and 11: the gradebook fits. At 1280 px a course of 18 columns shows the
Total and Result beside ten items, the headers wrap between words (never "foundation s"),
names and totals stay in view while the body scrolls sideways in its own focusable region; at
390 px the page does not scroll sideways and the box shows many rows. The grading queue with
"Recently released" and the gradebook's CSV import preview fit a phone too."""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from courses import services
from dbt_training.users.roles import Role
from tests.browser.conftest import assert_accessible, assert_fits_phone_width, sign_in
from tests.factories import (
    AssignmentFactory,
    CohortFactory,
    CourseFactory,
    GradeFactory,
    ModuleFactory,
    QuizFactory,
    UserFactory,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-Long-passphrase-42"
# Seventeen items and Attendance: the 18 columns of the issue, with the long words that broke.
QUIZZES = [
    "Foundations of mindfulness",
    "Mindfulness: what skills",
    "Mindfulness: how skills",
    "Distress tolerance foundations",
    "Crisis survival strategies",
    "Radical acceptance",
    "Emotion regulation foundations",
    "Interpersonal effectiveness foundations",
    "Validation strategies",
]
WORKSHEETS = [
    "Chain analysis of a missed session",
    "Diary card review",
    "Pros and cons worksheet",
    "Checking the facts",
    "Opposite action practice",
    "DEAR MAN rehearsal",
    "Case formulation draft",
    "Dialectical dilemmas reflection",
]
TRAINEES = 24


def build():
    terry = UserFactory(
        email="terry@example.org", full_name="Terry Chen", password=PASSWORD, roles=[Role.TRAINER]
    )
    course = CourseFactory(title="DBT Foundations", status="published", pass_mark=70)
    course.authors.add(terry)
    modules = [ModuleFactory(course=course, title=f"Module {n}", position=n) for n in range(1, 4)]
    quizzes = [
        QuizFactory(module=modules[n % 3], title=title, position=n)
        for n, title in enumerate(QUIZZES, start=1)
    ]
    sheets = [
        AssignmentFactory(module=modules[n % 3], title=title, position=n)
        for n, title in enumerate(WORKSHEETS, start=1)
    ]
    today = timezone.localdate()
    cohort = CohortFactory(
        course=course,
        name="Spring",
        capacity=None,
        trainers=[terry],
        starts_on=today - datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=60),
    )
    enrollments = [
        services.enroll(
            cohort=cohort,
            user=UserFactory(
                email=f"trainee.with.a.long.address.{n:02d}@counselling-practice.example.org",
                full_name=f"Trainee Number {n:02d}",
            ),
        )
        for n in range(1, TRAINEES + 1)
    ]
    # Released grades for "Recently released" in the queue (and values in the gradebook).
    for n, enrollment in enumerate(enrollments[:6]):
        GradeFactory(
            submission__assignment=sheets[0],
            submission__enrollment=enrollment,
            score=Decimal(7 + n % 3),
            max_score=Decimal(10),
        )
    return cohort, quizzes, sheets, enrollments


def broken_words(page) -> list[str]:
    """Words of the item headers laid out on more than one line (a word broken in two)."""
    return page.evaluate(
        """() => {
          const broken = [];
          for (const title of document.querySelectorAll('.gb-table thead .gb-title')) {
            const text = title.firstChild;
            for (const match of text.data.matchAll(/\\S+/g)) {
              const range = document.createRange();
              range.setStart(text, match.index);
              range.setEnd(text, match.index + match[0].length);
              const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
              if (lines.size > 1) broken.push(match[0]);
            }
          }
          return broken;
        }"""
    )


def visible_in_box(page, selector: str) -> int:
    """How many elements matching `selector` lie wholly inside the gradebook's scroll box, not
    under its sticky name or total columns, as the page is shown now."""
    return page.evaluate(
        """(selector) => {
          const box = document.querySelector('.gb-scroll').getBoundingClientRect();
          const name = document.querySelector('.gb-table thead .gb-name').getBoundingClientRect();
          const total = document.querySelector('.gb-table thead .gb-stick-total');
          const right = total && getComputedStyle(total).position === 'sticky'
            ? total.getBoundingClientRect().left : box.right;
          return [...document.querySelectorAll(selector)].filter(el => {
            const r = el.getBoundingClientRect();
            return r.left >= name.right - 1 && r.right <= right + 1
              && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
          }).length;
        }""",
        selector,
    )


def test_gradebook_fits_1280_with_totals_in_view_and_whole_words(page, live_server):
    cohort, quizzes, sheets, enrollments = build()
    sign_in(page, "terry@example.org")
    page.goto(f"/cohorts/{cohort.pk}/gradebook/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Gradebook")
    headers = page.locator(".gb-table thead th.gb-item")
    expect(headers).to_have_count(18)
    assert_accessible(page)

    # The scrolling body is its own region, named, reachable with Tab.
    region = page.get_by_role("region", name=re.compile("^Grades in percent"))
    assert region.get_attribute("tabindex") == "0"

    # No header word broken, and the headers do not allow it.
    assert broken_words(page) == []
    styles = page.evaluate(
        """() => [...document.querySelectorAll('.gb-table thead .gb-title')].map(t => {
          const s = getComputedStyle(t);
          return [s.overflowWrap, s.wordBreak];
        })"""
    )
    assert set(map(tuple, styles)) == {("normal", "normal")}
    # The full title is available however the header is cut.
    first = headers.filter(has_text="Foundations of mindfulness")
    expect(first).to_have_attribute("title", "Foundations of mindfulness (Knowledge check)")

    # Total and Result are in view at once, for the header and the first trainee.
    viewport = page.viewport_size
    for cell in (
        page.locator(".gb-table thead .gb-stick-total"),
        page.locator(".gb-table thead .gb-stick-result"),
        page.locator(".gb-table tbody tr").first.locator(".gb-stick-total"),
    ):
        expect(cell).to_be_in_viewport(ratio=1)
        box = cell.bounding_box()
        assert box["x"] + box["width"] <= viewport["width"]
    # Ten item columns fit whole beside the names and totals (8 did before, without the totals).
    assert visible_in_box(page, ".gb-table thead th.gb-item") >= 10

    # Scrolled to the end from the keyboard, the names and totals have not moved.
    name_before = page.locator(".gb-table thead .gb-name").bounding_box()
    total_before = page.locator(".gb-table thead .gb-stick-total").bounding_box()
    region.focus()
    for _ in range(40):
        page.keyboard.press("ArrowRight")
    assert page.evaluate("document.querySelector('.gb-scroll').scrollLeft") > 0
    assert page.locator(".gb-table thead .gb-name").bounding_box()["x"] == name_before["x"]
    total_after = page.locator(".gb-table thead .gb-stick-total").bounding_box()
    assert total_after["x"] == total_before["x"]


def test_gradebook_at_390_shows_many_rows_without_sideways_scroll(page, live_server):
    cohort, *_ = build()
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, "terry@example.org")
    page.goto(f"/cohorts/{cohort.pk}/gradebook/")
    expect(page.locator(".gb-table tbody tr")).to_have_count(TRAINEES)
    assert_accessible(page)
    assert_fits_phone_width(page)
    assert broken_words(page) == []
    # Scrolled to, the box shows many rows at once on the screen, not two.
    page.locator(".gb-scroll").evaluate("box => box.scrollIntoView({block: 'start'})")
    rows_in_view = page.evaluate(
        """() => {
          const box = document.querySelector('.gb-scroll').getBoundingClientRect();
          const bottom = Math.min(box.bottom, window.innerHeight);
          return [...document.querySelectorAll('.gb-table tbody tr')].filter(tr => {
            const r = tr.getBoundingClientRect();
            return r.top >= box.top && r.bottom <= bottom;
          }).length;
        }"""
    )
    assert rows_in_view >= 10


def tables_scrolling_sideways(page) -> list[int]:
    """How far each table box of the page scrolls sideways (a table cut at the right edge)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.table-scroll')]
          .map(box => box.scrollWidth - box.clientWidth).filter(extra => extra > 0)"""
    )


def test_queue_and_import_preview_fit_a_phone(page, live_server, tmp_path):
    cohort, quizzes, sheets, enrollments = build()
    GradeFactory(
        submission__assignment=sheets[1], submission__enrollment=enrollments[10], released=False
    )
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, "terry@example.org")

    page.goto(f"/cohorts/{cohort.pk}/grading/")
    released = page.locator("section", has=page.get_by_role("heading", name="Recently released"))
    expect(released.locator("tbody tr")).to_have_count(6)
    assert_accessible(page)
    assert_fits_phone_width(page)
    # Every column in view, none cut at the right edge: each row reads as a short list.
    assert tables_scrolling_sideways(page) == []
    # The date says what it is, the column header being hidden at this width.
    date = released.locator("td[data-label]").first
    assert date.evaluate("td => getComputedStyle(td, '::before').content") == '"Released "'
    regrade = released.get_by_role("link", name=re.compile("^Regrade")).first
    regrade.scroll_into_view_if_needed()
    expect(regrade).to_be_in_viewport(ratio=1)
    unreleased = page.locator(
        "section", has=page.get_by_role("heading", name=re.compile("Graded, not released"))
    )
    expect(unreleased.get_by_role("button", name=re.compile("^Release Diary"))).to_be_visible()

    # An edited export, uploaded through the form: the preview lists each change.
    upload = tmp_path / "gradebook.csv"
    header = ["Name", "Email", f"{quizzes[0].title} [quiz:{quizzes[0].pk}]"]
    lines = [",".join(header)] + [
        f"{e.user.full_name},{e.user.email},{75 + n}" for n, e in enumerate(enrollments[:5])
    ]
    upload.write_text("\n".join(lines) + "\n", encoding="utf-8")
    page.goto(f"/cohorts/{cohort.pk}/gradebook/import/")
    page.get_by_label("Edited gradebook (CSV)").set_input_files(upload)
    page.get_by_role("button", name="Preview changes").click()
    expect(page.get_by_role("heading", name="Preview: 5 changes")).to_be_visible()
    assert_accessible(page)
    assert_fits_phone_width(page)
    assert tables_scrolling_sideways(page) == []
    first = page.locator("#changes-caption ~ tbody tr").first
    expect(first).to_contain_text("Trainee Number 01")
    expect(first.locator('td[data-label="After"]')).to_have_text("75%")
