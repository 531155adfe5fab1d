"""Amendments after acceptance: asked with a reason, decided by the officer, applied with a
new agreement version; refused at the field when they do not hold."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from skillbridge.common.models import AuditEntry
from skillbridge.grants.models import AgreementVersion, Amendment
from skillbridge.grants.services import amendments, spending
from tests.common.test_pages import assert_clean
from tests.grants.factories import PAID_ON

pytestmark = pytest.mark.django_db


def _lines(grant):
    return {line.item: line for line in grant.budget_lines.all()}


def _spend(grant, lead, item, amount):
    spending.expense_report(
        actor=lead,
        grant=grant,
        budget_line_id=_lines(grant)[item].pk,
        spent_on=PAID_ON,
        description="Bought",
        amount_rwf=amount,
        receipt=SimpleUploadedFile("r.pdf", b"%PDF-1.4 receipt"),
    )


def _ask_reallocation(client, grant, amount, reason="Prices rose."):
    lines = _lines(grant)
    return client.post(
        f"/grants/{grant.pk}/amendments/new/reallocation/",
        {
            "from_line": lines["Business registration"].pk,
            "to_line": lines["Laptop"].pk,
            "amount_rwf": str(amount),
            "reason": reason,
        },
    )


def test_the_lead_asks_a_reallocation_and_the_officer_approves_it(
    client, applicant, officer, running_grant
):
    client.force_login(applicant)
    assert _ask_reallocation(client, running_grant, 1_000_000).status_code == 302
    amendment = Amendment.objects.get()
    assert (amendment.state, amendment.requested_by) == ("pending", applicant)
    detail = client.get(f"/grants/{running_grant.pk}/").content.decode()
    assert "An amendment is waiting for the officer's decision: budget reallocation." in detail
    # The team may not decide its own request.
    assert (
        client.post(f"/grants/{running_grant.pk}/amendments/decide/", {"decision": "approve"})
    ).status_code == 403

    client.force_login(officer)
    assert_clean(client.get(f"/grants/{running_grant.pk}/amendments/"))
    response = client.post(
        f"/grants/{running_grant.pk}/amendments/decide/", {"decision": "approve"}
    )
    assert response.status_code == 302
    amendment.refresh_from_db()
    assert (amendment.state, amendment.decided_by) == ("approved", officer)
    lines = _lines(running_grant)
    assert lines["Laptop"].amount_rwf == 5_000_000
    assert lines["Business registration"].amount_rwf == 5_000_000
    versions = list(AgreementVersion.objects.filter(grant=running_grant).order_by("number"))
    assert [(v.number, v.amendment) for v in versions] == [(1, None), (2, amendment)]
    assert all(v.pdf.read().startswith(b"%PDF") for v in versions)
    assert list(
        AuditEntry.objects.filter(action__startswith="amendment.")
        .order_by("pk")
        .values_list("action", flat=True)
    ) == ["amendment.pending", "amendment.approved"]
    pdf = client.get(f"/grants/{running_grant.pk}/agreement.pdf?version=2")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert client.get(f"/grants/{running_grant.pk}/agreement.pdf?version=3").status_code == 404


def test_a_reallocation_that_would_overspend_a_line_is_refused_at_the_amount(
    client, applicant, running_grant
):
    _spend(running_grant, applicant, "Business registration", 5_500_000)
    client.force_login(applicant)
    response = _ask_reallocation(client, running_grant, 1_000_000)
    assert response.status_code == 200
    assert response.context["form"].errors["amount_rwf"] == [
        "Moving 1,000,000 RWF would leave “Business registration” with 5,000,000 RWF, less "
        "than the 5,500,000 RWF already spent on it."
    ]
    assert not Amendment.objects.exists()


def test_an_approval_checks_the_spending_again(applicant, officer, running_grant):
    amendment = amendments.amendment_request(
        actor=applicant,
        grant=running_grant,
        kind="reallocation",
        reason="Prices rose.",
        changes={
            "from_line": _lines(running_grant)["Business registration"].pk,
            "to_line": _lines(running_grant)["Laptop"].pk,
            "amount_rwf": 1_000_000,
        },
    )
    _spend(running_grant, applicant, "Business registration", 5_500_000)
    with pytest.raises(Exception, match="already spent"):
        amendments.amendment_approve(actor=officer, amendment=amendment)
    amendment.refresh_from_db()
    assert amendment.state == "pending"
    assert _lines(running_grant)["Laptop"].amount_rwf == 4_000_000


def test_a_no_cost_extension_moves_the_end_date(client, officer, running_grant):
    client.force_login(officer)
    client.post(
        f"/grants/{running_grant.pk}/amendments/new/extension/",
        {"ends_on": "2027-03-31", "reason": "The rainy season delayed the works."},
    )
    client.post(f"/grants/{running_grant.pk}/amendments/decide/", {"decision": "approve"})
    running_grant.refresh_from_db()
    assert running_grant.ends_on == datetime.date(2027, 3, 31)


def test_an_extension_must_end_later_than_now(client, officer, running_grant):
    client.force_login(officer)
    response = client.post(
        f"/grants/{running_grant.pk}/amendments/new/extension/",
        {"ends_on": "2026-06-30", "reason": "Shorter."},
    )
    assert response.context["form"].errors["ends_on"] == [
        "An extension ends after the grant's current end, 31 December 2026."
    ]


def test_a_milestone_date_change_moves_the_milestone_and_its_payment(
    client, applicant, officer, running_grant
):
    milestone = running_grant.tranches.get(number=2).milestone
    client.force_login(applicant)
    client.post(
        f"/grants/{running_grant.pk}/amendments/new/milestone_date/",
        {"milestone": milestone.pk, "due_on": "2026-07-15", "reason": "Supplier late."},
    )
    client.force_login(officer)
    client.post(f"/grants/{running_grant.pk}/amendments/decide/", {"decision": "approve"})
    milestone.refresh_from_db()
    milestone.tranche.refresh_from_db()
    assert milestone.due_on == datetime.date(2026, 7, 15)
    assert milestone.tranche.planned_on == datetime.date(2026, 7, 29)


def test_a_rejection_needs_comments_and_changes_nothing(client, applicant, officer, running_grant):
    client.force_login(applicant)
    _ask_reallocation(client, running_grant, 1_000_000)
    client.force_login(officer)
    response = client.post(f"/grants/{running_grant.pk}/amendments/decide/", {"decision": "reject"})
    assert response.context["decision_form"].errors["comments"] == [
        "Tell the requester why the terms stay."
    ]
    client.post(
        f"/grants/{running_grant.pk}/amendments/decide/",
        {"decision": "reject", "comments": "Keep the licence money."},
    )
    assert Amendment.objects.get().state == "rejected"
    assert _lines(running_grant)["Laptop"].amount_rwf == 4_000_000
    assert not AgreementVersion.objects.exists()


def test_one_amendment_waits_at_a_time(client, applicant, running_grant):
    client.force_login(applicant)
    _ask_reallocation(client, running_grant, 1_000_000)
    response = _ask_reallocation(client, running_grant, 500_000)
    assert response.context["form"].non_field_errors() == [
        "An amendment of this grant is already waiting for the officer."
    ]
    assert Amendment.objects.count() == 1


def test_terms_not_yet_accepted_are_changed_directly_not_amended(client, applicant, grant):
    client.force_login(applicant)
    response = client.post(
        f"/grants/{grant.pk}/amendments/new/extension/",
        {"ends_on": "2027-03-31", "reason": "Later."},
    )
    assert response.context["form"].non_field_errors() == [
        "Only an accepted agreement of a grant that has not ended can be amended."
    ]
    page = client.get(f"/grants/{grant.pk}/amendments/").content.decode()
    assert "/amendments/new/" not in page


@pytest.mark.parametrize("persona", ["finance"])
def test_finance_reads_amendments_but_does_not_ask(client, request, persona, running_grant):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(f"/grants/{running_grant.pk}/amendments/").status_code == 200
    url = f"/grants/{running_grant.pk}/amendments/new/extension/"
    assert client.get(url).status_code == 403


def test_outsiders_get_404_on_amendments(client, outsider, running_grant):
    client.force_login(outsider)
    assert client.get(f"/grants/{running_grant.pk}/amendments/").status_code == 404
    url = f"/grants/{running_grant.pk}/amendments/new/extension/"
    assert client.get(url).status_code == 404
