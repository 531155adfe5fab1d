"""The demo step: what the walkthroughs rely on, and that it runs twice without change."""

import pytest

from skillbridge.calls.models import Proposal
from skillbridge.demo.experts import seed_experts
from skillbridge.demo.pairing import seed_pairing
from skillbridge.demo.people import demo_user, seed_accounts, seed_organisations
from skillbridge.demo.programmes import demo_programme, seed_programme
from skillbridge.pairing.models import MatchingRun, Need, Pairing
from skillbridge.pairing.selectors import team_mentors
from skillbridge.people.models import Organisation
from skillbridge.programmes.models import Sector
from tests.calls.factories import CallFactory, ProposalFactory

pytestmark = pytest.mark.django_db

SECTORS = ["ict", "energy", "electrical-engineering", "agriculture", "energy"] * 2


@pytest.fixture
def demo_winners():
    """The earlier demo steps, and ten selected proposals as the review step leaves them."""
    seed_organisations()
    seed_programme()
    seed_accounts()
    seed_experts()
    programme = demo_programme()
    call = CallFactory(programme=programme, sectors=list(programme.sectors.all()))
    colleges = list(Organisation.objects.filter(kind="college").order_by("short_name"))
    kigali = Organisation.objects.get(short_name="IPRC Kigali")
    ProposalFactory(
        call=call,
        college=kigali,
        lead=demo_user("applicant@example.org"),
        sector=Sector.objects.get(slug="ict"),
        title="Gate ticketing system",
        state=Proposal.State.SELECTED,
    )
    for i, slug in enumerate(SECTORS[1:]):
        ProposalFactory(
            call=call,
            college=colleges[i % len(colleges)],
            sector=Sector.objects.get(slug=slug),
            state=Proposal.State.SELECTED,
        )
    return programme


def _snapshot():
    return sorted(Pairing.objects.values_list("need", "expert", "state")), Need.objects.count()


def test_the_demo_gives_each_walkthrough_its_pairings(
    demo_winners, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        seed_pairing()
    first = demo_user("expert@example.org")
    second = demo_user("expert2@example.org")
    run = MatchingRun.objects.get()
    assert run.status == MatchingRun.Status.DONE
    assert run.confirmed_at is not None
    assert Need.objects.filter(proposal__isnull=False).count() == 10
    mine = Pairing.objects.filter(expert__user=first)
    accepted = mine.filter(state=Pairing.State.ACCEPTED)
    assert accepted.count() == 2
    assert accepted.filter(
        need__training_request__college__short_name="IPRC Kigali", need__modality="onsite"
    ).exists()
    assert accepted.filter(
        need__proposal__sector__slug__in=["energy", "electrical-engineering"],
        need__modality="remote",
    ).exists()
    assert mine.filter(state=Pairing.State.INVITED).count() == 1
    kigali = Pairing.objects.get(expert__user=second)
    assert kigali.state == Pairing.State.ACCEPTED
    assert kigali.need.proposal.title == "Gate ticketing system"
    assert list(team_mentors(demo_user("applicant@example.org"), demo_winners)) == [kigali]
    states = set(Pairing.objects.values_list("state", flat=True))
    assert {"accepted", "invited", "declined", "active", "proposed"} <= states
    open_needs = [
        n for n in Need.objects.all() if not n.pairings.exclude(state="cancelled").exists()
    ]
    assert len(open_needs) >= 3  # left for the officer's walkthrough

    before = _snapshot()
    seed_pairing()
    assert _snapshot() == before
    assert MatchingRun.objects.count() == 1
