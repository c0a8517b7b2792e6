"""Issue 7 end to end: a trainee fills in a chain analysis and submits it; the trainer grades ten
worksheets in the queue from the keyboard with the rubric, releases them, exports the gradebook;
the trainee reads the grade and feedback. axe-core on every page, and the pages at 390 px."""

import csv
import datetime
import io
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from assessments.assignments import submissions
from assessments.models import Grade, GradeChange, Submission
from courses import services
from dbt_training.users.roles import Role
from tests.browser.conftest import assert_accessible, assert_fits_phone_width, sign_in
from tests.factories import (
    CHAIN,
    AssignmentFactory,
    CohortFactory,
    CourseFactory,
    LessonFactory,
    ModuleFactory,
    UserFactory,
)

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
    module = ModuleFactory(
        course=course, title="Behavioral analysis", position=1, due_offset_days=14
    )
    LessonFactory(module=module, title="Chain analysis, step by step")
    assignment = AssignmentFactory(module=module, chain_analysis=True)
    today = timezone.localdate()
    cohort = CohortFactory(
        course=course,
        name="Spring",
        capacity=None,
        trainers=[terry],
        starts_on=today - datetime.timedelta(days=3),
        ends_on=today + datetime.timedelta(days=90),
    )
    dana = UserFactory(email="dana@example.org", full_name="Aaron Dana", password=PASSWORD)
    services.enroll(cohort=cohort, user=dana)
    # Nine classmates handed theirs in yesterday: with Dana's, ten worksheets to grade.
    yesterday = timezone.now() - datetime.timedelta(days=1)
    for n in range(1, 10):
        user = UserFactory(email=f"trainee{n}@example.org", full_name=f"Trainee {n:02d}")
        enrollment = services.enroll(cohort=cohort, user=user)
        submissions.save_and_submit(
            enrollment=enrollment,
            assignment=assignment,
            data=dict(CHAIN),
            confirm_deidentified=True,
            now=yesterday,
        )
    return cohort, assignment


def trainee_submits_chain_analysis(page, cohort):
    page.goto(f"/learn/{cohort.pk}/")
    page.get_by_role("link", name="Chain analysis of a missed session").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Chain analysis of a missed session")
    assert_accessible(page)
    for label, text in (
        ("1. Problem behavior", "Skipped the Tuesday session; urge to hide 4/5."),
        ("2. Prompting event", "A critical email from a supervisor."),
        ("3. Vulnerability factors", "Four hours of sleep."),
        ("4. Links in the chain", "Thought: I'll fail anyway. Shame 4/5."),
        ("5. Consequences", "Relief, then more shame."),
        ("6. Solution analysis", "Check the facts; opposite action."),
    ):
        page.get_by_label(label).fill(text)
    expect(page.locator("#worksheet-status")).to_contain_text(re.compile(r"Draft saved at \d"))
    draft = Submission.objects.get(
        assignment__title="Chain analysis of a missed session",
        enrollment__user__email="dana@example.org",
    )
    assert (draft.status, draft.content["solution_analysis"]) == (
        "draft",
        "Check the facts; opposite action.",
    )
    # Submitting without the last step or the confirmation is refused, and the draft stays.
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("alert")).to_contain_text("Not submitted yet")
    expect(page.get_by_label("1. Problem behavior")).to_have_value(
        "Skipped the Tuesday session; urge to hide 4/5."
    )
    assert_accessible(page)
    page.get_by_label("7. Repair and commitment").fill("Called to reschedule.")
    page.get_by_label(re.compile("I removed client-identifying details")).check()
    page.get_by_role("button", name="Submit").click()
    expect(page.locator("[data-assignment-status]")).to_contain_text("Submitted")


