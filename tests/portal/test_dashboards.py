"""Dashboards as task lists: each count against a count made by hand, and fixed queries.

Every world below also seeds the same rows in another programme, which no
count may include.
"""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from skillbridge.calls.models import Proposal, TeamMember
from skillbridge.calls.tokens import invitation_member
from skillbridge.common.templatetags.sb_formats import longdate
from skillbridge.grants.models import Grant, Milestone, Tranche
from skillbridge.missions.models import ChecklistItem, Mission, Survey
from skillbridge.missions.tokens import survey_from_token
from skillbridge.pairing.models import Pairing
from skillbridge.review.models import Decision, Review
from tests.calls.factories import CallFactory, ProposalFactory, TeamMemberFactory
from tests.factories import CollegeFactory, ProgrammeFactory, UserFactory
from tests.grants.factories import award, selected_proposal
from tests.missions.factories import MissionFactory, accepted_pairing
from tests.pairing.factories import ExpertProfileFactory, NeedFactory, PairingFactory
from tests.review.factories import ReviewFactory


def linked_token(page: str, prefix: str) -> str:
    """The signed token of the one link under `prefix` on the page. Signed links carry the
    second they were made, so the test reads the page's link instead of signing its own."""
    (token,) = re.findall(rf'href="{re.escape(prefix)}([^/"]+)/"', page)
    return token


YESTERDAY = datetime.date.today() - datetime.timedelta(days=1)


def dashboard(client) -> str:
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    return response.content.decode()


def queries_of(client) -> int:
    with CaptureQueriesContext(connection) as context:
        dashboard(client)
    return len(context.captured_queries)


# The officer's queues ------------------------------------------------------------------


def _officer_rows(programme, college, officer, n):
    call = CallFactory(programme=programme, reviews_by=YESTERDAY)
    for i in range(n):
        proposal = ProposalFactory(
            call=call,
            college=college,
            state=Proposal.State.SUBMITTED,
            submitted_at=timezone.now() - datetime.timedelta(days=i + 1),
        )
        TeamMemberFactory(proposal=proposal)
        ReviewFactory(proposal=proposal, reviewer=UserFactory())
        Decision.objects.create(
            proposal=proposal, call=call, outcome="selected", reason="Good.", decided_by=officer
        )
        PairingFactory.invited(need=NeedFactory(programme=programme))
        mission = MissionFactory(
            pairing=accepted_pairing(need=NeedFactory(programme=programme)),
            starts_on=datetime.date.today() + datetime.timedelta(days=10 + i),
            ends_on=datetime.date.today() + datetime.timedelta(days=20),
        )
        ChecklistItem.objects.create(mission=mission, item="flight", done=False)
        ChecklistItem.objects.create(mission=mission, item="insurance", done=i % 2 == 0)
        Survey.objects.create(mission=mission, wave="t0", respondent="participant", email="p@x.rw")


def _officer_counts(programme) -> dict[str, int]:
    """The same queues, counted row by row in Python."""
    proposals = [p for p in Proposal.objects.all() if p.call.programme_id == programme.pk]
    members = [m for p in proposals for m in p.members.all()]
    reviews = [r for p in proposals for r in p.reviews.all()]
    return {
        "eligibility": sum(p.state == "submitted" for p in proposals),
        "affiliations": sum(
            m.status == "joined" and m.affiliation == "pending" and m.proposal.state == "submitted"
            for m in members
        ),
        "overdue": sum(
            r.status == "active"
            and r.submitted_at is None
            and r.proposal.call.reviews_by < datetime.date.today()
            for r in reviews
        ),
        "release": sum(
            d.released_at is None
            for d in Decision.objects.all()
            if d.call.programme_id == programme.pk
        ),
        "invitations": sum(
            p.state == "invited" for p in Pairing.objects.all() if p.programme_id == programme.pk
        ),
        "departing": sum(
            m.programme_id == programme.pk
            and 0 <= (m.starts_on - datetime.date.today()).days <= 30
            and any(not item.done for item in m.checklist.all())
            for m in Mission.objects.all()
        ),
        "surveys": sum(
            s.answered_at is None
            for s in Survey.objects.all()
            if s.mission.programme_id == programme.pk
        ),
    }


def _officer_lines(counts) -> list[str]:
    return [
        f"{counts['eligibility']} proposals await their eligibility check",
        f"{counts['affiliations']} team members&#x27; affiliations are pending",
        f"{counts['overdue']} reviews are overdue",
        f"{counts['release']} decisions to release",
        f"{counts['invitations']} invitations to professionals are unanswered",
        f"{counts['departing']} missions depart within 30 days with open logistics",
        f"{counts['surveys']} surveys are not answered yet",
    ]


