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


def dashboard_charts(figures: Figures, *, disclosed: bool) -> list[Chart]:
    """The charts of `figures`: pipeline, money, geography, gender balance."""
    shown = figures.shown([name for _label, name in PIPELINE] + BREAKDOWNS, disclosed=disclosed)

    withheld = set()

    def by(name, dimension) -> list[tuple[str, Shown]]:
        cells = shown[name][1].get(dimension, {}) if name in shown else {}
        if not cells and name in shown and figures.measure(name).by.get(dimension):
            withheld.add((name, dimension))
        return [(cell.label, cell) for cell in cells.values()]

    charts = [
        pipeline_chart(shown),
        money_chart(figures.envelope),
        bar_chart(
            "colleges",
            _("Proposals by college"),
            _("proposals"),
            by("proposals_received", "college"),
        ),
        bar_chart(
            "countries",
            _("Where the registered professionals live"),
            _("people"),
            by("professionals_registered", "country"),
        ),
        bar_chart(
            "gender-leads",
            _("Team leads of proposals, by sex"),
            _("people"),
            by("proposals_received", "sex"),
        ),
        bar_chart(
            "gender-professionals",
            _("Registered professionals, by sex"),
            _("people"),
            by("professionals_registered", "sex"),
        ),
        bar_chart(
            "gender-trained",
            _("Trainers and students trained, by sex"),
            _("people"),
            [
                (_("Trainers: %(sex)s") % {"sex": label}, cell)
                for label, cell in by("trainers_trained", "sex")
            ]
            + [
                (_("Students: %(sex)s") % {"sex": label}, cell)
                for label, cell in by("students_trained", "sex")
            ],
        ),
    ]
    # A chart left empty by a withheld breakdown says so, rather than "nothing recorded".
    sources = {
        "colleges": [("proposals_received", "college")],
        "countries": [("professionals_registered", "country")],
        "gender-leads": [("proposals_received", "sex")],
        "gender-professionals": [("professionals_registered", "sex")],
        "gender-trained": [("trainers_trained", "sex"), ("students_trained", "sex")],
    }
    for chart in charts:
        chart.withheld = chart.is_empty and bool(withheld & set(sources.get(chart.slug, [])))
    return charts


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
