"""Who reaches what in review: automatic conflicts, and objects a user may reach (404 to
outsiders)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models.functions import Lower
from django.http import Http404

from skillbridge.calls.models import Call, Proposal, TeamMember
from skillbridge.people.models import Role, User
from skillbridge.people.selectors import roles_in
from skillbridge.review.models import PoolMember, Review

# --- Conflicts ------------------------------------------------------------------------------


def automatic_conflicts(
    *, proposals: Iterable[Proposal], members: Iterable[PoolMember]
) -> set[tuple[int, int]]:
    """(proposal id, reviewer id) pairs that conflict without any declaration.

    A reviewer conflicts with a proposal when they sit for the proposal's
    college, or are on its team, found by account or by email address
    (invited members may not have an account yet). One query.
    """
    proposals, members = list(proposals), list(members)
    found = set()
    for proposal in proposals:
        for member in members:
            if member.organisation_id and member.organisation_id == proposal.college_id:
                found.add((proposal.pk, member.reviewer_id))
    by_email = {m.reviewer.email.lower(): m.reviewer_id for m in members}
    by_user = {m.reviewer_id for m in members}
    team = TeamMember.objects.filter(proposal__in=[p.pk for p in proposals]).values_list(
        "proposal_id", "user_id", Lower("email")
    )
    for proposal_id, user_id, email in team:
        if user_id in by_user:
            found.add((proposal_id, user_id))
        if email in by_email:
            found.add((proposal_id, by_email[email]))
    return found


def conflicts_automatically(*, reviewer: User, proposal: Proposal) -> bool:
    """Whether `reviewer` has an automatic conflict with `proposal` in its call's pool.

    Without a pool entry, the organisation of the reviewer role is used.
    """
    member = (
        PoolMember.objects.filter(call_id=proposal.call_id, reviewer=reviewer)
        .select_related("reviewer")
        .first()
    )
    if member is None:
        member = PoolMember(call_id=proposal.call_id, reviewer=reviewer)
        role = reviewer.programme_roles.filter(
            programme_id=proposal.call.programme_id, role=Role.REVIEWER
        ).first()
        member.organisation_id = role.organisation_id if role else None
    return bool(automatic_conflicts(proposals=[proposal], members=[member]))


# --- Objects a user may reach (404 to outsiders) --------------------------------------------


def call_for_member(user: User, pk: int) -> Call:
    call = Call.objects.select_related("programme").filter(pk=pk).first()
    if call is None or not roles_in(user, call.programme):
        raise Http404
    return call


def review_for_member(user: User, pk: int) -> Review:
    review = (
        Review.objects.select_related(
            "proposal__call__programme", "proposal__college", "proposal__sector", "reviewer"
        )
        .filter(pk=pk)
        .first()
    )
    if review is None or not roles_in(user, review.proposal.call.programme):
        raise Http404
    return review


def proposal_for_member(user: User, pk: int) -> Proposal:
    proposal = (
        Proposal.objects.select_related("call__programme", "college", "sector")
        .filter(pk=pk)
        .first()
    )
    if proposal is None or not roles_in(user, proposal.call.programme):
        raise Http404
    return proposal
