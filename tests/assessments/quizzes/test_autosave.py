"""The quiz autosave as a hot path (issue 17): its query budget, flat as trainees, questions and
modules grow, and the refusals its two-query path (`services.save_answer`: the attempt locked
and read with the question, then one INSERT … ON CONFLICT write) must keep."""

import datetime
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments.models import Answer, Attempt, Response
from assessments.quizzes import services
from assessments.quizzes.services import AnswerData as A
from courses.models import EnrollmentStatus
from tests.factories import EnrollmentFactory, ModuleFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.django_db

# Session, user, the attempt (locked, with its enrollment, cohort and the question's kind and
# answers), the response's upsert. Counted as production runs it: without the SAVEPOINT and
# RELEASE that the test's own transaction turns `atomic` into.
AUTOSAVE_BUDGET = 4

HX = {"HTTP_HX_REQUEST": "true"}


def save_url(attempt, question_id):
    return reverse("quizzes:save", args=[attempt.enrollment.cohort_id, attempt.pk, question_id])


def statements(queries) -> int:
    return sum(1 for q in queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT")))


def counted_post(client, url, data) -> tuple[int, object]:
    """The second of two identical posts (the first may warm what a process keeps), counted."""
    client.post(url, data, **HX)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, data, **HX)
    return statements(queries), response


@pytest.fixture
def attempt(enrollment, quiz, questions):
    return services.start_attempt(enrollment=enrollment, quiz=quiz)


@pytest.mark.parametrize("size", [(1, 2, 1), (30, 40, 8)], ids=["small", "large"])
def test_autosave_stays_within_its_budget_however_many_trainees_questions_and_modules(
    client, cohort, module, quiz, enrollment, size, django_assert_max_num_queries
):
    trainees, extra_questions, modules = size
    for n in range(extra_questions):
        QuestionFactory(
            quiz=quiz, kind="single", answers=[A(f"right {n}", Decimal(100)), A("wrong")]
        )
    for n in range(modules):
        ModuleFactory(course=module.course, position=n + 2)
    for _ in range(trainees):
        other = EnrollmentFactory(user=UserFactory(), cohort=cohort)
        theirs = services.start_attempt(enrollment=other, quiz=quiz)
        first = quiz.questions.first()
        services.save_response(attempt=theirs, question=first, answer={"choice": None})
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
    client.force_login(enrollment.user)
    for question in quiz.questions.all()[:3]:
        answer = attempt.choice_order[str(question.pk)][0]
        count, response = counted_post(
            client, save_url(attempt, question.pk), {f"q{question.pk}": str(answer)}
        )
        assert response.status_code == HTTPStatus.OK
        assert "Saved at" in response.content.decode()
        assert count <= AUTOSAVE_BUDGET
        assert Response.objects.get(attempt=attempt, question=question).answer == {"choice": answer}
    # The same in pytest-django's terms: the budget plus the test transaction's savepoint pair.
    last = quiz.questions.last()
    with django_assert_max_num_queries(AUTOSAVE_BUDGET + 2):
        client.post(save_url(attempt, last.pk), {f"q{last.pk}": ""}, **HX)


def test_first_autosave_inserts_and_later_ones_update_the_same_row(
    client, enrollment, attempt, questions
):
    client.force_login(enrollment.user)
    short = questions["short"]
    for text in ("wise", "wise mind", "Wise Mind"):
        response = client.post(save_url(attempt, short.pk), {f"q{short.pk}": text}, **HX)
        assert "Saved at" in response.content.decode()
    row = Response.objects.get()
    assert (row.question_id, row.answer, row.checked_at, row.score) == (
        short.pk,
        {"text": "Wise Mind"},
        None,
        None,
    )


