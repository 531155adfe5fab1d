"""The officers' lists: the panel, the assignments, the ranking and the best selection."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from skillbridge.calls.models import Call, Proposal, TeamMember
from skillbridge.people.models import Organisation, Role, User
from skillbridge.people.selectors import programmes_where
from skillbridge.review.models import Decision, PoolMember, Review
from skillbridge.review.scoring import EMPTY_STATS, ProposalStats, SubmittedScore, proposal_stats
from skillbridge.review.selection import Candidate, Selection, best_set
from skillbridge.review.states import ASSIGNABLE, DECIDED, IN_REVIEW

# --- Officers' lists ------------------------------------------------------------------------


def calls_run_by(user: User) -> QuerySet[Call]:
    """The calls of every programme `user` runs as officer: the review's index page."""
    programmes = programmes_where(user, Role.PROGRAMME_OFFICER)
    return Call.objects.filter(programme_id__in=programmes).select_related("programme")


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
    """Every assignment of the call, with what its rules read (the proposal's programme)."""
    return (
        Review.objects.filter(proposal__call=call)
        .select_related("proposal__call__programme", "proposal__college", "reviewer")
        .order_by("proposal__title", "proposal_id", "reviewer__email")
    )


def review_candidates(call: Call) -> QuerySet[Proposal]:
    """Proposals the engine assigns: eligible, or already under review."""
    return Proposal.objects.filter(call=call, state__in=ASSIGNABLE).select_related(
        "college", "sector"
    )


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
        .select_related("call__programme", "college", "sector", "decision")
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


def ranking_row(call: Call, proposal_pk: int) -> RankingRow:
    """The ranking's row of one proposal of the call, or 404 for one outside the call's review."""
    for row in ranking(call):
        if row.proposal.pk == proposal_pk:
            return row
    raise Http404


def ranking_colleges(rows: list[RankingRow]) -> QuerySet[Organisation]:
    """The colleges of the ranked proposals, for the ranking's filter."""
    colleges = {row.proposal.college_id for row in rows}
    return Organisation.objects.filter(pk__in=colleges).order_by("short_name")


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
