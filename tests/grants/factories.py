"""Factories and helpers for grants: built through the services, as in real life."""

import datetime
from decimal import Decimal

from skillbridge.calls.models import Proposal
from skillbridge.grants.services import awards, milestones, payments
from tests.calls.factories import BudgetLineFactory, CallFactory, ProposalFactory

START = datetime.date(2026, 1, 5)
END = datetime.date(2026, 12, 31)
RATE = Decimal("1500.0000")
PAID_ON = datetime.date(2026, 1, 10)


def selected_proposal(*, programme, college, lead, requested=10_000_000, **kwargs) -> Proposal:
    """A selected proposal with two budget lines (4,000,000 + 6,000,000 RWF)."""
    proposal = ProposalFactory(
        call=CallFactory(programme=programme),
        college=college,
        lead=lead,
        state=Proposal.State.SELECTED,
        requested_amount_rwf=requested,
        **kwargs,
    )
    BudgetLineFactory(
        proposal=proposal, item="Laptop", quantity=Decimal(2), unit_cost_rwf=2_000_000
    )
    BudgetLineFactory(
        proposal=proposal,
        item="Business registration",
        category="licences",
        quantity=Decimal(1),
        unit_cost_rwf=6_000_000,
    )
    return proposal


def award(proposal, officer, *, amount=None, **kwargs):
    return awards.grant_award(
        actor=officer,
        proposal=proposal,
        amount_rwf=amount or proposal.requested_amount_rwf,
        exchange_rate=kwargs.pop("exchange_rate", RATE),
        starts_on=kwargs.pop("starts_on", START),
        ends_on=kwargs.pop("ends_on", END),
        **kwargs,
    )


def approve_milestone(grant, number, *, officer, lead):
    milestone = grant.tranches.get(number=number).milestone
    milestones.milestone_submit_evidence(actor=lead, milestone=milestone, text="Done, see file.")
    return milestones.milestone_approve(actor=officer, milestone=milestone)


def pay(grant, finance, number, amount, reference, **kwargs):
    """Record a payment of tranche `number` through the ledger service."""
    return payments.disbursement_record(
        actor=finance,
        grant=grant,
        tranche_id=grant.tranches.get(number=number).pk,
        amount_rwf=amount,
        paid_on=kwargs.pop("paid_on", PAID_ON),
        method=kwargs.pop("method", "bank_transfer"),
        reference=reference,
    )
