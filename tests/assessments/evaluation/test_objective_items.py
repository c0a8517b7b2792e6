"""A course evaluation's rating items per learning objective (issue 20, item 4): the service that
adds them (once each), its refusals, the POST that calls it and who may send it, the editor's
section, the report's "Learning objectives" section with exact means, and the items surviving a
course package round trip and a course duplication."""

import csv
import io
import json
import zipfile
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from assessments.evaluation import report as evaluation
from assessments.models import Question
from assessments.quizzes import services
from assessments.quizzes.services import AnswerData as A
from courses.models import Enrollment, EnrollmentStatus
from dbt_training.users.roles import Role
from modules.services import duplicate_course
from modules.transfer import ImportProblems, export_course_zip, import_course_zip
from tests.factories import CourseFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.django_db

OBJECTIVES = [
    "Describe the biosocial theory",
    "- DBT's four modes: name each and its function",
    "",
    "Apply a chain analysis to a written case.",
]
SCALE = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]


@pytest.fixture
def survey(course, module):
    course.learning_objectives = "\n".join(OBJECTIVES)  # a blank line and a list dash too
    course.save(update_fields=["learning_objectives"])
    return services.create_quiz(module=module, title="Course evaluation", kind="evaluation")


@pytest.fixture
def statements(survey) -> dict:
    """A Likert statement on its own scale, then an open question, as a survey starts out."""
    return {
        "likert": QuestionFactory(
            quiz=survey,
            kind="likert",
            name="Clear content",
            text="The lessons were clear.",
            answers=[A(t) for t in SCALE],
        ),
        "essay": QuestionFactory(quiz=survey, kind="essay", text="What would you change?"),
    }


def state(quiz) -> list[tuple]:
    """Every question of the quiz, in order, with what the service sets."""
    return [
        (
            q.position,
            q.kind,
            q.name,
            q.text,
            q.learning_objective,
            [a.text for a in q.answers.all()],
        )
        for q in quiz.questions.order_by("position").prefetch_related("answers")
    ]


def items_url(course, quiz) -> str:
    return reverse("evaluation:objective_items", args=[course.slug, quiz.pk])


def editor_url(course, quiz) -> str:
    return reverse("quiz_authoring:quiz", args=[course.slug, quiz.pk])


# --- the service ----------------------------------------------------------------------------------


def test_adds_one_likert_item_per_objective_after_the_statements_on_their_scale(survey, statements):
    added = services.add_objective_items(quiz=survey)

    assert [q.learning_objective for q in added] == [1, 2, 3]
    assert state(survey) == [
        (1, "likert", "Clear content", "The lessons were clear.", None, SCALE),
        (
            2,
            "likert",
            "Objective 1",
            "This course enabled me to: describe the biosocial theory",
            1,
            SCALE,
        ),
        (
            3,
            "likert",
            "Objective 2",
            "This course enabled me to: DBT's four modes: name each and its function",
            2,
            SCALE,
        ),
        (
            4,
            "likert",
            "Objective 3",
            "This course enabled me to: apply a chain analysis to a written case",
            3,
            SCALE,
        ),
        (5, "essay", "", "What would you change?", None, []),
    ]
    statement = Question.objects.get(quiz=survey, learning_objective=1)
    assert (statement.text_format, statement.points) == ("plain", Decimal("1.00"))
    assert statement.text_html == "<p>This course enabled me to: describe the biosocial theory</p>"
    assert all(a.fraction == 0 for a in statement.answers.all())  # a survey scores nothing


def test_running_it_twice_adds_nothing_the_second_time(survey, statements):
    services.add_objective_items(quiz=survey)
    before = state(survey)

    assert services.add_objective_items(quiz=survey) == []
    assert state(survey) == before
    assert Question.objects.filter(quiz=survey).count() == 5


