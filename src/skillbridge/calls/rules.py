"""Permission predicates about calls and proposals.

Call permissions take (user, programme); proposal permissions take
(user, proposal). Selectors already answer 404 to outsiders: these rules
decide, among those who may see a proposal, who may act on it (else 403).
"""

import rules

from skillbridge.calls.models import Proposal, TeamMember
from skillbridge.calls.selectors import coordinated_colleges
from skillbridge.people.rules import is_applicant, is_programme_member, is_programme_officer


@rules.predicate
def is_team_lead(user, proposal: Proposal) -> bool:
    return user.is_authenticated and proposal.lead_id == user.pk


@rules.predicate
def is_team_member(user, proposal: Proposal) -> bool:
    """Anyone who joined the team, the lead included (reads the prefetched team)."""
    if not user.is_authenticated:
        return False
    return any(
        m.user_id == user.pk and m.status == TeamMember.Status.JOINED
        for m in proposal.members.all()
    )


@rules.predicate
def is_officer_of_proposal(user, proposal: Proposal) -> bool:
    return is_programme_officer(user, proposal.call.programme)


@rules.predicate
def is_coordinator_of_proposal(user, proposal: Proposal) -> bool:
    colleges = coordinated_colleges(user).get(proposal.call.programme_id, frozenset())
    return proposal.college_id in colleges


@rules.predicate
def has_no_role_or_applies(user, programme) -> bool:
    """Applicants, and people without any role yet (they become applicants)."""
    if programme is None or not user.is_authenticated:
        return False
    return is_applicant(user, programme) or not is_programme_member(user, programme)


rules.add_perm("calls.manage_calls", is_programme_officer)
rules.add_perm("calls.start_proposal", has_no_role_or_applies)

rules.add_perm(
    "calls.view_proposal",
    is_team_member | is_officer_of_proposal | is_coordinator_of_proposal,
)
rules.add_perm("calls.edit_proposal", is_team_member)
rules.add_perm("calls.manage_team", is_team_lead)
rules.add_perm("calls.submit_proposal", is_team_lead)
rules.add_perm("calls.withdraw_proposal", is_team_lead)
rules.add_perm("calls.confirm_affiliation", is_coordinator_of_proposal)
# When the coordinator does not act, an officer confirms instead, with a reason.
rules.add_perm("calls.confirm_affiliation_as_officer", is_officer_of_proposal)
rules.add_perm("calls.decide_eligibility", is_officer_of_proposal)
