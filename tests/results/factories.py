"""Generated programme data for the results tests: people with names and emails that
could leak, and records spread over colleges, sectors, countries and both sexes."""

import datetime
import random
from decimal import Decimal

from django.urls import resolve, reverse
from django.utils import timezone

from skillbridge.experts.models import ExpertProfile
from skillbridge.grants.models import Disbursement, Grant, Tranche
from skillbridge.missions.models import Mission, Participant, Session, Survey
from skillbridge.pairing.models import Pairing
from tests.calls.factories import CallFactory, ProposalFactory
from tests.factories import CollegeFactory, SectorFactory, UserFactory
from tests.pairing.factories import ExpertProfileFactory, NeedFactory

COLLEGES = ["IPRC Huye", "IPRC Musanze", "IPRC Tumba"]
SECTORS = [("energy", "Energy"), ("ict", "ICT")]
COUNTRIES = ["BE", "DE", "NL"]
SEXES = ["female", "male", "undisclosed"]
LEAKY_NAME = "Claudine Uwimana-Leak"


def leaky_user(n: int):
    """A person whose name and email must never reach a donor."""
    return UserFactory(email=f"secret.person{n}@leak.example.org", full_name=f"{LEAKY_NAME} {n}")


def moment(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def _proposals(rng, day, *, call, colleges, sectors, size):
    proposals = []
    for n in range(size):
        state = rng.choice(["draft", "submitted", "eligible", "selected", "not_selected"])
        proposal = ProposalFactory(
            call=call,
            college=rng.choice(colleges),
            sector=rng.choice(sectors),
            lead=leaky_user(n),
            state=state,
            submitted_at=None if state == "draft" else moment(day()),
            lead_member__sex=rng.choice(SEXES),
        )
        proposals.append(proposal)
    return proposals


def _grant(rng, day, proposal, *, programme, officer, start):
    """A running grant of three tranches, each paid with a probability of 0.7."""
    grant = Grant.objects.create(
        proposal=proposal,
        programme=programme,
        amount_rwf=6_000_000,
        exchange_rate=Decimal("1500"),
        starts_on=start,
        ends_on=start + datetime.timedelta(days=365),
        awarded_by=officer,
        state=Grant.State.ACTIVE,
    )
    Grant.objects.filter(pk=grant.pk).update(awarded_at=moment(day()))
    for number in (1, 2, 3):
        tranche = Tranche.objects.create(
            grant=grant,
            number=number,
            amount_rwf=2_000_000,
            planned_on=start + datetime.timedelta(days=90 * number),
        )
        if rng.random() < 0.7:
            paid_on = tranche.planned_on + datetime.timedelta(days=rng.choice([0, 10, 20, 40]))
            Disbursement.objects.create(
                grant=grant,
                tranche=tranche,
                amount_rwf=2_000_000,
                paid_on=paid_on,
                method="bank_transfer",
                reference=f"REF-{grant.pk}-{number}",
                recorded_by=officer,
            )
            Tranche.objects.filter(pk=tranche.pk).update(paid_rwf=2_000_000)


def _experts(rng, day, *, programme, size):
    experts = []
    for n in range(size):
        profile = ExpertProfileFactory(
            programme=programme,
            user=leaky_user(100 + n),
            state=rng.choice(["registered", "approved", "approved", "rejected", "erased"]),
            country=rng.choice(COUNTRIES),
            sex=rng.choice(["female", "male", ""]),
        )
        ExpertProfile.objects.filter(pk=profile.pk).update(
            created_at=moment(day()), state_changed_at=moment(day())
        )
        experts.append(profile)
    return experts


def _pairings(rng, day, *, programme, experts, funded, sectors):
    pairings = []
    for expert in (e for e in experts if e.state == "approved"):
        need = NeedFactory(
            programme=programme, proposal=rng.choice(funded), sector=rng.choice(sectors)
        )
        pairing = Pairing.objects.create(
            programme=programme,
            need=need,
            expert=expert,
            state=rng.choice(["invited", "accepted", "active", "completed", "declined"]),
            answered_at=moment(day()),
        )
        pairings.append(pairing)
    return pairings


def _mission(rng, day, n, pairing, *, programme):
    first = day()
    mission = Mission.objects.create(
        programme=programme,
        pairing=pairing,
        expert=pairing.expert,
        kind=rng.choice(["tot", "coaching", "remote"]),
        title=f"Mission {n}",
        host_college=pairing.need.proposal.college,
        starts_on=first,
        ends_on=first + datetime.timedelta(days=rng.randrange(0, 10)),
        objectives="Train the trainers.",
        expected_participants=10,
        state=rng.choice(["approved", "completed", "reported", "cancelled"]),
        completed_at=moment(first + datetime.timedelta(days=12)),
    )
    for s in range(rng.randrange(1, 4)):
        Session.objects.create(
            mission=mission,
            held_on=first,
            hours=Decimal(3),
            topic=f"Session {s}",
            modality="onsite",
            trainers_female=rng.randrange(0, 6),
            trainers_male=rng.randrange(0, 6),
            students_female=rng.randrange(0, 12),
            students_male=rng.randrange(0, 12),
        )
    _people_of(rng, day, n, mission)


def _people_of(rng, day, n, mission):
    """The mission's participants and survey respondents, all with names that must not leak."""
    for p in range(rng.randrange(0, 8)):
        Participant.objects.create(
            mission=mission,
            full_name=f"{LEAKY_NAME} trainee {n}-{p}",
            email=f"trainee{n}-{p}@leak.example.org",
            category=rng.choice(["trainer", "student"]),
            sex=rng.choice(["female", "male"]),
        )
    for r in range(rng.randrange(0, 5)):
        Survey.objects.create(
            mission=mission,
            wave=rng.choice(["t0", "t1", "t12"]),
            respondent=rng.choice(["participant", "host", "professional"]),
            email=f"respondent{n}-{r}@leak.example.org",
            name=f"{LEAKY_NAME} respondent",
            answered_at=rng.choice([None, moment(day())]),
            skills_used=rng.choice(["yes", "partly", "no"]),
        )


def generate(programme, officer, *, seed: int = 7, size: int = 24, start=datetime.date(2026, 1, 5)):
    """Proposals, grants with tranches and payments, professionals, pairings and missions."""
    rng = random.Random(seed)
    colleges = [CollegeFactory(short_name=name, name=name) for name in COLLEGES]
    sectors = [SectorFactory(slug=slug, name=name) for slug, name in SECTORS]
    call = CallFactory(programme=programme, sectors=sectors)
    day = lambda: start + datetime.timedelta(days=rng.randrange(0, 300))  # noqa: E731
    proposals = _proposals(rng, day, call=call, colleges=colleges, sectors=sectors, size=size)
    funded = [p for p in proposals if p.state == "selected"]
    for proposal in funded:
        _grant(rng, day, proposal, programme=programme, officer=officer, start=start)
    experts = _experts(rng, day, programme=programme, size=size)
    pairings = _pairings(
        rng, day, programme=programme, experts=experts, funded=funded, sectors=sectors
    )
    staffed = (p for p in pairings if p.state in ("accepted", "active", "completed"))
    for n, pairing in enumerate(staffed):
        _mission(rng, day, n, pairing, programme=programme)
    return {"proposals": proposals, "experts": experts, "pairings": pairings, "colleges": colleges}


def report_download(client, period, file_format: str) -> bytes:
    """The donor report as its reader gets it: a closed period's stored file, or an open
    period's file once its background export is done (immediate in tests)."""
    response = client.get(reverse("results:report", args=[period.pk, file_format]))
    if response.status_code == 302:
        job = resolve(response["Location"]).kwargs["pk"]
        response = client.get(reverse("exports:download", args=[job]))
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content)