def grade_from_keyboard(page, feedback):
    """Pick levels with the arrow keys, type the feedback, press Enter on "Grade"."""
    criteria = page.locator("fieldset.criterion")
    expect(criteria).to_have_count(2)
    # Criterion 1: Partial (one step down from the first level); criterion 2: Complete.
    criteria.nth(0).get_by_role("radio").first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    criteria.nth(1).get_by_role("radio").first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.get_by_label("Feedback", exact=False).first.focus()
    page.keyboard.type(feedback)
    page.get_by_role("button", name="Grade", exact=True).focus()
    page.keyboard.press("Enter")


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}])
def test_trainee_submits_trainer_grades_ten_from_keyboard_releases_and_exports(
    page, live_server, viewport
):
    cohort, assignment = build()
    page.set_viewport_size(viewport)

    sign_in(page, "dana@example.org")
    trainee_submits_chain_analysis(page, cohort)

    sign_in(page, "terry@example.org")
    page.goto(f"/cohorts/{cohort.pk}/")
    page.get_by_role("link", name="Grading queue").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Grading")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Start grading")).first.click()
    for n in range(1, 11):
        expect(page.get_by_text(re.compile(rf"\b{n} of 10\b")).first).to_be_visible()
        if n == 1:
            assert_accessible(page)
        grade_from_keyboard(page, f"Clear links; feedback {n}.")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Grading")

    graded = Grade.objects.filter(submission__assignment=assignment)
    assert graded.count() == 10
    assert sorted({(g.score, g.max_score) for g in graded}) == [(5, 6)]
    assert not graded.filter(released_at__isnull=False).exists()
    # Hidden until released: Dana's page shows no score yet.
    dana_grade = graded.get(enrollment__user__email="dana@example.org")
    assert dana_grade.feedback in {f"Clear links; feedback {n}." for n in range(1, 11)}

    mail.outbox.clear()
    page.get_by_role("button", name=re.compile("^Release all")).click()
    expect(page.get_by_role("status").or_(page.locator(".messages"))).to_contain_text("eleased")
    assert Grade.objects.filter(released_at__isnull=False).count() == 10
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        Submission.objects.filter(assignment=assignment).values_list(
            "enrollment__user__email", flat=True
        )
    )
    assert GradeChange.objects.filter(action="released").count() == 10
    assert GradeChange.objects.filter(action="graded").count() == 10

    page.goto(f"/cohorts/{cohort.pk}/gradebook/")
    assert_accessible(page)
    export = page.request.get(f"/cohorts/{cohort.pk}/gradebook/export.csv")
    assert export.ok
    body = export.body().decode("utf-8")
    assert body.startswith("\ufeff"), "a BOM, so spreadsheets read UTF-8"
    table = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    header, rows = table[0], table[1:]
    column = header.index(f"Chain analysis of a missed session [assignment:{assignment.pk}]")
    assert len(rows) == 10
    assert {row[column] for row in rows} == {"83.33"}

    sign_in(page, "dana@example.org")
    grades = page.get_by_role("region", name="Grade releases").or_(
        page.locator("section", has=page.get_by_role("heading", name="Grade releases"))
    )
    expect(grades).to_contain_text("5 / 6")
    grades.get_by_role("link", name=re.compile("Chain analysis of a missed session")).click()
    expect(page.get_by_text(dana_grade.feedback)).to_be_visible()
    expect(page.locator("main")).to_contain_text("5 / 6")
    assert_accessible(page)


def test_grading_pages_fit_a_phone(page, live_server):
    cohort, assignment = build()
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, "terry@example.org")
    submission = Submission.objects.filter(assignment=assignment).first()
    for url in (
        f"/cohorts/{cohort.pk}/grading/",
        f"/cohorts/{cohort.pk}/grading/submissions/{submission.pk}/",
        f"/cohorts/{cohort.pk}/gradebook/",
        f"/cohorts/{cohort.pk}/behind/",
    ):
        page.goto(url)
        assert_accessible(page)
        assert_fits_phone_width(page)
    sign_in(page, "dana@example.org")
    for url in (
        f"/learn/{cohort.pk}/assignments/{assignment.pk}/",
        f"/cohorts/{cohort.pk}/my-grades/",
    ):
        page.goto(url)
        assert_accessible(page)
        assert_fits_phone_width(page)
