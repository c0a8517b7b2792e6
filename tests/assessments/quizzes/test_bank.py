"""The question bank: categories, random draws stored per attempt, reviews and item analysis as
drawn, course copies, and who may use the bank's pages."""

import json
import re
from decimal import Decimal
from http import HTTPStatus
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from assessments.models import Attempt, Question, QuestionCategory, QuizDraw, Response
from assessments.quizzes import bank, services
from assessments.quizzes.analysis import analyse
from assessments.quizzes.services import AnswerData as A
from dbt_training.users.roles import Role
from modules.services import duplicate_course
from tests.factories import (
    CourseFactory,
    EnrollmentFactory,
    ModuleFactory,
    QuestionFactory,
    QuizFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).parent / "samples" / "every_kind.xml"


def bank_question(category, n: int, *, right: str = "Right") -> Question:
    return services.save_question(
        category=category,
        kind="single",
        name=f"Bank {n}",
        text=f"Bank question number {n}?",
        text_format="markdown",
        points=Decimal(1),
        general_feedback="",
        answers=[A(text=right, fraction=Decimal(100)), A(text="Wrong", fraction=Decimal(0))],
    )


def answer_all_right(attempt) -> Attempt:
    for question in Question.objects.filter(pk__in=attempt.question_order):
        if question.kind == "description":
            continue
        right = question.answers.filter(fraction=100).first()
        services.save_response(attempt=attempt, question=question, answer={"choice": right.pk})
    return services.submit_attempt(attempt=attempt)


@pytest.fixture
def mindfulness(course):
    category = bank.create_category(course=course, name="Mindfulness")
    for n in range(1, 31):
        bank_question(category, n)
    return category


def test_an_attempt_draws_ten_of_thirty_and_keeps_its_draw(
    quiz, questions, mindfulness, enrollment
):
    fixed = [q.pk for q in quiz.questions.order_by("position")]
    bank.add_draw(quiz=quiz, category=mindfulness, count=10)
    pool = set(bank.bank_questions(quiz.module.course).values_list("pk", flat=True))

    first = services.start_attempt(enrollment=enrollment, quiz=quiz)

    assert first.question_order[: len(fixed)] == fixed
    drawn = first.question_order[len(fixed) :]
    assert len(drawn) == 10 and len(set(drawn)) == 10 and set(drawn) <= pool
    assert bank.question_count(quiz) == len(fixed) + 10
    # Changing the draw later changes nothing in an attempt already started.
    QuizDraw.objects.update(count=3)
    assert Attempt.objects.get(pk=first.pk).question_order == first.question_order


def test_repeated_attempts_draw_anew_and_each_review_shows_its_own_draw(
    client, quiz, mindfulness, enrollment, trainee
):
    quiz.attempts_allowed = 0
    quiz.save()
    bank.add_draw(quiz=quiz, category=mindfulness, count=10)
    orders = []
    for _ in range(4):
        attempt = answer_all_right(services.start_attempt(enrollment=enrollment, quiz=quiz))
        orders.append(attempt.question_order)
        assert attempt.max_score == Decimal(10) and attempt.percent == Decimal(100)
    # Four draws of 10 from 30 are not all the same (chance of that: below 1e-17).
    assert len({tuple(sorted(order)) for order in orders}) > 1

    client.force_login(trainee)
    attempt = Attempt.objects.filter(enrollment=enrollment).order_by("number").first()
    page = client.get(
        reverse("quizzes:review", args=[enrollment.cohort_id, attempt.pk])
    ).content.decode()
    shown = {q.pk for q in Question.objects.filter(pk__in=attempt.question_order)}
    for question in bank.bank_questions(quiz.module.course):
        assert (f"Bank question number {question.name.split()[1]}?" in page) == (
            question.pk in shown
        ), question.name


def test_item_analysis_counts_each_drawn_question_over_the_attempts_that_drew_it(
    quiz, mindfulness, cohort
):
    bank.add_draw(quiz=quiz, category=mindfulness, count=10)
    attempts = [
        answer_all_right(
            services.start_attempt(enrollment=EnrollmentFactory(cohort=cohort), quiz=quiz)
        )
        for _ in range(6)
    ]
    analysis = analyse(quiz)

    assert analysis.attempt_count == 6
    shown = {item.question.pk: item.shown for item in analysis.items}
    expected = {}
    for attempt in attempts:
        for pk in attempt.question_order:
            expected[pk] = expected.get(pk, 0) + 1
    assert shown == expected
    assert all(item.drawn and item.facility == 1.0 for item in analysis.items)
    assert Response.objects.filter(attempt__in=attempts).count() == 60


