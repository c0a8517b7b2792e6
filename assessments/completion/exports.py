"""A cohort's completion table as a spreadsheet (CSV or XLSX, through
`dbt_training.core.spreadsheets`): the columns of the cohort's completion page."""

from assessments.completion.checklists import Checklist, Requirement
from assessments.models import Certificate
from courses.models import Cohort
from dbt_training.core.spreadsheets import Column, Sheet


def certificate_text(certificate: Certificate) -> str:
    revoked = " (revoked)" if certificate.is_revoked else ""
    return f"{certificate.get_kind_display()} {certificate.code}{revoked}"


def completion_sheet(
    cohort: Cohort,
    requirements: list[Requirement],
    shown: list[tuple[Checklist, list[Certificate]]],
) -> Sheet:
    """A row per trainee: share met, where each requirement stands, certificates and when the
    last was issued (in the cohort's zone)."""
    header = [
        "Name",
        "Email",
        "Complete",
        Column("Share met", percent=True),
        *(requirement.label for requirement in requirements),
        "Certificates",
        "Last issued",
    ]
    rows = [
        [
            checklist.enrollment.user.full_name,
            checklist.enrollment.user.email,
            "Yes" if checklist.complete else "No",
            checklist.share,
            *(requirement.standing for requirement in checklist.requirements),
            "; ".join(certificate_text(certificate) for certificate in issued),
            max((certificate.issued_at for certificate in issued), default=None),
        ]
        for checklist, issued in shown
    ]
    return Sheet("Completion", header, rows, zone=cohort.time_zone)
