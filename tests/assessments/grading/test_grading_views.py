"""The grading pages: who may open them, one entry at a time with the keyboard-operable rubric,
bad input on the page with nothing changed, release (bulk, all, one), the trainee's review
before and after release, and flat query counts."""

from decimal import Decimal
from http import HTTPStatus

import pytest
from django.urls import reverse

from assessments.grading import services as grading
from assessments.models import Assignment, CriterionScore, Grade, GradeChange
from courses.models import Enrollment, EnrollmentStatus
from tests.factories import (
    CohortFactory,
    EnrollmentFactory,
    SubmissionFactory,
    UserFactory,
    pick_levels,
)

pytestmark = pytest.mark.django_db
D = Decimal


def queue_url(cohort):
    return reverse("grading:queue", args=[cohort.pk])


def submission_url(submission, cohort=None):
    cohort_id = cohort.pk if cohort else submission.enrollment.cohort_id
    return reverse("grading:submission", args=[cohort_id, submission.pk])


def essay_url(cohort, response):
    return reverse("grading:essay", args=[cohort.pk, response.pk])


def level_form(rubric, *positions, **extra):
    data = {f"level_{c}": str(level) for c, level in pick_levels(rubric, *positions).items()}
    return {"action": "grade", "feedback": "", **data, **extra}


@pytest.fixture
def trainer_client(client, trainer):
    client.force_login(trainer)
    return client


@pytest.fixture
def essay_response(module, other_enrollment, essay_quiz, submitted_essay_attempt):
    quiz, single, multiple, essay = essay_quiz(module)
    attempt = submitted_essay_attempt(other_enrollment, quiz, single, multiple, essay)
    return attempt.responses.get(question=essay)


@pytest.fixture
def graded(submission, rubric, trainer):
    return grading.grade_submission(
        submission=submission,
        grader=trainer,
        levels=pick_levels(rubric, 2, 1),
        comments={},
        feedback="",
    )


# --- permissions ---------------------------------------------------------------------------------


def all_urls(cohort, submission, essay_response, grade):
    gets = [queue_url(cohort), submission_url(submission), essay_url(cohort, essay_response)]
    posts = [
        submission_url(submission),
        essay_url(cohort, essay_response),
        reverse("grading:release", args=[cohort.pk]),
        reverse("grading:release_one", args=[cohort.pk, grade.pk]),
    ]
    return gets, posts


def assert_nothing_changed(grade, submission):
    grade.refresh_from_db()
    submission.refresh_from_db()
    assert grade.released_at is None
    assert grade.score == D("4.00")
    assert submission.status == "graded"
    assert Grade.objects.count() == 1
    assert GradeChange.objects.count() == 1


def test_visitor_is_sent_to_sign_in(client, cohort, submission, essay_response, graded, rubric):
    gets, posts = all_urls(cohort, submission, essay_response, graded)
    for url in gets + posts:
        response = client.get(url) if url in gets else client.post(url, level_form(rubric, 0, 0))
        assert response.status_code == HTTPStatus.FOUND
        assert response.url.startswith(reverse("account_login"))
    assert_nothing_changed(graded, submission)


@pytest.mark.parametrize("who", ["trainee", "other_trainer"])
def test_trainee_and_other_trainer_get_403(
    client, request, who, cohort, submission, essay_response, graded, rubric
):
    client.force_login(request.getfixturevalue(who))
    gets, posts = all_urls(cohort, submission, essay_response, graded)
    for url in gets:
        assert client.get(url).status_code == HTTPStatus.FORBIDDEN
    for url in posts:
        data = {**level_form(rubric, 0, 0), "score": "0", "grade": str(graded.pk), "scope": "all"}
        assert client.post(url, data).status_code == HTTPStatus.FORBIDDEN
    assert_nothing_changed(graded, submission)
    assert not Grade.objects.filter(response=essay_response).exists()


