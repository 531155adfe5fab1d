"""What the programme dashboards and the public impact page show, as charts and headlines.

Everything here is an aggregate of one `Figures` (results.figures): counted
today for the dashboards, frozen at closing for a closed period's report.
`disclosed=True` (donors, the public) hides small groups of people through
results.disclosure; officers get every value.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from skillbridge.grants.selectors import Envelope
from skillbridge.programmes.models import Programme
from skillbridge.results.charts import Chart, bar_chart
from skillbridge.results.disclosure import Disclosed, Shown
from skillbridge.results.figures import Figures, live_figures
from skillbridge.results.indicators import Horizon

PIPELINE = [
    (gettext_lazy("Proposals received"), "proposals_received"),
    (gettext_lazy("Projects selected"), "projects_selected"),
    (gettext_lazy("Grants awarded"), "grants_awarded"),
    (gettext_lazy("Pairings accepted"), "pairings_accepted"),
    (gettext_lazy("Missions completed"), "missions_completed"),
]
BREAKDOWNS = ["professionals_registered", "trainers_trained", "students_trained"]


def pipeline_chart(shown: dict[str, Disclosed]) -> Chart:
    """Programme totals: always shown, as every total is (results.disclosure)."""
    rows = [(label, shown[name][0]) for label, name in PIPELINE if name in shown]
    return bar_chart("pipeline", _("From proposals to missions"), _("number"), rows)


def _euros(amount: Decimal) -> Shown:
    return Shown(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def money_chart(envelope: Envelope | None) -> Chart:
    """The envelope in whole euros: cents only add noise to a chart (the tables keep them)."""
    rows = []
    if envelope is not None:
        rows = [
            (_("Envelope"), _euros(envelope.envelope_eur)),
            (_("Committed by grants"), _euros(envelope.committed_eur)),
            (_("Disbursed"), _euros(envelope.disbursed_eur)),
            (_("Free"), _euros(envelope.free_eur)),
        ]
    return bar_chart("money", _("The donor envelope (EUR)"), "EUR", rows)


def _trainers(sex: str) -> str:
    return _("Trainers: %(sex)s") % {"sex": sex}


def _students(sex: str) -> str:
    return _("Students: %(sex)s") % {"sex": sex}


# The charts that break queries down: slug, title, unit, and the parts whose cells they
# show, each (query, dimension, how a cell's label reads or None as it is).
BREAKDOWN_CHARTS = [
    (
        "colleges",
        gettext_lazy("Proposals by college"),
        gettext_lazy("proposals"),
        [("proposals_received", "college", None)],
    ),
    (
        "countries",
        gettext_lazy("Where the registered professionals live"),
        gettext_lazy("people"),
        [("professionals_registered", "country", None)],
    ),
    (
        "gender-leads",
        gettext_lazy("Team leads of proposals, by sex"),
        gettext_lazy("people"),
        [("proposals_received", "sex", None)],
    ),
    (
        "gender-professionals",
        gettext_lazy("Registered professionals, by sex"),
        gettext_lazy("people"),
        [("professionals_registered", "sex", None)],
    ),
    (
        "gender-trained",
        gettext_lazy("Trainers and students trained, by sex"),
        gettext_lazy("people"),
        [("trainers_trained", "sex", _trainers), ("students_trained", "sex", _students)],
    ),
]


def _breakdown_chart(figures: Figures, shown: dict, slug, title, unit, parts) -> Chart:
    rows: list[tuple[str, Shown]] = []
    withheld = False
    for name, dimension, relabel in parts:
        cells = shown[name][1].get(dimension, {}) if name in shown else {}
        # No cell shown of a breakdown that has some: it is withheld (results.disclosure).
        withheld |= not cells and name in shown and bool(figures.measure(name).by.get(dimension))
        rows += [(relabel(c.label) if relabel else c.label, c) for c in cells.values()]
    chart = bar_chart(slug, title, unit, rows)
    # A chart left empty by a withheld breakdown says so, rather than "nothing recorded".
    chart.withheld = chart.is_empty and withheld
    return chart


def dashboard_charts(figures: Figures, *, disclosed: bool) -> list[Chart]:
    """The charts of `figures`: pipeline, money, geography, gender balance."""
    shown = figures.shown([name for _label, name in PIPELINE] + BREAKDOWNS, disclosed=disclosed)
    return [
        pipeline_chart(shown),
        money_chart(figures.envelope),
        *(_breakdown_chart(figures, shown, *chart) for chart in BREAKDOWN_CHARTS),
    ]


def today_figures(programme: Programme, *, today: datetime.date | None = None) -> Figures:
    """The programme as of today, counted live: what the dashboards and the public page show."""
    return live_figures(programme, Horizon(ends_on=today or timezone.localdate()))


def headlines(
    programme: Programme, *, today: datetime.date | None = None
) -> list[tuple[str, Shown]]:
    """The public impact page's headline numbers: programme totals, always shown."""
    names = [
        (_("proposals from students and trainers"), "proposals_received"),
        (_("projects funded"), "grants_awarded"),
        (_("diaspora professionals deployed"), "professionals_deployed"),
        (_("partnerships between colleges and professionals"), "partnerships_formed"),
        (_("trainers trained"), "trainers_trained"),
        (_("students trained"), "students_trained"),
    ]
    shown = today_figures(programme, today=today).shown(
        [name for _label, name in names], disclosed=True
    )
    return [(label, shown[name][0]) for label, name in names]
