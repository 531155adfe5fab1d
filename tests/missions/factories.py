"""Factories for missions, built straight in the database (tests of services use services)."""

import datetime

import factory
from django.utils import timezone

from skillbridge.missions.models import Mission, PlanDay, Session
from skillbridge.pairing.models import Pairing
from tests.pairing.factories import PairingFactory

TODAY = datetime.date.today


def accepted_pairing(**kwargs) -> Pairing:
    now = timezone.now()
    kwargs.setdefault("invited_at", now)
    kwargs.setdefault("answered_at", now)
    return PairingFactory(state=Pairing.State.ACCEPTED, **kwargs)


class MissionFactory(factory.django.DjangoModelFactory):
    """An on-site Training of Trainers for an accepted pairing, running around today."""

    class Meta:
        model = Mission

    pairing = factory.LazyFunction(accepted_pairing)
    programme = factory.LazyAttribute(lambda m: m.pairing.programme)
    expert = factory.LazyAttribute(lambda m: m.pairing.expert)
    host_college = factory.LazyAttribute(lambda m: m.pairing.need.college)
    kind = Mission.Kind.TOT
    title = factory.Sequence(lambda n: f"Training of Trainers {n}")
    place = "Kicukiro"
    starts_on = factory.LazyFunction(lambda: TODAY() - datetime.timedelta(days=3))
    ends_on = factory.LazyFunction(lambda: TODAY() + datetime.timedelta(days=3))
    objectives = "Trainers can design and install a solar PV system."
    expected_participants = 12


class PlanDayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanDay

    mission = factory.SubFactory(MissionFactory)
    day = factory.LazyAttribute(lambda d: d.mission.starts_on)
    activities = "Sizing a PV system; site visit on the rooftop."


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    mission = factory.SubFactory(MissionFactory, state=Mission.State.UNDER_WAY)
    held_on = factory.LazyAttribute(lambda s: s.mission.starts_on)
    hours = 3
    topic = "PV sizing"
    modality = Session.Modality.ONSITE
    trainers_female = 2
    trainers_male = 3
