"""Reads about professionals, already limited to what the asker may see."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from skillbridge.calls.models import Programme, Sector
from skillbridge.common.models import OutboxMessage
from skillbridge.experts.models import (
    AvailabilityWindow,
    ExpertLanguage,
    ExpertProfile,
    ImportBatch,
    Skill,
)
from skillbridge.people.models import Consent, User

PROFILE_RELATIONS = ("sectors", "skills", "languages", "availability")


def _with_relations(queryset: QuerySet[ExpertProfile]) -> QuerySet[ExpertProfile]:
    return queryset.select_related("user", "qualification", "programme").prefetch_related(
        *PROFILE_RELATIONS
    )


def matchable_experts(programme: Programme) -> QuerySet[ExpertProfile]:
    """The professionals the pairing engine may propose for `programme`.

    A profile is matchable when it is approved, its owner has claimed it (an
    imported profile is not matchable before), the account is active, and the
    owner's consent to the pool is active. Withdrawing consent or suspending
    the profile removes it at once, since this is computed on every call.
    Sectors, skills, languages and availability come prefetched; order is by
    id so that the same data gives the same instance.
    """
    active_consent = Consent.objects.filter(
        user=OuterRef("user"), programme=programme, withdrawn_at__isnull=True, for_pool=True
    )
    return _with_relations(
        ExpertProfile.objects.filter(
            programme=programme,
            state=ExpertProfile.State.APPROVED,
            claimed_at__isnull=False,
            user__is_active=True,
        ).filter(Exists(active_consent))
    ).order_by("pk")


def own_profile(user: User, programme: Programme) -> ExpertProfile:
    """The signed-in professional's own profile in `programme`, or 404."""
    profile = _with_relations(ExpertProfile.objects.filter(user=user, programme=programme)).first()
    if profile is None or not user.is_authenticated:
        raise Http404
    return profile


def own_profiles(user: User) -> QuerySet[ExpertProfile]:
    if not user.is_authenticated:
        return ExpertProfile.objects.none()
    return _with_relations(ExpertProfile.objects.filter(user=user)).order_by("pk")


def profile_in_programme(programme: Programme, pk: int) -> ExpertProfile:
    """A profile of `programme` by id, or 404. Views check permission next."""
    profile = _with_relations(
        ExpertProfile.objects.filter(programme=programme, pk=pk).exclude(
            state=ExpertProfile.State.ERASED
        )
    ).first()
    if profile is None:
        raise Http404
    return profile


@dataclass(frozen=True)
class PoolFilters:
    sector: Sector | None = None
    skill: Skill | None = None
    language: str = ""
    country: str = ""
    available_from: datetime.date | None = None
    available_to: datetime.date | None = None
    modality: str = ""
    state: str = ""


def pool_search(programme: Programme, filters: PoolFilters) -> QuerySet[ExpertProfile]:
    """Profiles of `programme` matching every filter given. For officers only.

    Filters on related rows use EXISTS rather than joins, so no profile is
    listed twice and the count stays right.
    """
    queryset = ExpertProfile.objects.filter(programme=programme).exclude(
        state=ExpertProfile.State.ERASED
    )
    if filters.sector:
        queryset = queryset.filter(sectors=filters.sector)
    if filters.skill:
        queryset = queryset.filter(skills=filters.skill)
    if filters.language:
        queryset = queryset.filter(
            Exists(ExpertLanguage.objects.filter(profile=OuterRef("pk"), code=filters.language))
        )
    if filters.country:
        queryset = queryset.filter(country=filters.country)
    if filters.available_from or filters.available_to:
        windows = AvailabilityWindow.objects.filter(profile=OuterRef("pk"))
        if filters.available_to:
            windows = windows.filter(starts_on__lte=filters.available_to)
        if filters.available_from:
            windows = windows.filter(ends_on__gte=filters.available_from)
        queryset = queryset.filter(Exists(windows))
    if filters.modality == "onsite":
        queryset = queryset.filter(onsite=True)
    elif filters.modality == "remote":
        queryset = queryset.filter(remote=True)
    if filters.state:
        queryset = queryset.filter(state=filters.state)
    return _with_relations(queryset).order_by("user__full_name", "pk")


