"""Reads of the results framework, already shaped for the reader who asks.

`indicator_rows()` is the one place that decides where an indicator's value
comes from (the period's figures, see results.figures, or a hand entry) and
whether small groups are hidden: officers get `disclosed=False`, everybody
else True.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from skillbridge.calls.models import Proposal
from skillbridge.calls.selectors import proposals_visible_to
from skillbridge.common.accessors import object_for
from skillbridge.people.selectors import roles_by_programme
from skillbridge.programmes.models import Programme
from skillbridge.results import dashboard, stories, targets
from skillbridge.results.disclosure import Shown
from skillbridge.results.figures import Figures, figures_of
from skillbridge.results.indicators import REGISTRY
from skillbridge.results.models import (
    DIMENSIONS,
    Indicator,
    IndicatorValue,
    ProjectStory,
    ReportingPeriod,
    Statement,
)

DIMENSION_LABELS = dict(DIMENSIONS)
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
    # Disaggregations withheld from this reader: they would name who is in them.
    withheld: list[str] = field(default_factory=list)

    @property
    def withheld_labels(self) -> list[str]:
        return [str(DIMENSION_LABELS.get(dimension, dimension)) for dimension in self.withheld]

    @property
    def breakdowns(self) -> list[tuple[str, list[Shown]]]:
        return [
            (str(DIMENSION_LABELS.get(dimension, dimension)), list(cells.values()))
            for dimension, cells in self.by.items()
            if cells
        ]


def natural_key(code: str) -> list:
    """Sort codes as people read them: 1.2 before 1.10, 1.1 before 1.1.1."""
    # isdigit() alone also accepts "²" and other digits int() refuses; codes are typed by officers.
    return [
        (0, int(part), "") if part.isascii() and part.isdigit() else (1, 0, part)
        for part in code.split(".")
    ]


def period_for(user, pk: int, perm: str | None = None) -> ReportingPeriod:
    """A reporting period: 404 to anyone who holds no role in its programme, 403 without
    `perm` on it (a period is the programme's, as its pages named by the programme's slug)."""
    visible = ReportingPeriod.objects.filter(
        programme__in=list(roles_by_programme(user))
    ).select_related("programme")
    return object_for(user, visible, perm=perm, pk=pk)


def project_for(user, pk: int, perm: str | None = None) -> Proposal:
    """A funded project: 404 to anyone who may not open the proposal (an outsider must not
    learn it exists), 403 without `perm` on it."""
    visible = (
        proposals_visible_to(user)
        .filter(grant__isnull=False)
        .select_related("call__programme", "college")
    )
    return object_for(user, visible, perm=perm, pk=pk)


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


def _manual_row(indicator: Indicator, entry: IndicatorValue) -> tuple[IndicatorRow, int | None]:
    """The row of a hand-entered value, and how many records are behind it."""
    row = IndicatorRow(indicator, Shown(entry.value), source=entry.source, note=entry.note)
    return row, entry.count


def _computed_row(
    indicator: Indicator, shown: dict, figures: Figures
) -> tuple[IndicatorRow, int | None]:
    """The row of a computed value cut to the indicator's disaggregations, and its count."""
    actual, every_by = shown[indicator.query]
    by = {d: every_by[d] for d in indicator.disaggregations if d in every_by}
    measure = figures.measure(indicator.query)
    withheld = [d for d in by if measure.by.get(d) and not by[d]]
    return IndicatorRow(indicator, actual, by, withheld=withheld), measure.total.count


def _against_target(
    row: IndicatorRow, counted: int | None, *, programme: Programme, period: ReportingPeriod
) -> IndicatorRow:
    """Progress from baseline to target, the progress expected by the period's end, the light."""
    indicator = row.indicator
    if indicator.unit == Indicator.Unit.PERCENT and counted == 0:
        # A share of nothing is not 0 %: there is no value yet.
        row.actual = Shown(None, marker=NO_VALUE)
    row.expected = targets.expected(
        programme=programme, period_end=period.ends_on, unit=indicator.unit
    )
    row.progress = targets.progress(
        actual=row.actual.value, baseline=indicator.baseline, target=indicator.target
    )
    row.light = targets.light(progress=row.progress, expected=row.expected)
    return row


def indicator_rows(
    programme: Programme,
    period: ReportingPeriod,
    *,
    disclosed: bool,
    figures: Figures | None = None,
) -> list[IndicatorRow]:
    """Every indicator of the programme with its actual value for `period`.

    Computed values come from `figures` (the period's snapshot once it is
    closed, see results.figures), cut to the disaggregations each indicator
    declares; hand-entered values from their stored entry.
    """
    figures = figures or figures_of(programme, period)
    indicators = sorted(indicators_of(programme), key=lambda i: natural_key(i.code))
    shown = figures.shown(
        {i.query for i in indicators if i.method == Indicator.Method.COMPUTED},
        disclosed=disclosed,
    )
    entries = {
        value.indicator_id: value
        for value in IndicatorValue.objects.filter(
            period=period, dimension="", indicator__method=Indicator.Method.MANUAL
        )
    }
    rows = []
    for indicator in indicators:
        indicator.programme = programme
        if indicator.method == Indicator.Method.MANUAL and indicator.pk in entries:
            row, counted = _manual_row(indicator, entries[indicator.pk])
        elif indicator.method == Indicator.Method.COMPUTED and indicator.query in shown:
            row, counted = _computed_row(indicator, shown, figures)
        else:
            rows.append(IndicatorRow(indicator, Shown(None), missing=True))
            continue
        rows.append(_against_target(row, counted, programme=programme, period=period))
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


def headline_figures(programme: Programme) -> list[tuple[str, Shown]]:
    """The programme's headline numbers as of today, for a donor's dashboard: each a label
    and a programme total (always shown). Counted once, then read from the shared cache
    until the programme's data changes (results.caching)."""
    return dashboard.headlines(programme)


def project_stories(programme: Programme, period) -> list:
    """The donor report's story of each funded project, from its grant's own data
    (results.stories): summary, milestones reached, sessions held, people trained."""
    return stories.stories_of(programme, period)
