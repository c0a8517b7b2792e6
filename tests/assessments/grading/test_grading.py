"""Grading services and the queue read model: rubric arithmetic, refusals that change nothing,
hidden-until-released, the audit trail, essay re-totals, and flat query counts."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments.grading import services as grading
from assessments.models import (
    Assignment,
    CriterionScore,
    Grade,
    GradeChange,
    Response,
)
from assessments.quizzes import services
from courses.models import Enrollment, EnrollmentStatus
from tests.factories import (
    CHAIN,
    CohortFactory,
    EnrollmentFactory,
    QuestionFactory,
    RubricFactory,
    SubmissionFactory,
    UserFactory,
    pick_levels,
)

pytestmark = pytest.mark.django_db
D = Decimal


# --- helpers --------------------------------------------------------------------------------------


def changes(enrollment):
    return [
        (c.item, c.action, c.old_value, c.new_value, c.reason, c.changed_by_id)
        for c in GradeChange.objects.filter(enrollment=enrollment).order_by("pk")
    ]


# --- grading a submission by rubric ---------------------------------------------------------------


def test_rubric_grade_sums_the_levels_and_stays_hidden(submission, rubric, trainer, trainee):
    first, second = rubric.criteria.all()
    grade = grading.grade_submission(
        submission=submission,
        grader=trainer,
        levels=pick_levels(rubric, 2, 1),
        comments={first.pk: "Each link is specific.", second.pk: ""},
        feedback="  A careful chain.  ",
    )
    assert (grade.score, grade.max_score) == (D("4.00"), D("6.00"))
    assert grade.feedback == "A careful chain."
    assert grade.graded_by == trainer
    assert grade.released_at is None
    assert [
        (s.criterion_id, s.level.title, s.points, s.comment) for s in grade.criterion_scores.all()
    ] == [
        (first.pk, "Complete", D("2.00"), "Each link is specific."),
        (second.pk, "Partial", D("2.00"), ""),
    ]
    submission.refresh_from_db()
    assert submission.status == "graded"
    assert not Grade.objects.for_trainee(trainee).exists()  # hidden until released
    assert changes(submission.enrollment) == [
        (f"assignment:{submission.assignment_id}", "graded", "", "4 / 6", "", trainer.pk)
    ]
    line = GradeChange.objects.get()
    assert line.item_title == "Chain analysis of a missed session"


def test_regrade_replaces_the_scores_and_audits_old_to_new(submission, rubric, trainer):
    grading.grade_submission(
        submission=submission,
        grader=trainer,
        levels=pick_levels(rubric, 1, 1),
        comments={},
        feedback="",
    )
    grade = grading.grade_submission(
        submission=submission,
        grader=trainer,
        levels=pick_levels(rubric, 2, 2),
        comments={},
        feedback="Better.",
    )
    assert Grade.objects.count() == 1
    assert grade.score == D("6.00")
    assert CriterionScore.objects.filter(grade=grade).count() == 2
    assert [(c[2], c[3]) for c in changes(submission.enrollment)] == [
        ("", "3 / 6"),
        ("3 / 6", "6 / 6"),
    ]


@pytest.mark.parametrize(
    "case", ["other_criterion", "missing", "other_rubric", "unknown_criterion"]
)
def test_bad_levels_are_refused_and_change_nothing(submission, rubric, trainer, course, case):
    first, second = rubric.criteria.all()
    levels = pick_levels(rubric, 1, 1)
    if case == "other_criterion":
        levels[first.pk] = second.levels.first().pk
    elif case == "missing":
        del levels[second.pk]
    elif case == "other_rubric":
        foreign = RubricFactory(course=course, title="Diary card rubric")
        levels[first.pk] = foreign.criteria.first().levels.first().pk
    else:
        levels[999_999] = first.levels.first().pk
    with pytest.raises(ValidationError) as error:
        grading.grade_submission(
            submission=submission, grader=trainer, levels=levels, comments={}, feedback=""
        )
    expected = {
        "other_criterion": {
            f"level_{first.pk}": ["Choose one of the levels of “Links are specific”."]
        },
        "missing": {
            f"level_{second.pk}": ["Choose one of the levels of “Solutions fit each link”."]
        },
        "other_rubric": {
            f"level_{first.pk}": ["Choose one of the levels of “Links are specific”."]
        },
        "unknown_criterion": {"__all__": ["Those criteria are not part of this rubric."]},
    }[case]
    assert error.value.message_dict == expected
    submission.refresh_from_db()
    assert submission.status == "submitted"
    assert not Grade.objects.exists()
    assert not CriterionScore.objects.exists()
    assert not GradeChange.objects.exists()


def test_score_without_a_rubric_must_lie_within_the_points(module, enrollment, trainer):
    assignment = Assignment.objects.create(
        module=module, title="Free reflection", worksheet="free_text", points=D(10)
    )
    submission = SubmissionFactory(
        assignment=assignment, enrollment=enrollment, content={"text": "On validation."}
    )
    for bad, message in [
        (D("10.5"), "Give a score from 0 to 10."),
        (D("-1"), "Give a score from 0 to 10."),
        (None, "Give a score."),
        (D("7.555"), "Give the score to at most two decimal places."),
    ]:
        with pytest.raises(ValidationError) as error:
            grading.grade_submission(
                submission=submission,
                grader=trainer,
                levels={},
                comments={},
                score=bad,
                feedback="",
            )
        assert error.value.message_dict == {"score": [message]}
    assert not Grade.objects.exists()
    assert not GradeChange.objects.exists()
    grade = grading.grade_submission(
        submission=submission, grader=trainer, levels={}, comments={}, score=D("7.5"), feedback=""
    )
    assert (grade.score, grade.max_score) == (D("7.50"), D("10.00"))
    assert GradeChange.objects.get().new_value == "7.5 / 10"


@pytest.mark.parametrize("status", ["draft", "returned"])
def test_draft_or_returned_work_cannot_be_graded(assignment, enrollment, rubric, trainer, status):
    submission = SubmissionFactory(assignment=assignment, enrollment=enrollment, status=status)
    with pytest.raises(ValidationError, match="not submitted"):
        grading.grade_submission(
            submission=submission,
            grader=trainer,
            levels=pick_levels(rubric, 1, 1),
            comments={},
            feedback="",
        )
    submission.refresh_from_db()
    assert submission.status == status
    assert not Grade.objects.exists()
    assert not GradeChange.objects.exists()


# --- returning ----------------------------------------------------------------------------------


def test_return_needs_a_note_and_then_shows_it_at_once(submission, trainer):
    with pytest.raises(ValidationError) as error:
        grading.return_submission(submission=submission, grader=trainer, feedback="   ")
    assert list(error.value.message_dict) == ["feedback"]
    submission.refresh_from_db()
    assert (submission.status, submission.returned_at) == ("submitted", None)
    assert not GradeChange.objects.exists()

    grading.return_submission(
        submission=submission, grader=trainer, feedback="Add the vulnerability factors."
    )
    submission.refresh_from_db()
    assert submission.status == "returned"
    assert submission.return_feedback == "Add the vulnerability factors."
    assert submission.returned_at is not None
    assert changes(submission.enrollment) == [
        (
            f"assignment:{submission.assignment_id}",
            "returned",
            "",
            "",
            "Add the vulnerability factors.",
            trainer.pk,
        )
    ]


def test_graded_work_cannot_be_returned(submission, rubric, trainer):
    grading.grade_submission(
        submission=submission,
        grader=trainer,
        levels=pick_levels(rubric, 1, 1),
        comments={},
        feedback="",
    )
    with pytest.raises(ValidationError, match="Only submitted work can be returned"):
        grading.return_submission(submission=submission, grader=trainer, feedback="Redo it.")
    submission.refresh_from_db()
    assert submission.status == "graded"
    assert GradeChange.objects.count() == 1


# --- essays: hidden until released, then the attempt is totalled again ----------------------------


@pytest.fixture
def essay_case(module, enrollment, essay_quiz, submitted_essay_attempt):
    quiz, single, multiple, essay = essay_quiz(module)
    attempt = submitted_essay_attempt(enrollment, quiz, single, multiple, essay)
    return attempt, attempt.responses.get(question=essay)


def attempt_figures(attempt):
    attempt.refresh_from_db()
    return (
        attempt.score,
        attempt.max_score,
        attempt.percent,
        attempt.passed,
        attempt.awaiting_grading,
    )


def test_essay_grade_is_hidden_until_released_then_retotals_the_attempt(essay_case, trainer):
    attempt, response = essay_case
    assert attempt_figures(attempt) == (D("6.00"), D("10.00"), D("60.00"), None, True)

    grade = grading.grade_essay(
        response=response, grader=trainer, score=D("1.5"), feedback="Clear."
    )
    response.refresh_from_db()
    assert (response.score, response.fraction) == (None, None)
    assert attempt_figures(attempt) == (D("6.00"), D("10.00"), D("60.00"), None, True)

    assert grading.release_grades(grades=[grade], by=trainer) == 1
    response.refresh_from_db()
    assert (response.score, response.fraction) == (D("1.50"), D("0.75000"))
    # 7.5 of 10 is 75%: under the course's pass mark of 80.
    assert attempt_figures(attempt) == (D("7.50"), D("10.00"), D("75.00"), False, False)
    assert changes(attempt.enrollment) == [
        (f"quiz:{attempt.quiz_id}", "graded", "", "1.5 / 2", "", trainer.pk),
        (f"quiz:{attempt.quiz_id}", "released", "", "1.5 / 2", "", trainer.pk),
    ]
    assert GradeChange.objects.first().item_title == (
        "Chain analysis check: Describe the links of a chain."
    )


def test_full_marks_on_the_essay_pass_the_quiz(essay_case, trainer):
    attempt, response = essay_case
    grading.grade_essay(response=response, grader=trainer, score=D(2), release=True)
    assert attempt_figures(attempt) == (D("8.00"), D("10.00"), D("80.00"), True, False)


def test_regrading_a_released_essay_retotals_at_once(essay_case, trainer):
    attempt, response = essay_case
    grading.grade_essay(response=response, grader=trainer, score=D(2), release=True)
    grading.grade_essay(response=response, grader=trainer, score=D("0.5"))
    assert attempt_figures(attempt) == (D("6.50"), D("10.00"), D("65.00"), False, False)
    assert [(c[1], c[2], c[3]) for c in changes(attempt.enrollment)] == [
        ("graded", "", "2 / 2"),
        ("released", "", "2 / 2"),
        ("graded", "2 / 2", "0.5 / 2"),
    ]


def test_essay_score_outside_its_points_is_refused(essay_case, trainer):
    attempt, response = essay_case
    with pytest.raises(ValidationError) as error:
        grading.grade_essay(response=response, grader=trainer, score=D("2.5"))
    assert error.value.message_dict == {"score": ["Give a score from 0 to 2."]}
    assert not Grade.objects.exists()
    assert not GradeChange.objects.exists()


def test_only_essays_of_submitted_attempts_are_graded(enrollment, quiz, questions, trainer):
    attempt = services.start_attempt(enrollment=enrollment, quiz=quiz)
    essay = services.save_response(
        attempt=attempt, question=questions["essay"], answer={"text": "Draft."}
    )
    short = services.save_response(
        attempt=attempt, question=questions["short"], answer={"text": "wise mind"}
    )
    for response in (essay, short):
        with pytest.raises(ValidationError, match="Only essay answers"):
            grading.grade_essay(response=response, grader=trainer, score=D(1))
    assert not Grade.objects.exists()


# --- releasing ---------------------------------------------------------------------------------


def test_release_twice_releases_once(submission, rubric, trainer, trainee):
    grade = grading.grade_submission(
        submission=submission,
        grader=trainer,
        levels=pick_levels(rubric, 2, 2),
        comments={},
        feedback="",
    )
    assert grading.release_grades(grades=[grade], by=trainer) == 1
    grade.refresh_from_db()
    released_at = grade.released_at
    assert released_at is not None
    assert grading.release_grades(grades=[grade], by=trainer) == 0
    grade.refresh_from_db()
    assert grade.released_at == released_at
    assert list(Grade.objects.for_trainee(trainee)) == [grade]
    assert [c[1] for c in changes(submission.enrollment)] == ["graded", "released"]


def count_queries(action) -> int:
    with CaptureQueriesContext(connection) as captured:
        action()
    return len(captured)


def test_bulk_release_takes_the_same_queries_for_2_and_20_grades(
    assignment, rubric, trainer, cohort, graded_submissions
):
    few = graded_submissions(
        assignment, rubric, trainer, EnrollmentFactory.create_batch(2, cohort=cohort)
    )
    many = graded_submissions(
        assignment, rubric, trainer, EnrollmentFactory.create_batch(20, cohort=cohort)
    )
    assert count_queries(lambda: grading.release_grades(grades=few, by=trainer)) == count_queries(
        lambda: grading.release_grades(grades=many, by=trainer)
    )
    assert Grade.objects.released().count() == 22
    assert GradeChange.objects.filter(action="released").count() == 22


def test_bulk_release_of_essays_takes_the_same_queries_for_2_and_20(
    module, cohort, trainer, essay_quiz, submitted_essay_attempt
):
    quiz, single, multiple, essay = essay_quiz(module)

    def essay_grades(enrollments):
        return [
            grading.grade_essay(
                response=submitted_essay_attempt(e, quiz, single, multiple, essay).responses.get(
                    question=essay
                ),
                grader=trainer,
                score=D(1),
            )
            for e in enrollments
        ]

    few = essay_grades(EnrollmentFactory.create_batch(2, cohort=cohort))
    many = essay_grades(EnrollmentFactory.create_batch(20, cohort=cohort))
    assert count_queries(lambda: grading.release_grades(grades=few, by=trainer)) == count_queries(
        lambda: grading.release_grades(grades=many, by=trainer)
    )
    assert set(Response.objects.filter(question=essay).values_list("score", flat=True)) == {D(1)}
    assert {a.score for a in quiz.attempts.all()} == {D("7.00")}


# --- the queue -----------------------------------------------------------------------------------


def test_queue_lists_waiting_work_oldest_first(
    assignment,
    enrollment,
    other_enrollment,
    module,
    trainer,
    cohort,
    course,
    essay_quiz,
    submitted_essay_attempt,
):
    older = SubmissionFactory(assignment=assignment, enrollment=enrollment, hours_ago=50)
    second_assignment = Assignment.objects.create(
        module=module, title="Diary card week 1", worksheet="diary_card"
    )
    SubmissionFactory(assignment=second_assignment, enrollment=enrollment, status="draft")
    SubmissionFactory(assignment=second_assignment, enrollment=other_enrollment, status="returned")
    quiz, single, multiple, essay = essay_quiz(module)
    attempt = submitted_essay_attempt(other_enrollment, quiz, single, multiple, essay)
    essay_response = attempt.responses.get(question=essay)
    # Work of another cohort of the course never shows here.
    elsewhere = Enrollment.objects.create(
        user=UserFactory(), cohort=CohortFactory(course=course), status=EnrollmentStatus.ACTIVE
    )
    SubmissionFactory(assignment=assignment, enrollment=elsewhere, hours_ago=100)

    entries = grading.grading_queue(cohort)
    assert [(e.kind, e.pk, e.item_title, e.trainee) for e in entries] == [
        ("submission", older.pk, "Chain analysis of a missed session", "Dana Rivera"),
        (
            "essay",
            essay_response.pk,
            "Chain analysis check: Describe the links of a chain.",
            "Sam Okafor",
        ),
    ]
    assert entries[0].url == f"/cohorts/{cohort.pk}/grading/submissions/{older.pk}/"
    assert entries[1].item == f"quiz:{quiz.pk}"

    grading.grade_submission(
        submission=older,
        grader=trainer,
        levels=pick_levels(assignment.rubric, 1, 1),
        comments={},
        feedback="",
    )
    grading.grade_essay(response=essay_response, grader=trainer, score=D(1))
    assert grading.grading_queue(cohort) == []


def test_queue_skips_blank_essays_and_surveys(
    module, enrollment, cohort, essay_quiz, submitted_essay_attempt
):
    quiz, single, multiple, essay = essay_quiz(module)
    submitted_essay_attempt(enrollment, quiz, single, multiple, essay, text="   ")
    survey = services.create_quiz(module=module, title="Evaluation", kind="evaluation")
    opinion = QuestionFactory(quiz=survey, kind="essay", text="What would you change?")
    attempt = services.start_attempt(enrollment=enrollment, quiz=survey)
    services.save_response(attempt=attempt, question=opinion, answer={"text": "More role plays."})
    services.submit_attempt(attempt=attempt)
    assert grading.grading_queue(cohort) == []


def test_queue_takes_two_queries_for_2_or_20_entries(assignment, cohort, django_assert_num_queries):
    for count, start in ((2, 0), (20, 2)):
        for enrollment in EnrollmentFactory.create_batch(count - (start and 2), cohort=cohort):
            SubmissionFactory(assignment=assignment, enrollment=enrollment)
        with django_assert_num_queries(2):
            entries = grading.grading_queue(cohort)
        with django_assert_num_queries(2):
            grading.grading_queue(cohort, with_unreleased=True)
        assert len(entries) == count


def test_queue_position_gives_previous_next_and_where_to_go_after():
    def entry(pk, graded=False):
        return grading.QueueEntry(
            kind="submission",
            pk=pk,
            cohort_id=1,
            item="assignment:1",
            item_title="A",
            trainee="T",
            submitted_at=timezone.now(),
            graded=graded,
        )

    entries = [entry(1), entry(2), entry(3)]
    middle = grading.queue_position(entries, kind="submission", pk=2)
    assert (middle.number, middle.total, middle.previous.pk, middle.next.pk) == (2, 3, 1, 3)
    assert (middle.following.pk, middle.to_grade) == (3, 2)
    last = grading.queue_position(entries, kind="submission", pk=3)
    assert (last.number, last.next, last.following.pk) == (3, None, 1)
    alone = grading.queue_position([entry(1)], kind="submission", pk=1)
    assert (alone.following, alone.to_grade) == (None, 0)
    released = grading.queue_position(entries, kind="essay", pk=2)
    assert (released.number, released.previous, released.next, released.following.pk) == (
        0,
        None,
        None,
        1,
    )
    # Graded work keeps its place in the round, and grading skips over it.
    round_ = [entry(1, graded=True), entry(2), entry(3, graded=True), entry(4)]
    second = grading.queue_position(round_, kind="submission", pk=2)
    assert (second.number, second.total, second.previous.pk, second.next.pk) == (2, 4, 1, 3)
    assert (second.following.pk, second.to_grade) == (4, 1)
    fourth = grading.queue_position(round_, kind="submission", pk=4)
    assert (fourth.following.pk, fourth.to_grade) == (2, 1)


def test_round_keeps_graded_unreleased_work_in_place(
    assignment,
    enrollment,
    other_enrollment,
    module,
    trainer,
    cohort,
    essay_quiz,
    submitted_essay_attempt,
):
    first = SubmissionFactory(assignment=assignment, enrollment=enrollment, hours_ago=50)
    second = SubmissionFactory(assignment=assignment, enrollment=other_enrollment, hours_ago=40)
    quiz, single, multiple, essay = essay_quiz(module)
    attempt = submitted_essay_attempt(enrollment, quiz, single, multiple, essay)
    response = attempt.responses.get(question=essay)
    grade = grading.grade_submission(
        submission=first,
        grader=trainer,
        levels=pick_levels(assignment.rubric, 1, 1),
        comments={},
        feedback="",
    )
    grading.grade_essay(response=response, grader=trainer, score=D(1))

    def keys(entries):
        return [(e.kind, e.pk, e.graded) for e in entries]

    assert keys(grading.grading_queue(cohort)) == [("submission", second.pk, False)]
    assert keys(grading.grading_queue(cohort, with_unreleased=True)) == [
        ("submission", first.pk, True),
        ("submission", second.pk, False),
        ("essay", response.pk, True),
    ]
    grading.release_grades(grades=[grade], by=trainer)
    assert keys(grading.grading_queue(cohort, with_unreleased=True)) == [
        ("submission", second.pk, False),
        ("essay", response.pk, True),
    ]


def test_queue_items_count_per_item(assignment, enrollment, other_enrollment, cohort):
    SubmissionFactory(assignment=assignment, enrollment=enrollment, hours_ago=30)
    SubmissionFactory(assignment=assignment, enrollment=other_enrollment, hours_ago=20)
    [item] = grading.queue_items(grading.grading_queue(cohort))
    assert (item.title, item.count, item.first.trainee) == (
        "Chain analysis of a missed session",
        2,
        "Dana Rivera",
    )


# --- the worksheet, read-only ------------------------------------------------------------------


def test_chain_analysis_reads_step_by_step_with_the_form_labels(submission):
    fields = grading.worksheet_fields(submission)
    assert [(f.key, f.label) for f in fields][:2] == [
        ("problem_behavior", "1. Problem behavior"),
        ("prompting_event", "2. Prompting event"),
    ]
    assert [f.key for f in fields] == list(CHAIN)
    assert fields[3].text == CHAIN["links"]


def test_diary_card_reads_as_a_week_grid(module, enrollment):
    assignment = Assignment.objects.create(module=module, title="Week 1", worksheet="diary_card")
    days = {day: {} for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
    days["mon"] = {"urge_self_harm": 3, "self_harm": False, "skills_practised": "TIPP"}
    days["tue"] = {"urge_self_harm": 0, "self_harm": True}
    work = SubmissionFactory(assignment=assignment, enrollment=enrollment, content={"days": days})
    [card] = grading.worksheet_fields(work)
    assert card.headers[:3] == ("Target", "Monday", "Tuesday")
    rows = {row[0]: row[1:3] for row in card.rows}
    assert rows["Urges: Self-harm (0–5)"] == ("3", "0")
    assert rows["Actions taken: Self-harm (yes or no)"] == ("No", "Yes")
    assert rows["Skills: Skills practised"] == ("TIPP", "")
    assert card.row_header


def test_case_formulation_reads_in_the_trainees_rank_order(module, enrollment):
    assignment = Assignment.objects.create(
        module=module,
        title="Case of M.",
        worksheet="case_formulation",
        case_behaviors="Misses sessions\nCuts when ashamed",
    )
    content = {
        "behaviors": [
            {
                "behavior": "Misses sessions",
                "priority": "therapy_interfering",
                "rank": 2,
                "justification": "Second.",
            },
            {
                "behavior": "Cuts when ashamed",
                "priority": "life_threatening",
                "rank": 1,
                "justification": "First.",
            },
        ],
        "formulation": "Shame drives both.",
        "legacy_note": ["kept", "too"],
    }
    table, formulation, legacy = grading.worksheet_fields(
        SubmissionFactory(assignment=assignment, enrollment=enrollment, content=content)
    )
    assert [row[:3] for row in table.rows] == [
        ("1", "Cuts when ashamed", "Life-threatening behaviors"),
        ("2", "Misses sessions", "Therapy-interfering behaviors"),
    ]
    assert (formulation.label, formulation.text) == (
        "Overall case formulation",
        "Shame drives both.",
    )
    assert (legacy.label, legacy.items) == ("Legacy note", ("kept", "too"))


def test_grading_with_a_rubric_that_lost_its_criteria_is_refused(
    module, course, enrollment, trainer
):
    """Criteria deleted after the rubric was chosen: no 0 / 0 grade (found in review)."""
    from assessments.models import Rubric

    empty = Rubric.objects.create(course=course, title="Empty")
    sheet = Assignment.objects.create(module=module, title="A", worksheet="free_text", rubric=empty)
    submission = SubmissionFactory(
        assignment=sheet, enrollment=enrollment, content={"response": "x"}
    )
    with pytest.raises(ValidationError, match="has no criteria with points"):
        grading.grade_submission(
            submission=submission, grader=trainer, levels={}, comments={}, score=D(7)
        )
    assert not Grade.objects.exists()
    assert not GradeChange.objects.exists()
    submission.refresh_from_db()
    assert submission.status == "submitted"


def test_queue_keeps_same_titled_assignments_apart(cohort, module, enrollment):
    """Two modules' "Chain analysis" are two lines, each linking to its own work (found in review)."""
    from tests.factories import ModuleFactory

    second_module = ModuleFactory(course=module.course, position=2)
    first = Assignment.objects.create(module=module, title="Chain analysis", worksheet="free_text")
    second = Assignment.objects.create(
        module=second_module, title="Chain analysis", worksheet="free_text"
    )
    SubmissionFactory(
        assignment=first, enrollment=enrollment, content={"response": "x"}, hours_ago=2
    )
    later = SubmissionFactory(
        assignment=second, enrollment=enrollment, content={"response": "y"}, hours_ago=1
    )
    items = grading.queue_items(grading.grading_queue(cohort))
    assert [(i.item, i.count) for i in items] == [
        (f"assignment:{first.pk}", 1),
        (f"assignment:{second.pk}", 1),
    ]
    assert items[1].first.pk == later.pk
