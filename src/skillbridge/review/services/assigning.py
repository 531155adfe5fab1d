"""Assigning reviewers: engine runs, the officer's adjustments, declarations of interest."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from skillbridge.calls.models import Call, Proposal
from skillbridge.calls.services import proposal_move
from skillbridge.common.services import audit_record, mail_queue
from skillbridge.common.transitions import locked
from skillbridge.people.models import User
from skillbridge.review import planning
from skillbridge.review.models import PoolMember, Review
from skillbridge.review.selectors import automatic_conflicts, pool_of, review_candidates
from skillbridge.review.services.moves import review_create, review_move
from skillbridge.review.states import ASSIGNABLE, DECLARATION

STALE_PREVIEW = gettext_lazy(
    "The call changed since this preview (a reviewer, a proposal or a pair): look at the new "
    "preview before you confirm."
)


@dataclass
class RunSummary:
    created: int = 0
    kept: int = 0
    dropped: int = 0
    unfilled: dict[int, int] = field(default_factory=dict)


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


def _notify_reviewers(call: Call, counts: Counter) -> None:
    if not counts:
        return
    for reviewer in User.objects.filter(pk__in=counts).order_by("pk"):
        mail_queue(
            to=reviewer.email,
            template="review/mail/assigned",
            context={
                "name": reviewer.get_short_name(),
                "call": call.title,
                "count": counts[reviewer.pk],
                "path": reverse("review:mine"),
            },
            language=reviewer.preferred_language,
            programme=call.programme,
            kind="review.assigned",
        )


def _start_review(actor, proposal_ids) -> None:
    """Move each newly assigned eligible proposal under review (the caller holds the call)."""
    eligible = Proposal.objects.select_for_update(of=("self",)).filter(
        pk__in=proposal_ids, state=Proposal.State.ELIGIBLE
    )
    for proposal in eligible.order_by("pk"):
        proposal_move(actor=actor, proposal=proposal, action="start_review")


def _withdraw_conflicting(actor, withdrawn: list[Review]) -> None:
    """Withdraw the pairs that now conflict.

    A team can change after an assignment: such a pair is withdrawn, never kept.
    """
    for review in withdrawn:
        review_move(
            actor=actor,
            review=review,
            action="withdraw",
            changes={"conflict_detail": "automatic", "is_locked": False},
            by="engine",
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


def _drop_replaced(actor, replaceable: dict[tuple[int, int], Review], plan) -> int:
    """Delete the untouched engine pairs the new plan no longer uses; return how many."""
    dropped = 0
    for pair, review in replaceable.items():
        if pair not in plan.pairs:
            audit_record(
                actor=actor,
                action="review.unassigned",
                target=review.proposal,
                data={"reviewer": review.reviewer_id, "by": "engine re-run"},
            )
            review.delete()
            dropped += 1
    return dropped


def _create_planned(actor, plan, *, existing: set[tuple[int, int]]) -> Counter:
    """Create the plan's new pairs; return how many each reviewer received."""
    received: Counter = Counter()
    for (proposal_id, reviewer_id), score in sorted(plan.pairs.items()):
        if (proposal_id, reviewer_id) in existing:
            continue
        review_create(
            actor=actor,
            proposal_id=proposal_id,
            reviewer_id=reviewer_id,
            source=Review.Source.ENGINE,
            affinity=score,
            by="engine",
        )
        received[reviewer_id] += 1
    return received


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


def _prepare(call: Call, *, only: Proposal | None) -> Prepared:
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


def _fill(*, actor, call: Call, only: Proposal | None, digest: str | None = None) -> RunSummary:
    """The body of a run; see `assignment_run`. The caller holds the transaction."""
    locked(call)  # one run at a time per call
    prepared = _prepare(call, only=only)
    if digest is not None and digest != prepared.digest:
        raise ValidationError({"digest": STALE_PREVIEW})
    _withdraw_conflicting(actor, prepared.withdrawn)
    plan = prepared.plan
    summary = RunSummary(kept=len(prepared.kept), unfilled=plan.unfilled)
    summary.dropped = _drop_replaced(actor, prepared.replaceable, plan)
    received = _create_planned(actor, plan, existing=prepared.kept | prepared.replaceable.keys())
    summary.created = sum(received.values())
    _start_review(actor, {p for p, _ in plan.pairs})
    _notify_reviewers(call, received)
    return summary


def assignment_preview(*, call: Call) -> Prepared:
    """What `assignment_run` would do now, without changing anything (no row, mail or audit).

    Its `digest` goes back with the officer's confirmation: the run refuses it
    when anything it reads has changed since.
    """
    return _prepare(call, only=None)


@transaction.atomic
def assignment_run(*, actor: User, call: Call, digest: str | None = None) -> RunSummary:
    """Assign reviewers to every eligible proposal of the call through the assignment engine.

    Keeps every pair the officer made or locked and every pair a reviewer has
    acted on; replaces engine pairs nobody has touched; never uses a
    conflicting or removed pair; balances loads within the limits (see
    `skillbridge.review.planning`); moves newly assigned proposals to
    under_review; audits each assignment; mails each reviewer who received
    work, in their language. With the `digest` of a preview
    (`assignment_preview`), refuses when anything it reads changed since.
    """
    return _fill(actor=actor, call=call, only=None, digest=digest)


