"""The grant pages: who may open which, and what each step changes."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from skillbridge.common import formats
from skillbridge.common.exports import XLSX_TYPE
from skillbridge.grants.documents import agreement_document
from skillbridge.grants.models import Disbursement, Expense, Grant, Milestone
from skillbridge.grants.services import awards, milestones, payments
from tests.common.test_pages import assert_clean
from tests.factories import CollegeFactory, ProgrammeRoleFactory, UserFactory
from tests.grants.factories import award, selected_proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_team_lead(programme):
    lead = UserFactory(email="bosco@example.org")
    ProgrammeRoleFactory(user=lead, programme=programme, role="applicant")
    return lead


def get(client, user, url):
    client.force_login(user)
    return client.get(url)


# Who may open the grant page -------------------------------------------------


@pytest.mark.parametrize("persona", ["officer", "finance", "applicant"])
def test_staff_and_the_team_open_the_grant_page(client, request, persona, running_grant):
    response = get(client, request.getfixturevalue(persona), f"/grants/{running_grant.pk}/")
    assert_clean(response)
    page = response.content.decode()
    assert running_grant.proposal.title in page
    assert "RWF\u00a010,000,000" in page  # CLDR en: the currency before the amount, spaced


@pytest.mark.parametrize("persona", ["coordinator", "reviewer", "donor", "outsider"])
def test_others_get_404_on_the_grant_and_its_files(client, request, persona, running_grant):
    user = request.getfixturevalue(persona)
    for url in (
        f"/grants/{running_grant.pk}/",
        f"/grants/{running_grant.pk}/agreement.pdf",
        f"/grants/{running_grant.pk}/pay/",
        f"/grants/{running_grant.pk}/expenses/new/",
    ):
        assert get(client, user, url).status_code == 404, url


def test_another_teams_lead_gets_404(client, other_team_lead, running_grant):
    assert get(client, other_team_lead, f"/grants/{running_grant.pk}/").status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, running_grant):
    response = client.get(f"/grants/{running_grant.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


# Awarding --------------------------------------------------------------------


def test_the_officer_awards_a_grant_from_the_programme_page(client, officer, proposal, programme):
    page = get(client, officer, f"/grants/programme/{programme.slug}/")
    assert_clean(page)
    award_url = f"/grants/programme/{programme.slug}/award/{proposal.pk}/"
    assert award_url in page.content.decode()
    assert_clean(client.get(award_url))
    response = client.post(
        award_url,
        {
            "amount_rwf": "9000000",
            "amount_reason": "The laptops cost less.",
            "exchange_rate": "1520",
            "starts_on": "2026-02-01",
            "ends_on": "2027-01-31",
        },
    )
    grant = Grant.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/grants/{grant.pk}/"
    assert grant.amount_rwf == 9_000_000
    assert [t.amount_rwf for t in grant.tranches.order_by("number")] == [
        3_600_000,
        3_600_000,
        1_800_000,
    ]


def test_the_officer_is_told_when_the_budget_does_not_add_up_to_the_award(
    client, officer, applicant, proposal
):
    grant = award(proposal, officer, amount=9_000_000, amount_reason="The laptops cost less.")
    page = get(client, officer, f"/grants/{grant.pk}/").content.decode()
    assert "The budget adds up to 10,000,000 RWF, 1,000,000 RWF more than the award." in page
    awards.grant_set_budget(
        actor=officer,
        grant=grant,
        lines=[{"item": "Laptop", "category": "equipment", "amount_rwf": 8_000_000}],
    )
    page = get(client, officer, f"/grants/{grant.pk}/").content.decode()
    assert "The budget adds up to 8,000,000 RWF, 1,000,000 RWF less than the award." in page
    # The team does not manage the budget: the warning is the officer's.
    assert (
        "The budget adds up to"
        not in get(client, applicant, f"/grants/{grant.pk}/").content.decode()
    )
    awards.grant_set_budget(
        actor=officer,
        grant=grant,
        lines=[{"item": "Laptop", "category": "equipment", "amount_rwf": 9_000_000}],
    )
    assert (
        "The budget adds up to" not in get(client, officer, f"/grants/{grant.pk}/").content.decode()
    )


def test_the_officer_saves_the_budget_with_the_empty_extra_line_left_alone(client, officer, grant):
    """A browser sends the extra line's category select with its first option."""
    client.force_login(officer)
    url = f"/grants/{grant.pk}/budget/"
    assert_clean(client.get(url))
    response = client.post(
        url,
        {
            "line-TOTAL_FORMS": "3",
            "line-INITIAL_FORMS": "2",
            "line-MIN_NUM_FORMS": "0",
            "line-MAX_NUM_FORMS": "40",
            "line-0-item": "Laptop",
            "line-0-category": "equipment",
            "line-0-amount_rwf": "3500000",
            "line-1-item": "Business registration",
            "line-1-category": "licences",
            "line-1-amount_rwf": "6500000",
            "line-2-item": "",
            "line-2-category": "equipment",
            "line-2-amount_rwf": "",
        },
    )
    assert response.status_code == 302
    assert list(grant.budget_lines.order_by("position").values_list("item", "amount_rwf")) == [
        ("Laptop", 3_500_000),
        ("Business registration", 6_500_000),
    ]


