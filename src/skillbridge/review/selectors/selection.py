"""The best selection of a call's reviewed proposals under the committee's quotas, read
from the ranking (the choice itself is `review.selection.best_set`)."""

from __future__ import annotations

from dataclasses import dataclass

from skillbridge.calls.models import Call, Proposal
from skillbridge.review.selection import Candidate, Selection, best_set
from skillbridge.review.selectors.ranking import RankingRow, ranking
from skillbridge.review.states import DECIDED


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
        """The quotas that changed the choice; a sector's by its label in the reader's
        language (`subject`), the quota itself keys it by its code."""
        sectors = {
            r.proposal.sector.slug: r.proposal.sector.label
            for r in self.rows.values()
            if r.proposal.sector
        }
        return [
            {
                "quota": b.quota,
                "subject": sectors.get(b.quota.subject, b.quota.subject)
                if b.quota.kind == "sector_min"
                else b.quota.subject,
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
            sector=r.proposal.sector.slug if r.proposal.sector else "",
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
