"""The CE audit pack of a cohort: one zip of what a CE board asks a provider to produce when it
audits a program (APA, ASWB and NBCC sponsors must keep attendance, post-test results,
evaluations and certificates, and hand them over on request).

`write_audit_pack(out, cohort=…, by=…)` writes the zip to a binary file object: a README.txt
(what each file is, for which cohort, generated when and by whom) and one CSV per kind of record,
written through `dbt_training.core.spreadsheets` (UTF-8 with a BOM, times to the minute in the
cohort's zone, which every time column names in its header). Each CSV is streamed into the zip a
row at a time from an ordered query, so memory holds one session's attendance or one trainee's
attempts at once, never the cohort; the roster (a cohort's seats) and the sessions are the only
lists kept whole. A fixed number of queries, however many trainees, sessions or attempts.

The evaluation's report is `assessments.evaluation.report`, which completion may not import
(the concepts' order: evaluation sits beside completion, on quizzes); `AssessmentsConfig.ready()`
hands its two functions over with `register_evaluation_report`.
"""

from __future__ import annotations

import copy
import datetime
import itertools
import textwrap
import zipfile
import zoneinfo
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import BinaryIO

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from assessments.completion.checklists import course_approvals, course_items
from assessments.models import Attempt, CECheckRecord, Certificate, GradeChange, GradeOverride
from assessments.quizzes.results import counted_attempt
from assessments.taxonomy import GradeAction
from courses.models import SEAT_HOLDING, Attendance, Cohort, Enrollment, LiveSession
from dbt_training.core.formatting import hours_text
from dbt_training.core.sites import absolute_url
from dbt_training.core.spreadsheets import BOM, Sheet, csv_lines

CENT = Decimal("0.01")
NEWLINE = "\r\n"  # README.txt opens as lines in Windows Notepad too
WIDTH = 92


# --- the evaluation report, handed over by the app ----------------------------------------------

_evaluation: dict[str, Callable] = {}


def register_evaluation_report(*, report: Callable, sheet: Callable) -> None:
    """`report(quiz, cohort=…)` → the anonymous aggregate, `sheet(report)` → its Sheet (both
    `assessments.evaluation.report`); called from `AssessmentsConfig.ready()`."""
    _evaluation.update(report=report, sheet=sheet)


# --- the pack ------------------------------------------------------------------------------------


@dataclass
class PackFile:
    """One CSV of the pack: its name, what it holds (for the README), and its table."""

    name: str
    about: str
    sheet: Sheet
    rows_written: int = field(default=0, init=False)


def pack_filename(cohort: Cohort, *, now: datetime.datetime | None = None) -> str:
    day = timezone.localtime(now or timezone.now(), zoneinfo.ZoneInfo(cohort.time_zone)).date()
    return f"ce-audit-pack-cohort-{cohort.pk}-{day:%Y-%m-%d}.zip"


def write_audit_pack(
    out: BinaryIO, *, cohort: Cohort, by=None, now: datetime.datetime | None = None
) -> None:
    """Write the cohort's CE audit pack to `out` as a zip. `by` is the person who asked for it
    (None: the command line); `now` stamps the README and every entry, so the same data and the
    same moment give the same bytes."""
    now = now or timezone.now()
    zone = zoneinfo.ZoneInfo(cohort.time_zone)
    stamp = timezone.localtime(now, zone).timetuple()[:6]
    files = pack_files(cohort, zone)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for pack_file in files:
            with archive.open(entry(pack_file.name, stamp), "w") as raw:
                for line in csv_lines(_counted(pack_file)):
                    raw.write(line.encode("utf-8"))
        readme = readme_text(cohort, files, by=by, now=now, zone=zone)
        archive.writestr(entry("README.txt", stamp), (BOM + readme).encode("utf-8"))


def entry(name: str, stamp: tuple) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def _counted(pack_file: PackFile) -> Sheet:
    """The file's sheet, counting its rows as they stream past (the README gives the counts)."""

    def rows():
        for row in pack_file.sheet.rows:
            pack_file.rows_written += 1
            yield row

    sheet = pack_file.sheet
    return Sheet(sheet.title, sheet.columns, rows(), zone=sheet.zone)