def test_draws_never_repeat_a_question_and_take_what_the_category_holds(quiz, course, enrollment):
    top = bank.create_category(course=course, name="Skills")
    inner = bank.create_category(course=course, name="Distress tolerance", parent=top)
    for n in range(3):
        bank_question(top, n)
    for n in range(3, 5):
        bank_question(inner, n)
    bank.add_draw(quiz=quiz, category=top, count=2, include_subcategories=True)
    bank.add_draw(quiz=quiz, category=top, count=10, include_subcategories=True)

    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)

    assert len(attempt.question_order) == 5 == len(set(attempt.question_order))
    assert bank.pool_sizes(quiz) == {d.pk: 5 for d in quiz.draws.all()}


def test_descriptions_are_never_drawn(quiz, course, enrollment):
    category = bank.create_category(course=course, name="Vignettes")
    services.save_question(
        category=category, kind="description", text="Read: a client calls at 2 am.", answers=[]
    )
    bank_question(category, 1)
    bank.add_draw(quiz=quiz, category=category, count=2)

    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)

    assert [Question.objects.get(pk=pk).kind for pk in attempt.question_order] == ["single"]


def test_category_paths_from_gift_and_moodle_make_the_tree_once(course):
    first = bank.category_for_path(course=course, path="$course$/top/DBT/Distress tolerance")
    again = bank.category_for_path(course=course, path="DBT/Distress tolerance")
    slash = bank.category_for_path(course=course, path="DBT/Pros and cons // TIP")

    assert first == again
    assert bank.CategoryTree(course.pk).path(first.pk) == "DBT/Distress tolerance"
    assert slash.name == "Pros and cons / TIP" and slash.parent == first.parent
    assert QuestionCategory.objects.filter(course=course).count() == 3
    assert bank.category_for_path(course=course, path="$course$/top") is None


def test_refused_category_changes_change_nothing(quiz, course, mindfulness):
    bank.add_draw(quiz=quiz, category=mindfulness, count=5)
    inner = bank.create_category(course=course, name="Observe", parent=mindfulness)

    with pytest.raises(ValidationError, match="already a category"):
        bank.create_category(course=course, name="Mindfulness")
    with pytest.raises(ValidationError, match="inside itself"):
        bank.update_category(category=mindfulness, name="Mindfulness", parent=inner)
    with pytest.raises(ValidationError, match="Move or delete the questions"):
        bank.delete_category(category=mindfulness)
    empty_but_drawn = bank.create_category(course=course, name="Empty")
    bank.add_draw(quiz=quiz, category=empty_but_drawn, count=1)
    with pytest.raises(ValidationError, match="Quizzes draw questions from this category"):
        bank.delete_category(category=empty_but_drawn)

    assert QuestionCategory.objects.filter(course=course).count() == 3
    assert Question.objects.filter(category=mindfulness).count() == 30
    inner.refresh_from_db()
    assert inner.parent == mindfulness and mindfulness.parent is None


def test_a_drawn_question_cannot_be_deleted_once_a_submitted_attempt_showed_it(
    quiz, mindfulness, enrollment
):
    bank.add_draw(quiz=quiz, category=mindfulness, count=30)
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
    services.submit_attempt(attempt=attempt)  # nothing answered: the draw alone counts
    question = Question.objects.get(pk=attempt.question_order[-1])

    with pytest.raises(ValidationError, match="drew this question"):
        services.delete_question(question=question)
    assert Question.objects.filter(pk=question.pk).exists()


def test_a_draw_from_another_course_is_refused(quiz):
    elsewhere = bank.create_category(course=CourseFactory(), name="Elsewhere")
    with pytest.raises(ValidationError, match="another course"):
        bank.add_draw(quiz=quiz, category=elsewhere, count=1)
    assert not QuizDraw.objects.exists()


