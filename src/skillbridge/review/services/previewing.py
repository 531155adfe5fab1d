"""Previewing an engine run: read the call, build the engine's instance, fingerprint what was read.

Nothing here writes; `assigning.assignment_run` applies what `prepare_run` found.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from skillbridge.calls.models import Call, Proposal
from skillbridge.review import planning
from skillbridge.review.models import PoolMember, Review
from skillbridge.review.selectors import automatic_conflicts, pool_of, review_candidates
from skillbridge.review.states import ASSIGNABLE


def _is_untouched(review: Review) -> bool:
    """An engine pair nobody has acted on yet, which a re-run may replace."""
    return (
        review.source == Review.Source.ENGINE
        and not review.is_locked
        and review.declaration == Review.Declaration.PENDING
        and not review.submitted_at
        and not review.committee_comment
        and not review.applicant_comment
        and not review.recommendation
        and not review.scores.exists()
    )


def _plan(call: Call, proposals, members, *, kept, excluded) -> planning.Plan:
    return planning.plan_assignment(
        seats=[
            planning.Seat(p.pk, p.sector_id, call.reviews_per_proposal)
            for p in proposals
            if p.state in ASSIGNABLE
        ],
        panel=[
            planning.Panelist(
                m.reviewer_id,
                m.organisation_id,
                m.load_limit,
                frozenset(s.pk for s in m.sectors.all()),
            )
            for m in members
        ],
        kept=kept,
        excluded=excluded,
    )


@dataclass(frozen=True)
class Prepared:
    """What a run would do, read without writing: the preview shows it, the run applies it."""

    call: Call
    members: list[PoolMember]
    proposals: list[Proposal]
    withdrawn: list[Review]  # current pairs that now conflict
    replaceable: dict[tuple[int, int], Review]  # untouched engine pairs the run may replace
    kept: set[tuple[int, int]]
    conflicts: set[tuple[int, int]]  # automatic conflicts, never used
    excluded: dict[tuple[int, int], str]  # pair → status: removed, or declared in conflict
    plan: planning.Plan
    digest: str

    @property
    def new_pairs(self) -> list[tuple[int, int]]:
        existing = self.kept | self.replaceable.keys()
        return sorted(pair for pair in self.plan.pairs if pair not in existing)

    @property
    def dropped(self) -> list[tuple[int, int]]:
        return sorted(pair for pair in self.replaceable if pair not in self.plan.pairs)


def _digest(call: Call, members, proposals, rows, conflicts) -> str:
    """A fingerprint of everything a run reads: a preview is stale once it changes."""
    facts = (
        call.reviews_per_proposal,
        sorted(
            (m.reviewer_id, m.organisation_id, m.load_limit, sorted(s.pk for s in m.sectors.all()))
            for m in members
        ),
        sorted((p.pk, p.state, p.sector_id, p.college_id) for p in proposals),
        sorted(
            (r.pk, r.proposal_id, r.reviewer_id, r.status, r.declaration, _is_untouched(r))
            for r in rows
        ),
        sorted(conflicts),
    )
    return hashlib.sha256(repr(facts).encode()).hexdigest()[:32]


def prepare_run(call: Call, *, only: Proposal | None) -> Prepared:
    """Read the call's panel, proposals and pairs, and plan the run; writes nothing."""
    members = list(pool_of(call))
    candidates = list(review_candidates(call))
    proposals = [only] if only is not None else candidates
    rows = list(
        Review.objects.filter(proposal__call=call)
        .select_related("proposal")
        .prefetch_related("scores")
        .order_by("pk")
    )
    excluded = {(r.proposal_id, r.reviewer_id): r.status for r in rows if not r.is_active}
    conflicts = automatic_conflicts(
        proposals=candidates if only is None else proposals, members=members
    )
    current = [r for r in rows if r.is_active]
    withdrawn = [r for r in current if (r.proposal_id, r.reviewer_id) in conflicts]
    active = [r for r in current if (r.proposal_id, r.reviewer_id) not in conflicts]
    replaceable = {
        (r.proposal_id, r.reviewer_id): r for r in active if only is None and _is_untouched(r)
    }
    kept = {(r.proposal_id, r.reviewer_id) for r in active} - replaceable.keys()
    return Prepared(
        call=call,
        members=members,
        proposals=proposals,
        withdrawn=withdrawn,
        replaceable=replaceable,
        kept=kept,
        conflicts=conflicts,
        excluded=excluded,
        plan=_plan(call, proposals, members, kept=kept, excluded=excluded.keys() | conflicts),
        digest=_digest(call, members, candidates, rows, conflicts),
    )


def assignment_preview(*, call: Call) -> Prepared:
    """What `assignment_run` would do now, without changing anything (no row, mail or audit).

    Its `digest` goes back with the officer's confirmation: the run refuses it
    when anything it reads has changed since.
    """
    return prepare_run(call, only=None)
