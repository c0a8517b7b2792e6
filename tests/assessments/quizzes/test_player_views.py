"""The trainee's quiz pages: who may see what, autosave, stale tabs, tampered posts, queries."""

import datetime
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import Attempt, Response
from assessments.quizzes import services
from assessments.quizzes.services import AnswerData as A
from courses.models import Enrollment, EnrollmentStatus
from tests.factories import CohortFactory, QuestionFactory, UserFactory
from tests.query_budgets import COHORT_HOME_QUERIES

pytestmark = pytest.mark.django_db


def quiz_url(cohort, quiz, name="quiz"):
    return reverse(f"quizzes:{name}", args=[cohort.pk, quiz.pk])


def attempt_url(attempt, name="attempt"):
    return reverse(f"quizzes:{name}", args=[attempt.enrollment.cohort_id, attempt.pk])


def save_url(attempt, question, name="save"):
    return reverse(f"quizzes:{name}", args=[attempt.enrollment.cohort_id, attempt.pk, question.pk])


@pytest.fixture
def attempt(enrollment, quiz, questions):
    return services.start_attempt(enrollment=enrollment, quiz=quiz)


# --- permissions ---------------------------------------------------------------------------------


def test_visitor_is_sent_to_sign_in_everywhere(client, cohort, quiz, attempt, questions):
    urls = [
        quiz_url(cohort, quiz),
        attempt_url(attempt),
        attempt_url(attempt, "review"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == HTTPStatus.FOUND
        assert response.url.startswith(reverse("account_login"))
    for url in [
        quiz_url(cohort, quiz, "start"),
        attempt_url(attempt),
        save_url(attempt, questions["short"]),
    ]:
        assert client.post(url, {f"q{questions['short'].pk}": "x"}).status_code == HTTPStatus.FOUND
    assert not Response.objects.exists()
    assert Attempt.objects.count() == 1


def test_wrong_trainee_gets_404_and_changes_nothing(
    client, other_enrollment, quiz, attempt, questions
):
    client.force_login(other_enrollment.user)
    short = questions["short"]
    assert client.get(attempt_url(attempt)).status_code == HTTPStatus.NOT_FOUND
    assert client.get(attempt_url(attempt, "review")).status_code == HTTPStatus.NOT_FOUND
    response = client.post(save_url(attempt, short), {f"q{short.pk}": "wise mind"})
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert (
        client.post(attempt_url(attempt), {"action": "submit", "confirmed": "yes"}).status_code
        == 404
    )
    attempt.refresh_from_db()
    assert attempt.submitted_at is None
    assert not Response.objects.exists()


def test_trainee_of_another_cohort_of_the_course_gets_404(client, cohort, quiz, attempt, course):
    outsider = UserFactory()
    Enrollment.objects.create(
        user=outsider, cohort=CohortFactory(course=course), status=EnrollmentStatus.ACTIVE
    )
    client.force_login(outsider)
    assert client.get(quiz_url(cohort, quiz)).status_code == HTTPStatus.NOT_FOUND
    assert client.get(attempt_url(attempt)).status_code == HTTPStatus.NOT_FOUND


def test_quiz_of_another_course_is_404(client, enrollment, questions):
    foreign_cohort = CohortFactory()
    from tests.factories import ModuleFactory

    foreign_quiz = services.create_quiz(
        module=ModuleFactory(course=foreign_cohort.course), title="X"
    )
    client.force_login(enrollment.user)
    assert client.get(quiz_url(enrollment.cohort, foreign_quiz)).status_code == HTTPStatus.NOT_FOUND
    assert client.post(quiz_url(enrollment.cohort, foreign_quiz, "start")).status_code == 404
    assert not Attempt.objects.exists()


def test_trainer_who_is_not_enrolled_gets_404(client, trainer, cohort, quiz, attempt):
    client.force_login(trainer)
    assert client.get(quiz_url(cohort, quiz)).status_code == HTTPStatus.NOT_FOUND
    assert client.get(attempt_url(attempt)).status_code == HTTPStatus.NOT_FOUND


def test_locked_quiz_answers_403_with_the_reason(client, enrollment, quiz, questions, module):
    module.release_offset_days, module.due_offset_days = 60, None
    module.save()
    client.force_login(enrollment.user)
    response = client.get(quiz_url(enrollment.cohort, quiz))
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert "Opens on" in response.content.decode()
    response = client.post(quiz_url(enrollment.cohort, quiz, "start"))
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == quiz_url(enrollment.cohort, quiz)
    assert not Attempt.objects.exists()


def test_withdrawn_trainee_reads_but_cannot_start(client, enrollment, quiz, questions):
    enrollment.status = EnrollmentStatus.WITHDRAWN
    enrollment.save()
    client.force_login(enrollment.user)
    page = client.get(quiz_url(enrollment.cohort, quiz)).content.decode()
    assert "You have withdrawn" in page
    assert "Start the" not in page
    response = client.post(quiz_url(enrollment.cohort, quiz, "start"), follow=True)
    assert "active place" in response.content.decode()
    assert not Attempt.objects.exists()


# --- the right person ------------------------------------------------------------------------------


def test_trainee_takes_the_quiz_with_plain_form_posts(client, enrollment, quiz, questions):
    client.force_login(enrollment.user)
    page = client.get(quiz_url(enrollment.cohort, quiz))
    assert "Start the knowledge check" in page.content.decode()
    started = client.post(quiz_url(enrollment.cohort, quiz, "start"))
    attempt = Attempt.objects.get()
    assert started.url == attempt_url(attempt)
    short, single = questions["short"], questions["single"]
    right = single.answers.get(text="TIP skills").pk
    form = {f"q{short.pk}": "wise mind", f"q{single.pk}": str(right), "action": "save"}
    assert client.post(attempt_url(attempt), form).url == attempt_url(attempt)
    page = client.get(attempt_url(attempt)).content.decode()
    assert 'value="wise mind"' in page
    assert f'value="{right}" checked' in page
    # Submitting with questions unanswered asks first, and keeps the answers.
    confirm = client.post(attempt_url(attempt), {**form, "action": "submit"})
    assert "Submit with 7 questions unanswered?" in confirm.content.decode()
    attempt.refresh_from_db()
    assert attempt.submitted_at is None
    done = client.post(
        attempt_url(attempt), {"action": "submit", "confirmed": "yes", "keep_saved": "yes"}
    )
    assert done.url == attempt_url(attempt, "review")
    attempt.refresh_from_db()
    assert attempt.score == Decimal("2.00")
    review = client.get(done.url).content.decode()
    assert "2 of 14 points · 14%" in review
    assert "Not passed: the pass mark is 80%." in review
    assert "Right: temperature, intense exercise, paced breathing." in review  # picked feedback


def test_htmx_autosave_says_saved_and_keeps_the_latest(client, enrollment, attempt, questions):
    client.force_login(enrollment.user)
    short = questions["short"]
    for text in ("wise", "wise mind"):
        response = client.post(
            save_url(attempt, short), {f"q{short.pk}": text}, HTTP_HX_REQUEST="true"
        )
        assert response.status_code == HTTPStatus.OK
        assert "Saved at" in response.content.decode()
    assert Response.objects.get().answer == {"text": "wise mind"}


def test_numeric_autosave_warns_about_a_non_number_but_keeps_it(
    client, enrollment, attempt, questions
):
    client.force_login(enrollment.user)
    numeric = questions["numeric"]
    response = client.post(
        save_url(attempt, numeric), {f"q{numeric.pk}": "four"}, HTTP_HX_REQUEST="true"
    )
    assert "This is not a number" in response.content.decode()
    assert Response.objects.get().answer == {"text": "four"}


def test_stale_tab_save_after_submit_says_so_and_changes_nothing(
    client, enrollment, attempt, questions
):
    client.force_login(enrollment.user)
    short = questions["short"]
    services.save_response(attempt=attempt, question=short, answer={"text": "wise mind"})
    services.submit_attempt(attempt=attempt)
    response = client.post(
        save_url(attempt, short), {f"q{short.pk}": "emotion mind"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == HTTPStatus.OK
    body = response.content.decode()
    assert "This attempt was submitted at" in body and "this answer was not saved" in body
    assert Response.objects.get().answer == {"text": "wise mind"}
    # The plain page post from a stale tab goes to the review with the same message.
    stale = client.post(
        attempt_url(attempt), {f"q{short.pk}": "emotion mind", "action": "save"}, follow=True
    )
    assert "this answer was not saved" in stale.content.decode()
    assert Response.objects.get().answer == {"text": "wise mind"}


@pytest.mark.parametrize("kind", ["single", "multiple", "matching", "ordering"])
def test_tampered_answer_is_400_and_saves_nothing(client, enrollment, attempt, questions, kind):
    client.force_login(enrollment.user)
    question = questions[kind]
    foreign = questions["true_false"].answers.first().pk
    item = question.answers.exclude(text="").first().pk
    data = {
        "single": {f"q{question.pk}": str(foreign)},
        "multiple": {f"q{question.pk}": [str(question.answers.first().pk), str(foreign)]},
        "matching": {f"q{question.pk}-{item}": str(foreign)},
        "ordering": {f"q{question.pk}-{item}": "99"},
    }[kind]
    assert client.post(save_url(attempt, question), data, HTTP_HX_REQUEST="true").status_code == 400
    assert client.post(attempt_url(attempt), {**data, "action": "save"}).status_code == 400
    assert not Response.objects.exists()


def test_answer_for_a_question_not_in_the_attempt_is_400(client, enrollment, attempt, quiz, module):
    client.force_login(enrollment.user)
    # Added after the attempt began:
    later = QuestionFactory(quiz=quiz, kind="short", answers=[A("x", Decimal(100))])
    response = client.post(save_url(attempt, later), {f"q{later.pk}": "x"}, HTTP_HX_REQUEST="true")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not Response.objects.exists()


def test_attempt_page_after_the_deadline_submits_and_shows_the_review(
    client, enrollment, quiz, questions
):
    services.update_quiz(quiz=quiz, time_limit_minutes=5)
    long_ago = timezone.now() - datetime.timedelta(hours=1)
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz, now=long_ago)
    services.save_response(
        attempt=attempt,
        question=questions["short"],
        answer={"text": "wise mind"},
        now=long_ago + datetime.timedelta(minutes=1),
    )
    client.force_login(enrollment.user)
    response = client.get(attempt_url(attempt), follow=True)
    assert "Time was up: your saved answers were submitted." in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.submitted_by_time_limit and attempt.score == Decimal("1.00")


def test_check_button_shows_feedback_and_locks_the_answer(client, enrollment, quiz, questions):
    services.update_quiz(quiz=quiz, feedback_timing="immediate")
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
    client.force_login(enrollment.user)
    tf = questions["true_false"]
    false = tf.answers.get(text="False").pk
    response = client.post(save_url(attempt, tf, "check"), {f"q{tf.pk}": str(false)})
    assert response.url.endswith(f"#question-{tf.pk}")
    page = client.get(attempt_url(attempt)).content.decode()
    assert "Checked: this answer is final." in page
    assert "No: it does." in page  # the feedback written for "False"
    assert Response.objects.get().checked_at is not None


def test_review_hides_feedback_when_the_quiz_says_never(
    client, enrollment, quiz, questions, attempt
):
    services.update_quiz(quiz=quiz, feedback_timing="never")
    services.save_response(
        attempt=attempt, question=questions["short"], answer={"text": "wisemind"}
    )
    services.submit_attempt(attempt=attempt)
    client.force_login(enrollment.user)
    page = client.get(attempt_url(attempt, "review")).content.decode()
    assert "This quiz does not show answers or feedback." in page
    assert "Two words." not in page
    assert "Right answer" not in page


def test_cohort_home_lists_the_quiz_with_the_trainees_standing(client, enrollment, quiz, attempt):
    client.force_login(enrollment.user)
    page = client.get(reverse("learn:cohort", args=[enrollment.cohort_id])).content.decode()
    assert f'href="{quiz_url(enrollment.cohort, quiz)}"' in page
    assert "Knowledge check · In progress" in page


# --- query counts -------------------------------------------------------------------------------

# Attempt page, 10 queries: session, user, enrollment (with cohort, course, team), the attempt
# (with quiz, module, course), questions, their answers, responses, the menu's two permission
# queries, and one for messages/session save at most.
ATTEMPT_PAGE_QUERIES = 10
# Autosave, 6: session, user, then the save (savepoint, the attempt locked and read with its
# enrollment and the question's kind and answers, the response's upsert, release): issue 17's
# budget of 4 plus the savepoint pair the test's transaction adds (tests/.../test_autosave.py
# holds the budget itself). The fragment shows no menu, so no permission query is made.
AUTOSAVE_QUERIES = 6


@pytest.mark.parametrize("count", [5, 50])
def test_attempt_page_and_autosave_queries_stay_flat(
    client, enrollment, quiz, count, django_assert_max_num_queries
):
    for n in range(count):
        QuestionFactory(
            quiz=quiz,
            kind="single",
            answers=[A(f"right {n}", Decimal(100)), A("wrong"), A("also wrong")],
        )
        QuestionFactory(quiz=quiz, kind="short", answers=[A(f"answer {n}", Decimal(100))])
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
    for question in quiz.questions.all()[:count]:
        services.save_response(attempt=attempt, question=question, answer={"text": "x"})
    client.force_login(enrollment.user)
    with django_assert_max_num_queries(ATTEMPT_PAGE_QUERIES):
        page = client.get(attempt_url(attempt))
    assert page.content.decode().count('<fieldset class="question"') == 2 * count
    last = quiz.questions.last()
    with django_assert_max_num_queries(AUTOSAVE_QUERIES):
        saved = client.post(
            save_url(attempt, last), {f"q{last.pk}": "answer"}, HTTP_HX_REQUEST="true"
        )
    assert "Saved at" in saved.content.decode()


@pytest.mark.parametrize("quizzes", [1, 10])
def test_cohort_home_queries_do_not_grow_with_quizzes(
    client, enrollment, module, quizzes, django_assert_max_num_queries
):
    for n in range(quizzes):
        quiz = services.create_quiz(module=module, title=f"Check {n}")
        QuestionFactory(quiz=quiz, kind="short", answers=[A("x", Decimal(100))])
        services.submit_attempt(attempt=services.start_attempt(enrollment=enrollment, quiz=quiz))
    client.force_login(enrollment.user)
    with django_assert_max_num_queries(COHORT_HOME_QUERIES):
        page = client.get(reverse("learn:cohort", args=[enrollment.cohort_id]))
    assert page.content.decode().count("0%, not passed") == quizzes
