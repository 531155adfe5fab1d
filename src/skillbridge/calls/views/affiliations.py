"""The coordinator's list of team members waiting for their affiliation to be confirmed."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from skillbridge.calls import selectors
from skillbridge.common.permissions import require

PER_PAGE = 50


@login_required
def affiliations_to_confirm(request):
    """College coordinators: the members of their college's teams still to confirm, the
    one who has waited longest first; each links to the proposal where they are confirmed."""
    require(request.user, "calls.list_affiliations")
    members = selectors.affiliations_to_confirm(request.user)
    page = Paginator(members, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "calls/affiliations.html", {"page": page})
