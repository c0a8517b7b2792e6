"""Short answers accept what a person would reasonably type (issue 22, item 3): listed variants,
case, spaces and surrounding punctuation ignored, a misspelling tolerance per question, and all of
it through the authoring page, GIFT, Moodle XML and the course package."""

import io
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from html import unescape
from http import HTTPStatus

import pytest
from django.urls import reverse

from assessments.models import Question
from assessments.quizzes import gift, moodle_xml, services
from assessments.quizzes.display import QuestionView
from assessments.quizzes.interchange import AnswerData, QuestionData
from assessments.quizzes.rules import answer_problems
from assessments.quizzes.scoring import accepted_answer, edit_distance, fraction_of
from assessments.quizzes.services import AnswerData as A
from modules.transfer import export_course_zip, import_course_zip
from tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db

FULL = Decimal(100)


def short(quiz, answers, **fields) -> Question:
    return QuestionFactory(quiz=quiz, kind="short", answers=answers, **fields)


def score(question, text: str) -> Decimal:
    return fraction_of(question, list(question.answers.all()), {"text": text})


# --- scoring ------------------------------------------------------------------------------------


def test_listed_spellings_count_whatever_the_case_spaces_and_surrounding_punctuation(quiz):
    q = short(quiz, [A(text="wilfulness", variants="willfulness", fraction=FULL)])

    typed = ["wilfulness", "Willfulness.", "  willfulness  ", "“Wilfulness”", "WILFULNESS!?"]
    assert [score(q, text) for text in typed] == [Decimal(1)] * 5
    assert [score(q, text) for text in ("wilful", "wilfullness", "", "...")] == [Decimal(0)] * 4


def test_a_synonym_listed_as_a_variant_scores_its_answer_weight(quiz):
    q = short(
        quiz,
        [
            A(text="Emotion mind", variants="emotional mind\nhot mind", fraction=FULL),
            A(text="stubbornness", variants="obstinacy", fraction=Decimal(50)),
        ],
    )

    assert score(q, "Emotional mind") == Decimal(1)
    assert score(q, "hot  mind.") == Decimal(1)
    assert score(q, "Obstinacy") == Decimal("0.5")
    assert score(q, "reasonable mind") == Decimal(0)


def test_inner_punctuation_stays_and_a_dash_counts_as_a_space(quiz):
    q = short(quiz, [A(text="DEAR MAN", fraction=FULL), A(text="don't", fraction=Decimal(50))])

    assert score(q, "dear-man") == Decimal(1)
    assert score(q, "Dear – man") == Decimal(1)  # an en dash with spaces round it
    assert score(q, "dearman") == Decimal(0)
    assert score(q, "don't") == Decimal("0.5")
    assert score(q, "dont") == Decimal(0)


def test_the_edit_distance_counts_swaps_as_one_and_stops_past_its_limit():
    assert edit_distance("wilfullness", "wilfulness", limit=2) == 1  # one letter extra
    assert edit_distance("wilfullness", "willfulness", limit=2) == 2  # one missing, one extra
    assert edit_distance("wilfulnses", "wilfulness", limit=2) == 1  # two neighbours swapped
    assert edit_distance("wlfulnes", "wilfulness", limit=2) == 2
    assert edit_distance("wlfulnes", "wilfulness", limit=1) == 2  # over the limit: limit + 1
    assert edit_distance("validation", "invalidation", limit=1) == 2
    assert edit_distance("", "wise", limit=4) == 4


def test_a_tolerance_of_one_accepts_one_misspelt_letter_and_refuses_two(quiz):
    q = short(quiz, [A(text="willfulness", variants="wilfulness", fraction=FULL)], typo_tolerance=1)

    assert q.typo_tolerance == 1
    assert score(q, "wilfullness") == Decimal(1)  # 1 from "wilfulness", 2 from "willfulness"
    assert score(q, "wilfulnes.") == Decimal(1)
    assert score(q, "Wilfulnses") == Decimal(1)
    assert score(q, "wlfulnes") == Decimal(0)  # two letters missing

    q.typo_tolerance = 2
    assert score(q, "wlfulnes") == Decimal(1)
    assert score(q, "wlfulne") == Decimal(0)


