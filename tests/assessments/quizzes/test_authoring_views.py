"""Quiz authoring pages: who may use them, building every kind, GIFT in and out, item analysis."""

import json
import re
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from assessments.models import Answer, Question, Quiz
from assessments.quizzes import services
from assessments.quizzes.analysis import analyse
from assessments.quizzes.services import AnswerData as A
from courses.models import Enrollment, EnrollmentStatus
from dbt_training.users.roles import Role
from tests.factories import QuestionFactory, UserFactory

pytestmark = pytest.mark.django_db

GIFT = """$CATEGORY: DBT/Distress tolerance

::TIP:: Which skill changes body chemistry fast? {=TIP skills#Right. ~DEAR MAN#Interpersonal.}

::Modes:: How many modes does comprehensive DBT have? {#4}

::Phone coaching:: Phone coaching is a mode of DBT. {T}
"""


def url(name, course, quiz=None, *extra):
    args = [course.slug] + ([quiz.pk] if quiz is not None else []) + list(extra)
    return reverse(f"quiz_authoring:{name}", args=args)


def authoring_urls(course, quiz, question, module):
    return [
        reverse("quiz_authoring:quiz_create", args=[course.slug, module.pk]),
        url("quiz", course, quiz),
        url("quiz_settings", course, quiz),
        url("quiz_delete", course, quiz),
        url("quiz_preview", course, quiz),
        url("analysis", course, quiz),
        url("question_import", course, quiz),
        url("gift_export", course, quiz),
        url("question_create", course, quiz, "single"),
        url("question_edit", course, quiz, question.pk),
        url("question_delete", course, quiz, question.pk),
    ]


def test_visitor_trainee_and_other_trainer_are_kept_out(
    client, course, quiz, questions, module, trainee
):
    question = questions["single"]
    urls = authoring_urls(course, quiz, question, module)
    for page in urls:
        response = client.get(page)
        assert response.status_code == HTTPStatus.FOUND, page
        assert response.url.startswith(reverse("account_login"))
    client.force_login(trainee)
    for page in urls:
        assert client.get(page).status_code == HTTPStatus.FORBIDDEN, page
    other_trainer = UserFactory(roles=[Role.TRAINER])
    client.force_login(other_trainer)
    for page in urls:
        assert client.get(page).status_code == HTTPStatus.FORBIDDEN, page
    assert client.post(url("quiz_delete", course, quiz)).status_code == HTTPStatus.FORBIDDEN
    assert (
        client.post(
            url("question_move", course, quiz, question.pk), {"direction": "down"}
        ).status_code
        == 403
    )
    assert client.post(url("question_import", course, quiz), {"text": GIFT}).status_code == 403
    assert Quiz.objects.count() == 1 and quiz.questions.count() == 9


def test_author_opens_every_page(client, trainer, course, quiz, questions, module):
    client.force_login(trainer)
    for page in authoring_urls(course, quiz, questions["single"], module):
        assert client.get(page).status_code == HTTPStatus.OK, page


def test_quiz_of_another_course_is_404_for_an_author(client, trainer, course, quiz, questions):
    from tests.factories import CourseFactory, ModuleFactory

    mine = CourseFactory(authors=[trainer])
    client.force_login(trainer)
    assert client.get(url("quiz", mine, quiz)).status_code == HTTPStatus.NOT_FOUND
    assert (
        client.get(url("question_edit", course, quiz, 999999)).status_code == HTTPStatus.NOT_FOUND
    )
    other_module = ModuleFactory(course=mine)
    other_quiz = services.create_quiz(module=other_module, title="Mine")
    assert (
        client.get(
            url("question_edit", course, quiz, questions["single"].pk).replace(
                str(quiz.pk), str(other_quiz.pk), 1
            )
        ).status_code
        == 404
    )


def test_author_creates_a_quiz_from_the_course_editor(client, trainer, course, module):
    client.force_login(trainer)
    editor = client.get(reverse("authoring:course", args=[course.slug])).content.decode()
    create = reverse("quiz_authoring:quiz_create", args=[course.slug, module.pk])
    assert create in editor
    response = client.post(
        create,
        {
            "title": "Post-test",
            "kind": "post_test",
            "pass_mark": "80",
            "attempts_allowed": "2",
            "time_limit_minutes": "45",
            "feedback_timing": "after_due",
            "grading_method": "highest",
        },
    )
    quiz = Quiz.objects.get()
    assert response.url == url("quiz", course, quiz)
    assert (quiz.kind, quiz.pass_mark, quiz.attempts_allowed, quiz.time_limit_minutes) == (
        "post_test",
        80,
        2,
        45,
    )