def test_only_the_missing_objectives_are_added(survey, statements):
    services.add_objective_items(quiz=survey)
    Question.objects.get(quiz=survey, learning_objective=2).delete()
    course = survey.module.course
    course.learning_objectives += "\nIdentify the six levels of validation"
    course.save(update_fields=["learning_objectives"])

    added = services.add_objective_items(quiz=survey)

    assert [(q.learning_objective, q.text) for q in added] == [
        (2, "This course enabled me to: DBT's four modes: name each and its function"),
        (4, "This course enabled me to: identify the six levels of validation"),
    ]
    numbers = [row[4] for row in state(survey)]
    assert numbers == [None, 1, 3, 2, 4, None]  # after the last Likert item, before the essay
    assert [row[0] for row in state(survey)] == [1, 2, 3, 4, 5, 6]


def test_an_evaluation_without_likert_items_gets_the_agree_scale_first(survey):
    essay = QuestionFactory(quiz=survey, kind="essay", text="Anything else?")

    services.add_objective_items(quiz=survey)

    assert [(row[0], row[4], row[5]) for row in state(survey)] == [
        (1, 1, list(services.AGREE_SCALE)),
        (2, 2, list(services.AGREE_SCALE)),
        (3, 3, list(services.AGREE_SCALE)),
        (4, None, []),
    ]
    essay.refresh_from_db()
    assert essay.position == 4


@pytest.mark.parametrize("kind", ["knowledge_check", "pre_test", "post_test"])
def test_refused_for_a_quiz_that_is_not_an_evaluation_and_nothing_changes(course, module, kind):
    course.learning_objectives = "\n".join(OBJECTIVES)
    course.save(update_fields=["learning_objectives"])
    quiz = services.create_quiz(module=module, title="Check", kind=kind)
    QuestionFactory(quiz=quiz, kind="single")
    before = state(quiz)

    with pytest.raises(ValidationError) as refused:
        services.add_objective_items(quiz=quiz)

    assert refused.value.messages == [
        "Only a course evaluation survey asks trainees to rate the learning objectives."
    ]
    assert state(quiz) == before


def test_refused_for_a_course_without_objectives_and_nothing_changes(survey, statements):
    course = survey.module.course
    course.learning_objectives = " \n- \n"
    course.save(update_fields=["learning_objectives"])
    before = state(survey)

    with pytest.raises(ValidationError) as refused:
        services.add_objective_items(quiz=survey)

    assert "The course lists no learning objectives yet" in refused.value.messages[0]
    assert state(survey) == before


@pytest.mark.parametrize(
    ("objective", "statement"),
    [
        ("Describe the biosocial theory.", "describe the biosocial theory"),
        ("DBT skills: name the four modules", "DBT skills: name the four modules"),
        ("PLEASE skills for vulnerability", "PLEASE skills for vulnerability"),
        ("I", "I"),
        ("  identify validation levels  ", "identify validation levels"),
    ],
)
def test_objective_statement_keeps_acronyms(objective, statement):
    assert services.objective_statement(objective) == f"This course enabled me to: {statement}"


# --- the POST and who may send it -----------------------------------------------------------------


def test_visitor_is_sent_to_sign_in_and_nothing_changes(client, survey, statements):
    before = state(survey)

    response = client.post(items_url(survey.module.course, survey))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("account_login"))
    assert state(survey) == before


def test_trainee_wrong_trainer_and_other_author_get_403_and_nothing_changes(
    client, survey, statements, cohort, trainee, other_trainer
):
    course = survey.module.course
    before = state(survey)
    # A trainer who teaches this course's cohort but does not author it may not change it either.
    teaching_only = UserFactory(roles=[Role.TRAINER])
    cohort.trainers.add(teaching_only)
    another_author = UserFactory(roles=[Role.TRAINER])
    CourseFactory(authors=[another_author])
    for user in (trainee, other_trainer, teaching_only, another_author):
        client.force_login(user)
        response = client.post(items_url(course, survey))
        assert response.status_code == HTTPStatus.FORBIDDEN, user
    assert state(survey) == before


