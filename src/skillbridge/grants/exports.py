"""The payment batch: the payable tranches as a file for a bank or mobile-money bulk upload.

Each row carries the reference the payment form proposes for the same
tranche, so the payment recorded afterwards matches the batch line, and a
second recording of it is recognised by the ledger instead of paying twice.
"""

from django.utils.translation import gettext as _

from skillbridge.grants.models import Grant, PaymentMethod, Tranche

CURRENCY = "RWF"
# A bulk-upload file is read by the bank's or the operator's machine, not by a person:
# its column names stay the same in every language.
BATCH_HEADERS = (
    "reference",
    "payee_name",
    "account",
    "amount",
    "currency",
    "narrative",
    "channel",
)
# Mobile-money operators cut narratives short; 60 characters pass everywhere we know.
NARRATIVE_LENGTH = 60


def batch_reference(tranche: Tranche, *, payments: int) -> str:
    """The reference of the tranche's next payment: grant, tranche and, after a first
    payment, which one it is (SB-12-T2, then SB-12-T2-2)."""
    base = f"SB-{tranche.grant_id}-T{tranche.number}"
    return base if payments == 0 else f"{base}-{payments + 1}"


def payee_of(grant: Grant) -> dict:
    """Who the grant's money goes to: the payee kept from the last payment, else the team lead."""
    return {
        "payee_name": grant.payee_name or grant.proposal.lead.get_full_name(),
        "payee_account": grant.payee_account,
        # Most teams are paid by mobile money until finance records a bank account.
        "method": grant.payee_method or PaymentMethod.MOBILE_MONEY,
    }


def batch_row(tranche: Tranche) -> list:
    """One line of the batch, from a tranche read by `selectors.payable_tranches`."""
    grant = tranche.grant
    payee = payee_of(grant)
    narrative = _("Grant %(grant)s tranche %(number)s: %(title)s") % {
        "grant": grant.pk,
        "number": tranche.number,
        "title": grant.proposal.title,
    }
    return [
        batch_reference(tranche, payments=tranche.payments),
        payee["payee_name"],
        payee["payee_account"],
        tranche.remaining_rwf,
        CURRENCY,
        narrative[:NARRATIVE_LENGTH],
        payee["method"],
    ]
