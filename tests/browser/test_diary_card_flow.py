"""Issue 22, item 5 end to end: a trainer builds a diary card with a row of their own and personal
targets allowed; a trainee adds a personal target from the keyboard, fills the card and submits
it; the grader sees the personal row. axe-core on every page, and the pages at 390 px."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from assessments.assignments import worksheets as ws
from assessments.models import Assignment, Submission
from courses import services
from dbt_training.users.roles import Role
from tests.browser.conftest import assert_accessible, assert_fits_phone_width, sign_in
from tests.factories import CohortFactory, CourseFactory, LessonFactory, ModuleFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-Long-passphrase-42"


def build():
    terry = UserFactory(
        email="terry@example.org", full_name="Terry Chen", password=PASSWORD, roles=[Role.TRAINER]
    )
    course = CourseFactory(title="DBT Foundations", status="published", pass_mark=70)
    course.authors.add(terry)
    module = ModuleFactory(course=course, title="Individual therapy tools", position=1)
    LessonFactory(module=module, title="The diary card")
    today = timezone.localdate()
    cohort = CohortFactory(
        course=course,
        name="Spring",
        capacity=None,
        trainers=[terry],
        starts_on=today - datetime.timedelta(days=3),
        ends_on=today + datetime.timedelta(days=90),
    )
    dana = UserFactory(email="dana@example.org", full_name="Dana Rivera", password=PASSWORD)
    services.enroll(cohort=cohort, user=dana)
    return course, module, cohort


def fill_card(page, rows):
    for day, _label in ws.DAYS:
        for row in rows:
            cell = page.locator(f"#ws-{day}-{row.key}")
            if row.kind == ws.YES_NO:
                cell.select_option("no")
            elif row.kind != ws.TEXT:
                cell.fill("2" if row.is_personal else "1")


@pytest.mark.parametrize("width", [1280, 390])
def test_trainer_shapes_the_card_trainee_adds_a_target_grader_sees_it(page, live_server, width):
    course, module, cohort = build()
    page.set_viewport_size({"width": width, "height": 900})

    sign_in(page, "terry@example.org")
    create = reverse("assignment_authoring:assignment_create", args=[course.slug, module.pk])
    page.goto(f"{create}?worksheet=diary_card")
    assert_accessible(page)
    assert_fits_phone_width(page)
    page.get_by_label("Title").fill("A week of the diary card")
    page.get_by_label("Row 1: name").fill("Hours slept")
    page.get_by_label("Row 1: group").select_option("other")
    page.get_by_label("Row 1: recorded as").select_option("count")
    page.get_by_label("Trainees may add their own target rows").check()
    page.get_by_label("Ask the trainee to confirm client-identifying details were removed").check()
    page.get_by_role("button", name="Create assignment").click()
    expect(page.get_by_text("Created the assignment “A week of the diary card”.")).to_be_visible()
    assignment = Assignment.objects.get(title="A week of the diary card")
    assert assignment.personal_rows_allowed is True
    assert assignment.diary_rows[-1] == {
        "key": "own_1",
        "label": "Hours slept",
        "group": "other",
        "kind": "count",
        "high": 99,
    }

    sign_in(page, "dana@example.org")
    page.goto(f"/learn/{cohort.pk}/assignments/{assignment.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("A week of the diary card")
    assert_accessible(page)
    assert_fits_phone_width(page)
    # Keyboard only: type the name, Tab to the kind (rating is chosen), Tab to the button, Enter.
    page.get_by_label("Name of the target").focus()
    page.keyboard.type("Nightmares")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Recorded as")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Add a personal target")).to_be_focused()
    page.keyboard.press("Enter")
    expect(
        page.get_by_text("Added “Nightmares” to your card as a personal target.")
    ).to_be_visible()
    expect(page.get_by_role("rowheader", name=re.compile("^Nightmares"))).to_be_visible()
    assert_accessible(page)
    assert_fits_phone_width(page)

    rows = ws.saved_rows(assignment, Submission.objects.get().content)
    assert rows[-1].label == "Nightmares"
    fill_card(page, rows)
    page.get_by_label(re.compile("I removed client-identifying details")).check()
    page.get_by_role("button", name="Submit").click()
    expect(page.locator("[data-assignment-status]")).to_contain_text("Submitted")
    expect(page.get_by_role("rowheader", name=re.compile("^Nightmares"))).to_be_visible()
    submission = Submission.objects.get()
    assert submission.status == "submitted"
    assert submission.content["days"]["sun"]["personal_1"] == 2
    assert submission.content["days"]["sun"]["own_1"] == 1
    assert_accessible(page)

    sign_in(page, "terry@example.org")
    page.goto(reverse("grading:submission", args=[cohort.pk, submission.pk]))
    row = page.get_by_role("row", name=re.compile("Personal targets: Nightmares"))
    expect(row).to_contain_text("2")
    expect(page.get_by_role("rowheader", name="Other targets: Hours slept (times)")).to_be_visible()
    assert_accessible(page)
    assert_fits_phone_width(page)