def test_bad_quiz_settings_show_errors_and_create_nothing(client, trainer, course, module):
    client.force_login(trainer)
    response = client.post(
        reverse("quiz_authoring:quiz_create", args=[course.slug, module.pk]),
        {
            "title": "",
            "kind": "post_test",
            "pass_mark": "120",
            "attempts_allowed": "0",
            "feedback_timing": "after_submit",
            "grading_method": "highest",
            "time_limit_minutes": "0",
        },
    )
    assert response.status_code == HTTPStatus.OK
    assert "Please correct" in response.content.decode()
    assert not Quiz.objects.exists()


def formset(rows, total=None):
    data = {
        "answers-TOTAL_FORMS": str(total or len(rows)),
        "answers-INITIAL_FORMS": "0",
        "answers-MIN_NUM_FORMS": "0",
        "answers-MAX_NUM_FORMS": "50",
    }
    for n, row in enumerate(rows):
        for key, value in row.items():
            data[f"answers-{n}-{key}"] = value
    return data


def test_author_adds_a_multiple_answer_question_with_negative_weight(client, trainer, course, quiz):
    client.force_login(trainer)
    data = {
        "name": "What skills",
        "text": "Which are **what** skills?",
        "text_format": "markdown",
        "points": "2",
        **formset(
            [
                {"text": "Observe", "fraction": "50"},
                {"text": "Describe", "fraction": "50"},
                {"text": "Opposite action", "fraction": "-100", "feedback": "Emotion regulation."},
                {},
            ]
        ),
    }
    response = client.post(url("question_create", course, quiz, "multiple"), data)
    question = Question.objects.get()
    assert response.url == url("quiz", course, quiz) + f"#question-{question.pk}"
    assert question.text_html == "<p>Which are <strong>what</strong> skills?</p>\n"
    assert [(a.text, a.fraction) for a in question.answers.all()] == [
        ("Observe", Decimal(50)),
        ("Describe", Decimal(50)),
        ("Opposite action", Decimal(-100)),
    ]


def test_weights_over_100_percent_are_a_form_error_and_save_nothing(client, trainer, course, quiz):
    client.force_login(trainer)
    data = {
        "text": "Which?",
        "text_format": "plain",
        "points": "1",
        **formset([{"text": "a", "fraction": "100"}, {"text": "b", "fraction": "50"}]),
    }
    response = client.post(url("question_create", course, quiz, "multiple"), data)
    assert response.status_code == HTTPStatus.OK
    assert "The positive weights add up to 150%, over 100%." in response.content.decode()
    assert not Question.objects.exists()
    assert not Answer.objects.exists()


def test_editing_keeps_answer_rows_so_saved_responses_still_point_at_them(
    client, trainer, course, quiz, questions
):
    single = questions["single"]
    rows = list(single.answers.all())
    client.force_login(trainer)
    data = {
        "text": "Which skills bring extreme arousal down fast?",
        "text_format": "markdown",
        "points": "1",
        **formset(
            [
                {"id": str(rows[0].pk), "text": "TIP", "fraction": "100"},
                {"id": str(rows[1].pk), "text": "DEAR MAN", "fraction": "0"},
                {"id": str(rows[2].pk), "text": "Check the facts", "fraction": "0", "DELETE": "on"},
            ]
        ),
    }
    response = client.post(url("question_edit", course, quiz, single.pk), data)
    assert response.status_code == HTTPStatus.FOUND
    assert [(a.pk, a.text) for a in single.answers.all()] == [
        (rows[0].pk, "TIP"),
        (rows[1].pk, "DEAR MAN"),
    ]


def test_unknown_kind_is_404(client, trainer, course, quiz):
    client.force_login(trainer)
    assert client.get(url("question_create", course, quiz, "hotspot")).status_code == 404