def test_another_courses_quiz_is_404_for_an_author(client, trainer, survey, statements):
    mine = CourseFactory(authors=[trainer], learning_objectives="Describe DBT")
    client.force_login(trainer)

    assert client.post(items_url(mine, survey)).status_code == HTTPStatus.NOT_FOUND
    assert client.get(items_url(survey.module.course, survey)).status_code == (
        HTTPStatus.METHOD_NOT_ALLOWED
    )
    assert Question.objects.filter(learning_objective__isnull=False).count() == 0


def test_the_author_adds_the_items_then_the_page_says_nothing_was_missing(
    client, trainer, survey, statements
):
    course = survey.module.course
    client.force_login(trainer)

    response = client.post(items_url(course, survey), follow=True)

    assert response.redirect_chain == [(editor_url(course, survey) + "#objectives-title", 302)]
    page = response.content.decode()
    assert "Added 3 rating items, for learning objectives 1, 2, 3." in page
    assert Question.objects.filter(quiz=survey, learning_objective__isnull=False).count() == 3
    assert "Every learning objective has its rating item." in page
    assert "Add one rating item per learning objective</button>" not in page

    page = client.post(items_url(course, survey), follow=True).content.decode()
    assert "Every learning objective already has its rating item: nothing added." in page
    assert Question.objects.filter(quiz=survey).count() == 5


def test_a_refusal_comes_back_as_a_message_and_changes_nothing(client, trainer, course, module):
    quiz = services.create_quiz(module=module, title="Check", kind="knowledge_check")
    client.force_login(trainer)

    page = client.post(items_url(course, quiz), follow=True).content.decode()

    assert "Only a course evaluation survey asks trainees to rate the learning objectives." in page
    assert not quiz.questions.exists()


def test_the_editor_lists_the_objectives_and_offers_the_button_with_csrf(
    client, trainer, survey, statements
):
    course = survey.module.course
    client.force_login(trainer)

    page = client.get(editor_url(course, survey)).content.decode()

    assert '<h2 id="objectives-title" tabindex="-1">Learning objectives</h2>' in page
    assert page.count("no rating item yet") == 3
    action = f'<form method="post" action="{items_url(course, survey)}"'
    assert action in page
    form = page[page.index(action) :]
    form = form[: form.index("</form>")]
    assert 'name="csrfmiddlewaretoken"' in form
    assert "Running it again adds only the missing ones." in form
    assert "(3 now)" in form


def test_the_editor_of_other_quizzes_and_of_a_course_without_objectives(
    client, trainer, course, module, survey
):
    client.force_login(trainer)
    check = services.create_quiz(module=module, title="Check", kind="knowledge_check")
    assert "objectives-title" not in client.get(editor_url(course, check)).content.decode()
    course.learning_objectives = ""
    course.save(update_fields=["learning_objectives"])
    page = client.get(editor_url(course, survey)).content.decode()
    assert "The course lists no learning objectives yet" in page
    assert reverse("authoring:course_details", args=[course.slug]) in page


# --- the report -----------------------------------------------------------------------------------


def respond(survey, cohort, picks: dict[Question, int]) -> None:
    """One trainee's submitted evaluation, picking the n-th point (1-based) of each item."""
    enrollment = Enrollment.objects.create(
        user=UserFactory(),
        cohort=cohort,
        status=EnrollmentStatus.ACTIVE,
        enrolled_at=timezone.now(),
    )
    attempt = services.start_attempt(enrollment=enrollment, quiz=survey)
    services.save_responses(
        attempt=attempt,
        answers={q: {"choice": list(q.answers.all())[n - 1].pk} for q, n in picks.items()},
    )
    services.submit_attempt(attempt=attempt)


@pytest.fixture
def rated(survey, statements, cohort):
    """Four trainees rate the statement and the three objectives."""
    services.add_objective_items(quiz=survey)
    first, second, third = (
        Question.objects.filter(quiz=survey, learning_objective=n).prefetch_related("answers").get()
        for n in (1, 2, 3)
    )
    likert = statements["likert"]
    for picks in ((5, 4, 2, 3), (4, 4, 1, 4), (4, 5, 2, 5), (3, 5, 1, 5)):
        respond(survey, cohort, dict(zip((likert, first, second, third), picks, strict=True)))
    return survey


