"""The gradebook as a spreadsheet (CSV streamed row by row, or XLSX), through
`dbt_training.core.spreadsheets`."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from assessments.grading.gradebook.rows import GradebookItem, Row
from dbt_training.core.spreadsheets import Sheet

CATEGORY_HEADERS = ["Quizzes %", "Assignments %", "Attendance %", "Total %", "Result"]
CENT = Decimal("0.01")


def two_places(value: Decimal | None) -> Decimal | None:
    """Every figure with two decimals ("85.00"), the way the import reads them back; the
    numbers stay out of 100, as on the page (not Excel fractions)."""
    return None if value is None else value.quantize(CENT)


def gradebook_sheet(items: list[GradebookItem], found: Iterable[Row]) -> Sheet:
    """The gradebook's rows, read one at a time from `found` (the CSV streams them)."""
    header = ["Name", "Email", "Team", "Status", *(item.header for item in items)]
    rows = (
        [
            row.enrollment.user.full_name,
            row.enrollment.user.email,
            row.enrollment.team.name if row.enrollment.team else "",
            row.enrollment.get_status_display(),
            *(two_places(cell.value) for cell in row.cells),
            two_places(row.quizzes),
            two_places(row.assignments),
            two_places(row.attendance),
            two_places(row.total),
            row.result,
        ]
        for row in found
    )
    return Sheet("Gradebook", [*header, *CATEGORY_HEADERS], rows)