def free_skills() -> QuerySet[Skill]:
    """Skills typed by professionals that are not yet in the taxonomy."""
    return Skill.objects.filter(in_taxonomy=False).prefetch_related(
        Prefetch("profiles", queryset=ExpertProfile.objects.only("pk"))
    )


def taxonomy_skills() -> QuerySet[Skill]:
    return Skill.objects.filter(in_taxonomy=True).select_related("sector")


def imports_of(programme: Programme) -> QuerySet[ImportBatch]:
    return ImportBatch.objects.filter(programme=programme).select_related("created_by")


def import_in_programme(programme: Programme, pk: int) -> ImportBatch:
    batch = ImportBatch.objects.filter(programme=programme, pk=pk).first()
    if batch is None:
        raise Http404
    return batch


# What a complete profile has, and how the missing part is named to its owner.
COMPLETENESS_CHECKS = [
    ("country", _("country of residence"), lambda p: bool(p.country)),
    ("city", _("city"), lambda p: bool(p.city)),
    ("timezone", _("time zone"), lambda p: bool(p.timezone)),
    ("profession", _("profession"), lambda p: bool(p.profession)),
    ("years_experience", _("years of experience"), lambda p: p.years_experience is not None),
    ("qualification", _("highest qualification"), lambda p: p.qualification_id is not None),
    ("sectors", _("at least one sector"), lambda p: bool(p.sectors.all())),
    ("skills", _("at least one skill"), lambda p: bool(p.skills.all())),
    ("languages", _("at least one language"), lambda p: bool(p.languages.all())),
    ("bio", _("a short bio"), lambda p: bool(p.bio)),
    ("cv", _("a CV"), lambda p: bool(p.cv)),
    ("availability", _("when you are available"), lambda p: bool(p.availability.all())),
    ("modalities", _("on site or remote"), lambda p: p.onsite or p.remote),
]


@dataclass(frozen=True)
class Completeness:
    percent: int
    missing: list


def profile_completeness(profile: ExpertProfile) -> Completeness:
    """How much of the profile is filled in, and what is still missing."""
    missing = [label for _key, label, done in COMPLETENESS_CHECKS if not done(profile)]
    total = len(COMPLETENESS_CHECKS)
    return Completeness(percent=round(100 * (total - len(missing)) / total), missing=missing)


def profile_export_data(profile: ExpertProfile) -> dict:
    """Everything the programme holds about the profile's owner, as plain data.

    The right of access (GDPR art. 15 and 20, Law 058/2021 art. 21): the
    account, the profile, consents and the mail the programme wrote to them.
    """
    user = profile.user
    consents = Consent.objects.filter(user=user).select_related("programme")
    mail = OutboxMessage.objects.filter(to__iexact=user.email)
    return {
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined.isoformat(),
        },
        "profile": {
            "programme": profile.programme.slug,
            "state": profile.state,
            "state_reason": profile.state_reason,
            "source": profile.source,
            "sex": profile.sex,
            "phone": profile.phone,
            "country": profile.country.code or "",
            "city": profile.city,
            "timezone": profile.timezone,
            "profession": profile.profession,
            "employer": profile.employer,
            "years_experience": profile.years_experience,
            "qualification": profile.qualification.name if profile.qualification else "",
            "sectors": [sector.slug for sector in profile.sectors.all()],
            "skills": [skill.name for skill in profile.skills.all()],
            "languages": [
                {"code": language.code, "level": language.level}
                for language in profile.languages.all()
            ],
            "bio": profile.bio,
            "cv": profile.cv.name.rsplit("/", 1)[-1] if profile.cv else "",
            "availability": [
                {"start": w.starts_on.isoformat(), "end": w.ends_on.isoformat()}
                for w in profile.availability.all()
            ],
            "modalities": profile.modalities,
            "capacity": profile.capacity,
            "created_at": profile.created_at.isoformat(),
        },
        "consents": [
            {
                "programme": consent.programme.slug,
                "text_version": consent.text_version,
                "pool": consent.for_pool,
                "contact": consent.for_contact,
                "sharing_with_host": consent.for_sharing_with_host,
                "given_at": consent.given_at.isoformat(),
                "withdrawn_at": consent.withdrawn_at.isoformat() if consent.withdrawn_at else None,
            }
            for consent in consents
        ],
        "mail": [
            {"written": m.created_at.isoformat(), "subject": m.subject, "body": m.body}
            for m in mail
        ],
    }
