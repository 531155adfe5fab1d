"""Queries about money: what was paid to the grantees, and whether it was paid on time."""

import datetime
from collections import defaultdict

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from skillbridge.grants.models import Disbursement, Tranche
from skillbridge.results.indicators import labels
from skillbridge.results.indicators.base import Measure, query, share_rows, sum_rows

# A payment made within two weeks of the planned date counts as on time: bank
# transfers and mobile-money batches take a few days to go through.
GRACE = datetime.timedelta(days=14)


@query(
    "amount_disbursed_rwf",
    label=_("Amount disbursed to grantees (RWF)"),
    unit="rwf",
    dimensions=("college", "sector"),
)
def amount_disbursed_rwf(programme, period) -> Measure:
    """The net sum of the payment ledger (payments minus reversals) by the end of the period.

    Entries are dated by `paid_on`. `count` is the number of grants paid.
    Disaggregated by the project's college and sector.
    """
    entries = Disbursement.objects.filter(
        grant__programme=programme, paid_on__lte=period.ends_on
    ).values_list(
        "grant_id",
        "amount_rwf",
        "grant__proposal__college__short_name",
        "grant__proposal__sector__slug",
        "grant__proposal__sector__name",
    )
    rows = [
        {
            "grant": grant,
            "_value": amount,
            "college": labels.college(college),
            "sector": labels.sector(slug, name),
        }
        for grant, amount, college, slug, name in entries
    ]
    return sum_rows(rows, ("college", "sector"), count_key="grant")


@query(
    "tranches_paid_on_time",
    label=_("Share of tranches paid on time"),
    unit="percent",
    dimensions=("college", "sector"),
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
    tranches = list(
        Tranche.objects.filter(
            grant__programme=programme,
            planned_on__isnull=False,
            planned_on__lte=min(period.ends_on, timezone.localdate()) - GRACE,
        ).values_list(
            "pk",
            "amount_rwf",
            "planned_on",
            "grant__proposal__college__short_name",
            "grant__proposal__sector__slug",
            "grant__proposal__sector__name",
        )
    )
    planned = {pk: planned_on for pk, _amount, planned_on, *_rest in tranches}
    paid_in_time: dict[int, int] = defaultdict(int)
    for tranche_id, amount, paid_on in Disbursement.objects.filter(
        tranche_id__in=planned
    ).values_list("tranche_id", "amount_rwf", "paid_on"):
        if paid_on <= planned[tranche_id] + GRACE:
            paid_in_time[tranche_id] += amount
    rows = [
        {
            "_ok": paid_in_time[pk] >= amount,
            "college": labels.college(college),
            "sector": labels.sector(slug, name),
        }
        for pk, amount, _planned, college, slug, name in tranches
    ]
    return share_rows(rows, ("college", "sector"))
