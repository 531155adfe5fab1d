"""The grants API: who sees which grant, and payments that never overpay."""

import pytest
from rest_framework.test import APIClient

from skillbridge.grants.models import Disbursement
from skillbridge.grants.services import awards
from tests.factories import CollegeFactory, ProgrammeRoleFactory, UserFactory
from tests.grants.factories import award, selected_proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def running_grant(programme, college, applicant, officer):
    grant = award(selected_proposal(programme=programme, college=college, lead=applicant), officer)
    return awards.grant_accept_agreement(actor=applicant, grant=grant)


@pytest.fixture
def other_grant(programme, officer):
    """Another team's grant in the same programme."""
    lead = UserFactory(email="bosco@example.org")
    ProgrammeRoleFactory(user=lead, programme=programme, role="applicant")
    college = CollegeFactory(short_name="IPRC Huye")
    return award(selected_proposal(programme=programme, college=college, lead=lead), officer)


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def payment(grant, number=1, **overrides):
    return {
        "tranche": grant.tranches.get(number=number).pk,
        "amount": 4_000_000,
        "paid_on": "2026-01-10",
        "method": "mobile_money",
        "reference": "MOMO-1",
        **overrides,
    }


def test_anonymous_callers_get_401(client, running_grant):
    assert client.get("/api/v1/grants/").status_code == 401


@pytest.mark.parametrize("persona", ["officer", "finance"])
def test_staff_list_every_grant_of_their_programme(request, persona, running_grant, other_grant):
    user = request.getfixturevalue(persona)
    response = client_for(user).get("/api/v1/grants/")
    assert response.status_code == 200
    assert response.json()["count"] == 2
    assert {g["id"] for g in response.json()["results"]} == {running_grant.pk, other_grant.pk}


def test_a_team_sees_only_its_own_grant(applicant, running_grant, other_grant):
    client = client_for(applicant)
    listed = client.get("/api/v1/grants/").json()
    assert [g["id"] for g in listed["results"]] == [running_grant.pk]
    assert listed["results"][0]["amount_rwf"] == 10_000_000
    assert client.get(f"/api/v1/grants/{other_grant.pk}/").status_code == 404
    detail = client.get(f"/api/v1/grants/{running_grant.pk}/").json()
    assert [t["amount_rwf"] for t in detail["tranches"]] == [4_000_000, 4_000_000, 2_000_000]
    assert [t["payable"] for t in detail["tranches"]] == [True, False, False]
    assert detail["tranches"][0]["milestone"] is None
    assert detail["tranches"][1]["milestone"]["state"] == "pending"


@pytest.mark.parametrize("persona", ["coordinator", "reviewer", "donor", "outsider"])
def test_people_outside_the_grant_get_an_empty_list_and_404(request, persona, running_grant):
    client = client_for(request.getfixturevalue(persona))
    assert client.get("/api/v1/grants/").json()["count"] == 0
    assert client.get(f"/api/v1/grants/{running_grant.pk}/").status_code == 404
    response = client.post(
        f"/api/v1/grants/{running_grant.pk}/disbursements/", payment(running_grant), format="json"
    )
    assert response.status_code == 404
    assert not Disbursement.objects.exists()


@pytest.mark.parametrize("persona", ["officer", "applicant"])
def test_members_who_see_the_grant_but_do_not_pay_get_403(request, persona, running_grant):
    client = client_for(request.getfixturevalue(persona))
    response = client.post(
        f"/api/v1/grants/{running_grant.pk}/disbursements/", payment(running_grant), format="json"
    )
    assert response.status_code == 403
    assert not Disbursement.objects.exists()


def test_the_finance_officer_pays_a_tranche(finance, running_grant):
    response = client_for(finance).post(
        f"/api/v1/grants/{running_grant.pk}/disbursements/", payment(running_grant), format="json"
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["amount"], body["reference"], body["tranche_number"]) == (4_000_000, "MOMO-1", 1)
    running_grant.refresh_from_db()
    assert running_grant.paid_rwf == 4_000_000


def test_a_repeated_reference_answers_200_with_the_first_payment(finance, running_grant):
    client = client_for(finance)
    url = f"/api/v1/grants/{running_grant.pk}/disbursements/"
    first = client.post(url, payment(running_grant, amount=1_000_000), format="json")
    again = client.post(url, payment(running_grant, amount=1_000_000), format="json")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert Disbursement.objects.count() == 1
    running_grant.refresh_from_db()
    assert running_grant.paid_rwf == 1_000_000


def test_an_overpayment_answers_409_and_writes_nothing(finance, running_grant):
    response = client_for(finance).post(
        f"/api/v1/grants/{running_grant.pk}/disbursements/",
        payment(running_grant, amount=4_000_001),
        format="json",
    )
    assert response.status_code == 409
    assert response.json() == {
        "amount": ["This payment would exceed tranche 1: 4,000,000 RWF remain to be paid."]
    }
    assert not Disbursement.objects.exists()


def test_an_unpayable_tranche_answers_409_and_writes_nothing(finance, running_grant):
    response = client_for(finance).post(
        f"/api/v1/grants/{running_grant.pk}/disbursements/",
        payment(running_grant, number=2),
        format="json",
    )
    assert response.status_code == 409
    assert "Tranche 2 is not payable yet" in response.json()["tranche"][0]
    assert not Disbursement.objects.exists()


def test_bad_input_answers_400_per_field(finance, running_grant):
    response = client_for(finance).post(
        f"/api/v1/grants/{running_grant.pk}/disbursements/",
        payment(running_grant, amount=0, method="cash", reference=""),
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"amount", "method", "reference"}
    assert not Disbursement.objects.exists()


def test_another_grants_tranche_is_refused(finance, running_grant, other_grant):
    response = client_for(finance).post(
        f"/api/v1/grants/{running_grant.pk}/disbursements/",
        payment(running_grant, tranche=other_grant.tranches.get(number=1).pk),
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"tranche": ["Choose a tranche of this grant."]}


def test_the_list_makes_a_fixed_number_of_queries(
    finance, running_grant, programme, officer, django_assert_num_queries
):
    client = client_for(finance)
    with django_assert_num_queries(2):
        assert client.get("/api/v1/grants/").json()["count"] == 1
    for _index in range(5):
        lead = UserFactory()
        college = CollegeFactory()
        award(selected_proposal(programme=programme, college=college, lead=lead), officer)
    client = client_for(finance)
    with django_assert_num_queries(2):
        assert client.get("/api/v1/grants/").json()["count"] == 6


def test_the_schema_documents_the_grant_endpoints(client):
    paths = client.get("/api/v1/schema/?format=json").json()["paths"]
    assert {
        "/api/v1/grants/",
        "/api/v1/grants/{id}/",
        "/api/v1/grants/{id}/disbursements/",
    } <= set(paths)
