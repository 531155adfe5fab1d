"""Reads of the review app, already limited to what the asking user may see."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Lower
from django.http import Http404

from skillbridge.calls.models import Call, Proposal, RubricCriterion, TeamMember
from skillbridge.calls.selectors import proposals_of_member
from skillbridge.people.models import Role, User
from skillbridge.people.selectors import roles_in
from skillbridge.review.models import Decision, PoolMember, Review
from skillbridge.review.scoring import EMPTY_STATS, ProposalStats, SubmittedScore, proposal_stats
from skillbridge.review.selection import Candidate, Selection, best_set

# Proposals that take part in a call's review, from assignment to decision.
IN_REVIEW = [
    Proposal.State.ELIGIBLE,
    Proposal.State.UNDER_REVIEW,
    Proposal.State.SELECTED,
    Proposal.State.RESERVE,
    Proposal.State.NOT_SELECTED,
]
DECIDED = {Proposal.State.SELECTED, Proposal.State.RESERVE, Proposal.State.NOT_SELECTED}


# --- Conflicts ------------------------------------------------------------------------------


def automatic_conflicts(
    *, proposals: Iterable[Proposal], members: Iterable[PoolMember]
) -> set[tuple[int, int]]:
    """(proposal id, reviewer id) pairs that conflict without any declaration.

    A reviewer conflicts with a proposal when they sit for the proposal's
    college, or are on its team, found by account or by email address
    (invited members may not have an account yet). One query.
    """
    proposals, members = list(proposals), list(members)
    found = set()
    for proposal in proposals:
        for member in members:
            if member.organisation_id and member.organisation_id == proposal.college_id:
                found.add((proposal.pk, member.reviewer_id))
    by_email = {m.reviewer.email.lower(): m.reviewer_id for m in members}
    by_user = {m.reviewer_id for m in members}
    team = TeamMember.objects.filter(proposal__in=[p.pk for p in proposals]).values_list(
        "proposal_id", "user_id", Lower("email")
    )
    for proposal_id, user_id, email in team:
        if user_id in by_user:
            found.add((proposal_id, user_id))
        if email in by_email:
            found.add((proposal_id, by_email[email]))
    return found


def conflicts_automatically(*, reviewer: User, proposal: Proposal) -> bool:
    """Whether `reviewer` has an automatic conflict with `proposal` in its call's pool.

    Without a pool entry, the organisation of the reviewer role is used.
    """
    member = (
        PoolMember.objects.filter(call_id=proposal.call_id, reviewer=reviewer)
        .select_related("reviewer")
        .first()
    )
    if member is None:
        member = PoolMember(call_id=proposal.call_id, reviewer=reviewer)
        role = reviewer.programme_roles.filter(
            programme_id=proposal.call.programme_id, role=Role.REVIEWER
        ).first()
        member.organisation_id = role.organisation_id if role else None
    return bool(automatic_conflicts(proposals=[proposal], members=[member]))


# --- Objects a user may reach (404 to outsiders) --------------------------------------------


def call_for_member(user: User, pk: int) -> Call:
    call = Call.objects.select_related("programme").filter(pk=pk).first()
    if call is None or not roles_in(user, call.programme):
        raise Http404
    return call


def review_for_member(user: User, pk: int) -> Review:
    review = (
        Review.objects.select_related(
            "proposal__call__programme", "proposal__college", "proposal__sector", "reviewer"
        )
        .filter(pk=pk)
        .first()
    )
    if review is None or not roles_in(user, review.proposal.call.programme):
        raise Http404
    return review


def proposal_for_member(user: User, pk: int) -> Proposal:
    proposal = (
        Proposal.objects.select_related("call__programme", "college", "sector")
        .filter(pk=pk)
        .first()
    )
    if proposal is None or not roles_in(user, proposal.call.programme):
        raise Http404
    return proposal


# --- Reviewers' lists -----------------------------------------------------------------------


def reviews_of(reviewer: User) -> QuerySet[Review]:
    """The reviewer's own current assignments, newest call first."""
    return (
        Review.objects.filter(reviewer=reviewer, status=Review.Status.ACTIVE)
        .select_related("proposal__call", "proposal__college", "proposal__sector")
        .order_by("-proposal__call__opens_at", "submitted_at", "proposal__title", "pk")
    )


