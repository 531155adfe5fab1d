"""What the programme dashboards and the public impact page show, as charts and headlines.

Everything here is an aggregate. `disclosed=True` (donors, the public) hides
small groups through results.disclosure; officers get every value.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from skillbridge.calls.models import Programme
from skillbridge.grants.selectors import envelope_of
from skillbridge.results.charts import Chart, bar_chart
from skillbridge.results.disclosure import Shown, disclose, reveal
from skillbridge.results.indicators import REGISTRY, Horizon, compute


def _shown(measure, *, disclosed: bool, is_count: bool = True):
    return disclose(measure, is_count=is_count) if disclosed else reveal(measure)


def _total(name, programme, horizon, *, disclosed) -> Shown:
    measure = compute(name, programme, horizon)
    return _shown(
        measure, disclosed=disclosed, is_count=REGISTRY[name].unit in ("count", "people")
    )[0]


def _by(name, dimension, programme, horizon, *, disclosed) -> list[tuple[str, Shown]]:
    _total_shown, by = _shown(compute(name, programme, horizon), disclosed=disclosed)
    return [(shown.label, shown) for shown in by.get(dimension, {}).values()]


def pipeline_chart(programme, horizon, *, disclosed) -> Chart:
    steps = [
        (_("Proposals received"), "proposals_received"),
        (_("Projects selected"), "projects_selected"),
        (_("Grants awarded"), "grants_awarded"),
        (_("Pairings accepted"), "pairings_accepted"),
        (_("Missions completed"), "missions_completed"),
    ]
    rows = [(label, _total(name, programme, horizon, disclosed=disclosed)) for label, name in steps]
    return bar_chart("pipeline", _("From proposals to missions"), _("number"), rows)


def _euros(amount: Decimal) -> Shown:
    return Shown(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def money_chart(programme) -> Chart:
    """The envelope in whole euros: cents only add noise to a chart (the tables keep them)."""
    envelope = envelope_of(programme)
    rows = [
        (_("Envelope"), _euros(envelope.envelope_eur)),
        (_("Committed by grants"), _euros(envelope.committed_eur)),
        (_("Disbursed"), _euros(envelope.disbursed_eur)),
        (_("Free"), _euros(envelope.free_eur)),
    ]
    return bar_chart("money", _("The donor envelope (EUR)"), "EUR", rows)


def dashboard_charts(programme: Programme, *, disclosed: bool, today: datetime.date | None = None):
    """The dashboard's charts as of today: pipeline, money, geography, gender balance."""
    horizon = Horizon(ends_on=today or timezone.localdate())
    by = lambda name, dimension: _by(name, dimension, programme, horizon, disclosed=disclosed)  # noqa: E731
    return [
        pipeline_chart(programme, horizon, disclosed=disclosed),
        money_chart(programme),
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
                (_("Trainers: %(sex)s") % {"sex": label}, shown)
                for label, shown in by("trainers_trained", "sex")
            ]
            + [
                (_("Students: %(sex)s") % {"sex": label}, shown)
                for label, shown in by("students_trained", "sex")
            ],
        ),
    ]


def headlines(
    programme: Programme, *, today: datetime.date | None = None
) -> list[tuple[str, Shown]]:
    """The public impact page's headline numbers, with small groups hidden."""
    horizon = Horizon(ends_on=today or timezone.localdate())
    names = [
        (_("proposals from students and trainers"), "proposals_received"),
        (_("projects funded"), "grants_awarded"),
        (_("diaspora professionals deployed"), "professionals_deployed"),
        (_("partnerships between colleges and professionals"), "partnerships_formed"),
        (_("trainers trained"), "trainers_trained"),
        (_("students trained"), "students_trained"),
    ]
    return [(label, _total(name, programme, horizon, disclosed=True)) for label, name in names]
