"""The demo review: complete, believable, and unchanged by a second run."""

import pytest

from skillbridge.calls.models import Proposal
from skillbridge.common.models import AuditEntry, OutboxMessage
from skillbridge.demo.people import demo_user, seed_accounts, seed_organisations
from skillbridge.demo.programmes import demo_programme, seed_programme
from skillbridge.demo.review import seed_review
from skillbridge.people.models import Organisation
from skillbridge.programmes.models import Sector
from skillbridge.review.models import Review
from tests.calls.factories import CallFactory, ProposalFactory, RubricCriterionFactory


@pytest.fixture
def demo_call(db):
    seed_organisations()
    seed_programme()
    seed_accounts()
    programme = demo_programme()
    sectors = list(Sector.objects.filter(programmes=programme))
    call = CallFactory(programme=programme, title="Innovation Call 2027", sectors=sectors)
    for position, name in enumerate(["Innovation", "Feasibility", "Impact", "Team"]):
        RubricCriterionFactory(call=call, name=name, position=position)
    colleges = list(Organisation.objects.filter(kind="college").order_by("short_name"))
    ProposalFactory(
        call=call,
        college=Organisation.objects.get(short_name="IPRC Kigali"),
        lead=demo_user("applicant@example.org"),
        title="Smart ticketing system for Kigali bus lines",
        state="eligible",
        sector=sectors[1],
    )
    for i in range(25):
        ProposalFactory(
            call=call,
            college=colleges[i % len(colleges)],
            sector=sectors[i % len(sectors)],
            title=f"Demo proposal {i}",
            state="eligible",
        )
    return call


def test_the_demo_runs_a_complete_review_once(demo_call):
    seed_review()
    states = list(Proposal.objects.filter(call=demo_call).values_list("state", flat=True))
    assert states.count("selected") == 10
    assert states.count("reserve") == 3
    assert states.count("not_selected") == 13
    featured = Proposal.objects.get(title__startswith="Smart ticketing")
    assert featured.state == "selected"
    reviewer2 = demo_user("reviewer2@example.org")
    assert Review.objects.filter(reviewer=reviewer2, status="conflict").count() == 1
    reviewer1 = demo_user("reviewer1@example.org")
    assert Review.objects.filter(reviewer=reviewer1, declaration="pending").count() == 2
    assert Review.objects.filter(submitted_at__isnull=False).count() >= 60
    for email in ["reviewer1@example.org", "reviewer3@example.org"]:
        assert Review.objects.filter(reviewer__email=email, submitted_at__isnull=False).exists()
    counts = (Review.objects.count(), AuditEntry.objects.count(), OutboxMessage.objects.count())
    seed_review()
    assert counts == (
        Review.objects.count(),
        AuditEntry.objects.count(),
        OutboxMessage.objects.count(),
    )
