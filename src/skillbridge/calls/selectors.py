"""Reads of calls and proposals, already limited to what a user may see."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from skillbridge.calls.models import Call, Proposal, RubricCriterion, TeamMember
from skillbridge.people.models import ProgrammeRole, Role

_COORDINATED_CACHE = "_skillbridge_coordinated_colleges"


def coordinated_colleges(user) -> dict[int, frozenset[int]]:
    """Map each programme id to the colleges `user` coordinates there (one query per request)."""
    if not user.is_authenticated:
        return {}
    cached = getattr(user, _COORDINATED_CACHE, None)
    if cached is None:
        found: dict[int, set[int]] = {}
        rows = ProgrammeRole.objects.filter(
            user=user, role=Role.COLLEGE_COORDINATOR, organisation__isnull=False
        ).values_list("programme_id", "organisation_id")
        for programme_id, organisation_id in rows:
            found.setdefault(programme_id, set()).add(organisation_id)
        cached = {pid: frozenset(orgs) for pid, orgs in found.items()}
        setattr(user, _COORDINATED_CACHE, cached)
    return cached


# Calls -------------------------------------------------------------------------------


def _with_rubric(calls: QuerySet[Call]) -> QuerySet[Call]:
    return calls.select_related("programme").prefetch_related(
        "sectors", "eligible_colleges", Prefetch("criteria", RubricCriterion.objects.all())
    )


def calls_open(*, now=None) -> QuerySet[Call]:
    """Published calls that accept submissions right now, the soonest deadline first."""
    now = now or timezone.now()
    return _with_rubric(
        Call.objects.filter(is_published=True, opens_at__lte=now, closes_at__gt=now)
    ).order_by("closes_at", "id")


def calls_visible_to(user) -> QuerySet[Call]:
    """Published calls, plus every call of the programmes `user` runs as officer."""
    officer_of = ProgrammeRole.objects.filter(user=user, role=Role.PROGRAMME_OFFICER).values(
        "programme_id"
    )
    return _with_rubric(
        Call.objects.filter(Q(is_published=True) | Q(programme_id__in=officer_of))
    ).order_by("-opens_at", "id")


def call_public(*, pk: int) -> Call:
    """A published call, or 404."""
    return get_object_or_404(_with_rubric(Call.objects.filter(is_published=True)), pk=pk)


def call_for(*, user, pk: int) -> Call:
    """A call `user` may see (published, or in a programme they run), or 404."""
    return get_object_or_404(calls_visible_to(user), pk=pk)


def calls_managed_by(user) -> QuerySet[Call]:
    officer_of = ProgrammeRole.objects.filter(user=user, role=Role.PROGRAMME_OFFICER).values(
        "programme_id"
    )
    return (
        Call.objects.filter(programme_id__in=officer_of)
        .select_related("programme")
        .annotate(
            proposal_count=Count("proposals", filter=~Q(proposals__state=Proposal.State.DRAFT))
        )
        .order_by("-opens_at", "id")
    )


def call_managed_by(*, user, pk: int) -> Call:
    """A call of a programme `user` runs as officer, or 404."""
    return get_object_or_404(
        Call.objects.select_related("programme").filter(
            programme__roles__user=user, programme__roles__role=Role.PROGRAMME_OFFICER
        ),
        pk=pk,
    )


# Proposals ---------------------------------------------------------------------------


def proposals_visible_to(user) -> QuerySet[Proposal]:
    """Every proposal `user` may open.

    Officers see all proposals of their programmes, coordinators those of
    their college, and team members (who joined) their own team's.
    """
    if not user.is_authenticated:
        return Proposal.objects.none()
    officer_of = ProgrammeRole.objects.filter(user=user, role=Role.PROGRAMME_OFFICER).values(
        "programme_id"
    )
    own_teams = TeamMember.objects.filter(user=user, status=TeamMember.Status.JOINED).values(
        "proposal_id"
    )
    visible = Q(call__programme_id__in=officer_of) | Q(pk__in=own_teams)
    for programme_id, colleges in coordinated_colleges(user).items():
        visible |= Q(call__programme_id=programme_id, college_id__in=colleges)
    return Proposal.objects.filter(visible)


def _with_everything(proposals: QuerySet[Proposal]) -> QuerySet[Proposal]:
    return proposals.select_related(
        "call__programme", "college", "lead", "sector"
    ).prefetch_related(
        Prefetch("members", TeamMember.objects.select_related("user")),
        "budget_lines",
        "attachments",
        "call__sectors",
        "call__criteria",
    )


def proposal_for(*, user, pk: int) -> Proposal:
    """A proposal `user` may see, with its team, budget and attachments, or 404."""
    return get_object_or_404(_with_everything(proposals_visible_to(user)), pk=pk)


def proposals_listed(*, user, filters: dict | None = None) -> QuerySet[Proposal]:
    """Proposals for the officer and coordinator lists, in a fixed number of queries."""
    filters = filters or {}
    proposals = proposals_visible_to(user)
    if filters.get("call"):
        proposals = proposals.filter(call=filters["call"])
    if filters.get("college"):
        proposals = proposals.filter(college=filters["college"])
    if filters.get("sector"):
        proposals = proposals.filter(sector=filters["sector"])
    if filters.get("state"):
        proposals = proposals.filter(state=filters["state"])
    joined = Q(members__status=TeamMember.Status.JOINED)
    return (
        proposals.select_related("call", "college", "sector", "lead")
        .annotate(
            team_size=Count("members", filter=joined, distinct=True),
            women=Count(
                "members", filter=joined & Q(members__sex=TeamMember.Sex.FEMALE), distinct=True
            ),
        )
        .order_by("call_id", "college__short_name", "title", "id")
    )


def proposals_of_member(user) -> QuerySet[Proposal]:
    """The proposals of the teams `user` has joined, newest first."""
    own_teams = TeamMember.objects.filter(user=user, status=TeamMember.Status.JOINED).values(
        "proposal_id"
    )
    return (
        Proposal.objects.filter(pk__in=own_teams)
        .select_related("call", "college", "sector")
        .order_by("-updated_at", "-id")
    )


def invitations_for(user) -> QuerySet[TeamMember]:
    """Invitations waiting for `user`'s answer, matched on their email address."""
    return TeamMember.objects.filter(
        email__iexact=user.email,
        status=TeamMember.Status.INVITED,
        proposal__state=Proposal.State.DRAFT,
    ).select_related("proposal__call", "proposal__lead", "proposal__college")


def member_of(*, proposal: Proposal, pk: int) -> TeamMember:
    """A member of `proposal`'s team, or 404."""
    for member in proposal.members.all():
        if member.pk == pk:
            return member
    raise Http404


def affiliations_to_confirm(user) -> QuerySet[TeamMember]:
    """Members of their college's teams whose affiliation the coordinator has yet to check."""
    visible = Q(pk__in=[])
    for programme_id, colleges in coordinated_colleges(user).items():
        visible |= Q(proposal__call__programme_id=programme_id, proposal__college_id__in=colleges)
    return (
        TeamMember.objects.filter(visible)
        .filter(
            status=TeamMember.Status.JOINED,
            affiliation=TeamMember.Affiliation.PENDING,
            proposal__state__in=[Proposal.State.DRAFT, Proposal.State.SUBMITTED],
        )
        .select_related("proposal")
        .order_by("proposal__title", "full_name")
    )


def proposals_visible_for_api(user) -> QuerySet[Proposal]:
    """What `user` may see, with everything prefetched, in a stable order (for the API)."""
    return _with_everything(proposals_visible_to(user)).order_by("-updated_at", "-id")
