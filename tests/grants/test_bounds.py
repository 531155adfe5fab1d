"""Money past what the database holds is refused at the field, and nothing is written."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from skillbridge.grants.models import Disbursement, Expense
from tests.common.form_errors import errors_at

pytestmark = pytest.mark.django_db

HUGE = str(10**30)


def budget_post(amount):
    return {
        "line-TOTAL_FORMS": "1",
        "line-INITIAL_FORMS": "0",
        "line-MIN_NUM_FORMS": "0",
        "line-MAX_NUM_FORMS": "40",
        "line-0-item": "Laptop",
        "line-0-category": "equipment",
        "line-0-amount_rwf": amount,
    }


@pytest.mark.parametrize("value", [HUGE, "-1", "abc"])
def test_a_grant_budget_beyond_bounds_keeps_the_saved_lines(client, officer, grant, value):
    before = list(grant.budget_lines.values_list("item", "amount_rwf"))
    client.force_login(officer)
    response = client.post(f"/grants/{grant.pk}/budget/", budget_post(value))
    assert errors_at(response, "amount_rwf")
    assert list(grant.budget_lines.values_list("item", "amount_rwf")) == before


@pytest.mark.parametrize("value", [HUGE, "-1", "abc"])
def test_an_expense_beyond_bounds_is_refused_at_its_field(client, applicant, running_grant, value):
    client.force_login(applicant)
    response = client.post(
        f"/grants/{running_grant.pk}/expenses/new/",
        {
            "budget_line": running_grant.budget_lines.get(item="Laptop").pk,
            "spent_on": "2026-02-01",
            "description": "Two laptops",
            "amount_rwf": value,
            "receipt": SimpleUploadedFile("receipt.png", b"\x89PNG\r\n\x1a\nimage"),
        },
    )
    assert errors_at(response, "amount_rwf")
    assert not Expense.objects.exists()


def test_a_payment_beyond_bounds_is_refused_at_its_field(client, finance, running_grant):
    client.force_login(finance)
    response = client.post(
        f"/grants/{running_grant.pk}/pay/",
        {
            "tranche": running_grant.tranches.get(number=1).pk,
            "amount": HUGE,
            "paid_on": "2026-02-01",
            "method": Disbursement.Method.choices[0][0],
            "reference": "BK-1",
        },
    )
    assert errors_at(response, "amount")
    assert not Disbursement.objects.exists()