def test_work_of_another_cohort_is_404_even_for_its_own_trainer(
    trainer_client, trainer, cohort, course, assignment, rubric
):
    other_cohort = CohortFactory(course=course, trainers=[trainer])
    elsewhere = Enrollment.objects.create(
        user=UserFactory(), cohort=other_cohort, status=EnrollmentStatus.ACTIVE
    )
    foreign = SubmissionFactory(assignment=assignment, enrollment=elsewhere)
    assert trainer_client.get(submission_url(foreign, cohort)).status_code == HTTPStatus.NOT_FOUND
    response = trainer_client.post(submission_url(foreign, cohort), level_form(rubric, 2, 2))
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert trainer_client.get(submission_url(foreign)).status_code == HTTPStatus.OK
    assert not Grade.objects.exists()


@pytest.mark.parametrize("status", ["draft", "returned"])
def test_drafts_and_returned_work_are_404(trainer_client, assignment, enrollment, rubric, status):
    work = SubmissionFactory(assignment=assignment, enrollment=enrollment, status=status)
    assert trainer_client.get(submission_url(work)).status_code == HTTPStatus.NOT_FOUND
    assert trainer_client.post(submission_url(work), level_form(rubric, 2, 2)).status_code == 404
    work.refresh_from_db()
    assert work.status == status
    assert not Grade.objects.exists()


# --- the queue overview --------------------------------------------------------------------------


def test_queue_overview_counts_and_links_to_the_first_entry(
    trainer_client, cohort, submission, essay_response
):
    page = trainer_client.get(queue_url(cohort)).content.decode()
    assert 'To grade <span class="muted">(2)</span>' in page
    assert f'href="{submission_url(submission)}">Start grading</a>' in page
    assert "Chain analysis check: Describe the links of a chain." in page
    assert "No grades wait for release." in page


def test_queue_overview_lists_unreleased_grades_with_regrade_links(
    trainer_client, cohort, graded, submission
):
    page = trainer_client.get(queue_url(cohort)).content.decode()
    assert "Nothing waits for a grade" in page
    assert f'name="grade" value="{graded.pk}"' in page
    assert f'href="{submission_url(submission)}">Regrade' in page
    assert reverse("grading:release_one", args=[cohort.pk, graded.pk]) in page


@pytest.fixture
def many_entries(assignment, cohort, module, essay_quiz, submitted_essay_attempt):
    def build(count):
        quiz, single, multiple, essay = essay_quiz(module)
        for n, enrollment in enumerate(EnrollmentFactory.create_batch(count, cohort=cohort)):
            SubmissionFactory(assignment=assignment, enrollment=enrollment, hours_ago=100 - n)
            submitted_essay_attempt(enrollment, quiz, single, multiple, essay)

    return build


QUEUE_PAGE_QUERIES = 9
ENTRY_PAGE_QUERIES = 11


def test_queue_page_queries_stay_flat(
    trainer_client,
    cohort,
    many_entries,
    assignment,
    rubric,
    trainer,
    django_assert_max_num_queries,
    graded_submissions,
):
    many_entries(1)
    graded_submissions(
        assignment, rubric, trainer, EnrollmentFactory.create_batch(1, cohort=cohort)
    )
    with django_assert_max_num_queries(QUEUE_PAGE_QUERIES):
        assert trainer_client.get(queue_url(cohort)).status_code == HTTPStatus.OK
    many_entries(10)
    graded_submissions(
        assignment, rubric, trainer, EnrollmentFactory.create_batch(10, cohort=cohort)
    )
    with django_assert_max_num_queries(QUEUE_PAGE_QUERIES):
        page = trainer_client.get(queue_url(cohort))
    assert 'To grade <span class="muted">(22)</span>' in page.content.decode()


def test_entry_page_queries_stay_flat(
    trainer_client, cohort, many_entries, submission, django_assert_max_num_queries
):
    many_entries(1)
    with django_assert_max_num_queries(ENTRY_PAGE_QUERIES):
        assert trainer_client.get(submission_url(submission)).status_code == HTTPStatus.OK
    many_entries(20)
    with django_assert_max_num_queries(ENTRY_PAGE_QUERIES):
        page = trainer_client.get(submission_url(submission))
    assert "of 43</span>" in page.content.decode()


# --- one entry at a time -------------------------------------------------------------------------


