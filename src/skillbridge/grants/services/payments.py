"""The disbursement ledger: payments and their reversals. Nothing here edits or deletes."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from skillbridge.common import formats
from skillbridge.common.transitions import locked
from skillbridge.grants.models import Disbursement, Grant, Tranche
from skillbridge.grants.services.common import grant_audit, mail_each, team_recipients
from skillbridge.grants.services.moves import grant_move
from skillbridge.grants.states import GRANT

Kind = Disbursement.Kind


class PaymentRefused(ValidationError):
    """The payment conflicts with the ledger or the grant's conditions (the API answers 409)."""


def _lock_grant(grant: Grant) -> Grant:
    # Lock order everywhere: the grant, then its tranche. One payment at a time per
    # grant, so two officers clicking at once are served one after the other.
    return locked(grant, "proposal", "programme")


def _same_request(existing: Disbursement, *, grant: Grant, tranche_id, amount_rwf: int):
    """A reference already in the ledger: the same payment sent again, or a mistake."""
    if (
        existing.kind == Kind.PAYMENT
        and existing.grant_id == grant.pk
        and existing.tranche_id == tranche_id
        and existing.amount_rwf == amount_rwf
    ):
        return existing, False
    raise PaymentRefused(
        {"reference": _("This payment reference is already in the ledger for another payment.")}
    )


def _apply(entry: Disbursement) -> None:
    """Move the running totals of the tranche and the grant by the entry's amount."""
    try:
        with transaction.atomic():
            Tranche.objects.filter(pk=entry.tranche_id).update(
                paid_rwf=F("paid_rwf") + entry.amount_rwf
            )
            Grant.objects.filter(pk=entry.grant_id).update(
                paid_rwf=F("paid_rwf") + entry.amount_rwf
            )
    except IntegrityError as error:
        # The check constraints are the last line: they refuse what the lock should
        # already have prevented.
        raise PaymentRefused(
            {"amount": _("This payment would exceed the tranche or the award.")}
        ) from error


def _check_input(*, amount_rwf: int, paid_on: datetime.date, method: str, reference: str):
    errors: dict[str, str] = {}
    if not reference:
        errors["reference"] = _("Enter the payment reference from the bank or mobile money.")
    if method not in Disbursement.Method.values:
        errors["method"] = _("Choose bank transfer or mobile money.")
    if amount_rwf <= 0:
        errors["amount"] = _("The amount must be more than 0 RWF.")
    if paid_on > timezone.localdate():
        errors["paid_on"] = _("A payment cannot be dated in the future.")
    if errors:
        raise ValidationError(errors)


def _payable_tranche(grant: Grant, *, tranche_id: int, amount_rwf: int) -> Tranche:
    """The grant's tranche, locked, if it may receive `amount_rwf` now (the grant is locked)."""
    tranche = (
        Tranche.objects.select_for_update(of=("self",)).filter(grant=grant, pk=tranche_id).first()
    )
    if tranche is None:
        raise ValidationError({"tranche": _("Choose a tranche of this grant.")})
    if tranche.payable_since is None:
        raise PaymentRefused(
            {
                "tranche": _(
                    "Tranche %(number)s is not payable yet: its condition (the agreement or "
                    "the milestone) is not met."
                )
                % {"number": tranche.number}
            }
        )
    if grant.state not in Grant.PAYABLE_STATES:
        raise PaymentRefused(
            {
                "tranche": _("This grant is %(state)s: no tranche can be paid.")
                % {"state": grant.get_state_display()}
            }
        )
    if amount_rwf > tranche.remaining_rwf:
        raise PaymentRefused(
            {
                "amount": _(
                    "This payment would exceed tranche %(number)s: %(remaining)s RWF remain "
                    "to be paid."
                )
                % {"number": tranche.number, "remaining": formats.number(tranche.remaining_rwf)}
            }
        )
    return tranche


def _after_payment(*, actor, grant: Grant, tranche: Tranche, entry: Disbursement) -> None:
    """Move the totals, activate the grant on its first payment, audit, and mail the team."""
    _apply(entry)
    if GRANT.can(grant, "activate"):
        grant_move(actor=actor, grant=grant, action="activate")
    grant_audit(
        actor=actor,
        grant=grant,
        event="payment_recorded",
        tranche=tranche.number,
        amount_rwf=entry.amount_rwf,
        reference=entry.reference,
        method=entry.method,
    )
    tranche.refresh_from_db(fields=["paid_rwf"])
    mail_each(
        team_recipients(grant),
        template="grants/mail/tranche_paid",
        context={"grant": grant, "tranche": tranche, "entry": entry},
        grant=grant,
        kind="grants.tranche_paid",
    )


