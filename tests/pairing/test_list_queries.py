"""Every list of the pairing app costs the same number of queries whatever its rows: the
overview (funded projects and training requests with their needs, the latest runs), a need's
page (its pairings, invitations, decisions and the latest run's candidates), a run's proposal,
the pairings by state, and a team's mentors. (The pairings list, the runs list and the
professional's invitations have theirs in test_views.)"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from skillbridge.pairing import services
from skillbridge.pairing.models import MatchingRun, PairDecision, Pairing
from skillbridge.pairing.views.officer import OVERVIEW_PER_PAGE
from tests.calls.factories import ProposalFactory
from tests.pairing.factories import (
    ExpertProfileFactory,
    NeedFactory,
    PairingFactory,
    SkillFactory,
    TrainingRequestFactory,
)
from tests.queries import same_queries


def sent(*, state: str = "invited", **fields) -> Pairing:
    """A pairing whose invitation went out, in `state` now."""
    now = timezone.now()
    return PairingFactory(
        state=state, invited_at=now, respond_by=now + datetime.timedelta(days=14), **fields
    )


def funded(programme, college, energy, n: int) -> None:
    """`n` funded projects and `n` training requests, each with two needs and a skill."""
    solar = SkillFactory(name="solar pv")
    for _ in range(n):
        project = ProposalFactory(
            call__programme=programme, college=college, state="selected", sector=energy
        )
        request = TrainingRequestFactory(programme=programme, college=college)
        for owner in ({"proposal": project}, {"training_request": request, "proposal": None}):
            for _ in range(2):
                need = NeedFactory(programme=programme, sector=energy, **owner)
                need.skills.set([solar])
                sent(need=need, programme=programme)


def run_over(officer, programme, needs, capture) -> MatchingRun:
    with capture(execute=True):
        run = services.run_start(actor=officer, programme=programme, needs=needs)
    run.refresh_from_db()
    assert run.status == MatchingRun.Status.DONE, run.error
    return run


def test_the_overview_is_constant(
    client, officer, programme, college, energy, django_assert_num_queries
):
    funded(programme, college, energy, 1)
    MatchingRun.objects.create(programme=programme, created_by=officer)
    client.force_login(officer)

    def grow():
        funded(programme, college, energy, 5)
        for _ in range(6):
            MatchingRun.objects.create(programme=programme, created_by=officer)

    url = reverse("pairing:overview", args=[programme.slug])
    response = same_queries(client, url, grow, django_assert_num_queries)
    assert len(response.context["projects"]) == 6
    assert len(response.context["requests"]) == 6


def test_the_overview_pages_its_projects_and_its_requests_each_by_its_own_parameter(
    client, officer, programme, college, energy
):
    for i in range(OVERVIEW_PER_PAGE + 1):
        ProposalFactory(call__programme=programme, college=college, state="selected")
        TrainingRequestFactory(programme=programme, college=college, title=f"Request {i:02}")
    client.force_login(officer)
    url = reverse("pairing:overview", args=[programme.slug])
    response = client.get(url, {"projects_page": 2})
    projects, requests = response.context["projects"], response.context["requests"]
    assert (projects.number, len(projects), requests.number, len(requests)) == (2, 1, 1, 20)
    assert response.context["requests"][0].title == "Request 00"
    page = response.content.decode()
    assert 'href="?projects_page=2&amp;requests_page=2" rel="next"' in page
    assert 'href="?projects_page=1" rel="prev"' in page


def test_a_needs_page_is_constant_in_its_pairings_decisions_and_candidates(
    client,
    officer,
    programme,
    need,
    energy,
    django_assert_num_queries,
    django_capture_on_commit_callbacks,
):
    for _ in range(5):
        ExpertProfileFactory(programme=programme, sectors=[energy])
    run_over(officer, programme, [need], django_capture_on_commit_callbacks)
    client.force_login(officer)

    def grow():
        for state in ("invited", "declined", "cancelled", "accepted"):
            sent(need=need, programme=programme, state=state)
        for kind in ("lock", "forbid", "forbid"):
            expert = ExpertProfileFactory(programme=programme)
            PairDecision.objects.create(need=need, expert=expert, kind=kind, created_by=officer)

    url = reverse("pairing:need", args=[programme.slug, need.pk])
    response = same_queries(client, url, grow, django_assert_num_queries)
    assert len(response.context["decisions"]) == 3
    assert len(response.context["candidates"]) >= 1


def test_a_runs_proposal_costs_the_same_for_one_need_or_many(
    client,
    officer,
    programme,
    project,
    energy,
    django_assert_num_queries,
    django_capture_on_commit_callbacks,
):
    for _ in range(8):
        ExpertProfileFactory(programme=programme, sectors=[energy], capacity=2)
    needs = [NeedFactory(programme=programme, proposal=project, sector=energy) for _ in range(4)]
    small = run_over(officer, programme, needs[:1], django_capture_on_commit_callbacks)
    large = run_over(officer, programme, needs, django_capture_on_commit_callbacks)
    client.force_login(officer)
    small_url = reverse("pairing:run", args=[programme.slug, small.pk])
    large_url = reverse("pairing:run", args=[programme.slug, large.pk])
    client.get(small_url)
    with CaptureQueriesContext(connection) as few:
        client.get(small_url)
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(large_url)
    assert len(response.context["rows"]) > len(needs[:1])


@pytest.mark.parametrize("state", ["", "invited", "accepted"])
def test_the_pairings_by_state_are_constant(
    client, officer, programme, state, django_assert_num_queries
):
    def add(n):
        for _ in range(n):
            need = NeedFactory(programme=programme)
            sent(need=need, programme=programme, state=state or "invited")

    add(1)
    client.force_login(officer)
    url = reverse("pairing:pairings", args=[programme.slug]) + (f"?state={state}" if state else "")
    response = same_queries(client, url, lambda: add(7), django_assert_num_queries)
    assert len(response.context["page"].object_list) == 8


def test_a_teams_mentors_are_constant(
    client, applicant, programme, project, energy, django_assert_num_queries
):
    def add(n):
        for i in range(n):
            need = NeedFactory(programme=programme, proposal=project, sector=energy)
            sent(need=need, programme=programme, state=Pairing.VISIBLE_TO_TEAM[i % 3])

    add(1)
    client.force_login(applicant)
    url = reverse("pairing:mentors", args=[programme.slug])
    response = same_queries(client, url, lambda: add(6), django_assert_num_queries)
    assert len(response.context["cards"]) == 7
