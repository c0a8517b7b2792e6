"""The gradebook as CSV: exact values that parse back, a streamed export of 1,000 trainees × 50
items in flat queries and bounded memory, and the import of overrides (validation, preview,
all-or-nothing apply with an audit line per change)."""

import csv
import datetime
import io
import tracemalloc
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments.grading import gradebook
from assessments.models import (
    Assignment,
    Attempt,
    Grade,
    GradeChange,
    GradeOverride,
    Quiz,
    Submission,
)
from courses.models import Enrollment, EnrollmentStatus, Team
from dbt_training.users.models import User
from tests.factories import (
    AssignmentFactory,
    AttemptFactory,
    CohortFactory,
    CourseFactory,
    EnrollmentFactory,
    GradeFactory,
    ModuleFactory,
    QuizFactory,
    UserFactory,
    hold_sessions,
)

pytestmark = pytest.mark.django_db

D = Decimal


def export(client, cohort, **params) -> tuple[bytes, list[list[str]]]:
    response = client.get(reverse("gradebook:export", args=[cohort.pk]), params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content)
    return body, list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


# --- export: exact values ------------------------------------------------------------------------


def test_export_has_the_header_and_exact_values(client, trainer, cohort, module):
    pre = QuizFactory(module=module, title="Pre-test", kind="pre_test")
    check = QuizFactory(module=module, title="Check, part 1")
    sheet = AssignmentFactory(module=module, title="Chain analysis")
    team = Team.objects.create(cohort=cohort, name="Team Ñandú")
    amelie = EnrollmentFactory(
        cohort=cohort, user__full_name="Amélie Dubois", user__email="amelie@example.org", team=team
    )
    hacker = EnrollmentFactory(
        cohort=cohort, user__full_name='=HYPERLINK("http://x")', user__email="h@example.org"
    )
    AttemptFactory(enrollment=amelie, quiz=pre, percent=D("12.5"))
    AttemptFactory(enrollment=amelie, quiz=check, percent=D(80))
    GradeFactory(
        submission__enrollment=amelie, submission__assignment=sheet, score=D(2), max_score=D(3)
    )
    hold_sessions(cohort, {amelie: 1, hacker: 0}, count=2)
    client.force_login(trainer)
    body, lines = export(client, cohort)
    assert body.startswith(b"\xef\xbb\xbf")  # the BOM: spreadsheets read the accents right
    assert lines == [
        [
            "Name",
            "Email",
            "Team",
            "Status",
            f"Pre-test [quiz:{pre.pk}]",
            f"Check, part 1 [quiz:{check.pk}]",
            f"Chain analysis [assignment:{sheet.pk}]",
            "Attendance [attendance]",
            "Quizzes %",
            "Assignments %",
            "Attendance %",
            "Total %",
            "Result",
        ],
        # A formula in a name is written as text (OWASP CSV injection); "=" sorts first.
        [
            '\'=HYPERLINK("http://x")',
            "h@example.org",
            "",
            "Active",
            "",
            "",
            "",
            "0.00",
            "",
            "",
            "0.00",
            "0.00",
            "In progress",
        ],
        # (40·80 + 50·66.67 + 10·50) / 100 = 70.335 → 70.34 (the pre-test is not counted)
        [
            "Amélie Dubois",
            "amelie@example.org",
            "Team Ñandú",
            "Active",
            "12.50",
            "80.00",
            "66.67",
            "50.00",
            "80.00",
            "66.67",
            "50.00",
            "70.34",
            "Fail",
        ],
    ]


def test_export_honours_filters_and_released_only(client, trainer, cohort, module):
    sheet = AssignmentFactory(module=module, title="Sheet")
    team = Team.objects.create(cohort=cohort, name="Blue")
    blue = EnrollmentFactory(cohort=cohort, user__full_name="Ana Blue", team=team)
    EnrollmentFactory(cohort=cohort, user__full_name="Ben Other")
    EnrollmentFactory(cohort=cohort, user__full_name="Cy Gone", status=EnrollmentStatus.WITHDRAWN)
    GradeFactory(
        submission__enrollment=blue,
        submission__assignment=sheet,
        score=D(7),
        max_score=D(10),
        released=False,
    )
    client.force_login(trainer)
    _, everyone = export(client, cohort)
    assert [line[0] for line in everyone[1:]] == ["Ana Blue", "Ben Other"]  # seat holders
    _, all_statuses = export(client, cohort, status="all")
    assert [line[0] for line in all_statuses[1:]] == ["Ana Blue", "Ben Other", "Cy Gone"]
    _, blue_only = export(client, cohort, team=team.pk)
    assert [line[0] for line in blue_only[1:]] == ["Ana Blue"]
    assert blue_only[1][4] == "70.00"  # the trainer's export includes unreleased grades
    _, released = export(client, cohort, team=team.pk, grades="released")
    assert released[1][4] == ""  # as the trainee sees it: hidden until released
    _, failing = export(client, cohort, result="in_progress")
    assert [line[0] for line in failing[1:]] == ["Ben Other"]
    _, tampered = export(client, cohort, team="x'; --", status="nope")
    assert [line[0] for line in tampered[1:]] == ["Ana Blue", "Ben Other"]  # defaults


