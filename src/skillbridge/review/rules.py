"""Who may do what in review and selection, and when.

Call permissions take (user, call); review permissions take (user, review),
where a review is one reviewer's assignment to one proposal; outcome and
decision permissions take (user, proposal), disqualification (user,
decision). Accessors answer 404 to outsiders first (review.selectors).

The team, the college's coordinator and the programme's officer are defined
once, for a proposal (calls.rules), and asked here of a review's or a
decision's proposal. The states come from the transition tables
(review.states, calls.states). As in calls.rules, a permission ending in
`_now` adds the state to who may: templates show a link or a button only
then, while a view answers 403 only without the plain permission and the
service refuses a step the state does not allow, with its message.
"""

import rules

from skillbridge.calls.rules import (
    is_call_officer,
    is_coordinator_of_proposal,
    is_officer_of_proposal,
    is_team_member,
)
from skillbridge.calls.selectors import proposal_has_grant
from skillbridge.calls.states import PROPOSAL
from skillbridge.common.permissions import via
from skillbridge.people.rules import is_officer_anywhere, is_reviewer_anywhere
from skillbridge.review.models import Decision, Review
from skillbridge.review.selectors import conflicts_automatically
from skillbridge.review.states import DECLARATION, REVIEW, undecided

# --- Reviews: (user, review) ----------------------------------------------------------------


@rules.predicate
def is_assigned_reviewer(user, review: Review) -> bool:
    """The reviewer of a current assignment (not removed, no declared conflict)."""
    return (
        review is not None
        and user.is_authenticated
        and review.reviewer_id == user.pk
        and review.is_active
    )


@rules.predicate
def has_declared_no_conflict(user, review: Review) -> bool:
    return review.declaration == Review.Declaration.NONE


@rules.predicate
def is_free_of_automatic_conflict(user, review: Review) -> bool:
    """Checked again on every opening: a team may change after the assignment."""
    return not conflicts_automatically(reviewer=user, proposal=review.proposal)


@rules.predicate
def is_submitted(user, review: Review) -> bool:
    return review.is_submitted


# A review's and a decision's officer: the officer of its proposal's programme.
is_officer_of_its_proposal = via("proposal", is_officer_of_proposal)
may_open = is_assigned_reviewer & has_declared_no_conflict & is_free_of_automatic_conflict

# --- Decisions: (user, decision) ------------------------------------------------------------


@rules.predicate
def is_released(user, decision: Decision) -> bool:
    return decision is not None and decision.released_at is not None


@rules.predicate
def is_unfunded(user, decision: Decision) -> bool:
    """No grant yet: a grant is ended in the grants app instead (lists annotate `has_grant`)."""
    funded = getattr(decision, "has_grant", None)
    if funded is None:
        funded = proposal_has_grant(decision.proposal)
    return not funded


may_disqualify = is_officer_of_its_proposal & is_released

# --- Permissions ----------------------------------------------------------------------------

# Index pages: the officer's calls, the reviewer's assignments.
rules.add_perm("review.list_calls", is_officer_anywhere)
rules.add_perm("review.list_own_reviews", is_reviewer_anywhere)

rules.add_perm("review.manage_call", is_call_officer)

rules.add_perm("review.see_assignment", is_assigned_reviewer)
rules.add_perm("review.declare", is_assigned_reviewer & DECLARATION.allows("declare_none"))
rules.add_perm("review.open", may_open)
rules.add_perm("review.write_now", may_open & ~is_submitted)
rules.add_perm("review.remove_assignment", is_officer_of_its_proposal)
rules.add_perm(
    "review.remove_assignment_now",
    is_officer_of_its_proposal & REVIEW.allows("remove") & ~is_submitted,
)

rules.add_perm(
    "review.view_outcome", is_team_member | is_officer_of_proposal | is_coordinator_of_proposal
)
rules.add_perm("review.decide_now", is_officer_of_proposal & undecided)

rules.add_perm("review.disqualify", may_disqualify)
rules.add_perm(
    "review.disqualify_now",
    may_disqualify & via("proposal", PROPOSAL.allows("disqualify")) & is_unfunded,
)