def test_no_tolerance_for_answers_or_typed_text_under_four_characters(quiz):
    tip = short(quiz, [A(text="TIP", fraction=FULL)], typo_tolerance=2)
    tipp = short(quiz, [A(text="TIPP", variants="TIPP skills", fraction=FULL)], typo_tolerance=1)

    assert [score(tip, text) for text in ("tip.", "TIPP", "TOP", "TI")] == [
        Decimal(1),
        Decimal(0),
        Decimal(0),
        Decimal(0),
    ]
    assert [score(tipp, text) for text in ("TIP", "TIPS", "TIPP skill")] == [
        Decimal(0),
        Decimal(1),
        Decimal(1),
    ]


def test_case_sensitive_still_tells_case_apart(quiz):
    q = short(
        quiz,
        [A(text="Wise Mind", variants="WISE MIND", fraction=FULL)],
        case_sensitive=True,
    )

    assert score(q, "Wise Mind.") == Decimal(1)
    assert score(q, "WISE  MIND") == Decimal(1)
    assert score(q, "wise mind") == Decimal(0)
    assert score(q, "Wise mind") == Decimal(0)


def test_moodle_wildcards_still_match_and_take_no_tolerance(quiz):
    q = short(
        quiz,
        [A(text="*wise mind*", fraction=FULL), A(text="*", fraction=Decimal(0), feedback="No.")],
        typo_tolerance=2,
    )
    answers = list(q.answers.all())

    assert score(q, "It is Wise-Mind.") == Decimal(1)
    assert score(q, "wise mind") == Decimal(1)
    assert score(q, "wsie mind") == Decimal(0)
    # The catch-all matches too, but the best weight wins; it keeps its feedback for the rest.
    assert accepted_answer(q, answers, {"text": "emotion mind"}) == answers[1]
    assert accepted_answer(q, answers, {"text": "wise mind"}) == answers[0]
    assert accepted_answer(q, answers, {"text": "  "}) is None


def test_an_escaped_star_is_a_star(quiz):
    q = short(quiz, [A(text=r"5\*3", fraction=FULL)])

    assert score(q, "5*3") == Decimal(1)
    assert score(q, "573") == Decimal(0)


# --- rules and saving ---------------------------------------------------------------------------


def test_only_short_answers_have_variants_and_a_tolerance(quiz):
    answers = [A(text="TIP", variants="TIPP", fraction=FULL), A(text="DEAR MAN")]

    assert answer_problems("single", answers) == ["Only short answers have other spellings."]
    assert answer_problems("short", [A(text="TIP", variants="TIPP", fraction=FULL)]) == []

    single = QuestionFactory(
        quiz=quiz,
        kind="single",
        answers=[A(text="TIP", fraction=FULL), A(text="DEAR MAN")],
        typo_tolerance=2,
    )
    single.refresh_from_db()
    assert single.typo_tolerance == 0


def test_a_tolerance_over_two_is_refused_and_nothing_is_saved(quiz):
    with pytest.raises(services.ValidationError) as caught:
        short(quiz, [A(text="wilfulness", fraction=FULL)], typo_tolerance=3)

    assert caught.value.message_dict == {
        "typo_tolerance": ["Ensure this value is less than or equal to 2."]
    }
    assert not Question.objects.exists()


# --- the review and the answer key ---------------------------------------------------------------


def test_the_right_answer_lists_the_variants(quiz):
    q = short(
        quiz,
        [
            A(text="wilfulness", variants="willfulness\n\n  wilful <behaviour> ", fraction=FULL),
            A(text="TIP", fraction=FULL, feedback="Also right."),
        ],
    )
    view = QuestionView(1, q, list(q.answers.all()))

    assert [str(line) for line in view.right_answer] == [
        "wilfulness (also: willfulness, wilful &lt;behaviour&gt;)",
        "TIP",
    ]


# --- the authoring page -------------------------------------------------------------------------


def rendered_fields(html: str) -> dict:
    """What a browser posts untouched: inputs, textareas and each select's chosen option."""
    fields = {}
    for tag in re.findall(r"<input[^>]*>", html):
        name, value = re.search(r'name="([^"]+)"', tag), re.search(r'value="([^"]*)"', tag)
        kind = re.search(r'type="([^"]+)"', tag)
        if name and (not kind or kind.group(1) not in ("checkbox", "submit")):
            fields[name.group(1)] = unescape(value.group(1)) if value else ""
    for name, body in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S):
        fields[name] = unescape(body.removeprefix("\n"))
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        options = re.findall(r'<option value="([^"]*)"([^>]*)>', body)
        chosen = [value for value, rest in options if "selected" in rest] or [options[0][0]]
        fields[name] = unescape(chosen[0])
    return fields


def page(kind: str, course, quiz) -> str:
    return reverse("quiz_authoring:question_create", args=[course.slug, quiz.pk, kind])


