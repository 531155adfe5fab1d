"""Reads about professionals, already limited to what the asker may see."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, F, FilteredRelation, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from skillbridge.common.accessors import object_for
from skillbridge.common.choices import Modality
from skillbridge.common.multilingual import label_field
from skillbridge.experts.models import (
    AvailabilityWindow,
    ExpertLanguage,
    ExpertProfile,
    ImportBatch,
    QualificationLevel,
    Skill,
)
from skillbridge.people.models import User
from skillbridge.people.selectors import roles_by_programme
from skillbridge.programmes.models import Programme, Sector

PROFILE_RELATIONS = ("sectors", "skills", "languages", "availability")


def _with_relations(queryset: QuerySet[ExpertProfile]) -> QuerySet[ExpertProfile]:
    return queryset.select_related("user", "qualification", "programme").prefetch_related(
        *PROFILE_RELATIONS
    )


def _in_pool(profiles: QuerySet[ExpertProfile]) -> QuerySet[ExpertProfile]:
    """`profiles` that are in the pool: not erased, and a current basis to hold each for the pool.

    That basis is the owner's active consent with the pool purpose (GDPR art.
    6(1)(a) and 7(3), and Law 058/2021's consent rules), or, for an imported
    profile its owner has not claimed yet, consent stated in the import.
    Withdrawing consent takes the profile out at once, everywhere: the
    officers' pool and its exports, the API, matching and invitations.
    """
    # A join, not EXISTS: an EXISTS inside OR cannot become a join, so PostgreSQL
    # hashed every active consent (44,000 rows at 100x) before the first row of a
    # page. At most one consent per person and programme is active (a unique
    # constraint), so the join never repeats a profile.
    profiles = profiles.annotate(
        pool_consent=FilteredRelation(
            "user__consents",
            condition=Q(
                user__consents__programme=F("programme"),
                user__consents__withdrawn_at__isnull=True,
                user__consents__for_pool=True,
            ),
        )
    )
    unclaimed_import = Q(claimed_at__isnull=True, imported_consent=True, user__isnull=False)
    return profiles.filter(
        ~Q(state=ExpertProfile.State.ERASED) & (Q(pool_consent__isnull=False) | unclaimed_import)
    )


def pool_profiles(programme: Programme) -> QuerySet[ExpertProfile]:
    """The professionals of `programme` who are in the pool: the one rule every read uses."""
    return _in_pool(ExpertProfile.objects.filter(programme=programme))


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


def own_profiles(user: User) -> QuerySet[ExpertProfile]:
    if not user.is_authenticated:
        return ExpertProfile.objects.none()
    return _with_relations(ExpertProfile.objects.filter(user=user)).order_by("pk")


def profile_for(
    user: User,
    pk: int | None,
    perm: str | None = None,
    *,
    programme: Programme | None = None,
) -> ExpertProfile:
    """One professional's profile: 404 unless `user` may see it, 403 unless they hold `perm`.

    With `pk`, a profile in the pool of `programme` (or of any programme
    `user` holds a role in): officers vet it, other members are refused by
    `perm`, and a profile out of the pool is not there for anyone. Without
    `pk`, `user`'s own profile in `programme`, in the pool or not.
    """
    if pk is None:
        return object_for(user, own_profiles(user), perm=perm, programme=programme)
    programmes = [programme.pk] if programme else list(roles_by_programme(user))
    in_pools = _in_pool(ExpertProfile.objects.filter(programme__in=programmes))
    return object_for(user, _with_relations(in_pools), perm=perm, pk=pk)


@dataclass(frozen=True)
class PoolFilters:
    text: str = ""
    sector: Sector | None = None
    skill: Skill | None = None
    language: str = ""
    country: str = ""
    available_from: datetime.date | None = None
    available_to: datetime.date | None = None
    modality: str = ""
    state: str = ""


def _windows_overlapping(filters: PoolFilters) -> QuerySet[AvailabilityWindow]:
    """The profile's availability windows that overlap the period the filters ask for."""
    windows = AvailabilityWindow.objects.filter(profile=OuterRef("pk"))
    if filters.available_to:
        windows = windows.filter(starts_on__lte=filters.available_to)
    if filters.available_from:
        windows = windows.filter(ends_on__gte=filters.available_from)
    return windows


