"""Permission predicates about calls and proposals.

Call permissions take (user, programme) or (user, call); proposal
permissions take (user, proposal). Accessors already answer 404 to
outsiders: these rules decide, among those who may see a proposal, who may
act on it (else 403).

"Team member", "team lead", "coordinator of the proposal's college" and
"officer of the proposal's programme" are defined here once; the review,
grants and missions rules reuse them.

Two kinds of proposal permissions: who may take a step at all (views and the
API answer 403 without it; the service then refuses, with its message, a
step the state does not allow), and, ending in `_now`, who may take it in
the proposal's present state (templates show a button only then).
"""

import rules

from skillbridge.calls.models import Proposal, TeamMember
from skillbridge.calls.selectors import coordinated_colleges, proposal_has_grant
from skillbridge.calls.states import (
    AFFILIATION_OPEN,
    OFFICER_AFFILIATION_OPEN,
    PROPOSAL,
)
from skillbridge.people.rules import (
    is_applicant,
    is_coordinator_anywhere,
    is_officer_anywhere,
    is_programme_member,
    is_programme_officer,
)


@rules.predicate
def is_team_lead(user, proposal: Proposal) -> bool:
    return proposal is not None and user.is_authenticated and proposal.lead_id == user.pk


@rules.predicate
def is_team_member(user, proposal: Proposal) -> bool:
    """Anyone who joined the team, the lead included (reads the prefetched team)."""
    if proposal is None or not user.is_authenticated:
        return False
    return any(
        m.user_id == user.pk and m.status == TeamMember.Status.JOINED
        for m in proposal.members.all()
    )


@rules.predicate
def is_officer_of_proposal(user, proposal: Proposal) -> bool:
    return proposal is not None and is_programme_officer(user, proposal.call.programme)


@rules.predicate
def is_coordinator_of_proposal(user, proposal: Proposal) -> bool:
    if proposal is None:
        return False
    colleges = coordinated_colleges(user).get(proposal.call.programme_id, frozenset())
    return proposal.college_id in colleges


@rules.predicate
def is_call_officer(user, call) -> bool:
    """A programme officer of the call's programme."""
    return call is not None and is_programme_officer(user, call.programme)


@rules.predicate
def has_no_role_or_applies(user, programme) -> bool:
    """Applicants, and people without any role yet (they become applicants)."""
    if programme is None or not user.is_authenticated:
        return False
    return is_applicant(user, programme) or not is_programme_member(user, programme)


@rules.predicate
def has_grant(user, proposal: Proposal) -> bool:
    return proposal is not None and proposal_has_grant(proposal)


# A draft's answers, team, budget and documents change exactly while it may be submitted.
is_editable = PROPOSAL.allows("submit")
may_withdraw = PROPOSAL.allows("withdraw") & ~has_grant
may_decide_eligibility = PROPOSAL.allows("mark_eligible") | PROPOSAL.allows("mark_ineligible")
affiliation_open = AFFILIATION_OPEN.allows()
officer_affiliation_open = OFFICER_AFFILIATION_OPEN.allows()

# Index pages: the officer's calls and the list of proposals.
rules.add_perm("calls.list_managed_calls", is_officer_anywhere)
rules.add_perm("calls.list_proposals", is_officer_anywhere | is_coordinator_anywhere)
# Officers see the queue too: they confirm instead of a coordinator who does not act.
rules.add_perm("calls.list_affiliations", is_coordinator_anywhere | is_officer_anywhere)

rules.add_perm("calls.manage_calls", is_programme_officer)
rules.add_perm("calls.edit_call", is_call_officer)
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

rules.add_perm("calls.edit_proposal_now", is_team_member & is_editable)
rules.add_perm("calls.manage_team_now", is_team_lead & is_editable)
rules.add_perm("calls.submit_proposal_now", is_team_lead & is_editable)
rules.add_perm("calls.withdraw_proposal_now", is_team_lead & may_withdraw)
rules.add_perm("calls.confirm_affiliation_now", is_coordinator_of_proposal & affiliation_open)
rules.add_perm(
    "calls.confirm_affiliation_as_officer_now", is_officer_of_proposal & officer_affiliation_open
)
rules.add_perm("calls.decide_eligibility_now", is_officer_of_proposal & may_decide_eligibility)
