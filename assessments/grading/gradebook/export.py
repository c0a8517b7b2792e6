"""The gradebook as CSV, streamed row by row."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from decimal import Decimal

from assessments.grading.gradebook.rows import GradebookItem, Row
from courses.csv_import import spreadsheet_safe

# --- CSV export -----------------------------------------------------------------------------------

CATEGORY_HEADERS = ["Quizzes %", "Assignments %", "Attendance %", "Total %", "Result"]


class _Echo:
    """A file-like whose write returns the line, so csv.writer can feed a stream."""

    def write(self, value: str) -> str:
        return value


def number_text(value: Decimal | None) -> str:
    """Numbers with a dot and two decimals, whatever the spreadsheet's locale; empty for none."""
    return "" if value is None else f"{value:.2f}"


def csv_lines(items: list[GradebookItem], found: Iterable[Row]) -> Iterator[str]:
    """The gradebook as CSV lines, one row at a time. A BOM first: without it Excel reads UTF-8
    as the local code page and mangles accented names."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(
        ["Name", "Email", "Team", "Status", *(item.header for item in items), *CATEGORY_HEADERS]
    )
    for row in found:
        enrollment = row.enrollment
        yield writer.writerow(
            [
                spreadsheet_safe(enrollment.user.full_name),
                spreadsheet_safe(enrollment.user.email),
                spreadsheet_safe(enrollment.team.name) if enrollment.team else "",
                enrollment.get_status_display(),
                *(number_text(cell.value) for cell in row.cells),
                number_text(row.quizzes),
                number_text(row.assignments),
                number_text(row.attendance),
                number_text(row.total),
                row.result,
            ]
        )