def test_the_officer_sees_each_queue_counted_in_fixed_queries(
    client, programme, college, officer, django_assert_num_queries
):
    other = ProgrammeFactory()
    _officer_rows(other, CollegeFactory(), UserFactory(), 2)
    client.force_login(officer)
    _officer_rows(programme, college, officer, 2)
    few = queries_of(client)
    _officer_rows(programme, college, officer, 3)
    counts = _officer_counts(programme)
    assert (counts["eligibility"], counts["departing"], counts["surveys"]) == (5, 5, 5)
    with django_assert_num_queries(few):
        page = dashboard(client)
    for line in _officer_lines(counts):
        assert line in page
    assert f"{reverse('calls:proposal_list')}?state=submitted" in page
    assert reverse("missions:departures", args=[programme.slug]) in page


def test_an_officer_queue_with_nothing_waiting_says_zero(client, programme, officer):
    client.force_login(officer)
    page = dashboard(client)
    assert "0 proposals await their eligibility check" in page
    assert "0 milestones to approve" in page


# Finance ---------------------------------------------------------------------------------


def _payable_grants(programme, college, officer, n):
    for _ in range(n):
        grant = award(
            selected_proposal(programme=programme, college=college, lead=UserFactory()), officer
        )
        Grant.objects.filter(pk=grant.pk).update(state=Grant.State.AGREEMENT_ACCEPTED)
        Tranche.objects.filter(grant=grant, number=1).update(payable_since=timezone.now())
        Milestone.objects.filter(tranche__grant=grant).update(
            state=Milestone.State.SUBMITTED, submitted_at=timezone.now()
        )


def test_finance_sees_the_payable_tranches_counted_in_fixed_queries(
    client, programme, college, officer, finance, django_assert_num_queries
):
    _payable_grants(ProgrammeFactory(), CollegeFactory(), officer, 1)
    client.force_login(finance)
    _payable_grants(programme, college, officer, 1)
    few = queries_of(client)
    _payable_grants(programme, college, officer, 2)
    payable = sum(
        t.is_payable for t in Tranche.objects.all() if t.grant.programme_id == programme.pk
    )
    assert payable == 3
    with django_assert_num_queries(few):
        page = dashboard(client)
    assert f"{payable} tranches are payable" in page
    assert reverse("grants:finance", args=[programme.slug]) in page
    # The officer's line about the same grants: milestones with evidence to approve.
    client.force_login(officer)
    submitted = sum(
        m.state == "submitted"
        for m in Milestone.objects.all()
        if m.tranche.grant.programme_id == programme.pk
    )
    assert f"{submitted} milestones to approve" in dashboard(client)


def test_finance_is_not_shown_the_officers_queues(client, programme, finance):
    client.force_login(finance)
    page = dashboard(client)
    assert "eligibility check" not in page
    assert "0 tranches are payable" in page


# Coordinator, reviewer, professional -----------------------------------------------------


def _pending_members(programme, college, n):
    call = CallFactory(programme=programme)
    for _ in range(n):
        proposal = ProposalFactory(call=call, college=college, state=Proposal.State.SUBMITTED)
        TeamMemberFactory(proposal=proposal, joined_at=timezone.now())


def test_the_coordinator_sees_members_to_confirm_oldest_first(
    client, programme, college, coordinator, django_assert_num_queries
):
    _pending_members(programme, CollegeFactory(), 2)  # another college's teams
    client.force_login(coordinator)
    _pending_members(programme, college, 1)
    few = queries_of(client)
    _pending_members(programme, college, 3)
    pending = [
        m
        for m in TeamMember.objects.all()
        if m.proposal.college_id == college.pk
        and m.status == "joined"
        and m.affiliation == "pending"
    ]
    with django_assert_num_queries(few):
        page = dashboard(client)
    assert f"{len(pending)} members to confirm" in page
    assert reverse("calls:affiliations_to_confirm") in page
    assert reverse("calls:proposal_detail", args=[pending[0].proposal_id]) in page


def _assigned(programme, reviewer, *, done, open_):
    call = CallFactory(programme=programme, reviews_by=datetime.date(2027, 1, 12))
    for _ in range(done):
        ReviewFactory(
            proposal=ProposalFactory(call=call),
            reviewer=reviewer,
            declaration=Review.Declaration.NONE,
            submitted_at=timezone.now(),
        )
    for _ in range(open_):
        ReviewFactory(proposal=ProposalFactory(call=call), reviewer=reviewer)


def test_the_reviewer_sees_reviews_done_of_assigned_and_the_deadline(
    client, programme, reviewer, django_assert_num_queries
):
    _assigned(ProgrammeFactory(), reviewer, done=1, open_=1)
    client.force_login(reviewer)
    _assigned(programme, reviewer, done=1, open_=1)
    few = queries_of(client)
    _assigned(programme, reviewer, done=2, open_=6)
    mine = [
        r
        for r in Review.objects.filter(reviewer=reviewer)
        if r.proposal.call.programme_id == programme.pk
    ]
    done = sum(r.submitted_at is not None for r in mine)
    to_declare = sum(r.declaration == "pending" for r in mine)
    with django_assert_num_queries(few):
        page = dashboard(client)
    assert (done, len(mine), to_declare) == (3, 10, 7)
    assert "3 of 10 reviews done" in page
    assert f"due {longdate(datetime.date(2027, 1, 12))}" in page
    assert "7 conflicts of interest to declare" in page