def test_an_award_without_a_reason_shows_the_error_at_the_field(
    client, officer, proposal, programme
):
    client.force_login(officer)
    response = client.post(
        f"/grants/programme/{programme.slug}/award/{proposal.pk}/",
        {
            "amount_rwf": "9000000",
            "exchange_rate": "1520",
            "starts_on": "2026-02-01",
            "ends_on": "2027-01-31",
        },
    )
    assert response.status_code == 200
    assert "say why" in response.context["form"].errors["amount_reason"][0]
    assert not Grant.objects.exists()


@pytest.mark.parametrize("persona", ["finance", "applicant", "coordinator"])
def test_members_without_the_right_cannot_award(client, request, persona, proposal, programme):
    url = f"/grants/programme/{programme.slug}/award/{proposal.pk}/"
    assert get(client, request.getfixturevalue(persona), url).status_code == 403


def test_outsiders_get_404_on_the_programme_pages(client, outsider, proposal, programme):
    for url in (
        f"/grants/programme/{programme.slug}/",
        f"/grants/programme/{programme.slug}/finance/",
        f"/grants/programme/{programme.slug}/award/{proposal.pk}/",
    ):
        assert get(client, outsider, url).status_code == 404


def test_the_applicant_may_not_see_the_programmes_grants(client, applicant, programme):
    assert get(client, applicant, f"/grants/programme/{programme.slug}/").status_code == 403


# The agreement ------------------------------------------------------------------


def test_the_agreement_is_a_pdf_with_the_amounts_in_it(client, applicant, grant):
    response = get(client, applicant, f"/grants/{grant.pk}/agreement.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    text = " ".join(
        box.text
        for page in agreement_document(grant, language="en").pages
        for box in page._page_box.descendants()
        if hasattr(box, "text")
    )
    for amount in ("10,000,000", "4,000,000", "2,000,000"):
        assert amount in text
    assert grant.proposal.title in text
    assert "Working prototype demonstrated" in text


def test_the_lead_accepts_the_agreement_online(client, applicant, grant):
    client.force_login(applicant)
    response = client.post(f"/grants/{grant.pk}/accept/", {"confirm": "on"})
    assert response.status_code == 302
    grant.refresh_from_db()
    assert grant.state == Grant.State.AGREEMENT_ACCEPTED


def test_the_officer_cannot_accept_for_the_team(client, officer, grant):
    client.force_login(officer)
    assert client.post(f"/grants/{grant.pk}/accept/", {"confirm": "on"}).status_code == 403
    grant.refresh_from_db()
    assert grant.state == Grant.State.AWARDED


# Milestones and payments -------------------------------------------------------


