"""The gradebook as XLSX: the same table as the CSV, with numbers as numbers, in flat queries."""

import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from courses.models import Team
from dbt_training.core.spreadsheets import XLSX_CONTENT_TYPE
from tests.assessments.grading.test_gradebook_csv import EXPORT_QUERIES, build_gradebook
from tests.factories import (
    AssignmentFactory,
    AttemptFactory,
    EnrollmentFactory,
    GradeFactory,
    QuizFactory,
    hold_sessions,
)

pytestmark = pytest.mark.django_db

D = Decimal


def workbook_of(response):
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    return load_workbook(io.BytesIO(response.content))


def test_xlsx_has_the_csv_columns_with_numbers_as_numbers(client, trainer, cohort, module):
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

    response = client.get(reverse("gradebook:export_xlsx", args=[cohort.pk]))

    assert response["Content-Disposition"] == (
        f'attachment; filename="cohort-{cohort.pk}-gradebook.xlsx"'
    )
    worksheet = workbook_of(response).active
    assert worksheet.title == "Gradebook"
    assert worksheet.freeze_panes == "A2"
    rows = list(worksheet.iter_rows(values_only=True))
    assert rows == [
        (
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
        ),
        # A formula in a name is plain text in XLSX: no apostrophe needed, never evaluated.
        ('=HYPERLINK("http://x")', "h@example.org", None, "Active")
        + (None, None, None, 0, None, None, 0, 0, "In progress"),
        ("Amélie Dubois", "amelie@example.org", "Team Ñandú", "Active")
        + (12.5, 80, 66.67, 50, 80, 66.67, 50, 70.34, "Fail"),
    ]
    assert all(cell.font.b for cell in worksheet[1])
    name, *_, total, result = worksheet[3]
    assert (name.data_type, total.data_type, result.data_type) == ("s", "n", "s")
    assert worksheet["A2"].data_type == "s"  # the "formula" is text
    # Numbers with the page's two places: 80 reads "80.00" in Excel, 66.67 is a float.
    assert (worksheet["I3"].value, worksheet["I3"].number_format) == (80, "0.00")
    assert type(worksheet["J3"].value) is float and worksheet["J3"].number_format == "0.00"


def test_xlsx_keeps_the_filters(client, trainer, cohort, module):
    check = QuizFactory(module=module, title="Check")
    passing = EnrollmentFactory(cohort=cohort, user__full_name="Pat Pass")
    EnrollmentFactory(cohort=cohort, user__full_name="Fay Fail")
    AttemptFactory(enrollment=passing, quiz=check, percent=D(95))
    client.force_login(trainer)

    response = client.get(reverse("gradebook:export_xlsx", args=[cohort.pk]), {"search": "Pat"})

    names = [row[0] for row in workbook_of(response).active.iter_rows(values_only=True)]
    assert names == ["Name", "Pat Pass"]


def test_xlsx_export_queries_do_not_grow_with_trainees(
    client, trainer, django_assert_max_num_queries
):
    small = build_gradebook(trainer, label="small", trainees=3, items=4)
    big = build_gradebook(trainer, label="big", trainees=60, items=4)
    client.force_login(trainer)
    counts = {}
    for cohort in (small, big):
        with (
            django_assert_max_num_queries(EXPORT_QUERIES),
            CaptureQueriesContext(connection) as queries,
        ):
            response = client.get(reverse("gradebook:export_xlsx", args=[cohort.pk]))
        counts[cohort] = len(queries)
        rows = list(workbook_of(response).active.iter_rows(values_only=True))
        assert len(rows) == 1 + (3 if cohort == small else 60)
    assert counts[small] == counts[big]
    assert rows[1 + 7][:5] == ("Trainee 0007", "big0007@example.org", None, "Active", 7)
