"""The one function that moves a review assignment, and the one that creates it."""

from decimal import Decimal

from skillbridge.common.services import audit_record
from skillbridge.people.models import User
from skillbridge.review.models import Review
from skillbridge.review.states import DECLARATION, REVIEW

MACHINES = {action: machine for machine in (REVIEW, DECLARATION) for action in machine.transitions}


def review_create(
    *,
    actor: User | None,
    proposal_id: int,
    reviewer_id: int,
    source: str,
    is_locked: bool = False,
    affinity: float | None = None,
    **data,
) -> Review:
    """Assign a reviewer to a proposal (the caller checked the pair); audit as `review.active`.

    `affinity` is the engine's score of the pair, kept to three decimals.
    """
    review = Review.objects.create(
        proposal_id=proposal_id,
        reviewer_id=reviewer_id,
        source=source,
        is_locked=is_locked,
        affinity=Decimal(0) if affinity is None else Decimal(str(round(affinity, 3))),
    )
    if affinity is not None:
        data["affinity"] = affinity
    audit_record(
        actor=actor,
        action=f"review.{review.status}",
        target=review,
        after=review.status,
        data={"transition": "assign", "proposal": proposal_id, "reviewer": reviewer_id, **data},
    )
    return review


def review_move(
    *,
    actor: User | None,
    review: Review,
    action: str,
    changes: dict | None = None,
    **data,
) -> str:
    """Move `review` (locked by the caller, in its transaction) by `action`; return the old state.

    `action` is one of the assignment's (`REVIEW`: remove, withdraw,
    reinstate) or the declaration's (`DECLARATION`: declare_none,
    declare_conflict), see `review.states`. Refuses with the action's
    message when the state does not allow it; writes the new state with
    `changes` (other fields of the same step); audits it as
    `review.<status>` or `declaration.<declaration>` with `data`. A declared
    conflict also withdraws the pair, audited as `review.conflict`.
    """
    machine = MACHINES[action]
    machine.refuse_unless_can(review, action)
    changes = changes or {}
    for name, value in changes.items():
        setattr(review, name, value)
    before = machine.move(
        review, action, actor=actor, data=data, update_fields=(*changes, "updated_at")
    )
    if action == "declare_conflict":
        review_move(
            actor=actor,
            review=review,
            action="withdraw",
            changes={"is_locked": False},
            by="reviewer",
        )
    return before
