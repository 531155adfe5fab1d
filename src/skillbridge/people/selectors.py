"""Reads about people and their roles, already limited to what a user may see."""

from collections import defaultdict

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.db.models import QuerySet

from skillbridge.common.accessors import object_for
from skillbridge.people.models import ApiToken, Consent, ProgrammeRole, Role, User
from skillbridge.programmes.models import Programme

_ROLES_CACHE = "_skillbridge_roles"


def roles_by_programme(user: User) -> dict[int, frozenset[str]]:
    """Map each programme id to the roles `user` holds there.

    Read once per request and kept on the user object, because every
    permission predicate asks it.
    """
    if not user.is_authenticated:
        return {}
    cached = getattr(user, _ROLES_CACHE, None)
    if cached is None:
        found: dict[int, set[str]] = defaultdict(set)
        for programme_id, role in ProgrammeRole.objects.filter(user=user).values_list(
            "programme_id", "role"
        ):
            found[programme_id].add(role)
        cached = {pid: frozenset(roles) for pid, roles in found.items()}
        setattr(user, _ROLES_CACHE, cached)
    return cached


def roles_in(user: User, programme: Programme) -> frozenset[str]:
    return roles_by_programme(user).get(programme.pk, frozenset())


def programmes_where(user: User, role: str) -> list[int]:
    """The ids of the programmes where `user` holds `role` (read from the per-request roles)."""
    return [pid for pid, roles in roles_by_programme(user).items() if role in roles]


def all_roles(user: User) -> frozenset[str]:
    return frozenset().union(*roles_by_programme(user).values())


# Roles that read or change other people's records: they sign in with a second factor.
STAFF_ROLES = frozenset(
    {Role.PROGRAMME_OFFICER, Role.FINANCE_OFFICER, Role.REVIEWER, Role.COLLEGE_COORDINATOR}
)
# RFC 2606 reserves example.org: no real person has an address there, so it
# marks the demo accounts (and the test cast) that may skip the second factor
# where MFA_EXEMPT_DEMO_ACCOUNTS allows it (never in production).
DEMO_DOMAIN = "@example.org"


def is_exempt_demo_account(user: User) -> bool:
    return settings.MFA_EXEMPT_DEMO_ACCOUNTS and user.email.lower().endswith(DEMO_DOMAIN)


def mfa_required_for(user: User) -> bool:
    """True when `user` holds a staff role (or the admin site) and must use MFA."""
    if not user.is_authenticated or is_exempt_demo_account(user):
        return False
    return user.is_staff or user.is_superuser or bool(all_roles(user) & STAFF_ROLES)


def mfa_missing_for(user: User) -> bool:
    """True when `user` must sign in with a second factor but has not set one up."""
    return mfa_required_for(user) and not is_mfa_enabled(user)


def memberships_for(user: User) -> QuerySet[ProgrammeRole]:
    """The user's own roles, with what a dashboard shows about each."""
    return (
        ProgrammeRole.objects.filter(user=user)
        .select_related("programme", "organisation")
        .order_by("programme__name", "role")
    )


def programme_for(user: User, slug: str, perm: str | None = None) -> Programme:
    """The programme named `slug`: 404 to anyone who holds no role in it, 403 without `perm`.

    `perm` is a rules permission on the programme (None when holding any role
    in it is the whole right).
    """
    member_of = Programme.objects.filter(pk__in=list(roles_by_programme(user)))
    return object_for(user, member_of, perm=perm, slug=slug)


def tokens_of(user: User) -> QuerySet[ApiToken]:
    """The API tokens `user` holds and has not revoked."""
    return ApiToken.objects.live().filter(user=user)


def token_for(user: User, pk: int, perm: str | None = None) -> ApiToken:
    """One of `user`'s own live API tokens: anyone else's answers 404."""
    return object_for(user, tokens_of(user), perm=perm, pk=pk)


def active_consent(user: User, programme: Programme) -> Consent | None:
    """The consent `user` has given `programme` and not withdrawn, if any."""
    if not user.is_authenticated:
        return None
    return Consent.objects.filter(user=user, programme=programme, withdrawn_at__isnull=True).first()


def consents_of(user: User) -> QuerySet[Consent]:
    """Every consent a person has given, newest first, for their own records."""
    return Consent.objects.filter(user=user).select_related("programme")


def programme_officers(programme: Programme) -> list[User]:
    """The active programme officers of `programme`, each once, in a stable order."""
    return list(
        User.objects.filter(
            programme_roles__programme=programme,
            programme_roles__role=Role.PROGRAMME_OFFICER,
            is_active=True,
        )
        .distinct()
        .order_by("pk")
    )
