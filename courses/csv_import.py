"""Parse the CSV files admins upload to enroll people in a cohort.

Pure on purpose: bytes in, rows and problems out, no database. The enrollment view decides what
to do with the result, and an admin gets every problem in the file at once instead of fixing it
one failed upload at a time. Files come from Excel as often as from scripts, so the parser accepts
what Excel writes (BOMs, semicolons, tabs, UTF-16) and refuses to guess anything else.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from dbt_training.core.text import strip_control_characters

# Match the model fields the rows end up in (User.full_name; the team name).
MAX_FULL_NAME = 200
MAX_TEAM = 100
# Django's EmailField default: validate_email alone would accept up to 320 characters.
MAX_EMAIL = 254

NOT_UTF8 = "The file is not UTF-8 text. In Excel, save it as “CSV UTF-8 (comma delimited)”."
NO_ROWS = "The file has no rows to enroll."

# Header names after _normalize_header, mapped to the field they fill.
HEADER_ALIASES: dict[str, str] = {
    "email": "email",
    "e-mail": "email",
    "email address": "email",
    "mail": "email",
    "full name": "full_name",
    "name": "full_name",
    "team": "team",
    "team name": "team",
}
DELIMITERS = (",", ";", "\t")  # in order of preference when the header is ambiguous


@dataclass(frozen=True)
class CsvRow:
    """One person to enroll, already cleaned; `line` is where the row starts in the file."""

    line: int
    email: str
    full_name: str
    team: str


@dataclass(frozen=True)
class CsvProblem:
    """Something the admin must fix; `line` is None when it concerns the whole file."""

    line: int | None
    message: str


@dataclass(frozen=True)
class ParsedCsv:
    """Rows without problems, and every problem found; rows with problems are left out."""

    rows: list[CsvRow]
    problems: list[CsvProblem]

    @property
    def ok(self) -> bool:
        return not self.problems


def parse_enrollment_csv(data: bytes, *, max_rows: int = 10_000) -> ParsedCsv:
    """Parse an uploaded enrollment CSV into clean rows and problems an admin can act on."""
    text = decode_csv(data)
    if text is None:
        return _file_problem(NOT_UTF8)

    lines = io.StringIO(text, newline="").readlines()  # splits on \r\n, \r and \n only
    reader = csv.reader(lines, delimiter=detect_delimiter(text), skipinitialspace=True)
    records: list[tuple[int, int, list[str]]] = []  # (first line, last line, cells), non-blank
    last_line = 0
    try:
        for cells in reader:
            start, last_line = last_line + 1, reader.line_num
            if any(cell.strip() for cell in cells):
                records.append((start, last_line, cells))
    except csv.Error as exc:  # e.g. a cell over the csv module's field size limit
        return ParsedCsv([], [CsvProblem(reader.line_num, f"This line is not valid CSV ({exc}).")])
    if not records:
        return _file_problem(NO_ROWS)

    problems: list[CsvProblem] = []
    if _runs_off_the_end(records[-1], lines, last_line, reader.dialect):
        # The rows it swallowed would otherwise vanish without a word.
        start = records.pop()[0]
        problems.append(
            CsvProblem(
                start,
                'A quote mark (") on this line is never closed, so the rest of the file '
                "was read as one cell.",
            )
        )
        if not records:
            return ParsedCsv([], problems)

    _, _, header = records[0]
    columns, header_problems = _read_header(header)
    if header_problems:
        return ParsedCsv([], header_problems)

    body = records[1:]
    if not body:
        return ParsedCsv([], problems) if problems else _file_problem(NO_ROWS)
    if len(body) > max_rows:
        return _file_problem(
            f"The file has {len(body):,} rows; at most {max_rows:,} can be enrolled at once."
        )

    rows: list[CsvRow] = []
    first_seen: dict[str, int] = {}
    for start, _, cells in body:
        problems.extend(_check_row(start, cells, columns, first_seen, rows))
    return ParsedCsv(rows, problems)


def decode_csv(data: bytes) -> str | None:
    """Text of the file, or None when it is neither UTF-8 nor UTF-16 with a BOM."""
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = data.decode("utf-16")  # the codec reads the BOM to pick the byte order
        else:
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    # NUL never belongs in a CSV; it means UTF-16 without a BOM, or a binary file, both of which
    # are otherwise valid UTF-8 byte by byte.
    if "\x00" in text:
        return None
    return strip_control_characters(text.removeprefix("\ufeff"))


def detect_delimiter(text: str) -> str:
    """The delimiter used most often, outside quotes, on the first non-blank line.

    csv.Sniffer looks at data rows too and guesses wrong on short files; a header line made of
    column names is a far more reliable sample.
    """
    counts = dict.fromkeys(DELIMITERS, 0)
    in_quotes = False
    has_text = False
    for char in text:
        if char == '"':
            in_quotes = not in_quotes
            has_text = True
        elif in_quotes:
            continue
        elif char in counts:
            counts[char] += 1
        elif char in "\r\n":
            if has_text:
                break
            counts = dict.fromkeys(DELIMITERS, 0)  # a line of bare delimiters is blank
        elif not char.isspace():
            has_text = True
    return max(DELIMITERS, key=lambda delimiter: counts[delimiter])  # first wins a tie


def _runs_off_the_end(
    record: tuple[int, int, list[str]], lines: list[str], last_line: int, dialect: csv.Dialect
) -> bool:
    """Whether the last record spans several lines because a quote was opened and never closed.

    The lenient reader silently reads everything after a stray quote into one cell; only a strict
    re-read of that record tells it apart from a cell that really holds a line break.
    """
    start, end, _ = record
    if end != last_line or start == end:
        return False
    try:
        for _ in csv.reader(lines[start - 1 : end], dialect=dialect, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _read_header(header: list[str]) -> tuple[dict[str, int], list[CsvProblem]]:
    """Map each known field to its column, or say what is wrong with the header."""
    found: dict[str, list[int]] = {}
    for index, cell in enumerate(header):
        field_name = HEADER_ALIASES.get(_normalize_header(cell))
        if field_name:
            found.setdefault(field_name, []).append(index)

    problems = []
    if "email" not in found:
        names = [cell.strip() for cell in header if cell.strip()]
        message = f"The file needs an “email” column (found: {', '.join(names)})."
        if any("@" in name for name in names):
            message += " The first line must name the columns, e.g. “email,full_name,team”."
        problems.append(CsvProblem(None, message))
    for field_name, indexes in found.items():
        if len(indexes) > 1:
            names = ", ".join(header[index].strip() for index in indexes)
            problems.append(
                CsvProblem(
                    None,
                    f"The file has more than one “{field_name}” column ({names}); keep only one.",
                )
            )
    return {name: indexes[0] for name, indexes in found.items()}, problems


def _normalize_header(cell: str) -> str:
    """Lower-case, with underscores as spaces and runs of whitespace as one space."""
    return " ".join(cell.replace("_", " ").lower().split())


def _check_row(
    line: int,
    cells: list[str],
    columns: dict[str, int],
    first_seen: dict[str, int],
    rows: list[CsvRow],
) -> list[CsvProblem]:
    """Clean one row; append it to `rows` if it has no problems, else return them."""

    def cell(field_name: str) -> str:
        index = columns.get(field_name)
        return cells[index] if index is not None and index < len(cells) else ""

    raw_email = cell("email").strip()
    email = raw_email.lower()
    full_name = " ".join(cell("full_name").split())
    team = cell("team").strip()

    messages = []
    if not email:
        messages.append("The email is missing.")
    elif "\n" in email or "\r" in email:
        messages.append('The email cell runs over several lines; look for a stray quote mark (").')
    elif len(email) > MAX_EMAIL or not _is_valid_email(email):
        messages.append(f"“{_shorten(raw_email)}” is not a valid email address.")
    elif email in first_seen:
        messages.append(f"“{raw_email}” is already on line {first_seen[email]}.")
    else:
        first_seen[email] = line
    if len(full_name) > MAX_FULL_NAME:
        messages.append(
            f"The name is {len(full_name):,} characters long; at most {MAX_FULL_NAME} fit."
        )
    if len(team) > MAX_TEAM:
        messages.append(f"The team name is {len(team):,} characters long; at most {MAX_TEAM} fit.")

    if not messages:
        rows.append(CsvRow(line=line, email=email, full_name=full_name, team=team))
    return [CsvProblem(line, message) for message in messages]


def _is_valid_email(email: str) -> bool:
    try:
        validate_email(email)
    except ValidationError:
        return False
    return True


def _shorten(value: str, limit: int = 60) -> str:
    """Keep messages readable when a whole paragraph landed in the email column."""
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _file_problem(message: str) -> ParsedCsv:
    return ParsedCsv([], [CsvProblem(None, message)])