def test_the_short_answer_form_is_saved_with_the_fields_it_renders(client, trainer, course, quiz):
    client.force_login(trainer)
    html = client.get(page("short", course, quiz)).content.decode()
    data = rendered_fields(html)

    assert data["typo_tolerance"] == "0"
    assert [name for name in data if name.startswith("answers-0-")] == [
        "answers-0-id",
        "answers-0-fraction",
        "answers-0-text",
        "answers-0-variants",
        "answers-0-feedback",
    ]
    assert "Other spellings" in html and "Misspellings allowed" in html
    data.update(
        {
            "text": "The opposite of willingness?",
            "typo_tolerance": "1",
            "answers-0-text": "wilfulness",
            "answers-0-variants": " willfulness\r\n\r\nwillful behaviour\r\n",
            "answers-0-fraction": "100",
        }
    )

    response = client.post(page("short", course, quiz), data)

    assert response.status_code == HTTPStatus.FOUND
    question = quiz.questions.get()
    assert (question.kind, question.typo_tolerance, question.case_sensitive) == ("short", 1, False)
    assert [(a.text, a.variants, a.fraction) for a in question.answers.all()] == [
        ("wilfulness", "willfulness\nwillful behaviour", FULL)
    ]
    edit = reverse("quiz_authoring:question_edit", args=[course.slug, quiz.pk, question.pk])
    again = rendered_fields(client.get(edit).content.decode())
    assert (again["typo_tolerance"], again["answers-0-variants"]) == (
        "1",
        "willfulness\nwillful behaviour",
    )


def test_other_kinds_show_neither_variants_nor_a_tolerance(client, trainer, course, quiz):
    client.force_login(trainer)
    html = client.get(page("single", course, quiz)).content.decode()
    data = rendered_fields(html)

    assert "typo_tolerance" not in data
    assert "answers-0-variants" not in html
    data.update(
        {
            "text": "Which skill changes body chemistry fast?",
            "answers-0-text": "TIP",
            "answers-0-fraction": "100",
            "answers-1-text": "DEAR MAN",
            "answers-1-fraction": "0",
        }
    )

    response = client.post(page("single", course, quiz), data)

    assert response.status_code == HTTPStatus.FOUND
    question = quiz.questions.get()
    assert question.typo_tolerance == 0
    assert [(a.text, a.variants) for a in question.answers.all()] == [("TIP", ""), ("DEAR MAN", "")]


def test_variants_without_their_answer_are_a_form_error_and_save_nothing(
    client, trainer, course, quiz
):
    client.force_login(trainer)
    data = rendered_fields(client.get(page("short", course, quiz)).content.decode())
    data.update({"text": "The opposite of willingness?", "answers-0-variants": "willfulness"})

    response = client.post(page("short", course, quiz), data)

    assert response.status_code == HTTPStatus.OK
    assert "Every accepted answer needs its text." in response.content.decode()
    assert not Question.objects.exists()


# --- GIFT, Moodle XML and the course package ----------------------------------------------------


def wilfulness(**fields) -> QuestionData:
    return QuestionData(
        kind="short",
        name="Opposite",
        text="The opposite of willingness?",
        answers=[
            AnswerData(text="wilfulness", variants="willfulness\nwillful", fraction=FULL),
            AnswerData(text="TIP", fraction=FULL),
            AnswerData(
                text="stubbornness",
                variants="obstinacy",
                fraction=Decimal(50),
                feedback="Close.",
            ),
        ],
        typo_tolerance=1,
        **fields,
    )


def test_gift_writes_variants_as_answers_moodle_accepts_and_reads_them_back():
    question = wilfulness()

    text = gift.dump([question])

    assert text == (
        "// dbt: typo_tolerance=1 variants=2,0,1\n"
        "::Opposite::The opposite of willingness? {\n"
        "\t=wilfulness\n"
        "\t=willfulness\n"
        "\t=willful\n"
        "\t=TIP\n"
        "\t=%50%stubbornness#Close.\n"
        "\t=%50%obstinacy#Close.\n"
        "}\n"
    )
    result = gift.parse(text)
    assert (result.errors, result.questions) == ([], [question])
    assert gift.dump(result.questions) == text


def test_gift_without_variants_writes_no_count():
    question = wilfulness()
    for answer in question.answers:
        answer.variants = ""

    text = gift.dump([question])

    assert text.startswith("// dbt: typo_tolerance=1\n::Opposite::")
    assert gift.parse(text).questions == [question]


