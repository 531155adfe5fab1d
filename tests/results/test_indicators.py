"""Each named query equals an independent count, in plain Python, over generated data."""

import datetime
from collections import Counter
from decimal import Decimal

import pytest

from skillbridge.calls.models import Proposal
from skillbridge.experts.models import ExpertProfile
from skillbridge.grants.models import Disbursement, Grant, Tranche
from skillbridge.missions.models import Mission, Participant, Survey
from skillbridge.pairing.models import Pairing
from skillbridge.results.indicators import REGISTRY, Horizon, compute, cutoff
from tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db

END = datetime.date(2026, 6, 30)
HORIZON = Horizon(ends_on=END)
LIMIT = cutoff(HORIZON)


def totals(measure):
    return measure.total.value, {
        d: {k: c.value for k, c in cells.items()} for d, cells in measure.by.items()
    }


def lead_sex(proposal):
    return next(m.sex for m in proposal.members.all() if m.is_lead)


def test_every_registered_query_is_documented():
    assert len(REGISTRY) == 15
    for query in REGISTRY.values():
        assert len(query.doc) > 60, query.name


def test_proposals_received_counts_submitted_proposals_by_college_sector_and_lead_sex(
    programme, data
):
    received = [
        p for p in Proposal.objects.all() if p.submitted_at is not None and p.submitted_at < LIMIT
    ]
    total, by = totals(compute("proposals_received", programme, HORIZON))
    assert 0 < total < len(data["proposals"])
    assert total == len(received)
    assert by["college"] == dict(Counter(p.college.short_name for p in received))
    assert by["sector"] == dict(Counter(p.sector.slug for p in received))
    assert by["sex"] == dict(Counter(lead_sex(p) for p in received))


def test_grants_awarded_counts_awards_up_to_the_end_of_the_period(programme, data):
    awarded = [g for g in Grant.objects.all() if g.awarded_at < LIMIT]
    total, by = totals(compute("grants_awarded", programme, HORIZON))
    assert total == len(awarded) > 0
    assert by["college"] == dict(Counter(g.proposal.college.short_name for g in awarded))
    assert by["sex"] == dict(Counter(lead_sex(g.proposal) for g in awarded))


def test_amount_disbursed_sums_the_ledger_up_to_the_end_of_the_period(programme, data):
    entries = [d for d in Disbursement.objects.all() if d.paid_on <= END]
    total, by = totals(compute("amount_disbursed_rwf", programme, HORIZON))
    assert total == sum(d.amount_rwf for d in entries) > 0
    expected = Counter()
    for entry in entries:
        expected[entry.grant.proposal.college.short_name] += entry.amount_rwf
    assert by["college"] == dict(expected)


def test_share_of_tranches_paid_on_time_allows_fourteen_days(programme, data):
    due = [t for t in Tranche.objects.all() if t.planned_on + datetime.timedelta(days=14) <= END]
    on_time = [
        t
        for t in due
        if sum(
            d.amount_rwf
            for d in t.disbursements.all()
            if d.paid_on <= t.planned_on + datetime.timedelta(days=14)
        )
        >= t.amount_rwf
    ]
    measure = compute("tranches_paid_on_time", programme, HORIZON)
    assert measure.total.count == len(due) > 0
    assert measure.total.value == (Decimal(100) * len(on_time) / len(due)).quantize(Decimal("0.1"))
    assert 0 < len(on_time) < len(due)


def test_professionals_registered_approved_and_deployed(programme, data):
    profiles = [p for p in ExpertProfile.objects.all() if p.created_at < LIMIT]
    registered = [p for p in profiles if p.state != "erased"]
    total, by = totals(compute("professionals_registered", programme, HORIZON))
    assert total == len(registered) > 0
    assert by["country"] == dict(Counter(str(p.country) for p in registered))
    assert by["sex"] == dict(Counter(p.sex or "undisclosed" for p in registered))

    approved = [
        p
        for p in ExpertProfile.objects.all()
        if p.state == "approved" and (p.state_changed_at or p.created_at) < LIMIT
    ]
    total, by = totals(compute("professionals_approved", programme, HORIZON))
    assert total == len(approved) > 0
    assert by["sex"] == dict(Counter(p.sex or "undisclosed" for p in approved))

    accepted = [
        p
        for p in Pairing.objects.all()
        if p.state in ("accepted", "active", "completed") and p.answered_at < LIMIT
    ]
    deployed = {p.expert for p in accepted}
    total, by = totals(compute("professionals_deployed", programme, HORIZON))
    assert total == len(deployed) > 0
    assert by["country"] == dict(Counter(str(e.country) for e in deployed))


def test_pairings_accepted_and_partnerships_formed(programme, data):
    accepted = [
        p
        for p in Pairing.objects.all()
        if p.state in ("accepted", "active", "completed") and p.answered_at < LIMIT
    ]
    total, by = totals(compute("pairings_accepted", programme, HORIZON))
    assert total == len(accepted) > 0
    assert by["college"] == dict(Counter(p.need.proposal.college.short_name for p in accepted))
    partnerships = {(p.need.proposal.college.short_name, p.expert_id) for p in accepted}
    total, by = totals(compute("partnerships_formed", programme, HORIZON))
    assert total == len(partnerships)
    assert by["college"] == dict(Counter(college for college, _expert in partnerships))


def done(mission):
    return mission.state in ("completed", "reported") and mission.completed_at < LIMIT


def test_missions_completed_and_person_days_on_site(programme, data):
    completed = [m for m in Mission.objects.all() if done(m)]
    total, by = totals(compute("missions_completed", programme, HORIZON))
    assert total == len(completed) > 0
    assert by["college"] == dict(Counter(m.host_college.short_name for m in completed))
    onsite = [m for m in completed if m.kind in ("tot", "coaching")]
    total, _by = totals(compute("person_days_on_site", programme, HORIZON))
    assert total == sum((m.ends_on - m.starts_on).days + 1 for m in onsite) > 0


@pytest.mark.parametrize("category", ["trainer", "student"])
def test_people_trained_take_the_larger_of_named_participants_and_biggest_session(
    programme, data, category
):
    expected = Counter()
    for mission in (m for m in Mission.objects.all() if done(m)):
        for sex in ("female", "male"):
            named = sum(
                1
                for p in Participant.objects.filter(mission=mission)
                if p.category == category and p.sex == sex
            )
            biggest = max(
                (getattr(s, f"{category}s_{sex}") for s in mission.sessions.all()), default=0
            )
            expected[sex] += max(named, biggest)
    total, by = totals(compute(f"{category}s_trained", programme, HORIZON))
    assert total == sum(expected.values()) > 0
    assert by["sex"] == {sex: n for sex, n in expected.items() if n}


def test_share_of_t12_respondents_still_using_the_skills(programme, data):
    answered = [
        s
        for s in Survey.objects.all()
        if s.wave == "t12"
        and s.respondent in ("participant", "host")
        and s.answered_at is not None
        and s.answered_at < LIMIT
    ]
    using = [s for s in answered if s.skills_used in ("yes", "partly")]
    measure = compute("skills_still_used_t12", programme, HORIZON)
    assert measure.total.count == len(answered) > 0
    assert measure.total.value == (Decimal(100) * len(using) / len(answered)).quantize(
        Decimal("0.1")
    )


def test_queries_see_nothing_of_another_programme(programme, officer, data):
    other = ProgrammeFactory()
    for name in REGISTRY:
        assert compute(name, other, HORIZON).total.count == 0, name