def test_a_milestone_goes_from_evidence_to_approval_to_payment(
    client, applicant, officer, finance, running_grant
):
    milestone = running_grant.tranches.get(number=2).milestone
    client.force_login(applicant)
    assert_clean(client.get(f"/grants/milestones/{milestone.pk}/evidence/"))
    client.post(
        f"/grants/milestones/{milestone.pk}/evidence/",
        {
            "text": "RDB certificate attached.",
            "file": SimpleUploadedFile("licence.pdf", b"%PDF-1.4 licence"),
        },
    )
    milestone.refresh_from_db()
    assert milestone.state == Milestone.State.SUBMITTED
    assert client.get(f"/grants/milestones/{milestone.pk}/file/").status_code == 200

    client.force_login(finance)
    assert client.get(f"/grants/milestones/{milestone.pk}/review/").status_code == 403
    client.force_login(officer)
    client.post(f"/grants/milestones/{milestone.pk}/review/", {"decision": "approve"})
    milestone.refresh_from_db()
    assert milestone.state == Milestone.State.APPROVED

    client.force_login(finance)
    assert_clean(client.get(f"/grants/{running_grant.pk}/pay/"))
    response = client.post(
        f"/grants/{running_grant.pk}/pay/",
        {
            "tranche": milestone.tranche_id,
            "amount": "4000000",
            "paid_on": "2026-03-01",
            "method": "bank_transfer",
            "reference": "BK-2026-0042",
        },
    )
    assert response.status_code == 302
    assert Disbursement.objects.get().amount_rwf == 4_000_000


def test_a_returned_milestone_mails_the_team_its_comments(
    client, applicant, officer, running_grant, mailoutbox, django_capture_on_commit_callbacks
):
    milestone = running_grant.tranches.get(number=2).milestone
    milestones.milestone_submit_evidence(actor=applicant, milestone=milestone, text="Photos")
    client.force_login(officer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/grants/milestones/{milestone.pk}/review/",
            {"decision": "return", "comments": "The licence is missing."},
        )
    milestone.refresh_from_db()
    assert milestone.state == Milestone.State.RETURNED
    assert [m.to for m in mailoutbox] == [[applicant.email]]
    assert "The licence is missing." in mailoutbox[0].body


def test_an_overpayment_shows_the_error_at_the_amount(client, finance, running_grant):
    client.force_login(finance)
    response = client.post(
        f"/grants/{running_grant.pk}/pay/",
        {
            "tranche": running_grant.tranches.get(number=1).pk,
            "amount": "4000001",
            "paid_on": "2026-01-10",
            "method": "bank_transfer",
            "reference": "BK-1",
        },
    )
    assert response.status_code == 200
    assert "4,000,000 RWF remain" in response.context["form"].errors["amount"][0]
    assert not Disbursement.objects.exists()


@pytest.mark.parametrize("persona", ["officer", "applicant"])
def test_only_the_finance_officer_pays(client, request, persona, running_grant):
    url = f"/grants/{running_grant.pk}/pay/"
    assert get(client, request.getfixturevalue(persona), url).status_code == 403


def test_a_payment_mails_the_team(
    client, finance, applicant, running_grant, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(finance)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/grants/{running_grant.pk}/pay/",
            {
                "tranche": running_grant.tranches.get(number=1).pk,
                "amount": "4000000",
                "paid_on": "2026-01-10",
                "method": "mobile_money",
                "reference": "MOMO-9",
            },
        )
    assert [m.to for m in mailoutbox] == [[applicant.email]]
    assert "4,000,000 RWF" in mailoutbox[0].body


def test_the_finance_officer_reverses_a_payment(client, finance, running_grant):
    entry, _ = payments.disbursement_record(
        actor=finance,
        grant=running_grant,
        tranche_id=running_grant.tranches.get(number=1).pk,
        amount_rwf=4_000_000,
        paid_on=datetime.date(2026, 1, 10),
        method="bank_transfer",
        reference="BK-1",
    )
    client.force_login(finance)
    assert_clean(client.get(f"/grants/disbursements/{entry.pk}/reverse/"))
    client.post(f"/grants/disbursements/{entry.pk}/reverse/", {"reason": "Wrong account"})
    assert Disbursement.objects.filter(kind="reversal", amount_rwf=-4_000_000).count() == 1


# Spending ----------------------------------------------------------------------


