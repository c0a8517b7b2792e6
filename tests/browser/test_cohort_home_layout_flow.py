"""Issue 25, item 14 in the browser: the cohort home is short and scannable (the demo course's
fifteen modules fold, only the current one open), its skip link reaches the current module's
quiz in a few key presses, and the lesson page has a module outline beside the text (under it
on a phone) with done and current lessons. At 1280 and 390 px, axe clean, nothing sideways."""

import datetime
import io
import re
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from courses import services
from modules import services as learning
from tests.browser.conftest import assert_accessible, assert_fits_phone_width, sign_in
from tests.factories import (
    CohortFactory,
    CourseFactory,
    LessonFactory,
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
WIDE, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}
ZONE = "America/New_York"


def check(page):
    assert_accessible(page)
    assert_fits_phone_width(page)


def focused(page) -> str:
    return page.evaluate(
        "(() => { const e = document.activeElement;"
        " return e ? (e.id ? '#' + e.id + ' ' : '') + e.textContent.trim().replace(/\\s+/g, ' ')"
        " : ''; })()"
    )


def tab_until(page, wanted, *, most: int = 40) -> int:
    """Press Tab until the focused element's text starts with `wanted`; the presses it took."""
    for presses in range(1, most + 1):
        page.keyboard.press("Tab")
        if focused(page).startswith(wanted):
            return presses
    raise AssertionError(f"{wanted!r} not reached in {most} presses (at {focused(page)!r})")


def skills_cohort():
    """DBT Skills in New York, ten days in: mindfulness (due five days in, its check not done),
    distress tolerance (open since day 7), emotion regulation (opens on day 60)."""
    course = CourseFactory(title="DBT Skills", status="published")
    plan = [
        ("Mindfulness", ["Wise mind", "What skills"], 0, 5, "Mindfulness check"),
        ("Distress tolerance", ["TIP", "Radical acceptance", "Self-soothe"], 7, 30, None),
        ("Emotion regulation", ["Check the facts", "Opposite action"], 60, 74, None),
    ]
    for position, (title, lessons, release, due, quiz) in enumerate(plan, start=1):
        module = ModuleFactory(
            course=course,
            title=title,
            position=position,
            release_offset_days=release,
            due_offset_days=due,
        )
        for n, lesson in enumerate(lessons, start=1):
            LessonFactory(
                module=module,
                title=lesson,
                position=n,
                body_markdown=f"About {lesson}.",
                body_html=f"<p>About {lesson}.</p>",
            )
        if quiz:
            QuestionFactory(quiz=QuizFactory(module=module, title=quiz, position=1), kind="short")
    today = datetime.datetime.now(ZoneInfo(ZONE)).date()
    return CohortFactory(
        course=course,
        name="Spring",
        time_zone=ZONE,
        capacity=None,
        starts_on=today - datetime.timedelta(days=10),
        ends_on=today + datetime.timedelta(days=120),
    )


def last_minute(day: datetime.date) -> str:
    """The end of `day` in New York less a minute, as Chicago reads it."""
    end = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(0))
    end = end.replace(tzinfo=ZoneInfo(ZONE)) - datetime.timedelta(minutes=1)
    return f"{end.astimezone(ZoneInfo('America/Chicago')):%a %-d %b %Y, %H:%M}"


