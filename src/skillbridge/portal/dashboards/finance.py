"""The finance officer's queue: tranches whose condition is met and not yet fully paid."""

from django.db.models import F
from django.urls import reverse
from django.utils.translation import ngettext

from skillbridge.grants.models import Grant, Tranche
from skillbridge.portal.dashboards.lines import Task, waiting


def tasks(user, membership) -> list[Task]:
    programme = membership.programme
    if not user.has_perm("grants.pay_programme", programme):
        return []
    payable = waiting(
        Tranche.objects.filter(
            grant__programme=programme,
            grant__state__in=Grant.PAYABLE_STATES,
            payable_since__isnull=False,
        ).exclude(paid_rwf__gte=F("amount_rwf")),
        "payable_since",
    )
    return [
        Task(
            ngettext(
                "%(count)s tranche is payable", "%(count)s tranches are payable", payable.count
            )
            % {"count": payable.count},
            reverse("grants:finance", args=[programme.slug]),
            payable.count,
            oldest=payable.oldest,
        )
    ]
