"""Finance from the queue: Pay filled in, the payment batch, and state refusals at the field."""

import csv
import io

import pytest

from skillbridge.grants.models import Disbursement, Grant
from tests.grants.factories import approve_milestone, pay

pytestmark = pytest.mark.django_db


def test_the_queue_links_each_payable_tranche_to_its_filled_in_payment_form(
    client, finance, running_grant, programme
):
    tranche = running_grant.tranches.get(number=1)
    client.force_login(finance)
    queue = client.get(f"/grants/programme/{programme.slug}/finance/").content.decode()
    pay_url = f"/grants/{running_grant.pk}/pay/?tranche={tranche.pk}"
    assert pay_url in queue
    form = client.get(pay_url).context["form"]
    assert form.initial["tranche"] == tranche.pk
    assert form.initial["amount"] == 4_000_000
    assert form.initial["payee_name"] == running_grant.proposal.lead.get_full_name()
    assert form.initial["method"] == "mobile_money"
    assert form.initial["reference"] == f"SB-{running_grant.pk}-T1"


def test_the_officer_sees_the_queue_without_pay_buttons(client, officer, running_grant, programme):
    client.force_login(officer)
    queue = client.get(f"/grants/programme/{programme.slug}/finance/").content.decode()
    assert f"/grants/{running_grant.pk}/pay/" not in queue
    assert "/finance/batch.csv" not in queue


def test_the_form_offers_what_remains_after_a_part_payment_and_the_payee_kept(
    client, finance, running_grant
):
    client.force_login(finance)
    client.post(
        f"/grants/{running_grant.pk}/pay/",
        {
            "tranche": running_grant.tranches.get(number=1).pk,
            "amount": "1500000",
            "payee_name": "Aline Uwase",
            "payee_account": "+250 788 123 456",
            "method": "mobile_money",
            "paid_on": "2026-01-10",
            "reference": f"SB-{running_grant.pk}-T1",
        },
    )
    running_grant.refresh_from_db()
    assert (running_grant.payee_name, running_grant.payee_account) == (
        "Aline Uwase",
        "+250 788 123 456",
    )
    assert Disbursement.objects.get().payee_account == "+250 788 123 456"
    form = client.get(f"/grants/{running_grant.pk}/pay/").context["form"]
    assert form.initial["amount"] == 2_500_000
    assert form.initial["payee_name"] == "Aline Uwase"
    assert form.initial["reference"] == f"SB-{running_grant.pk}-T1-2"


def _batch(client, programme):
    response = client.get(f"/grants/programme/{programme.slug}/finance/batch.csv")
    assert response["Content-Type"] == "text/csv"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_payment_batch_lists_payable_tranches_with_what_a_bulk_upload_needs(
    client, finance, officer, applicant, running_grant, programme
):
    pay(running_grant, finance, 1, 4_000_000, "BK-1")
    approve_milestone(running_grant, 2, officer=officer, lead=applicant)
    Grant.objects.filter(pk=running_grant.pk).update(
        payee_name='=HYPERLINK("http://evil")', payee_account="+250788123456"
    )
    client.force_login(finance)
    rows = _batch(client, programme)
    assert rows[0] == [
        "reference",
        "payee_name",
        "account",
        "amount",
        "currency",
        "narrative",
        "channel",
    ]
    reference, payee, account, amount, currency, narrative, channel = rows[1]
    assert reference == f"SB-{running_grant.pk}-T2"
    assert payee == '\'=HYPERLINK("http://evil")'
    assert account == "+250788123456"
    assert (amount, currency, channel) == ("4000000", "RWF", "mobile_money")
    assert narrative.startswith(f"Grant {running_grant.pk} tranche 2")
    assert len(rows) == 2


@pytest.mark.parametrize("persona", ["officer", "applicant"])
def test_only_finance_downloads_the_batch(client, request, persona, running_grant, programme):
    client.force_login(request.getfixturevalue(persona))
    url = f"/grants/programme/{programme.slug}/finance/batch.csv"
    assert client.get(url).status_code in {403, 404}


def test_a_suspension_without_reason_is_refused_at_the_field(client, officer, running_grant):
    client.force_login(officer)
    response = client.post(f"/grants/{running_grant.pk}/state/suspend/", {"reason": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["reason"] == ["Give the reason: the team will read it."]
    running_grant.refresh_from_db()
    assert running_grant.state == Grant.State.AGREEMENT_ACCEPTED


def test_resuming_a_running_grant_is_refused_at_the_field(client, officer, running_grant):
    client.force_login(officer)
    response = client.post(f"/grants/{running_grant.pk}/state/resume/", {"reason": "Go"})
    assert response.context["form"].errors["reason"] == ["Only a suspended grant can be resumed."]


def test_a_termination_with_a_reason_ends_the_grant(client, officer, running_grant):
    client.force_login(officer)
    page = client.get(f"/grants/{running_grant.pk}/state/terminate/")
    assert page.status_code == 200
    response = client.post(
        f"/grants/{running_grant.pk}/state/terminate/", {"reason": "The team dissolved."}
    )
    assert response.status_code == 302
    running_grant.refresh_from_db()
    assert running_grant.state == Grant.State.TERMINATED
