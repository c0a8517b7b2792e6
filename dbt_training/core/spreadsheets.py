"""Spreadsheet downloads: one table of typed values, written as CSV or as XLSX.

An export describes its table once, a `Sheet` of columns and rows of plain Python values (str,
int, Decimal, float, date, aware datetime, None), and `spreadsheet_download` writes it in the
format asked for, so the two files never disagree:

- CSV streams a line at a time (a cohort of a thousand trainees never sits in memory), UTF-8
  with a BOM (without it Excel reads UTF-8 as the local code page and mangles accented names).
  Datetimes are written "2026-11-02 09:49" in the sheet's zone (minutes, no offset: what people
  read, and what Excel and LibreOffice parse as a date and time; seconds dropped in both
  formats), dates "2026-11-02", Decimals as they are ("85.00", never an exponent), None as an
  empty cell.
- XLSX is built in memory with openpyxl's write-only workbook (it streams into a zip that only
  exists once closed, and the column widths must be known before the first row, so the rows are
  read first; a thousand rows by fifty columns is a few megabytes). Numbers are numbers, dates
  and datetimes are Excel dates in the sheet's zone (Excel has no time zones: naive local time),
  the header is bold and frozen, and text is always text, never a formula.

Text cells that would start a formula get a leading apostrophe in CSV (OWASP "CSV injection");
in XLSX they are typed as text, which Excel never evaluates.
"""

from __future__ import annotations

import csv
import datetime
import io
import zoneinfo
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from dbt_training.core.http import attachment_headers

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOM = "\ufeff"

CSV_DATETIME = "%Y-%m-%d %H:%M"
XLSX_DATE = "yyyy-mm-dd"
XLSX_DATETIME = "yyyy-mm-dd hh:mm"
# Excel's limits on a sheet's name: 31 characters, none of these.
SHEET_TITLE_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})
MAX_WIDTH = 60
HEADER_FONT = Font(bold=True)


@dataclass(frozen=True)
class Column:
    """A column's header; `percent` marks a number out of 100 (85 → 85%): the number as it is
    in CSV, a percentage cell (0.85 shown as "85%") in XLSX."""

    header: str
    percent: bool = False


@dataclass
class Sheet:
    """A table to download. `columns` may be plain headers; `rows` may be a generator (CSV
    streams it) and a row may be shorter than the header (a note in its first cell)."""

    title: str
    columns: Sequence[Column | str]
    rows: Iterable[Sequence]
    zone: datetime.tzinfo | str | None = None  # for datetimes; None: the site's zone

    def __post_init__(self):
        self.columns = [c if isinstance(c, Column) else Column(c) for c in self.columns]
        if isinstance(self.zone, str):
            self.zone = zoneinfo.ZoneInfo(self.zone)
        elif self.zone is None:
            self.zone = timezone.get_default_timezone()