def test_preview_shows_every_kind_with_its_answer_key(client, trainer, course, quiz, questions):
    client.force_login(trainer)
    page = client.get(url("quiz_preview", course, quiz)).content.decode()
    assert page.count('<fieldset class="question"') == 9
    assert "Answer key" in page
    assert "1. Life-threatening behaviors" in page
    # An exact number is the number alone ("4", not "4 ± 0").
    assert "<li>4</li>" in page and "TIPP → Distress tolerance" in page


def test_gift_upload_imports_and_reports_by_type(client, trainer, course, quiz):
    client.force_login(trainer)
    upload = SimpleUploadedFile("dbt.gift", GIFT.encode(), content_type="text/plain")
    response = client.post(url("question_import", course, quiz), {"file": upload})
    page = response.content.decode()
    assert "Imported 3 questions: 1 single choice, 1 numeric, 1 true/false." in page
    assert [q.kind for q in quiz.questions.order_by("position")] == [
        "single",
        "numeric",
        "true_false",
    ]
    assert quiz.questions.get(name="Modes").answers.get().value == Decimal(4)


def test_gift_with_errors_imports_nothing_and_lists_each_line(client, trainer, course, quiz):
    client.force_login(trainer)
    broken = (
        GIFT + "\n::Weights:: Pick {~%150%too much ~%-50%wrong}\n\n::Open:: Never closed {=a ~b\n"
    )
    response = client.post(url("question_import", course, quiz), {"text": broken})
    page = response.content.decode()
    assert "Nothing was imported: the file has" in page
    assert "<td>9</td><td>Weights</td>" in page
    assert not Question.objects.exists()
    response = client.post(
        url("question_import", course, quiz), {"text": broken, "skip_invalid": "on"}
    )
    assert "Imported 3 questions" in response.content.decode()
    assert quiz.questions.count() == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01binary", "This is neither a GIFT file (plain text) nor a Moodle XML file."),
        ("é".encode("latin-1") * 3, "not UTF-8"),
        (b"", "The submitted file is empty"),
    ],
)
def test_gift_upload_bad_files_are_refused_with_the_reason(
    client, trainer, course, quiz, content, message
):
    client.force_login(trainer)
    upload = SimpleUploadedFile("q.gift", content, content_type="text/plain")
    response = client.post(url("question_import", course, quiz), {"file": upload})
    assert message in response.content.decode()
    assert not Question.objects.exists()


def test_export_then_import_gives_the_same_questions(
    client, trainer, course, quiz, questions, module
):
    client.force_login(trainer)
    response = client.get(url("gift_export", course, quiz))
    assert response["Content-Disposition"] == 'attachment; filename="module-1-check.gift.txt"'
    copy = services.create_quiz(module=module, title="Copy")
    report = services.import_gift(quiz=copy, text=response.content.decode())
    assert report.errors == []

    def shape(q):
        return (
            q.kind,
            q.name,
            q.text,
            q.text_format,
            q.general_feedback,
            q.points,
            q.case_sensitive,
            [
                (a.text, a.match, a.fraction, a.feedback, a.value, a.tolerance, a.low, a.high)
                for a in q.answers.all()
            ],
        )

    original = [shape(q) for q in quiz.questions.order_by("position")]
    assert [shape(q) for q in copy.questions.order_by("position")] == original


def test_import_and_export_commands(tmp_path, quiz, capsys):
    source = tmp_path / "in.gift"
    source.write_text(GIFT, encoding="utf-8")
    call_command("import_gift", str(quiz.pk), str(source), "--json")
    out = json.loads(capsys.readouterr().out)
    assert out == {
        "imported": 3,
        "by_type": {"single": 1, "numeric": 1, "true_false": 1},
        "errors": [],
        "warnings": [],
    }
    target = tmp_path / "out.gift"
    call_command("export_gift", str(quiz.pk), str(target))
    assert "::TIP::" in target.read_text(encoding="utf-8")


def test_import_command_with_errors_imports_nothing_and_fails(tmp_path, quiz, capsys):
    source = tmp_path / "bad.gift"
    source.write_text("::A:: {=x ~y\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Nothing imported: 1 error"):
        call_command("import_gift", str(quiz.pk), str(source), "--json")
    out = json.loads(capsys.readouterr().out)
    assert out["imported"] == 0 and out["errors"][0]["line"] == 1
    assert not Question.objects.exists()
    with pytest.raises(CommandError, match="no quiz with id 999999"):
        call_command("import_gift", "999999", str(source))