def team_names(proposals: Iterable[Proposal]) -> dict[int, list[str]]:
    """Proposal id → the names on its team (what a reviewer sees before declaring)."""
    names: dict[int, list[str]] = {}
    members = TeamMember.objects.filter(proposal__in=list(proposals)).exclude(
        status=TeamMember.Status.REMOVED
    )
    for member in members.order_by("proposal_id", "-is_lead", "full_name", "email"):
        names.setdefault(member.proposal_id, []).append(member.full_name or member.email)
    return names


def next_review(reviewer: User, call: Call, *, after: Review | None = None) -> Review | None:
    """The reviewer's unsubmitted assignment in `call` whose proposal has the fewest reviews.

    Ties go to the earliest assignment. `after` (the review just finished) is skipped.
    """
    submitted = Count("proposal__reviews", filter=Q(proposal__reviews__submitted_at__isnull=False))
    queryset = Review.objects.filter(
        reviewer=reviewer,
        status=Review.Status.ACTIVE,
        submitted_at__isnull=True,
        proposal__call=call,
    )
    if after is not None:
        queryset = queryset.exclude(pk=after.pk)
    return queryset.annotate(done=submitted).order_by("done", "created_at", "pk").first()


def others_reviews(review: Review) -> QuerySet[Review] | list:
    """Other submitted reviews of the same proposal, shown only after submitting one's own."""
    if not (review.may_open and review.is_submitted):
        return []
    return (
        Review.objects.filter(proposal_id=review.proposal_id, submitted_at__isnull=False)
        .exclude(pk=review.pk)
        .select_related("reviewer")
        .prefetch_related("scores__criterion")
        .order_by("submitted_at", "pk")
    )


def criteria_of(call: Call) -> list[RubricCriterion]:
    return list(call.criteria.order_by("position", "pk"))


# --- Officers' lists ------------------------------------------------------------------------


def pool_of(call: Call) -> QuerySet[PoolMember]:
    active = Count(
        "reviewer__reviews",
        filter=Q(
            reviewer__reviews__proposal__call=call, reviewer__reviews__status=Review.Status.ACTIVE
        ),
    )
    return (
        PoolMember.objects.filter(call=call)
        .select_related("reviewer", "organisation")
        .prefetch_related("sectors")
        .annotate(load=active)
    )


def assignments_of(call: Call) -> QuerySet[Review]:
    return (
        Review.objects.filter(proposal__call=call)
        .select_related("proposal__college", "reviewer")
        .order_by("proposal__title", "proposal_id", "reviewer__email")
    )


def review_candidates(call: Call) -> QuerySet[Proposal]:
    """Proposals the engine assigns: eligible, or already under review."""
    return Proposal.objects.filter(
        call=call, state__in=[Proposal.State.ELIGIBLE, Proposal.State.UNDER_REVIEW]
    ).select_related("college", "sector")


@dataclass(frozen=True)
class RankingRow:
    proposal: Proposal
    stats: ProposalStats
    lead_sex: str
    decision: Decision | None
    rank: int = 0


# Sort keys offered on the ranking page, each a tuple that sorts best first.
SORTS = {
    "calibrated": lambda r: (-(r.stats.calibrated or 0), -(r.stats.mean or 0)),
    "mean": lambda r: (-(r.stats.mean or 0), -(r.stats.calibrated or 0)),
    "median": lambda r: (-(r.stats.median or 0), -(r.stats.calibrated or 0)),
    "spread": lambda r: (-(r.stats.spread or 0),),
    "count": lambda r: (-r.stats.count,),
    "title": lambda r: (r.proposal.title.lower(),),
}


