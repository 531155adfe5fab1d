"""When a review assignment may change: its two transition tables.

A `Review` row is one reviewer's assignment to one proposal, and it has two
states. Its `status` is the assignment's: active until the officer removes
the pair or a conflict withdraws it; a pair the officer removed may be
assigned again by hand, a conflicting pair never. Its `declaration` is the
reviewer's: pending until they declare no conflict, or a conflict (which
also withdraws the pair). Submitting the review is not a state but a moment
(`submitted_at`): a review is written until then, and never after.

A decision has no state column either: it is staged until `released_at` is
set. What a decision does to its proposal (under review, then selected,
reserve or not selected; promoted; disqualified) is a move of the proposal
(`calls.states.PROPOSAL`, by `calls.services.proposal_move`); the sets of
proposal states review reads are named at the end.

Services move a review only through `review.services.moves.review_move`;
templates and views ask the `rules` perms built on these tables
(review.rules).
"""

from django.utils.translation import gettext_lazy as _

from skillbridge.calls.models import Proposal
from skillbridge.calls.states import PROPOSAL, RELEASE
from skillbridge.common.transitions import Machine, Transition
from skillbridge.review.models import Review

Status = Review.Status
Declaration = Review.Declaration
State = Proposal.State

NOT_CURRENT = _("This assignment is no longer current.")
DECLARED = _("You have already declared.")

REVIEW = Machine(
    "review",
    {
        "remove": Transition({Status.ACTIVE}, Status.REMOVED, NOT_CURRENT),
        # A conflict, declared by the reviewer or found by the engine when a team changes.
        "withdraw": Transition({Status.ACTIVE}, Status.CONFLICT, NOT_CURRENT),
        "reinstate": Transition(
            {Status.REMOVED}, Status.ACTIVE, _("This reviewer is already assigned.")
        ),
    },
    field="status",
)

DECLARATION = Machine(
    "declaration",
    {
        "declare_none": Transition({Declaration.PENDING}, Declaration.NONE, DECLARED),
        "declare_conflict": Transition({Declaration.PENDING}, Declaration.CONFLICT, DECLARED),
    },
    field="declaration",
)

# --- The proposal's states as review sees them (its moves are calls.states.PROPOSAL's) -------

# Proposals that take reviewers: eligible ones (their first assignment starts the review,
# `start_review`) and those already under review.
ASSIGNABLE = frozenset({State.ELIGIBLE, State.UNDER_REVIEW})
# The states a released decision leads to: selected, reserve, not selected.
DECIDED = frozenset(RELEASE)
# Proposals that take part in a call's review, from assignment to decision.
IN_REVIEW = ASSIGNABLE | DECIDED
# The committee decides a proposal while the release may still move it (under review);
# every release action starts from the same state, so one stands for them all.
DECIDING = "select"
undecided = PROPOSAL.allows(DECIDING)
