"""The applicant's and officers' lists: paginated, lean, a fixed number of queries."""

from django.urls import reverse

from skillbridge.calls.models import TeamMember
from skillbridge.calls.selectors import (
    LIST_DEFERRED,
    coordinated_colleges,
    proposals_listed,
    proposals_of_member_listed,
    proposals_page,
)
from tests.calls.factories import ProposalFactory, TeamMemberFactory

MINE = reverse("calls:my_proposals")


def test_the_lists_leave_the_answers_out(draft, applicant, officer):
    for proposals in (proposals_of_member_listed(applicant), proposals_listed(user=officer)):
        listed = proposals.get(pk=draft.pk)
        assert set(LIST_DEFERRED) <= listed.get_deferred_fields()


def add_teams(n, applicant, call, college):
    for _ in range(n):
        proposal = ProposalFactory(call=call, college=college)
        TeamMemberFactory(proposal=proposal, user=applicant, email=applicant.email, status="joined")


def test_my_proposals_runs_the_same_queries_for_one_team_or_thirty(
    client, applicant, call, college, django_assert_num_queries, django_assert_max_num_queries
):
    client.force_login(applicant)
    add_teams(1, applicant, call, college)
    with django_assert_max_num_queries(15) as one:
        client.get(MINE)
    add_teams(29, applicant, call, college)
    with django_assert_num_queries(len(one.captured_queries)):
        page = client.get(MINE).content.decode()
    # 20 a page: the first page shows 20 of the 30, and links to the next.
    assert page.count('<section class="card" aria-labelledby="proposal-') == 20
    assert "Page 1 of 2" in page


def test_my_proposals_lists_only_teams_the_person_joined(client, applicant, call, college):
    add_teams(1, applicant, call, college)
    invited = ProposalFactory(call=call, college=college, title="Not joined yet")
    TeamMemberFactory(
        proposal=invited,
        user=None,
        email=applicant.email,
        status=TeamMember.Status.INVITED,
    )
    client.force_login(applicant)
    page = client.get(MINE).content.decode()
    assert 'aria-labelledby="proposal-' in page
    assert f'id="proposal-{invited.pk}"' not in page


def test_the_officers_list_counts_joined_members_and_women_only(officer, call, college):
    team = ProposalFactory(call=call, college=college, title="A team", lead_member__sex="female")
    TeamMemberFactory(proposal=team, sex="female")
    TeamMemberFactory(proposal=team, sex="male")
    TeamMemberFactory(proposal=team, sex="female", user=None, status=TeamMember.Status.INVITED)
    alone = ProposalFactory(call=call, college=college, title="B alone")
    TeamMember.objects.filter(proposal=alone).update(status=TeamMember.Status.REMOVED)
    counted = [(p.title, p.team_size, p.women) for p in proposals_listed(user=officer)]
    assert counted == [("A team", 3, 2), ("B alone", 0, 0)]


def test_a_page_of_the_officers_list_is_the_same_slice_of_the_list(
    officer, coordinator, call, college, other_college
):
    for n in range(5):
        ProposalFactory(call=call, college=other_college, title=f"Title {n % 2}", state="submitted")
        ProposalFactory(call=call, college=college, title=f"Title {n % 3}")
    for user in (officer, coordinator):
        listed = [p.pk for p in proposals_listed(user=user)]
        for number in (1, 2, 3, "last"):
            page = proposals_page(user=user, number=number, size=3)
            shown = [p.pk for p in page.object_list]
            assert shown == listed[page.start_index() - 1 : page.end_index()]
            assert page.paginator.count == len(listed)
    submitted = proposals_page(user=officer, filters={"state": "submitted"}, number=1, size=10)
    assert [p.state_label for p in submitted.object_list] == ["submitted"] * 5
    assert [p.college_id for p in submitted.object_list] == [other_college.pk] * 5


def test_a_page_of_the_officers_list_reads_its_rows_and_their_calls_in_two_queries(
    officer, call, college, django_assert_num_queries
):
    for n in range(4):
        ProposalFactory(call=call, college=college, title=f"Title {n}")
    coordinated_colleges(officer)  # read once per request, before the list
    # The count, the page's rows with their relations, and their calls.
    with django_assert_num_queries(3):
        page = proposals_page(user=officer, number=2, size=3)
        shown = [
            (p.title, p.call.title, p.lead.email, p.college.short_name, p.team_size)
            for p in page.object_list
        ]
    assert [title for title, *_ in shown] == ["Title 3"]
