"""The course evaluation report: exact aggregates, anonymity (no names, at least 3 respondents),
drafts left out, the cohort filter, the CSV, who may see it, and flat query counts."""

import csv
import datetime
import io
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from assessments.evaluation import report as evaluation
from assessments.quizzes import services
from assessments.quizzes.services import AnswerData as A
from courses.models import Enrollment, EnrollmentStatus
from dbt_training.core.spreadsheets import XLSX_CONTENT_TYPE
from dbt_training.users.roles import Role
from tests.factories import CohortFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.django_db

SCALE = ("Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree")


@pytest.fixture
def survey(module):
    return services.create_quiz(module=module, title="Course evaluation", kind="evaluation")


@pytest.fixture
def items(survey) -> dict:
    """A Likert statement, a single choice and a free-text question, in that order."""
    return {
        "likert": QuestionFactory(
            quiz=survey,
            kind="likert",
            answers=[A(t) for t in SCALE],
            text="The trainers modelled validation well.",
        ),
        "single": QuestionFactory(
            quiz=survey,
            kind="single",
            answers=[A("Chain analysis", Decimal(100)), A("Diary card"), A("Role plays")],
            text="Which exercise helped you most?",
        ),
        "essay": QuestionFactory(quiz=survey, kind="essay", text="What would you change?"),
    }


@pytest.fixture
def second_cohort(course):
    today = timezone.localdate()
    return CohortFactory(
        course=course,
        name="Autumn cohort",
        starts_on=today - datetime.timedelta(days=7),
        ends_on=today + datetime.timedelta(days=90),
    )


def enroll(cohort, user=None):
    return Enrollment.objects.create(
        user=user or UserFactory(),
        cohort=cohort,
        status=EnrollmentStatus.ACTIVE,
        enrolled_at=timezone.now(),
    )


def respond(survey, cohort, answers: dict, *, user=None, submit=True, enrollment=None):
    """One trainee's evaluation through the services the quiz player uses."""
    enrollment = enrollment or enroll(cohort, user)
    attempt = services.start_attempt(enrollment=enrollment, quiz=survey)
    services.save_responses(attempt=attempt, answers=answers)
    if submit:
        services.submit_attempt(attempt=attempt)
    return enrollment


def point(question, number: int) -> dict:
    """The answer picking the `number`-th point (1-based) of a Likert question."""
    return {"choice": list(question.answers.all())[number - 1].pk}


def pick(question, text: str) -> dict:
    return {"choice": question.answers.get(text=text).pk}


def four_respondents(survey, items, cohort, *, first_user=None) -> None:
    """Likert 5, 4, 4, 2 (mean 3.75); the single choice answered by three; two comments, one
    blank, one only spaces."""
    likert, single, essay = items["likert"], items["single"], items["essay"]
    respond(
        survey,
        cohort,
        {
            likert: point(likert, 5),
            single: pick(single, "Role plays"),
            essay: {"text": "more role plays"},
        },
        user=first_user,
    )
    respond(
        survey,
        cohort,
        {likert: point(likert, 4), single: pick(single, "Chain analysis"), essay: {"text": ""}},
    )
    respond(
        survey,
        cohort,
        {
            likert: point(likert, 4),
            single: pick(single, "Role plays"),
            essay: {"text": "  Add a session on DEAR MAN.  "},
        },
    )
    respond(survey, cohort, {likert: point(likert, 2), essay: {"text": "   "}})


def report_url(name, course, survey, **query):
    url = reverse(f"evaluation:{name}", args=[course.slug, survey.pk])
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return url


HEADER = ["Question number", "Question", "Type", "Answer", "Count", "Percent", "Answered", "Mean"]


def csv_of(response) -> list[list[str]]:
    text = response.getvalue().decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


# --- the read model ---------------------------------------------------------------------------