def test_a_checked_answer_is_final_and_the_autosave_says_so(client, enrollment, quiz, questions):
    quiz.feedback_timing = "immediate"
    quiz.save()
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
    short = questions["short"]
    services.check_response(attempt=attempt, question=short, answer={"text": "wise mind"})
    client.force_login(enrollment.user)
    response = client.post(save_url(attempt, short.pk), {f"q{short.pk}": "other"}, **HX)
    assert response.status_code == HTTPStatus.OK
    assert "You checked this answer, so it is final." in response.content.decode()
    assert Response.objects.get().answer == {"text": "wise mind"}
    # The plain post goes to the review with the same message.
    plain = client.post(save_url(attempt, short.pk), {f"q{short.pk}": "other"}, follow=True)
    assert "You checked this answer, so it is final." in plain.content.decode()
    assert Response.objects.get().answer == {"text": "wise mind"}


def test_autosave_past_the_time_limit_submits_the_attempt_and_refuses_the_answer(
    client, enrollment, quiz, questions
):
    quiz.time_limit_minutes = 5
    quiz.save()
    start = timezone.now() - datetime.timedelta(minutes=10)
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz, now=start)
    short = questions["short"]
    services.save_response(
        attempt=attempt,
        question=short,
        answer={"text": "wise mind"},
        now=start + datetime.timedelta(minutes=1),
    )
    client.force_login(enrollment.user)
    response = client.post(save_url(attempt, short.pk), {f"q{short.pk}": "late"}, **HX)
    body = response.content.decode()
    assert "Time is up: this attempt was submitted with the answers saved by" in body
    assert "This answer was not saved." in body
    attempt.refresh_from_db()
    # Submitted (and committed) although the save itself was refused.
    assert attempt.submitted_by_time_limit and attempt.submitted_at == attempt.deadline
    assert Response.objects.get().answer == {"text": "wise mind"}


def test_a_withdrawn_trainee_s_autosave_is_refused(client, enrollment, attempt, questions):
    enrollment.status = EnrollmentStatus.WITHDRAWN
    enrollment.save()
    client.force_login(enrollment.user)
    short = questions["short"]
    response = client.post(save_url(attempt, short.pk), {f"q{short.pk}": "x"}, **HX)
    assert "no longer active" in response.content.decode()
    assert not Response.objects.exists()


def test_another_cohort_s_url_or_another_trainee_s_attempt_is_404(
    client, enrollment, other_enrollment, attempt, questions, course
):
    short = questions["short"]
    client.force_login(other_enrollment.user)
    assert client.post(save_url(attempt, short.pk), {f"q{short.pk}": "x"}, **HX).status_code == 404
    client.force_login(enrollment.user)
    elsewhere = reverse("quizzes:save", args=[attempt.enrollment.cohort_id + 999, attempt.pk, 1])
    assert client.post(elsewhere, {"q1": "x"}, **HX).status_code == 404
    missing = reverse("quizzes:save", args=[attempt.enrollment.cohort_id, attempt.pk + 999, 1])
    assert client.post(missing, {"q1": "x"}, **HX).status_code == 404
    assert not Response.objects.exists()


def test_a_question_deleted_since_the_attempt_began_is_400(client, enrollment, attempt, questions):
    short = questions["short"]
    short_id = short.pk
    short.delete()
    client.force_login(enrollment.user)
    response = client.post(save_url(attempt, short_id), {f"q{short_id}": "x"}, **HX)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not Response.objects.exists()


def test_answers_edited_after_the_start_count_at_once(client, enrollment, attempt, questions):
    """Nothing about a question is kept between requests: an answer added by its author (or in
    the admin) is accepted by the next autosave, one removed is refused."""
    single = questions["single"]
    client.force_login(enrollment.user)
    added = Answer.objects.create(question=single, position=99, text="Added later")
    ok = client.post(save_url(attempt, single.pk), {f"q{single.pk}": str(added.pk)}, **HX)
    assert ok.status_code == HTTPStatus.OK
    assert Response.objects.get().answer == {"choice": added.pk}
    added.delete()
    gone = client.post(save_url(attempt, single.pk), {f"q{single.pk}": str(added.pk)}, **HX)
    assert gone.status_code == HTTPStatus.BAD_REQUEST


