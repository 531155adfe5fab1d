"""Awarding a grant and moving it through its life: awarded → agreement accepted →
active → closed, or suspended / terminated."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skillbridge.calls.models import Proposal
from skillbridge.common import formats
from skillbridge.common.transitions import locked
from skillbridge.grants.models import FinancialReport, Grant, GrantBudgetLine, Milestone, Tranche
from skillbridge.grants.selectors import envelope_of
from skillbridge.grants.services.common import grant_audit
from skillbridge.grants.services.moves import grant_move
from skillbridge.grants.states import terms_are_open
from skillbridge.programmes.models import Programme

State = Grant.State
DEFAULT_SHARES = (Decimal(40), Decimal(40), Decimal(20))


@dataclass(frozen=True)
class TranchePlan:
    """One row of a schedule: its share of the award in percent and, after the first, its
    milestone."""

    share: Decimal
    deliverable: str = ""
    due_on: datetime.date | None = None
    evidence_expected: str = ""


def split_amount(total: int, shares: list[Decimal]) -> list[int]:
    """Whole francs per share; the rounding remainder goes on the last tranche, so the
    schedule always adds up exactly to the award."""
    amounts = [int(total * share / 100) for share in shares[:-1]]
    return [*amounts, total - sum(amounts)]


def default_schedule(*, starts_on: datetime.date, ends_on: datetime.date) -> list[TranchePlan]:
    """40/40/20: on signature, after the prototype and licence, after the interim report."""
    length = (ends_on - starts_on).days
    return [
        TranchePlan(share=DEFAULT_SHARES[0]),
        TranchePlan(
            share=DEFAULT_SHARES[1],
            deliverable=_("Working prototype demonstrated and business registered"),
            due_on=starts_on + datetime.timedelta(days=length // 3),
            evidence_expected=_(
                "The business registration certificate or licence, and a demonstration of "
                "the prototype (visit report or video)."
            ),
        ),
        TranchePlan(
            share=DEFAULT_SHARES[2],
            deliverable=_("Interim report with first users or customers"),
            due_on=starts_on + datetime.timedelta(days=2 * length // 3),
            evidence_expected=_(
                "An interim report: what was built, who uses it, and the spending so far."
            ),
        ),
    ]


def _check_schedule(plans: list[TranchePlan], *, grant_starts: datetime.date, grant_ends):
    errors: dict[str, str] = {}
    if not plans:
        errors["schedule"] = _("A grant needs at least one tranche.")
    elif sum(p.share for p in plans) != 100:
        errors["schedule"] = _("The tranches must add up to the whole award.")
    elif any(p.share <= 0 for p in plans):
        errors["schedule"] = _("Every tranche needs a share above 0%.")
    for plan in plans[1:]:
        if not plan.deliverable.strip() or not plan.evidence_expected.strip() or not plan.due_on:
            errors["schedule"] = _(
                "Every tranche after the first needs a milestone: a deliverable, "
                "a due date and the evidence expected."
            )
        elif not grant_starts <= plan.due_on <= grant_ends:
            errors["schedule"] = _("Milestones fall due within the grant period.")
    if errors:
        raise ValidationError(errors)


def _write_schedule(grant: Grant, plans: list[TranchePlan]) -> None:
    amounts = split_amount(grant.amount_rwf, [p.share for p in plans])
    for number, (plan, amount) in enumerate(zip(plans, amounts, strict=True), start=1):
        planned_on = grant.starts_on if number == 1 else plan.due_on + datetime.timedelta(days=14)
        tranche = Tranche.objects.create(
            grant=grant, number=number, amount_rwf=amount, planned_on=planned_on
        )
        if number > 1:
            Milestone.objects.create(
                tranche=tranche,
                deliverable=plan.deliverable.strip(),
                due_on=plan.due_on,
                evidence_expected=plan.evidence_expected.strip(),
            )


def _check_award(
    proposal: Proposal,
    *,
    amount_rwf: int,
    amount_reason: str,
    exchange_rate: Decimal,
    starts_on: datetime.date,
    ends_on: datetime.date,
) -> None:
    """The proposal may be funded, and the amount, rate and dates make sense."""
    if proposal.state != Proposal.State.SELECTED:
        raise ValidationError({"proposal": _("Only a selected proposal can receive a grant.")})
    if Grant.objects.filter(proposal=proposal).exists():
        raise ValidationError({"proposal": _("This proposal already has a grant.")})
    errors: dict[str, str] = {}
    if amount_rwf <= 0:
        errors["amount_rwf"] = _("The award must be more than 0 RWF.")
    elif amount_rwf > proposal.call.max_grant_rwf:
        errors["amount_rwf"] = _("The call allows at most %(max)s RWF per grant.") % {
            "max": formats.number(proposal.call.max_grant_rwf)
        }
    if amount_rwf != proposal.requested_amount_rwf and not amount_reason:
        errors["amount_reason"] = _("The award differs from the amount requested: say why.")
    if exchange_rate <= 0:
        errors["exchange_rate"] = _("The exchange rate must be more than 0.")
    if ends_on <= starts_on:
        errors["ends_on"] = _("The grant must end after it starts.")
    if errors:
        raise ValidationError(errors)


def _check_envelope(programme: Programme, *, amount_rwf: int, exchange_rate: Decimal) -> None:
    """A programme with an envelope commits no more EUR than it has free."""
    amount_eur = (Decimal(amount_rwf) / exchange_rate).quantize(Decimal("0.01"))
    envelope = envelope_of(programme)
    if programme.envelope_eur > 0 and amount_eur > envelope.free_eur:
        raise ValidationError(
            {
                "amount_rwf": _(
                    "This award (%(amount)s EUR) is more than the envelope has free (%(free)s EUR)."
                )
                % {"amount": amount_eur, "free": envelope.free_eur}
            }
        )


def _carry_budget(grant: Grant, proposal: Proposal) -> None:
    """The grant's budget starts as the proposal's, line by line."""
    GrantBudgetLine.objects.bulk_create(
        GrantBudgetLine(
            grant=grant,
            item=line.item,
            category=line.category,
            amount_rwf=line.total_rwf,
            position=position,
        )
        for position, line in enumerate(proposal.budget_lines.all())
    )


@transaction.atomic
def grant_award(
    *,
    actor,
    proposal: Proposal,
    amount_rwf: int,
    exchange_rate: Decimal,
    starts_on: datetime.date,
    ends_on: datetime.date,
    amount_reason: str = "",
    schedule: list[TranchePlan] | None = None,
) -> Grant:
    """Award a grant to a selected proposal.

    Checks the proposal is selected and not yet funded, the amount (a reason when it
    differs from the request; within the call's maximum and the envelope's free EUR),
    the dates and the schedule. Writes the grant, its budget lines carried over from
    the proposal, its tranches and milestones (40/40/20 unless told), and an audit entry.
    """
    # The programme row is the lock that keeps two awards from committing the same EUR.
    programme = Programme.objects.select_for_update(of=("self",)).get(pk=proposal.call.programme_id)
    proposal = locked(proposal, "call")
    amount_reason = amount_reason.strip()
    _check_award(
        proposal,
        amount_rwf=amount_rwf,
        amount_reason=amount_reason,
        exchange_rate=exchange_rate,
        starts_on=starts_on,
        ends_on=ends_on,
    )
    _check_envelope(programme, amount_rwf=amount_rwf, exchange_rate=exchange_rate)
    plans = schedule or default_schedule(starts_on=starts_on, ends_on=ends_on)
    _check_schedule(plans, grant_starts=starts_on, grant_ends=ends_on)
    grant = Grant.objects.create(
        proposal=proposal,
        programme=programme,
        amount_rwf=amount_rwf,
        amount_reason=amount_reason,
        exchange_rate=exchange_rate,
        starts_on=starts_on,
        ends_on=ends_on,
        awarded_by=actor,
    )
    _carry_budget(grant, proposal)
    _write_schedule(grant, plans)
    grant_audit(
        actor=actor,
        grant=grant,
        event=State.AWARDED,
        after=State.AWARDED,
        amount_rwf=amount_rwf,
        requested_rwf=proposal.requested_amount_rwf,
        exchange_rate=str(exchange_rate),
    )
    return grant


def _lock(grant: Grant) -> Grant:
    return locked(grant, "proposal", "programme")


@transaction.atomic
def grant_set_schedule(*, actor, grant: Grant, schedule: list[TranchePlan]) -> Grant:
    """Replace the tranches and milestones while the agreement is not yet accepted."""
    grant = _lock(grant)
    if not terms_are_open(grant):
        raise ValidationError(
            {"schedule": _("The schedule is fixed once the agreement is accepted.")}
        )
    _check_schedule(schedule, grant_starts=grant.starts_on, grant_ends=grant.ends_on)
    Tranche.objects.filter(grant=grant).delete()
    _write_schedule(grant, schedule)
    grant_audit(
        actor=actor, grant=grant, event="schedule_set", shares=[str(p.share) for p in schedule]
    )
    return grant


@transaction.atomic
def grant_set_budget(*, actor, grant: Grant, lines: list[dict]) -> Grant:
    """Replace the budget lines (item, category, amount_rwf) before the agreement is accepted."""
    grant = _lock(grant)
    if not terms_are_open(grant):
        raise ValidationError({"budget": _("The budget is fixed once the agreement is accepted.")})
    if not lines:
        raise ValidationError({"budget": _("A grant needs at least one budget line.")})
    GrantBudgetLine.objects.filter(grant=grant).delete()
    GrantBudgetLine.objects.bulk_create(
        GrantBudgetLine(grant=grant, position=position, **line)
        for position, line in enumerate(lines)
    )
    grant_audit(
        actor=actor,
        grant=grant,
        event="budget_set",
        total_rwf=sum(line["amount_rwf"] for line in lines),
    )
    return grant


@transaction.atomic
def grant_accept_agreement(*, actor, grant: Grant) -> Grant:
    """The team lead accepts the grant agreement online.

    Moves awarded → agreement accepted, records who and when, and makes the
    first tranche payable (the finance officers are told).
    """
    grant = _lock(grant)
    if grant.proposal.lead_id != actor.pk:
        raise ValidationError({"agreement": _("Only the team lead can accept the agreement.")})
    grant.agreement_accepted_by = actor
    grant.agreement_accepted_at = timezone.now()
    grant_move(
        actor=actor,
        grant=grant,
        action="accept_agreement",
        update_fields=("agreement_accepted_by", "agreement_accepted_at"),
    )
    return grant


def _require_reason(reason: str) -> str:
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason: the team will read it.")})
    return reason.strip()


@transaction.atomic
def grant_suspend(*, actor, grant: Grant, reason: str) -> Grant:
    """Stop payments on a running grant for a stated reason."""
    reason = _require_reason(reason)
    grant = _lock(grant)
    grant_move(actor=actor, grant=grant, action="suspend", reason=reason)
    return grant


@transaction.atomic
def grant_resume(*, actor, grant: Grant, reason: str = "") -> Grant:
    """Lift a suspension: back to active if money was paid, else to agreement accepted."""
    grant = _lock(grant)
    action = "resume" if grant.paid_rwf > 0 else "resume_unpaid"
    grant_move(actor=actor, grant=grant, action=action, reason=reason.strip())
    return grant


@transaction.atomic
def grant_terminate(*, actor, grant: Grant, reason: str) -> Grant:
    """End a grant early. Unpaid tranches are never paid; the envelope keeps only what was
    paid."""
    reason = _require_reason(reason)
    grant = _lock(grant)
    grant_move(actor=actor, grant=grant, action="terminate", reason=reason)
    return grant


@transaction.atomic
def grant_close(*, actor, grant: Grant, reason: str = "") -> Grant:
    """Close a finished grant. Only after its final financial report is approved."""
    approved_final = FinancialReport.objects.filter(
        grant=grant, kind=FinancialReport.Kind.FINAL, state=FinancialReport.State.APPROVED
    ).exists()
    if not approved_final:
        raise ValidationError(
            {"state": _("A grant closes only after its final financial report is approved.")}
        )
    grant = _lock(grant)
    grant_move(actor=actor, grant=grant, action="close", reason=reason.strip())
    return grant