def pack_files(cohort: Cohort, zone: zoneinfo.ZoneInfo) -> list[PackFile]:
    """Every CSV of the pack, in the README's order. The roster, the sessions and the evaluation
    report are read here; the other files' rows are generators whose query runs as the file is
    written."""
    course = cohort.course
    roster = list(
        Enrollment.objects.filter(cohort=cohort)
        .select_related("user", "team")
        .order_by("user__full_name", "pk")
    )
    sessions = list(
        LiveSession.objects.filter(cohort=cohort)
        .annotate(
            present_count=Count("attendance", filter=Q(attendance__present=True)),
            check_in_count=Count(
                "attendance",
                filter=Q(attendance__checked_in_at__isnull=False)
                | Q(attendance__source=Attendance.Source.CHECK_IN),
            ),
        )
        .order_by("starts_at", "pk")
    )
    items = course_items(course)
    at = f"({zone.key})"
    files = [
        PackFile(
            "roster.csv",
            "Every enrollment in the cohort, whatever its status: name, email, credentials, "
            "licence number and licensing board or jurisdiction as the trainee's profile holds "
            "them today (certificates.csv has them as printed), team, status and its dates.",
            Sheet("Roster", roster_columns(at), (roster_row(e) for e in roster), zone=zone),
        ),
        PackFile(
            "sessions.csv",
            "Every live session scheduled for the cohort: when, for how long, where, and how "
            "many trainees were recorded present and how many checked in with the session code.",
            Sheet("Sessions", session_columns(at), map(session_row, sessions), zone=zone),
        ),
        PackFile(
            "attendance.csv",
            "Attendance per live session: a line per session and trainee (every trainee holding "
            "a seat, and anyone else with a record): present or not and the minutes credited, "
            "how it was recorded (the trainee's check-in with the session code, or a trainer), "
            "the check-in time (kept when a trainer later corrects the line), who recorded the "
            "line last and when, and the reason a trainer gave for changing a check-in. "
            '"Not recorded": nobody marked the trainee for that session.',
            Sheet(
                "Attendance",
                attendance_columns(at),
                attendance_rows(cohort, roster, sessions),
                zone=zone,
            ),
        ),
        PackFile(
            "gradebook_overrides.csv",
            "Every change trainers made by hand to a gradebook result of the cohort's trainees "
            "(attendance, post-tests, assignments), oldest first: the value before and after, "
            'the reason, who and when. An empty "After" is an override removed; "In force" '
            "marks the overrides standing today.",
            Sheet("Overrides", override_columns(at), override_rows(cohort), zone=zone),
        ),
        PackFile(
            "post_test_attempts.csv",
            "Every attempt at the course's post-tests by the cohort's trainees: started, "
            'submitted, score, passed; "Counts" marks the attempt whose result stands (the '
            "post-test's rule: highest or last).",
            Sheet(
                "Post-test attempts",
                attempt_columns(at),
                attempt_rows(cohort, items.post_tests),
                zone=zone,
            ),
        ),
        *evaluation_files(cohort, items.surveys, zone),
        PackFile(
            "certificates.csv",
            "Every certificate and letter issued to the cohort's trainees, valid or revoked, "
            "with what it printed (copied when it was issued) and, when revoked, when, by whom "
            "and why.",
            Sheet("Certificates", certificate_columns(at), certificate_rows(cohort), zone=zone),
        ),
        PackFile(
            "approvals.csv",
            f"The course's CE approvals as they stand today, with the hours each awards (the "
            f"course's own CE hours: {hours_text(course.ce_hours)}).",
            Sheet(
                "Approvals",
                APPROVAL_COLUMNS,
                (approval_row(a) for a in course_approvals(course)),
                zone=zone,
            ),
        ),
        PackFile(
            "ce_checks.csv",
            "The CE checks recorded when the course was published: the hours claimed against "
            "the instructional minutes (lessons and scheduled live sessions) and the post-test's "
            "items, with the warnings shown then.",
            Sheet("CE checks", ce_check_columns(at), ce_check_rows(course), zone=zone),
        ),
    ]
    return files


def yes_no(value: bool | None) -> str:
    return "" if value is None else ("Yes" if value else "No")


