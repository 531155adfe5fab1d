"""Assigning reviewers through the engine: committing a run, and what each assignment sets off."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy

from skillbridge.calls.models import Call, Proposal
from skillbridge.calls.services import proposal_move
from skillbridge.common.services import audit_record, mail_queue
from skillbridge.common.transitions import locked
from skillbridge.people.models import User
from skillbridge.review.models import Review
from skillbridge.review.services.moves import review_create, review_move
from skillbridge.review.services.previewing import prepare_run

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


def notify_reviewers(call: Call, counts: Counter) -> None:
    if not counts:
        return
    for reviewer in User.objects.filter(pk__in=counts).order_by("pk"):
        mail_queue(
            to=reviewer.email,
            template="review/mail/assigned",
            context={
                "name": reviewer.get_short_name(),
                "call": call.text_when_read("title"),
                "count": counts[reviewer.pk],
                "path": reverse("review:mine"),
            },
            language=reviewer.preferred_language,
            programme=call.programme,
            kind="review.assigned",
        )


def start_review(actor, proposal_ids) -> None:
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


def fill_call(*, actor, call: Call, only: Proposal | None, digest: str | None = None) -> RunSummary:
    """The body of a run; see `assignment_run`. The caller holds the transaction."""
    locked(call)  # one run at a time per call
    prepared = prepare_run(call, only=only)
    if digest is not None and digest != prepared.digest:
        raise ValidationError({"digest": STALE_PREVIEW})
    _withdraw_conflicting(actor, prepared.withdrawn)
    plan = prepared.plan
    summary = RunSummary(kept=len(prepared.kept), unfilled=plan.unfilled)
    summary.dropped = _drop_replaced(actor, prepared.replaceable, plan)
    received = _create_planned(actor, plan, existing=prepared.kept | prepared.replaceable.keys())
    summary.created = sum(received.values())
    start_review(actor, {p for p, _ in plan.pairs})
    notify_reviewers(call, received)
    return summary


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
    return fill_call(actor=actor, call=call, only=None, digest=digest)
