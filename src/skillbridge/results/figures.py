"""Where a page's or a report's figures come from: counted now, or frozen when the period closed.

A closed period's report must not move when the data changes afterwards (a
late payment, a new grant). Closing therefore stores every named query's
measure, with all its disaggregations, and the donor envelope in the
period's `PeriodSnapshot`; everything a closed period shows (indicator
tables, charts, financial summary, PDF, XLSX, JSON, API) reads the same
`Figures`, so no part of it can be live while another is frozen.

Periods closed before snapshots existed kept only their indicators' values:
their figures are rebuilt from those, without the envelope.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from hashlib import sha256

from django.core.cache import cache

from skillbridge.common.multilingual import unaccented
from skillbridge.grants.selectors import Envelope, envelope_of
from skillbridge.programmes.models import Programme
from skillbridge.results.caching import TIMEOUT, figures_key
from skillbridge.results.disclosure import Disclosed, ancestors, disclose_all, reveal
from skillbridge.results.indicators import REGISTRY, Cell, Measure, compute
from skillbridge.results.indicators.labels import relabel, sector_names
from skillbridge.results.models import Indicator, IndicatorValue, PeriodSnapshot, ReportingPeriod
from skillbridge.results.stories import project_stories, stories_to_json


@dataclass
class Figures:
    """The measures and the envelope of one moment; each query is counted at most once.

    Live figures (not `frozen`) are also kept in the shared cache (results.caching),
    unless `cached` is False: a snapshot always counts afresh.
    """

    programme: Programme
    period: object  # a ReportingPeriod, or a Horizon for "as of today"
    envelope: Envelope | None
    frozen: bool = False
    measures: dict[str, Measure] = field(default_factory=dict)
    cached: bool = True

    def _remembered(self, parts: tuple, count):
        """`count()`, from the shared cache when the live figures were counted already."""
        if self.frozen or not self.cached:
            return count()
        key = figures_key(self.programme, self.period.ends_on.isoformat(), *parts)
        value = cache.get(key)
        if value is None:
            value = count()
            cache.set(key, value, TIMEOUT)
        return value

    def measure(self, name: str) -> Measure | None:
        if name not in self.measures and not self.frozen and name in REGISTRY:
            self.measures[name] = self._remembered(
                ("measure", name), lambda: compute(name, self.programme, self.period)
            )
        return self.measures.get(name)

    def shown(self, names: Iterable[str], *, disclosed: bool) -> dict[str, Disclosed]:
        """The named measures as a reader sees them: small groups hidden when `disclosed`.

        Disclosure always runs over the queries' ancestors too, so a cell is
        hidden the same way whichever page shows it.
        """
        wanted = set(names)
        if disclosed:
            wanted |= {parent for name in wanted if name in REGISTRY for parent in ancestors(name)}
        return self._remembered(
            # The names hashed: a key stays short enough for every cache backend.
            ("shown", int(disclosed), sha256(",".join(sorted(wanted)).encode()).hexdigest()[:16]),
            lambda: self._disclose(sorted(wanted), disclosed=disclosed),
        )

    def _disclose(self, wanted: list[str], *, disclosed: bool) -> dict[str, Disclosed]:
        measures = {name: m for name in wanted if (m := self.measure(name)) is not None}
        if disclosed:
            return disclose_all(measures)
        return {name: reveal(measure) for name, measure in measures.items()}


def measure_to_json(measure: Measure, sectors: dict | None = None) -> dict:
    """A measure as its snapshot keeps it; a sector's row also keeps its labels in every
    language (`sectors`, from labels.sector_names)."""
    sectors = sectors or {}

    def row(dimension: str, category: str, cell: Cell) -> list:
        names = [sectors[category]] if dimension == "sector" and category in sectors else []
        return [category, str(cell.label), str(cell.value), cell.count, *names]

    return {
        "total": [str(measure.total.value), measure.total.count],
        "by": {
            dimension: [row(dimension, category, cell) for category, cell in cells.items()]
            for dimension, cells in measure.by.items()
        },
    }


def measure_from_json(data: dict) -> Measure:
    value, count = data["total"]
    by = {}
    for dimension, rows in data["by"].items():
        cells = {
            category: Cell(Decimal(value), count, relabel(dimension, category, label, *names))
            for category, label, value, count, *names in rows
        }
        by[dimension] = dict(sorted(cells.items(), key=lambda item: unaccented(item[1].label)))
    return Measure(Cell(Decimal(value), count), by)


def take_snapshot(period: ReportingPeriod) -> tuple[PeriodSnapshot, Figures]:
    """Count every query and the envelope now, and store them as the period's snapshot."""
    figures = Figures(period.programme, period, envelope_of(period.programme), cached=False)
    counted = {name: figures.measure(name) for name in sorted(REGISTRY)}
    sectors = sector_names({slug for m in counted.values() for slug in m.by.get("sector", {})})
    measures = {name: measure_to_json(measure, sectors) for name, measure in counted.items()}
    envelope = figures.envelope
    snapshot = PeriodSnapshot.objects.create(
        period=period,
        measures=measures,
        envelope_eur=envelope.envelope_eur,
        committed_eur=envelope.committed_eur,
        disbursed_eur=envelope.disbursed_eur,
        stories=stories_to_json(project_stories(period.programme, period)),
    )
    return snapshot, figures


def live_figures(programme: Programme, period) -> Figures:
    figures = Figures(programme, period, None)
    figures.envelope = figures._remembered(("envelope",), lambda: envelope_of(programme))
    return figures


def _legacy_measures(period: ReportingPeriod) -> dict[str, Measure]:
    """Measures rebuilt from the indicator values a period closed before snapshots stored."""
    measures: dict[str, Measure] = {}
    rows = (
        IndicatorValue.objects.filter(period=period, indicator__method=Indicator.Method.COMPUTED)
        .select_related("indicator")
        .order_by("indicator__code", "dimension", "label")
    )
    for row in rows:
        measure = measures.setdefault(row.indicator.query, Measure(Cell(Decimal(0), 0)))
        cell = Cell(row.value, row.count, relabel(row.dimension, row.category, row.label))
        if not row.dimension:
            measure.total = cell
        else:
            measure.by.setdefault(row.dimension, {})[row.category] = cell
    return measures


def figures_of(programme: Programme, period) -> Figures:
    """The figures of `period`: its snapshot once it is closed, counted live otherwise."""
    if not (isinstance(period, ReportingPeriod) and period.is_closed):
        return live_figures(programme, period)
    snapshot = PeriodSnapshot.objects.filter(period=period).first()
    if snapshot is None:
        return Figures(programme, period, None, frozen=True, measures=_legacy_measures(period))
    return Figures(
        programme,
        period,
        Envelope(
            envelope_eur=snapshot.envelope_eur,
            committed_eur=snapshot.committed_eur,
            disbursed_eur=snapshot.disbursed_eur,
        ),
        frozen=True,
        measures={name: measure_from_json(data) for name, data in snapshot.measures.items()},
    )
