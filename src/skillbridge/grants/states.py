"""When a grant, a milestone or a financial report may move, and what a grant's state allows.

A grant is awarded; its team lead accepts the agreement, which makes the
first tranche payable; its first payment makes it active; an officer may
suspend a running grant and resume it, terminate it before it ends, and
close an active one once its final report is approved (the service checks
the report). A tranche has no state of its own: the first is payable once the
agreement is accepted, each later one once its milestone is approved.

Services move each aggregate only through its one function in
`grants.services.moves`; templates and views ask the `rules` perms built on
these tables (grants.rules).
"""

import rules
from django.utils.translation import gettext_lazy as _

from skillbridge.common.transitions import Machine, Transition, Window
from skillbridge.grants.models import Amendment, Disbursement, FinancialReport, Grant, Milestone

State = Grant.State
RESUMABLE = _("Only a suspended grant can be resumed.")

GRANT = Machine(
    "grant",
    {
        "accept_agreement": Transition(
            {State.AWARDED},
            State.AGREEMENT_ACCEPTED,
            _("This agreement has already been answered."),
        ),
        # On the first payment, inside the payment's transaction.
        "activate": Transition({State.AGREEMENT_ACCEPTED}, State.ACTIVE),
        "suspend": Transition(
            Grant.PAYABLE_STATES, State.SUSPENDED, _("Only a running grant can be suspended.")
        ),
        # A suspension lifts back to where the grant was: active once money was paid,
        # else waiting for its first payment.
        "resume": Transition({State.SUSPENDED}, State.ACTIVE, RESUMABLE),
        "resume_unpaid": Transition({State.SUSPENDED}, State.AGREEMENT_ACCEPTED, RESUMABLE),
        "terminate": Transition(
            {State.AWARDED, State.AGREEMENT_ACCEPTED, State.ACTIVE, State.SUSPENDED},
            State.TERMINATED,
            _("This grant has already ended."),
        ),
        "close": Transition({State.ACTIVE}, State.CLOSED, _("Only an active grant can be closed.")),
    },
)


def terms_are_open(grant: Grant) -> bool:
    """The schedule and the budget are the agreement's terms: they change only while the
    agreement waits for the team lead."""
    return GRANT.can(grant, "accept_agreement")


@rules.predicate
def terms_open(user, grant: Grant) -> bool:
    return grant is not None and terms_are_open(grant)


@rules.predicate
def is_running(user, grant: Grant) -> bool:
    """Between the accepted agreement and the end: tranches are paid and the team reports."""
    return grant is not None and grant.state in Grant.PAYABLE_STATES


MILESTONE = Machine(
    "milestone",
    {
        "submit": Transition(
            {Milestone.State.PENDING, Milestone.State.RETURNED},
            Milestone.State.SUBMITTED,
            _("This milestone's evidence is already with the officer."),
        ),
        "approve": Transition(
            {Milestone.State.SUBMITTED},
            Milestone.State.APPROVED,
            _("Only submitted evidence can be approved."),
        ),
        "return": Transition(
            {Milestone.State.SUBMITTED},
            Milestone.State.RETURNED,
            _("Only submitted evidence can be returned."),
        ),
    },
)

REVIEWED = _("This report has already been reviewed.")
FINANCIAL_REPORT = Machine(
    "financial_report",
    {
        "approve": Transition(
            {FinancialReport.State.SUBMITTED}, FinancialReport.State.APPROVED, REVIEWED
        ),
        "return": Transition(
            {FinancialReport.State.SUBMITTED}, FinancialReport.State.RETURNED, REVIEWED
        ),
    },
)


@rules.predicate
def is_unreversed_payment(user, entry: Disbursement) -> bool:
    """A payment of the ledger not yet reversed (reads `reversed_by`, select it with the entry)."""
    if entry is None or entry.kind != Disbursement.Kind.PAYMENT:
        return False
    return getattr(entry, "reversed_by", None) is None


# The accepted terms change only by amendment, from acceptance until the grant ends.
AMENDABLE = Window(
    "grant",
    "amendable",
    frozenset({State.AGREEMENT_ACCEPTED, State.ACTIVE, State.SUSPENDED}),
    _("Only an accepted agreement of a grant that has not ended can be amended."),
)

DECIDED = _("This amendment has already been decided.")
AMENDMENT = Machine(
    "amendment",
    {
        "approve": Transition({Amendment.State.PENDING}, Amendment.State.APPROVED, DECIDED),
        "reject": Transition({Amendment.State.PENDING}, Amendment.State.REJECTED, DECIDED),
    },
)


def has_pending_amendment(grant: Grant) -> bool:
    return grant.amendments.filter(state=Amendment.State.PENDING).exists()


@rules.predicate
def no_pending_amendment(user, grant: Grant) -> bool:
    """One amendment at a time: each is judged against the terms the last one left."""
    return grant is not None and not has_pending_amendment(grant)
