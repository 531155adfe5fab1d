"""Queries about money: what was paid to the grantees, and whether it was paid on time."""

import datetime

from django.db.models import (
    Case,
    Count,
    DateField,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from skillbridge.grants.models import Disbursement, Tranche
from skillbridge.results.indicators import labels
from skillbridge.results.indicators.base import Measure, grouped, query, tally, tally_share

# A payment made within two weeks of the planned date counts as on time: bank
# transfers and mobile-money batches take a few days to go through.
GRACE = datetime.timedelta(days=14)
PROJECT = ("college", "sector")


def _project_labels(prefix: str) -> dict:
    return {
        "college": ((f"{prefix}proposal__college__short_name",), labels.college),
        "sector": (labels.sector_fields(f"{prefix}proposal__sector"), labels.sector),
    }


def _fields(labellers: dict) -> list[str]:
    return [field for names, _label in labellers.values() for field in names]


@query(
    "amount_disbursed_rwf",
    label=_("Amount disbursed to grantees (RWF)"),
    unit="rwf",
    dimensions=PROJECT,
)
def amount_disbursed_rwf(programme, period) -> Measure:
    """The net sum of the payment ledger (payments minus reversals) by the end of the period.

    Entries are dated by `paid_on`. `count` is the number of grants paid.
    Disaggregated by the project's college and sector.
    """
    labellers = _project_labels("grant__")
    rows = (
        Disbursement.objects.filter(grant__programme=programme, paid_on__lte=period.ends_on)
        .order_by()
        .values(*_fields(labellers))
        .annotate(total=Sum("amount_rwf"), grants=Count("grant", distinct=True))
    )
    return tally(grouped(rows, labellers, value="total", count="grants"), PROJECT)


@query(
    "tranches_paid_on_time",
    label=_("Share of tranches paid on time"),
    unit="percent",
    dimensions=PROJECT,
)
def tranches_paid_on_time(programme, period) -> Measure:
    """The percentage of tranches whose payment deadline has passed that were paid in full on time.

    A tranche's deadline is 14 days after its planned payment date
    (`planned_on`). It counts once the deadline is on or before the end of the
    period (or today, for a period still running), and it was paid on time when
    the net ledger entries dated on or before the deadline cover its whole
    amount. Tranches without a planned date do not count. `count` is the number
    of tranches counted. By the project's college and sector.
    """
    deadline = ExpressionWrapper(OuterRef("planned_on") + GRACE, output_field=DateField())
    in_time = (
        Disbursement.objects.filter(tranche=OuterRef("pk"), paid_on__lte=deadline)
        .order_by()
        .values("tranche")
        .annotate(total=Sum("amount_rwf"))
        .values("total")
    )
    labellers = _project_labels("grant__")
    rows = (
        Tranche.objects.filter(
            grant__programme=programme,
            planned_on__isnull=False,
            planned_on__lte=min(period.ends_on, timezone.localdate()) - GRACE,
        )
        .order_by()
        .annotate(paid=Coalesce(Subquery(in_time), Value(0)))
        .annotate(
            on_time=Case(
                When(paid__gte=F("amount_rwf"), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .values(*_fields(labellers))
        .annotate(n=Count("pk"), ok=Sum("on_time"))
    )
    return tally_share(grouped(rows, labellers, ok="ok"), PROJECT)
