"""Milestones: the team submits evidence, the officer approves it or sends it back."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skillbridge.common.uploads import DOCUMENTS, validate_upload
from skillbridge.grants.models import Grant, Milestone
from skillbridge.grants.services.common import (
    grant_audit,
    mail_each,
    team_recipients,
    tranche_make_payable,
)

EVIDENCE_MAX_MB = 10
State = Milestone.State


def _lock(milestone: Milestone) -> Milestone:
    # Lock the grant first, as every money step does, so steps never deadlock.
    Grant.objects.select_for_update(of=("self",)).get(pk=milestone.tranche.grant_id)
    return (
        Milestone.objects.select_for_update(of=("self",))
        .select_related("tranche__grant__proposal", "tranche__grant__programme")
        .get(pk=milestone.pk)
    )


@transaction.atomic
def milestone_submit_evidence(*, actor, milestone: Milestone, text: str, upload=None) -> Milestone:
    """The team hands in the evidence of a milestone: a text and, if any, a file.

    Allowed while the grant runs and the milestone waits for evidence or was returned.
    """
    milestone = _lock(milestone)
    grant = milestone.tranche.grant
    errors: dict[str, str] = {}
    if grant.state not in Grant.PAYABLE_STATES:
        raise ValidationError({"text": _("Evidence can be submitted only while the grant runs.")})
    if milestone.state not in (State.PENDING, State.RETURNED):
        raise ValidationError({"text": _("This milestone's evidence is already with the officer.")})
    if not text.strip():
        errors["text"] = _("Describe what was achieved and how the evidence shows it.")
    if upload is not None:
        try:
            validate_upload(upload, extensions=DOCUMENTS, max_megabytes=EVIDENCE_MAX_MB)
        except ValidationError as error:
            errors["file"] = error.messages[0]
    if errors:
        raise ValidationError(errors)
    before = milestone.state
    milestone.evidence_text = text.strip()
    if upload is not None:
        milestone.evidence_file = upload
        milestone.evidence_name = upload.name[:255]
    milestone.state = State.SUBMITTED
    milestone.submitted_at = timezone.now()
    milestone.save()
    grant_audit(
        actor=actor,
        grant=grant,
        action="grants.evidence_submitted",
        before=before,
        after=State.SUBMITTED,
        milestone=milestone.pk,
        deliverable=milestone.deliverable,
    )
    return milestone


@transaction.atomic
def milestone_approve(*, actor, milestone: Milestone, comments: str = "") -> Milestone:
    """Approve submitted evidence. The milestone's tranche becomes payable."""
    milestone = _lock(milestone)
    if milestone.state != State.SUBMITTED:
        raise ValidationError({"comments": _("Only submitted evidence can be approved.")})
    milestone.state = State.APPROVED
    milestone.review_comments = comments.strip()
    milestone.reviewed_at = timezone.now()
    milestone.save(update_fields=["state", "review_comments", "reviewed_at"])
    grant_audit(
        actor=actor,
        grant=milestone.tranche.grant,
        action="grants.milestone_approved",
        before=State.SUBMITTED,
        after=State.APPROVED,
        milestone=milestone.pk,
        deliverable=milestone.deliverable,
    )
    tranche_make_payable(actor=actor, tranche=milestone.tranche)
    return milestone


@transaction.atomic
def milestone_return(*, actor, milestone: Milestone, comments: str) -> Milestone:
    """Send submitted evidence back to the team with comments, and mail them."""
    milestone = _lock(milestone)
    if milestone.state != State.SUBMITTED:
        raise ValidationError({"comments": _("Only submitted evidence can be returned.")})
    if not comments.strip():
        raise ValidationError({"comments": _("Tell the team what is missing.")})
    milestone.state = State.RETURNED
    milestone.review_comments = comments.strip()
    milestone.reviewed_at = timezone.now()
    milestone.save(update_fields=["state", "review_comments", "reviewed_at"])
    grant = milestone.tranche.grant
    grant_audit(
        actor=actor,
        grant=grant,
        action="grants.milestone_returned",
        before=State.SUBMITTED,
        after=State.RETURNED,
        milestone=milestone.pk,
        deliverable=milestone.deliverable,
        comments=milestone.review_comments,
    )
    mail_each(
        team_recipients(grant),
        template="grants/mail/milestone_returned",
        context={"grant": grant, "milestone": milestone},
        grant=grant,
        kind="grants.milestone_returned",
    )
    return milestone