def _check_pair(proposal: Proposal, reviewer: User) -> PoolMember:
    if proposal.state not in ASSIGNABLE:
        raise ValidationError({"proposal": _("Only eligible proposals can be assigned.")})
    member = (
        PoolMember.objects.filter(call_id=proposal.call_id, reviewer=reviewer)
        .select_related("reviewer")
        .first()
    )
    if member is None:
        raise ValidationError({"reviewer": _("This reviewer is not on the call's panel.")})
    if automatic_conflicts(proposals=[proposal], members=[member]):
        raise ValidationError(
            {"reviewer": _("This reviewer has a conflict of interest with the proposal.")}
        )
    return member


def _check_existing(review: Review | None) -> None:
    if review is not None and review.status == Review.Status.CONFLICT:
        raise ValidationError({"reviewer": _("This reviewer declared a conflict of interest.")})
    if review is not None and review.is_active:
        raise ValidationError({"reviewer": _("This reviewer is already assigned.")})


def _check_load(member: PoolMember) -> None:
    load = Review.objects.filter(
        reviewer_id=member.reviewer_id,
        proposal__call_id=member.call_id,
        status=Review.Status.ACTIVE,
    ).count()
    if load >= member.load_limit:
        raise ValidationError({"reviewer": _("This reviewer has reached their load limit.")})


@transaction.atomic
def assignment_add(*, actor: User, proposal: Proposal, reviewer: User) -> Review:
    """The officer assigns a reviewer by hand; the pair is locked so re-runs keep it.

    Refuses pairs that conflict (automatic or declared), a reviewer off the
    panel or at their load limit, and a pair already assigned; re-activates a
    pair the officer had removed (to be declared afresh); moves the proposal
    to under_review; audits; mails the reviewer.
    """
    proposal = locked(proposal, "call")
    member = _check_pair(proposal, reviewer)
    review = (
        Review.objects.select_for_update(of=("self",))
        .filter(proposal=proposal, reviewer=reviewer)
        .first()
    )
    _check_existing(review)
    _check_load(member)
    if review is None:
        review = review_create(
            actor=actor,
            proposal_id=proposal.pk,
            reviewer_id=reviewer.pk,
            source=Review.Source.OFFICER,
            is_locked=True,
            by="officer",
        )
    else:
        review_move(
            actor=actor,
            review=review,
            action="reinstate",
            changes={
                "source": Review.Source.OFFICER,
                "is_locked": True,
                "declaration": Review.Declaration.PENDING,
            },
            by="officer",
        )
    _start_review(actor, [proposal.pk])
    _notify_reviewers(proposal.call, Counter({reviewer.pk: 1}))
    return review


@transaction.atomic
def assignment_remove(*, actor: User, review: Review) -> None:
    """The officer removes a pair; later runs treat it as forbidden. Refused once submitted."""
    review = locked(review)
    if review.is_submitted:
        raise ValidationError({"review": _("A submitted review cannot be removed.")})
    review_move(
        actor=actor, review=review, action="remove", changes={"is_locked": False}, by="officer"
    )


def _check_declaration(reviewer: User, review: Review, conflict_kind: str, detail: str) -> None:
    if review.reviewer_id != reviewer.pk or not review.is_active:
        raise ValidationError({"conflict_kind": _("This assignment is no longer yours.")})
    DECLARATION.refuse_unless_can(review, "declare_none")
    if conflict_kind and conflict_kind not in Review.ConflictKind.values:
        raise ValidationError({"conflict_kind": _("Choose one of the kinds of conflict.")})
    if conflict_kind == Review.ConflictKind.OTHER and not detail:
        raise ValidationError({"detail": _("Say briefly what the conflict is.")})


@transaction.atomic
def conflict_declare(
    *, reviewer: User, review: Review, conflict_kind: str = "", detail: str = ""
) -> RunSummary | None:
    """The reviewer declares no conflict, or a conflict of interest, before opening a proposal.

    With a conflict: the pair is withdrawn at once (it never counts again and
    the reviewer never sees the proposal), the declaration is audited, and the
    engine looks for a replacement for that proposal only, keeping every other
    pair. Returns the replacement run's summary, or None for "no conflict".
    """
    review = locked(review, "proposal__call")
    detail = detail.strip()
    _check_declaration(reviewer, review, conflict_kind, detail)
    if not conflict_kind:
        review_move(
            actor=reviewer,
            review=review,
            action="declare_none",
            changes={"declared_at": timezone.now()},
        )
        return None
    review_move(
        actor=reviewer,
        review=review,
        action="declare_conflict",
        changes={
            "declared_at": timezone.now(),
            "conflict_kind": conflict_kind,
            "conflict_detail": detail[:300],
        },
        kind=conflict_kind,
    )
    return _fill(actor=None, call=review.proposal.call, only=review.proposal)
