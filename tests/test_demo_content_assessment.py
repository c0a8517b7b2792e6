"""The demo course's post-test, evaluation, assignments and CE approvals are well-formed data."""

import datetime
from collections import Counter

import pytest

from assessments.quizzes.bank import category_for_path
from assessments.quizzes.gift import parse
from assessments.quizzes.services import create_quiz, import_gift
from assessments.taxonomy import WorksheetKind
from dbt_training.demo_content import assessment
from dbt_training.demo_content.checks import gift_problems
from tests.factories import ModuleFactory

STAGE_1 = [
    "Life-threatening behaviors",
    "Therapy-interfering behaviors",
    "Quality-of-life-interfering behaviors",
    "Increasing behavioral skills",
]


def test_post_test_and_evaluation_parse_with_right_answers():
    assert gift_problems("post-test", assessment.post_test_gift(), minimum=150) == []
    assert gift_problems("evaluation", assessment.EVALUATION["gift"], minimum=3) == []
    assert assessment.POST_TEST["pass_mark"] == 80


def test_post_test_mixes_kinds_and_orders_the_stage_1_targets():
    questions = parse(assessment.post_test_gift()).questions
    kinds = Counter(q.kind for q in questions)

    # Mostly single choice on a case, some multiple answers, orderings and matchings.
    assert kinds["single"] > len(questions) / 2
    assert kinds["multiple"] and kinds["ordering"]
    hierarchies = [
        q for q in questions if q.kind == "ordering" and {a.text for a in q.answers} == set(STAGE_1)
    ]
    assert hierarchies
    assert all([a.text for a in q.answers] == STAGE_1 for q in hierarchies)
    assert all(q.name for q in questions)
    # Each module's items sit in its own category under "Post-test".
    categories = [q.category for q in questions]
    assert categories[0] == "Post-test/01 Foundations of DBT"
    assert len(set(categories)) == 15


def test_evaluation_is_likert_statements_and_two_essays():
    kinds = [q.kind for q in parse(assessment.EVALUATION["gift"]).questions]

    assert 5 <= kinds.count("likert") <= 8
    assert kinds.count("essay") == 2
    # The objectives are rated one by one (items the demo adds per objective), not as one item.
    names = [q.name for q in parse(assessment.EVALUATION["gift"]).questions]
    assert "Objectives met" not in names


@pytest.mark.parametrize("item", assessment.ASSIGNMENTS, ids=lambda a: a["worksheet"])
def test_assignments_have_valid_worksheets_and_rubrics(item):
    assert item["worksheet"] in WorksheetKind.values
    assert 1 <= item["module"] <= 15
    assert "de-identified" in item["instructions"]
    criteria = item["rubric"]["criteria"]
    assert 3 <= len(criteria) <= 5
    for criterion in criteria:
        points = [level[1] for level in criterion["levels"]]
        assert len(points) >= 2
        assert points == sorted(set(points))
        assert criterion["comments"]


def test_every_approval_says_it_is_demo_data():
    professions = [a["profession"] for a in assessment.APPROVALS]

    assert len(set(professions)) == len(professions) >= 2
    for approval in assessment.APPROVALS:
        assert "(Demo: this course holds no real CE approval.)" in approval["approval_statement"]
        assert len(approval["approval_statement"]) <= 1500
        assert approval["approval_number"].startswith("DEMO-")
        assert approval["valid_from"] <= datetime.date(2026, 1, 1)
        assert approval["valid_until"] is None  # open-ended: the demo seeds in any year


@pytest.mark.django_db
def test_the_post_test_bank_and_the_evaluation_import_into_the_platform():
    module = ModuleFactory()
    survey = create_quiz(module=module, title="Course evaluation", kind="evaluation")
    report = import_gift(quiz=survey, text=assessment.EVALUATION["gift"])
    assert report.errors == []
    assert survey.questions.count() == len(parse(assessment.EVALUATION["gift"]).questions)

    gift = assessment.post_test_gift()
    report = import_gift(
        category=category_for_path(course=module.course, path="Post-test"), text=gift
    )
    assert report.errors == []
    filed = Counter(q.category.name for q in report.imported)
    assert len(filed) == 15 and sum(filed.values()) == len(parse(gift).questions)