def test_the_team_reports_an_expense_and_staff_read_the_receipt(
    client, applicant, finance, coordinator, running_grant
):
    client.force_login(applicant)
    assert_clean(client.get(f"/grants/{running_grant.pk}/expenses/new/"))
    response = client.post(
        f"/grants/{running_grant.pk}/expenses/new/",
        {
            "budget_line": running_grant.budget_lines.get(item="Laptop").pk,
            "spent_on": "2026-02-01",
            "description": "Two laptops",
            "amount_rwf": "4500000",
            "receipt": SimpleUploadedFile("receipt.png", b"\x89PNG\r\n\x1a\nimage"),
        },
    )
    assert response.status_code == 302
    expense = Expense.objects.get()
    page = get(client, finance, f"/grants/{running_grant.pk}/").content.decode()
    assert "overspent" in page
    assert get(client, finance, f"/grants/expenses/{expense.pk}/receipt/").status_code == 200
    assert get(client, coordinator, f"/grants/expenses/{expense.pk}/receipt/").status_code == 404


def test_a_financial_report_is_generated_and_exported(client, applicant, officer, running_grant):
    client.force_login(applicant)
    assert_clean(client.get(f"/grants/{running_grant.pk}/reports/new/"))
    response = client.post(f"/grants/{running_grant.pk}/reports/new/", {"kind": "interim"})
    report = running_grant.reports.get()
    assert response["Location"] == f"/grants/reports/{report.pk}/"
    assert_clean(client.get(f"/grants/reports/{report.pk}/"))
    export = client.get(f"/grants/reports/{report.pk}/?format=xlsx")
    assert export["Content-Type"] == XLSX_TYPE
    assert (
        client.post(f"/grants/reports/{report.pk}/review/", {"decision": "approve"}).status_code
        == 403
    )
    client.force_login(officer)
    client.post(f"/grants/reports/{report.pk}/review/", {"decision": "approve"})
    report.refresh_from_db()
    assert report.state == "approved"


# Finance dashboard ---------------------------------------------------------------


def test_the_finance_dashboard_lists_payable_tranches_and_exports_them(
    client, finance, running_grant, programme
):
    response = get(client, finance, f"/grants/programme/{programme.slug}/finance/")
    assert_clean(response)
    assert [t.number for t in response.context["payable"]] == [1]
    export = client.get(f"/grants/programme/{programme.slug}/finance/?format=xlsx")
    assert export["Content-Type"] == XLSX_TYPE
    assert export.content.startswith(b"PK")


def test_the_finance_dashboard_marks_upcoming_payments_planned_in_the_past_as_late(
    client, finance, running_grant, programme
):
    tranche_2 = running_grant.tranches.get(number=2)
    today = timezone.localdate()
    tranche_2.planned_on = today - datetime.timedelta(days=3)
    tranche_2.save(update_fields=["planned_on"])
    tranche_3 = running_grant.tranches.get(number=3)
    tranche_3.planned_on = today + datetime.timedelta(days=30)
    tranche_3.save(update_fields=["planned_on"])
    response = get(client, finance, f"/grants/programme/{programme.slug}/finance/")
    assert [t.number for t in response.context["upcoming"]] == [2, 3]
    page = response.content.decode()
    late = '<span class="badge returned">late</span>'
    assert page.count(late) == 1
    assert page.index(formats.date(tranche_2.planned_on, "short")) < page.index(late)
    assert page.index(late) < page.index(formats.date(tranche_3.planned_on, "short"))


def test_the_finance_dashboard_and_grant_list_make_a_fixed_number_of_queries(
    client, finance, officer, applicant, running_grant, programme, django_assert_num_queries
):
    client.force_login(finance)
    urls = [f"/grants/programme/{programme.slug}/finance/", f"/grants/programme/{programme.slug}/"]
    counts = []
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        counts.append(len(captured))
    for _index in range(4):
        lead = UserFactory()
        grant = award(
            selected_proposal(programme=programme, college=CollegeFactory(), lead=lead), officer
        )
        awards.grant_accept_agreement(actor=lead, grant=grant)
    for url, before in zip(urls, counts, strict=True):
        with django_assert_num_queries(before):
            client.get(url)
