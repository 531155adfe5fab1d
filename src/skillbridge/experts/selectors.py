"""Reads about professionals, already limited to what the asker may see."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from skillbridge.common.access import personal_data_reads_of
from skillbridge.common.models import OutboxMessage
from skillbridge.experts.models import (
    AvailabilityWindow,
    ExpertLanguage,
    ExpertProfile,
    ImportBatch,
    Skill,
)
from skillbridge.missions.models import Certificate, Mission, Survey
from skillbridge.pairing.models import Pairing
from skillbridge.people.models import Consent, User
from skillbridge.programmes.models import Programme, Sector

PROFILE_RELATIONS = ("sectors", "skills", "languages", "availability")


def _with_relations(queryset: QuerySet[ExpertProfile]) -> QuerySet[ExpertProfile]:
    return queryset.select_related("user", "qualification", "programme").prefetch_related(
        *PROFILE_RELATIONS
    )


def pool_profiles(programme: Programme) -> QuerySet[ExpertProfile]:
    """The professionals of `programme` who are in the pool: the one rule every read uses.

    In the pool means: not erased, and a current basis to hold the profile
    for the pool, that is the owner's active consent with the pool purpose
    (GDPR art. 6(1)(a) and 7(3), and Law 058/2021's consent rules), or, for an
    imported profile its owner has not claimed yet, consent stated in the
    import. Withdrawing consent takes the profile out at once, everywhere:
    the officers' pool and its exports, the API, matching and invitations.
    """
    active_consent = Consent.objects.filter(
        user=OuterRef("user"), programme=programme, withdrawn_at__isnull=True, for_pool=True
    )
    unclaimed_import = Q(claimed_at__isnull=True, imported_consent=True, user__isnull=False)
    return (
        ExpertProfile.objects.filter(programme=programme)
        .exclude(state=ExpertProfile.State.ERASED)
        .filter(Exists(active_consent) | unclaimed_import)
    )


def matchable_experts(programme: Programme) -> QuerySet[ExpertProfile]:
    """The professionals the pairing engine may propose for `programme`.

    A profile is matchable when it is in the pool (`pool_profiles`) with its
    owner's own consent, approved, claimed (an imported profile is not
    matchable before), and the account is active. Withdrawing consent or
    suspending the profile removes it at once, since this is computed on
    every call. Sectors, skills, languages and availability come prefetched;
    order is by id so that the same data gives the same instance.
    """
    return _with_relations(
        pool_profiles(programme).filter(
            state=ExpertProfile.State.APPROVED,
            claimed_at__isnull=False,
            user__is_active=True,
        )
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
    """A profile of `programme`'s pool by id, or 404. Views check permission next."""
    profile = _with_relations(pool_profiles(programme).filter(pk=pk)).first()
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
    queryset = pool_profiles(programme)
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
    account, the profile, consents, the mail the programme wrote to them,
    their pairings, missions, surveys and certificates, and who among the
    staff read their record (the access log).
    """
    user = profile.user
    consents = Consent.objects.filter(user=user).select_related("programme")
    mail = OutboxMessage.objects.filter(to__iexact=user.email)
    pairings = Pairing.objects.filter(expert=profile).select_related(
        "need__proposal", "need__training_request"
    )
    missions = Mission.objects.filter(expert=profile).select_related("host_college")
    surveys = Survey.objects.filter(
        mission__expert=profile, respondent=Survey.Respondent.PROFESSIONAL, email__iexact=user.email
    ).select_related("mission")
    certificates = Certificate.objects.filter(
        mission__expert=profile, kind=Certificate.Kind.CONTRIBUTION
    ).select_related("mission")
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
        "pairings": [
            {
                "id": pairing.pk,
                "for": pairing.need.owner_title,
                "state": pairing.state,
                "score": pairing.score,
                "reasons": pairing.reasons,
                "reason": pairing.reason,
                "invited_at": _iso(pairing.invited_at),
                "answered_at": _iso(pairing.answered_at),
                "started_at": _iso(pairing.started_at),
                "ended_at": _iso(pairing.ended_at),
            }
            for pairing in pairings.order_by("pk")
        ],
        "missions": [
            {
                "id": mission.pk,
                "title": mission.title,
                "kind": mission.kind,
                "state": mission.state,
                "host_college": mission.host_college.name,
                "place": mission.place,
                "starts_on": mission.starts_on.isoformat(),
                "ends_on": mission.ends_on.isoformat(),
            }
            for mission in missions.order_by("starts_on", "pk")
        ],
        "surveys": [
            {
                "mission": survey.mission.title,
                "wave": survey.wave,
                "invited_at": _iso(survey.invited_at),
                "answered_at": _iso(survey.answered_at),
                "experience": survey.experience,
                "obstacles": survey.obstacles,
            }
            for survey in surveys.order_by("pk")
        ],
        "certificates": [
            {
                "mission": certificate.mission.title,
                "kind": certificate.kind,
                "name": certificate.full_name,
                "code": certificate.code,
                "issued_at": _iso(certificate.issued_at),
            }
            for certificate in certificates.order_by("pk")
        ],
        "read_by_staff": [
            {
                "when": entry.created_at.isoformat(),
                "what": entry.data.get("what", ""),
                "via": entry.data.get("via", ""),
                "by": entry.actor.get_full_name() if entry.actor else "",
            }
            for entry in personal_data_reads_of(profile)
        ],
    }


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None
