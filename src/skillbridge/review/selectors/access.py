"""Who reaches what in review: automatic conflicts, and the accessors of its objects.

Each accessor looks an object up among those the user may see at all (404 to
anyone else), then asks `rules` for `perm` on it (403 without it): see
`skillbridge.common.accessors`.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Lower

from skillbridge.calls.models import Proposal, TeamMember
from skillbridge.calls.selectors import call_for, proposals_visible_to
from skillbridge.common.accessors import object_for
from skillbridge.people.models import Role, User
from skillbridge.people.selectors import programmes_where
from skillbridge.review.models import Decision, PoolMember, Review

# --- Conflicts ------------------------------------------------------------------------------


def automatic_conflicts(
    *, proposals: Iterable[Proposal], members: Iterable[PoolMember]
) -> set[tuple[int, int]]:
    """(proposal id, reviewer id) pairs that conflict without any declaration.

    A reviewer conflicts with a proposal when they sit for the proposal's
    college on its call's panel, or are on its team, found by account or by
    email address (invited members may not have an account yet). One query.
    """
    proposals, members = list(proposals), list(members)
    found = set()
    for proposal in proposals:
        for member in members:
            if (
                member.organisation_id
                and member.organisation_id == proposal.college_id
                and member.call_id == proposal.call_id
            ):
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


def _conflicted_proposals(*, reviewer: User, proposals: list[Proposal]) -> set[int]:
    """The ids of `proposals`, of any calls, that `reviewer` conflicts with automatically as
    a member of each one's call's pool; two queries, three when off a call's pool (the
    organisation of the reviewer role in the call's programme is used)."""
    members = {
        member.call_id: member
        for member in PoolMember.objects.filter(
            call_id__in={p.call_id for p in proposals}, reviewer=reviewer
        ).select_related("reviewer")
    }
    outside = {p.call.programme_id for p in proposals if p.call_id not in members}
    organisations = (
        dict(
            reviewer.programme_roles.filter(
                programme_id__in=outside, role=Role.REVIEWER
            ).values_list("programme_id", "organisation_id")
        )
        if outside
        else {}
    )
    for proposal in proposals:
        if proposal.call_id not in members:
            members[proposal.call_id] = PoolMember(
                call_id=proposal.call_id,
                reviewer=reviewer,
                organisation_id=organisations.get(proposal.call.programme_id),
            )
    pairs = automatic_conflicts(proposals=proposals, members=members.values())
    return {proposal_id for proposal_id, _reviewer in pairs}


def conflicts_automatically(*, reviewer: User, proposal: Proposal) -> bool:
    """Whether `reviewer` has an automatic conflict with `proposal` in its call's pool.

    Without a pool entry, the organisation of the reviewer role is used. A list
    reads the answers for all its rows at once first (`conflicts_read`).
    """
    known = getattr(proposal, "known_conflicts", {})
    if reviewer.pk in known:
        return known[reviewer.pk]
    return proposal.pk in _conflicted_proposals(reviewer=reviewer, proposals=[proposal])


def conflicts_read(*, reviewer: User, proposals: Iterable[Proposal]) -> None:
    """Read whether `reviewer` conflicts automatically with each of `proposals`, in two
    queries, and keep the answer on each proposal: the `review.open` rule then asks a
    list's rows without a query each. The answer is as fresh as the rows themselves."""
    proposals = list(proposals)
    if not proposals:
        return
    found = _conflicted_proposals(reviewer=reviewer, proposals=proposals)
    for proposal in proposals:
        known = getattr(proposal, "known_conflicts", {})
        proposal.known_conflicts = {**known, reviewer.pk: proposal.pk in found}


# --- Accessors: 404 to whoever may not see the object, 403 without the right -------------
#
# A call is reached through its own accessor, `calls.selectors.call_for`: the pages of its
# review answer 403 to whoever sees the call but does not run its programme.


def pool_member_for(user: User, pk: int, perm: str | None = None, *, call_pk: int) -> PoolMember:
    """A reviewer on the panel of the call `call_pk`: 404 or 403 as for the call, with `perm`
    on the call; then 404 for anyone not on its panel."""
    call = call_for(user, call_pk, perm)
    return object_for(user, PoolMember.objects.filter(call=call), perm=None, pk=pk)


def review_for(
    user: User, pk: int, perm: str | None = None, *, call_pk: int | None = None
) -> Review:
    """A review assignment seen by its reviewer and by its programme's officers (within the
    call `call_pk`, when given): else 404; 403 without `perm` on the review."""
    seen = Q(reviewer=user) | Q(
        proposal__call__programme__in=programmes_where(user, Role.PROGRAMME_OFFICER)
    )
    reviews = Review.objects.select_related(
        "proposal__call__programme", "proposal__college", "proposal__sector", "reviewer"
    ).filter(seen if user.is_authenticated else Q(pk__in=[]))
    if call_pk is not None:
        reviews = reviews.filter(proposal__call_id=call_pk)
    return object_for(user, reviews, perm=perm, pk=pk)


def reviewed_proposal_for(user: User, pk: int, perm: str | None = None) -> Proposal:
    """A proposal `user` may see (calls.selectors.proposals_visible_to), with its team and
    decision: else 404; 403 without `perm` on the proposal."""
    proposals = (
        proposals_visible_to(user)
        .select_related("call__programme", "college", "sector", "decision")
        .prefetch_related("members")
    )
    return object_for(user, proposals, perm=perm, pk=pk)


def decision_for(user: User, pk: int, perm: str | None = None, *, call_pk: int) -> Decision:
    """The decision on the proposal `pk` (one each, and pages name it by its proposal) of the
    call `call_pk`, seen by the programme's officers: else 404; 403 without `perm` on it."""
    funded = Proposal.objects.filter(pk=OuterRef("proposal_id"), grant__isnull=False)
    decisions = (
        Decision.objects.filter(
            call_id=call_pk, call__programme__in=programmes_where(user, Role.PROGRAMME_OFFICER)
        )
        .select_related("proposal__call__programme", "proposal__college")
        .annotate(has_grant=Exists(funded))
    )
    return object_for(user, decisions, perm=perm, proposal_id=pk)
