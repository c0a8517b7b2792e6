"""The roster as a spreadsheet (CSV or XLSX, through `dbt_training.core.spreadsheets`)."""

from dbt_training.core.spreadsheets import Sheet

from .models import Cohort

ROSTER_HEADER = ["email", "full_name", "status", "team", "enrolled_at", "withdrawn_at"]


def roster_sheet(cohort: Cohort, roster) -> Sheet:
    """`roster` (enrollments with user and team) row by row, in chunks: a large cohort is never
    held whole for the CSV. Times in the cohort's zone."""
    rows = (
        [
            e.user.email,
            e.user.full_name,
            e.status,
            e.team.name if e.team else "",
            e.enrolled_at,
            e.withdrawn_at,
        ]
        for e in roster.iterator(chunk_size=500)
    )
    return Sheet("Roster", ROSTER_HEADER, rows, zone=cohort.time_zone)
