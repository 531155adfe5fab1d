"""The committee's decisions: staged one by one or from a selection, then released together."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from skillbridge.calls.models import Call, Proposal, TeamMember
from skillbridge.calls.services import proposal_move
from skillbridge.calls.states import PROPOSAL, RELEASE
from skillbridge.common.services import audit_record, mail_queue
from skillbridge.common.transitions import locked
from skillbridge.people.models import User
from skillbridge.review.models import Decision, Review
from skillbridge.review.selectors import applicant_comments
from skillbridge.review.states import DECIDING

Outcome = Decision.Outcome
STALE_RELEASE = gettext_lazy(
    "The staged decisions changed since this preview: look at the new preview before you "
    "release them."
)


def _stage(
    *,
    actor: User,
    proposal: Proposal,
    outcome: str,
    reason: str,
    reserve_rank,
    before: str,
    without_reviews_reason: str = "",
) -> Decision:
    decision = Decision.objects.filter(proposal=proposal).first()
    if decision is None:
        decision = Decision(proposal=proposal, call_id=proposal.call_id)
    decision.outcome = outcome
    decision.reason = reason
    decision.reserve_rank = reserve_rank
    decision.decided_by = actor
    decision.save()
    audit_record(
        actor=actor,
        action="decision.staged",
        target=decision,
        before=before,
        after=outcome,
        data={
            "proposal": proposal.pk,
            "reserve_rank": reserve_rank,
            "reason": reason,
            **(
                {"without_reviews_reason": without_reviews_reason} if without_reviews_reason else {}
            ),
        },
    )
    return decision


def has_submitted_review(proposal: Proposal) -> bool:
    return proposal.reviews.filter(submitted_at__isnull=False).exists()


def _check(
    proposal: Proposal, outcome: str, reason: str, reserve_rank, without_reviews_reason: str
) -> None:
    errors = {}
    if not PROPOSAL.can(proposal, DECIDING):
        errors["outcome"] = PROPOSAL[DECIDING].refusal
    elif Decision.objects.filter(proposal=proposal, released_at__isnull=False).exists():
        errors["outcome"] = _("This decision is already released.")
    if outcome not in Outcome.values:
        errors["outcome"] = _("Choose selected, reserve or not selected.")
    if not reason.strip():
        errors["reason"] = _("Give the committee's reason.")
    if outcome == Outcome.RESERVE and not reserve_rank:
        errors["reserve_rank"] = _("Give the place on the reserve list.")
    if not without_reviews_reason.strip() and not has_submitted_review(proposal):
        errors["without_reviews_reason"] = _(
            "No reviewer has submitted a review of this proposal. To decide without one, "
            "confirm it and say why."
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def decision_stage(
    *,
    actor: User,
    proposal: Proposal,
    outcome: str,
    reason: str,
    reserve_rank: int | None = None,
    without_reviews_reason: str = "",
) -> Decision:
    """Record (or change) the committee's decision on one proposal, not yet released.

    A reserve decision takes a place on the list; a place already held moves
    the other proposals down by one. A proposal without any submitted review
    is decided only with `without_reviews_reason`, the officer's confirmation,
    which the audit entry keeps. Audited.
    """
    locked(proposal.call)
    proposal = locked(proposal)
    _check(proposal, outcome, reason, reserve_rank, without_reviews_reason)
    if has_submitted_review(proposal):
        without_reviews_reason = ""
    existing = Decision.objects.filter(proposal=proposal).first()
    before = existing.outcome if existing else ""
    # Leave the list first, then make room from the back so each place stays unique.
    Decision.objects.filter(proposal=proposal).update(
        outcome=Outcome.NOT_SELECTED, reserve_rank=None
    )
    _compact_reserve(proposal.call_id)
    rank = None
    if outcome == Outcome.RESERVE:
        rank = _first_open_place(proposal.call_id) + reserve_rank - 1
        taken = Decision.objects.filter(
            call_id=proposal.call_id, released_at__isnull=True, reserve_rank__gte=rank
        ).order_by("-reserve_rank")
        for other in taken:
            other.reserve_rank += 1
            other.save(update_fields=["reserve_rank"])
    decision = _stage(
        actor=actor,
        proposal=proposal,
        outcome=outcome,
        reason=reason.strip(),
        reserve_rank=rank,
        before=before,
        without_reviews_reason=without_reviews_reason.strip(),
    )
    _compact_reserve(proposal.call_id)
    decision.refresh_from_db()
    return decision


def _first_open_place(call_id: int) -> int:
    """Places taken by released decisions stay theirs; staged ones follow them."""
    released = Decision.objects.filter(
        call_id=call_id, released_at__isnull=False, reserve_rank__isnull=False
    ).values_list("reserve_rank", flat=True)
    return max(released, default=0) + 1


def _compact_reserve(call_id: int) -> None:
    """Number the staged reserve list 1, 2, 3 … (after released places) without gaps."""
    start = _first_open_place(call_id)
    staged = Decision.objects.filter(
        call_id=call_id, released_at__isnull=True, reserve_rank__isnull=False
    ).order_by("reserve_rank")
    for place, decision in enumerate(staged, start=start):
        if decision.reserve_rank != place:
            decision.reserve_rank = place
            decision.save(update_fields=["reserve_rank"])


def _selection_candidates(call: Call) -> dict[int, Proposal]:
    """Proposals of the call a selection decides: under review, reviewed, not yet released."""
    reviewed = Review.objects.filter(proposal__call=call, submitted_at__isnull=False)
    proposals = Proposal.objects.filter(
        call=call, state=Proposal.State.UNDER_REVIEW, pk__in=reviewed.values("proposal_id")
    ).exclude(decision__released_at__isnull=False)
    return {p.pk: p for p in proposals}


def _check_selection(
    proposals: dict[int, Proposal], selected: Sequence[int], reserve: Sequence[int], reasons
) -> None:
    if set(selected) & set(reserve):
        raise ValidationError({"reserve": _("A proposal cannot be both selected and reserve.")})
    if not set(selected) <= proposals.keys() or not set(reserve) <= proposals.keys():
        raise ValidationError({"selected": _("Only proposals under review can be decided.")})
    for field_name, text in reasons:
        if not text.strip():
            raise ValidationError({field_name: _("Give the committee's reason.")})


@transaction.atomic
def decisions_stage_selection(
    *,
    actor: User,
    call: Call,
    selected: Sequence[int],
    reserve: Sequence[int],
    reason_selected: str,
    reason_reserve: str,
    reason_not_selected: str,
) -> int:
    """Stage a selection: `selected`, `reserve` in list order, the rest not selected.

    Applies to every proposal of the call under review with a submitted review
    whose decision is not released; refuses overlaps or proposals outside the
    call; audits each. A proposal nobody has reviewed is left as it is: it is
    decided only on its own, with a confirmation (`decision_stage`). Returns
    how many decisions were staged.
    """
    locked(call)
    proposals = _selection_candidates(call)
    _check_selection(
        proposals,
        selected,
        reserve,
        [
            ("reason_selected", reason_selected),
            ("reason_reserve", reason_reserve if reserve else "-"),
            ("reason_not_selected", reason_not_selected),
        ],
    )
    before = dict(Decision.objects.filter(call=call).values_list("proposal_id", "outcome"))
    Decision.objects.filter(call=call, proposal_id__in=proposals.keys()).update(
        outcome=Outcome.NOT_SELECTED, reserve_rank=None
    )
    # Places kept by released decisions and by proposals decided on their own come first.
    kept = Decision.objects.filter(call=call, reserve_rank__isnull=False).values_list(
        "reserve_rank", flat=True
    )
    start = max(kept, default=0) + 1
    reserve_place = {pk: place for place, pk in enumerate(reserve, start=start)}
    for pk, proposal in sorted(proposals.items()):
        if pk in selected:
            outcome, reason, rank = Outcome.SELECTED, reason_selected, None
        elif pk in reserve_place:
            outcome, reason, rank = Outcome.RESERVE, reason_reserve, reserve_place[pk]
        else:
            outcome, reason, rank = Outcome.NOT_SELECTED, reason_not_selected, None
        _stage(
            actor=actor,
            proposal=proposal,
            outcome=outcome,
            reason=reason.strip(),
            reserve_rank=rank,
            before=before.get(pk, ""),
        )
    _compact_reserve(call.pk)
    return len(proposals)


def team_recipients(decision: Decision) -> list[tuple[str, str, str]]:
    """(email, name, language) of each member who joined the team, once per address.

    Like the calls app's team mail: a removed member, or one invited who never
    joined, is not on the team and gets neither the decision nor the comments.
    """
    proposal = decision.proposal
    members = TeamMember.objects.filter(
        proposal=proposal, status=TeamMember.Status.JOINED
    ).select_related("user")
    seen, found = set(), []
    for member in members.order_by("-is_lead", "email"):
        email = (member.user.email if member.user else member.email).lower()
        if email in seen:
            continue
        seen.add(email)
        language = (member.user or proposal.lead).preferred_language
        found.append((email, member.full_name or email, language))
    return found


def decision_mail_context(decision: Decision, comments: list[str], name: str, **extra) -> dict:
    """What the decision mail (`review/mail/decision`) says to one member."""
    proposal = decision.proposal
    return {
        "name": name,
        "title": proposal.title,
        "call": proposal.call.text_when_read("title"),
        "selected": decision.outcome == Outcome.SELECTED,
        "on_reserve": decision.outcome == Outcome.RESERVE,
        "reserve_rank": decision.reserve_rank,
        "reason": decision.reason,
        "comments": comments,
        "path": reverse("review:outcome", args=[proposal.pk]),
        **extra,
    }


def mail_team_decision(decision: Decision, comments: list[str], **extra) -> None:
    """Mail the decision to each member who joined the team, in their language."""
    for email, name, language in team_recipients(decision):
        mail_queue(
            to=email,
            template="review/mail/decision",
            context=decision_mail_context(decision, comments, name, **extra),
            language=language,
            programme=decision.proposal.call.programme,
            kind="review.decision",
        )


def release_digest(staged: Sequence[Decision], share_comments: bool) -> str:
    """A fingerprint of what a release sends: a preview is stale once it changes."""
    facts = (
        bool(share_comments),
        sorted(
            (d.pk, d.proposal_id, d.outcome, d.reserve_rank, d.reason, d.proposal.state)
            for d in staged
        ),
    )
    return hashlib.sha256(repr(facts).encode()).hexdigest()[:32]


def _release(*, actor: User, decision: Decision, now, share_comments: bool) -> None:
    """Release one staged decision: move its proposal, mark it released, audit, mail the team."""
    proposal = decision.proposal
    if not PROPOSAL.can(proposal, RELEASE[decision.outcome]):
        raise ValidationError(
            {"outcome": _("%(title)s is no longer under review.") % {"title": proposal.title}}
        )
    proposal_move(
        actor=actor,
        proposal=proposal,
        action=RELEASE[decision.outcome],
        reason=decision.reason,
        reserve_rank=decision.reserve_rank,
        decision=decision.pk,
    )
    decision.released_at = now
    decision.comments_shared = share_comments
    decision.save(update_fields=["released_at", "comments_shared"])
    audit_record(
        actor=actor,
        action="decision.released",
        target=decision,
        before="staged",
        after=decision.outcome,
        data={"proposal": proposal.pk, "comments_shared": share_comments},
    )
    mail_team_decision(decision, applicant_comments(proposal) if share_comments else [])


@transaction.atomic
def decisions_release(
    *, actor: User, call: Call, share_comments: bool, digest: str | None = None
) -> int:
    """Release every staged decision of the call at once, exactly once.

    Locks the staged decisions and their proposals, moves each proposal from
    under_review to selected / reserve (with its place) / not_selected, marks
    the decision released, audits, and mails every team member in their
    language, with the reviewers' comments for applicants when
    `share_comments`. Decisions already released are skipped, so releasing
    twice sends nothing more. With the `digest` of a preview
    (`review.services.releasing.release_preview`), refuses when the staged
    decisions changed since. Returns how many decisions were released.
    """
    staged = list(
        Decision.objects.select_for_update(of=("self", "proposal"))
        .filter(call=call, released_at__isnull=True)
        .select_related("proposal__call__programme", "proposal__lead")
        .order_by("proposal_id")
    )
    if digest is not None and digest != release_digest(staged, share_comments):
        raise ValidationError({"digest": STALE_RELEASE})
    now = timezone.now()
    for decision in staged:
        _release(actor=actor, decision=decision, now=now, share_comments=share_comments)
    return len(staged)
