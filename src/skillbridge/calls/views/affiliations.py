"""The list of team members waiting for their affiliation to be confirmed: the coordinator's
college's, and the officer's programmes' (the officer confirms when a coordinator does not)."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from skillbridge.calls import selectors
from skillbridge.common.permissions import require

PER_PAGE = 50


@login_required
def affiliations_to_confirm(request):
    """College coordinators and programme officers: the members still to confirm, the one who
    has waited longest first; each links to the proposal where they are confirmed.
    `?programme=<slug>` keeps one programme's (the officer's dashboard links so)."""
    require(request.user, "calls.list_affiliations")
    members = selectors.affiliations_waiting_for(request.user)
    if programme := request.GET.get("programme"):
        members = members.filter(proposal__call__programme__slug=programme)
    page = Paginator(members, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "calls/affiliations.html",
        {"page": page, "as_officer": request.user.has_perm("calls.list_managed_calls")},
    )
