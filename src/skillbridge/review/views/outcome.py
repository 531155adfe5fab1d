"""Applicants: the committee's decision on their proposals, once released."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from skillbridge.common.permissions import require
from skillbridge.review import selectors


@login_required
def outcomes(request):
    """Anyone signed in: the proposals of their own teams that reached review, with outcomes."""
    proposals = selectors.own_proposals_in_review(request.user)
    return render(request, "review/outcomes.html", {"proposals": proposals})


@login_required
def outcome(request, pk: int):
    """The team, the college's coordinator and programme officers: one proposal's outcome."""
    proposal = selectors.proposal_for_member(request.user, pk)
    require(request.user, "review.view_outcome", proposal)
    decision = getattr(proposal, "decision", None)
    released = decision if decision is not None and decision.released_at else None
    return render(
        request,
        "review/outcome.html",
        {
            "proposal": proposal,
            "decision": released,
            "comments": selectors.shared_comments(proposal),
        },
    )
