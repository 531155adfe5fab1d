"""The coordinator's list of members waiting for affiliation confirmation, oldest first."""

import datetime

from django.urls import reverse
from django.utils import timezone

from skillbridge.calls.models import Proposal, TeamMember
from tests.calls.factories import ProposalFactory, TeamMemberFactory

URL = reverse("calls:affiliations_to_confirm")


def joined(proposal, name, days_ago, **fields):
    when = timezone.now() - datetime.timedelta(days=days_ago)
    return TeamMemberFactory(
        proposal=proposal, full_name=name, joined_at=when, user__full_name=name, **fields
    )


def test_the_members_who_waited_longest_come_first(client, coordinator, call, college):
    proposal = ProposalFactory(call=call, college=college, state=Proposal.State.SUBMITTED)
    joined(proposal, "Recent Member", 1)
    joined(proposal, "Oldest Member", 9)
    joined(proposal, "Middle Member", 4)
    joined(proposal, "Already Confirmed", 20, affiliation=TeamMember.Affiliation.CONFIRMED)
    client.force_login(coordinator)
    page = client.get(URL).content.decode()
    names = ["Oldest Member", "Middle Member", "Recent Member"]
    positions = [page.index(name) for name in names]
    assert positions == sorted(positions)
    assert "Already Confirmed" not in page
    assert f"{reverse('calls:proposal_detail', args=[proposal.pk])}#team" in page


def test_members_of_another_college_are_not_listed(client, coordinator, call, other_college):
    proposal = ProposalFactory(call=call, college=other_college, state=Proposal.State.SUBMITTED)
    joined(proposal, "Huye Student", 3)
    client.force_login(coordinator)
    page = client.get(URL).content.decode()
    assert "Huye Student" not in page
    assert "No member is waiting for you." in page


def test_applicants_and_professionals_may_not_open_it(client, applicant, expert):
    for user in (applicant, expert):
        client.force_login(user)
        assert client.get(URL).status_code == 403


def test_officers_see_their_programmes_submitted_proposals_members(
    client, officer, call, college, other_college
):
    submitted = ProposalFactory(call=call, college=college, state=Proposal.State.SUBMITTED)
    joined(submitted, "Kigali Trainer", 5)
    joined(
        ProposalFactory(call=call, college=other_college, state=Proposal.State.SUBMITTED),
        "Huye Student",
        2,
    )
    # A draft's team is still the coordinator's to check; another programme is not the officer's.
    joined(ProposalFactory(call=call, college=college, state=Proposal.State.DRAFT), "Draft One", 9)
    joined(ProposalFactory(state=Proposal.State.SUBMITTED), "Elsewhere Member", 9)
    client.force_login(officer)
    response = client.get(URL)
    names = [member.full_name for member in response.context["page"].object_list]
    ours = {"Kigali Trainer", "Huye Student", "Draft One", "Elsewhere Member"}
    assert [name for name in names if name in ours] == ["Kigali Trainer", "Huye Student"]
    page = response.content.decode()
    assert "when the coordinator does not act" in page
    assert f"{reverse('calls:proposal_detail', args=[submitted.pk])}#team" in page


def test_the_programme_filter_keeps_one_programme(client, officer, call, college):
    joined(ProposalFactory(call=call, college=college, state="submitted"), "Kigali Trainer", 5)
    client.force_login(officer)
    kept = client.get(URL, {"programme": call.programme.slug}).context["page"].object_list
    assert "Kigali Trainer" in [member.full_name for member in kept]
    assert list(client.get(URL, {"programme": "another"}).context["page"].object_list) == []


def test_the_list_runs_the_same_queries_for_one_member_or_forty(
    client, coordinator, call, college, django_assert_num_queries, django_assert_max_num_queries
):
    def add(n):
        for number in range(n):
            proposal = ProposalFactory(call=call, college=college, state=Proposal.State.DRAFT)
            joined(proposal, f"Member {number}", number)

    client.force_login(coordinator)
    add(1)
    with django_assert_max_num_queries(12) as one:
        client.get(URL)
    add(39)
    with django_assert_num_queries(len(one.captured_queries)):
        page = client.get(URL).content.decode()
    # Each proposal's lead waits too: 80 members, 50 on the first page.
    assert page.count('class="card"') == 50
    assert "Page 1 of 2" in page