def test_item_analysis_waits_for_enough_attempts_then_shows_exact_figures(
    client, trainer, course, cohort, quiz
):
    easy = QuestionFactory(
        quiz=quiz, kind="single", answers=[A("right", Decimal(100)), A("wrong")], name="Easy"
    )
    hard = QuestionFactory(
        quiz=quiz, kind="single", answers=[A("right", Decimal(100)), A("wrong")], name="Hard"
    )
    picks = [(1, 1), (1, 1), (1, 0), (1, 0), (0, 0)]  # (easy right?, hard right?) per trainee
    client.force_login(trainer)
    for n, (easy_right, hard_right) in enumerate(picks):
        enrollment = Enrollment.objects.create(
            user=UserFactory(),
            cohort=cohort,
            status=EnrollmentStatus.ACTIVE,
            enrolled_at=timezone.now(),
        )
        attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
        pick = {}
        for question, right in ((easy, easy_right), (hard, hard_right)):
            pick[question] = {"choice": question.answers.get(text="right" if right else "wrong").pk}
        services.save_responses(attempt=attempt, answers=pick)
        services.submit_attempt(attempt=attempt)
        if n == 3:
            page = client.get(url("analysis", course, quiz)).content.decode()
            assert "Figures show once at least 5 trainees have submitted" in page
            assert "Based on 4 counted attempts, one per trainee (" in page
    analysis = analyse(quiz)
    easy_stats, hard_stats = analysis.items
    assert analysis.attempt_count == 5
    assert easy_stats.facility == 0.8 and hard_stats.facility == 0.4
    # Easy vs the rest (= hard): x = 1,1,1,1,0; y = 1,1,0,0,0 → r = 0.4082…
    assert round(easy_stats.discrimination, 4) == 0.4082
    assert round(hard_stats.discrimination, 4) == 0.4082
    assert [(c.label, c.count, c.percent, c.correct) for c in easy_stats.choices] == [
        ("right", 4, 80, True),
        ("wrong", 1, 20, False),
    ]
    page = client.get(url("analysis", course, quiz)).content.decode()
    # Figures as people read them: a whole percentage, a correlation to two places, counts.
    assert (
        "<td>Single choice</td>\n              <td>5 / 5</td>\n              <td>80%</td>\n" in page
    )
    assert "<td>40%</td>\n              <td>0.41</td>" in page
    assert "right: 4 (80%)" in page


def test_a_duplicated_course_keeps_its_quizzes_without_attempts(
    trainer, course, quiz, questions, enrollment
):
    from modules.services import duplicate_course

    services.update_quiz(quiz=quiz, time_limit_minutes=20, feedback_timing="never")
    services.submit_attempt(attempt=services.start_attempt(enrollment=enrollment, quiz=quiz))
    copy = duplicate_course(course=course, author=trainer, title="DBT v2", slug="dbt-v2")
    copied = Quiz.objects.get(module__course=copy)
    assert copied.pk != quiz.pk
    assert (copied.title, copied.time_limit_minutes, copied.feedback_timing) == (
        "Module 1 check",
        20,
        "never",
    )

    def shape(q):
        return (
            q.kind,
            q.text,
            q.text_html,
            q.points,
            q.case_sensitive,
            [
                (a.position, a.text, a.match, a.fraction, a.feedback, a.value, a.low, a.high)
                for a in q.answers.all()
            ],
        )

    assert [shape(q) for q in copied.questions.order_by("position")] == [
        shape(q) for q in quiz.questions.order_by("position")
    ]
    assert not copied.attempts.exists()
    assert quiz.questions.count() == 9 and quiz.attempts.count() == 1  # the original untouched


@pytest.mark.parametrize("count", [2, 20])
def test_item_analysis_queries_do_not_grow_with_questions(
    cohort, quiz, count, django_assert_max_num_queries
):
    made = [
        QuestionFactory(quiz=quiz, kind="single", answers=[A("right", Decimal(100)), A("wrong")])
        for _ in range(count)
    ]
    for _ in range(5):
        enrollment = Enrollment.objects.create(
            user=UserFactory(),
            cohort=cohort,
            status=EnrollmentStatus.ACTIVE,
            enrolled_at=timezone.now(),
        )
        attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
        services.save_responses(
            attempt=attempt, answers={q: {"choice": q.answers.first().pk} for q in made}
        )
        services.submit_attempt(attempt=attempt)
    # Attempts, questions, their answers, the counted attempts' responses.
    with django_assert_max_num_queries(4):
        analysis = analyse(quiz)
    assert [item.facility for item in analysis.items] == [1.0] * count