def test_report_gathers_the_objective_items_with_exact_means_and_spread(rated):
    found = evaluation.report(rated)

    assert [
        (o.number, o.text, o.summary.number, o.summary.answered, o.summary.mean)
        for o in found.objectives
    ] == [
        (1, "Describe the biosocial theory", 2, 4, Decimal("4.50")),
        (2, "DBT's four modes: name each and its function", 3, 4, Decimal("1.50")),
        (3, "Apply a chain analysis to a written case.", 4, 4, Decimal("4.25")),
    ]
    assert [(p.label, p.count, p.percent) for p in found.objectives[2].summary.points] == [
        ("Strongly disagree", 0, 0),
        ("Disagree", 0, 0),
        ("Neither agree nor disagree", 1, 25),
        ("Agree", 1, 25),
        ("Strongly agree", 2, 50),
    ]
    # The general statement and the open question stay where they were.
    assert [s.number for s in found.other_questions] == [1, 5]
    assert found.other_questions[0].mean == Decimal("4.00")
    assert len(found.questions) == 5  # the export keeps every question, in survey order


def test_report_names_an_objective_the_course_no_longer_lists(rated):
    course = rated.module.course
    course.learning_objectives = "Describe the biosocial theory"
    course.save(update_fields=["learning_objectives"])

    found = evaluation.report(rated)

    assert [(o.number, o.text) for o in found.objectives] == [
        (1, "Describe the biosocial theory"),
        (2, ""),
        (3, ""),
    ]


def test_the_privacy_threshold_withholds_the_objectives_too(survey, statements, cohort):
    services.add_objective_items(quiz=survey)
    item = Question.objects.get(quiz=survey, learning_objective=1)
    for number in (5, 1):
        respond(survey, cohort, {item: number})

    found = evaluation.report(survey)

    assert (found.withheld, found.objectives, found.questions) == (True, [], [])


def test_report_page_shows_the_learning_objectives_section(client, trainer, rated):
    client.force_login(trainer)
    url = reverse("evaluation:report", args=[rated.module.course.slug, rated.pk])

    page = client.get(url).content.decode()

    assert '<h2 id="objectives-title">Learning objectives</h2>' in page
    assert (
        '<tr><th scope="row"><a href="#objective-3-title">2. DBT&#x27;s four modes: name each '
        "and its function</a></th><td>4</td><td>1.50</td></tr>"
    ) in page
    assert '<h3 id="objective-2-title">Objective 1: Describe the biosocial theory</h3>' in page
    assert "Mean: <strong>4.25</strong> on a scale from 1 (Strongly disagree) to 5" in page
    assert '<h3 id="question-1-title">1. Clear content</h3>' in page
    assert page.index("objectives-title") < page.index("question-1-title")
    assert "style=" not in page and "<script>" not in page


def test_the_csv_names_each_objective_item_by_its_objective(client, trainer, rated):
    client.force_login(trainer)
    url = reverse("evaluation:report_csv", args=[rated.module.course.slug, rated.pk])

    text = client.get(url).getvalue().decode("utf-8").removeprefix("\ufeff")

    rows = list(csv.reader(io.StringIO(text)))
    # The header, five scale points for each Likert item, and the essay nobody answered.
    assert len(rows) == 1 + 4 * 5 + 1
    assert rows[-1] == ["5", "What would you change?", "Essay", "", "", "", "0", ""]
    assert sorted({tuple(row[:3]) for row in rows[1:-1]}) == [
        ("1", "Clear content", "Likert scale"),
        ("2", "Objective 1: Describe the biosocial theory", "Likert scale"),
        ("3", "Objective 2: DBT's four modes: name each and its function", "Likert scale"),
        ("4", "Objective 3: Apply a chain analysis to a written case.", "Likert scale"),
    ]
    assert rows[6:11] == [
        [
            "2",
            "Objective 1: Describe the biosocial theory",
            "Likert scale",
            label,
            n,
            p,
            "4",
            "4.50",
        ]
        for label, n, p in (
            ("Strongly disagree", "0", "0"),
            ("Disagree", "0", "0"),
            ("Neither agree nor disagree", "0", "0"),
            ("Agree", "2", "50"),
            ("Strongly agree", "2", "50"),
        )
    ]