def two_places(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(CENT)


# --- roster --------------------------------------------------------------------------------------


def roster_columns(at: str) -> list[str]:
    return [
        "Name",
        "Email",
        "Credentials",
        "Licence number",
        "Licensing board or jurisdiction",
        "Team",
        "Status",
        f"Enrolled {at}",
        f"Waitlisted {at}",
        f"Withdrawn {at}",
        f"Record created {at}",
    ]


def roster_row(enrollment: Enrollment) -> list:
    user = enrollment.user
    return [
        user.full_name,
        user.email,
        user.credentials,
        user.license_number,
        user.license_jurisdiction,
        enrollment.team.name if enrollment.team else "",
        enrollment.get_status_display(),
        enrollment.enrolled_at,
        enrollment.waitlisted_at,
        enrollment.withdrawn_at,
        enrollment.created_at,
    ]


# --- live sessions and attendance ----------------------------------------------------------------


def session_columns(at: str) -> list[str]:
    return [
        "Session",
        "Kind",
        f"Starts {at}",
        f"Ends {at}",
        "Scheduled minutes",
        "Place or link",
        "Recorded present",
        "Checked in",
    ]


def session_row(session: LiveSession) -> list:
    return [
        session.title,
        session.get_kind_display(),
        session.starts_at,
        session.ends_at,
        session.duration_minutes,
        session.location or session.join_url,
        session.present_count,
        session.check_in_count,
    ]


def attendance_columns(at: str) -> list[str]:
    return [
        "Session",
        f"Session starts {at}",
        "Scheduled minutes",
        "Name",
        "Email",
        "Present",
        "Minutes",
        "Recorded how",
        f"Checked in {at}",
        "Recorded by",
        f"Recorded at {at}",
        "Reason for changing the check-in",
    ]


def recorded_how(attendance: Attendance) -> str:
    if attendance.source == Attendance.Source.CHECK_IN:
        return "Checked in with the session code"
    if attendance.checked_in_at is not None or attendance.change_reason:
        return "Checked in, then changed by a trainer"
    return "Marked by a trainer"


def attendance_rows(
    cohort: Cohort, roster: list[Enrollment], sessions: list[LiveSession]
) -> Iterator[list]:
    """Per session in order, by name: each recorded line (whoever it belongs to now: a trainee
    transferred out keeps their lines), then "Not recorded" for each seat holder without one.
    One query, read in order and one session at a time."""
    holders = [e for e in roster if e.status in SEAT_HOLDING]
    recorded = (
        Attendance.objects.filter(live_session__cohort=cohort)
        .select_related("enrollment__user", "recorded_by")
        .order_by("live_session__starts_at", "live_session_id", "enrollment_id")
        .iterator(chunk_size=2000)
    )
    grouped = itertools.groupby(recorded, key=lambda a: a.live_session_id)
    pending = next(grouped, None)
    for session in sessions:
        lines: list[Attendance] = []
        if pending is not None and pending[0] == session.pk:
            lines = list(pending[1])
            pending = next(grouped, None)
        head = [session.title, session.starts_at, session.duration_minutes]
        marked = {a.enrollment_id for a in lines}
        shown = [(a.enrollment.user, a) for a in lines] + [
            (e.user, None) for e in holders if e.pk not in marked
        ]
        shown.sort(key=lambda pair: (pair[0].full_name, pair[0].email))
        for user, attendance in shown:
            if attendance is None:
                yield [*head, user.full_name, user.email, "Not recorded", *[None] * 6]
                continue
            yield [
                *head,
                user.full_name,
                user.email,
                yes_no(attendance.present),
                attendance.minutes,
                recorded_how(attendance),
                attendance.checked_in_at,
                attendance.recorded_by.full_name if attendance.recorded_by else "",
                attendance.recorded_at,
                attendance.change_reason,
            ]


# --- gradebook overrides ---------------------------------------------------------------------------


def override_columns(at: str) -> list[str]:
    return [
        f"Changed {at}",
        "Name",
        "Email",
        "Item",
        "Before",
        "After",
        "Reason",
        "Changed by",
        "In force",
    ]


def override_rows(cohort: Cohort) -> Iterator[list]:
    """The grade trail's override lines (set and removed), oldest first; the line that set an
    override standing today says so. Two queries."""
    standing = {
        (enrollment_id, item): set_at
        for enrollment_id, item, set_at in GradeOverride.objects.filter(
            enrollment__cohort=cohort
        ).values_list("enrollment_id", "item", "set_at")
    }
    changes = (
        GradeChange.objects.filter(enrollment__cohort=cohort, action=GradeAction.OVERRIDDEN)
        .select_related("enrollment__user", "changed_by")
        .order_by("changed_at", "pk")
        .iterator(chunk_size=2000)
    )
    for change in changes:
        user = change.enrollment.user
        in_force = (
            bool(change.new_value)
            and standing.get((change.enrollment_id, change.item)) == change.changed_at
        )
        yield [
            change.changed_at,
            user.full_name,
            user.email,
            change.item_title,
            change.old_value,
            change.new_value,
            change.reason,
            change.changed_by.full_name if change.changed_by else "",
            yes_no(in_force),
        ]


# --- post-test attempts ----------------------------------------------------------------------------


def attempt_columns(at: str) -> list[str]:
    return [
        "Name",
        "Email",
        "Post-test",
        "Attempt",
        f"Started {at}",
        f"Submitted {at}",
        "Score",
        "Out of",
        "Percent",
        "Passed",
        "Counts",
        "Note",
    ]


def attempt_note(attempt: Attempt) -> str:
    if attempt.submitted_at is None:
        return "Not submitted"
    if attempt.awaiting_grading:
        return "Awaiting grading"
    if attempt.submitted_by_time_limit:
        return "Submitted when the time ran out"
    return ""


def attempt_rows(cohort: Cohort, post_tests: Iterable) -> Iterator[list]:
    """By trainee, post-test and attempt number; one query, one trainee's attempts at one
    post-test in memory at a time (to find the one that counts)."""
    quizzes = {quiz.pk: quiz for quiz in post_tests}
    if not quizzes:
        return
    order = {pk: index for index, pk in enumerate(quizzes)}
    attempts = (
        Attempt.objects.filter(enrollment__cohort=cohort, quiz__in=list(quizzes))
        .select_related("enrollment__user")
        .order_by("enrollment__user__full_name", "enrollment_id", "quiz_id", "number")
        .iterator(chunk_size=2000)
    )
    for _enrollment_id, theirs in itertools.groupby(attempts, key=lambda a: a.enrollment_id):
        by_quiz: dict[int, list[Attempt]] = {}
        for attempt in theirs:
            by_quiz.setdefault(attempt.quiz_id, []).append(attempt)
        for quiz_id in sorted(by_quiz, key=order.get):
            quiz = quizzes[quiz_id]
            tries = by_quiz[quiz_id]
            counts = counted_attempt(
                [a for a in tries if a.submitted_at is not None], quiz.grading_method
            )
            for attempt in tries:
                user = attempt.enrollment.user
                yield [
                    user.full_name,
                    user.email,
                    quiz.title,
                    attempt.number,
                    attempt.started_at,
                    attempt.submitted_at,
                    two_places(attempt.score),
                    two_places(attempt.max_score),
                    two_places(attempt.percent),
                    yes_no(attempt.passed),
                    yes_no(attempt is counts) if attempt.submitted_at else "No",
                    attempt_note(attempt),
                ]


# --- the evaluation ------------------------------------------------------------------------------


def evaluation_files(cohort: Cohort, surveys: Iterable, zone) -> list[PackFile]:
    """A file per course evaluation survey: `evaluation.csv`, or `evaluation-1.csv`, … in course
    order when the course has several."""
    surveys = list(surveys)
    if not surveys or not _evaluation:
        return []
    files = []
    for number, quiz in enumerate(surveys, start=1):
        name = "evaluation.csv" if len(surveys) == 1 else f"evaluation-{number}.csv"
        # A copy: the report reads the quiz's module and course, which must not stay cached on
        # the quiz this process keeps in memory for every request (`course_items`).
        report = _evaluation["report"](copy.copy(quiz), cohort=cohort)
        sheet = _evaluation["sheet"](report)
        files.append(
            PackFile(
                name,
                f"The course evaluation “{quiz.title}” for this cohort, as its report shows it: "
                "anonymous aggregates per question (each trainee's latest submitted answers); "
                "withheld below the report's minimum number of responses, so that nobody can be "
                "identified.",
                Sheet(sheet.title, sheet.columns, sheet.rows, zone=zone),
            )
        )
    return files


# --- certificates --------------------------------------------------------------------------------


def certificate_columns(at: str) -> list[str]:
    return [
        "Code",
        "Kind",
        "Name as printed",
        "Credentials as printed",
        "Email",
        "Licence number as printed",
        "Licensing board or jurisdiction as printed",
        "Course as printed",
        "Cohort as printed",
        "Starts on",
        "Ends on",
        "Completed on",
        "Delivery format",
        "CE hours",
        "Profession or board",
        "Accrediting body",
        "Provider approval number",
        "Approval valid from",
        "Approval valid until",
        f"Issued {at}",
        "Status",
        f"Revoked {at}",
        "Revoked by",
        "Reason for revoking",
        "Verification page",
    ]


def certificate_rows(cohort: Cohort) -> Iterator[list]:
    certificates = (
        Certificate.objects.filter(enrollment__cohort=cohort)
        .select_related("enrollment__user", "revoked_by")
        .order_by("issued_at", "pk")
        .iterator(chunk_size=2000)
    )
    verify = reverse("certificates:verify", args=["CODE"])
    for c in certificates:
        yield [
            c.code,
            c.get_kind_display(),
            c.full_name,
            c.credentials,
            c.enrollment.user.email,
            c.license_number,
            c.license_jurisdiction,
            c.course_title,
            c.cohort_name,
            c.starts_on,
            c.ends_on,
            c.completed_on,
            c.delivery_format,
            two_places(c.ce_hours),
            c.profession,
            c.accrediting_body,
            c.approval_number,
            c.approval_valid_from,
            c.approval_valid_until,
            c.issued_at,
            "Revoked" if c.is_revoked else "Valid",
            c.revoked_at,
            c.revoked_by.full_name if c.revoked_by else "",
            c.revoke_reason,
            absolute_url(verify.replace("CODE", c.code)),
        ]


# --- the course: approvals and CE checks ---------------------------------------------------------

APPROVAL_COLUMNS = [
    "Profession or board",
    "Accrediting body",
    "CE hours",
    "Provider approval number",
    "Approval valid from",
    "Approval valid until",
    "Licence number required",
    "Approval statement",
]


def approval_row(approval) -> list:
    return [
        approval.profession,
        approval.accrediting_body,
        two_places(approval.hours),
        approval.approval_number,
        approval.valid_from,
        approval.valid_until,
        yes_no(approval.requires_license),
        approval.approval_statement,
    ]


def ce_check_columns(at: str) -> list[str]:
    return [
        f"Recorded {at}",
        "Recorded by",
        "CE hours claimed",
        "Instructional minutes",
        "Post-test items",
        "Warnings",
    ]


def ce_check_rows(course) -> Iterator[list]:
    records = (
        CECheckRecord.objects.filter(course=course)
        .select_related("recorded_by")
        .order_by("recorded_at", "pk")
    )
    for record in records:
        yield [
            record.recorded_at,
            record.recorded_by.full_name if record.recorded_by else "",
            two_places(record.claimed_hours),
            record.instructional_minutes,
            record.post_test_items,
            "; ".join(str(warning) for warning in record.warnings or []),
        ]


# --- README --------------------------------------------------------------------------------------


def readme_text(cohort: Cohort, files: list[PackFile], *, by, now, zone) -> str:
    course = cohort.course
    local = timezone.localtime(now, zone)
    who = f"{by.full_name} <{by.email}>" if by is not None else "the ce_audit_pack command"
    lines = [
        "CE audit pack",
        "=============",
        "",
        f"Course: {course.title}",
        f"Cohort: {cohort.name} (number {cohort.pk}), "
        f"{cohort.starts_on:%d %B %Y} to {cohort.ends_on:%d %B %Y}",
        f"Delivery format: {cohort.get_delivery_format_display()}",
        f"Course CE hours: {hours_text(course.ce_hours)}; post-test pass mark: {course.pass_mark}%",
        f"Time zone of every time in this pack: {zone.key}",
        f"Generated: {local:%Y-%m-%d %H:%M} {zone.key} "
        f"({now.astimezone(datetime.UTC):%Y-%m-%d %H:%M} UTC)",
        f"Generated by: {who}",
        "",
        *textwrap.wrap(
            "The files are CSV (comma-separated, UTF-8 with a byte-order mark, so Excel reads "
            "accented names), each with one header row. Times are to the minute in the cohort's "
            "time zone, named in each time column's header; dates are YYYY-MM-DD.",
            WIDTH,
        ),
        "",
    ]
    for pack_file in files:
        count = pack_file.rows_written
        lines.append(f"{pack_file.name} ({count} row{'s' if count != 1 else ''})")
        lines.extend(
            textwrap.wrap(pack_file.about, WIDTH, initial_indent="  ", subsequent_indent="  ")
        )
        lines.append("")
    if not any(f.name.startswith("evaluation") for f in files):
        lines.append(
            "No evaluation file: the course has no course evaluation survey."
            if _evaluation
            else "No evaluation file: the evaluation report is not available here."
        )
        lines.append("")
    return NEWLINE.join(lines)
