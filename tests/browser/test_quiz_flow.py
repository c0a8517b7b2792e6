"""A trainee takes a timed quiz holding every question type, reloads half-way and finds every
answer, submits and reads the feedback; a trainer imports GIFT, previews the quiz and reads its
item analysis. axe-core on every page, and the trainee's flow at 390 px as well."""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from assessments.models import Attempt, Response
from assessments.quizzes import services as quiz_services
from courses import services
from courses.models import Enrollment
from dbt_training.users.roles import Role
from tests.browser.conftest import assert_accessible, assert_fits_phone_width, sign_in
from tests.factories import (
    CohortFactory,
    CourseFactory,
    LessonFactory,
    ModuleFactory,
    UserFactory,
    every_kind,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-Long-passphrase-42"


def build(trainer=None):
    course = CourseFactory(title="DBT Foundations", status="published", pass_mark=80)
    if trainer:
        course.authors.add(trainer)
    module = ModuleFactory(
        course=course, title="Distress tolerance", position=1, due_offset_days=30
    )
    LessonFactory(module=module, title="TIP")
    quiz = quiz_services.create_quiz(
        module=module, title="Distress tolerance check", time_limit_minutes=30
    )
    questions = every_kind(quiz)
    today = timezone.localdate()
    cohort = CohortFactory(
        course=course,
        name="Spring",
        capacity=None,
        starts_on=today - datetime.timedelta(days=3),
        ends_on=today + datetime.timedelta(days=90),
    )
    return cohort, quiz, questions


def question(page, number):
    return page.get_by_role("group", name=re.compile(rf"^Question {number}\b"))


def wait_saved(page, number):
    expect(question(page, number).locator(".save-status")).to_contain_text("Saved")


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}]
)
def test_trainee_takes_a_timed_quiz_reloads_and_submits(page, live_server, viewport):
    cohort, quiz, questions = build()
    dana = UserFactory(email="dana@example.org", full_name="Dana Rivera", password=PASSWORD)
    services.enroll(cohort=cohort, user=dana)
    page.set_viewport_size(viewport)
    sign_in(page, "dana@example.org")

    page.goto(f"/learn/{cohort.pk}/")
    page.get_by_role("link", name="Distress tolerance check").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Distress tolerance check")
    assert_accessible(page)
    assert_fits_phone_width(page)
    page.get_by_role("button", name="Start the knowledge check").click()
    expect(page.locator("[data-timer-left]")).to_contain_text("Time left: 29:")
    assert_accessible(page)
    assert_fits_phone_width(page)

    # Single choice from the keyboard: focus the radio, Space picks it.
    question(page, 1).get_by_label("TIP skills").focus()
    page.keyboard.press("Space")
    wait_saved(page, 1)
    question(page, 2).get_by_label("Observe").check()
    question(page, 2).get_by_label("Describe").check()
    wait_saved(page, 2)
    question(page, 3).get_by_label("True").check()
    wait_saved(page, 3)
    matching = question(page, 4)
    for item, module in [
        ("TIPP", "Distress tolerance"),
        ("DEAR MAN", "Interpersonal effectiveness"),
    ]:
        matching.get_by_label(item).select_option(label=module)
    wait_saved(page, 4)
    ordering = question(page, 5)
    for position, item in enumerate(
        [
            "Life-threatening behaviors",
            "Therapy-interfering behaviors",
            "Quality-of-life-interfering behaviors",
            "Increasing behavioral skills",
        ],
        start=1,
    ):
        ordering.get_by_label(item, exact=True).select_option(str(position))
    wait_saved(page, 5)
    question(page, 6).get_by_label("Your answer").fill("Wise mind")
    wait_saved(page, 6)
    question(page, 7).get_by_label("Your answer (a number)").fill("4")
    wait_saved(page, 7)

    # Close and come back: every answer is there.
    page.reload()
    expect(question(page, 1).get_by_label("TIP skills")).to_be_checked()
    expect(question(page, 2).get_by_label("Describe")).to_be_checked()
    expect(question(page, 4).get_by_label("DEAR MAN")).to_have_value(
        str(questions["matching"].answers.get(text="DEAR MAN").pk)
    )
    expect(question(page, 6).get_by_label("Your answer")).to_have_value("Wise mind")
    expect(question(page, 7).get_by_label("Your answer (a number)")).to_have_value("4")

    question(page, 8).get_by_label("Your answer").fill("Vulnerabilities, prompting event, links.")
    wait_saved(page, 8)
    question(page, 9).get_by_label("Agree", exact=True).check()
    wait_saved(page, 9)
    page.get_by_role("button", name="Submit attempt").click()

    expect(page.get_by_role("heading", name="Result")).to_be_visible()
    # 1 + 2 + 1 + 2 of 3 (matching) + 4 + 1 + 1 = 12 of 14 (the essay waits for a trainer):
    # 85.71%, shown rounded down.
    expect(page.locator(".result-figure")).to_have_text("12 of 14 points · 85%")
    expect(page.get_by_text("Some answers wait for a trainer to grade them")).to_be_visible()
    expect(
        page.get_by_text("Right: temperature, intense exercise, paced breathing.")
    ).to_be_visible()
    expect(page.get_by_text("Wise mind → Mindfulness")).to_be_visible()  # the right answer shown
    assert_accessible(page)
    assert_fits_phone_width(page)
    attempt = Attempt.objects.get()
    assert attempt.score == Decimal("12.00") and attempt.awaiting_grading
    assert Response.objects.filter(attempt=attempt).count() == 9


