"""When a reporting period may move: it is opened, then closed once, and never reopened.

Closing freezes what the period's donor report shows (results.figures); its
narrative and hand-entered values change only while it is open. A period is
closed only once it has ended: before, its figures are still growing, and a
report frozen early would undercount the period it names. The service
`results.services.period_close` is the one function that moves a period;
templates and views ask the `rules` perms built on this table (results.rules).
"""

import datetime

import rules
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from skillbridge.common import formats
from skillbridge.common.transitions import Machine, Transition
from skillbridge.results.models import ReportingPeriod

State = ReportingPeriod.State
CLOSED = _("This period is closed: its report no longer changes.")

PERIOD = Machine("reporting_period", {"close": Transition({State.OPEN}, State.CLOSED, CLOSED)})

# While a period may still be closed, its report may still change.
is_open = PERIOD.allows("close")


def closable_from(period: ReportingPeriod) -> datetime.date:
    """The first day the period may be closed: the day after it ends."""
    return period.ends_on + datetime.timedelta(days=1)


def has_ended(period: ReportingPeriod, *, today: datetime.date | None = None) -> bool:
    return (today or timezone.localdate()) >= closable_from(period)


@rules.predicate
def period_has_ended(user, period) -> bool:
    return period is not None and has_ended(period)


# Closing asks both: the state (the table above) and the calendar.
may_close = is_open & period_has_ended


def refuse_unless_closable(period: ReportingPeriod, *, today: datetime.date | None = None) -> None:
    """Refuse to close a period that is closed already or has not ended yet (`today`: Kigali's)."""
    PERIOD.refuse_unless_can(period, "close")
    if not has_ended(period, today=today):
        raise ValidationError(
            {
                "__all__": gettext("This period ends on %(end)s: it can be closed from %(date)s.")
                % {"end": formats.date(period.ends_on), "date": formats.date(closable_from(period))}
            }
        )


def refuse_if_closed(period: ReportingPeriod) -> None:
    """Refuse a change to the report of a closed period."""
    if not PERIOD.can(period, "close"):
        raise ValidationError({"__all__": CLOSED})