def spreadsheet_safe(value: str) -> str:
    """Text a spreadsheet shows as text: a leading = + - @ (or tab/CR) would start a formula
    (OWASP "CSV injection"), so such cells get a leading apostrophe."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def spreadsheet_download(sheet: Sheet, *, fmt: str, filename: str):
    """The sheet as an attachment named `filename` + ".csv" or ".xlsx"."""
    if fmt == "xlsx":
        response = HttpResponse(xlsx_bytes(sheet), content_type=XLSX_CONTENT_TYPE)
    elif fmt == "csv":
        response = StreamingHttpResponse(csv_lines(sheet), content_type=CSV_CONTENT_TYPE)
    else:
        raise ValueError(f"unknown spreadsheet format {fmt!r}")
    return attachment_headers(response, f"{filename}.{fmt}")


def local(value: datetime.datetime, zone) -> datetime.datetime:
    """An aware datetime as naive wall-clock time in `zone` (what a spreadsheet can hold), to
    the minute: both formats then hold the same value, the one people read."""
    if timezone.is_aware(value):
        value = value.astimezone(zone).replace(tzinfo=None)
    return value.replace(second=0, microsecond=0)


# --- CSV ------------------------------------------------------------------------------------------


class _Echo:
    """A file-like whose write returns the line, so csv.writer can feed a stream."""

    def write(self, value: str) -> str:
        return value


def csv_text(value, zone) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return spreadsheet_safe(value)
    if isinstance(value, datetime.datetime):
        return local(value, zone).strftime(CSV_DATETIME)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:f}"
    return str(value)


def csv_lines(sheet: Sheet) -> Iterator[str]:
    """The sheet as CSV lines, the BOM first, one row at a time."""
    writer = csv.writer(_Echo())
    yield BOM + writer.writerow([column.header for column in sheet.columns])
    for row in sheet.rows:
        yield writer.writerow([csv_text(value, sheet.zone) for value in row])


# --- XLSX -----------------------------------------------------------------------------------------


def decimal_format(value: Decimal, *, percent: bool = False) -> str:
    """Excel's number format for a Decimal, with as many places as it has ("0.00" for 85.00)."""
    places = max(-value.as_tuple().exponent, 0) if value.is_finite() else 0
    number = "0." + "0" * places if places else "0"
    return number + "%" if percent else number


def xlsx_cell(worksheet, value, column: Column, zone) -> WriteOnlyCell:
    if isinstance(value, str):
        cell = WriteOnlyCell(worksheet, ILLEGAL_CHARACTERS_RE.sub("", value))
        cell.data_type = "s"  # even "=1+1" is text: never a formula
        return cell
    if isinstance(value, bool):
        return WriteOnlyCell(worksheet, "Yes" if value else "No")
    if isinstance(value, datetime.datetime):
        cell = WriteOnlyCell(worksheet, local(value, zone))
        cell.number_format = XLSX_DATETIME
        return cell
    if isinstance(value, datetime.date):
        cell = WriteOnlyCell(worksheet, value)
        cell.number_format = XLSX_DATE
        return cell
    if isinstance(value, float):
        # Floats are measures (a correlation, a mean): two places, as the pages show them.
        cell = WriteOnlyCell(worksheet, value / 100 if column.percent else value)
        cell.number_format = "0.00%" if column.percent else "0.00"
        return cell
    if isinstance(value, int | Decimal):
        number = Decimal(value)
        cell = WriteOnlyCell(worksheet, number / 100 if column.percent else value)
        cell.number_format = decimal_format(number, percent=column.percent)
        return cell
    return WriteOnlyCell(worksheet, value)


def shown_width(value) -> int:
    """About how many characters a cell shows, to size its column."""
    if value is None:
        return 0
    if isinstance(value, datetime.datetime):
        return 16
    if isinstance(value, datetime.date):
        return 10
    if isinstance(value, str):
        return max((len(line) for line in value.splitlines()), default=0)
    return len(str(value))


def xlsx_bytes(sheet: Sheet) -> bytes:
    """The sheet as an .xlsx file: bold frozen header, typed cells, columns sized to fit."""
    rows = [list(row) for row in sheet.rows]
    headers = [column.header for column in sheet.columns]
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet.title.translate(SHEET_TITLE_FORBIDDEN)[:31] or "Sheet")
    # Write-only sheets take their column widths before the first row.
    for index, header in enumerate(headers):
        widest = max([len(header), *(shown_width(row[index]) for row in rows if index < len(row))])
        worksheet.column_dimensions[get_column_letter(index + 1)].width = min(widest + 2, MAX_WIDTH)
    worksheet.freeze_panes = "A2"
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(worksheet, ILLEGAL_CHARACTERS_RE.sub("", header))
        cell.data_type = "s"
        cell.font = HEADER_FONT
        header_cells.append(cell)
    worksheet.append(header_cells)
    for row in rows:
        worksheet.append(
            [
                xlsx_cell(worksheet, value, column, sheet.zone)
                for value, column in zip(row, sheet.columns, strict=False)
            ]
        )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