def test_the_professional_sees_invitations_with_their_answer_by_date(
    client, programme, expert, django_assert_num_queries
):
    profile = ExpertProfileFactory(programme=programme, user=expert)
    client.force_login(expert)
    PairingFactory.invited(need=NeedFactory(programme=programme), expert=profile)
    few = queries_of(client)
    for _ in range(3):
        PairingFactory.invited(need=NeedFactory(programme=programme), expert=profile)
    PairingFactory(need=NeedFactory(programme=programme), expert=profile)  # not yet invited
    invited = [
        p for p in Pairing.objects.all() if p.expert.user_id == expert.pk and p.state == "invited"
    ]
    with django_assert_num_queries(few):
        page = dashboard(client)
    assert f"{len(invited)} invitations to answer" in page
    assert reverse("pairing:detail", args=[invited[0].pk]) in page


def test_the_professional_sees_the_next_mission_and_the_surveys_to_answer(
    client, programme, expert
):
    profile = ExpertProfileFactory(programme=programme, user=expert)
    pairing = accepted_pairing(need=NeedFactory(programme=programme), expert=profile)
    soon = MissionFactory(
        pairing=pairing,
        starts_on=datetime.date.today() + datetime.timedelta(days=5),
        ends_on=datetime.date.today() + datetime.timedelta(days=9),
    )
    mine = Survey.objects.create(
        mission=soon, wave="t0", respondent="professional", email=expert.email
    )
    Survey.objects.create(mission=soon, wave="t0", respondent="participant", email="p@x.rw")
    client.force_login(expert)
    page = dashboard(client)
    assert f"Next mission: {soon.title}" in page
    assert reverse("missions:detail", args=[soon.pk]) in page
    assert (
        survey_from_token(linked_token(page, f"/missions/{soon.pk}/survey/"), mission_id=soon.pk)
        == mine
    )
    assert page.count("Answer the survey on") == 1


# Applicant, and a person with no role ----------------------------------------------------


def test_the_applicant_sees_each_proposal_with_its_missing_parts_and_invitations(
    client, programme, college, applicant
):
    call = CallFactory(programme=programme)
    draft = ProposalFactory(call=call, college=college, lead=applicant, summary="")
    submitted = ProposalFactory(
        call=call, college=college, lead=applicant, state=Proposal.State.SUBMITTED
    )
    invitation = TeamMemberFactory(
        proposal=ProposalFactory(call=call, college=college),
        user=None,
        email=applicant.email,
        status=TeamMember.Status.INVITED,
    )
    client.force_login(applicant)
    page = dashboard(client)
    assert f"{draft.title}: complete it and submit" in page
    assert "Answer this question: Summary." in page
    assert reverse("calls:proposal_edit", args=[draft.pk]) in page
    assert reverse("calls:proposal_detail", args=[submitted.pk]) in page
    assert invitation_member(linked_token(page, "/calls/invitations/")) == invitation


def test_the_applicant_is_led_to_the_decisions_and_then_to_the_mentors(
    client, programme, college, applicant
):
    call = CallFactory(programme=programme)
    proposal = ProposalFactory(
        call=call, college=college, lead=applicant, state=Proposal.State.UNDER_REVIEW
    )
    client.force_login(applicant)
    page = dashboard(client).split("Your other pages")[0]
    assert reverse("review:outcomes") not in page
    assert reverse("pairing:mentors", args=[programme.slug]) not in page

    Proposal.objects.filter(pk=proposal.pk).update(state=Proposal.State.RESERVE)
    page = dashboard(client).split("Your other pages")[0]
    assert reverse("review:outcomes") in page
    assert reverse("pairing:mentors", args=[programme.slug]) not in page

    Proposal.objects.filter(pk=proposal.pk).update(state=Proposal.State.SELECTED)
    page = dashboard(client).split("Your other pages")[0]
    assert reverse("review:outcomes") in page
    assert reverse("pairing:mentors", args=[programme.slug]) in page


def test_a_person_with_no_role_sees_the_invitations_sent_to_their_address(client, outsider):
    invitation = TeamMemberFactory(
        proposal=ProposalFactory(), user=None, email=outsider.email, status="invited"
    )
    client.force_login(outsider)
    page = dashboard(client)
    assert "Team invitations waiting for you" in page
    assert invitation_member(linked_token(page, "/calls/invitations/")) == invitation


def test_the_donor_sees_headline_figures_and_the_results_dashboard(client, programme, donor):
    client.force_login(donor)
    page = dashboard(client)
    assert "projects funded" in page
    assert reverse("results:dashboard", args=[programme.slug]) in page


# The signed-out home page ----------------------------------------------------------------


@pytest.mark.parametrize("published", [True, False])
def test_the_home_page_lists_open_calls_with_a_start_button(client, db, published):
    call = CallFactory(title="Innovation Call 2027", is_published=published)
    page = client.get(reverse("home")).content.decode()
    assert ("Innovation Call 2027" in page) is published
    assert (reverse("calls:proposal_start", args=[call.pk]) in page) is published
    assert reverse("experts:outreach") in page