@pytest.mark.parametrize("viewport", [WIDE, PHONE])
def test_skip_to_the_current_module_then_follow_the_outline(page, live_server, viewport):
    cohort = skills_cohort()
    dana = UserFactory(email="dana@example.org", full_name="Dana Rivera", password=PASSWORD)
    enrollment = services.enroll(cohort=cohort, user=dana)
    lessons = {
        lesson.title: lesson for lesson in cohort.course.modules.get(position=1).lessons.all()
    }
    lessons |= {
        lesson.title: lesson for lesson in cohort.course.modules.get(position=2).lessons.all()
    }
    for title in ("Wise mind", "What skills", "TIP"):
        learning.record_lesson_view(enrollment=enrollment, lesson=lessons[title])
        learning.complete_lesson(enrollment=enrollment, lesson=lessons[title])
    page.set_viewport_size(viewport)
    sign_in(page, "dana@example.org")
    page.goto(reverse("learn:cohort", args=[cohort.pk]))

    # Deadlines at the top: the overdue check first, in Chicago's time.
    deadlines = page.get_by_role("region", name="Next deadlines").locator("li")
    expect(deadlines).to_have_count(3)
    expect(deadlines.nth(0)).to_have_text(
        re.compile(
            rf"^\s*{last_minute(cohort.starts_on + datetime.timedelta(days=5))} Overdue\s+"
            r"Mindfulness check · Knowledge check in Module 1\s*$"
        )
    )
    expect(deadlines.nth(1)).to_contain_text("Module 2: Distress tolerance · lessons, 1 of 3 done")
    # One module open, the current one; the others fold with their state.
    expect(page.locator("details.module[open]")).to_have_count(1)
    expect(page.locator("#current-module > summary")).to_contain_text(
        "Module 2: Distress tolerance In progress · 1 of 3"
    )
    expect(page.locator("details.module").nth(0).locator("summary")).to_contain_text(
        "Module 1: Mindfulness In progress · 2 of 3"
    )
    expect(page.locator("details.module").nth(2).locator("summary")).to_contain_text(
        "Module 3: Emotion regulation Locked"
    )
    expect(page.get_by_role("link", name="Wise mind")).to_be_hidden()  # folded away
    check(page)

    # From the keyboard: the skip link, then into the current module.
    presses = tab_until(page, "Skip to current module: Module 2")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#current-module$"))
    presses += tab_until(page, "Radical acceptance")
    assert presses <= 12, presses
    # A closed module opens from the keyboard too (native <details>).
    page.locator("details.module").nth(0).locator("summary").focus()
    page.keyboard.press("Enter")
    expect(page.locator("details.module").nth(0)).to_have_attribute("open", "")
    expect(page.get_by_role("link", name="Wise mind")).to_be_visible()
    check(page)

    page.locator("#current-module").get_by_role("link", name="Radical acceptance").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Radical acceptance")
    outline = page.get_by_role("navigation", name="Module outline")
    expect(outline.get_by_role("heading", level=2)).to_have_text("Module 2: Distress tolerance")
    items = outline.locator(".outline-list").first.locator("li")
    expect(items).to_have_text(["✓TIP (completed)", "Radical acceptance", "Self-soothe"])
    expect(items.nth(1).get_by_role("link")).to_have_attribute("aria-current", "page")
    article = page.locator("article.lesson").bounding_box()
    beside = outline.bounding_box()
    if viewport is WIDE:  # beside the text, level with it
        assert beside["x"] >= article["x"] + article["width"], (article, beside)
        assert abs(beside["y"] - article["y"]) < 2, (article, beside)
    else:  # under the text and the pager
        assert beside["y"] >= article["y"] + article["height"], (article, beside)
    check(page)

    # Marked complete in place: the outline ticks the lesson too.
    page.get_by_role("button", name="Mark complete").click()
    expect(page.locator("#lesson-status")).to_contain_text("Marked complete.")
    expect(items.nth(1)).to_have_text("✓Radical acceptance (completed)")
    expect(items.nth(1)).to_have_class("is-done is-current")
    check(page)

    # A locked module, from the outline: the cohort home opens it at its reason.
    outline.get_by_text("All modules").click()
    outline.get_by_role("link", name="Module 3: Emotion regulation").click()
    expect(page).to_have_url(re.compile(r"/learn/\d+/#module-\d+$"))
    third = page.locator("details.module").nth(2)
    expect(third).to_have_attribute("open", "")
    expect(third.get_by_text("Opens on")).to_be_visible()
    check(page)


def test_the_demo_cohort_home_is_short_and_its_quiz_a_few_presses_away(page, live_server):
    """Measured on the demo (fifteen modules, 83 lessons, the trainee in module 3): before, 4,300
    px tall at 1280 and 8,000 at 390, and 37 presses of Tab to module 3's knowledge check; now
    2,474 and 5,683 px, and 15 presses of Tab (and one Enter, on the skip link)."""
    call_command("seed_demo", stdout=io.StringIO())
    sign_in(page, "trainee@example.com", settings.DEMO_PASSWORD)
    page.get_by_role("link", name="Introduction to DBT for Clinicians").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Introduction to DBT for Clinicians")

    expect(page.locator("details.module")).to_have_count(15)
    expect(page.locator("details.module[open]")).to_have_count(1)
    expect(page.locator("#current-module > summary")).to_contain_text(
        "Module 3: Stages and targets"
    )
    tall = page.evaluate("document.documentElement.scrollHeight")
    assert tall < 2700, tall
    check(page)

    presses = tab_until(page, "Skip to current module: Module 3")
    page.keyboard.press("Enter")
    presses += tab_until(page, "Knowledge check: stages and targets")
    assert presses <= 15, presses
    assert page.evaluate("document.activeElement.closest('details').id") == "current-module"

    page.set_viewport_size(PHONE)
    page.reload()
    phone_tall = page.evaluate("document.documentElement.scrollHeight")
    assert phone_tall < 6000, phone_tall
    check(page)
