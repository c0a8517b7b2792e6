"""A cohort's completion grid as a spreadsheet (CSV or XLSX, through
`dbt_training.core.spreadsheets`): the page's columns and figures, a row per trainee shown."""

from assessments.completion.grid import GridColumn, GridRow
from assessments.models import Certificate
from courses.models import Cohort
from dbt_training.core.spreadsheets import Column, Sheet


def certificate_text(certificate: Certificate) -> str:
    revoked = " (revoked)" if certificate.is_revoked else ""
    return f"{certificate.get_kind_display()} {certificate.code}{revoked}"


def completion_sheet(cohort: Cohort, columns: list[GridColumn], rows: list[GridRow]) -> Sheet:
    """A row per trainee: status, the share of required items met (a whole percent, rounded
    down, as the page shows it), each requirement column's figure, the certificates and when
    the last was issued (in the cohort's zone). A score or an attendance share is a number
    (a percentage cell in XLSX); a cell without one (not taken, awaiting grading) is its text."""
    numeric = [any(row.cells[i].percent is not None for row in rows) for i in range(len(columns))]
    header = [
        "Name",
        "Email",
        "Team",
        "Status",
        Column("Items met", percent=True),
        *(
            Column(f"{column.label} ({column.kind})", percent=percent)
            for column, percent in zip(columns, numeric, strict=True)
        ),
        "Certificates",
        "Last issued",
    ]
    lines = (
        [
            row.enrollment.user.full_name,
            row.enrollment.user.email,
            row.enrollment.team.name if row.enrollment.team_id else "",
            row.status_label,
            row.checklist.share,
            *(cell.text if cell.percent is None else cell.percent for cell in row.cells),
            "; ".join(certificate_text(certificate) for certificate in row.certificates),
            row.last_issued,
        ]
        for row in rows
    )
    return Sheet("Completion", header, lines, zone=cohort.time_zone)
