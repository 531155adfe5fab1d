import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st

from skillbridge.calls.models import Proposal
from skillbridge.common.models import AuditEntry
from skillbridge.grants.models import FinancialReport, Grant, Tranche
from skillbridge.grants.selectors import budget_vs_actual, envelope_of
from skillbridge.grants.services import awards, payments, spending
from skillbridge.grants.services.awards import TranchePlan, split_amount
from tests.calls.factories import ProposalFactory
from tests.grants.factories import award, selected_proposal

pytestmark = pytest.mark.django_db


@given(
    total=st.integers(min_value=1, max_value=10**12),
    shares=st.lists(st.integers(min_value=1, max_value=60), min_size=1, max_size=6),
)
def test_a_split_always_adds_up_exactly_to_the_award(total, shares):
    shares = [Decimal(s) for s in shares]
    amounts = split_amount(total, shares)
    assert sum(amounts) == total
    assert len(amounts) == len(shares)


def test_the_rounding_remainder_goes_on_the_last_tranche():
    assert split_amount(10_000_001, [Decimal(40), Decimal(40), Decimal(20)]) == [
        4_000_000,
        4_000_000,
        2_000_001,
    ]


def test_an_award_carries_over_the_budget_and_schedules_40_40_20(grant):
    assert grant.state == Grant.State.AWARDED
    assert [(line.item, line.amount_rwf) for line in grant.budget_lines.all()] == [
        ("Laptop", 4_000_000),
        ("Business registration", 6_000_000),
    ]
    tranches = list(grant.tranches.order_by("number"))
    assert [t.amount_rwf for t in tranches] == [4_000_000, 4_000_000, 2_000_000]
    assert not hasattr(tranches[0], "milestone") or tranches[0].milestone is None
    assert all(t.milestone.due_on for t in tranches[1:])
    assert all(t.payable_since is None for t in tranches)
    entry = AuditEntry.objects.get(action="grant.awarded")
    assert entry.after == "awarded"
    assert entry.data["amount_rwf"] == 10_000_000


def test_an_award_that_differs_from_the_request_needs_a_reason(proposal, officer):
    with pytest.raises(ValidationError) as error:
        award(proposal, officer, amount=9_000_000)
    assert "amount_reason" in error.value.message_dict
    assert not Grant.objects.exists()
    grant = award(proposal, officer, amount=9_000_001, amount_reason="Laptop price fell.")
    assert sum(t.amount_rwf for t in grant.tranches.all()) == 9_000_001


def test_only_a_selected_proposal_gets_a_grant(programme, college, applicant, officer):
    proposal = selected_proposal(programme=programme, college=college, lead=applicant)
    Proposal.objects.filter(pk=proposal.pk).update(state=Proposal.State.RESERVE)
    with pytest.raises(ValidationError, match="Only a selected proposal"):
        award(proposal, officer)
    assert not Grant.objects.exists()


def test_a_proposal_is_funded_once(grant, proposal, officer):
    with pytest.raises(ValidationError, match="already has a grant"):
        award(proposal, officer)
    assert Grant.objects.count() == 1


def test_an_award_beyond_the_free_envelope_is_refused(programme, college, applicant, officer):
    programme.envelope_eur = Decimal("10000.00")
    programme.save()
    first = selected_proposal(programme=programme, college=college, lead=applicant)
    award(first, officer, amount=7_500_000, amount_reason="Cut", exchange_rate=Decimal(1500))
    second = ProposalFactory(
        call=first.call, college=college, state="selected", requested_amount_rwf=8_000_000
    )
    with pytest.raises(ValidationError, match="more than the envelope has free"):
        award(second, officer, exchange_rate=Decimal(1500))
    envelope = envelope_of(programme)
    assert envelope.committed_eur == Decimal("5000.00")
    assert envelope.free_eur == Decimal("5000.00")
    assert envelope.disbursed_eur == Decimal("0.00")


def test_a_schedule_that_does_not_add_up_to_100_is_refused(grant, officer):
    plans = [
        TranchePlan(share=Decimal(50)),
        TranchePlan(
            share=Decimal(40),
            deliverable="x",
            due_on=datetime.date(2026, 6, 1),
            evidence_expected="y",
        ),
    ]
    with pytest.raises(ValidationError, match="must add up to the whole award"):
        awards.grant_set_schedule(actor=officer, grant=grant, schedule=plans)
    assert grant.tranches.count() == 3


