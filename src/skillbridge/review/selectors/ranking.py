"""The officers' lists: the panel and the ranking (the assignments are in
selectors.assignments, the ranking's cached statistics in selectors.ranking_stats, the best
selection in selectors.selection, one proposal's reviews side by side in selectors.grid)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from skillbridge.calls.models import Call, Proposal, TeamMember
from skillbridge.common.choices import with_labels
from skillbridge.people.models import Organisation, Role, User
from skillbridge.people.selectors import programmes_where
from skillbridge.review.models import Decision, PoolMember, Review
from skillbridge.review.scoring import EMPTY_STATS, ProposalStats
from skillbridge.review.selectors.ranking_stats import call_stats
from skillbridge.review.states import ASSIGNABLE, IN_REVIEW

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


class Placed(NamedTuple):
    """What the ranking's order and filters read of one proposal, without its model row:
    a page sorts and filters every proposal of the call, then builds only its own rows.
    A named tuple, made five times faster than a frozen dataclass: a page makes one per
    proposal of the call."""

    pk: int
    title: str
    sector: str  # the sector's slug, "" without one
    college_id: int
    outcome: str  # the decision's outcome, "undecided" without one
    stats: ProposalStats
    rank: int = 0


# Sort keys offered on the ranking page, each a tuple that sorts best first.
SORTS = {
    "calibrated": lambda r: (-(r.stats.calibrated or 0), -(r.stats.mean or 0)),
    "mean": lambda r: (-(r.stats.mean or 0), -(r.stats.calibrated or 0)),
    "median": lambda r: (-(r.stats.median or 0), -(r.stats.calibrated or 0)),
    "spread": lambda r: (-(r.stats.spread or 0),),
    "count": lambda r: (-r.stats.count,),
    "title": lambda r: (r.title.lower(),),
}


def _key(pk: int, s: ProposalStats) -> tuple:
    """Stated tie-breaks: calibrated mean, raw mean, median, more reviews, older proposal."""
    return (-(s.calibrated or 0), -(s.mean or 0), -(s.median or 0), -s.count, pk)


# The columns a ranking row shows: never the proposal's texts or its frozen submission.
ROW_COLUMNS = (
    "pk",
    "title",
    "state",
    "call_id",
    "college_id",
    "sector_id",
    "college__name",
    "college__short_name",
    "sector__name",
    "sector__name_fr",
    "sector__name_rw",
    "sector__slug",
    "decision__id",
    "decision__proposal_id",
    "decision__outcome",
    "decision__reserve_rank",
    "decision__released_at",
)


def _ranked_proposals(call: Call, *, leads: bool = True):
    proposals = (
        Proposal.objects.filter(call=call, state__in=IN_REVIEW)
        .select_related("college", "sector", "decision")
        .only(*ROW_COLUMNS)
    )
    if not leads:
        return proposals
    lead_members = TeamMember.objects.filter(is_lead=True).only("pk", "proposal_id", "sex")
    return proposals.prefetch_related(
        Prefetch("members", queryset=lead_members, to_attr="lead_members")
    )


class _Ordered(NamedTuple):
    stats: dict[int, ProposalStats]
    entries: frozenset[tuple]
    placed: tuple[Placed, ...]


# Each web process keeps the order it last built per call, with what it was built from:
# the statistics (the very object `call_stats` keeps until a review changes them) and
# the columns read of every proposal. Both are checked on every page, so a new review,
# a decision or a renamed proposal gives a new order; sorting 4,000 proposals again on
# each page was half of the ranking's own work at 100 times the demo.
_ordered_here: dict[int, _Ordered] = {}


def ranking_order(call: Call) -> tuple[Placed, ...]:
    """Every proposal in the call's review, ranked, best first; two queries at most. The
    order is shared with the next page that reads the same.

    The rank is by calibrated mean; ties go to the higher raw mean, then the
    higher median, then more reviews, then the older proposal (lower id).
    """
    stats = call_stats(call)
    # Unordered: the order is the statistics', made below (the model's default would
    # sort every row in the database first).
    entries = frozenset(
        Proposal.objects.filter(call=call, state__in=IN_REVIEW)
        .order_by()
        .values_list("pk", "title", "sector__slug", "college_id", "decision__outcome")
    )
    kept = _ordered_here.get(call.pk)
    if kept is not None and kept.stats is stats and kept.entries == entries:
        return kept.placed
    scored = [(entry, stats.get(entry[0], EMPTY_STATS)) for entry in entries]
    scored.sort(key=lambda item: _key(item[0][0], item[1]))
    placed = tuple(
        Placed(pk, title, slug or "", college, outcome or "undecided", stats_, rank)
        for rank, ((pk, title, slug, college, outcome), stats_) in enumerate(scored, start=1)
    )
    _ordered_here[call.pk] = _Ordered(stats, entries, placed)
    return placed


def ranking_rows(call: Call, placed: Sequence[Placed], *, leads: bool = True) -> list[RankingRow]:
    """The ranking's rows of the `placed` proposals, in their order; two queries, one
    without `leads` (the team lead's sex, which only the selection's quotas read)."""
    proposals = _ranked_proposals(call, leads=leads).in_bulk([p.pk for p in placed])
    rows = []
    for p in placed:
        proposal = proposals[p.pk]
        proposal.call = call  # the rules read its programme: no query per row
        members = getattr(proposal, "lead_members", None)
        lead = members[0].sex if members else ""
        decision = getattr(proposal, "decision", None)
        rows.append(RankingRow(proposal, p.stats, lead, decision, p.rank))
    # Each decision's outcome in the reader's language, as `outcome_label`: translated
    # once here, where get_outcome_display translates every outcome again on each row.
    with_labels((r.decision for r in rows if r.decision), outcome=Decision.Outcome.choices)
    return rows


def ranking(call: Call) -> list[RankingRow]:
    """Every proposal in the call's review with its scores, best first (`ranking_order`);
    a fixed number of queries."""
    return ranking_rows(call, ranking_order(call))


def ranking_row(call: Call, proposal_pk: int) -> RankingRow:
    """The ranking's row of one proposal of the call, or 404 for one outside the call's review.

    Its rank comes from the cached statistics and the ids of the call's proposals in
    review: the other rows are never built.
    """
    in_review = set(
        Proposal.objects.filter(call=call, state__in=IN_REVIEW)
        .order_by()
        .values_list("pk", flat=True)
    )
    if proposal_pk not in in_review:
        raise Http404
    stats = call_stats(call)
    mine = _key(proposal_pk, stats.get(proposal_pk, EMPTY_STATS))
    ahead = sum(1 for pk in in_review if _key(pk, stats.get(pk, EMPTY_STATS)) < mine)
    placed = Placed(proposal_pk, "", "", 0, "", stats.get(proposal_pk, EMPTY_STATS), ahead + 1)
    return ranking_rows(call, [placed])[0]


def ranking_colleges_of(call: Call) -> QuerySet[Organisation]:
    """The colleges of the call's proposals in review, without building the ranking."""
    in_review = Proposal.objects.filter(call=call, state__in=IN_REVIEW).values("college_id")
    return Organisation.objects.filter(pk__in=in_review).order_by("short_name")


def sort_and_filter(
    placed: Sequence[Placed],
    *,
    sort: str = "calibrated",
    sector: str = "",
    college: str = "",
    flagged: bool = False,
    outcome: str = "",
) -> list[Placed]:
    """Filter the ranking's order (`ranking_order`, in rank order) and sort it by `sort`,
    breaking ties by the rank."""
    chosen = [
        p
        for p in placed
        if (not sector or p.sector == sector)
        and (not college or str(p.college_id) == college)
        and (not flagged or p.stats.disagreement)
        and (not outcome or p.outcome == outcome)
    ]
    if sort not in SORTS or sort == "calibrated":
        # The rank is by the calibrated mean first, then these tie-breaks: `placed` is
        # already in this order, and so is what is left of it.
        return chosen
    return sorted(chosen, key=lambda p: (*SORTS[sort](p), p.rank))