def test_item_analysis_counts_typed_numbers_by_their_value(quiz):
    from assessments.quizzes import analysis

    question = QuestionFactory(
        quiz=quiz,
        kind="numeric",
        answers=[A(value=Decimal(1991), tolerance=Decimal(0), fraction=Decimal(100))],
    )
    picks = [{"text": t} for t in ("1991", "1991.00000000", " 1 991 ", "1990,5", "soon")]

    counts = analysis._choice_counts(question, picks)

    assert [(c.label, c.count, c.percent, c.correct) for c in counts] == [
        ("1991", 3, 60, True),
        ("1990.5", 1, 20, False),
        ("soon", 1, 20, False),
    ]


def test_item_analysis_figures_read_as_people_write_them(quiz):
    from assessments.quizzes.analysis import ItemStats

    low = ItemStats(1, question=None, answered=7, facility=0.7349, discrimination=-0.1234)
    unknown = ItemStats(2, question=None)

    assert (low.facility_text, low.discrimination_text, low.low_discrimination) == (
        "73%",
        "-0.12",
        True,
    )
    assert (unknown.facility_text, unknown.discrimination_text) == ("—", "—")
    assert unknown.low_discrimination is False


def page_fields(html: str) -> dict:
    """The inputs a question form renders, with their values: what a browser posts untouched."""
    fields = {}
    for tag in re.findall(r"<input[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        kind = re.search(r'type="([^"]+)"', tag)
        if name and (not kind or kind.group(1) not in ("checkbox", "submit")):
            fields[name.group(1)] = value.group(1) if value else ""
    return fields


@pytest.mark.parametrize(
    ("kind", "rows"),
    [
        ("essay", {}),
        (
            "likert",
            {f"answers-{n}-text": label for n, label in enumerate(["Never", "Sometimes", "Often"])},
        ),
    ],
)
def test_essay_and_likert_questions_are_created_with_the_fields_the_page_renders(
    client, trainer, course, quiz, kind, rows
):
    client.force_login(trainer)
    html = client.get(url("question_create", course, quiz, kind)).content.decode()
    data = page_fields(html)
    assert "answers-TOTAL_FORMS" in data
    assert ('name="points"' in html) == (kind == "essay")  # Likert is never scored
    data.update(
        {"text": "How often do you validate before problem solving?", "text_format": "markdown"}
    )
    data.update(rows)
    if kind == "likert":  # the page offers five rows; the last two are left empty
        data.update({"answers-3-text": "", "answers-4-text": ""})

    response = client.post(url("question_create", course, quiz, kind), data)

    assert response.status_code == HTTPStatus.FOUND
    question = quiz.questions.get(kind=kind)
    assert question.points == Decimal(1)
    assert [a.text for a in question.answers.all()] == (
        ["Never", "Sometimes", "Often"] if kind == "likert" else []
    )


def test_the_editor_shows_numbers_as_people_write_them(client, trainer, course, quiz):
    """The trial saw "1E+2" in the Weight box and "0E-8" as a tolerance."""
    question = QuestionFactory(
        quiz=quiz,
        kind="numeric",
        answers=[
            A(fraction=Decimal("100.00"), value=Decimal("1.00000000"), tolerance=Decimal("0E-8")),
            A(fraction=Decimal("50.00"), low=Decimal("2.50000000"), high=Decimal("4.00000000")),
        ],
    )
    client.force_login(trainer)

    page = client.get(url("question_edit", course, quiz, question.pk)).content.decode()

    def shown(field: str, row: int) -> str:
        found = re.search(rf'name="answers-{row}-{field}"[^>]*value="([^"]*)"', page) or re.search(
            rf'value="([^"]*)"[^>]*name="answers-{row}-{field}"', page
        )
        return found.group(1) if found else ""

    assert [shown("fraction", 0), shown("value", 0), shown("tolerance", 0)] == ["100", "1", "0"]
    assert [shown("fraction", 1), shown("low", 1), shown("high", 1)] == ["50", "2.5", "4"]