def test_report_page_without_objective_items_has_no_such_section(client, trainer, survey, cohort):
    likert = QuestionFactory(
        quiz=survey, kind="likert", text="Clear?", answers=[A(t) for t in SCALE]
    )
    for number in (5, 4, 4):
        respond(survey, cohort, {likert: number})
    client.force_login(trainer)

    page = client.get(reverse("evaluation:report", args=[survey.module.course.slug, survey.pk]))

    assert "Learning objectives" not in page.content.decode()
    assert '<h2 id="question-1-title">1. Clear?</h2>' in page.content.decode()


def test_report_queries_do_not_grow_with_objectives(
    client, trainer, survey, cohort, django_assert_max_num_queries
):
    course = survey.module.course
    client.force_login(trainer)
    url = reverse("evaluation:report", args=[course.slug, survey.pk])
    for count in (2, 12):
        course.learning_objectives = "\n".join(f"Describe skill {n}" for n in range(count))
        course.save(update_fields=["learning_objectives"])
        services.add_objective_items(quiz=survey)
        items = list(survey.questions.prefetch_related("answers"))
        for _ in range(3):
            respond(survey, cohort, dict.fromkeys(items, 4))
        with django_assert_max_num_queries(15):
            response = client.get(url)
        assert response.content.decode().count('class="evaluation-question"') == count


# --- copies -----------------------------------------------------------------------------------------


def test_a_course_package_round_trip_keeps_the_objective_numbers(survey, statements, trainer):
    services.add_objective_items(quiz=survey)
    course = survey.module.course
    archive = io.BytesIO()
    export_course_zip(course, archive)
    archive.seek(0)

    copy = import_course_zip(archive, author=trainer, slug="copy")

    copied = Question.objects.filter(quiz__module__course=copy).order_by("position")
    assert [(q.name, q.learning_objective) for q in copied] == [
        ("Clear content", None),
        ("Objective 1", 1),
        ("Objective 2", 2),
        ("Objective 3", 3),
        ("", None),
    ]
    assert state(copied.first().quiz) == state(survey)


def test_a_package_with_objective_number_0_is_refused_at_its_path(survey, statements, trainer):
    services.add_objective_items(quiz=survey)
    archive = io.BytesIO()
    export_course_zip(survey.module.course, archive)
    with zipfile.ZipFile(io.BytesIO(archive.getvalue())) as source:
        document = json.loads(source.read("course.json"))
    document["quizzes"][0]["questions"][1]["learning_objective"] = 0
    changed = io.BytesIO()
    with zipfile.ZipFile(changed, "w") as target:
        target.writestr("course.json", json.dumps(document))
    changed.seek(0)
    questions = Question.objects.count()

    with pytest.raises(ImportProblems) as refused:
        import_course_zip(changed, author=trainer, slug="copy")

    assert refused.value.problems == [
        ("$.quizzes[0].questions[1].learning_objective", "Expected a number from 1 to 32767.")
    ]
    assert Question.objects.count() == questions


def test_a_duplicated_course_keeps_the_objective_numbers(survey, statements, trainer):
    services.add_objective_items(quiz=survey)

    copy = duplicate_course(
        course=survey.module.course, author=trainer, title="DBT v2", slug="dbt-v2"
    )

    copied = Question.objects.filter(quiz__module__course=copy).order_by("position")
    assert [q.learning_objective for q in copied] == [None, 1, 2, 3, None]
    assert state(copied.first().quiz) == state(survey)