# --- export: 1,000 trainees × 50 items -----------------------------------------------------------


def build_gradebook(trainer, *, label: str, trainees: int, items: int):
    """A cohort of `trainees`, half the items quizzes and half assignments, every cell graded;
    inserted in bulk. Quiz j of trainee i scores (i + j) % 101 %, worksheet j (i + j) % 11 of 10.
    The 75,000 cells of the big one are plain model instances: built by the factories (about
    150 µs each) they would add 8 s to the test."""
    course = CourseFactory(authors=[trainer], slug=f"bulk-{label}")
    module = ModuleFactory(course=course, position=1)
    today = timezone.localdate()
    cohort = CohortFactory(
        course=course,
        trainers=[trainer],
        starts_on=today - datetime.timedelta(days=7),
        ends_on=today + datetime.timedelta(days=90),
    )
    half = items // 2
    quizzes = Quiz.objects.bulk_create(
        QuizFactory.build(module=module, title=f"Quiz {j}", position=j) for j in range(half)
    )
    sheets = Assignment.objects.bulk_create(
        AssignmentFactory.build(module=module, title=f"Sheet {j}", position=j)
        for j in range(items - half)
    )
    users = User.objects.bulk_create(
        UserFactory.build(
            email=f"{label}{i:04}@example.org", full_name=f"Trainee {i:04}", password="!"
        )
        for i in range(trainees)
    )
    now = timezone.now()
    enrollments = Enrollment.objects.bulk_create(
        EnrollmentFactory.build(user=user, cohort=cohort, enrolled_at=now) for user in users
    )
    Attempt.objects.bulk_create(
        (
            Attempt(
                quiz=quiz,
                enrollment=enrollment,
                number=1,
                started_at=now,
                submitted_at=now,
                percent=D((i + j) % 101),
            )
            for i, enrollment in enumerate(enrollments)
            for j, quiz in enumerate(quizzes)
        ),
        batch_size=2000,
    )
    submissions = Submission.objects.bulk_create(
        (
            Submission(
                assignment=sheet,
                enrollment=enrollment,
                status="graded",
                saved_at=now,
                submitted_at=now,
            )
            for enrollment in enrollments
            for sheet in sheets
        ),
        batch_size=2000,
    )
    index = {e.pk: i for i, e in enumerate(enrollments)}
    position = {s.pk: j for j, s in enumerate(sheets)}
    Grade.objects.bulk_create(
        (
            Grade(
                submission=s,
                enrollment_id=s.enrollment_id,
                score=D((index[s.enrollment_id] + position[s.assignment_id]) % 11),
                max_score=D(10),
                graded_at=now,
                released_at=now,
            )
            for s in submissions
        ),
        batch_size=2000,
    )
    return cohort


# Session, user, cohort, quizzes, assignments, weights, then the four streams (enrollments,
# attempts, submissions with grades, overrides), however many trainees and items.
EXPORT_QUERIES = 10


