"""Reading and checking a file of professionals to import (DESIGN §4 "Expert import").

Columns: email, first_name, last_name, country, city, profession, employer,
years_experience, sectors, skills, languages, available_from, available_to,
modalities, capacity, consent. Lists are separated by `;`, languages are ISO
639-1 codes, dates ISO 8601, consent `yes`/`no`. CSV in UTF-8 with or without
a BOM, separated by commas or semicolons; or XLSX (first sheet).

Nothing here writes: `rows_read` and `rows_check` turn a file into rows that
can be applied and line-numbered reasons for those that cannot.
"""

import csv
import datetime
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django_countries import countries
from openpyxl import load_workbook

from skillbridge.experts.languages import LANGUAGE_CODES
from skillbridge.programmes.models import Sector

COLUMNS = (
    "email",
    "first_name",
    "last_name",
    "country",
    "city",
    "profession",
    "employer",
    "years_experience",
    "sectors",
    "skills",
    "languages",
    "available_from",
    "available_to",
    "modalities",
    "capacity",
    "consent",
)
REQUIRED = ("email", "first_name", "last_name", "country", "consent")
TEXT_COLUMNS = ("first_name", "last_name", "city", "profession", "employer", "skills")
# A cell starting with one of these runs as a formula when the data is opened
# in a spreadsheet again; no real name, city or profession starts with one.
FORMULA_STARTS = ("=", "+", "-", "@")
MODALITIES = {"onsite": "onsite", "on-site": "onsite", "on site": "onsite", "remote": "remote"}
LANGUAGES = {code: code for code in LANGUAGE_CODES}
MAX_YEARS = 70
MAX_CAPACITY = 10


class ImportFileError(Exception):
    """The file as a whole cannot be read: wrong type, encoding or columns."""


@dataclass
class RawRow:
    line: int
    values: dict[str, str]


@dataclass
class ImportRow:
    line: int
    email: str
    first_name: str
    last_name: str
    country: str
    city: str = ""
    profession: str = ""
    employer: str = ""
    years_experience: int | None = None
    sector_ids: list[int] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    window: tuple[datetime.date, datetime.date] | None = None
    modalities: list[str] = field(default_factory=list)
    capacity: int | None = None
    consent: bool = False

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str

    def __str__(self) -> str:
        return _("line %(line)s: %(reason)s") % {"line": self.line, "reason": self.reason}


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _header(cells: list) -> list[str]:
    names = [_cell_text(cell).casefold().replace(" ", "_") for cell in cells]
    missing = [column for column in COLUMNS if column not in names]
    if missing:
        raise ImportFileError(
            _("The file lacks these columns: %(columns)s.") % {"columns": ", ".join(missing)}
        )
    return names


def _read_csv(content: bytes) -> list[RawRow]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(_("The file is not in UTF-8. Save it as CSV UTF-8.")) from error
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[RawRow] = []
    names: list[str] | None = None
    previous_end = 0
    for cells in reader:
        line, previous_end = previous_end + 1, reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if names is None:
            names = _header(cells)
            continue
        rows.append(RawRow(line, {n: _cell_text(v) for n, v in zip(names, cells, strict=False)}))
    if names is None:
        raise ImportFileError(_("The file is empty."))
    return rows


def _read_xlsx(content: bytes) -> list[RawRow]:
    try:
        # Formulas are read as their text, never computed: a formula cell is refused.
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception as error:
        raise ImportFileError(_("The spreadsheet cannot be read.")) from error
    sheet = workbook.worksheets[0]
    rows: list[RawRow] = []
    names: list[str] | None = None
    for line, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
        if not any(_cell_text(cell) for cell in cells):
            continue
        if names is None:
            names = _header(list(cells))
            continue
        rows.append(RawRow(line, {n: _cell_text(v) for n, v in zip(names, cells, strict=False)}))
    workbook.close()
    if names is None:
        raise ImportFileError(_("The file is empty."))
    return rows


def rows_read(filename: str, content: bytes) -> list[RawRow]:
    """The non-blank data rows of a CSV or XLSX file, each with its line number."""
    suffix = PurePath(filename).suffix.lower()
    if suffix == ".csv":
        return _read_csv(content)
    if suffix == ".xlsx":
        return _read_xlsx(content)
    raise ImportFileError(_("Use a CSV or XLSX file."))


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def _date(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value)


def _whole_number(value: str, low: int, high: int) -> int | None:
    try:
        number = int(value)
    except ValueError:
        return None
    return number if low <= number <= high else None


def _required(v: dict[str, str]) -> list[str]:
    return [_("%(column)s: required") % {"column": column} for column in REQUIRED if not v[column]]


def _text(v: dict[str, str]) -> list[str]:
    """Read a lone dash as empty (in `v`); refuse text that a spreadsheet would run."""
    problems = []
    for column in TEXT_COLUMNS:
        if v[column] == "-":
            v[column] = ""
        elif v[column].startswith(FORMULA_STARTS):
            problems.append(
                _("%(column)s: starts with %(char)s, which would run as a formula")
                % {"column": column, "char": v[column][0]}
            )
    return problems


