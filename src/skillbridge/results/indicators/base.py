"""The types and helpers of the named indicator queries (see the package docstring)."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.functional import Promise

from skillbridge.common.multilingual import unaccented

ZERO = Decimal(0)
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Horizon:
    """A period that is not stored: "everything up to this date"."""

    ends_on: datetime.date
    starts_on: datetime.date | None = None


@dataclass
class Cell:
    value: Decimal
    count: int
    label: str = ""


@dataclass
class Measure:
    total: Cell
    by: dict[str, dict[str, Cell]] = field(default_factory=dict)


@dataclass(frozen=True)
class Query:
    name: str
    label: str | Promise
    unit: str
    dimensions: tuple[str, ...]
    function: Callable
    sdg_targets: tuple[str, ...] = ()
    # The query whose people include every person this one counts (results.disclosure rule 3).
    within: str = ""

    @property
    def doc(self) -> str:
        return " ".join((self.function.__doc__ or "").split())


REGISTRY: dict[str, Query] = {}


def query(name: str, *, label, unit: str, dimensions: Iterable[str] = (), sdg=(), within: str = ""):
    """Register `function` as the named query `name`; `within` names the query it is a subset of."""

    def register(function):
        REGISTRY[name] = Query(name, label, unit, tuple(dimensions), function, tuple(sdg), within)
        return function

    return register


def compute(name: str, programme, period) -> Measure:
    return REGISTRY[name].function(programme, period)


def cutoff(period) -> datetime.datetime:
    """The first instant after the period: the end date is included, in local time."""
    day_after = period.ends_on + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day_after, datetime.time.min))


@dataclass(frozen=True)
class Group:
    """One row of a grouped query: its category in each dimension, its value and how many
    records (or people) are behind it; `ok` is how many of those count for a share."""

    categories: dict[str, tuple[str, str]]
    value: Decimal
    count: int
    ok: int = 0


def _by_category(groups: list[Group], dimension: str) -> dict[str, tuple[str, list[Group]]]:
    """The groups of each category of `dimension`, in the order of their labels, accents aside."""
    found: dict[str, tuple[str, list[Group]]] = {}
    for group in groups:
        category, label = group.categories[dimension]
        found.setdefault(category, (label, []))[1].append(group)
    return dict(sorted(found.items(), key=lambda item: unaccented(str(item[1][0]))))


def tally(groups: Iterable[Group], dimensions: Iterable[str]) -> Measure:
    """Sum grouped rows, in total and per category of each dimension.

    The database has already counted (or summed) each combination of categories,
    so this adds up a few dozen groups, never one row per person or record.
    """
    groups = list(groups)

    def cell(items: list[Group], label: str = "") -> Cell:
        return Cell(Decimal(sum(g.value for g in items)), sum(g.count for g in items), label)

    by = {
        dimension: {
            category: cell(items, label)
            for category, (label, items) in _by_category(groups, dimension).items()
        }
        for dimension in dimensions
    }
    return Measure(cell(groups), by)


def tally_share(groups: Iterable[Group], dimensions: Iterable[str]) -> Measure:
    """The percentage of records that count (`ok` of `count`), in total and per category."""
    groups = list(groups)

    def share(items: list[Group], label: str = "") -> Cell:
        counted = sum(g.count for g in items)
        if not counted:
            return Cell(ZERO, 0, label)
        ok = sum(g.ok for g in items)
        return Cell((HUNDRED * ok / counted).quantize(Decimal("0.1")), counted, label)

    by = {
        dimension: {
            category: share(items, label)
            for category, (label, items) in _by_category(groups, dimension).items()
        }
        for dimension in dimensions
    }
    return Measure(share(groups), by)


# How a dimension reads from a grouped row: the row's fields, and the function that turns
# their values into (category, label).
Labeller = tuple[tuple[str, ...], Callable[..., tuple[str, str]]]


def grouped(
    rows: Iterable[dict],
    labellers: dict[str, Labeller],
    *,
    value: str = "n",
    count: str = "n",
    ok: str | None = None,
) -> list[Group]:
    """Groups from the rows of a `values(...).annotate(...)` query.

    Each category's label is looked up once (a country's name is a translated lookup),
    however many groups share it.
    """
    seen: dict[tuple, tuple[str, str]] = {}

    def category(dimension: str, row: dict) -> tuple[str, str]:
        fields, function = labellers[dimension]
        key = (dimension, *(row[f] for f in fields))
        if key not in seen:
            seen[key] = function(*key[1:])
        return seen[key]

    return [
        Group(
            {dimension: category(dimension, row) for dimension in labellers},
            Decimal(row[value] or 0),
            row[count] or 0,
            (row[ok] or 0) if ok else 0,
        )
        for row in rows
    ]
