"""What a project team sees: its mentors, once they accepted. Nothing before."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from skillbridge.pairing import selectors
from skillbridge.people.selectors import programme_for


@login_required
def mentors(request, slug: str):
    """Applicants (project team members): their projects' mentors. Others in the programme 403."""
    programme = programme_for(request.user, slug, "pairing.view_mentors")
    pairings = list(selectors.team_mentors(request.user, programme))
    sharing = selectors.sharing_consents(pairings)
    cards = [(pairing, selectors.mentor_card(pairing, sharing)) for pairing in pairings]
    return render(request, "pairing/mentors.html", {"programme": programme, "cards": cards})