def _country(value: str) -> tuple[str, list[str]]:
    """The country's code, from a code or an English name, and what is wrong with it."""
    if not value:
        return "", []
    country = value.upper() if value.upper() in countries else ""
    country = country or countries.by_name(value) or ""
    if not country:
        return "", [_("country: unknown country %(value)s") % {"value": value}]
    return country, []


def _years(v: dict[str, str], row: ImportRow) -> list[str]:
    if not v["years_experience"]:
        return []
    row.years_experience = _whole_number(v["years_experience"], 0, MAX_YEARS)
    if row.years_experience is None:
        return [_("years_experience: not a whole number between 0 and 70")]
    return []


def _look_up(names: str, known: Mapping, into: list, unknown: str) -> list[str]:
    """Add to `into` what each `;`-separated name stands for in `known` (case folded).

    Returns `unknown` (a message with %(value)s) for each name `known` lacks.
    """
    problems = []
    for name in _split(names):
        if name.casefold() in known:
            into.append(known[name.casefold()])
        else:
            problems.append(unknown % {"value": name})
    return problems


def _languages(v: dict[str, str], row: ImportRow) -> list[str]:
    return _look_up(
        v["languages"],
        LANGUAGES,
        row.languages,
        _("languages: unknown language code %(value)s"),
    )


def _modalities(v: dict[str, str], row: ImportRow) -> list[str]:
    return _look_up(
        v["modalities"],
        MODALITIES,
        row.modalities,
        _("modalities: unknown modality %(value)s (use onsite or remote)"),
    )


def _capacity(v: dict[str, str], row: ImportRow) -> list[str]:
    if not v["capacity"]:
        return []
    row.capacity = _whole_number(v["capacity"], 1, MAX_CAPACITY)
    if row.capacity is None:
        return [_("capacity: not a whole number between 1 and 10")]
    return []


def _consent(v: dict[str, str], row: ImportRow) -> list[str]:
    if not v["consent"]:
        return []
    row.consent = v["consent"].casefold() == "yes"
    if v["consent"].casefold() not in ("yes", "no"):
        return [_("consent: use yes or no")]
    return []


class _Checker:
    """Checks rows one by one, remembering addresses already taken."""

    def __init__(self) -> None:
        self.sectors: dict[str, int] = {}
        for pk, slug, name in Sector.objects.values_list("pk", "slug", "name"):
            self.sectors[slug.casefold()] = pk
            self.sectors[name.casefold()] = pk
        self.taken: dict[str, int] = {}

    def check(self, raw: RawRow) -> tuple[ImportRow | None, list[str]]:
        v = {column: raw.values.get(column, "") for column in COLUMNS}
        problems = _required(v) + _text(v)
        email, email_problems = self._email(v["email"])
        country, country_problems = _country(v["country"])
        problems += email_problems + country_problems
        row = ImportRow(
            line=raw.line,
            email=email,
            first_name=v["first_name"],
            last_name=v["last_name"],
            country=country,
            city=v["city"],
            profession=v["profession"],
            employer=v["employer"],
            skills=_split(v["skills"]),
        )
        problems += _years(v, row) + self._sectors(v, row) + _languages(v, row)
        problems += self._window(v, row) + _modalities(v, row) + _capacity(v, row)
        problems += _consent(v, row)
        if problems:
            return None, problems
        self.taken[email] = raw.line
        return row, []

    def _email(self, value: str) -> tuple[str, list[str]]:
        """The address, case folded (empty when it is not one), and what is wrong with it."""
        email = value.casefold()
        if not email:
            return "", []
        try:
            validate_email(email)
        except ValidationError:
            return "", [_("email: not a valid email address")]
        if email in self.taken:
            return email, [
                _("email: the same address is already on line %(line)s")
                % {"line": self.taken[email]}
            ]
        return email, []

    def _sectors(self, v: dict[str, str], row: ImportRow) -> list[str]:
        unknown = _("sectors: unknown sector %(value)s")
        return _look_up(v["sectors"], self.sectors, row.sector_ids, unknown)

    @staticmethod
    def _window(v: dict[str, str], row: ImportRow) -> list[str]:
        start_text, end_text = v["available_from"], v["available_to"]
        if not start_text and not end_text:
            return []
        if not (start_text and end_text):
            return [_("available_from, available_to: give both dates or neither")]
        try:
            start = _date(start_text)
        except ValueError:
            return [_("available_from: not a date (use YYYY-MM-DD)")]
        try:
            end = _date(end_text)
        except ValueError:
            return [_("available_to: not a date (use YYYY-MM-DD)")]
        if end < start:
            return [_("available_to: ends before available_from")]
        row.window = (start, end)
        return []


def rows_check(raw_rows: list[RawRow]) -> tuple[list[ImportRow], list[RowError]]:
    """Split rows into those that can be imported and line-numbered reasons for the rest.

    A row is refused whole if any cell is wrong. An address (case folded)
    that an earlier good row already has is refused, naming that line.
    """
    checker = _Checker()
    good: list[ImportRow] = []
    errors: list[RowError] = []
    for raw in raw_rows:
        row, problems = checker.check(raw)
        if row is None:
            errors.append(RowError(raw.line, "; ".join(problems)))
        else:
            good.append(row)
    return good, errors