def test_a_course_copy_brings_its_bank_and_draws(quiz, course, mindfulness, trainer):
    inner = bank.create_category(course=course, name="Observe", parent=mindfulness)
    bank_question(inner, 99)
    bank.add_draw(quiz=quiz, category=mindfulness, count=4, include_subcategories=True)
    QuestionFactory(quiz=quiz, kind="essay", category=inner)

    copy = duplicate_course(course=course, author=trainer, title="Copy", slug="copy")

    tree = bank.CategoryTree(copy.pk)
    assert sorted(tree.path(pk) for pk in tree.by_id) == ["Mindfulness", "Mindfulness/Observe"]
    assert bank.bank_questions(copy).count() == 31
    draw = QuizDraw.objects.get(quiz__module__course=copy)
    assert (draw.count, draw.include_subcategories, tree.path(draw.category_id)) == (
        4,
        True,
        "Mindfulness",
    )
    fixed = Question.objects.get(quiz__module__course=copy, kind="essay")
    assert tree.path(fixed.category_id) == "Mindfulness/Observe"
    assert bank.bank_questions(course).count() == 31  # the original keeps its own


# --- pages --------------------------------------------------------------------------------------


def bank_urls(course, category, question, quiz):
    return [
        reverse("quiz_authoring:bank", args=[course.slug]),
        reverse("quiz_authoring:bank_category", args=[course.slug, category.pk]),
        reverse("quiz_authoring:category_delete", args=[course.slug, category.pk]),
        reverse("quiz_authoring:bank_import", args=[course.slug, category.pk]),
        reverse("quiz_authoring:bank_gift_export", args=[course.slug, category.pk]),
        reverse("quiz_authoring:bank_xml_export", args=[course.slug, category.pk]),
        reverse("quiz_authoring:bank_question_create", args=[course.slug, category.pk, "single"]),
        reverse("quiz_authoring:bank_question_edit", args=[course.slug, category.pk, question.pk]),
        reverse(
            "quiz_authoring:bank_question_delete", args=[course.slug, category.pk, question.pk]
        ),
    ]


def test_bank_pages_keep_out_visitors_trainees_and_other_trainers(
    client, course, quiz, mindfulness, trainee, other_trainer
):
    question = Question.objects.filter(category=mindfulness).first()
    urls = bank_urls(course, mindfulness, question, quiz)
    for page in urls:
        response = client.get(page)
        assert response.status_code == HTTPStatus.FOUND and "/accounts/login/" in response.url
    for user in (trainee, other_trainer):
        client.force_login(user)
        for page in urls:
            assert client.get(page).status_code == HTTPStatus.FORBIDDEN, page
        create = reverse("quiz_authoring:category_create", args=[course.slug])
        assert client.post(create, {"name": "Sneaky"}).status_code == HTTPStatus.FORBIDDEN
        draw = reverse("quiz_authoring:draw_create", args=[course.slug, quiz.pk])
        assert client.post(draw, {"category": mindfulness.pk, "count": 2}).status_code == 403
    assert QuestionCategory.objects.filter(course=course).count() == 1
    assert not QuizDraw.objects.exists()


def test_another_courses_category_is_not_found(client, course, trainer, mindfulness):
    other = CourseFactory(authors=[trainer])
    client.force_login(trainer)
    url = reverse("quiz_authoring:bank_category", args=[other.slug, mindfulness.pk])
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND


def test_the_author_builds_a_category_a_bank_question_and_a_draw(client, course, quiz, trainer):
    client.force_login(trainer)
    response = client.post(
        reverse("quiz_authoring:category_create", args=[course.slug]),
        {"name": "  Emotion   regulation ", "parent": "", "info": "Post-test items"},
    )
    category = QuestionCategory.objects.get(course=course)
    assert response.url == reverse("quiz_authoring:bank_category", args=[course.slug, category.pk])
    assert (category.name, category.info) == ("Emotion regulation", "Post-test items")

    response = client.post(
        reverse(
            "quiz_authoring:bank_question_create", args=[course.slug, category.pk, "true_false"]
        ),
        {
            "name": "Opposite action",
            "text": "Opposite action fits when the emotion does not fit the facts.",
            "text_format": "markdown",
            "points": "2",
            "general_feedback": "",
            "answers-TOTAL_FORMS": "2",
            "answers-INITIAL_FORMS": "2",
            "answers-MIN_NUM_FORMS": "0",
            "answers-MAX_NUM_FORMS": "1000",
            "answers-0-text": "True",
            "answers-0-fraction": "100",
            "answers-1-text": "False",
            "answers-1-fraction": "0",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    question = Question.objects.get(category=category)
    assert question.quiz is None
    assert question.points == Decimal(2)

    response = client.post(
        reverse("quiz_authoring:draw_create", args=[course.slug, quiz.pk]),
        {"category": category.pk, "count": "1"},
    )
    draw = QuizDraw.objects.get(quiz=quiz)
    assert (draw.category, draw.count, draw.include_subcategories) == (category, 1, False)
    editor = client.get(reverse("quiz_authoring:quiz", args=[course.slug, quiz.pk])).content
    assert b"1 from" in editor and b"1 available" in editor

    page = client.get(reverse("quiz_authoring:category_delete", args=[course.slug, category.pk]))
    assert page.status_code == HTTPStatus.OK
    client.post(reverse("quiz_authoring:category_delete", args=[course.slug, category.pk]))
    assert QuestionCategory.objects.filter(pk=category.pk).exists()  # refused: not empty


def test_a_description_is_saved_from_the_page_without_points_or_answers(
    client, course, quiz, trainer
):
    client.force_login(trainer)
    form_page = client.get(
        reverse("quiz_authoring:question_create", args=[course.slug, quiz.pk, "description"])
    ).content.decode()
    assert 'name="points"' not in form_page and 'name="answers-TOTAL_FORMS"' in form_page

    response = client.post(
        reverse("quiz_authoring:question_create", args=[course.slug, quiz.pk, "description"]),
        {
            "name": "Vignette",
            "text": "Read this before the next three questions.",
            "text_format": "markdown",
            "answers-TOTAL_FORMS": "0",
            "answers-INITIAL_FORMS": "0",
            "answers-MIN_NUM_FORMS": "0",
            "answers-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    question = quiz.questions.get(kind="description")
    assert (question.points, question.answers.count()) == (Decimal(1), 0)


def test_import_into_the_bank_puts_unplaced_questions_in_the_category(client, course, trainer):
    category = bank.create_category(course=course, name="Imported")
    client.force_login(trainer)
    gift = (
        "::A:: Wise mind joins reasonable and emotion mind. {T}\n\n"
        "$CATEGORY: $course$/top/DBT/Distress tolerance\n\n"
        "::B:: TIP changes body chemistry. {T}\n"
    )
    url = reverse("quiz_authoring:bank_import", args=[course.slug, category.pk])
    form = client.get(url).content.decode()
    assert re.search(r'<input type="checkbox" name="file_categories"[^>]* checked>', form)
    response = client.post(url, {"text": gift, "file_categories": "on"})
    assert response.status_code == HTTPStatus.OK
    tree = bank.CategoryTree(course.pk)
    placed = {q.name: tree.path(q.category_id) for q in bank.bank_questions(course)}
    assert placed == {"A": "Imported", "B": "DBT/Distress tolerance"}

    exported = client.get(
        reverse("quiz_authoring:bank_gift_export", args=[course.slug, category.pk])
    ).content.decode()
    assert "::A::" in exported and "::B::" not in exported  # only this category and its inside


def test_trainer_of_another_course_cannot_add_a_draw_of_their_category(client, course, quiz):
    stranger = UserFactory(roles=[Role.TRAINER])
    other = CourseFactory(authors=[stranger])
    theirs = bank.create_category(course=other, name="Theirs")
    author = course.authors.first()
    client.force_login(author)
    client.post(
        reverse("quiz_authoring:draw_create", args=[course.slug, quiz.pk]),
        {"category": theirs.pk, "count": "1"},
    )
    assert not QuizDraw.objects.exists()


def test_a_drawn_question_autosaves_and_a_question_it_did_not_draw_is_refused(
    client, quiz, mindfulness, enrollment, trainee
):
    bank.add_draw(quiz=quiz, category=mindfulness, count=5)
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
    drawn = Question.objects.get(pk=attempt.question_order[0])
    not_drawn = bank.bank_questions(quiz.module.course).exclude(pk__in=attempt.question_order)[0]
    right = drawn.answers.get(fraction=100)
    client.force_login(trainee)

    def save(question, choice):
        url = reverse("quizzes:save", args=[enrollment.cohort_id, attempt.pk, question.pk])
        return client.post(url, {f"q{question.pk}": choice.pk}, HTTP_HX_REQUEST="true")

    assert save(drawn, right).status_code == HTTPStatus.OK
    assert save(not_drawn, not_drawn.answers.first()).status_code == HTTPStatus.BAD_REQUEST
    assert list(Response.objects.values_list("question_id", "answer")) == [
        (drawn.pk, {"choice": right.pk})
    ]


def test_moodle_xml_commands_import_and_export_a_quiz(tmp_path, quiz, capsys):
    call_command("import_moodle_xml", str(quiz.pk), str(SAMPLE), "--json")
    report = json.loads(capsys.readouterr().out)
    assert (report["imported"], len(report["warnings"]), report["errors"]) == (9, 3, [])
    target = tmp_path / "out.xml"
    call_command("export_moodle_xml", str(quiz.pk), str(target))
    again = services.import_moodle_xml(
        quiz=QuizFactory(module=quiz.module), data=target.read_bytes()
    )
    assert [q.name for q in again.imported] == [q.name for q in quiz.questions.order_by("position")]
    assert target.read_bytes() == services.export_moodle_xml(quiz=again.imported[0].quiz)


@pytest.mark.parametrize("size", [1, 12])
def test_bank_pages_read_a_fixed_number_of_queries(
    client, course, quiz, trainer, size, django_assert_max_num_queries
):
    top = bank.create_category(course=course, name="Top")
    for n in range(size):
        inner = bank.create_category(course=course, name=f"Inner {n}", parent=top)
        for m in range(size):
            bank_question(inner, n * 100 + m)
        QuestionFactory(quiz=quiz, kind="essay", category=top)
    bank.add_draw(quiz=quiz, category=top, count=size, include_subcategories=True)
    client.force_login(trainer)
    pages = [
        reverse("quiz_authoring:bank", args=[course.slug]),
        reverse("quiz_authoring:bank_category", args=[course.slug, top.pk]),
        reverse("quiz_authoring:quiz", args=[course.slug, quiz.pk]),
    ]
    for page in pages:
        with django_assert_max_num_queries(22):
            assert client.get(page).status_code == HTTPStatus.OK


def test_the_bank_shows_quiz_questions_filed_in_a_category(client, course, quiz, trainer):
    services.import_gift(quiz=quiz, text="$CATEGORY: DBT/Modes\n\n::Modes:: How many modes? {#5}\n")
    client.force_login(trainer)
    category = QuestionCategory.objects.get(name="Modes")

    tree = client.get(reverse("quiz_authoring:bank", args=[course.slug])).content.decode()
    page = client.get(
        reverse("quiz_authoring:bank_category", args=[course.slug, category.pk])
    ).content.decode()

    assert 'Modes</a> <span class="muted">· 0 questions · 1 more in quizzes</span>' in tree
    assert 'Modes</a> <span class="muted">· in “Module 1 check”</span>' in page


def test_an_import_can_put_every_question_in_the_chosen_category(client, course, trainer):
    category = bank.create_category(course=course, name="All here")
    client.force_login(trainer)
    gift = "$CATEGORY: $course$/top/Elsewhere\n\n::B:: TIP changes body chemistry. {T}\n"
    client.post(
        reverse("quiz_authoring:bank_import", args=[course.slug, category.pk]), {"text": gift}
    )
    assert [(q.name, q.category) for q in bank.bank_questions(course)] == [("B", category)]
    assert not QuestionCategory.objects.filter(name="Elsewhere").exists()
    quiz_form = client.get(
        reverse(
            "quiz_authoring:question_import",
            args=[course.slug, QuizFactory(module=ModuleFactory(course=course)).pk],
        )
    ).content.decode()
    assert "file_categories" not in quiz_form


def test_the_course_editor_counts_drawn_questions(
    client, course, quiz, questions, mindfulness, trainer
):
    bank.add_draw(quiz=quiz, category=mindfulness, count=10)
    bank.add_draw(quiz=quiz, category=mindfulness, count=2)
    client.force_login(trainer)
    page = client.get(reverse("authoring:course", args=[course.slug])).content.decode()
    fixed = quiz.questions.count()
    assert f"{fixed + 12} questions per attempt, 12 drawn at random" in page
