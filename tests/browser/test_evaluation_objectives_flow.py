"""An author builds a course evaluation entirely in the browser: creates the evaluation survey
from the course editor, adds one rating item per learning objective with one button (pressed
from the keyboard; then the page says every objective has its item), and adds an essay question
through the question form; once three trainees have answered, the report shows the objectives.
axe-core on every page, at 1280 and at 390 px."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from assessments.models import Question, Quiz
from assessments.quizzes import services as quiz_services
from dbt_training.users.roles import Role
from tests.browser.conftest import assert_accessible, assert_fits_phone_width, sign_in
from tests.factories import (
    CohortFactory,
    CourseFactory,
    EnrollmentFactory,
    LessonFactory,
    ModuleFactory,
    UserFactory,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-Long-passphrase-42"
OBJECTIVES = [
    "Describe the biosocial theory and the central dialectic of acceptance and change",
    "Identify the six levels of validation in examples of therapist responses",
    "Apply a behavioral chain analysis to a written case",
]


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}]
)
def test_author_builds_a_course_evaluation_with_an_item_per_objective(page, live_server, viewport):
    terry = UserFactory(email="terry@example.org", password=PASSWORD, roles=[Role.TRAINER])
    course = CourseFactory(
        title="DBT Foundations", learning_objectives="\n".join(OBJECTIVES), authors=[terry]
    )
    module = ModuleFactory(course=course, title="Wrapping up", position=1)
    LessonFactory(module=module, title="Looking back")
    page.set_viewport_size(viewport)
    phone = viewport["width"] == 390

    sign_in(page, "terry@example.org")
    page.goto(f"/author/courses/{course.slug}/")
    page.get_by_role("link", name="Add a quiz to Wrapping up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("New quiz in “Wrapping up”")
    page.get_by_label("Title").fill("Course evaluation")
    page.get_by_label("Kind").select_option(label="Course evaluation survey")
    assert_accessible(page)
    if phone:
        assert_fits_phone_width(page)
    page.get_by_role("button", name="Create quiz").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Course evaluation")
    objectives = page.locator("#objectives-title + p + ol")
    expect(objectives.locator("li")).to_have_count(3)
    expect(objectives).to_contain_text("no rating item yet")
    expect(page.get_by_text("Running it again adds only the missing ones.")).to_be_visible()
    assert_accessible(page)
    if phone:
        assert_fits_phone_width(page)

    # Keyboard: focus the button and press Enter.
    button = page.get_by_role("button", name="Add one rating item per learning objective")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text(
        "Added 3 rating items, for learning objectives 1, 2, 3."
    )
    expect(page.get_by_text("Every learning objective has its rating item.")).to_be_visible()
    expect(objectives).to_contain_text("rated by question 3")
    expect(page.locator("#questions-title + ol > li")).to_have_count(3)
    expect(page.locator("#questions-title + ol")).to_contain_text(
        "1. Objective 1 · Likert scale · 5 answers"
    )
    assert_accessible(page)
    if phone:
        assert_fits_phone_width(page)

    page.get_by_role("link", name="Essay", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("New question: essay")
    page.get_by_label("Short name").fill("What to change")
    page.get_by_label("Question text").fill(
        "What would you change or add to make this course better?"
    )
    assert_accessible(page)
    if phone:
        assert_fits_phone_width(page)
    page.get_by_role("button", name="Save question").click()

    expect(page.get_by_role("status")).to_contain_text("Saved question 4.")
    expect(page.locator("#questions-title + ol > li")).to_have_count(4)
    expect(page.locator("#questions-title + ol > li").last).to_contain_text(
        "4. What to change · Essay"
    )
    assert_accessible(page)
    if phone:
        assert_fits_phone_width(page)

    survey = Quiz.objects.get(module=module)
    assert survey.kind == "evaluation"
    assert [
        (q.position, q.kind, q.name, q.text, q.learning_objective)
        for q in Question.objects.filter(quiz=survey).order_by("position")
    ] == [
        (
            1,
            "likert",
            "Objective 1",
            "This course enabled me to: describe the biosocial theory and the central dialectic "
            "of acceptance and change",
            1,
        ),
        (
            2,
            "likert",
            "Objective 2",
            "This course enabled me to: identify the six levels of validation in examples of "
            "therapist responses",
            2,
        ),
        (
            3,
            "likert",
            "Objective 3",
            "This course enabled me to: apply a behavioral chain analysis to a written case",
            3,
        ),
        (
            4,
            "essay",
            "What to change",
            "What would you change or add to make this course better?",
            None,
        ),
    ]

    # Three trainees answer (through the player's services); the report shows each objective.
    today = timezone.localdate()
    cohort = CohortFactory(
        course=course,
        name="Spring",
        starts_on=today - datetime.timedelta(days=3),
        ends_on=today + datetime.timedelta(days=90),
    )
    items = list(Question.objects.filter(quiz=survey).prefetch_related("answers"))
    for rating in (4, 5, 3):
        enrollment = EnrollmentFactory(cohort=cohort, user=UserFactory())
        attempt = quiz_services.start_attempt(enrollment=enrollment, quiz=survey)
        quiz_services.save_responses(
            attempt=attempt,
            answers={
                q: {"choice": list(q.answers.all())[rating - 1].pk}
                if q.kind == "likert"
                else {"text": "More role plays."}
                for q in items
            },
        )
        quiz_services.submit_attempt(attempt=attempt)
    page.get_by_role("link", name="Evaluation report").click()
    expect(page.get_by_role("heading", name="Learning objectives")).to_be_visible()
    means = page.locator(".evaluation-objective-means tbody tr")
    expect(means).to_have_count(3)
    expect(means.first.locator("td")).to_have_text(["3", "4.00"])
    assert_accessible(page)
    if phone:
        assert_fits_phone_width(page)