def pool_search(programme: Programme, filters: PoolFilters) -> QuerySet[ExpertProfile]:
    """Profiles of `programme` matching every filter given. For officers only.

    Filters on related rows use EXISTS rather than joins, so no profile is
    listed twice and the count stays right.
    """
    queryset = pool_profiles(programme)
    if filters.text:
        queryset = queryset.filter(
            Q(user__full_name__icontains=filters.text) | Q(user__email__icontains=filters.text)
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
        queryset = queryset.filter(Exists(_windows_overlapping(filters)))
    if filters.modality in Modality.values:
        # The profile says yes or no to each modality in a field of the modality's name.
        queryset = queryset.filter(**{filters.modality: True})
    if filters.state:
        queryset = queryset.filter(state=filters.state)
    # Newest first, by primary key: its index serves the order and the keyset
    # pages (pool_page), where ordering by name sorted the whole pool on every page.
    return _with_relations(queryset).order_by("-pk")


# What a row of the pool page shows, and no more: a profile's bio, phone and CV path,
# and its skills and availability, stay in the database until its own page asks.
POOL_ROW_FIELDS = (
    "programme_id", "user", "user__full_name", "user__email", "state", "claimed_at",
    "country", "city", "profession", "onsite", "remote",
)  # fmt: skip


def pool_rows(profiles: QuerySet[ExpertProfile]) -> QuerySet[ExpertProfile]:
    """`profiles` (from pool_search) with only the columns and relations the pool page shows."""
    return (
        profiles.select_related(None)
        .prefetch_related(None)
        .select_related("user")
        .only(*POOL_ROW_FIELDS)
    )


def sectors_and_languages(
    profiles: list[ExpertProfile],
) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    """For each of `profiles` (a page of the pool): its sectors' labels in the active
    language, by English name, and its languages' codes, by code.

    Two queries of plain values: prefetching built a sector and a language object,
    and a related manager, per row, a third of the page's time at 100x.
    """
    ids = [profile.pk for profile in profiles]
    sectors: dict[int, list[str]] = {pk: [] for pk in ids}
    links = ExpertProfile.sectors.through.objects.filter(expertprofile_id__in=ids)
    label = f"sector__{label_field()}"
    for pk, name, local in links.order_by("sector__name").values_list(
        "expertprofile_id", "sector__name", label
    ):
        sectors[pk].append(local or name)
    languages: dict[int, list[str]] = {pk: [] for pk in ids}
    spoken = ExpertLanguage.objects.filter(profile_id__in=ids).order_by("code")
    for pk, code in spoken.values_list("profile_id", "code"):
        languages[pk].append(code)
    return sectors, languages


@dataclass(frozen=True)
class PoolPage:
    object_list: list
    count: int
    # True when there are more than `count` profiles: counting stopped there.
    more: bool
    after: int | None
    next_after: int | None


# Counting the whole pool reads every profile (and checks its consent) on every page:
# beyond this many, the page says "more than" rather than the exact number.
COUNT_LIMIT = 1000


def pool_page(
    profiles: QuerySet[ExpertProfile],
    *,
    after: int | None,
    size: int = 50,
    count_limit: int | None = None,
) -> PoolPage:
    """One page of `profiles` (ordered by -pk): those older than `after`, and the next key.

    Keyset pagination: a page reads its rows from the index, however deep it is,
    where an OFFSET reads and throws away every row before it. The count stops at
    `count_limit` (COUNT_LIMIT by default), so a page costs the same in a pool of a
    thousand or of fifty thousand.
    """
    count_limit = count_limit or COUNT_LIMIT
    rows = list((profiles.filter(pk__lt=after) if after else profiles)[: size + 1])
    next_after = rows[size - 1].pk if len(rows) > size else None
    counted = profiles.values("pk")[: count_limit + 1].count()
    return PoolPage(
        object_list=rows[:size],
        count=min(counted, count_limit),
        more=counted > count_limit,
        after=after,
        next_after=next_after,
    )


def free_skills() -> QuerySet[Skill]:
    """Skills typed by professionals that are not yet in the taxonomy."""
    return Skill.objects.filter(in_taxonomy=False).prefetch_related(
        Prefetch("profiles", queryset=ExpertProfile.objects.only("pk"))
    )


def taxonomy_skills() -> QuerySet[Skill]:
    return Skill.objects.filter(in_taxonomy=True).select_related("sector")


def programme_sectors(programme: Programme) -> QuerySet[Sector]:
    """The sectors `programme` works in: the ones its officers may rename."""
    return programme.sectors.order_by("name")


def sector_in(programme: Programme, pk: int) -> Sector:
    sector = programme_sectors(programme).filter(pk=pk).first()
    if sector is None:
        raise Http404
    return sector


def qualification_levels() -> QuerySet[QualificationLevel]:
    return QualificationLevel.objects.order_by("rank", "name")


def qualification_level(pk: int) -> QualificationLevel:
    level = qualification_levels().filter(pk=pk).first()
    if level is None:
        raise Http404
    return level


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
