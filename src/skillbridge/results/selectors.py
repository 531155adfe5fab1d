"""Reads of the results framework, already shaped for the reader who asks.

`indicator_rows()` is the one place that decides where a value comes from (a
closed period's snapshot, a hand entry, or a live computation) and whether
small groups are hidden: officers get `disclosed=False`, everybody else True.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from skillbridge.calls.models import Programme, Proposal
from skillbridge.people.selectors import programme_for_member, roles_in
from skillbridge.results import targets
from skillbridge.results.disclosure import Shown, disclose, reveal
from skillbridge.results.indicators import REGISTRY, Cell, Measure, compute
from skillbridge.results.models import (
    DIMENSIONS,
    Indicator,
    IndicatorValue,
    ProjectStory,
    ReportingPeriod,
    Statement,
)

DIMENSION_LABELS = dict(DIMENSIONS)
COUNT_UNITS = (Indicator.Unit.COUNT, Indicator.Unit.PEOPLE)
NO_VALUE = "—"


@dataclass
class IndicatorRow:
    indicator: Indicator
    actual: Shown
    by: dict[str, dict[str, Shown]] = field(default_factory=dict)
    progress: Decimal | None = None
    expected: Decimal | None = None
    light: str = ""
    source: str = ""
    note: str = ""
    missing: bool = False

    @property
    def breakdowns(self) -> list[tuple[str, list[Shown]]]:
        return [
            (str(DIMENSION_LABELS.get(dimension, dimension)), list(cells.values()))
            for dimension, cells in self.by.items()
            if cells
        ]


def natural_key(code: str) -> list:
    """Sort codes as people read them: 1.2 before 1.10, 1.1 before 1.1.1."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in code.split(".")]


def period_for_member(user, pk: int) -> ReportingPeriod:
    """A reporting period, or 404 to anyone who holds no role in its programme."""
    period = get_object_or_404(ReportingPeriod.objects.select_related("programme"), pk=pk)
    if not roles_in(user, period.programme):
        raise Http404
    return period


def programme_for_results(user, slug: str) -> Programme:
    return programme_for_member(user, slug)


def indicators_of(programme: Programme) -> QuerySet[Indicator]:
    return Indicator.objects.filter(programme=programme).select_related("statement")


def framework_of(programme: Programme) -> list[Statement]:
    """The statements in tree order (objective, its outcomes, their outputs), with indicators."""
    statements = list(
        Statement.objects.filter(programme=programme).prefetch_related(
            Prefetch("indicators", queryset=Indicator.objects.order_by("position", "code"))
        )
    )
    children: dict[int | None, list[Statement]] = {}
    for statement in statements:
        children.setdefault(statement.parent_id, []).append(statement)
    ordered: list[Statement] = []

    def walk(parent_id, depth):
        for statement in sorted(children.get(parent_id, []), key=lambda s: (s.position, s.code)):
            statement.depth = depth
            ordered.append(statement)
            walk(statement.pk, depth + 1)

    walk(None, 0)
    return ordered


def periods_of(programme: Programme) -> QuerySet[ReportingPeriod]:
    return ReportingPeriod.objects.filter(programme=programme).order_by("-ends_on", "kind")


def _stored_measures(period: ReportingPeriod) -> dict[int, tuple[Measure, IndicatorValue]]:
    """Measures rebuilt from stored rows, keyed by indicator id, with the total's row."""
    found: dict[int, tuple[Measure, IndicatorValue]] = {}
    cells: dict[int, dict[str, dict[str, Cell]]] = {}
    for row in IndicatorValue.objects.filter(period=period).order_by("dimension", "label"):
        cell = Cell(row.value, row.count, row.label)
        if not row.dimension:
            found[row.indicator_id] = (Measure(cell, {}), row)
        else:
            cells.setdefault(row.indicator_id, {}).setdefault(row.dimension, {})[row.category] = (
                cell
            )
    for indicator_id, (measure, _row) in found.items():
        measure.by = cells.get(indicator_id, {})
    return found


def measure_of(indicator: Indicator, period) -> Measure:
    """The live value of a computed indicator, cut to the disaggregations it declares."""
    measure = compute(indicator.query, indicator.programme, period)
    wanted = [d for d in indicator.disaggregations if d in measure.by]
    return Measure(measure.total, {d: measure.by[d] for d in wanted})


def indicator_rows(
    programme: Programme, period: ReportingPeriod, *, disclosed: bool
) -> list[IndicatorRow]:
    """Every indicator of the programme with its actual value for `period`."""
    stored = _stored_measures(period)
    rows = []
    for indicator in sorted(indicators_of(programme), key=lambda i: natural_key(i.code)):
        indicator.programme = programme
        source = note = ""
        if indicator.pk in stored:
            measure, total_row = stored[indicator.pk]
            source, note = total_row.source, total_row.note
        elif indicator.method == Indicator.Method.COMPUTED and not period.is_closed:
            measure = measure_of(indicator, period)
        else:
            rows.append(IndicatorRow(indicator, Shown(None), missing=True))
            continue
        if disclosed:
            actual, by = disclose(measure, is_count=indicator.unit in COUNT_UNITS)
        else:
            actual, by = reveal(measure)
        if indicator.unit == Indicator.Unit.PERCENT and measure.total.count == 0:
            # A share of nothing is not 0 %: there is no value yet.
            actual = Shown(None, marker=NO_VALUE)
        expected = targets.expected(
            programme=programme, period_end=period.ends_on, unit=indicator.unit
        )
        done = targets.progress(
            actual=actual.value, baseline=indicator.baseline, target=indicator.target
        )
        rows.append(
            IndicatorRow(
                indicator,
                actual,
                by,
                progress=done,
                expected=expected,
                light=targets.light(progress=done, expected=expected),
                source=source,
                note=note,
            )
        )
    return rows


def query_choices() -> list[tuple[str, str]]:
    return [(name, f"{q.label} ({name})") for name, q in sorted(REGISTRY.items())]


def approved_stories(programme: Programme) -> QuerySet[ProjectStory]:
    """Publication-approved descriptions of the programme's funded projects."""
    return (
        ProjectStory.objects.filter(
            proposal__call__programme=programme,
            approved_at__isnull=False,
            proposal__grant__isnull=False,
        )
        .select_related("proposal__college", "proposal__sector")
        .order_by("proposal__title")
    )


def projects_led_by(user) -> QuerySet[Proposal]:
    """The funded projects `user` leads, with their public description if any."""
    return (
        Proposal.objects.filter(lead=user, grant__isnull=False)
        .select_related("call__programme", "story")
        .order_by("title")
    )


def project_led_by(user, pk: int) -> Proposal:
    """A funded project for its lead; 404 to anyone else (an outsider must not learn it exists)."""
    proposal = get_object_or_404(
        Proposal.objects.select_related("call__programme", "college"), pk=pk, grant__isnull=False
    )
    if not roles_in(user, proposal.call.programme):
        raise Http404
    return proposal