def test_entry_page_shows_the_worksheet_and_the_rubric(
    trainer_client, submission, rubric, essay_response
):
    page = trainer_client.get(submission_url(submission)).content.decode()
    assert "A critical email from a supervisor on Monday night." in page
    assert "Behavioral chain analysis" in page
    assert "The trainee confirmed that client-identifying details were removed" in page
    first, second = rubric.criteria.all()
    assert "<legend>Links are specific</legend>" in page
    for level in first.levels.all():
        assert f'type="radio" name="level_{first.pk}" id="level_{first.pk}-{level.pk}"' in page
    assert 'Complete</span> <span class="level-points">4 points</span>' in page
    assert "Good work on: links are specific." in page  # the comment bank
    assert '<span class="queue-count">1 of 2</span>' in page
    assert f'href="{essay_url(submission.enrollment.cohort, essay_response)}" rel="next"' in page
    assert 'value="return"' in page


def test_grading_goes_on_to_the_next_entry(
    trainer_client, cohort, submission, rubric, essay_response, trainer
):
    first, second = rubric.criteria.all()
    bank = second.bank_comments.get(position=1)
    data = level_form(
        rubric,
        2,
        1,
        **{f"comment_{second.pk}": "Which link?", f"bank_{second.pk}": str(bank.pk)},
        feedback="Well observed.",
    )
    response = trainer_client.post(submission_url(submission), data)
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == essay_url(cohort, essay_response)
    grade = Grade.objects.get(submission=submission)
    assert (grade.score, grade.max_score, grade.feedback, grade.released_at) == (
        D("4.00"),
        D("6.00"),
        "Well observed.",
        None,
    )
    assert CriterionScore.objects.get(criterion=second).comment == (
        "Which link?\nSay what happened moment by moment."
    )
    page = trainer_client.get(response.url).content.decode()
    assert "Graded 4 of 6 (not released yet)." in page
    # The graded work keeps its place in the round until released: "2 of 2", Previous to it.
    assert '<span class="queue-count">2 of 2</span>' in page
    assert f'href="{submission_url(submission)}" rel="prev"' in page
    assert "Nothing else to grade" in page

    done = trainer_client.post(
        essay_url(cohort, essay_response), {"action": "grade", "score": "1.5", "feedback": "Clear."}
    )
    assert done.url == queue_url(cohort)
    assert Grade.objects.get(response=essay_response).score == D("1.50")


@pytest.mark.parametrize(
    "case,expected",
    [
        ("other_criterion", "Choose one of the levels of “Links are specific”."),
        ("missing", "Choose a level for “Solutions fit each link”."),
        ("bad_bank", "Choose one of the saved comments."),
    ],
)
def test_bad_rubric_input_shows_an_error_and_changes_nothing(
    trainer_client, submission, rubric, case, expected
):
    first, second = rubric.criteria.all()
    data = level_form(rubric, 1, 1)
    if case == "other_criterion":
        data[f"level_{first.pk}"] = str(second.levels.first().pk)
    elif case == "missing":
        del data[f"level_{second.pk}"]
    else:
        data[f"bank_{first.pk}"] = str(second.bank_comments.first().pk)
    response = trainer_client.post(submission_url(submission), data)
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert expected in page
    assert 'aria-invalid="true"' in page
    assert "Please correct the 1 field marked below." in page
    submission.refresh_from_db()
    assert submission.status == "submitted"
    assert not Grade.objects.exists()
    assert not GradeChange.objects.exists()


def test_score_outside_the_range_shows_an_error(trainer_client, cohort, essay_response):
    for score in ("2.5", "-1", "abc"):
        response = trainer_client.post(
            essay_url(cohort, essay_response), {"action": "grade", "score": score}
        )
        assert response.status_code == HTTPStatus.OK
        page = response.content.decode()
        assert 'id="score-error"' in page
        assert "Give a score from 0 to 2." in page or "Enter a number." in page
    assert not Grade.objects.exists()


def test_score_of_an_assignment_without_rubric(trainer_client, module, enrollment, cohort):
    assignment = Assignment.objects.create(
        module=module, title="Reflection", worksheet="free_text", points=D(10)
    )
    work = SubmissionFactory(
        assignment=assignment, enrollment=enrollment, content={"text": "Validation levels."}
    )
    page = trainer_client.post(submission_url(work), {"action": "grade", "score": "11"})
    assert "Give a score from 0 to 10." in page.content.decode()
    assert not Grade.objects.exists()
    trainer_client.post(submission_url(work), {"action": "grade", "score": "8.25"})
    assert Grade.objects.get().score == D("8.25")


