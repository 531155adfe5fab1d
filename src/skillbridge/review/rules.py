"""Who may do what in review and selection.

Call permissions take (user, call); review permissions take (user, review),
where a review is one reviewer's assignment to one proposal; outcome
permissions take (user, proposal). Selectors answer 404 to outsiders first.
"""

import rules

from skillbridge.calls.rules import is_team_member
from skillbridge.people.models import Role
from skillbridge.people.rules import is_programme_officer
from skillbridge.people.selectors import roles_in
from skillbridge.review.models import Review
from skillbridge.review.selectors import conflicts_automatically


@rules.predicate
def is_call_officer(user, call) -> bool:
    return call is not None and is_programme_officer(user, call.programme)


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
def is_still_to_declare(user, review: Review) -> bool:
    return review.declaration == Review.Declaration.PENDING


@rules.predicate
def is_free_of_automatic_conflict(user, review: Review) -> bool:
    """Checked again on every opening: a team may change after the assignment."""
    return not conflicts_automatically(reviewer=user, proposal=review.proposal)


@rules.predicate
def is_proposal_officer(user, proposal) -> bool:
    return is_programme_officer(user, proposal.call.programme)


@rules.predicate
def is_proposal_coordinator(user, proposal) -> bool:
    if Role.COLLEGE_COORDINATOR not in roles_in(user, proposal.call.programme):
        return False
    return user.programme_roles.filter(
        programme_id=proposal.call.programme_id,
        role=Role.COLLEGE_COORDINATOR,
        organisation_id=proposal.college_id,
    ).exists()


may_open = is_assigned_reviewer & has_declared_no_conflict & is_free_of_automatic_conflict

rules.add_perm("review.manage_call", is_call_officer)
rules.add_perm("review.see_assignment", is_assigned_reviewer)
rules.add_perm("review.declare", is_assigned_reviewer & is_still_to_declare)
rules.add_perm("review.open", may_open)
rules.add_perm(
    "review.view_outcome", is_team_member | is_proposal_officer | is_proposal_coordinator
)