def _tie_break(row: RankingRow) -> tuple:
    """Stated tie-breaks: calibrated mean, raw mean, median, more reviews, older proposal."""
    s = row.stats
    return (-(s.calibrated or 0), -(s.mean or 0), -(s.median or 0), -s.count, row.proposal.pk)


def ranking(call: Call) -> list[RankingRow]:
    """Every proposal in the call's review with its scores, best first; a fixed number of queries.

    The rank is by calibrated mean; ties go to the higher raw mean, then the
    higher median, then more reviews, then the older proposal (lower id).
    """
    proposals = list(
        Proposal.objects.filter(call=call, state__in=IN_REVIEW)
        .select_related("college", "sector", "decision")
        .prefetch_related(
            Prefetch(
                "members",
                queryset=TeamMember.objects.filter(is_lead=True),
                to_attr="lead_members",
            )
        )
    )
    submitted = Review.objects.filter(
        proposal__call=call, submitted_at__isnull=False, weighted_score__isnull=False
    ).values_list("proposal_id", "reviewer_id", "weighted_score")
    stats = proposal_stats([SubmittedScore(p, r, float(v)) for p, r, v in submitted])
    rows = [
        RankingRow(
            proposal=p,
            stats=stats.get(p.pk, EMPTY_STATS),
            lead_sex=p.lead_members[0].sex if p.lead_members else "",
            decision=getattr(p, "decision", None),
        )
        for p in proposals
    ]
    rows.sort(key=_tie_break)
    return [
        RankingRow(row.proposal, row.stats, row.lead_sex, row.decision, rank)
        for rank, row in enumerate(rows, start=1)
    ]


def sort_and_filter(
    rows: list[RankingRow],
    *,
    sort: str = "calibrated",
    sector: str = "",
    college: str = "",
    flagged: bool = False,
    outcome: str = "",
) -> list[RankingRow]:
    """Filter the ranking and sort it by `sort`, breaking ties by the ranking's own order."""
    chosen = [
        r
        for r in rows
        if (not sector or (r.proposal.sector and r.proposal.sector.slug == sector))
        and (not college or str(r.proposal.college_id) == college)
        and (not flagged or r.stats.disagreement)
        and (not outcome or (r.decision.outcome if r.decision else "undecided") == outcome)
    ]
    key = SORTS.get(sort, SORTS["calibrated"])
    return sorted(chosen, key=lambda r: (*key(r), r.rank))


@dataclass(frozen=True)
class SelectionView:
    selection: Selection
    rows: dict[int, RankingRow]
    reserve: tuple[int, ...]

    @property
    def chosen_rows(self) -> list[RankingRow]:
        return [self.rows[pk] for pk in self.selection.chosen]

    @property
    def reserve_rows(self) -> list[RankingRow]:
        return [self.rows[pk] for pk in self.reserve]

    @property
    def bindings(self) -> list[dict]:
        return [
            {
                "quota": b.quota,
                "total_without": b.total_without,
                "enter": [self.rows[pk] for pk in b.would_enter],
                "leave": [self.rows[pk] for pk in b.would_leave],
            }
            for b in self.selection.binding
        ]