@transaction.atomic
def disbursement_record(
    *,
    actor,
    grant: Grant,
    tranche_id: int,
    amount_rwf: int,
    paid_on: datetime.date,
    method: str,
    reference: str,
    note: str = "",
    payee_name: str = "",
    payee_account: str = "",
) -> tuple[Disbursement, bool]:
    """Record a payment of a tranche. Returns the ledger entry and whether it is new.

    Checks the input, then under the grant's and the tranche's row locks: a reference
    already in the ledger returns that entry when it is the same payment (nothing is
    paid twice); the grant must be running, the tranche payable (agreement accepted,
    or its milestone approved) and the amount within what remains of the tranche.
    Writes the entry (with the payee, which the grant keeps for its next payment) and the
    running totals, activates the grant on its first payment, audits, and mails the team.
    """
    reference = reference.strip()
    _check_input(amount_rwf=amount_rwf, paid_on=paid_on, method=method, reference=reference)
    grant = _lock_grant(grant)
    existing = Disbursement.objects.filter(reference=reference).first()
    if existing is not None:
        return _same_request(existing, grant=grant, tranche_id=tranche_id, amount_rwf=amount_rwf)
    tranche = _payable_tranche(grant, tranche_id=tranche_id, amount_rwf=amount_rwf)
    try:
        with transaction.atomic():
            entry = Disbursement.objects.create(
                grant=grant,
                tranche=tranche,
                kind=Kind.PAYMENT,
                amount_rwf=amount_rwf,
                paid_on=paid_on,
                method=method,
                reference=reference,
                note=note.strip()[:255],
                payee_name=payee_name.strip()[:150],
                payee_account=payee_account.strip()[:60],
                recorded_by=actor,
            )
    except IntegrityError:
        # Another grant's payment took this reference between our look-up and insert.
        existing = Disbursement.objects.get(reference=reference)
        return _same_request(existing, grant=grant, tranche_id=tranche_id, amount_rwf=amount_rwf)
    _keep_payee(grant, entry)
    _after_payment(actor=actor, grant=grant, tranche=tranche, entry=entry)
    return entry, True


def _keep_payee(grant: Grant, entry: Disbursement) -> None:
    """The grant remembers where its money last went: the next payment and batch start there."""
    if not entry.payee_name:
        return
    grant.payee_name = entry.payee_name
    grant.payee_account = entry.payee_account
    grant.payee_method = entry.method
    grant.save(update_fields=["payee_name", "payee_account", "payee_method"])


@transaction.atomic
def disbursement_reverse(
    *, actor, entry: Disbursement, reason: str, reference: str = ""
) -> Disbursement:
    """Correct a payment by a reversing entry of the opposite amount (never an edit).

    A payment is reversed at most once; the reversal gets its own reference.
    """
    grant = _lock_grant(entry.grant)
    entry = Disbursement.objects.select_for_update(of=("self",)).get(pk=entry.pk)
    if entry.kind != Kind.PAYMENT:
        raise ValidationError({"reason": _("Only a payment can be reversed.")})
    if Disbursement.objects.filter(reverses=entry).exists():
        raise PaymentRefused({"reason": _("This payment has already been reversed.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the payment is reversed.")})
    reference = (reference.strip() or f"{entry.reference}-REV")[:80]
    if Disbursement.objects.filter(reference=reference).exists():
        raise PaymentRefused(
            {"reference": _("This payment reference is already in the ledger for another payment.")}
        )
    Tranche.objects.select_for_update(of=("self",)).get(pk=entry.tranche_id)
    reversal = Disbursement.objects.create(
        grant=grant,
        tranche_id=entry.tranche_id,
        kind=Kind.REVERSAL,
        amount_rwf=-entry.amount_rwf,
        paid_on=timezone.localdate(),
        method=entry.method,
        reference=reference,
        reverses=entry,
        note=reason.strip()[:255],
        recorded_by=actor,
    )
    _apply(reversal)
    grant_audit(
        actor=actor,
        grant=grant,
        event="payment_reversed",
        reference=entry.reference,
        amount_rwf=entry.amount_rwf,
        reason=reason.strip(),
    )
    return reversal
