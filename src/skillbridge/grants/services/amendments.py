"""Amendments of an accepted agreement: a budget reallocation, a no-cost extension, a new
milestone date. Asked with a reason, decided by the officer; an approval applies the change
and freezes a new version of the agreement, all in one transaction."""

import datetime

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from skillbridge.common import formats
from skillbridge.common.services import audit_record
from skillbridge.common.transitions import locked
from skillbridge.grants import documents
from skillbridge.grants.models import AgreementVersion, Amendment, Grant, GrantBudgetLine, Milestone
from skillbridge.grants.services.common import grant_audit
from skillbridge.grants.services.moves import amendment_move
from skillbridge.grants.states import AMENDABLE, AMENDMENT, has_pending_amendment

Kind = Amendment.Kind
# A milestone's tranche is planned two weeks after the milestone falls due (awards).
PAYMENT_DELAY = datetime.timedelta(days=14)


def _spent_on(line: GrantBudgetLine) -> int:
    return line.expenses.aggregate(total=Sum("amount_rwf"))["total"] or 0


def _check_reallocation(grant: Grant, changes: dict) -> dict:
    lines = {line.pk: line for line in grant.budget_lines.all()}
    source, target = lines.get(changes.get("from_line")), lines.get(changes.get("to_line"))
    amount = changes.get("amount_rwf") or 0
    if source is None:
        raise ValidationError({"from_line": _("Choose one of this grant's budget lines.")})
    if target is None or target == source:
        raise ValidationError({"to_line": _("Choose another of this grant's budget lines.")})
    if amount <= 0:
        raise ValidationError({"amount_rwf": _("The amount must be more than 0 RWF.")})
    left, spent = source.amount_rwf - amount, _spent_on(source)
    if left < spent:
        raise ValidationError(
            {
                "amount_rwf": _(
                    "Moving %(amount)s RWF would leave “%(item)s” with %(left)s RWF, less than "
                    "the %(spent)s RWF already spent on it."
                )
                % {
                    "amount": formats.number(amount),
                    "item": source.item,
                    "left": formats.number(left),
                    "spent": formats.number(spent),
                }
            }
        )
    return {
        "from_line": source.pk,
        "to_line": target.pk,
        "amount_rwf": amount,
        "from_item": source.item,
        "to_item": target.item,
    }


def _check_extension(grant: Grant, changes: dict) -> dict:
    ends_on = changes.get("ends_on")
    if isinstance(ends_on, str):
        ends_on = datetime.date.fromisoformat(ends_on)
    if ends_on is None or ends_on <= grant.ends_on:
        raise ValidationError(
            {
                "ends_on": _("An extension ends after the grant's current end, %(date)s.")
                % {"date": formats.date(grant.ends_on)}
            }
        )
    return {"ends_on": ends_on.isoformat(), "was": grant.ends_on.isoformat()}


def _check_milestone_date(grant: Grant, changes: dict) -> dict:
    milestone = (
        Milestone.objects.filter(tranche__grant=grant, pk=changes.get("milestone"))
        .exclude(state=Milestone.State.APPROVED)
        .first()
    )
    if milestone is None:
        raise ValidationError({"milestone": _("Choose a milestone not yet approved.")})
    due_on = changes.get("due_on")
    if isinstance(due_on, str):
        due_on = datetime.date.fromisoformat(due_on)
    if due_on is None or not grant.starts_on <= due_on <= grant.ends_on:
        raise ValidationError({"due_on": _("Milestones fall due within the grant period.")})
    if due_on == milestone.due_on:
        raise ValidationError({"due_on": _("This is already the milestone's due date.")})
    return {
        "milestone": milestone.pk,
        "deliverable": milestone.deliverable,
        "due_on": due_on.isoformat(),
        "was": milestone.due_on.isoformat(),
    }


CHECKS = {
    Kind.REALLOCATION: _check_reallocation,
    Kind.EXTENSION: _check_extension,
    Kind.MILESTONE_DATE: _check_milestone_date,
}


def _lock(grant: Grant) -> Grant:
    return locked(grant, "proposal", "programme")


