"""Reads of calls and proposals, already limited to what a user may see."""

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from skillbridge.calls.models import (
    Attachment,
    BudgetLine,
    Call,
    Proposal,
    RubricCriterion,
    TeamMember,
)
from skillbridge.calls.models.texts import site_languages
from skillbridge.calls.states import AFFILIATION_OPEN, OFFICER_AFFILIATION_OPEN, PROPOSAL
from skillbridge.common.accessors import object_for
from skillbridge.common.choices import with_labels
from skillbridge.people.models import Organisation, ProgrammeRole, Role
from skillbridge.people.rules import is_officer_anywhere
from skillbridge.people.selectors import programmes_where

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
    visible = Q(is_published=True)
    if user.is_authenticated:
        officer_of = ProgrammeRole.objects.filter(user=user, role=Role.PROGRAMME_OFFICER)
        visible |= Q(programme_id__in=officer_of.values("programme_id"))
    return _with_rubric(Call.objects.filter(visible)).order_by("-opens_at", "id")


def call_for(user, pk: int, perm: str | None = None, *, rubric: bool = True) -> Call:
    """A call `user` may see (published, or in a programme they run): else 404; 403 without
    `perm` (a rules permission on the call). Its sectors, colleges and criteria come with
    it, unless `rubric` is False (a page that reads at most one of them saves the rest)."""
    calls = calls_visible_to(user)
    if not rubric:
        calls = calls.prefetch_related(None)
    return object_for(user, calls, perm=perm, pk=pk)


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


def call_missing_translations(call: Call) -> list[dict]:
    """Per language other than the programme's main one, the call's fields and the rubric's
    criteria that lack text in it: [{"language", "name", "call_fields", "criteria"}], each
    field given by its label."""
    names = dict(settings.LANGUAGES)
    call_missing = call.missing_translations()
    criteria = [(c, c.missing_translations()) for c in call.criteria.all()]
    return [
        {
            "language": code,
            "name": names[code],
            "call_fields": _labels(Call, call_missing.get(code, [])),
            "criteria": [
                (c, _labels(RubricCriterion, missing[code]))
                for c, missing in criteria
                if code in missing
            ],
        }
        for code in site_languages()
        if code != call.programme.main_language
    ]


def _labels(model, fields: list[str]) -> list[str]:
    # A criterion's `name` is labelled "criterion" in its form; beside the criterion it is a name.
    names = {"name": _("name")}
    return [names.get(field) or model._meta.get_field(field).verbose_name for field in fields]


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


def proposal_for(user, pk: int, perm: str | None = None) -> Proposal:
    """A proposal `user` may see, with its team, budget and attachments: else 404; 403
    without `perm` (a rules permission on the proposal)."""
    return object_for(user, _with_everything(proposals_visible_to(user)), perm=perm, pk=pk)


def next_awaiting_eligibility(proposal: Proposal) -> Proposal | None:
    """Once `proposal`'s eligibility is decided, the oldest other proposal of its call
    still waiting for that decision (None while `proposal` itself waits)."""
    if proposal.state == Proposal.State.SUBMITTED:
        return None
    return (
        Proposal.objects.filter(call_id=proposal.call_id, state=Proposal.State.SUBMITTED)
        .exclude(pk=proposal.pk)
        .order_by("submitted_at", "pk")
        .only("pk", "title")
        .first()
    )


def _part_of(parts, pk: int):
    """The part numbered `pk` among a proposal's prefetched `parts`, or 404."""
    for part in parts:
        if part.pk == pk:
            return part
    raise Http404


def member_for(user, pk: int, perm: str | None = None, *, proposal_pk: int) -> TeamMember:
    """A member (or invitee) of the team of a proposal `user` may see: else 404; 403 without
    `perm` on the proposal."""
    return _part_of(proposal_for(user, proposal_pk, perm).members.all(), pk)


def budget_line_for(user, pk: int, perm: str | None = None, *, proposal_pk: int) -> BudgetLine:
    """A budget line of a proposal `user` may see: else 404; 403 without `perm` on it."""
    return _part_of(proposal_for(user, proposal_pk, perm).budget_lines.all(), pk)


def attachment_for(user, pk: int, perm: str | None = None, *, proposal_pk: int) -> Attachment:
    """A document of a proposal `user` may see: else 404; 403 without `perm` on it."""
    return _part_of(proposal_for(user, proposal_pk, perm).attachments.all(), pk)


def proposal_has_grant(proposal: Proposal) -> bool:
    """Whether a grant was awarded to `proposal` (the grants app ends it, not the team)."""
    return Proposal.objects.filter(pk=proposal.pk, grant__isnull=False).exists()


def proposal_filter_choices(user) -> tuple[QuerySet[Call], QuerySet[Organisation]]:
    """The calls and colleges the list of proposals offers `user` to filter by.

    The calls of the programmes where they are officer or coordinator; every
    college for an officer, else the colleges they coordinate.
    """
    roles = ProgrammeRole.objects.filter(
        user=user, role__in=[Role.PROGRAMME_OFFICER, Role.COLLEGE_COORDINATOR]
    )
    calls = Call.objects.filter(programme__in=roles.values("programme_id")).order_by("-opens_at")
    if is_officer_anywhere(user):
        colleges = Organisation.objects.filter(kind=Organisation.Kind.COLLEGE)
    else:
        colleges = Organisation.objects.filter(pk__in=roles.values("organisation_id"))
    return calls, colleges


# What no list shows: the answers, the frozen copy and the merge bookkeeping. Lists defer
# them, so a page of 50 proposals does not carry 50 proposals' worth of text.
LIST_DEFERRED = (
    "summary",
    "problem",
    "solution",
    "innovation",
    "market",
    "implementation_plan",
    "state_reason",
    "snapshot",
    "answer_versions",
)


