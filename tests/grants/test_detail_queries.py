"""A grant's page costs the same number of queries whatever its number of expenses, each
with its budget line and receipt (issue 17). (The grant lists, the finance dashboard and the
amendments page have theirs in test_lists and test_views.)"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from skillbridge.grants.services import spending
from tests.grants.factories import PAID_ON
from tests.queries import same_queries

pytestmark = pytest.mark.django_db


def spend(grant, lead, n: int) -> None:
    lines = list(grant.budget_lines.all())
    for i in range(n):
        spending.expense_report(
            actor=lead,
            grant=grant,
            budget_line_id=lines[i % len(lines)].pk,
            spent_on=PAID_ON,
            description=f"Bought {i}",
            amount_rwf=1000 * (i + 1),
            receipt=SimpleUploadedFile(f"r{i}.pdf", b"%PDF-1.4 receipt"),
        )


@pytest.mark.parametrize("persona", ["officer", "applicant"])
def test_a_grants_page_is_constant_in_its_expenses(
    client, request, running_grant, applicant, persona, django_assert_num_queries
):
    spend(running_grant, applicant, 1)
    client.force_login(request.getfixturevalue(persona))
    url = f"/grants/{running_grant.pk}/"
    response = same_queries(
        client, url, lambda: spend(running_grant, applicant, 6), django_assert_num_queries
    )
    assert len(response.context["grant"].expenses.all()) == 7
