import pytest
from django.db.models import Sum

from skillbridge.calls.models import Proposal
from skillbridge.common.models import AuditEntry
from skillbridge.demo.grants import seed_grants
from skillbridge.demo.people import demo_user, seed_accounts, seed_organisations
from skillbridge.demo.programmes import demo_programme, seed_programme
from skillbridge.grants.models import Disbursement, Expense, Grant, Milestone
from skillbridge.people.models import Organisation
from tests.calls.factories import BudgetLineFactory, CallFactory, ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_selection():
    """The demo programme with ten selected proposals, as the review step leaves it."""
    seed_organisations()
    seed_programme()
    seed_accounts()
    call = CallFactory(programme=demo_programme(), max_grant_rwf=20_000_000)
    kigali = Organisation.objects.get(short_name="IPRC Kigali")
    ProposalFactory(
        call=call,
        college=kigali,
        lead=demo_user("applicant@example.org"),
        title="Ticketing system for IPRC Kigali",
        state="selected",
        requested_amount_rwf=12_000_000,
    )
    for _index in range(9):
        ProposalFactory(call=call, college=kigali, state="selected")


def test_the_demo_gives_every_selected_proposal_a_grant_at_a_believable_stage(demo_selection):
    seed_grants()
    assert Grant.objects.count() == 10
    mine = Grant.objects.get(proposal__lead__email="applicant@example.org")
    assert mine.state == Grant.State.ACTIVE
    assert mine.paid_rwf == mine.tranches.get(number=1).amount_rwf
    waiting = mine.tranches.get(number=2).milestone
    assert waiting.state == Milestone.State.SUBMITTED
    assert waiting.evidence_name == "rdb-registration-certificate.pdf"  # the text says attached
    assert waiting.evidence_file.read().startswith(b"%PDF")
    assert mine.expenses.exists()
    returned = Milestone.objects.get(state=Milestone.State.RETURNED)
    assert "business licence is missing" in returned.review_comments
    states = set(Grant.objects.values_list("state", flat=True))
    assert states == {"awarded", "agreement_accepted", "active", "closed", "suspended"}
    assert Disbursement.objects.filter(kind="reversal").count() == 1
    for grant in Grant.objects.all():
        # The agreement's budget adds up to the award, even where the award was cut.
        assert sum(line.amount_rwf for line in grant.budget_lines.all()) == grant.amount_rwf
        ledger = grant.disbursements.aggregate(total=Sum("amount_rwf"))["total"] or 0
        assert ledger == grant.paid_rwf <= grant.amount_rwf


def test_a_cut_award_gets_a_budget_scaled_to_it(demo_selection):
    proposal = ProposalFactory(
        call=Proposal.objects.filter(state="selected").first().call,
        college=Organisation.objects.get(short_name="IPRC Kigali"),
        state="selected",
        requested_amount_rwf=25_000_000,
    )
    BudgetLineFactory(proposal=proposal, item="Dryer", quantity=1, unit_cost_rwf=15_000_000)
    BudgetLineFactory(proposal=proposal, item="Training", quantity=1, unit_cost_rwf=10_000_000)
    seed_grants()
    grant = Grant.objects.get(proposal=proposal)
    assert grant.amount_rwf == 20_000_000  # the call's ceiling
    assert list(grant.budget_lines.order_by("position").values_list("item", "amount_rwf")) == [
        ("Dryer", 12_000_000),
        ("Training", 8_000_000),
    ]


def test_seeding_twice_changes_nothing(demo_selection):
    seed_grants()
    counts = (
        Grant.objects.count(),
        Disbursement.objects.count(),
        Expense.objects.count(),
        AuditEntry.objects.count(),
    )
    seed_grants()
    assert (
        Grant.objects.count(),
        Disbursement.objects.count(),
        Expense.objects.count(),
        AuditEntry.objects.count(),
    ) == counts