def test_report_counts_every_scale_point_choice_and_mean_exactly(survey, items, cohort):
    four_respondents(survey, items, cohort)
    found = evaluation.report(survey)
    assert found.withheld is False
    assert found.respondents == 4
    likert, single, essay = found.questions
    assert (likert.number, likert.kind, likert.answered) == (1, "likert", 4)
    assert [(p.label, p.value, p.count, p.percent) for p in likert.points] == [
        ("Strongly disagree", 1, 0, 0),
        ("Disagree", 2, 1, 25),
        ("Neutral", 3, 0, 0),
        ("Agree", 4, 2, 50),
        ("Strongly agree", 5, 1, 25),
    ]
    assert likert.mean == Decimal("3.75")
    assert (single.number, single.kind, single.answered) == (2, "choice", 3)
    # Percentages by the app's one rule (whole, rounded down): 2 of 3 is 66%.
    assert [(p.label, p.count, p.percent) for p in single.points] == [
        ("Chain analysis", 1, 33),
        ("Diary card", 0, 0),
        ("Role plays", 2, 66),
    ]
    assert single.mean is None
    assert (essay.number, essay.kind, essay.answered) == (3, "text", 2)
    # Sorted alphabetically, ignoring case, trimmed; the blank and the spaces-only answers gone.
    assert essay.texts == ["Add a session on DEAR MAN.", "more role plays"]


def test_report_holds_no_names_attempt_ids_or_dates(survey, items, cohort, trainee):
    four_respondents(survey, items, cohort, first_user=trainee)
    found = evaluation.report(survey)
    assert set(vars(found)) == {
        "quiz",
        "cohort",
        "withheld",
        "respondents",
        "questions",
        "left_out_cohorts",
        "objectives",
    }
    for summary in found.questions:
        assert set(vars(summary)) == {
            "number",
            "question",
            "kind",
            "answered",
            "points",
            "mean",
            "texts",
        }
    flat = repr(found)
    assert "Dana Rivera" not in flat and "dana@example.org" not in flat


def test_drafts_are_left_out(survey, items, cohort):
    likert = items["likert"]
    for number in (5, 5, 1):
        respond(survey, cohort, {likert: point(likert, number)})
    respond(survey, cohort, {likert: point(likert, 2)}, submit=False)
    found = evaluation.report(survey)
    assert found.respondents == 3
    assert [p.count for p in found.questions[0].points] == [1, 0, 0, 0, 2]
    assert found.questions[0].mean == Decimal("3.67")


def test_each_trainee_counts_once_with_their_latest_evaluation(survey, items, cohort):
    likert = items["likert"]
    for number in (3, 3):
        respond(survey, cohort, {likert: point(likert, number)})
    enrollment = respond(survey, cohort, {likert: point(likert, 1)})
    respond(survey, cohort, {likert: point(likert, 5)}, enrollment=enrollment)
    found = evaluation.report(survey)
    assert found.respondents == 3
    assert [p.count for p in found.questions[0].points] == [0, 0, 2, 0, 1]
    assert found.questions[0].mean == Decimal("3.67")


def test_fewer_than_three_respondents_withholds_everything(survey, items, cohort):
    likert = items["likert"]
    respond(survey, cohort, {likert: point(likert, 5), items["essay"]: {"text": "Loved it"}})
    respond(survey, cohort, {likert: point(likert, 1)})
    found = evaluation.report(survey)
    assert found.withheld is True
    assert found.respondents is None
    assert found.questions == []
    assert evaluation.MIN_RESPONSES == 3


def test_cohort_filter_reports_one_cohort(survey, items, cohort, second_cohort):
    four_respondents(survey, items, cohort)
    likert = items["likert"]
    for number in (1, 1, 3):
        respond(survey, second_cohort, {likert: point(likert, number)})
    assert evaluation.report(survey).respondents == 7
    assert evaluation.report(survey, cohort=cohort).respondents == 4
    autumn = evaluation.report(survey, cohort=second_cohort)
    assert autumn.respondents == 3
    assert [p.count for p in autumn.questions[0].points] == [2, 0, 1, 0, 0]
    assert autumn.questions[0].mean == Decimal("1.67")
    assert autumn.questions[1].answered == 0
    assert autumn.questions[2].texts == []


# --- the page and the CSV ---------------------------------------------------------------------


