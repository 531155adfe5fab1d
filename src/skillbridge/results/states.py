"""When a reporting period may move: it is opened, then closed once, and never reopened.

Closing freezes what the period's donor report shows (results.figures); its
narrative and hand-entered values change only while it is open. The service
`results.services.period_close` is the one function that moves a period;
templates and views ask the `rules` perms built on this table (results.rules).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from skillbridge.common.transitions import Machine, Transition
from skillbridge.results.models import ReportingPeriod

State = ReportingPeriod.State
CLOSED = _("This period is closed: its report no longer changes.")

PERIOD = Machine("reporting_period", {"close": Transition({State.OPEN}, State.CLOSED, CLOSED)})

# While a period may still be closed, its report may still change.
is_open = PERIOD.allows("close")


def refuse_if_closed(period: ReportingPeriod) -> None:
    """Refuse a change to the report of a closed period."""
    if not PERIOD.can(period, "close"):
        raise ValidationError({"__all__": CLOSED})