def test_return_needs_feedback(trainer_client, submission, rubric):
    response = trainer_client.post(
        submission_url(submission), {"action": "return", "feedback": " "}
    )
    assert "Say what to revise" in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == "submitted"
    response = trainer_client.post(
        submission_url(submission), {"action": "return", "feedback": "Add the consequences."}
    )
    assert response.status_code == HTTPStatus.FOUND
    submission.refresh_from_db()
    assert (submission.status, submission.return_feedback) == ("returned", "Add the consequences.")
    assert not Grade.objects.exists()


def test_tampered_action_is_400(trainer_client, submission, rubric, cohort, essay_response):
    assert (
        trainer_client.post(
            submission_url(submission), level_form(rubric, 1, 1, action="delete")
        ).status_code
        == 400
    )
    assert (
        trainer_client.post(
            essay_url(cohort, essay_response), {"action": "return", "feedback": "x"}
        ).status_code
        == 400
    )
    assert not Grade.objects.exists()


def test_regrade_starts_from_the_grade_and_audits(trainer_client, submission, rubric, graded):
    first, _ = rubric.criteria.all()
    page = trainer_client.get(submission_url(submission)).content.decode()
    chosen = pick_levels(rubric, 2, 1)[first.pk]
    assert f'value="{chosen}" checked' in page
    assert '<span class="queue-count">1 of 1</span>' in page
    trainer_client.post(submission_url(submission), level_form(rubric, 0, 0))
    assert list(GradeChange.objects.order_by("pk").values_list("old_value", "new_value")) == [
        ("", "4 / 6"),
        ("4 / 6", "0 / 6"),
    ]


def test_regrading_a_released_grade_says_it_shows_at_once(
    trainer_client, cohort, submission, rubric, graded, trainer
):
    grading.release_grades(grades=[graded], by=trainer)
    page = trainer_client.get(submission_url(submission)).content.decode()
    assert "This grade is released: a new grade shows to the trainee at once." in page
    assert 'value="grade_release"' not in page
    response = trainer_client.post(submission_url(submission), level_form(rubric, 2, 2))
    assert response.url == queue_url(cohort)
    graded.refresh_from_db()
    assert graded.score == D("6.00")


# --- releasing ---------------------------------------------------------------------------------


