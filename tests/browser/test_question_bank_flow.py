"""A trainer fills the course's question bank from a Moodle XML file, and the post-test draws
from it; a trainee takes the post-test and meets the drawn questions as Moodle wrote them (HTML
choices without their tags, the question's image), and the review shows the same draw. axe-core
on every page, and the trainer's bank pages at 390 px."""

import datetime
import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from assessments.models import Attempt, QuizDraw
from assessments.quizzes import services as quiz_services
from courses import services
from dbt_training.users.roles import Role
from tests.browser.conftest import assert_accessible, assert_fits_phone_width, sign_in
from tests.factories import CohortFactory, CourseFactory, LessonFactory, ModuleFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-Long-passphrase-42"
SAMPLE = Path(__file__).parent.parent / "assessments" / "quizzes" / "samples" / "every_kind.xml"


def test_bank_from_moodle_xml_random_post_test_and_its_review(page, live_server):
    terry = UserFactory(email="terry@example.org", password=PASSWORD, roles=[Role.TRAINER])
    dana = UserFactory(email="dana@example.org", password=PASSWORD)
    course = CourseFactory(title="DBT Foundations", status="published", pass_mark=80)
    course.authors.add(terry)
    module = ModuleFactory(course=course, title="Skills", position=1, due_offset_days=30)
    LessonFactory(module=module, title="Wise mind")
    quiz = quiz_services.create_quiz(module=module, title="Final post-test", kind="post_test")
    today = timezone.localdate()
    cohort = CohortFactory(
        course=course,
        name="Spring",
        capacity=None,
        starts_on=today - datetime.timedelta(days=3),
        ends_on=today + datetime.timedelta(days=90),
    )
    services.enroll(cohort=cohort, user=dana)

    sign_in(page, "terry@example.org")
    page.goto(f"/author/courses/{course.slug}/")
    page.get_by_role("link", name="Question bank").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Question bank")
    assert_accessible(page)
    page.get_by_label("Name").fill("Post-test pool")
    page.get_by_role("button", name="Add category").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Post-test pool")
    assert_accessible(page)

    page.get_by_role("link", name="Import questions").click()
    assert_accessible(page)
    page.get_by_label("Question file").set_input_files(str(SAMPLE))
    page.get_by_role("button", name="Import").click()
    expect(
        page.get_by_text(
            "Imported 9 questions: 1 single choice, 1 multiple answer, 1 true/false, "
            "1 short answer, 1 numeric, 1 matching, 1 ordering, 1 essay, "
            "1 text only (no answer)."
        )
    ).to_be_visible()
    expect(page.get_by_text("3 items left out:")).to_be_visible()
    expect(page.get_by_role("cell", name="Cloze: DEAR MAN")).to_be_visible()
    assert_accessible(page)

    page.goto(f"/author/courses/{course.slug}/bank/")
    tree = page.locator(".bank-tree")
    expect(tree).to_contain_text("Default for DBT Foundations · 0 questions")
    expect(tree).to_contain_text("Mindfulness · 3 questions")
    expect(tree).to_contain_text("Distress tolerance/crisis survival · 6 questions")
    expect(tree).to_contain_text("Post-test pool · 0 questions")

    page.goto(f"/author/courses/{course.slug}/quizzes/{quiz.pk}/")
    page.get_by_label("From category").select_option(label="Default for DBT Foundations")
    page.get_by_label("Number of questions").fill("8")
    page.get_by_label("Include the categories inside it").check()
    page.get_by_role("button", name="Add a random draw").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Each attempt now draws 8 from “Default for DBT Foundations”."
    )
    expect(page.locator("#draws-title + p + ul")).to_contain_text(
        "8 from Default for DBT Foundations and the categories inside it · 8 available"
    )
    assert_accessible(page)
    assert QuizDraw.objects.get(quiz=quiz).count == 8

    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("", "bank/"):
        page.goto(f"/author/courses/{course.slug}/{path}")
        assert_fits_phone_width(page)
    page.goto(f"/author/courses/{course.slug}/quizzes/{quiz.pk}/")
    assert_fits_phone_width(page)
    page.get_by_role("link", name="question bank").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Question bank")
    page.get_by_role("link", name="Mindfulness").click()
    # Measure the category page, not a document still being replaced.
    expect(page.get_by_role("heading", level=1)).to_have_text("Mindfulness")
    assert_fits_phone_width(page)
    assert_accessible(page)

    sign_in(page, "dana@example.org")
    page.goto(f"/learn/{cohort.pk}/")
    page.get_by_role("link", name="Final post-test").click()
    expect(page.locator("dt:has-text('Questions') + dd")).to_have_text("8")
    page.get_by_role("button", name="Start the post-test").click()
    expect(page.locator("fieldset.question")).to_have_count(8)
    assert_fits_phone_width(page)
    assert_accessible(page)
    states = page.locator("fieldset.question", has_text="A trainee acts on the urge")
    # Moodle's HTML choices read as text, not as markup.
    states.get_by_label("Emotion mind").check()
    expect(states).not_to_contain_text("<p>")
    image = states.get_by_role("img", name="Three circles")
    expect(image).to_be_visible()
    assert image.evaluate("img => img.naturalWidth") == 1
    page.get_by_role("button", name="Submit attempt").click()
    # Wait for the next page (the result, or first the unanswered questions' confirmation) before
    # asking which it is: counting at once counted on the page being left.
    next_page = page.get_by_role("heading", name=re.compile(r"^(Result|Submit with)"))
    expect(next_page).to_be_visible()
    if page.get_by_role("button", name="Submit now").count():
        page.get_by_role("button", name="Submit now").click()
    expect(page.get_by_role("heading", name="Result")).to_be_visible()
    assert_accessible(page)

    attempt = Attempt.objects.get(enrollment__user=dana)
    assert len(attempt.question_order) == 8
    expect(page.locator("section.review-question")).to_have_count(8)
    expect(page.get_by_text("Yes: the urge is in charge.")).to_be_visible()