def test_export_of_1000_trainees_by_50_items_is_flat_in_queries_and_memory(
    client, trainer, django_assert_max_num_queries
):
    small = build_gradebook(trainer, label="small", trainees=10, items=5)
    big = build_gradebook(trainer, label="big", trainees=1000, items=50)
    client.force_login(trainer)
    counts = {}
    for cohort in (small, big):
        with (
            django_assert_max_num_queries(EXPORT_QUERIES),
            CaptureQueriesContext(connection) as queries,
        ):
            response = client.get(reverse("gradebook:export", args=[cohort.pk]))
            body = b"".join(response.streaming_content)
        counts[cohort] = len(queries)
    assert counts[small] == counts[big]

    lines = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert len(lines) == 1 + 1000
    assert len(lines[0]) == 4 + 51 + 5
    row = lines[1 + 7]  # Trainee 0007
    assert row[:4] == ["Trainee 0007", "big0007@example.org", "", "Active"]
    assert row[4:7] == ["7.00", "8.00", "9.00"]  # quizzes 0..2
    assert row[4 + 25 : 4 + 28] == ["70.00", "80.00", "90.00"]  # worksheets 0..2: (7 + j) % 11
    assert row[4 + 50] == ""  # no session held
    # Quizzes: the mean of 7..31 is 19. Worksheets: 7..10, 0..10, 0..9 points sum to 134 of 250,
    # 53.6%. No attendance: (40·19 + 50·53.6) / 90 = 3440 / 90 = 38.22.
    assert row[-5:] == ["19.00", "53.60", "", "38.22", "Fail"]

    # Memory: consuming the stream stays far below holding the rows.
    response = client.get(reverse("gradebook:export", args=[big.pk]))
    tracemalloc.start()
    try:
        size = sum(len(chunk) for chunk in response.streaming_content)
        _, streamed_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        items = gradebook.gradebook_items(big.course)
        held = list(
            gradebook.rows(big, Enrollment.objects.filter(cohort=big), items, released_only=False)
        )
        _, held_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(held) == 1000
    assert size > 300_000
    assert streamed_peak < 6 * 1024 * 1024  # about 2.4 MB measured; rows held take 16 MB
    assert streamed_peak * 4 < held_peak


# --- import --------------------------------------------------------------------------------------


@pytest.fixture
def graded(cohort, module, enrollment, other_enrollment):
    """Dana: quiz 75, worksheet 8/10; Sam: quiz 60, worksheet not graded."""
    quiz = QuizFactory(module=module, title="Module 1 check")
    sheet = AssignmentFactory(module=module, title="Chain analysis")
    AttemptFactory(enrollment=enrollment, quiz=quiz, percent=D(75))
    AttemptFactory(enrollment=other_enrollment, quiz=quiz, percent=D(60))
    GradeFactory(
        submission__enrollment=enrollment, submission__assignment=sheet, score=D(8), max_score=D(10)
    )
    return quiz, sheet


def csv_bytes(lines: list[list[str]], *, bom=True, delimiter=",") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    for line in lines:
        writer.writerow(line)
    return (("\ufeff" if bom else "") + out.getvalue()).encode()


def header(quiz, sheet):
    return [
        "Name",
        "Email",
        f"Module 1 check [quiz:{quiz.pk}]",
        f"Chain analysis [assignment:{sheet.pk}]",
        "Total %",
    ]


def test_plan_lists_exact_changes_and_skips_empty_or_unchanged_cells(
    cohort, graded, enrollment, other_enrollment
):
    quiz, sheet = graded
    data = csv_bytes(
        [
            header(quiz, sheet),
            ["Dana Rivera", "DANA@example.org", "75.00", "90", "99"],  # quiz unchanged
            ["Sam Okafor", "sam@example.org", "", "55.5%", ""],  # quiz empty
        ]
    )
    plan = gradebook.plan_override_import(cohort=cohort, data=data)
    assert plan.ok
    assert [(c.line, c.enrollment.pk, c.item.key, c.old.value, c.new) for c in plan.changes] == [
        (2, enrollment.pk, f"assignment:{sheet.pk}", D("80.00"), D("90.00")),
        (3, other_enrollment.pk, f"assignment:{sheet.pk}", None, D("55.50")),
    ]
    assert not GradeOverride.objects.exists()


