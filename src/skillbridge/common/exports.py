"""CSV and XLSX downloads of tables, safe to open in a spreadsheet."""

import csv
import datetime
import io
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles.numbers import BUILTIN_FORMATS

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "@", "\t", "\r")
# "+" and "-" start a formula too, but a plain number or phone number
# ("-12.5", "+32 470 12 34 56", "+1 (555) 010-9999") runs nothing: no
# function, no reference. Those are kept as they are.
SIGNS = ("+", "-")
PLAIN_NUMBER = re.compile(r"[+-]\(?\d[\d\s.,()/-]*")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Spreadsheets show their built-in date formats (14: short date, 22: short date and
# time) in the reader's own order and separators, as "#,##0" groups by the reader's.
SHORT_DATE = BUILTIN_FORMATS[14]
SHORT_DATE_TIME = BUILTIN_FORMATS[22]


def neutralise(value):
    """Make a text cell inert: prefix a quote when a spreadsheet would run it as a formula.

    Phone numbers and signed numbers stay as written; in XLSX they stay text.
    """
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_PREFIXES) or (
        value.startswith(SIGNS) and not PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def local(value):
    """A moment in the site's time (Africa/Kigali), as the pages show it: a cell holds no zone."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.make_naive(value)
    return value


def csv_value(value):
    """A CSV holds text: moments to the minute, ISO-ordered, as machines read them."""
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    return value


def xlsx_row(sheet, row: Sequence) -> list:
    """A row's cells, amounts and counts as numbers grouped by thousands, dates as dates.

    The spreadsheet shows the grouping with its reader's own separators
    (2 350 000 in French, 2,350,000 in English), and dates in its reader's
    own order, as the pages do.
    """
    cells = []
    for value in row:
        cell = WriteOnlyCell(sheet, value=value)
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            whole = isinstance(value, int) or (
                isinstance(value, Decimal) and value.is_finite() and value == value.to_integral()
            )
            cell.number_format = "#,##0" if whole else "#,##0.00"
        elif isinstance(value, datetime.datetime):
            cell.number_format = SHORT_DATE_TIME
        elif isinstance(value, datetime.date):
            cell.number_format = SHORT_DATE
        cells.append(cell)
    return cells


def table_response(
    *,
    filename: str,
    file_format: str,
    headers: Sequence[str],
    rows: Iterable[Sequence],
    sheet_title: str = "Export",
) -> HttpResponse:
    """Answer a download of `rows` as CSV (UTF-8 with BOM, for Excel) or XLSX."""
    clean_rows = ([neutralise(local(v)) for v in row] for row in rows)
    headers = [str(h) for h in headers]
    if file_format == "xlsx":
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=sheet_title[:31])
        sheet.append(headers)
        for row in clean_rows:
            sheet.append(xlsx_row(sheet, row))
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
        extension = "xlsx"
    elif file_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(headers)
        writer.writerows([csv_value(v) for v in row] for row in clean_rows)
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv")
        extension = "csv"
    else:
        raise ValueError(f"Unknown export format {file_format!r}")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{extension}"'
    return response
