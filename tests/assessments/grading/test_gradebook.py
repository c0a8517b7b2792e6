"""The gradebook's arithmetic against hand-computed cases, and its read model: which attempt
counts, hidden-until-released, attendance, overrides and their audit, flat query counts."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from assessments.grading import gradebook
from assessments.grading.gradebook import (
    FAIL,
    IN_PROGRESS,
    PASS,
    category_percent,
    percent_of,
    result_of,
    weighted_total,
)
from assessments.models import (
    Attempt,
    GradebookWeights,
    GradeChange,
    GradeOverride,
    Submission,
)
from courses.models import Enrollment, LiveSession
from tests.factories import (
    AssignmentFactory,
    AttemptFactory,
    CourseFactory,
    EnrollmentFactory,
    GradeFactory,
    ModuleFactory,
    QuizFactory,
    hold_sessions,
)

pytestmark = pytest.mark.django_db

D = Decimal
WEIGHTS = {"quizzes": 40, "assignments": 50, "attendance": 10}


# --- helpers ------------------------------------------------------------------------------------


def only_row(cohort, enrollment, *, released_only=False):
    items = gradebook.gradebook_items(cohort.course)
    found = list(
        gradebook.rows(
            cohort,
            Enrollment.objects.filter(pk=enrollment.pk),
            items,
            released_only=released_only,
        )
    )
    assert len(found) == 1
    return found[0]


def values(row) -> dict:
    return {cell.item.key: cell.value for cell in row.cells}


# --- arithmetic ----------------------------------------------------------------------------------


def test_percent_of_rounds_half_up_to_two_decimals():
    assert percent_of(D("7.5"), D(10)) == D("75.00")
    assert percent_of(D(2), D(3)) == D("66.67")
    assert percent_of(D(1), D(8)) == D("12.50")
    assert percent_of(D(1), D(0)) is None
    assert percent_of(None, D(10)) is None


def test_category_is_the_mean_of_items_that_have_a_value():
    assert category_percent([D(80), D(60)]) == D("70.00")
    assert category_percent([D(80), None, D(60)]) == D("70.00")
    assert category_percent([D(100), D(50), D(0)]) == D("50.00")
    assert category_percent([D("66.67"), D(100)]) == D("83.34")  # 83.335 rounds half up
    assert category_percent([None, None]) is None
    assert category_percent([]) is None


def test_total_weighs_categories_and_drops_those_without_a_value():
    every = {"quizzes": D(70), "assignments": D(90), "attendance": D(50)}
    # (40·70 + 50·90 + 10·50) / 100
    assert weighted_total(every, WEIGHTS) == D("78.00")
    # Attendance missing: (40·70 + 50·90) / 90 = 7300 / 90 = 81.111…
    missing = {"quizzes": D(70), "assignments": D(90), "attendance": None}
    assert weighted_total(missing, WEIGHTS) == D("81.11")
    # Only quizzes graded: the total is the quiz percent.
    assert weighted_total(
        {"quizzes": D("62.5"), "assignments": None, "attendance": None}, WEIGHTS
    ) == D("62.50")
    # A category weighted 0 counts for nothing even with a value.
    zero = {"quizzes": 40, "assignments": 50, "attendance": 0}
    assert weighted_total({"quizzes": D(70), "assignments": None, "attendance": D(100)}, zero) == D(
        "70.00"
    )
    assert (
        weighted_total({"quizzes": None, "assignments": None, "attendance": None}, WEIGHTS) is None
    )


def test_result_against_the_pass_mark_only_once_complete():
    assert result_of(D("80.00"), pass_mark=80, complete=True) == PASS
    assert result_of(D("79.99"), pass_mark=80, complete=True) == FAIL
    assert result_of(D("95.00"), pass_mark=80, complete=False) == IN_PROGRESS
    assert result_of(None, pass_mark=80, complete=True) == IN_PROGRESS


# --- items ---------------------------------------------------------------------------------------


def test_items_are_quizzes_but_surveys_then_assignments_then_attendance(course, module):
    second = ModuleFactory(course=course, position=2)
    post = QuizFactory(module=second, title="Post-test", kind="post_test")
    pre = QuizFactory(module=module, title="Pre-test", kind="pre_test")
    QuizFactory(module=second, title="Evaluation", kind="evaluation")
    check = QuizFactory(module=module, title="Check", position=1)
    late = AssignmentFactory(module=second, title="Diary card")
    early = AssignmentFactory(module=module, title="Chain analysis")
    items = gradebook.gradebook_items(course)
    assert [item.key for item in items] == [
        f"quiz:{pre.pk}",
        f"quiz:{check.pk}",
        f"quiz:{post.pk}",
        f"assignment:{early.pk}",
        f"assignment:{late.pk}",
        "attendance",
    ]
    assert [item.counted for item in items] == [False, True, True, True, True, True]
    assert items[3].header == f"Chain analysis [assignment:{early.pk}]"
    assert items[0].kind == "Pre-test"


# --- cells and rows ------------------------------------------------------------------------------


def test_hand_computed_row(cohort, module, enrollment):
    pre = QuizFactory(module=module, title="Pre-test", kind="pre_test")
    first = QuizFactory(module=module, title="Check 1")
    second = QuizFactory(module=module, title="Check 2")
    worksheet = AssignmentFactory(module=module, title="Chain analysis")
    AttemptFactory(enrollment=enrollment, quiz=pre, percent=D(10))
    AttemptFactory(enrollment=enrollment, quiz=first, percent=D(80))
    AttemptFactory(enrollment=enrollment, quiz=second, percent=D(60))
    GradeFactory(
        submission__enrollment=enrollment,
        submission__assignment=worksheet,
        score=D(9),
        max_score=D(10),
    )
    row = only_row(cohort, enrollment)
    assert values(row) == {
        f"quiz:{pre.pk}": D("10.00"),
        f"quiz:{first.pk}": D("80.00"),
        f"quiz:{second.pk}": D("60.00"),
        f"assignment:{worksheet.pk}": D("90.00"),
        "attendance": None,
    }
    # The pre-test is shown but not counted: quizzes (80 + 60) / 2.
    assert row.quizzes == D("70.00")
    assert row.assignments == D("90.00")
    assert row.attendance is None  # no session held yet: the category drops out
    assert row.cell("attendance").status == gradebook.NO_SESSIONS
    assert row.total == D("81.11")  # (40·70 + 50·90) / 90
    assert row.result == PASS  # every counted item has a value; 81.11 ≥ 80


def test_course_weights_replace_the_defaults(cohort, course, module, enrollment):
    GradebookWeights.objects.create(course=course, quizzes=1, assignments=3, attendance=0)
    AttemptFactory(enrollment=enrollment, quiz=QuizFactory(module=module), percent=D(60))
    GradeFactory(
        submission__enrollment=enrollment,
        submission__assignment=AssignmentFactory(module=module),
        score=D(10),
        max_score=D(10),
    )
    row = only_row(cohort, enrollment)
    assert row.total == D("90.00")  # (1·60 + 3·100) / 4
    assert row.result == PASS


def test_fail_below_the_pass_mark_and_in_progress_while_an_item_is_missing(
    cohort, module, enrollment
):
    quiz, worksheet = QuizFactory(module=module), AssignmentFactory(module=module)
    AttemptFactory(enrollment=enrollment, quiz=quiz, percent=D(50))
    row = only_row(cohort, enrollment)
    assert row.total == D("50.00")
    assert row.result == IN_PROGRESS  # the worksheet has no grade yet
    GradeFactory(
        submission__enrollment=enrollment,
        submission__assignment=worksheet,
        score=D(5),
        max_score=D(10),
    )
    row = only_row(cohort, enrollment)
    assert row.total == D("50.00")
    assert row.result == FAIL


@pytest.mark.parametrize(("method", "expected"), [("highest", D("80.00")), ("last", D("70.00"))])
def test_quiz_cell_uses_the_quizs_grading_method(cohort, module, enrollment, method, expected):
    quiz = QuizFactory(module=module, grading_method=method)
    for number, percent in enumerate([D(60), D(80), D(70)], start=1):
        AttemptFactory(enrollment=enrollment, quiz=quiz, percent=percent, number=number)
    assert values(only_row(cohort, enrollment))[f"quiz:{quiz.pk}"] == expected


def test_attempt_awaiting_grading_shows_no_value(cohort, module, enrollment):
    quiz = QuizFactory(module=module, grading_method="last")
    AttemptFactory(enrollment=enrollment, quiz=quiz, percent=D(90), number=1)
    AttemptFactory(enrollment=enrollment, quiz=quiz, percent=D(40), number=2, awaiting_grading=True)
    row = only_row(cohort, enrollment)
    cell = row.cell(f"quiz:{quiz.pk}")
    assert (cell.value, cell.status) == (None, "awaiting grading")
    assert row.quizzes is None
    assert row.result == IN_PROGRESS


def test_open_attempt_is_not_a_grade(cohort, module, enrollment):
    quiz = QuizFactory(module=module)
    Attempt.objects.create(quiz=quiz, enrollment=enrollment, number=1, started_at=timezone.now())
    assert only_row(cohort, enrollment).cell(f"quiz:{quiz.pk}").value is None


def test_unreleased_grade_is_marked_for_the_trainer_and_hidden_from_the_trainee(
    cohort, module, enrollment
):
    worksheet = AssignmentFactory(module=module)
    GradeFactory(
        submission__enrollment=enrollment,
        submission__assignment=worksheet,
        score=D(7),
        max_score=D(10),
        released=False,
    )
    trainer_cell = only_row(cohort, enrollment).cell(f"assignment:{worksheet.pk}")
    assert (trainer_cell.value, trainer_cell.unreleased, trainer_cell.status) == (
        D("70.00"),
        True,
        "not released",
    )
    trainee_row = only_row(cohort, enrollment, released_only=True)
    trainee_cell = trainee_row.cell(f"assignment:{worksheet.pk}")
    assert (trainee_cell.value, trainee_cell.status) == (None, "awaiting grading")
    assert trainee_row.assignments is None
    assert trainee_row.total is None


def test_submission_states_without_a_grade(cohort, module, enrollment, other_enrollment):
    worksheet = AssignmentFactory(module=module)
    now = timezone.now()
    Submission.objects.create(
        assignment=worksheet, enrollment=enrollment, status="submitted", saved_at=now
    )
    Submission.objects.create(
        assignment=worksheet, enrollment=other_enrollment, status="returned", saved_at=now
    )
    key = f"assignment:{worksheet.pk}"
    assert only_row(cohort, enrollment).cell(key).status == "awaiting grading"
    assert only_row(cohort, other_enrollment).cell(key).status == "returned for revision"


def test_attendance_counts_sessions_held_so_far(cohort, enrollment):
    hold_sessions(cohort, {enrollment: 2}, count=3)
    LiveSession.objects.create(
        cohort=cohort,
        kind="didactic",
        title="Next week",
        starts_at=timezone.now() + datetime.timedelta(days=7),
    )
    row = only_row(cohort, enrollment)
    assert row.cell("attendance").value == D("66.67")
    assert row.attendance == D("66.67")
    assert row.total == D("66.67")
    assert row.result == FAIL  # complete (attendance is the only item) and below 80


def test_override_replaces_the_computed_cell(cohort, module, enrollment):
    quiz = QuizFactory(module=module)
    AttemptFactory(enrollment=enrollment, quiz=quiz, percent=D(40))
    GradeOverride.objects.create(
        enrollment=enrollment,
        item=f"quiz:{quiz.pk}",
        percent=D("85.5"),
        reason="Oral exam",
        set_at=timezone.now(),
    )
    GradeOverride.objects.create(
        enrollment=enrollment,
        item="attendance",
        percent=D(100),
        reason="Excused",
        set_at=timezone.now(),
    )
    row = only_row(cohort, enrollment)
    cell = row.cell(f"quiz:{quiz.pk}")
    assert (cell.value, cell.overridden, cell.status) == (D("85.50"), True, "overridden")
    assert row.attendance == D("100.00")
    assert row.total == D("88.40")  # (40·85.5 + 10·100) / 50


def test_rows_merge_each_trainees_data_onto_their_own_row(cohort, module):
    quiz, worksheet = QuizFactory(module=module), AssignmentFactory(module=module)
    # Two people with the same name, someone with nothing, in an order unlike their creation.
    zoe = EnrollmentFactory(cohort=cohort, user__full_name="Zoe Adams")
    twin_b = EnrollmentFactory(cohort=cohort, user__full_name="Alex Kim")
    nobody = EnrollmentFactory(cohort=cohort, user__full_name="Bo Lund")
    twin_a = EnrollmentFactory(cohort=cohort, user__full_name="Alex Kim")
    AttemptFactory(enrollment=zoe, quiz=quiz, percent=D(10))
    AttemptFactory(enrollment=twin_a, quiz=quiz, percent=D(20))
    AttemptFactory(enrollment=twin_b, quiz=quiz, percent=D(30))
    GradeFactory(submission__enrollment=twin_a, submission__assignment=worksheet, score=D(4))
    GradeFactory(submission__enrollment=zoe, submission__assignment=worksheet, score=D(9))
    found = list(
        gradebook.rows(
            cohort,
            Enrollment.objects.filter(cohort=cohort),
            gradebook.gradebook_items(cohort.course),
            released_only=False,
        )
    )
    got = [(row.enrollment.pk, row.cell(f"quiz:{quiz.pk}").value, row.assignments) for row in found]
    assert got == [
        (twin_b.pk, D("30.00"), None),
        (twin_a.pk, D("20.00"), D("40.00")),
        (nobody.pk, None, None),
        (zoe.pk, D("10.00"), D("90.00")),
    ]


# --- overrides and their audit -------------------------------------------------------------------


def test_set_override_upserts_and_audits_old_and_new(cohort, module, enrollment, trainer):
    quiz = QuizFactory(module=module, title="Module 1 check")
    AttemptFactory(enrollment=enrollment, quiz=quiz, percent=D(75))
    item = gradebook.gradebook_items(cohort.course)[0]
    gradebook.set_override(
        enrollment=enrollment, item=item, percent=D(85), reason="Oral exam", by=trainer
    )
    gradebook.set_override(
        enrollment=enrollment, item=item, percent=D("90.5"), reason="Re-marked", by=trainer
    )
    override = GradeOverride.objects.get()
    assert (override.item, override.percent, override.reason, override.set_by) == (
        f"quiz:{quiz.pk}",
        D("90.50"),
        "Re-marked",
        trainer,
    )
    trail = list(
        GradeChange.objects.order_by("pk").values(
            "enrollment",
            "item",
            "item_title",
            "action",
            "old_value",
            "new_value",
            "reason",
            "changed_by",
        )
    )
    assert trail == [
        {
            "enrollment": enrollment.pk,
            "item": f"quiz:{quiz.pk}",
            "item_title": "Module 1 check",
            "action": "overridden",
            "old_value": "75%",
            "new_value": "85%",
            "reason": "Oral exam",
            "changed_by": trainer.pk,
        },
        {
            "enrollment": enrollment.pk,
            "item": f"quiz:{quiz.pk}",
            "item_title": "Module 1 check",
            "action": "overridden",
            "old_value": "85%",
            "new_value": "90.5%",
            "reason": "Re-marked",
            "changed_by": trainer.pk,
        },
    ]
    assert only_row(cohort, enrollment).cell(f"quiz:{quiz.pk}").value == D("90.50")


@pytest.mark.parametrize(
    ("percent", "reason", "field"),
    [(D("100.01"), "Why", "percent"), (D(-1), "Why", "percent"), (D(50), "   ", "reason")],
)
def test_set_override_refuses_bad_input_and_changes_nothing(
    cohort, enrollment, trainer, percent, reason, field
):
    attendance = gradebook.gradebook_items(cohort.course)[-1]
    with pytest.raises(ValidationError) as error:
        gradebook.set_override(
            enrollment=enrollment, item=attendance, percent=percent, reason=reason, by=trainer
        )
    assert field in error.value.message_dict
    assert not GradeOverride.objects.exists()
    assert not GradeChange.objects.exists()


def test_set_override_refuses_an_item_of_another_course(enrollment, trainer):
    other = QuizFactory(module=ModuleFactory(course=CourseFactory()))
    item = gradebook.gradebook_items(other.module.course)[0]
    with pytest.raises(ValidationError):
        gradebook.set_override(
            enrollment=enrollment, item=item, percent=D(50), reason="Why", by=trainer
        )
    assert not GradeOverride.objects.exists()
    assert not GradeChange.objects.exists()


# --- queries -------------------------------------------------------------------------------------

ROWS_QUERIES = 5  # weights, enrollments, attempts, submissions with grades, overrides


@pytest.mark.parametrize(("trainees", "per_kind"), [(3, 1), (30, 6)])
def test_rows_query_count_does_not_grow(
    cohort, module, trainees, per_kind, django_assert_max_num_queries
):
    quizzes = [QuizFactory(module=module, title=f"Check {n}") for n in range(per_kind)]
    worksheets = [AssignmentFactory(module=module, title=f"Sheet {n}") for n in range(per_kind)]
    hold_sessions(cohort, {}, count=2)
    for n in range(trainees):
        enrollment = EnrollmentFactory(cohort=cohort, user__full_name=f"Trainee {n:03}")
        for quiz in quizzes:
            AttemptFactory(enrollment=enrollment, quiz=quiz, percent=D(50 + n % 50))
        for worksheet in worksheets:
            GradeFactory(
                submission__enrollment=enrollment, submission__assignment=worksheet, score=D(n % 10)
            )
        GradeOverride.objects.create(
            enrollment=enrollment,
            item="attendance",
            percent=D(90),
            reason="x",
            set_at=timezone.now(),
        )
    items = gradebook.gradebook_items(cohort.course)
    enrollments = Enrollment.objects.filter(cohort=cohort)
    with django_assert_max_num_queries(ROWS_QUERIES):
        found = list(gradebook.rows(cohort, enrollments, items, released_only=False))
    assert len(found) == trainees
    assert all(row.attendance == D("90.00") for row in found)