@pytest.mark.parametrize(
    ("comment", "reason"),
    [
        ("typo_tolerance=3", "typo_tolerance=3 is not 0 to 2 letters."),
        (
            "variants=1,3",
            "variants=1,3 counts 2 answers and 4 variants after them, but the question has 3 "
            "answers.",
        ),
        (
            "variants=one",
            "variants=one is not a list of counts: write how many variants follow each answer, "
            "as in variants=1,0,2.",
        ),
    ],
)
def test_gift_refuses_a_dbt_comment_that_does_not_fit(comment, reason):
    result = gift.parse(f"// dbt: {comment}\nOpposite? {{=wilfulness =willfulness =TIP}}\n")

    assert result.questions == []
    assert [(e.line, e.reason) for e in result.errors] == [(1, reason)]


def test_gift_variants_only_for_short_answers():
    result = gift.parse("// dbt: variants=1\nWhich? {=TIP ~DEAR MAN ~GIVE}\n")

    assert [(e.line, e.reason) for e in result.errors] == [
        (1, "variants= is for short answers only.")
    ]


def test_moodle_xml_writes_variants_as_answers_with_tags_and_reads_them_back():
    question = wilfulness()

    data = moodle_xml.dump([question])

    element = ET.fromstring(data).find("question[@type='shortanswer']")
    assert [(a.get("fraction"), a.findtext("text")) for a in element.iter("answer")] == [
        ("100", "wilfulness"),
        ("100", "willfulness"),
        ("100", "willful"),
        ("100", "TIP"),
        ("50", "stubbornness"),
        ("50", "obstinacy"),
    ]
    assert [a.findtext("feedback/text") for a in element.iter("answer")][4:] == ["Close."] * 2
    assert [tag.findtext("text") for tag in element.iter("tag")] == [
        "dbt-typo-tolerance-1",
        "dbt-variants-2-0-1",
    ]
    result = moodle_xml.parse(data)
    assert (result.errors, result.questions) == ([], [question])
    assert moodle_xml.dump(result.questions) == data


def test_moodle_xml_refuses_a_variants_tag_that_does_not_fit():
    data = moodle_xml.dump([wilfulness()]).replace(b"dbt-variants-2-0-1", b"dbt-variants-2-0-9")

    result = moodle_xml.parse(data)

    assert result.questions == []
    assert [e.reason for e in result.errors] == [
        "The tag “dbt-variants-2-0-9” counts 3 answers and 11 variants after them, but the "
        "question has 6 answers."
    ]


def test_imports_save_variants_and_tolerance(quiz):
    text = gift.dump([wilfulness()])
    xml = moodle_xml.dump([wilfulness()])

    services.import_gift(text=text, quiz=quiz)
    services.import_moodle_xml(data=xml, quiz=quiz)

    for question in quiz.questions.all():
        assert question.typo_tolerance == 1
        assert [(a.text, a.variants, a.fraction) for a in question.answers.all()] == [
            ("wilfulness", "willfulness\nwillful", FULL),
            ("TIP", "", FULL),
            ("stubbornness", "obstinacy", Decimal(50)),
        ]
    assert quiz.questions.count() == 2


def test_the_course_package_carries_variants_and_tolerance(course, quiz, trainer):
    # Needs docs/course-package.schema.json to list answer.variants and question.typo_tolerance.
    short(
        quiz,
        [A(text="wilfulness", variants="willfulness", fraction=FULL)],
        typo_tolerance=2,
        case_sensitive=True,
    )
    archive = io.BytesIO()
    export_course_zip(course, archive)
    archive.seek(0)

    copy = import_course_zip(archive, author=trainer, slug="copy")

    question = Question.objects.get(quiz__module__course=copy)
    assert (question.typo_tolerance, question.case_sensitive) == (2, True)
    assert [(a.text, a.variants) for a in question.answers.all()] == [("wilfulness", "willfulness")]


def test_item_analysis_counts_answers_that_score_alike_together(quiz):
    from assessments.quizzes.analysis import _choice_counts

    question = services.save_question(
        quiz=quiz,
        kind="short",
        text="Doing what is needed, even when you wish it were otherwise?",
        answers=[A(text="Willingness", fraction=Decimal(100))],
    )
    picks = [{"text": t} for t in ("willingness", "Willingness.", " willingness ", "Wilfulness")]

    counts = _choice_counts(question, picks)

    assert [(c.label, c.count, c.percent, c.correct) for c in counts] == [
        ("willingness", 3, 75, True),
        ("Wilfulness", 1, 25, False),
    ]