def test_apply_writes_overrides_and_one_audit_line_each(
    cohort, graded, enrollment, other_enrollment, trainer
):
    quiz, sheet = graded
    data = csv_bytes(
        [
            header(quiz, sheet),
            ["", "dana@example.org", "75", "90", ""],
            ["", "sam@example.org", "", "55.5", ""],
        ]
    )
    plan = gradebook.apply_override_import(
        cohort=cohort, data=data, reason="Skills assessment marks", by=trainer
    )
    assert len(plan.changes) == 2
    assert sorted(
        GradeOverride.objects.values_list("enrollment", "item", "percent", "reason")
    ) == sorted(
        [
            (enrollment.pk, f"assignment:{sheet.pk}", D("90.00"), "Skills assessment marks"),
            (other_enrollment.pk, f"assignment:{sheet.pk}", D("55.50"), "Skills assessment marks"),
        ]
    )
    assert sorted(
        GradeChange.objects.values_list(
            "enrollment",
            "item",
            "item_title",
            "action",
            "old_value",
            "new_value",
            "reason",
            "changed_by",
        )
    ) == sorted(
        [
            (
                enrollment.pk,
                f"assignment:{sheet.pk}",
                "Chain analysis",
                "overridden",
                "80%",
                "90%",
                "Skills assessment marks",
                trainer.pk,
            ),
            (
                other_enrollment.pk,
                f"assignment:{sheet.pk}",
                "Chain analysis",
                "overridden",
                "",
                "55.5%",
                "Skills assessment marks",
                trainer.pk,
            ),
        ]
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (["", "nobody@example.org", "80", "", ""], "No one with the email “nobody@example.org”"),
        (["", "dana@example.org", "eighty", "", ""], "“eighty” is not a number"),
        (["", "dana@example.org", "", "100.5", ""], "100.5 is outside 0–100"),
        (["", "dana@example.org", "-3", "", ""], "-3 is outside 0–100"),
        (["", "", "80", "", ""], "The email is missing"),
    ],
)
def test_a_bad_row_refuses_the_whole_file(cohort, graded, trainer, line, message):
    quiz, sheet = graded
    data = csv_bytes(
        [header(quiz, sheet), ["", "sam@example.org", "99", "", ""], line]
    )  # a good row first: it is not applied either
    plan = gradebook.plan_override_import(cohort=cohort, data=data)
    assert not plan.ok
    assert plan.changes == []
    assert [(p.line, message in p.message) for p in plan.problems] == [(3, True)]
    with pytest.raises(ValidationError):
        gradebook.apply_override_import(cohort=cohort, data=data, reason="Why", by=trainer)
    assert not GradeOverride.objects.exists()
    assert not GradeChange.objects.exists()


def test_an_unknown_item_column_refuses_the_file(cohort, graded, module, trainer):
    quiz, sheet = graded
    stranger = QuizFactory(module=ModuleFactory(course=CourseFactory()), title="Elsewhere")
    data = csv_bytes(
        [
            ["Email", f"Module 1 check [quiz:{quiz.pk}]", f"Elsewhere [quiz:{stranger.pk}]"],
            ["dana@example.org", "99", "50"],
        ]
    )
    plan = gradebook.plan_override_import(cohort=cohort, data=data)
    assert [(p.line, p.message) for p in plan.problems] == [
        (None, f"The column “Elsewhere [quiz:{stranger.pk}]” names no item of this course.")
    ]
    with pytest.raises(ValidationError):
        gradebook.apply_override_import(cohort=cohort, data=data, reason="Why", by=trainer)
    assert not GradeOverride.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        ("Email;Note\nx@example.org;é".encode("latin-1"), "The file is not UTF-8 text"),
        (b"Name,Email\nDana,dana@example.org\n", "No grade columns found"),
        (b"Name,Quiz [attendance]\nDana,90\n", "The file needs the “Email” column"),
    ],
)
def test_file_level_problems(cohort, graded, data, message):
    plan = gradebook.plan_override_import(cohort=cohort, data=data)
    assert plan.problems[0].line is None
    assert plan.problems[0].message.startswith(message)


def test_semicolons_and_no_bom_are_read_too(cohort, graded, enrollment):
    quiz, sheet = graded
    data = csv_bytes(
        [["Email", "Attendance [attendance]"], ["dana@example.org", "95"]], bom=False, delimiter=";"
    )
    plan = gradebook.plan_override_import(cohort=cohort, data=data)
    assert [(c.item.key, c.new) for c in plan.changes] == [("attendance", D("95.00"))]


def test_the_export_imports_back_as_no_change(client, trainer, cohort, graded):
    client.force_login(trainer)
    body, _ = export(client, cohort)
    plan = gradebook.plan_override_import(cohort=cohort, data=body)
    assert plan.ok
    assert plan.changes == []


def test_apply_plans_again_at_confirm_time(cohort, graded, enrollment, trainer):
    quiz, sheet = graded
    data = csv_bytes([header(quiz, sheet), ["", "dana@example.org", "", "90", ""]])
    assert len(gradebook.plan_override_import(cohort=cohort, data=data).changes) == 1
    # Meanwhile someone set the same value: on confirmation there is nothing left to change.
    gradebook.set_override(
        enrollment=enrollment,
        item=gradebook.plan_override_import(cohort=cohort, data=data).changes[0].item,
        percent=D(90),
        reason="Earlier",
        by=trainer,
    )
    plan = gradebook.apply_override_import(cohort=cohort, data=data, reason="Later", by=trainer)
    assert plan.changes == []
    assert GradeChange.objects.count() == 1
