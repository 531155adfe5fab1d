"""Numbers past what the database holds are refused at the field, and nothing is written."""

import pytest

from skillbridge.calls.models import BudgetLine, Call
from tests.calls.test_views import call_data, url
from tests.common.form_errors import errors_at

HUGE = str(10**30)


@pytest.mark.parametrize("value", [HUGE, "-1", "abc"])
def test_a_budget_line_beyond_bounds_is_refused_at_its_field(client, draft, applicant, value):
    client.force_login(applicant)
    before = list(BudgetLine.objects.filter(proposal=draft).values_list("pk", flat=True))
    line = {"item": "Card reader", "category": "equipment", "quantity": "3", "unit_cost_rwf": value}
    response = client.post(url("budget_line_add", draft.pk), line)
    assert errors_at(response, "unit_cost_rwf")
    assert list(BudgetLine.objects.filter(proposal=draft).values_list("pk", flat=True)) == before


def test_a_quantity_beyond_its_digits_is_refused_at_its_field(client, draft, applicant):
    client.force_login(applicant)
    count = BudgetLine.objects.filter(proposal=draft).count()
    line = {"item": "Card reader", "category": "equipment", "quantity": HUGE, "unit_cost_rwf": 1}
    response = client.post(url("budget_line_add", draft.pk), line)
    assert errors_at(response, "quantity")
    assert BudgetLine.objects.filter(proposal=draft).count() == count


@pytest.mark.parametrize(
    ("field", "value"),
    [("max_grant_rwf", HUGE), ("awards_planned", "32768"), ("reviews_per_proposal", HUGE)],
)
def test_a_call_edited_beyond_bounds_keeps_its_figures(
    client, call, officer, programme, field, value
):
    client.force_login(officer)
    before = Call.objects.values().get(pk=call.pk)
    response = client.post(url("call_edit", call.pk), call_data(programme, **{field: value}))
    assert errors_at(response, field)
    assert Call.objects.values().get(pk=call.pk) == before


def test_a_requested_amount_beyond_bounds_is_refused_and_the_draft_kept(client, draft, applicant):
    client.force_login(applicant)
    amount = draft.requested_amount_rwf
    response = client.post(
        url("proposal_edit", draft.pk), {"title": draft.title, "requested_amount_rwf": HUGE}
    )
    assert errors_at(response, "requested_amount_rwf")
    draft.refresh_from_db()
    assert draft.requested_amount_rwf == amount
