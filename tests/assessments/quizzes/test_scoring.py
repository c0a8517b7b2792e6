from decimal import Decimal

import pytest

from assessments.quizzes.scoring import fraction_of, parse_number
from assessments.quizzes.services import AnswerData as A
from tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db


def score(question, answer):
    return fraction_of(question, list(question.answers.all()), answer)


def ids(question):
    return {a.text or a.match: a.pk for a in question.answers.all()}


def test_single_choice_scores_the_chosen_weight(questions):
    q = questions["single"]
    assert score(q, {"choice": ids(q)["TIP skills"]}) == Decimal(1)
    assert score(q, {"choice": ids(q)["DEAR MAN"]}) == Decimal(0)
    assert score(q, {"choice": None}) == Decimal(0)
    assert score(q, {}) == Decimal(0)


def test_single_choice_partial_and_negative_weights_floor_at_zero(quiz):
    q = QuestionFactory(
        quiz=quiz,
        kind="single",
        answers=[A("a", Decimal(100)), A("b", Decimal(50)), A("c", Decimal(-50))],
    )
    assert score(q, {"choice": ids(q)["b"]}) == Decimal("0.5")
    assert score(q, {"choice": ids(q)["c"]}) == Decimal(0)


def test_multiple_answer_partial_credit_and_negative_weights(questions):
    q, i = questions["multiple"], ids(questions["multiple"])
    assert score(q, {"choices": [i["Observe"], i["Describe"]]}) == Decimal(1)
    assert score(q, {"choices": [i["Observe"]]}) == Decimal("0.5")
    assert score(q, {"choices": [i["Observe"], i["Radical acceptance"]]}) == Decimal("0.5")
    # 50% - 100% is below zero: floored at 0, as Moodle does.
    assert score(q, {"choices": [i["Observe"], i["Opposite action"]]}) == Decimal(0)
    # Ticking everything earns 50 + 50 - 100 + 0 = 0.
    assert score(q, {"choices": list(i.values())}) == Decimal(0)
    assert score(q, {"choices": []}) == Decimal(0)


def test_true_false(questions):
    q, i = questions["true_false"], ids(questions["true_false"])
    assert score(q, {"choice": i["True"]}) == Decimal(1)
    assert score(q, {"choice": i["False"]}) == Decimal(0)


def test_matching_scores_the_share_of_items_matched(questions):
    q = questions["matching"]
    rows = {a.text: a for a in q.answers.all()}
    distractor = next(a for a in q.answers.all() if not a.text)
    right = {str(rows[t].pk): rows[t].pk for t in ("TIPP", "DEAR MAN", "Wise mind")}
    assert score(q, {"pairs": right}) == Decimal(1)
    two_right = dict(right, **{str(rows["Wise mind"].pk): distractor.pk})
    assert score(q, {"pairs": two_right}) == Decimal(2) / Decimal(3)
    assert score(q, {"pairs": {}}) == Decimal(0)


def test_matching_compares_right_hand_text_so_shared_answers_both_count(quiz):
    q = QuestionFactory(
        quiz=quiz,
        kind="matching",
        answers=[A("Observe", match="What skill"), A("Describe", match="What skill")],
    )
    observe, describe = q.answers.all()
    # The page lists "What skill" once (the first row); picking it is right for both items.
    assert score(q, {"pairs": {str(observe.pk): observe.pk, str(describe.pk): observe.pk}}) == 1


def test_ordering_scores_items_in_their_place(questions):
    q = questions["ordering"]
    items = list(q.answers.all())
    right = {str(a.pk): n for n, a in enumerate(items, start=1)}
    assert score(q, {"positions": right}) == Decimal(1)
    swapped = dict(right, **{str(items[0].pk): 2, str(items[1].pk): 1})
    assert score(q, {"positions": swapped}) == Decimal("0.5")
    assert score(q, {"positions": {str(items[3].pk): 4}}) == Decimal("0.25")


def test_short_answer_trims_spaces_and_ignores_case_unless_told(questions, quiz):
    q = questions["short"]
    assert score(q, {"text": "  Wise   Mind "}) == Decimal(1)
    assert score(q, {"text": "WISEMIND"}) == Decimal("0.5")
    assert score(q, {"text": "emotion mind"}) == Decimal(0)
    assert score(q, {"text": ""}) == Decimal(0)
    strict = QuestionFactory(
        quiz=quiz, kind="short", answers=[A("DEAR MAN", Decimal(100))], case_sensitive=True
    )
    assert strict.case_sensitive is True
    assert score(strict, {"text": "DEAR MAN"}) == Decimal(1)
    assert score(strict, {"text": "dear man"}) == Decimal(0)


def test_numeric_tolerance_ranges_and_partial_credit(questions, quiz):
    q = questions["numeric"]
    assert score(q, {"text": "4"}) == Decimal(1)
    assert score(q, {"text": "4.0"}) == Decimal(1)
    # Bounds of a range are inclusive; the best weight wins.
    assert score(q, {"text": "3"}) == Decimal("0.5")
    assert score(q, {"text": "5"}) == Decimal("0.5")
    assert score(q, {"text": "5.01"}) == Decimal(0)
    assert score(q, {"text": "four"}) == Decimal(0)
    assert score(q, {"text": ""}) == Decimal(0)
    tolerant = QuestionFactory(
        quiz=quiz,
        kind="numeric",
        answers=[A(value=Decimal("2.5"), tolerance=Decimal("0.1"), fraction=Decimal(100))],
    )
    assert score(tolerant, {"text": "2,6"}) == Decimal(1)
    assert score(tolerant, {"text": "2.61"}) == Decimal(0)
    assert score(tolerant, {"text": "2.4"}) == Decimal(1)


def test_essay_and_likert_are_not_scored_here(questions):
    assert score(questions["essay"], {"text": "A chain analysis starts with…"}) is None
    likert = questions["likert"]
    assert score(likert, {"choice": likert.answers.first().pk}) is None


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("12.5", Decimal("12.5")),
        ("12,5", Decimal("12.5")),
        ("-3", Decimal(-3)),
        (" 1e3 ", Decimal(1000)),
        ("1,000.5", None),
        ("NaN", None),
        ("inf", None),
        ("", None),
        ("12.5.1", None),
    ],
)
def test_parse_number(typed, number):
    assert parse_number(typed) == number
