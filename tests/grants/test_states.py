"""When a grant, a milestone and a financial report may move: one table each, one audit
vocabulary, and pages that offer a step only when the state allows it."""

import pytest
from django.core.exceptions import ValidationError

from skillbridge.common.models import AuditEntry
from skillbridge.grants.models import Grant
from skillbridge.grants.services import awards, milestones, payments, spending
from skillbridge.grants.states import GRANT, MILESTONE
from tests.grants.factories import pay

pytestmark = pytest.mark.django_db


def page(client, user, grant):
    client.force_login(user)
    return client.get(f"/grants/{grant.pk}/").content.decode()


def pay_first_tranche(grant, finance):
    entry, _created = pay(grant, finance, 1, 4_000_000, "BK-1")
    return entry


def test_every_move_is_audited_as_the_state_it_reached(running_grant, applicant, officer, finance):
    pay_first_tranche(running_grant, finance)
    milestone = running_grant.tranches.get(number=2).milestone
    milestones.milestone_submit_evidence(actor=applicant, milestone=milestone, text="Licence")
    milestones.milestone_return(actor=officer, milestone=milestone, comments="Not signed.")
    awards.grant_suspend(actor=officer, grant=running_grant, reason="Receipts missing")
    awards.grant_resume(actor=officer, grant=running_grant)
    moves = [
        (e.action, e.before, e.after, e.data.get("transition"))
        for e in AuditEntry.objects.exclude(data__transition=None).order_by("id")
    ]
    assert moves == [
        ("grant.agreement_accepted", "awarded", "agreement_accepted", "accept_agreement"),
        ("grant.active", "agreement_accepted", "active", "activate"),
        ("milestone.submitted", "pending", "submitted", "submit"),
        ("milestone.returned", "submitted", "returned", "return"),
        ("grant.suspended", "active", "suspended", "suspend"),
        ("grant.active", "suspended", "active", "resume"),
    ]


def test_a_move_the_state_does_not_allow_is_refused_and_nothing_is_written(grant, officer):
    with pytest.raises(ValidationError, match="Only a running grant can be suspended"):
        awards.grant_suspend(actor=officer, grant=grant, reason="Too early")
    grant.refresh_from_db()
    assert (grant.state, grant.state_reason) == (Grant.State.AWARDED, "")
    milestone = grant.tranches.get(number=2).milestone
    with pytest.raises(ValidationError, match="Only submitted evidence can be approved"):
        milestones.milestone_approve(actor=officer, milestone=milestone)
    assert not AuditEntry.objects.filter(action__startswith="milestone.").exists()


def test_the_tables_say_which_steps_each_state_allows():
    awarded, suspended = Grant(state="awarded"), Grant(state="suspended")
    assert [a for a in GRANT.transitions if GRANT.can(awarded, a)] == [
        "accept_agreement",
        "terminate",
    ]
    assert [a for a in GRANT.transitions if GRANT.can(suspended, a)] == [
        "resume",
        "resume_unpaid",
        "terminate",
    ]
    assert MILESTONE["submit"].sources == {"pending", "returned"}


def test_the_timeline_names_every_step(client, running_grant, applicant, officer, finance):
    pay_first_tranche(running_grant, finance)
    milestone = running_grant.tranches.get(number=2).milestone
    milestones.milestone_submit_evidence(actor=applicant, milestone=milestone, text="Licence")
    milestones.milestone_approve(actor=officer, milestone=milestone)
    report = spending.report_submit(actor=applicant, grant=running_grant, kind="interim")
    spending.report_return(actor=officer, report=report, comments="Add the receipts.")
    awards.grant_suspend(actor=officer, grant=running_grant, reason="Receipts missing")
    awards.grant_resume(actor=officer, grant=running_grant)
    timeline = page(client, officer, running_grant).split('id="timeline-title"')[1]
    for label in (
        "Grant awarded",
        "Agreement accepted by the team lead",
        "Tranche became payable",
        "Payment recorded",
        "Grant active",
        "Milestone evidence submitted",
        "Milestone approved",
        "Financial report submitted",
        "Financial report returned",
        "Grant suspended",
        "Grant resumed",
    ):
        assert label in timeline, label


# The page offers a step only when its state allows it -------------------------------


def test_an_awarded_grant_offers_its_terms_and_termination_only(client, grant, officer):
    html = page(client, officer, grant)
    assert "Change the schedule" in html
    assert "Adjust the budget" in html
    assert "Terminate" in html
    for absent in (">Suspend<", ">Resume<", ">Close<"):
        assert absent not in html


def test_a_running_grant_may_be_suspended_and_a_suspended_one_resumed(
    client, running_grant, officer
):
    html = page(client, officer, running_grant)
    assert ">Suspend<" in html
    assert ">Resume<" not in html
    assert "Change the schedule" not in html
    awards.grant_suspend(actor=officer, grant=running_grant, reason="Receipts missing")
    html = page(client, officer, running_grant)
    assert ">Resume<" in html
    assert ">Suspend<" not in html


def test_an_ended_grant_offers_no_state_change(client, running_grant, officer):
    awards.grant_terminate(actor=officer, grant=running_grant, reason="Team dissolved")
    html = page(client, officer, running_grant)
    assert "Suspend, resume, terminate or close" not in html


def test_the_lead_is_offered_the_agreement_until_accepting_it(client, grant, applicant):
    assert "Accept the agreement" in page(client, applicant, grant)
    awards.grant_accept_agreement(actor=applicant, grant=grant)
    assert "Accept the agreement" not in page(client, applicant, grant)


def test_evidence_is_asked_for_while_the_grant_runs_and_the_milestone_waits(
    client, grant, applicant, officer
):
    assert "Submit the evidence" not in page(client, applicant, grant)
    awards.grant_accept_agreement(actor=applicant, grant=grant)
    assert page(client, applicant, grant).count("Submit the evidence") == 2
    assert "Review the evidence" not in page(client, officer, grant)
    milestone = grant.tranches.get(number=2).milestone
    milestones.milestone_submit_evidence(actor=applicant, milestone=milestone, text="Licence")
    assert page(client, applicant, grant).count("Submit the evidence") == 1
    assert page(client, officer, grant).count("Review the evidence") == 1
    assert "Review the evidence" not in page(client, applicant, grant)


def test_a_payment_is_offered_for_reversal_once(client, running_grant, finance):
    entry = pay_first_tranche(running_grant, finance)
    assert page(client, finance, running_grant).count(f"/disbursements/{entry.pk}/reverse/") == 1
    payments.disbursement_reverse(actor=finance, entry=entry, reason="Wrong account")
    assert "/reverse/" not in page(client, finance, running_grant)


def test_spending_is_reported_only_while_the_grant_runs(client, grant, applicant, officer):
    assert "Report an expense" not in page(client, applicant, grant)
    awards.grant_accept_agreement(actor=applicant, grant=grant)
    assert "Report an expense" in page(client, applicant, grant)
    awards.grant_terminate(actor=officer, grant=grant, reason="Team dissolved")
    assert "Report an expense" not in page(client, applicant, grant)


def test_a_report_offers_the_officers_decision_once(client, running_grant, applicant, officer):
    report = spending.report_submit(actor=applicant, grant=running_grant, kind="interim")
    client.force_login(officer)
    assert "Record the decision" in client.get(f"/grants/reports/{report.pk}/").content.decode()
    spending.report_approve(actor=officer, report=report)
    assert "Record the decision" not in client.get(f"/grants/reports/{report.pk}/").content.decode()