@pytest.mark.expected_console_errors(
    r"^htmx:(afterRequest|sendError)", r"Failed to load resource: net::ERR_FAILED"
)
def test_failed_autosave_is_announced_and_the_answer_stays(page, live_server):
    cohort, quiz, questions = build()
    dana = UserFactory(email="dana@example.org", password=PASSWORD)
    services.enroll(cohort=cohort, user=dana)
    sign_in(page, "dana@example.org")
    attempt = quiz_services.start_attempt(enrollment=Enrollment.objects.get(), quiz=quiz)
    page.goto(f"/learn/{cohort.pk}/attempts/{attempt.pk}/")
    page.route("**/save/", lambda route: route.abort())
    question(page, 6).get_by_label("Your answer").fill("wise mind")
    status = question(page, 6).locator(".save-status")
    expect(status).to_contain_text("Not saved: the connection failed.")
    expect(question(page, 6).get_by_label("Your answer")).to_have_value("wise mind")
    page.unroute("**/save/")
    # The page's own Save button still sends it.
    page.get_by_role("button", name="Save answers").click()
    expect(page.get_by_text("Your answers are saved.")).to_be_visible()
    assert Response.objects.get(question=questions["short"]).answer == {"text": "wise mind"}


def test_trainer_imports_gift_previews_and_reads_the_item_analysis(page, live_server, tmp_path):
    terry = UserFactory(email="terry@example.org", password=PASSWORD, roles=[Role.TRAINER])
    cohort, quiz, _questions = build(trainer=terry)
    sign_in(page, "terry@example.org")
    page.goto(f"/author/courses/{cohort.course.slug}/")
    page.get_by_role("link", name="Distress tolerance check").click()
    assert_accessible(page)
    page.get_by_role("link", name="Import questions").click()
    gift = tmp_path / "moodle.gift"
    gift.write_text(
        "::Half-smile:: Half-smiling belongs to which module? {=Distress tolerance "
        "~Emotion regulation#It is taught with acceptance skills.}\n\n"
        "::Broken:: Unclosed {=a ~b\n",
        encoding="utf-8",
    )
    page.get_by_label("Question file").set_input_files(str(gift))
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_text("Nothing was imported: the file has 1 error.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Question file").set_input_files(str(gift))
    page.get_by_label("If some questions have errors, import the others").check()
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_text("Imported 1 question: 1 single choice.")).to_be_visible()
    assert quiz.questions.count() == 10

    page.goto(f"/author/courses/{cohort.course.slug}/quizzes/{quiz.pk}/preview/")
    expect(page.locator("fieldset.question")).to_have_count(10)
    assert_accessible(page)
    page.goto(f"/author/courses/{cohort.course.slug}/quizzes/{quiz.pk}/questions/new/multiple/")
    assert_accessible(page)
    page.get_by_label("Question text").fill("Which are mindfulness “what” skills?")
    for row, (text, weight) in enumerate(
        [("Observe", "50"), ("Describe", "50"), ("Opposite action", "-100")], start=1
    ):
        page.get_by_label(f"Answer text, row {row}", exact=True).fill(text)
        page.get_by_label(f"Weight (%), row {row}", exact=True).fill(weight)
    page.get_by_label("Weight (%), row 1", exact=True).fill("80")  # over 100% in total
    page.get_by_role("button", name="Save question").click()
    expect(page.get_by_text("The positive weights add up to 130%, over 100%.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Weight (%), row 1", exact=True).fill("50")
    page.get_by_role("button", name="Save question").click()
    expect(page.get_by_text("Saved question 11.")).to_be_visible()
    assert quiz.questions.get(position=11).answers.count() == 3
    page.goto(f"/author/courses/{cohort.course.slug}/quizzes/{quiz.pk}/analysis/")
    expect(page.get_by_text("Figures show once at least 5 trainees have submitted")).to_be_visible()
    assert_accessible(page)
