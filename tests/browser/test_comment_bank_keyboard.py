"""Issue 25, item 10: the saved comments on the grading page, from the keyboard. ArrowDown moves
between the comments and inserts nothing (a <select> inserted comment 1 on the first ArrowDown);
Enter inserts the comment in focus, once, and saving does not append it a second time."""

import re

import pytest
from playwright.sync_api import expect

from assessments.models import CriterionScore, Submission
from tests.browser.conftest import assert_accessible, assert_fits_phone_width, sign_in
from tests.browser.test_grading_flow import build

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_arrow_keys_move_through_saved_comments_and_enter_inserts_one_once(page, live_server):
    cohort, assignment = build()
    submission = Submission.objects.filter(assignment=assignment, status="submitted").first()
    links, solutions = assignment.rubric.criteria.order_by("position")
    sign_in(page, "terry@example.org")
    page.goto(f"/cohorts/{cohort.pk}/grading/submissions/{submission.pk}/")

    first = page.locator(f"#criterion-{links.pk}")
    box = first.get_by_role("textbox", name=re.compile("Comment"))
    bank = first.get_by_role("toolbar", name=re.compile("Saved comments"))
    choices = bank.get_by_role("button")
    expect(choices).to_have_text(
        ["Good work on: links are specific.", "Say what happened moment by moment."]
    )
    # The select the page works with without its script is switched off, so nothing is sent twice.
    expect(first.locator("select[data-bank-for]")).to_be_disabled()
    assert_accessible(page)

    # Tab reaches the list once (one stop), at its first comment.
    box.focus()
    page.keyboard.press("Tab")
    expect(choices.nth(0)).to_be_focused()
    assert choices.nth(1).get_attribute("tabindex") == "-1"

    page.keyboard.press("ArrowDown")
    expect(choices.nth(1)).to_be_focused()
    expect(box).to_have_value("")
    page.keyboard.press("ArrowDown")  # wraps round to the first
    expect(choices.nth(0)).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(choices.nth(1)).to_be_focused()
    expect(box).to_have_value("")

    page.keyboard.press("Enter")
    expect(box).to_have_value("Say what happened moment by moment.")
    expect(box).to_be_focused()
    page.keyboard.type(" Start at the prompting event.")

    # Choose levels and save: the comment is stored as typed, the saved comment in it once.
    first.get_by_role("radio", name=re.compile("Complete")).check()
    page.locator(f"#criterion-{solutions.pk}").get_by_role(
        "radio", name=re.compile("Complete")
    ).check()
    page.get_by_role("button", name="Grade", exact=True).click()
    # Saved, the queue moves on to the next submission.
    expect(page).not_to_have_url(re.compile(rf"/submissions/{submission.pk}/$"))
    stored = CriterionScore.objects.get(grade__submission=submission, criterion=links)
    assert stored.comment == "Say what happened moment by moment. Start at the prompting event."
    other = CriterionScore.objects.get(grade__submission=submission, criterion=solutions)
    assert other.comment == ""


def test_saved_comments_fit_a_phone(page, live_server):
    cohort, assignment = build()
    submission = Submission.objects.filter(assignment=assignment, status="submitted").first()
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, "terry@example.org")
    page.goto(f"/cohorts/{cohort.pk}/grading/submissions/{submission.pk}/")
    expect(page.get_by_role("toolbar").first).to_be_visible()
    assert_accessible(page)
    assert_fits_phone_width(page)
