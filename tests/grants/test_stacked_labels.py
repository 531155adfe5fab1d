"""On a phone the grant page's tables stack: each cell names its column, so a tranche's
condition ("The agreement is accepted.") does not read as a bare fact."""

import datetime
import re

import pytest
from django.urls import reverse

from skillbridge.grants.services import payments

pytestmark = pytest.mark.django_db


def test_every_stacked_cell_of_the_grant_page_names_its_column(client, finance, running_grant):
    payments.disbursement_record(
        actor=finance,
        grant=running_grant,
        tranche_id=running_grant.tranches.get(number=1).pk,
        amount_rwf=4_000_000,
        paid_on=datetime.date(2026, 1, 10),
        method="bank_transfer",
        reference="BK-1",
    )
    client.force_login(finance)
    html = client.get(reverse("grants:detail", args=[running_grant.pk])).content.decode()
    tables = re.findall(r'<table class="grant-rows">.*?</table>', html, re.S)
    bodies = "".join(re.findall(r"<tbody>.*?</tbody>", table, re.S)[0] for table in tables)
    cells = re.findall(r"<td\b[^>]*>", bodies)
    assert len(cells) >= 3 * 3 + 4  # three tranches, one payment
    assert [cell for cell in cells if "data-label=" not in cell] == []
    assert 'data-label="Condition"' in html
    assert '<span class="stacked-only">Paid on </span>' in html