def test_matching_and_ordering_autosaves_read_their_items(client, enrollment, attempt, questions):
    client.force_login(enrollment.user)
    ordering = questions["ordering"]
    items = list(ordering.answers.all())
    data = {f"q{ordering.pk}-{item.pk}": "1" for item in items}
    response = client.post(save_url(attempt, ordering.pk), data, **HX)
    assert "Two items share a position" in response.content.decode()
    assert Response.objects.get(question=ordering).answer == {
        "positions": {str(item.pk): 1 for item in items}
    }
    matching = questions["matching"]
    left = [a for a in matching.answers.all() if a.text.strip()]
    right = attempt.choice_order[str(matching.pk)][0]
    data = {f"q{matching.pk}-{item.pk}": str(right) for item in left}
    assert client.post(save_url(attempt, matching.pk), data, **HX).status_code == HTTPStatus.OK
    assert Response.objects.get(question=matching).answer == {
        "pairs": {str(item.pk): right for item in left}
    }


def test_a_nul_character_in_typed_text_is_dropped_and_the_answer_saved(
    client, enrollment, attempt, questions
):
    client.force_login(enrollment.user)
    essay = questions["essay"]
    response = client.post(save_url(attempt, essay.pk), {f"q{essay.pk}": "a\x00b"}, **HX)
    assert response.status_code == HTTPStatus.OK
    assert "Saved at" in response.content.decode()
    assert Response.objects.get(attempt=attempt, question=essay).answer == {"text": "ab"}


def test_upsert_writes_only_where_its_condition_holds(enrollment, attempt, questions):
    short = questions["short"]
    now = timezone.now()
    first = services.upsert(
        Response(attempt=attempt, question=short, answer={"text": "a"}, saved_at=now),
        unique=("attempt", "question"),
        update=("answer", "saved_at"),
        only_if={"checked_at": [None]},
    )
    assert (first.answer, first.saved_at, first.checked_at) == ({"text": "a"}, now, None)
    second = services.upsert(
        Response(attempt=attempt, question=short, answer={"text": "b"}, saved_at=now),
        unique=("attempt", "question"),
        update=("answer", "saved_at"),
        only_if={"checked_at": [None]},
    )
    assert second.pk == first.pk and second.answer == {"text": "b"}
    Response.objects.filter(pk=first.pk).update(checked_at=now)
    refused = services.upsert(
        Response(attempt=attempt, question=short, answer={"text": "c"}, saved_at=now),
        unique=("attempt", "question"),
        update=("answer", "saved_at"),
        only_if={"checked_at": [None]},
    )
    assert refused is None
    assert Response.objects.get().answer == {"text": "b"}


# --- races (PostgreSQL's row locks; skipped on SQLite) ------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_parallel_autosaves_and_submits_grade_once_and_lose_no_acknowledged_answer(
    enrollment, quiz, questions, run_together
):
    if connection.vendor != "postgresql":
        pytest.skip("row locks (select_for_update) are what is under test; SQLite has none")
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
    numeric = questions["numeric"]
    mine = Attempt.objects.for_trainee(enrollment.user).filter(enrollment__cohort=enrollment.cohort)
    answers = ["4", "3", "9", "4.0", "5"] * 4

    def save(text):
        return services.save_answer(
            attempts=mine,
            attempt_id=attempt.pk,
            question_id=numeric.pk,
            read=lambda question, options: {"text": text},
        )

    saves = [(lambda text=text: save(text)) for text in answers]
    submits = [lambda: services.submit_attempt(attempt=attempt) for _ in range(3)]
    results = run_together(saves + submits)

    graded = results[len(saves) :]
    assert len({a.submitted_at for a in graded}) == 1
    accepted = [r for r in results[: len(saves)] if isinstance(r, Response)]
    refused = [r for r in results[: len(saves)] if isinstance(r, services.AttemptClosed)]
    assert len(accepted) + len(refused) == len(saves)
    assert all(r.saved_at <= graded[0].submitted_at for r in accepted)
    if not accepted:
        assert not Response.objects.exists()
        return
    row = Response.objects.get(attempt=attempt, question=numeric)
    last = max(accepted, key=lambda r: r.saved_at)
    assert row.answer == last.answer
    expected = {"4": "1.00", "4.0": "1.00", "3": "0.50", "5": "0.50", "9": "0.00"}
    assert str(row.score) == expected[last.answer["text"]]
