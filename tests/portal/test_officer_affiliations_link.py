"""The officer's "affiliations pending" line leads to a page the officer may open, listing
exactly the members it counts."""

import re

import pytest
from django.urls import reverse

from skillbridge.calls.models import Proposal
from tests.calls.factories import ProposalFactory, TeamMemberFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_affiliations_line_opens_the_officers_queue(client, officer, programme, college):
    proposal = ProposalFactory(
        call__programme=programme, college=college, state=Proposal.State.SUBMITTED
    )
    TeamMemberFactory(proposal=proposal, user=UserFactory(full_name="Grace Uwase"))
    # Another programme's member is neither counted nor listed.
    TeamMemberFactory(
        proposal=ProposalFactory(state=Proposal.State.SUBMITTED),
        user=UserFactory(full_name="Someone Elsewhere"),
    )
    client.force_login(officer)
    page = client.get(reverse("dashboard")).content.decode()
    # The lead joined as a member too, so two affiliations wait.
    assert "2 team members&#x27; affiliations are pending" in page
    link = reverse("calls:affiliations_to_confirm") + f"?programme={programme.slug}"
    assert re.search(rf'href="{re.escape(link)}"', page)

    queue = client.get(link)
    assert queue.status_code == 200
    listed = [member.proposal_id for member in queue.context["page"].object_list]
    assert listed == [proposal.pk, proposal.pk]
    assert "Grace Uwase" in queue.content.decode()
    assert "Someone Elsewhere" not in queue.content.decode()
