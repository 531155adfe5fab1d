"""Factories for professionals' profiles and the skills taxonomy."""

import datetime

import factory
from django.utils import timezone

from skillbridge.experts.consent import CONSENT_TEXT_VERSION
from skillbridge.experts.models import (
    AvailabilityWindow,
    ExpertLanguage,
    ExpertProfile,
    QualificationLevel,
    Skill,
)
from skillbridge.people.models import Consent, ProgrammeRole, Role
from tests.factories import ProgrammeFactory, SectorFactory, UserFactory


class QualificationLevelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QualificationLevel
        django_get_or_create = ["name"]

    name = "Master's degree"
    rank = 50


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Skill
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Skill {n}")
    sector = factory.SubFactory(SectorFactory, slug="energy", name="Energy")
    in_taxonomy = True


class ExpertProfileFactory(factory.django.DjangoModelFactory):
    """An approved, claimed, complete profile with active consent and the expert role."""

    class Meta:
        model = ExpertProfile
        skip_postgeneration_save = True

    programme = factory.SubFactory(ProgrammeFactory)
    user = factory.SubFactory(UserFactory)
    state = ExpertProfile.State.APPROVED
    claimed_at = factory.LazyFunction(timezone.now)
    sex = ExpertProfile.Sex.FEMALE
    phone = "+32470123456"
    country = "BE"
    city = "Brussels"
    timezone = "Europe/Brussels"
    profession = "Electrical engineer"
    employer = "Sibelga"
    years_experience = 12
    qualification = factory.SubFactory(QualificationLevelFactory)
    bio = "Solar engineer in Brussels."
    onsite = True
    remote = True
    capacity = 2

    @factory.post_generation
    def details(profile, create, extracted, **kwargs):
        if not create:
            return
        ProgrammeRole.objects.get_or_create(
            user=profile.user, programme=profile.programme, role=Role.EXPERT
        )
        sector = SectorFactory(slug="energy", name="Energy")
        profile.sectors.set([sector])
        profile.skills.set([SkillFactory(name="Solar PV installation", sector=sector)])
        ExpertLanguage.objects.create(profile=profile, code="rw", level="native")
        ExpertLanguage.objects.create(profile=profile, code="fr", level="fluent")
        AvailabilityWindow.objects.create(
            profile=profile,
            starts_on=datetime.date(2027, 2, 1),
            ends_on=datetime.date(2027, 4, 30),
        )

    @factory.post_generation
    def consent(profile, create, extracted, **kwargs):
        if create and extracted is not False and profile.user is not None:
            Consent.objects.create(
                user=profile.user,
                programme=profile.programme,
                text_version=CONSENT_TEXT_VERSION,
                for_pool=True,
                for_contact=True,
                for_sharing_with_host=True,
            )
