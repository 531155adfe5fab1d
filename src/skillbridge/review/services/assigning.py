"""Assigning reviewers: engine runs, the officer's adjustments, declarations of interest."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from skillbridge.calls.models import Call, Proposal
from skillbridge.common.services import audit_record, mail_queue
from skillbridge.people.models import User
from skillbridge.review import planning
from skillbridge.review.models import PoolMember, Review
from skillbridge.review.selectors import automatic_conflicts, pool_of, review_candidates
from skillbridge.review.services._common import proposal_set_state

ASSIGNABLE = [Proposal.State.ELIGIBLE, Proposal.State.UNDER_REVIEW]


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


def _mark_under_review(actor, proposal_ids) -> None:
    for proposal in Proposal.objects.filter(pk__in=proposal_ids, state=Proposal.State.ELIGIBLE):
        proposal_set_state(actor=actor, proposal=proposal, state=Proposal.State.UNDER_REVIEW)


def _fill(*, actor, call: Call, only: Proposal | None) -> RunSummary:
    """The body of a run; see `assignment_run`. The caller holds the transaction."""
    Call.objects.select_for_update(of=("self",)).filter(
        pk=call.pk
    ).first()  # one run at a time per call
    members = list(pool_of(call))
    proposals = [only] if only is not None else list(review_candidates(call))
    rows = list(
        Review.objects.filter(proposal__call=call).select_related("proposal").order_by("pk")
    )
    active = [r for r in rows if r.status == Review.Status.ACTIVE]
    excluded = {(r.proposal_id, r.reviewer_id) for r in rows if not r.is_active}
    conflicts = automatic_conflicts(
        proposals=list(review_candidates(call)) if only is None else proposals, members=members
    )
    # A team can change after an assignment: such a pair is withdrawn, never kept.
    for review in active:
        if (review.proposal_id, review.reviewer_id) in conflicts:
            review.status = Review.Status.CONFLICT
            review.conflict_detail = "automatic"
            review.is_locked = False
            review.save(update_fields=["status", "conflict_detail", "is_locked", "updated_at"])
            audit_record(
                actor=actor,
                action="review.conflict_found",
                target=review,
                before="active",
                after="conflict",
            )
    active = [r for r in active if r.is_active]
    replaceable = {r.pk: r for r in active if _is_untouched(r)} if only is None else {}
    kept = {(r.proposal_id, r.reviewer_id) for r in active if r.pk not in replaceable}
    plan = planning.plan_assignment(
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
        excluded=excluded | conflicts,
    )
    summary = RunSummary(kept=len(kept), unfilled=plan.unfilled)
    by_pair = {(r.proposal_id, r.reviewer_id): r for r in replaceable.values()}
    for pair, review in by_pair.items():
        if pair not in plan.pairs:
            audit_record(
                actor=actor,
                action="review.unassigned",
                target=review.proposal,
                data={"reviewer": review.reviewer_id, "by": "engine re-run"},
            )
            review.delete()
            summary.dropped += 1
    new_counts: Counter = Counter()
    for (proposal_id, reviewer_id), score in sorted(plan.pairs.items()):
        if (proposal_id, reviewer_id) in kept or (proposal_id, reviewer_id) in by_pair:
            continue
        review = Review.objects.create(
            proposal_id=proposal_id,
            reviewer_id=reviewer_id,
            source=Review.Source.ENGINE,
            affinity=Decimal(str(round(score, 3))),
        )
        audit_record(
            actor=actor,
            action="review.assigned",
            target=review,
            after="active",
            data={
                "proposal": proposal_id,
                "reviewer": reviewer_id,
                "affinity": score,
                "by": "engine",
            },
        )
        new_counts[reviewer_id] += 1
        summary.created += 1
    _mark_under_review(actor, {p for p, _ in plan.pairs})
    _notify_reviewers(call, new_counts)
    return summary


@transaction.atomic
def assignment_run(*, actor: User, call: Call) -> RunSummary:
    """Assign reviewers to every eligible proposal of the call through the assignment engine.

    Keeps every pair the officer made or locked and every pair a reviewer has
    acted on; replaces engine pairs nobody has touched; never uses a
    conflicting or removed pair; balances loads within the limits (see
    `skillbridge.review.planning`); moves newly assigned proposals to
    under_review; audits each assignment; mails each reviewer who received
    work, in their language.
    """
    return _fill(actor=actor, call=call, only=None)


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


@transaction.atomic
def assignment_add(*, actor: User, proposal: Proposal, reviewer: User) -> Review:
    """The officer assigns a reviewer by hand; the pair is locked so re-runs keep it.

    Refuses pairs that conflict (automatic or declared), a reviewer off the
    panel or at their load limit, and a pair already assigned; re-activates a
    pair the officer had removed; moves the proposal to under_review; audits;
    mails the reviewer.
    """
    proposal = (
        Proposal.objects.select_for_update(of=("self",)).select_related("call").get(pk=proposal.pk)
    )
    member = _check_pair(proposal, reviewer)
    existing = Review.objects.select_for_update(of=("self",)).filter(
        proposal=proposal, reviewer=reviewer
    )
    review = existing.first()
    if review is not None and review.status == Review.Status.CONFLICT:
        raise ValidationError({"reviewer": _("This reviewer declared a conflict of interest.")})
    if review is not None and review.is_active:
        raise ValidationError({"reviewer": _("This reviewer is already assigned.")})
    load = Review.objects.filter(
        reviewer=reviewer, proposal__call_id=proposal.call_id, status=Review.Status.ACTIVE
    ).count()
    if load >= member.load_limit:
        raise ValidationError({"reviewer": _("This reviewer has reached their load limit.")})
    if review is None:
        review = Review(proposal=proposal, reviewer=reviewer)
    review.source = Review.Source.OFFICER
    review.status = Review.Status.ACTIVE
    review.is_locked = True
    review.declaration = Review.Declaration.PENDING
    review.save()
    audit_record(
        actor=actor,
        action="review.assigned",
        target=review,
        after="active",
        data={"proposal": proposal.pk, "reviewer": reviewer.pk, "by": "officer"},
    )
    _mark_under_review(actor, [proposal.pk])
    _notify_reviewers(proposal.call, Counter({reviewer.pk: 1}))
    return review


@transaction.atomic
def assignment_remove(*, actor: User, review: Review) -> None:
    """The officer removes a pair; later runs treat it as forbidden. Refused once submitted."""
    if review.is_submitted:
        raise ValidationError({"review": _("A submitted review cannot be removed.")})
    if not review.is_active:
        raise ValidationError({"review": _("This assignment is no longer current.")})
    review.status = Review.Status.REMOVED
    review.is_locked = False
    review.save(update_fields=["status", "is_locked", "updated_at"])
    audit_record(
        actor=actor,
        action="review.unassigned",
        target=review,
        before="active",
        after="removed",
        data={"by": "officer"},
    )


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
    review = (
        Review.objects.select_for_update(of=("self",))
        .select_related("proposal__call")
        .get(pk=review.pk)
    )
    if review.reviewer_id != reviewer.pk or not review.is_active:
        raise ValidationError({"conflict_kind": _("This assignment is no longer yours.")})
    if review.declaration != Review.Declaration.PENDING:
        raise ValidationError({"conflict_kind": _("You have already declared.")})
    detail = detail.strip()
    if conflict_kind and conflict_kind not in Review.ConflictKind.values:
        raise ValidationError({"conflict_kind": _("Choose one of the kinds of conflict.")})
    if conflict_kind == Review.ConflictKind.OTHER and not detail:
        raise ValidationError({"detail": _("Say briefly what the conflict is.")})
    review.declared_at = timezone.now()
    if not conflict_kind:
        review.declaration = Review.Declaration.NONE
        review.save(update_fields=["declaration", "declared_at", "updated_at"])
        audit_record(
            actor=reviewer,
            action="review.declared",
            target=review,
            before="pending",
            after="none",
        )
        return None
    review.declaration = Review.Declaration.CONFLICT
    review.status = Review.Status.CONFLICT
    review.is_locked = False
    review.conflict_kind = conflict_kind
    review.conflict_detail = detail[:300]
    review.save()
    audit_record(
        actor=reviewer,
        action="review.declared",
        target=review,
        before="pending",
        after="conflict",
        data={"kind": conflict_kind},
    )
    return _fill(actor=None, call=review.proposal.call, only=review.proposal)