def test_grade_and_release_emails_once(
    trainer_client, submission, rubric, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        trainer_client.post(
            submission_url(submission), level_form(rubric, 2, 2, action="grade_release")
        )
    grade = Grade.objects.get()
    assert grade.released_at is not None
    assert len(mailoutbox) == 1
    assert [c.action for c in GradeChange.objects.order_by("pk")] == ["graded", "released"]


def test_release_selected_all_and_one(
    trainer_client,
    cohort,
    assignment,
    rubric,
    trainer,
    mailoutbox,
    django_capture_on_commit_callbacks,
    graded_submissions,
):
    grades = graded_submissions(
        assignment, rubric, trainer, EnrollmentFactory.create_batch(4, cohort=cohort)
    )
    release = reverse("grading:release", args=[cohort.pk])
    assert trainer_client.post(release, {"scope": "selected"}).status_code == HTTPStatus.FOUND
    assert not Grade.objects.released().exists()  # nothing chosen: nothing released
    with django_capture_on_commit_callbacks(execute=True):
        trainer_client.post(release, {"scope": "selected", "grade": [grades[0].pk, grades[1].pk]})
    assert set(Grade.objects.released().values_list("pk", flat=True)) == {
        grades[0].pk,
        grades[1].pk,
    }
    with django_capture_on_commit_callbacks(execute=True):
        trainer_client.post(reverse("grading:release_one", args=[cohort.pk, grades[2].pk]))
    assert Grade.objects.unreleased().get() == grades[3]
    with django_capture_on_commit_callbacks(execute=True):
        response = trainer_client.post(release, {"scope": "all"}, follow=True)
    assert "Released 1 grade;" in response.content.decode()
    assert not Grade.objects.unreleased().exists()
    assert len(mailoutbox) == 4
    assert GradeChange.objects.filter(action="released").count() == 4


def test_tampered_release_posts_change_nothing(
    trainer_client, cohort, graded, course, assignment, rubric, trainer, graded_submissions
):
    other_cohort = CohortFactory(course=course, trainers=[trainer])
    [foreign] = graded_submissions(
        assignment,
        rubric,
        trainer,
        [Enrollment.objects.create(user=UserFactory(), cohort=other_cohort, status="active")],
    )
    release = reverse("grading:release", args=[cohort.pk])
    assert trainer_client.post(release, {"grade": ["abc"]}).status_code == HTTPStatus.BAD_REQUEST
    assert trainer_client.post(release, {"grade": [graded.pk, foreign.pk]}).status_code == 404
    one = reverse("grading:release_one", args=[cohort.pk, foreign.pk])
    assert trainer_client.post(one).status_code == HTTPStatus.NOT_FOUND
    assert not Grade.objects.released().exists()


# --- what the trainee sees ---------------------------------------------------------------------


def test_trainee_review_shows_the_essay_grade_only_after_release(
    client, cohort, essay_response, trainer
):
    attempt = essay_response.attempt
    review = reverse("quizzes:review", args=[cohort.pk, attempt.pk])
    client.force_login(attempt.enrollment.user)
    grade = grading.grade_essay(
        response=essay_response,
        grader=trainer,
        score=D("1.5"),
        feedback="Name the prompting event.",
    )
    before = client.get(review).content.decode()
    assert "Name the prompting event." not in before
    assert "Your trainer’s grade" not in before
    assert "6 of 10 points · 60%" in before
    assert "Some answers wait for a trainer to grade them" in before

    grading.release_grades(grades=[grade], by=trainer)
    after = client.get(review).content.decode()
    assert "<p>Name the prompting event.</p>" in after
    assert "<strong>Your trainer’s grade:</strong> 1.50 of 2" in after
    assert "7.50 of 10 points · 75%" in after
    assert "Not passed: the pass mark is 80%." in after


def test_trainee_review_shows_trainer_feedback_even_when_the_quiz_hides_answers(
    client, cohort, essay_response, trainer
):
    quiz = essay_response.attempt.quiz
    quiz.feedback_timing = "never"
    quiz.save()
    grading.grade_essay(
        response=essay_response, grader=trainer, score=D(2), feedback="Vivid links.", release=True
    )
    client.force_login(essay_response.attempt.enrollment.user)
    page = client.get(reverse("quizzes:review", args=[cohort.pk, essay_response.attempt_id]))
    html = page.content.decode()
    assert "This quiz does not show answers or feedback." in html
    assert "<p>Vivid links.</p>" in html
    assert "Right answer:" not in html


# --- the trainee's file --------------------------------------------------------------------------


def test_trainer_downloads_an_uploaded_file_others_get_403(
    client, trainer, other_trainer, module, enrollment, settings, tmp_path
):
    from django.core.files.base import ContentFile

    settings.MEDIA_ROOT = tmp_path
    assignment = Assignment.objects.create(
        module=module, title="Your diary card (PDF)", worksheet="file_upload"
    )
    work = SubmissionFactory(
        assignment=assignment, enrollment=enrollment, content={"note": "Scanned."}
    )
    work.file.save("card.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    work.file_name = "Diary card week 1.pdf"
    work.save()
    url = reverse("grading:submission_file", args=[enrollment.cohort_id, work.pk])
    client.force_login(other_trainer)
    assert client.get(url).status_code == HTTPStatus.FORBIDDEN
    client.force_login(trainer)
    page = client.get(submission_url(work)).content.decode()
    assert f'href="{url}" download>Download Diary card week 1.pdf</a>' in page
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 test"


def test_returning_graded_work_is_refused_on_the_page(trainer_client, submission, graded):
    response = trainer_client.post(
        submission_url(submission), {"action": "return", "feedback": "Redo the links."}
    )
    assert response.status_code == HTTPStatus.OK
    assert "Only submitted work can be returned; this work is graded." in response.content.decode()
    submission.refresh_from_db()
    assert (submission.status, submission.return_feedback) == ("graded", "")
    assert GradeChange.objects.count() == 1
