"""Reads about needs, runs and pairings, already limited to what the asker may see."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404

from skillbridge.calls.models import Proposal, TeamMember
from skillbridge.common.accessors import object_for
from skillbridge.pairing.models import (
    Candidate,
    MatchingRun,
    Need,
    PairDecision,
    Pairing,
    TrainingRequest,
)
from skillbridge.people.models import Consent, Role, User
from skillbridge.people.selectors import programmes_where
from skillbridge.programmes.models import Programme

PAIRING_RELATIONS = (
    "programme",
    "need__sector",
    "need__proposal__college",
    "need__training_request__college",
    "expert__user",
)


def _has_grant_relation() -> bool:
    return any(f.name == "grant" for f in Proposal._meta.related_objects)


def funded_projects(programme: Programme) -> QuerySet[Proposal]:
    """Selected proposals of the programme (its funded projects), with their needs."""
    queryset = (
        Proposal.objects.filter(call__programme=programme, state=Proposal.State.SELECTED)
        .select_related("college", "sector", "lead")
        .prefetch_related(Prefetch("pairing_needs", queryset=needs_with_counts()))
        .order_by("college__short_name", "title", "pk")
    )
    if _has_grant_relation():
        queryset = queryset.select_related("grant")
    return queryset


def needs_with_counts() -> QuerySet[Need]:
    return (
        Need.objects.select_related(
            "sector", "proposal__college", "training_request__college", "programme"
        )
        .prefetch_related("skills")
        .annotate(
            taken=Count("pairings", filter=Q(pairings__state__in=Pairing.SEAT_STATES)),
            waiting=Count("pairings", filter=Q(pairings__state=Pairing.State.PROPOSED)),
        )
    )


def needs_of(programme: Programme) -> QuerySet[Need]:
    return needs_with_counts().filter(programme=programme).order_by("pk")


def need_in(programme: Programme, pk: int) -> Need:
    need = needs_of(programme).filter(pk=pk).first()
    if need is None:
        raise Http404
    return need


def training_requests_of(programme: Programme) -> QuerySet[TrainingRequest]:
    return (
        TrainingRequest.objects.filter(programme=programme)
        .select_related("college")
        .prefetch_related(Prefetch("needs", queryset=needs_with_counts()))
    )


def college_training_requests(programme: Programme, colleges) -> QuerySet[TrainingRequest]:
    """The training requests of `colleges` (ids) in `programme`, newest first, with who filed
    them and how many needs the officers have stated for each."""
    return (
        TrainingRequest.objects.filter(programme=programme, college_id__in=colleges)
        .select_related("college", "created_by")
        .annotate(need_count=Count("needs"))
        .order_by("-created_at", "-pk")
    )


def training_request_in(programme: Programme, pk: int) -> TrainingRequest:
    found = training_requests_of(programme).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def funded_project_in(programme: Programme, pk: int) -> Proposal:
    found = funded_projects(programme).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def decisions_of(need: Need) -> QuerySet[PairDecision]:
    return need.decisions.select_related("expert__user").order_by("kind", "pk")


def decision_in(programme: Programme, pk: int) -> PairDecision:
    decision = PairDecision.objects.filter(need__programme=programme, pk=pk).first()
    if decision is None:
        raise Http404
    return decision


def decisions_by_pair(needs) -> dict[tuple[int, int], str]:
    return {
        (need_pk, expert_pk): kind
        for need_pk, expert_pk, kind in PairDecision.objects.filter(need__in=needs).values_list(
            "need", "expert", "kind"
        )
    }


def _runs() -> QuerySet[MatchingRun]:
    return (
        MatchingRun.objects.select_related("programme", "created_by", "confirmed_by")
        .annotate(need_count=Count("needs", distinct=True))
        .order_by("-created_at", "-pk")
    )


def runs_of(programme: Programme) -> QuerySet[MatchingRun]:
    return _runs().filter(programme=programme)


def run_in(programme: Programme, pk: int) -> MatchingRun:
    run = runs_of(programme).filter(pk=pk).first()
    if run is None:
        raise Http404
    return run


def run_for(user: User, pk: int, perm: str | None = None) -> MatchingRun:
    """A run of a programme `user` runs as officer (else 404: runs are the officers' tool), on
    which they hold `perm` (else 403)."""
    visible = _runs().filter(programme__in=programmes_where(user, Role.PROGRAMME_OFFICER))
    return object_for(user, visible, perm=perm, pk=pk)


def candidates_of(run: MatchingRun) -> QuerySet[Candidate]:
    return (
        run.candidates.select_related(
            "need__sector",
            "need__proposal__college",
            "need__training_request__college",
            "expert__user",
        )
        .prefetch_related("expert__sectors")
        .order_by("need", "rank", "-score", "expert")
    )


def _team_member_of_need(user: User):
    return TeamMember.objects.filter(
        proposal=OuterRef("need__proposal"), user=user, status=TeamMember.Status.JOINED
    )


def pairings_visible_to(user: User) -> QuerySet[Pairing]:
    """Every pairing `user` may see.

    Officers: all of their programmes' pairings. A professional: their own,
    once invited (a proposal is the officers' draft). A project team member:
    their project's pairings once accepted, and not before.
    """
    if not user.is_authenticated:
        return Pairing.objects.none()
    visible = Q(programme__in=programmes_where(user, Role.PROGRAMME_OFFICER))
    visible |= Q(expert__user=user, invited_at__isnull=False)
    visible |= Q(Exists(_team_member_of_need(user)), state__in=Pairing.VISIBLE_TO_TEAM)
    return (
        Pairing.objects.filter(visible)
        .select_related(*PAIRING_RELATIONS)
        .order_by("-created_at", "-pk")
    )


def pairing_for(user: User, pk: int, perm: str | None = None) -> Pairing:
    """A pairing `user` may see (else 404), on which they hold `perm` (else 403)."""
    return object_for(user, pairings_visible_to(user), perm=perm, pk=pk)


def own_pairings(user: User) -> QuerySet[Pairing]:
    """The professional's own pairings from their invitation on, newest first."""
    if not user.is_authenticated:
        return Pairing.objects.none()
    return (
        Pairing.objects.filter(expert__user=user, invited_at__isnull=False)
        .select_related(*PAIRING_RELATIONS)
        .order_by("-invited_at", "-pk")
    )


def programme_pairings(programme: Programme, state: str = "") -> QuerySet[Pairing]:
    queryset = Pairing.objects.filter(programme=programme).select_related(*PAIRING_RELATIONS)
    if state:
        queryset = queryset.filter(state=state)
    return queryset.order_by("-created_at", "-pk")


def team_mentors(user: User, programme: Programme) -> QuerySet[Pairing]:
    """Accepted, active or completed pairings of the projects whose team `user` joined."""
    return (
        Pairing.objects.filter(
            programme=programme,
            state__in=Pairing.VISIBLE_TO_TEAM,
        )
        .filter(Exists(_team_member_of_need(user)))
        .select_related(*PAIRING_RELATIONS)
        .order_by("need__proposal__title", "pk")
    )


def sharing_consents(pairings) -> set[tuple[int, int]]:
    """(user, programme) of the pairings' professionals whose active consent lets their
    profile go to the host college. One query whatever the number of pairings."""
    pairings = list(pairings)
    if not pairings:
        return set()
    return set(
        Consent.objects.filter(
            programme__in={p.programme_id for p in pairings},
            user__in={p.expert.user_id for p in pairings},
            withdrawn_at__isnull=True,
            for_sharing_with_host=True,
        ).values_list("user", "programme")
    )


def mentor_card(pairing: Pairing, sharing: set[tuple[int, int]]) -> dict:
    """What a project team learns about its mentor: the name always (they accepted to work
    with the team), profession and country only with the consent to share them."""
    profile = pairing.expert
    shared = (profile.user_id, pairing.programme_id) in sharing
    return {
        "name": profile.display_name,
        "profession": profile.profession if shared else "",
        "country": profile.country.name if shared and profile.country else "",
        "shared": shared,
    }


def _joined(kind: str):
    # A correlated count per pairing (as calls.selectors counts a team); `order_by()` drops
    # the members' default order, which joined the proposals inside the subquery.
    members = TeamMember.objects.filter(
        proposal=OuterRef("need__proposal"), status=TeamMember.Status.JOINED, kind=kind
    ).order_by()
    counted = members.values("proposal_id").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted), 0)


def with_team(pairings: QuerySet[Pairing]) -> QuerySet[Pairing]:
    """What an invited professional learns about the team before answering: how many
    students and trainers have joined (`team_students`, `team_trainers`), never their
    names, which come once the pairing is accepted."""
    return pairings.annotate(
        team_students=_joined(TeamMember.Kind.STUDENT),
        team_trainers=_joined(TeamMember.Kind.TRAINER),
    ).prefetch_related("need__skills")


def open_invitations(user: User) -> QuerySet[Pairing]:
    """The professional's invitations waiting for an answer, the most urgent first."""
    invited = own_pairings(user).filter(state=Pairing.State.INVITED)
    return with_team(invited).order_by("respond_by", "pk")


def invitation_of(pairing: Pairing) -> Pairing:
    """One pairing as its invitation card shows it: with the team's counts."""
    return with_team(Pairing.objects.select_related(*PAIRING_RELATIONS)).get(pk=pairing.pk)


def proposed_pairings(run: MatchingRun) -> QuerySet[Pairing]:
    """The pairs a run's confirmation would invite, by need then score."""
    return (
        run.pairings.filter(state=Pairing.State.PROPOSED)
        .select_related(*PAIRING_RELATIONS)
        .order_by("need", "-score", "pk")
    )