def test_page_shows_scale_table_bars_mean_and_comments_but_no_names(
    client, trainer, survey, items, cohort, trainee
):
    four_respondents(survey, items, cohort, first_user=trainee)
    client.force_login(trainer)
    response = client.get(report_url("report", survey.module.course, survey))
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert "Based on <strong>4</strong> trainees’ submitted evaluations." in page
    assert '<th scope="col">Strongly agree <span class="muted">(5)</span></th>' in page
    assert "<td>50%<meter" in page and 'value="50" aria-hidden="true"></meter>' in page
    assert "Mean: <strong>3.75</strong> on a scale from 1 (Strongly disagree) to 5" in page
    assert "<li>Add a session on DEAR MAN.</li>" in page
    assert page.index("Add a session") < page.index("more role plays")
    assert '<th scope="row">Role plays</th><td>2</td><td>66%' in page
    assert "style=" not in page and "<script>" not in page
    for private in ("Dana Rivera", "dana@example.org"):
        assert private not in page


def test_page_below_three_respondents_says_why_and_shows_no_answers(
    client, trainer, survey, items, cohort
):
    likert = items["likert"]
    respond(survey, cohort, {likert: point(likert, 5), items["essay"]: {"text": "Loved it"}})
    respond(survey, cohort, {likert: point(likert, 1)})
    client.force_login(trainer)
    page = client.get(report_url("report", survey.module.course, survey)).content.decode()
    assert evaluation.WITHHELD in page
    assert "Loved it" not in page and "Mean:" not in page and "<meter" not in page


def test_csv_holds_the_aggregate_and_no_names(client, trainer, survey, items, cohort, trainee):
    four_respondents(survey, items, cohort, first_user=trainee)
    client.force_login(trainer)
    response = client.get(report_url("report_csv", survey.module.course, survey))
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (f'attachment; filename="evaluation-{survey.pk}.csv"')
    likert = ["1", "The trainers modelled validation well.", "Likert scale"]
    single = ["2", "Which exercise helped you most?", "Single choice"]
    essay = ["3", "What would you change?", "Essay"]
    assert csv_of(response) == [
        HEADER,
        [*likert, "Strongly disagree", "0", "0", "4", "3.75"],
        [*likert, "Disagree", "1", "25", "4", "3.75"],
        [*likert, "Neutral", "0", "0", "4", "3.75"],
        [*likert, "Agree", "2", "50", "4", "3.75"],
        [*likert, "Strongly agree", "1", "25", "4", "3.75"],
        [*single, "Chain analysis", "1", "33", "3", ""],
        [*single, "Diary card", "0", "0", "3", ""],
        [*single, "Role plays", "2", "66", "3", ""],
        [*essay, "Add a session on DEAR MAN.", "", "", "2", ""],
        [*essay, "more role plays", "", "", "2", ""],
    ]
    text = response.getvalue().decode()
    assert "Dana Rivera" not in text and "dana@example.org" not in text


