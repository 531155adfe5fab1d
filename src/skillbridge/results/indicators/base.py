"""The types and helpers of the named indicator queries (see the package docstring)."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.functional import Promise

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


def count_rows(rows: list[dict], dimensions: Iterable[str]) -> Measure:
    """Count rows: each row maps a dimension to (category, label)."""
    return sum_rows([dict(row, _value=1) for row in rows], dimensions)


def sum_rows(
    rows: list[dict], dimensions: Iterable[str], *, count_key: str | None = None
) -> Measure:
    """Sum `_value` of rows, in total and per category of each dimension.

    `count` is the number of rows behind a value, or the number of distinct
    `count_key`s when several rows belong to one record (payments of one grant).
    """

    def counted(items):
        if count_key is None:
            return len(items)
        return len({row[count_key] for row in items})

    total = Cell(Decimal(sum(row["_value"] for row in rows)), counted(rows))
    by: dict[str, dict[str, Cell]] = {}
    for dimension in dimensions:
        groups: dict[str, list[dict]] = {}
        labels: dict[str, str] = {}
        for row in rows:
            category, label = row[dimension]
            groups.setdefault(category, []).append(row)
            labels[category] = label
        by[dimension] = {
            category: Cell(
                Decimal(sum(r["_value"] for r in items)), counted(items), labels[category]
            )
            for category, items in sorted(groups.items(), key=lambda kv: str(labels[kv[0]]))
        }
    return Measure(total, by)


def share_rows(rows: list[dict], dimensions: Iterable[str]) -> Measure:
    """The percentage of rows whose `_ok` is true, in total and per category."""

    def share(items) -> Cell:
        if not items:
            return Cell(ZERO, 0)
        ok = sum(1 for row in items if row["_ok"])
        return Cell((HUNDRED * ok / len(items)).quantize(Decimal("0.1")), len(items))

    total = share(rows)
    by: dict[str, dict[str, Cell]] = {}
    for dimension in dimensions:
        groups: dict[str, list[dict]] = {}
        labels: dict[str, str] = {}
        for row in rows:
            category, label = row[dimension]
            groups.setdefault(category, []).append(row)
            labels[category] = label
        by[dimension] = {}
        for category, items in sorted(groups.items(), key=lambda kv: str(labels[kv[0]])):
            cell = share(items)
            cell.label = labels[category]
            by[dimension][category] = cell
    return Measure(total, by)
