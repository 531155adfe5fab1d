"""Only the people who are on a team now see its proposal's outcome."""

import pytest
from django.urls import reverse
from django.utils import timezone

from skillbridge.calls.models import Proposal, TeamMember
from skillbridge.common.models import OutboxMessage
from skillbridge.people.models import Role
from skillbridge.review import selectors
from skillbridge.review.models import Decision
from skillbridge.review.services.deciding import mail_team_decision
from tests.calls.factories import ProposalFactory, TeamMemberFactory
from tests.factories import ProgrammeRoleFactory, UserFactory

TITLE = "Biogas for the Huye canteen 4471"


@pytest.fixture
def team(call, college):
    """Lead Lina, Jo who joined, Remy who was removed, Ines invited but never joined."""
    people = {}
    for name in ("lina", "jo", "remy", "ines"):
        people[name] = UserFactory(email=f"{name}@example.org")
        ProgrammeRoleFactory(
            user=people[name], programme=call.programme, role=Role.APPLICANT, organisation=college
        )
    proposal = ProposalFactory(
        call=call, college=college, lead=people["lina"], title=TITLE, state=Proposal.State.SELECTED
    )
    TeamMemberFactory(proposal=proposal, user=people["jo"])
    TeamMemberFactory(proposal=proposal, user=people["remy"], status=TeamMember.Status.REMOVED)
    TeamMemberFactory(proposal=proposal, user=people["ines"], status=TeamMember.Status.INVITED)
    return proposal, people


def test_own_proposals_in_review_leave_out_removed_and_not_yet_joined_members(team):
    proposal, people = team
    seen = {name: list(selectors.own_proposals_in_review(user)) for name, user in people.items()}
    assert seen == {"lina": [proposal], "jo": [proposal], "remy": [], "ines": []}


def test_a_removed_member_finds_neither_title_nor_outcome(client, team):
    proposal, people = team
    client.force_login(people["remy"])
    page = client.get(reverse("review:outcomes")).content.decode()
    assert TITLE not in page
    assert "None of your proposals is in review yet." in page
    assert client.get(reverse("review:outcome", args=[proposal.pk])).status_code == 404


def test_members_who_joined_still_see_their_outcome(client, team):
    proposal, people = team
    for name in ("lina", "jo"):
        client.force_login(people[name])
        assert TITLE in client.get(reverse("review:outcomes")).content.decode()
        assert client.get(reverse("review:outcome", args=[proposal.pk])).status_code == 200
    client.force_login(people["ines"])
    assert client.get(reverse("review:outcome", args=[proposal.pk])).status_code == 404


def test_the_decision_mail_reaches_only_members_who_joined(
    call, officer, team, django_capture_on_commit_callbacks
):
    proposal, _people = team
    decision = Decision.objects.create(
        proposal=proposal,
        call=call,
        outcome=Decision.Outcome.SELECTED,
        reason="Most innovative.",
        decided_by=officer,
        released_at=timezone.now(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        mail_team_decision(decision, ["Keep going."])
    sent = sorted(OutboxMessage.objects.filter(kind="review.decision").values_list("to", flat=True))
    assert sent == ["jo@example.org", "lina@example.org"]
