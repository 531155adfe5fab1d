"""The proposal's transition table: every way `Proposal.state` may change.

A team writes a draft and submits it; an officer finds it eligible or
ineligible (and may correct that until review starts); its first review
assignment puts it under review; the released decision makes it selected,
reserve or not selected; a place freed after the release goes to the first
reserve, and a selected or reserve team may be disqualified. A team may
withdraw until a decision goes against it, and a selected or reserve team
may still step back (until a grant is awarded, which the service checks).

Services move a proposal only through `calls.services.proposal_move`;
templates and views ask the `rules` perms built on `PROPOSAL.allows(...)`.
"""

from django.utils.translation import gettext_lazy as _

from skillbridge.calls.models import Proposal
from skillbridge.common.transitions import Machine, Transition, Window

State = Proposal.State

DRAFT_ONLY = _("This proposal was submitted: it can no longer be changed.")
DECIDED = _("Only proposals under review can be decided.")
ELIGIBILITY = _("Only a submitted proposal can be found eligible or ineligible.")

PROPOSAL = Machine(
    "proposal",
    {
        "submit": Transition({State.DRAFT}, State.SUBMITTED, DRAFT_ONLY),
        "withdraw": Transition(
            {
                State.DRAFT,
                State.SUBMITTED,
                State.ELIGIBLE,
                State.UNDER_REVIEW,
                # After the release a selected or reserve team may still step back (before
                # any grant), which frees its place for the reserve list.
                State.SELECTED,
                State.RESERVE,
            },
            State.WITHDRAWN,
            _("A decision was made on this proposal: it can no longer be withdrawn."),
        ),
        # An officer may correct an eligibility decision until review starts.
        "mark_eligible": Transition(
            {State.SUBMITTED, State.INELIGIBLE}, State.ELIGIBLE, ELIGIBILITY
        ),
        "mark_ineligible": Transition(
            {State.SUBMITTED, State.ELIGIBLE}, State.INELIGIBLE, ELIGIBILITY
        ),
        "start_review": Transition(
            {State.ELIGIBLE}, State.UNDER_REVIEW, _("Only eligible proposals can be assigned.")
        ),
        "select": Transition({State.UNDER_REVIEW}, State.SELECTED, DECIDED),
        "reserve": Transition({State.UNDER_REVIEW}, State.RESERVE, DECIDED),
        "not_select": Transition({State.UNDER_REVIEW}, State.NOT_SELECTED, DECIDED),
        "promote": Transition(
            {State.RESERVE},
            State.SELECTED,
            _("Only a proposal on the reserve list can be promoted."),
        ),
        "disqualify": Transition(
            {State.SELECTED, State.RESERVE},
            State.INELIGIBLE,
            _("Only a selected or reserve team can be disqualified."),
        ),
    },
)

# The action that releases a decision, by the state (the decision's outcome) it leads to.
RELEASE = {State.SELECTED: "select", State.RESERVE: "reserve", State.NOT_SELECTED: "not_select"}

# A selected team holds a place, a reserve one a slot on the reserve list: withdrawing after
# the release frees it for the next reserve.
HOLDS_A_PLACE = frozenset({State.SELECTED, State.RESERVE})

# Review has begun (or ended) for a proposal in these states.
REVIEW_BEGUN = frozenset({State.UNDER_REVIEW, State.SELECTED, State.RESERVE, State.NOT_SELECTED})

# Rights that depend on the state without moving it. The college coordinator checks the
# team's affiliations until eligibility is decided; an officer confirms instead only once
# the proposal is submitted, so eligibility never waits on an absent coordinator.
AFFILIATION_OPEN = Window(
    "proposal",
    "affiliation",
    frozenset({State.DRAFT, State.SUBMITTED}),
    _("Eligibility of this proposal is decided: the team cannot change."),
)
OFFICER_AFFILIATION_OPEN = Window(
    "proposal",
    "officer_affiliation",
    frozenset({State.SUBMITTED}),
    _("Eligibility of this proposal is decided: the team cannot change."),
)