def test_xlsx_holds_the_same_aggregate_with_numbers_as_numbers(
    client, trainer, survey, items, cohort, trainee
):
    four_respondents(survey, items, cohort, first_user=trainee)
    client.force_login(trainer)
    response = client.get(report_url("report_xlsx", survey.module.course, survey))
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    assert response["Content-Disposition"] == (
        f'attachment; filename="evaluation-{survey.pk}.xlsx"'
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    likert = (1, "The trainers modelled validation well.", "Likert scale")
    single = (2, "Which exercise helped you most?", "Single choice")
    essay = (3, "What would you change?", "Essay")
    # Percent cells hold fractions shown as "25%"; the mean keeps its two places.
    assert list(sheet.iter_rows(values_only=True)) == [
        tuple(HEADER),
        (*likert, "Strongly disagree", 0, 0, 4, 3.75),
        (*likert, "Disagree", 1, 0.25, 4, 3.75),
        (*likert, "Neutral", 0, 0, 4, 3.75),
        (*likert, "Agree", 2, 0.5, 4, 3.75),
        (*likert, "Strongly agree", 1, 0.25, 4, 3.75),
        (*single, "Chain analysis", 1, 0.33, 3, None),
        (*single, "Diary card", 0, 0, 3, None),
        (*single, "Role plays", 2, 0.66, 3, None),
        (*essay, "Add a session on DEAR MAN.", None, None, 2, None),
        (*essay, "more role plays", None, None, 2, None),
    ]
    assert type(sheet["A2"].value) is int and type(sheet["H2"].value) is float
    assert (sheet["F3"].number_format, sheet["H3"].number_format) == ("0%", "0.00")


def test_csv_cells_cannot_start_a_formula(client, trainer, survey, items, cohort):
    essay = items["essay"]
    for text in ('=HYPERLINK("http://evil.example")', "+1", "fine"):
        respond(survey, cohort, {essay: {"text": text}})
    client.force_login(trainer)
    rows = csv_of(client.get(report_url("report_csv", survey.module.course, survey)))
    comments = [row[3] for row in rows if row[0] == "3"]
    assert comments == ["'+1", '\'=HYPERLINK("http://evil.example")', "fine"]


def test_csv_below_three_respondents_is_header_and_explanation_only(
    client, trainer, survey, items, cohort
):
    likert = items["likert"]
    respond(survey, cohort, {likert: point(likert, 5), items["essay"]: {"text": "Loved it"}})
    client.force_login(trainer)
    rows = csv_of(client.get(report_url("report_csv", survey.module.course, survey)))
    assert rows == [HEADER, [evaluation.WITHHELD]]


def test_cohort_filter_on_page_and_csv(client, trainer, survey, items, cohort, second_cohort):
    four_respondents(survey, items, cohort)
    likert = items["likert"]
    for number in (1, 1, 3):
        respond(survey, second_cohort, {likert: point(likert, number)})
    client.force_login(trainer)
    course = survey.module.course
    page = client.get(report_url("report", course, survey)).content.decode()
    assert "Based on <strong>7</strong> trainees’" in page
    page = client.get(report_url("report", course, survey, cohort=second_cohort.pk))
    page = page.content.decode()
    assert "Based on <strong>3</strong> trainees’" in page
    assert "Mean: <strong>1.67</strong>" in page
    assert f'<option value="{second_cohort.pk}" selected>Autumn cohort</option>' in page
    assert f"report.csv?cohort={second_cohort.pk}" in page
    response = client.get(report_url("report_csv", course, survey, cohort=second_cohort.pk))
    assert response["Content-Disposition"] == (
        f'attachment; filename="evaluation-{survey.pk}-cohort-{second_cohort.pk}.csv"'
    )
    assert csv_of(response)[1] == [
        "1",
        "The trainers modelled validation well.",
        "Likert scale",
        "Strongly disagree",
        "2",
        "66",
        "3",
        "1.67",
    ]


def test_unknown_or_malformed_cohort_answers_404(client, trainer, survey, items, other_trainer):
    course = survey.module.course
    foreign = other_trainer.taught_cohorts.get()  # another course's cohort
    client.force_login(trainer)
    for value in (foreign.pk, 999999, "abc", "-1"):
        for name in ("report", "report_csv", "report_xlsx"):
            response = client.get(report_url(name, course, survey, cohort=value))
            assert response.status_code == HTTPStatus.NOT_FOUND, (name, value)


# --- who may see it ---------------------------------------------------------------------------


def test_visitor_is_sent_to_sign_in(client, survey, items):
    for name in ("report", "report_csv", "report_xlsx"):
        response = client.get(report_url(name, survey.module.course, survey))
        assert response.status_code == HTTPStatus.FOUND
        assert response.url.startswith(reverse("account_login"))


def test_trainee_and_another_courses_trainer_get_403(
    client, survey, items, cohort, trainee, other_trainer
):
    four_respondents(survey, items, cohort, first_user=trainee)
    for user in (trainee, other_trainer):
        client.force_login(user)
        for name in ("report", "report_csv", "report_xlsx"):
            response = client.get(report_url(name, survey.module.course, survey))
            assert response.status_code == HTTPStatus.FORBIDDEN, (user, name)


def test_author_and_enrollment_admin_see_every_cohort(
    client, trainer, enrollment_admin, survey, items, cohort, second_cohort
):
    for user in (trainer, enrollment_admin):
        client.force_login(user)
        response = client.get(report_url("report", survey.module.course, survey))
        assert response.status_code == HTTPStatus.OK
        assert response.context["scope"].can_edit is True
        # Newest first, then by name: both start on the same day.
        assert response.context["scope"].cohorts == [second_cohort, cohort]
        assert client.get(report_url("report_csv", survey.module.course, survey)).status_code == 200
        response = client.get(
            report_url("report", survey.module.course, survey, cohort=second_cohort.pk)
        )
        assert response.status_code == HTTPStatus.OK


def test_a_cohort_trainer_sees_only_their_cohorts_answers_and_filters(
    client, survey, items, cohort, second_cohort
):
    four_respondents(survey, items, cohort)
    cohort_trainer = UserFactory(full_name="Kim Park", roles=[Role.TRAINER])
    second_cohort.trainers.add(cohort_trainer)
    client.force_login(cohort_trainer)
    course = survey.module.course
    response = client.get(report_url("report", course, survey))
    assert response.status_code == HTTPStatus.OK
    assert response.context["scope"].can_edit is False
    assert response.context["scope"].cohorts == [second_cohort]
    page = response.content.decode()
    # The four answers are another cohort's: not in this trainer's report, even in aggregate.
    assert evaluation.WITHHELD in page
    assert "Based on" not in page
    assert f'<option value="{cohort.pk}"' not in page
    assert 'href="{}"'.format(reverse("authoring:course", args=[course.slug])) not in page
    mine = client.get(report_url("report", course, survey, cohort=second_cohort.pk))
    assert mine.status_code == HTTPStatus.OK
    assert evaluation.WITHHELD in mine.content.decode()
    for name in ("report", "report_csv", "report_xlsx"):
        response = client.get(report_url(name, course, survey, cohort=cohort.pk))
        assert response.status_code == HTTPStatus.NOT_FOUND


def test_only_evaluation_surveys_have_a_report(client, trainer, quiz, survey, module):
    client.force_login(trainer)
    for name in ("report", "report_csv", "report_xlsx"):
        response = client.get(report_url(name, module.course, quiz))
        assert response.status_code == HTTPStatus.NOT_FOUND


def test_another_courses_survey_under_this_slug_answers_404(
    client, trainer, survey, items, other_trainer
):
    other_module = other_trainer.taught_cohorts.get().course.modules.create(
        title="Other", position=1, component="foundations"
    )
    foreign = services.create_quiz(module=other_module, title="Other eval", kind="evaluation")
    client.force_login(trainer)
    response = client.get(report_url("report", survey.module.course, foreign))
    assert response.status_code == HTTPStatus.NOT_FOUND
    client.force_login(other_trainer)
    response = client.get(report_url("report", other_module.course, survey))
    assert response.status_code == HTTPStatus.NOT_FOUND


def test_quiz_editor_links_to_the_report_for_surveys_only(client, trainer, survey, quiz):
    client.force_login(trainer)
    course = survey.module.course
    link = report_url("report", course, survey)
    editor = reverse("quiz_authoring:quiz", args=[course.slug, survey.pk])
    assert f'href="{link}">Evaluation report</a>' in client.get(editor).content.decode()
    editor = reverse("quiz_authoring:quiz", args=[course.slug, quiz.pk])
    assert "Evaluation report" not in client.get(editor).content.decode()


# --- query counts -------------------------------------------------------------------------------


def survey_of(module, n_questions: int):
    """An evaluation with Likert, single-choice and essay questions in turn."""
    survey = services.create_quiz(module=module, title=f"Eval {n_questions}", kind="evaluation")
    kinds = ("likert", "single", "essay")
    for n in range(n_questions):
        kind = kinds[n % 3]
        answers = {
            "likert": [A(t) for t in SCALE],
            "single": [A("Yes", Decimal(100)), A("No")],
            "essay": [],
        }[kind]
        QuestionFactory(quiz=survey, kind=kind, answers=answers, text=f"Question {n}")
    return survey


def fill(survey, cohort, n_respondents: int) -> None:
    questions = list(survey.questions.prefetch_related("answers"))
    for n in range(n_respondents):
        answers = {}
        for question in questions:
            choices = list(question.answers.all())
            if question.kind == "essay":
                answers[question] = {"text": f"Comment {n}"}
            else:
                answers[question] = {"choice": choices[n % len(choices)].pk}
        respond(survey, cohort, answers)


@pytest.mark.parametrize(("n_respondents", "n_questions"), [(5, 3), (50, 12)])
def test_report_takes_five_queries_however_large(
    django_assert_num_queries, module, cohort, n_respondents, n_questions
):
    survey = survey_of(module, n_questions)
    fill(survey, cohort, n_respondents)
    with django_assert_num_queries(5):  # the four, and respondents per cohort
        found = evaluation.report(survey)
        assert found.respondents == n_respondents
        assert len(found.questions) == n_questions


@pytest.mark.parametrize(("n_respondents", "n_questions"), [(5, 3), (50, 12)])
def test_page_csv_and_xlsx_queries_stay_flat(
    client,
    django_assert_max_num_queries,
    trainer,
    module,
    cohort,
    second_cohort,
    n_respondents,
    n_questions,
):
    survey = survey_of(module, n_questions)
    fill(survey, cohort, n_respondents)
    client.force_login(trainer)
    course = module.course
    for name in ("report", "report_csv", "report_xlsx"):
        for query in ({}, {"cohort": cohort.pk}):
            # session, user, two for permissions, course, cohorts, quiz; the report's five
            with django_assert_max_num_queries(12):
                response = client.get(report_url(name, course, survey, **query))
            assert response.status_code == HTTPStatus.OK


def test_page_shows_the_whole_text_of_a_named_or_long_question(client, trainer, survey, cohort):
    named = QuestionFactory(
        quiz=survey,
        kind="likert",
        answers=[A(t) for t in SCALE],
        name="Pace",
        text="The pace suited me.",
    )
    long_text = "The consultation team role plays " + "and the homework " * 5 + "were useful."
    long = QuestionFactory(
        quiz=survey, kind="likert", answers=[A(t) for t in SCALE], text=long_text
    )
    short = QuestionFactory(
        quiz=survey, kind="likert", answers=[A(t) for t in SCALE], text="Short and clear."
    )
    for number in (1, 2, 3):
        respond(survey, cohort, {q: point(q, number) for q in (named, long, short)})
    client.force_login(trainer)
    page = client.get(report_url("report", survey.module.course, survey)).content.decode()
    assert '<h2 id="question-1-title">1. Pace</h2>' in page
    assert '<div class="question-text"><p>The pace suited me.</p>' in page
    assert f'<h2 id="question-2-title">2. {long_text[:80]}</h2>' in page
    assert f"<p>{long_text}</p>" in page
    assert '<h2 id="question-3-title">3. Short and clear.</h2>' in page
    assert "<p>Short and clear.</p>" not in page


def test_a_cohort_trainers_unfiltered_report_counts_their_cohorts_only(
    client, survey, items, cohort, second_cohort
):
    four_respondents(survey, items, cohort)
    likert = items["likert"]
    for number in (1, 1, 3):
        respond(survey, second_cohort, {likert: point(likert, number)})
    cohort_trainer = UserFactory(full_name="Kim Park", roles=[Role.TRAINER])
    second_cohort.trainers.add(cohort_trainer)
    client.force_login(cohort_trainer)
    page = client.get(report_url("report", survey.module.course, survey)).content.decode()
    assert "Based on <strong>3</strong> trainees’" in page
    assert "Mean: <strong>1.67</strong>" in page


def test_a_cohort_too_small_to_report_is_left_out_of_the_total_too(
    client, trainer, survey, items, cohort, second_cohort
):
    four_respondents(survey, items, cohort)
    respond(survey, second_cohort, {items["essay"]: {"text": "Only I could have written this."}})
    whole = evaluation.report(survey)
    assert (whole.respondents, whole.left_out_cohorts) == (4, 1)
    assert whole.respondents == evaluation.report(survey, cohort=cohort).respondents
    client.force_login(trainer)
    page = client.get(report_url("report", survey.module.course, survey)).content.decode()
    assert "Only I could have written this." not in page
    assert "1 cohort with fewer than 3 responses is left out of this total" in page
    csv_text = client.get(report_url("report_csv", survey.module.course, survey)).getvalue()
    csv_text = csv_text.decode()
    assert "Only I could have written this." not in csv_text