def selection_for(
    call: Call,
    *,
    size: int,
    reserve: int = 0,
    min_per_sector: int = 0,
    max_per_college: int | None = None,
    min_per_sex: int = 0,
    released: bool = False,
) -> SelectionView:
    """The best set of `size` reviewed, undecided-or-staged proposals under the quotas.

    Candidates are the proposals under review with at least one submitted
    review, valued by calibrated mean (see `review.selection`); the reserve list
    is the next `reserve` candidates in ranking order outside the chosen set.
    With `released`, proposals whose decision is released take part too: a
    comparison with the committee's choice once nothing is left to decide.
    """
    states = {Proposal.State.UNDER_REVIEW} | (DECIDED if released else set())
    rows = [r for r in ranking(call) if r.proposal.state in states and r.stats.count > 0]
    candidates = [
        Candidate(
            id=r.proposal.pk,
            value=r.stats.calibrated or 0.0,
            sector=r.proposal.sector.name if r.proposal.sector else "",
            college=r.proposal.college.short_name,
            lead_sex=r.lead_sex,
        )
        for r in rows
    ]
    result = best_set(
        candidates,
        min(size, len(candidates)),
        min_per_sector=min_per_sector,
        max_per_college=max_per_college,
        min_per_sex=min_per_sex,
    )
    chosen = set(result.chosen)
    waiting = tuple(r.proposal.pk for r in rows if r.proposal.pk not in chosen)[:reserve]
    return SelectionView(
        selection=result,
        rows={r.proposal.pk: r for r in rows},
        reserve=waiting if result.feasible else (),
    )


def decisions_of(call: Call) -> QuerySet[Decision]:
    """The call's decisions, each knowing whether its proposal already has a grant."""
    funded = Proposal.objects.filter(pk=OuterRef("proposal_id"), grant__isnull=False)
    return (
        Decision.objects.filter(call=call)
        .select_related("proposal__college")
        .annotate(has_grant=Exists(funded))
        .order_by("outcome", "reserve_rank", "proposal__title")
    )


def unreviewed_undecided(call: Call) -> int:
    """Proposals under review that nobody has reviewed yet and that have no decision."""
    reviewed = Review.objects.filter(proposal__call=call, submitted_at__isnull=False)
    return (
        Proposal.objects.filter(call=call, state=Proposal.State.UNDER_REVIEW, decision__isnull=True)
        .exclude(pk__in=reviewed.values("proposal_id"))
        .count()
    )


# --- After the release: the reserve list ----------------------------------------------------


def reserve_list(call: Call) -> QuerySet[Decision]:
    """The released reserve list as it stands: proposals still in reserve, first place first."""
    return (
        Decision.objects.filter(
            call=call,
            released_at__isnull=False,
            outcome=Decision.Outcome.RESERVE,
            proposal__state=Proposal.State.RESERVE,
        )
        .select_related("proposal__college")
        .order_by("reserve_rank")
    )


def places_to_fill(call: Call) -> int:
    """Places of selected teams that left after the release and no reserve has taken yet.

    A team leaves when it withdraws or is disqualified; each promotion fills
    one place. A promoted team that leaves in turn frees its place again.
    """
    left = (
        Decision.objects.filter(
            call=call, released_at__isnull=False, outcome=Decision.Outcome.SELECTED
        )
        .exclude(proposal__state=Proposal.State.SELECTED)
        .count()
    )
    promoted = Decision.objects.filter(call=call, promoted_at__isnull=False).count()
    return max(left - promoted, 0)


# --- Applicants -----------------------------------------------------------------------------


def own_proposals_in_review(user: User) -> QuerySet[Proposal]:
    """Proposals of the teams the user joined (never one they were removed from), once in review.

    "On the team" is the calls app's own definition, so a removal there is a
    removal here too. A team that left after the release (withdrew, was
    disqualified) still finds its decision here.
    """
    return (
        proposals_of_member(user)
        .filter(Q(state__in=IN_REVIEW) | Q(decision__released_at__isnull=False))
        .select_related("call", "college", "decision")
        .order_by("-call__opens_at", "title")
    )


def shared_comments(proposal: Proposal) -> list[str]:
    """The reviewers' comments for the applicants, once the committee shared them."""
    decision = getattr(proposal, "decision", None)
    if decision is None or decision.released_at is None or not decision.comments_shared:
        return []
    comments = (
        proposal.reviews.filter(submitted_at__isnull=False)
        .exclude(applicant_comment="")
        .order_by("submitted_at")
        .values_list("applicant_comment", flat=True)
    )
    return list(comments)