def _joined_count(**among):
    # A subquery per row rather than a join and GROUP BY: the count leaves it out, and with
    # a LIMIT PostgreSQL evaluates it after the sort, for the page's rows only. `order_by()`
    # drops the members' default order, which would join the proposals again.
    members = TeamMember.objects.filter(
        proposal=OuterRef("pk"), status=TeamMember.Status.JOINED, **among
    ).order_by()
    counted = members.values("proposal_id").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted), 0)


LIST_ORDER = ("call_id", "college__short_name", "title", "id")


def _proposals_filtered(user, filters: dict) -> QuerySet[Proposal]:
    proposals = proposals_visible_to(user)
    if filters.get("call"):
        proposals = proposals.filter(call=filters["call"])
    if filters.get("college"):
        proposals = proposals.filter(college=filters["college"])
    if filters.get("sector"):
        proposals = proposals.filter(sector=filters["sector"])
    if filters.get("state"):
        proposals = proposals.filter(state=filters["state"])
    return proposals.order_by(*LIST_ORDER)


def _listed_rows(proposals: QuerySet[Proposal]) -> QuerySet[Proposal]:
    # The calls in a query of their own: a list spans a handful of calls, and joined, each
    # row carried its call's description and texts (a quarter of a page's reading).
    return (
        proposals.select_related("college", "sector", "lead")
        .prefetch_related("call")
        .annotate(team_size=_joined_count(), women=_joined_count(sex=TeamMember.Sex.FEMALE))
        .defer(*LIST_DEFERRED)
    )


def proposals_listed(*, user, filters: dict | None = None) -> QuerySet[Proposal]:
    """Proposals for the officer and coordinator lists, in a fixed number of queries."""
    return _listed_rows(_proposals_filtered(user, filters or {}))


def proposals_page(*, user, filters: dict | None = None, number, size: int) -> Page:
    """Page `number` of `proposals_listed`, each row with its `state_label`.

    In one query still, but in two steps: the page's ids are sorted from the proposals'
    own keys (and the college's name), then only those rows are read whole with their
    call, lead, sector and team counts. Sorted whole, every visible proposal was joined
    to its lead and its call before the sort kept a page: at 100 times the demo, two
    thirds of the page's query.
    """
    chosen = _proposals_filtered(user, filters or {}).values("pk")
    page = Paginator(chosen, size).get_page(number)
    rows = _listed_rows(Proposal.objects.filter(pk__in=page.object_list).order_by(*LIST_ORDER))
    page.object_list = with_labels(rows, state=Proposal.State.choices)
    return page


def proposals_of_member(user) -> QuerySet[Proposal]:
    """The proposals of the teams `user` has joined, newest first, with their teams."""
    own_teams = TeamMember.objects.filter(user=user, status=TeamMember.Status.JOINED).values(
        "proposal_id"
    )
    return (
        Proposal.objects.filter(pk__in=own_teams)
        .select_related("call", "college", "sector")
        .prefetch_related("members")
        .order_by("-updated_at", "-id")
    )


def proposals_of_member_listed(user) -> QuerySet[Proposal]:
    """The applicant's list of their teams' proposals: the columns it shows, with the team
    (the edit permission reads it)."""
    joined = TeamMember.objects.filter(status=TeamMember.Status.JOINED).only(
        "id", "proposal_id", "user_id", "status"
    )
    own_teams = TeamMember.objects.filter(user=user, status=TeamMember.Status.JOINED).values(
        "proposal_id"
    )
    return (
        Proposal.objects.filter(pk__in=own_teams)
        .select_related("call", "college")
        .defer(*LIST_DEFERRED)
        .prefetch_related(Prefetch("members", joined))
        .order_by("-updated_at", "-id")
    )


def invitations_for(user) -> QuerySet[TeamMember]:
    """Invitations waiting for `user`'s answer, matched on their email address."""
    return TeamMember.objects.filter(
        email__iexact=user.email,
        status=TeamMember.Status.INVITED,
        # An invitation can be accepted while the team can change, as long as the draft is.
        proposal__state__in=PROPOSAL["submit"].sources,
    ).select_related("proposal__call", "proposal__lead", "proposal__college")


def affiliations_waiting_for(user) -> QuerySet[TeamMember]:
    """Members whose affiliation waits for `user`: as a coordinator, those of their college's
    teams until eligibility is decided; as an officer, those of their programmes' submitted
    proposals, which the officer may confirm instead of a coordinator who does not act."""
    coordinated = Q(pk__in=[])
    for programme_id, colleges in coordinated_colleges(user).items():
        coordinated |= Q(
            proposal__call__programme_id=programme_id, proposal__college_id__in=colleges
        )
    run = Q(
        proposal__call__programme_id__in=programmes_where(user, Role.PROGRAMME_OFFICER),
        proposal__state__in=OFFICER_AFFILIATION_OPEN.states,
    )
    return (
        TeamMember.objects.filter(
            (coordinated & Q(proposal__state__in=AFFILIATION_OPEN.states)) | run,
            status=TeamMember.Status.JOINED,
            affiliation=TeamMember.Affiliation.PENDING,
        )
        .select_related("proposal__call", "proposal__college")
        .order_by("joined_at", "pk")
    )


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
            proposal__state__in=AFFILIATION_OPEN.states,
        )
        .select_related("proposal__call", "proposal__college")
        # Oldest first: the member who has waited longest is confirmed first.
        .order_by("joined_at", "pk")
    )
