"""Numbers past what a column holds answer 400 at the field in the API; nothing is written."""

import pytest
from rest_framework.test import APIClient

from skillbridge.grants.models import Disbursement
from skillbridge.grants.services import awards
from skillbridge.pairing.models import MatchingRun
from tests.calls.cast import *  # noqa: F403 - the calls cast: call, draft, member…
from tests.grants.factories import award, selected_proposal

HUGE = 10**30


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.mark.parametrize("value", [HUGE, -1, "abc"])
def test_a_requested_amount_beyond_bounds_is_refused_at_the_field(draft, applicant, value):
    response = api(applicant).patch(
        f"/api/v1/proposals/{draft.pk}/", {"requested_amount_rwf": value}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["requested_amount_rwf"]
    draft.refresh_from_db()
    assert draft.requested_amount_rwf == 5_000_000


def test_a_budget_line_beyond_bounds_is_refused_at_the_field(draft, applicant):
    line = {"item": "Laptop", "category": "equipment", "quantity": "1", "unit_cost_rwf": HUGE}
    response = api(applicant).patch(
        f"/api/v1/proposals/{draft.pk}/", {"budget_lines": [line]}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["budget_lines"]
    assert draft.budget_lines.count() == 1


@pytest.mark.parametrize(
    ("field", "value"), [("amount", HUGE), ("tranche", HUGE), ("amount", "abc")]
)
def test_a_payment_beyond_bounds_is_refused_at_the_field(
    programme, college, applicant, officer, finance, field, value
):
    grant = award(selected_proposal(programme=programme, college=college, lead=applicant), officer)
    grant = awards.grant_accept_agreement(actor=applicant, grant=grant)
    data = {
        "tranche": grant.tranches.get(number=1).pk,
        "amount": 4_000_000,
        "paid_on": "2026-01-10",
        "method": "mobile_money",
        "reference": "MOMO-1",
        field: value,
    }
    response = api(finance).post(f"/api/v1/grants/{grant.pk}/disbursements/", data, format="json")
    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert not Disbursement.objects.exists()


def test_a_run_for_a_need_id_beyond_bounds_is_refused_at_the_field(officer, programme):
    response = api(officer).post(
        "/api/v1/matching-runs/", {"programme": programme.slug, "needs": [HUGE]}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["needs"]
    assert not MatchingRun.objects.exists()