@transaction.atomic
def amendment_request(*, actor, grant: Grant, kind: str, reason: str, changes: dict) -> Amendment:
    """The team lead or the officer asks to change the accepted terms, with a reason.

    Allowed from the accepted agreement until the grant ends, one amendment at a time.
    Checks the change against the present terms (a reallocation may not leave a line
    with less than was spent on it). Writes the amendment, waiting for the officer,
    and audits `amendment.pending`.
    """
    grant = _lock(grant)
    AMENDABLE.refuse_unless_open(grant)
    if has_pending_amendment(grant):
        raise ValidationError(
            {"__all__": _("An amendment of this grant is already waiting for the officer.")}
        )
    if kind not in CHECKS:
        raise ValidationError({"kind": _("Choose a kind of amendment.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the terms should change.")})
    changes = CHECKS[kind](grant, changes)
    amendment = Amendment.objects.create(
        grant=grant, kind=kind, reason=reason.strip(), changes=changes, requested_by=actor
    )
    audit_record(
        actor=actor,
        action=f"amendment.{Amendment.State.PENDING}",
        target=amendment,
        after=Amendment.State.PENDING,
        data={"kind": kind, "grant": grant.pk, "reason": amendment.reason, **changes},
    )
    return amendment


def _apply_reallocation(grant: Grant, changes: dict) -> None:
    amount = changes["amount_rwf"]
    source = GrantBudgetLine.objects.get(grant=grant, pk=changes["from_line"])
    target = GrantBudgetLine.objects.get(grant=grant, pk=changes["to_line"])
    source.amount_rwf -= amount
    target.amount_rwf += amount
    GrantBudgetLine.objects.bulk_update([source, target], ["amount_rwf"])


def _apply_extension(grant: Grant, changes: dict) -> None:
    grant.ends_on = datetime.date.fromisoformat(changes["ends_on"])
    grant.save(update_fields=["ends_on"])


def _apply_milestone_date(grant: Grant, changes: dict) -> None:
    milestone = Milestone.objects.select_related("tranche").get(pk=changes["milestone"])
    milestone.due_on = datetime.date.fromisoformat(changes["due_on"])
    milestone.save(update_fields=["due_on"])
    milestone.tranche.planned_on = milestone.due_on + PAYMENT_DELAY
    milestone.tranche.save(update_fields=["planned_on"])


APPLY = {
    Kind.REALLOCATION: _apply_reallocation,
    Kind.EXTENSION: _apply_extension,
    Kind.MILESTONE_DATE: _apply_milestone_date,
}


def _document_language(grant: Grant) -> str:
    return grant.proposal.lead.preferred_language or "en"


def version_freeze(grant: Grant, *, amendment: Amendment | None = None) -> AgreementVersion:
    """Store the agreement's PDF as the grant stands now, as its next version."""
    number = grant.versions.count() + 1
    pdf = documents.agreement_pdf(grant, language=_document_language(grant), version=number)
    return AgreementVersion.objects.create(
        grant=grant,
        number=number,
        amendment=amendment,
        pdf=ContentFile(pdf, name=f"grant-{grant.pk}-agreement-v{number}.pdf"),
    )


@transaction.atomic
def amendment_approve(*, actor, amendment: Amendment, comments: str = "") -> Amendment:
    """The officer approves an amendment: the change is applied and the agreement gets a
    new version, its PDF stored (the first approval also freezes the terms as accepted,
    as version 1). Checks the change again against the terms as they are now (spending
    may have moved since the request). Audits `amendment.approved`."""
    grant = _lock(amendment.grant)
    amendment = locked(amendment)
    AMENDMENT.refuse_unless_can(amendment, "approve")
    AMENDABLE.refuse_unless_open(grant)
    changes = CHECKS[amendment.kind](grant, amendment.changes)
    if not grant.versions.exists():
        version_freeze(grant)
    APPLY[amendment.kind](grant, changes)
    amendment_move(actor=actor, amendment=amendment, action="approve", comments=comments)
    version = version_freeze(grant, amendment=amendment)
    grant_audit(
        actor=actor, grant=grant, event="amended", kind=amendment.kind, version=version.number
    )
    return amendment


@transaction.atomic
def amendment_reject(*, actor, amendment: Amendment, comments: str) -> Amendment:
    """The officer rejects an amendment, saying why; the terms stay as they are."""
    if not comments.strip():
        raise ValidationError({"comments": _("Tell the requester why the terms stay.")})
    Grant.objects.select_for_update(of=("self",)).get(pk=amendment.grant_id)
    amendment = locked(amendment)
    amendment_move(actor=actor, amendment=amendment, action="reject", comments=comments)
    return amendment
