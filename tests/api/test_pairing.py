"""API of pairing: matching runs for officers, pairings for whoever may see them."""

import pytest
from rest_framework.test import APIClient

from skillbridge.pairing.models import MatchingRun, Pairing
from tests.calls.factories import ProposalFactory
from tests.factories import SectorFactory
from tests.pairing.factories import ExpertProfileFactory, NeedFactory, PairingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def energy(programme):
    sector = SectorFactory(slug="energy", name="Energy")
    programme.sectors.add(sector)
    return sector


@pytest.fixture
def need(programme, college, applicant, energy):
    """A need of a funded project of the applicant's college, the applicant its lead."""
    project = ProposalFactory(
        call__programme=programme, college=college, lead=applicant, state="selected", sector=energy
    )
    return NeedFactory(programme=programme, proposal=project, sector=energy)


@pytest.fixture
def profile(programme, expert, energy):
    return ExpertProfileFactory(programme=programme, user=expert, sectors=[energy])


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_an_officer_starts_a_run_and_reads_its_result(
    officer, programme, need, energy, django_capture_on_commit_callbacks
):
    best = ExpertProfileFactory(programme=programme, sectors=[energy])
    with django_capture_on_commit_callbacks(execute=True):
        response = api(officer).post(
            "/api/v1/matching-runs/", {"programme": programme.slug}, format="json"
        )
    assert response.status_code == 201, response.json()
    run_id = response.json()["id"]
    body = api(officer).get(f"/api/v1/matching-runs/{run_id}/").json()
    assert body["status"] == "done"
    assert body["needs"] == [need.pk]
    assert body["candidates"][0]["need"] == need.pk
    assert body["candidates"][0]["expert"] == best.pk
    assert body["candidates"][0]["rank"] == 0
    assert "same sector: energy" in body["candidates"][0]["reasons"]
    assert body["summary"]["filled_seats"] == 1
    pairing = Pairing.objects.get(run_id=run_id)
    response = api(officer).post(f"/api/v1/pairings/{pairing.pk}/confirm/")
    assert response.status_code == 200
    assert response.json()["state"] == "invited"


def test_runs_are_404_to_outsiders_and_403_to_members(
    programme, need, officer, outsider, expert, coordinator
):
    run = MatchingRun.objects.create(programme=programme, created_by=officer)
    assert api(outsider).get(f"/api/v1/matching-runs/{run.pk}/").status_code == 404
    # A run is the officers' tool: other members may not see it at all.
    assert api(expert).get(f"/api/v1/matching-runs/{run.pk}/").status_code == 404
    data = {"programme": programme.slug}
    assert api(outsider).post("/api/v1/matching-runs/", data, format="json").status_code == 404
    assert api(coordinator).post("/api/v1/matching-runs/", data, format="json").status_code == 403
    assert api().post("/api/v1/matching-runs/", data, format="json").status_code == 401
    assert MatchingRun.objects.count() == 1


def test_a_run_with_an_unknown_need_is_refused_at_the_field(officer, programme, need):
    response = api(officer).post(
        "/api/v1/matching-runs/", {"programme": programme.slug, "needs": [999]}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"needs": ["Unknown need id: 999."]}
    assert MatchingRun.objects.count() == 0


def test_an_expert_sees_only_their_own_pairings_from_the_invitation_on(
    programme, need, profile, expert
):
    own = PairingFactory.invited(need=need, expert=profile, programme=programme)
    PairingFactory(need=NeedFactory(programme=programme), expert=profile, programme=programme)
    PairingFactory.invited(need=NeedFactory(programme=programme), programme=programme)
    body = api(expert).get("/api/v1/pairings/").json()
    assert body["count"] == 1
    assert body["results"][0]["id"] == own.pk
    assert body["results"][0]["expert"] == profile.pk


def test_the_expert_accepts_and_declines_through_the_api(programme, need, profile, expert):
    first = PairingFactory.invited(need=need, expert=profile, programme=programme)
    response = api(expert).post(f"/api/v1/pairings/{first.pk}/accept/")
    assert response.status_code == 200
    assert response.json()["state"] == "accepted"
    profile.capacity = 2
    profile.save()
    second = PairingFactory.invited(
        need=NeedFactory(programme=programme), expert=profile, programme=programme
    )
    response = api(expert).post(f"/api/v1/pairings/{second.pk}/decline/", {}, format="json")
    assert response.status_code == 400
    assert response.json() == {"reason": ["This field is required."]}
    response = api(expert).post(
        f"/api/v1/pairings/{second.pk}/decline/", {"reason": "No time."}, format="json"
    )
    assert response.json()["state"] == "declined"
    response = api(expert).post(f"/api/v1/pairings/{second.pk}/accept/")
    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["Only an open invitation can be accepted."]}


def test_answers_are_404_to_others_and_403_to_officers(programme, need, officer):
    pairing = PairingFactory.invited(need=need, programme=programme)
    stranger = ExpertProfileFactory(programme=programme).user
    assert api(stranger).post(f"/api/v1/pairings/{pairing.pk}/accept/").status_code == 404
    assert api(officer).post(f"/api/v1/pairings/{pairing.pk}/accept/").status_code == 403
    assert (
        api(pairing.expert.user).post(f"/api/v1/pairings/{pairing.pk}/confirm/").status_code == 403
    )
    pairing.refresh_from_db()
    assert pairing.state == Pairing.State.INVITED


def test_declining_asks_who_declines_before_reading_the_body(programme, need, officer):
    """An empty body once answered 400 to anyone, telling outsiders what it lacked."""
    pairing = PairingFactory.invited(need=need, programme=programme)
    stranger = ExpertProfileFactory(programme=programme).user
    url = f"/api/v1/pairings/{pairing.pk}/decline/"
    assert api(stranger).post(url, {}, format="json").status_code == 404
    assert api(officer).post(url, {}, format="json").status_code == 403
    assert api(pairing.expert.user).post(url, {}, format="json").status_code == 400


def test_an_applicant_sees_only_their_projects_accepted_pairing(
    programme, need, profile, applicant, donor, coordinator
):
    pairing = PairingFactory.invited(need=need, expert=profile, programme=programme)
    PairingFactory(need=NeedFactory(programme=programme), programme=programme, state="accepted")
    assert api(applicant).get("/api/v1/pairings/").json()["count"] == 0
    Pairing.objects.filter(pk=pairing.pk).update(state=Pairing.State.ACCEPTED)
    body = api(applicant).get("/api/v1/pairings/").json()
    assert body["count"] == 1
    result = body["results"][0]
    assert result["professional"] == {
        "name": profile.user.full_name,
        "profession": "Electrical engineer",
        "country": "Belgium",
    }
    assert result["expert"] is None
    assert result["score"] is None
    for user in (donor, coordinator):
        assert api(user).get("/api/v1/pairings/").json()["count"] == 0


@pytest.mark.parametrize("rows", [1, 10])
def test_the_pairing_list_makes_a_fixed_number_of_queries(
    officer, programme, rows, django_assert_num_queries
):
    for _ in range(rows):
        PairingFactory(need=NeedFactory(programme=programme), programme=programme)
    with django_assert_num_queries(4):
        body = api(officer).get("/api/v1/pairings/").json()
    assert body["count"] == rows
