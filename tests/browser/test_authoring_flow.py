"""A trainer builds a two-module course in the browser, reorders with the keyboard, previews
and publishes it; the catalogue then shows it grouped by DBT component."""

import pytest
from playwright.sync_api import expect

from courses.models import Course
from dbt_training.users.roles import Role
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-Long-passphrase-42"


def add_module(page, title, component, skills_module=""):
    page.get_by_role("link", name="Add a module").click()
    assert_accessible(page)
    page.get_by_label("Title").fill(title)
    page.get_by_label("Primary DBT component").select_option(label=component)
    if skills_module:
        # Several may apply: one labelled checkbox each, in a group named by its legend.
        page.get_by_role("group", name="Skills modules").get_by_label(skills_module).check()
    page.get_by_role("button", name="Add module").click()
    expect(page.get_by_role("status")).to_contain_text(f"Added module “{title}”")


def add_lesson(page, module_title, title, body):
    page.get_by_role("link", name=f"Add a lesson to {module_title}").click()
    page.get_by_label("Title").fill(title)
    page.get_by_label("Body").fill(body)
    # The live preview (htmx) shows the rendered Markdown before saving.
    expect(page.locator("#markdown-preview h2")).to_have_text("Why this matters")
    assert_accessible(page)
    page.get_by_role("button", name="Add lesson").click()
    expect(page.get_by_role("status")).to_contain_text(f"Added lesson “{title}”")
    page.get_by_role("navigation", name="Breadcrumb").get_by_role(
        "link", name="Skills Group Essentials"
    ).click()


def test_trainer_builds_reorders_previews_and_publishes_a_course(page, live_server):
    UserFactory(
        email="terry@example.org", full_name="Terry Chen", password=PASSWORD, roles=[Role.TRAINER]
    )
    sign_in(page, "terry@example.org")

    page.get_by_role("link", name="Authoring").click()
    assert_accessible(page)
    page.get_by_role("link", name="New course").click()
    assert_accessible(page)
    page.get_by_label("Title").fill("Skills Group Essentials")
    page.get_by_label("Slug").fill("skills-group-essentials")
    page.get_by_label("Summary").fill("How to run a DBT skills training group.")
    page.get_by_label("Learning objectives").fill("Lead a mindfulness practice\nTeach TIP safely")
    page.get_by_label("CE hours").fill("6")
    page.get_by_role("button", name="Create course").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Skills Group Essentials")
    assert_accessible(page)

    # Publishing an empty course is refused with the reason.
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("status")).to_contain_text("Not published: Add at least one module")

    add_module(page, "Distress tolerance", "Skills training group", "Distress tolerance")
    add_module(page, "Mindfulness", "Skills training group", "Mindfulness")
    add_lesson(
        page,
        "Mindfulness",
        "Wise mind",
        "# Why this matters\n\nWise mind joins **reason** and emotion.",
    )
    add_lesson(page, "Distress tolerance", "TIP", "# Why this matters\n\nTemperature comes first.")

    # Keyboard only: focus the "Move up" button of Mindfulness and press Enter.
    move_up = page.get_by_role("button", name="Move up module Mindfulness")
    move_up.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Moved “Mindfulness” up.")
    titles = page.locator(".outline-module h3").all_inner_texts()
    assert titles == ["1. Mindfulness", "2. Distress tolerance"]
    assert_accessible(page)

    page.get_by_role("link", name="Preview as trainee").click()
    expect(page.get_by_role("heading", name="Skills training group")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Wise mind").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wise mind")
    expect(page.locator(".lesson-body strong")).to_have_text("reason")
    assert_accessible(page)
    page.get_by_role("link", name="Next: TIP →").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("TIP")

    page.goto("/author/courses/skills-group-essentials/")
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("status")).to_contain_text("is published in the catalogue")
    assert Course.objects.get(slug="skills-group-essentials").status == "published"

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Courses").click()
    assert_accessible(page)
    page.get_by_role("link", name="Skills Group Essentials").click()
    expect(page.get_by_role("heading", name="Course outline by DBT component")).to_be_visible()
    expect(page.get_by_text("Skills: Mindfulness")).to_be_visible()
    assert_accessible(page)
