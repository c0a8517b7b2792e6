"""Overrides from a CSV file: upload, preview (a plan, nothing written), confirm (all or nothing)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower

from assessments.grading.gradebook.arithmetic import HUNDRED, rounded
from assessments.grading.gradebook.overrides import set_override
from assessments.grading.gradebook.rows import Cell, GradebookItem, gradebook_items, rows
from courses.csv_import import decode_csv, detect_delimiter
from courses.models import Cohort, Enrollment

# --- CSV import of overrides ----------------------------------------------------------------------

MAX_IMPORT_BYTES = 2 * 1024 * 1024  # a 1,000 × 50 export is about half a megabyte
MAX_IMPORT_ROWS = 10_000
KEY_IN_HEADER = re.compile(r"\[([^\[\]]*)\]\s*$")


@dataclass(frozen=True)
class ImportProblem:
    """Something to fix in the file; `line` is None when it concerns the whole file."""

    line: int | None
    message: str

    def __str__(self) -> str:
        return f"Line {self.line}: {self.message}" if self.line else self.message


@dataclass(frozen=True)
class OverrideChange:
    line: int
    enrollment: Enrollment
    item: GradebookItem
    old: Cell
    new: Decimal


@dataclass(frozen=True)
class OverridePlan:
    """What an import would change, cell by cell, before anything changes."""

    changes: list[OverrideChange]
    problems: list[ImportProblem]
    rows_read: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def csv_text(data: bytes) -> str | None:
    """An uploaded CSV's text (UTF-8 with or without BOM, or UTF-16 with one); None otherwise."""
    return decode_csv(data)


def _problem(message: str) -> OverridePlan:
    return OverridePlan(changes=[], problems=[ImportProblem(None, message)])


def plan_override_import(*, cohort: Cohort, data: bytes) -> OverridePlan:
    """Read an edited gradebook export and say which cells it changes; change nothing.

    Columns are recognised by the bracketed item key the export writes ("… [quiz:12]"); other
    columns (names, category percents, totals) are ignored. An empty cell or an unchanged value
    changes nothing. Any problem anywhere means the whole file is refused."""
    if len(data) > MAX_IMPORT_BYTES:
        return _problem("The file is larger than 2 MB; export a filtered gradebook instead.")
    text = csv_text(data)
    if text is None:
        return _problem(
            "The file is not UTF-8 text. Save it as “CSV UTF-8 (comma delimited)” and try again."
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=detect_delimiter(text))
    try:
        records = [(reader.line_num, cells) for cells in reader if any(c.strip() for c in cells)]
    except csv.Error as exc:
        return _problem(f"Line {reader.line_num} is not valid CSV ({exc}).")
    if not records:
        return _problem("The file is empty.")
    items = {item.key: item for item in gradebook_items(cohort.course)}
    _, header = records[0]
    email_column, columns, problems = _read_header(header, items)
    if problems:
        return OverridePlan(changes=[], problems=problems)
    body = records[1:]
    if len(body) > MAX_IMPORT_ROWS:
        return _problem(f"The file has {len(body):,} rows; at most {MAX_IMPORT_ROWS:,} fit.")

    emails = {_cell(cells, email_column).strip().lower() for _, cells in body} - {""}
    current = {
        row.enrollment.user.email.lower(): row
        for row in rows(
            cohort,
            Enrollment.objects.filter(cohort=cohort)
            .annotate(email_lower=Lower("user__email"))
            .filter(email_lower__in=emails),
            list(columns.values()),
            released_only=False,
        )
    }
    changes: list[OverrideChange] = []
    seen: dict[str, int] = {}
    for line, cells in body:
        raw = _cell(cells, email_column).strip()
        email = raw.lower()
        if not email:
            problems.append(ImportProblem(line, "The email is missing."))
            continue
        if email in seen:
            problems.append(ImportProblem(line, f"“{raw}” is already on line {seen[email]}."))
            continue
        seen[email] = line
        row = current.get(email)
        if row is None:
            problems.append(
                ImportProblem(line, f"No one with the email “{raw[:80]}” is in this cohort.")
            )
            continue
        for position, (index, item) in enumerate(columns.items()):
            value = _cell(cells, index).strip()
            if not value:
                continue
            new = _parse_percent(value)
            if isinstance(new, str):
                problems.append(ImportProblem(line, f"{item.title}: {new}"))
                continue
            old = row.cells[position]
            if old.value is None or rounded(old.value) != new:
                changes.append(OverrideChange(line, row.enrollment, item, old, new))
    if problems:
        return OverridePlan(changes=[], problems=problems, rows_read=len(body))
    return OverridePlan(changes=changes, problems=[], rows_read=len(body))


def _read_header(header: list[str], items: dict[str, GradebookItem]):
    """(email column, {column: item}, problems) from the header line."""
    email_column = None
    columns: dict[int, GradebookItem] = {}
    problems = []
    for index, name in enumerate(header):
        name = name.strip().removeprefix("\ufeff")
        match = KEY_IN_HEADER.search(name)
        if match:
            key = match.group(1).strip().lower()
            item = items.get(key)
            if item is None:
                problems.append(
                    ImportProblem(None, f"The column “{name[:80]}” names no item of this course.")
                )
            elif item in columns.values():
                problems.append(ImportProblem(None, f"The item [{key}] has two columns."))
            else:
                columns[index] = item
        elif name.lower() == "email" and email_column is None:
            email_column = index
    if email_column is None:
        problems.insert(0, ImportProblem(None, "The file needs the “Email” column of the export."))
    if not columns and not problems:
        problems.append(
            ImportProblem(
                None,
                "No grade columns found: keep the export's headers, which end in the item's key "
                "in brackets, e.g. “Chain analysis [assignment:5]”.",
            )
        )
    return email_column, columns, problems


def _cell(cells: list[str], index: int) -> str:
    return cells[index] if index < len(cells) else ""


def _parse_percent(text: str) -> Decimal | str:
    """The percentage in a cell, or what is wrong with it."""
    shown = text[:40]
    try:
        value = Decimal(text.removesuffix("%").strip())
    except InvalidOperation:
        return f"“{shown}” is not a number (write e.g. 85 or 72.5, with a dot)."
    if not value.is_finite():
        return f"“{shown}” is not a number (write e.g. 85 or 72.5, with a dot)."
    if not 0 <= value <= HUNDRED:
        return f"{shown} is outside 0–100."
    return rounded(value)


@transaction.atomic
def apply_override_import(*, cohort: Cohort, data: bytes, reason: str, by) -> OverridePlan:
    """Apply every change of the file or none: planned again now, so the changes made are the
    changes the gradebook would show today, not at preview time."""
    plan = plan_override_import(cohort=cohort, data=data)
    if not plan.ok:
        raise ValidationError([str(problem) for problem in plan.problems])
    for change in plan.changes:
        set_override(
            enrollment=change.enrollment,
            item=change.item,
            percent=change.new,
            reason=reason,
            by=by,
            current=change.old,
        )
    return plan
