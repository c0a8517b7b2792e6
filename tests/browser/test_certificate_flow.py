"""Issue 9 end to end: a trainee sees exactly what is left, finishes the last requirement (the
course evaluation), claims a CE certificate for their board, downloads the PDF, and the public
verification page confirms it. axe-core on every page; the checklist at 390 px."""

import datetime
import io
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from assessments.models import CompletionRules, CourseApproval
from assessments.quizzes.services import create_quiz, import_gift
from courses.models import Enrollment
from tests.browser.conftest import assert_accessible, assert_fits_phone_width, sign_in
from tests.factories import (
    CohortFactory,
    CourseFactory,
    LessonFactory,
    LessonProgressFactory,
    ModuleFactory,
    UserFactory,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-Long-passphrase-42"
SURVEY = """// dbt: kind=likert
::Useful:: The course will be useful in my clinical work. {
~Strongly disagree ~Disagree ~Neutral ~Agree ~Strongly agree
}
"""


def test_a_trainee_finishes_claims_downloads_and_the_certificate_verifies(
    page, live_server, settings
):
    settings.SITE_URL = live_server.url
    course = CourseFactory(title="DBT Foundations", ce_hours="12.50")
    module = ModuleFactory(course=course, title="Foundations")
    lesson = LessonFactory(module=module, title="The biosocial theory")
    survey = create_quiz(module=module, title="Course evaluation", kind="evaluation")
    import_gift(quiz=survey, text=SURVEY)
    CompletionRules.objects.create(course=course, min_attendance_percent=0)
    CourseApproval.objects.create(
        course=course,
        profession="Social workers",
        accrediting_body="A social work CE approver",
        approval_statement="Approved for 12.5 continuing education hours for social workers.",
    )
    trainee = UserFactory(
        email="zoe@example.org", full_name="Zoë Ngāti", credentials="MSW", password=PASSWORD
    )
    cohort = CohortFactory(
        course=course,
        name="Spring cohort",
        # A day ago: in the cohort's New York the date may still be yesterday (UTC just past midnight).
        starts_on=timezone.localdate() - datetime.timedelta(days=1),
        trainers=[UserFactory(full_name="Terry Chen", credentials="PhD")],
    )
    enrollment = Enrollment.objects.create(
        user=trainee, cohort=cohort, status="active", enrolled_at=timezone.now()
    )
    now = timezone.now()
    LessonProgressFactory(
        enrollment=enrollment,
        lesson=lesson,
        first_viewed_at=now,
        last_viewed_at=now,
        completed_at=now,
    )

    sign_in(page, "zoe@example.org")

    # What is left, exactly; no claim button yet.
    page.goto(f"/learn/{cohort.pk}/certificate/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your certificate")
    expect(page.get_by_text("Course evaluation submitted: not done")).to_be_visible()
    expect(page.get_by_role("button", name="Claim my certificate")).to_have_count(0)
    assert_accessible(page)
    assert_fits_phone_width(page)

    # The last requirement: the evaluation, from the keyboard.
    page.goto(f"/learn/{cohort.pk}/quizzes/{survey.pk}/")
    page.get_by_role("button", name=re.compile("^Start the")).click()
    page.get_by_label("Agree", exact=True).focus()
    page.keyboard.press("Space")
    expect(page.locator("body")).to_contain_text("Saved at")
    page.get_by_role("button", name="Submit attempt").click()
    assert_accessible(page)

    # Claim for the board the course is approved for.
    page.goto(f"/learn/{cohort.pk}/certificate/")
    expect(page.get_by_text("100% of the requirements met")).to_be_visible()
    page.get_by_label(re.compile("Social workers — ")).check()
    page.get_by_role("button", name="Claim my certificate").click()
    expect(page.get_by_role("status")).to_contain_text("Your certificate is ready.")
    assert_accessible(page)
    code = enrollment.certificates.get().code

    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("^Download PDF")).click()
    text = PdfReader(io.BytesIO(open(download.value.path(), "rb").read())).pages[0].extract_text()
    for expected in ("Zoë Ngāti, MSW", "DBT Foundations", "12.50", code, "social workers"):
        assert expected in text

    # Anyone, signed out, can confirm it from the code.
    page.context.clear_cookies()
    page.goto("/verify/")
    page.get_by_label("Verification code").fill(code.lower().replace("-", " "))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Valid certificate")
    expect(page.get_by_text("Zoë Ngāti")).to_be_visible()
    assert "zoe@example.org" not in page.content()
    assert_accessible(page)
    assert_fits_phone_width(page)


def test_a_trainer_sets_the_rules_adds_an_approval_and_reads_completion_and_the_report(
    page, live_server
):
    from dbt_training.users.roles import Role

    trainer = UserFactory(
        email="terry@example.org", full_name="Terry Chen", password=PASSWORD, roles=[Role.TRAINER]
    )
    course = CourseFactory(title="DBT Foundations")
    course.authors.add(trainer)
    module = ModuleFactory(course=course, title="Foundations")
    LessonFactory(module=module, title="The biosocial theory")
    survey = create_quiz(module=module, title="Course evaluation", kind="evaluation")
    import_gift(quiz=survey, text=SURVEY)
    cohort = CohortFactory(course=course, name="Spring cohort", trainers=[trainer])
    for n in range(3):
        Enrollment.objects.create(
            user=UserFactory(full_name=f"Trainee {n}"),
            cohort=cohort,
            status="active",
            enrolled_at=timezone.now(),
        )

    sign_in(page, "terry@example.org")

    page.goto(f"/author/courses/{course.slug}/")
    page.get_by_role("link", name="Completion and CE").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Completion and CE")
    assert_accessible(page)
    page.get_by_label(re.compile("live-session attendance", re.IGNORECASE)).fill("80")
    page.get_by_role("button", name="Save completion rules").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_be_visible()
    assert CompletionRules.objects.get(course=course).min_attendance_percent == 80

    page.get_by_label(re.compile("profession or board", re.IGNORECASE)).fill("Counselors")
    page.get_by_label(re.compile("accrediting body", re.IGNORECASE)).fill("A counseling board")
    page.get_by_label(re.compile("approval statement", re.IGNORECASE)).fill(
        "Approved for 12 hours."
    )
    page.get_by_role("button", name="Add approval").click()
    expect(page.get_by_role("status")).to_be_visible()
    assert list(CourseApproval.objects.values_list("profession", flat=True)) == ["Counselors"]
    assert_accessible(page)

    page.goto(f"/cohorts/{cohort.pk}/")
    page.get_by_role("link", name="Completion and certificates").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Completion")
    expect(page.get_by_text("Trainee 2")).to_be_visible()
    assert_accessible(page)
    assert_fits_phone_width(page)

    page.goto(f"/author/courses/{course.slug}/evaluation/{survey.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Course evaluation")
    assert_accessible(page)
