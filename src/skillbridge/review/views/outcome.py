"""Applicants: the committee's decision on their proposals, once released."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from skillbridge.review import selectors


@login_required
def outcomes(request):
    """Anyone signed in: the proposals of their own teams that reached review, with outcomes."""
    proposals = selectors.own_proposals_in_review(request.user)
    return render(request, "review/outcomes.html", {"proposals": proposals})


@login_required
def outcome(request, pk: int):
    """The team, the college's coordinator and programme officers: one proposal's outcome."""
    proposal = selectors.reviewed_proposal_for(request.user, pk, perm="review.view_outcome")
    return render(
        request,
        "review/outcome.html",
        {
            "proposal": proposal,
            "decision": selectors.released_decision(proposal),
            "comments": selectors.shared_comments(proposal),
        },
    )
