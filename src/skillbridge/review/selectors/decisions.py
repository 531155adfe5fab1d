"""Decisions: the officers' list, the reserve list after the release, and what a team reads."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from skillbridge.calls.models import Call, Proposal
from skillbridge.calls.selectors import proposals_of_member
from skillbridge.people.models import User
from skillbridge.review.models import Decision, Review
from skillbridge.review.states import IN_REVIEW


def decisions_of(call: Call) -> QuerySet[Decision]:
    """The call's decisions, each knowing whether its proposal already has a grant."""
    funded = Proposal.objects.filter(pk=OuterRef("proposal_id"), grant__isnull=False)
    return (
        Decision.objects.filter(call=call)
        .select_related("proposal__call__programme", "proposal__college")
        .annotate(has_grant=Exists(funded))
        .order_by("outcome", "reserve_rank", "proposal__title")
    )


def unreviewed_undecided(call: Call) -> int:
    """Proposals under review that nobody has reviewed yet and that have no decision."""
    reviewed = Review.objects.filter(proposal__call=call, submitted_at__isnull=False)
    return (
        Proposal.objects.filter(call=call, state=Proposal.State.UNDER_REVIEW, decision__isnull=True)
        .exclude(pk__in=reviewed.values("proposal_id"))
        .count()
    )


# --- After the release: the reserve list ----------------------------------------------------


def reserve_list(call: Call) -> QuerySet[Decision]:
    """The released reserve list as it stands: proposals still in reserve, first place first."""
    return (
        Decision.objects.filter(
            call=call,
            released_at__isnull=False,
            outcome=Decision.Outcome.RESERVE,
            proposal__state=Proposal.State.RESERVE,
        )
        .select_related("proposal__college")
        .order_by("reserve_rank")
    )


def places_to_fill(call: Call) -> int:
    """Places of selected teams that left after the release and no reserve has taken yet.

    A team leaves when it withdraws or is disqualified; each promotion fills
    one place. A promoted team that leaves in turn frees its place again.
    """
    left = (
        Decision.objects.filter(
            call=call, released_at__isnull=False, outcome=Decision.Outcome.SELECTED
        )
        .exclude(proposal__state=Proposal.State.SELECTED)
        .count()
    )
    promoted = Decision.objects.filter(call=call, promoted_at__isnull=False).count()
    return max(left - promoted, 0)


# --- Applicants -----------------------------------------------------------------------------


def own_proposals_in_review(user: User) -> QuerySet[Proposal]:
    """Proposals of the teams the user joined (never one they were removed from), once in review.

    "On the team" is the calls app's own definition, so a removal there is a
    removal here too. A team that left after the release (withdrew, was
    disqualified) still finds its decision here.
    """
    return (
        proposals_of_member(user)
        .filter(Q(state__in=IN_REVIEW) | Q(decision__released_at__isnull=False))
        .select_related("call", "college", "decision")
        .order_by("-call__opens_at", "title")
    )


def released_decision(proposal: Proposal) -> Decision | None:
    """The committee's decision on `proposal`, once released (teams never read a staged one)."""
    decision = getattr(proposal, "decision", None)
    return decision if decision is not None and decision.is_released else None


def applicant_comments(proposal: Proposal) -> list[str]:
    """The reviewers' comments for the applicants, which the committee may choose to share."""
    comments = (
        proposal.reviews.filter(submitted_at__isnull=False)
        .exclude(applicant_comment="")
        .order_by("submitted_at")
        .values_list("applicant_comment", flat=True)
    )
    return list(comments)


def shared_comments(proposal: Proposal) -> list[str]:
    """The reviewers' comments for the applicants, once the committee shared them."""
    decision = released_decision(proposal)
    if decision is None or not decision.comments_shared:
        return []
    return applicant_comments(proposal)