def test_a_tranche_after_the_first_needs_a_milestone(grant, officer):
    plans = [TranchePlan(share=Decimal(50)), TranchePlan(share=Decimal(50))]
    with pytest.raises(ValidationError, match="needs a milestone"):
        awards.grant_set_schedule(actor=officer, grant=grant, schedule=plans)


def test_only_the_lead_accepts_the_agreement(grant, officer, applicant):
    with pytest.raises(ValidationError, match="Only the team lead"):
        awards.grant_accept_agreement(actor=officer, grant=grant)
    awards.grant_accept_agreement(actor=applicant, grant=grant)
    grant.refresh_from_db()
    assert grant.state == Grant.State.AGREEMENT_ACCEPTED
    assert grant.agreement_accepted_by == applicant
    assert Tranche.objects.get(grant=grant, number=1).payable_since is not None
    assert Tranche.objects.filter(grant=grant, payable_since__isnull=True).count() == 2


def test_accepting_the_agreement_tells_the_finance_officer(
    grant, applicant, finance, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        awards.grant_accept_agreement(actor=applicant, grant=grant)
    assert [m.to for m in mailoutbox] == [[finance.email]]
    assert "Tranche 1" in mailoutbox[0].subject


def test_suspend_needs_a_reason_and_resume_returns_to_where_it_was(running_grant, officer):
    with pytest.raises(ValidationError, match="reason"):
        awards.grant_suspend(actor=officer, grant=running_grant, reason=" ")
    awards.grant_suspend(actor=officer, grant=running_grant, reason="Audit of receipts")
    running_grant.refresh_from_db()
    assert running_grant.state == Grant.State.SUSPENDED
    awards.grant_resume(actor=officer, grant=running_grant)
    running_grant.refresh_from_db()
    assert running_grant.state == Grant.State.AGREEMENT_ACCEPTED
    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions[-2:] == ["grant.suspended", "grant.agreement_accepted"]


def test_a_grant_closes_only_after_its_final_report_is_approved(
    running_grant, officer, applicant, finance
):
    payments.disbursement_record(
        actor=finance,
        grant=running_grant,
        tranche_id=running_grant.tranches.get(number=1).pk,
        amount_rwf=4_000_000,
        paid_on=datetime.date(2026, 1, 10),
        method="bank_transfer",
        reference="BK-1",
    )
    with pytest.raises(ValidationError, match="final financial report is approved"):
        awards.grant_close(actor=officer, grant=running_grant)
    report = spending.report_submit(actor=applicant, grant=running_grant, kind="final")
    with pytest.raises(ValidationError, match="final financial report is approved"):
        awards.grant_close(actor=officer, grant=running_grant)
    spending.report_approve(actor=officer, report=report)
    awards.grant_close(actor=officer, grant=running_grant)
    running_grant.refresh_from_db()
    assert running_grant.state == Grant.State.CLOSED
    assert FinancialReport.objects.get().figures["received_rwf"] == 4_000_000


def test_terminating_releases_the_unpaid_part_of_the_envelope(running_grant, officer, programme):
    assert envelope_of(programme).committed_eur == Decimal("6666.67")
    awards.grant_terminate(actor=officer, grant=running_grant, reason="Team dissolved")
    assert envelope_of(programme).committed_eur == Decimal("0.00")


def test_spending_is_compared_with_the_budget_per_line(running_grant, applicant):
    laptop = running_grant.budget_lines.get(item="Laptop")
    spending.expense_report(
        actor=applicant,
        grant=running_grant,
        budget_line_id=laptop.pk,
        spent_on=datetime.date(2026, 2, 1),
        description="Two laptops",
        amount_rwf=4_300_000,
        receipt=SimpleUploadedFile("receipt.pdf", b"%PDF-1.4 receipt"),
    )
    rows = {row["line"].item: row for row in budget_vs_actual(running_grant)}
    assert rows["Laptop"]["spent_rwf"] == 4_300_000
    assert rows["Laptop"]["overspent"] is True
    assert rows["Business registration"]["spent_rwf"] == 0
    assert rows["Business registration"]["overspent"] is False


def test_a_receipt_of_the_wrong_type_is_refused_and_nothing_is_written(running_grant, applicant):
    with pytest.raises(ValidationError) as error:
        spending.expense_report(
            actor=applicant,
            grant=running_grant,
            budget_line_id=running_grant.budget_lines.first().pk,
            spent_on=datetime.date(2026, 2, 1),
            description="Cable",
            amount_rwf=10_000,
            receipt=SimpleUploadedFile("receipt.exe", b"MZ"),
        )
    assert "receipt" in error.value.message_dict
    assert not running_grant.expenses.exists()
