"""The one place spreadsheets are written (`dbt_training.core.spreadsheets`): typed values in,
CSV (BOM, readable times in the sheet's zone) and XLSX (numbers, dates, text never a formula)
out. The four exports are tested with their views: tests/courses/test_views.py (roster),
tests/assessments/grading/test_gradebook_xlsx.py, tests/assessments/completion/
test_certificate_views.py and tests/assessments/evaluation/test_evaluation_report.py."""

import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from dbt_training.core.spreadsheets import (
    XLSX_CONTENT_TYPE,
    Column,
    Sheet,
    csv_lines,
    spreadsheet_download,
    xlsx_bytes,
)

ENROLLED = datetime.datetime(2026, 11, 2, 14, 49, 10, 292323, tzinfo=datetime.UTC)
HEADER = ["Name", "Count", "Mean", "Ratio", Column("Share", percent=True), "On", "At", "Note"]
ROW = ["=1+1", 3, Decimal("3.75"), 0.456, 85, datetime.date(2026, 1, 2), ENROLLED, None]


def sheet(rows=None) -> Sheet:
    return Sheet("Scores: 1/2", HEADER, [ROW] if rows is None else rows, zone="America/New_York")


def test_csv_has_a_bom_readable_times_in_the_zone_and_safe_text():
    assert "".join(csv_lines(sheet())) == (
        "\ufeffName,Count,Mean,Ratio,Share,On,At,Note\r\n"
        "'=1+1,3,3.75,0.456,85,2026-01-02,2026-11-02 09:49,\r\n"
    )


def test_xlsx_types_formats_and_layout():
    book = load_workbook(io.BytesIO(xlsx_bytes(sheet())))
    worksheet = book.active

    assert worksheet.title == "Scores  1 2"  # Excel forbids : and / in a sheet's name
    assert worksheet.freeze_panes == "A2"
    assert [cell.value for cell in worksheet[1]] == [
        "Name",
        "Count",
        "Mean",
        "Ratio",
        "Share",
        "On",
        "At",
        "Note",
    ]
    assert all(cell.font.b for cell in worksheet[1])
    cells = worksheet[2]
    assert [cell.value for cell in cells] == [
        "=1+1",
        3,
        3.75,
        0.456,
        0.85,
        datetime.datetime(2026, 1, 2),
        datetime.datetime(2026, 11, 2, 9, 49),  # New York, to the minute, naive
        None,
    ]
    assert [cell.data_type for cell in cells[:7]] == ["s", "n", "n", "n", "n", "d", "d"]
    assert [cell.number_format for cell in cells[1:7]] == [
        "0",
        "0.00",
        "0.00",
        "0%",
        "yyyy-mm-dd",
        "yyyy-mm-dd hh:mm",
    ]
    assert worksheet.column_dimensions["A"].width == 6  # "Name" + 2
    assert worksheet.column_dimensions["G"].width == 18  # a date and time


def test_a_short_row_is_a_note_in_its_first_cell():
    note = "At least 3 responses are needed."
    worksheet = load_workbook(io.BytesIO(xlsx_bytes(sheet([[note]])))).active
    assert [cell.value for cell in worksheet[2]][:2] == [note, None]
    assert "".join(csv_lines(sheet([[note]]))).endswith(f"\r\n{note}\r\n")


@pytest.mark.parametrize(
    ("fmt", "content_type"),
    [("csv", "text/csv; charset=utf-8"), ("xlsx", XLSX_CONTENT_TYPE)],
)
def test_download_names_the_file(fmt, content_type):
    response = spreadsheet_download(sheet(), fmt=fmt, filename="cohort-7-roster")
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="cohort-7-roster.{fmt}"'


def test_csv_streams_and_reads_rows_one_at_a_time():
    read = []

    def rows():
        for number in range(3):
            read.append(number)
            yield [f"Trainee {number}", number, None, None, None, None, None, None]

    lines = csv_lines(sheet(rows()))
    assert next(lines).startswith("\ufeffName,")
    assert read == []
    assert next(lines) == "Trainee 0,0,,,,,,\r\n" and read == [0]
