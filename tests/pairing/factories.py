"""Factories for professionals as the pairing engine sees them, needs and pairings."""

import datetime

import factory
from django.utils import timezone

from skillbridge.experts.models import AvailabilityWindow, ExpertLanguage, ExpertProfile, Skill
from skillbridge.pairing.models import Need, Pairing, TrainingRequest
from skillbridge.people.models import Consent, ProgrammeRole, Role
from tests.calls.factories import ProposalFactory
from tests.factories import CollegeFactory, ProgrammeFactory, SectorFactory, UserFactory

WINDOW_START = datetime.date(2027, 2, 1)
WINDOW_END = datetime.date(2027, 4, 30)


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Skill
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"skill {n}")


class ExpertProfileFactory(factory.django.DjangoModelFactory):
    """An approved, claimed professional with active consent: matchable.

    `languages`, `sectors`, `skills` and `windows` take lists; by default the
    professional speaks en and rw, works on site and remotely, and is free
    from February to April 2027.
    """

    class Meta:
        model = ExpertProfile
        skip_postgeneration_save = True

    programme = factory.SubFactory(ProgrammeFactory)
    user = factory.SubFactory(UserFactory)
    state = ExpertProfile.State.APPROVED
    claimed_at = factory.LazyFunction(timezone.now)
    country = "BE"
    city = "Brussels"
    profession = "Electrical engineer"
    bio = "Solar installations and training of technicians."
    onsite = True
    remote = True
    capacity = 1

    @factory.post_generation
    def consent(profile, create, extracted, **kwargs):
        if create and extracted is not False:
            Consent.objects.create(
                user=profile.user,
                programme=profile.programme,
                text_version="1",
                for_pool=True,
                for_contact=True,
                for_sharing_with_host=bool(kwargs.get("sharing", True)),
            )
            ProgrammeRole.objects.get_or_create(
                user=profile.user, programme=profile.programme, role=Role.EXPERT
            )

    @factory.post_generation
    def languages(profile, create, extracted, **kwargs):
        if create:
            for code in ["en", "rw"] if extracted is None else extracted:
                ExpertLanguage.objects.create(profile=profile, code=code)

    @factory.post_generation
    def sectors(profile, create, extracted, **kwargs):
        if create and extracted:
            profile.sectors.set(extracted)

    @factory.post_generation
    def skills(profile, create, extracted, **kwargs):
        if create and extracted:
            profile.skills.set(extracted)

    @factory.post_generation
    def windows(profile, create, extracted, **kwargs):
        if create:
            for start, end in [(WINDOW_START, WINDOW_END)] if extracted is None else extracted:
                AvailabilityWindow.objects.create(profile=profile, starts_on=start, ends_on=end)


class TrainingRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingRequest

    programme = factory.SubFactory(ProgrammeFactory)
    college = factory.SubFactory(CollegeFactory)
    title = factory.Sequence(lambda n: f"Training of trainers {n}")
    text = "Train our trainers."


class NeedFactory(factory.django.DjangoModelFactory):
    """A need of a funded (selected) project in `programme`."""

    class Meta:
        model = Need
        skip_postgeneration_save = True

    programme = factory.SubFactory(ProgrammeFactory)
    proposal = factory.LazyAttribute(
        lambda need: ProposalFactory(call__programme=need.programme, state="selected")
    )
    sector = factory.LazyAttribute(lambda need: SectorFactory(slug="energy", name="Energy"))
    languages = factory.LazyFunction(lambda: ["en"])
    modality = Need.Modality.REMOTE
    starts_on = WINDOW_START
    ends_on = WINDOW_END
    seats = 1
    text = "Help with a solar mini-grid."

    @factory.post_generation
    def skills(need, create, extracted, **kwargs):
        if create and extracted:
            need.skills.set(extracted)


class PairingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pairing

    need = factory.SubFactory(NeedFactory)
    programme = factory.LazyAttribute(lambda pairing: pairing.need.programme)
    expert = factory.LazyAttribute(
        lambda pairing: ExpertProfileFactory(programme=pairing.programme)
    )
    state = Pairing.State.PROPOSED
    score = 0.8
    reasons = factory.LazyFunction(lambda: ["speaks en"])

    @classmethod
    def invited(cls, **kwargs):
        now = timezone.now()
        kwargs.setdefault("invited_at", now)
        kwargs.setdefault("respond_by", now + datetime.timedelta(days=14))
        return cls(state=Pairing.State.INVITED, **kwargs)
