"""Assignment: through the engine, within limits, never across a conflict, locks kept."""

import itertools

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillbridge.calls.models import Proposal
from skillbridge.common.models import AuditEntry
from skillbridge.review import services
from skillbridge.review.models import Review
from skillbridge.review.selectors import automatic_conflicts, pool_of
from tests.calls.factories import ProposalFactory, TeamMemberFactory
from tests.factories import CollegeFactory, OrganisationFactory
from tests.review.conftest import make_reviewer


def active_pairs(call):
    return set(
        Review.objects.filter(proposal__call=call, status="active").values_list(
            "proposal__title", "reviewer__email"
        )
    )


def test_every_eligible_proposal_gets_the_calls_number_of_reviewers(
    call, officer, panel, eligible, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        summary = services.assignment_run(actor=officer, call=call)
    assert summary.created == 6
    assert summary.unfilled == {}
    for proposal in eligible:
        proposal.refresh_from_db()
        assert proposal.state == Proposal.State.UNDER_REVIEW
        assert proposal.reviews.filter(status="active").count() == 2
    # Loads are balanced: 6 reviews over 3 reviewers is 2 each.
    assert sorted(m.load for m in pool_of(call)) == [2, 2, 2]
    assert AuditEntry.objects.filter(action="review.active").count() == 6
    assert sorted(m.to[0] for m in mail.outbox) == [
        "ivo@example.org",
        "mina@example.org",
        "rita@example.org",
    ]
    assert "2 new proposals to review" in mail.outbox[0].subject


def test_a_reviewer_from_the_proposals_college_is_never_assigned(call, officer, panel, eligible):
    huye = eligible[0].college
    insider = make_reviewer(call.programme, "huye@example.org", huye)
    services.pool_member_save(actor=officer, call=call, reviewer=insider, load_limit=10)
    services.assignment_run(actor=officer, call=call)
    assigned = {t for t, e in active_pairs(call) if e == "huye@example.org"}
    assert assigned <= {"Drip kit"}
    assert ("Solar dryer", "huye@example.org") not in active_pairs(call)
    assert len([t for t, _ in active_pairs(call) if t == "Solar dryer"]) == 2


def test_a_team_member_is_never_assigned_their_own_proposal(call, officer, panel, eligible):
    TeamMemberFactory(proposal=eligible[1], user=None, email="MINA@example.org")
    services.assignment_run(actor=officer, call=call)
    assert ("Drip kit", "mina@example.org") not in active_pairs(call)


def test_the_officer_cannot_assign_a_conflicting_pair_by_hand(call, officer, panel, eligible):
    TeamMemberFactory(proposal=eligible[0], user=panel[0], email=panel[0].email)
    with pytest.raises(ValidationError) as caught:
        services.assignment_add(actor=officer, proposal=eligible[0], reviewer=panel[0])
    assert "conflict of interest" in caught.value.message_dict["reviewer"][0]
    assert not Review.objects.exists()


def test_hand_made_pairs_are_locked_and_survive_a_rerun(call, officer, panel, eligible):
    rita, drip = panel[0], eligible[1]
    made = services.assignment_add(actor=officer, proposal=drip, reviewer=rita)
    services.assignment_run(actor=officer, call=call)
    services.assignment_run(actor=officer, call=call)
    made.refresh_from_db()
    assert made.is_locked
    assert made.status == Review.Status.ACTIVE
    assert made.source == Review.Source.OFFICER
    assert drip.reviews.filter(status="active").count() == 2


def test_an_officer_removal_becomes_forbidden_for_later_runs(call, officer, panel, eligible):
    services.assignment_run(actor=officer, call=call)
    removed = Review.objects.filter(proposal=eligible[0], status="active").first()
    services.assignment_remove(actor=officer, review=removed)
    services.assignment_run(actor=officer, call=call)
    removed.refresh_from_db()
    assert removed.status == Review.Status.REMOVED
    assert eligible[0].reviews.filter(status="active").count() == 2
    assert (eligible[0].title, removed.reviewer.email) not in active_pairs(call)


def test_a_declared_conflict_unassigns_at_once_and_finds_a_replacement(
    call, officer, panel, eligible, django_capture_on_commit_callbacks
):
    extra = make_reviewer(call.programme, "extra@example.org", OrganisationFactory(short_name="X"))
    services.pool_member_save(actor=officer, call=call, reviewer=extra, load_limit=5)
    services.assignment_run(actor=officer, call=call)
    review = Review.objects.filter(proposal=eligible[0], status="active").first()
    before = active_pairs(call) - {(eligible[0].title, review.reviewer.email)}
    with django_capture_on_commit_callbacks(execute=True):
        summary = services.conflict_declare(
            reviewer=review.reviewer, review=review, conflict_kind="relative"
        )
    review.refresh_from_db()
    assert review.status == Review.Status.CONFLICT
    assert review.conflict_kind == "relative"
    assert summary.created == 1
    after = active_pairs(call)
    assert before <= after  # everything else kept
    assert eligible[0].reviews.filter(status="active").count() == 2
    assert (eligible[0].title, review.reviewer.email) not in after
    assert AuditEntry.objects.filter(action="declaration.conflict").count() == 1


def test_other_conflict_needs_a_word_of_explanation(call, officer, panel, eligible):
    services.assignment_run(actor=officer, call=call)
    review = Review.objects.filter(reviewer=panel[0]).first()
    with pytest.raises(ValidationError) as caught:
        services.conflict_declare(reviewer=panel[0], review=review, conflict_kind="other")
    assert "detail" in caught.value.message_dict
    review.refresh_from_db()
    assert review.declaration == "pending"
    assert review.status == "active"


def test_reviewers_come_from_different_organisations_where_possible(call, officer, rp, eligible):
    """Two RP reviewers and two from elsewhere: no proposal gets both RP reviewers."""
    iom, mfa = OrganisationFactory(short_name="IOM"), OrganisationFactory(short_name="MINAFFET")
    people = [
        make_reviewer(call.programme, f"{name}@example.org", org)
        for name, org in [("rp1", rp), ("rp2", rp), ("iom", iom), ("mfa", mfa)]
    ]
    for person in people:
        services.pool_member_save(actor=officer, call=call, reviewer=person, load_limit=3)
    services.assignment_run(actor=officer, call=call)
    for proposal in eligible:
        orgs = list(
            proposal.reviews.filter(status="active").values_list(
                "reviewer__programme_roles__organisation__short_name", flat=True
            )
        )
        assert len(orgs) == 2
        assert len(set(orgs)) == 2


_serial = itertools.count()


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    limits=st.lists(st.integers(1, 4), min_size=1, max_size=5),
    proposals=st.lists(st.tuples(st.integers(0, 3), st.booleans()), min_size=1, max_size=6),
)
@pytest.mark.django_db
def test_no_run_breaks_a_limit_or_crosses_a_conflict(call, officer, limits, proposals):
    """Random panels and proposals: every pair honours limits, seats and conflicts."""
    Review.objects.all().delete()
    Proposal.objects.filter(call=call).update(state="withdrawn")
    call.pool.all().delete()
    run = next(_serial)
    colleges = [CollegeFactory(short_name=f"IPRC H{run}-{i}") for i in range(4)]
    reviewers = []
    for i, limit in enumerate(limits):
        person = make_reviewer(call.programme, f"r{run}-{i}@example.org", colleges[i % 4])
        services.pool_member_save(actor=officer, call=call, reviewer=person, load_limit=limit)
        reviewers.append(person)
    made = []
    for college_index, with_member in proposals:
        proposal = ProposalFactory(call=call, college=colleges[college_index], state="eligible")
        if with_member:
            TeamMemberFactory(proposal=proposal, user=reviewers[0], email=reviewers[0].email)
        made.append(proposal)
    services.assignment_run(actor=officer, call=call)
    members = list(pool_of(call))
    conflicts = automatic_conflicts(proposals=made, members=members)
    for member in members:
        assert member.load <= member.load_limit
    for proposal in made:
        pairs = list(proposal.reviews.filter(status="active").values_list("reviewer_id", flat=True))
        assert len(pairs) <= call.reviews_per_proposal
        for reviewer_id in pairs:
            assert (proposal.pk, reviewer_id) not in conflicts
