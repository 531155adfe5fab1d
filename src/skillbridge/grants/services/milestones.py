"""Milestones: the team submits evidence, the officer approves it or sends it back."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skillbridge.common.transitions import locked
from skillbridge.common.uploads import DOCUMENTS, validate_upload
from skillbridge.grants.models import Grant, Milestone
from skillbridge.grants.services.moves import milestone_move
from skillbridge.grants.states import MILESTONE

EVIDENCE_MAX_MB = 10


def _lock(milestone: Milestone) -> Milestone:
    # Lock the grant first, as every money step does, so steps never deadlock.
    Grant.objects.select_for_update(of=("self",)).get(pk=milestone.tranche.grant_id)
    return locked(milestone, "tranche__grant__proposal", "tranche__grant__programme")


def _evidence_errors(text: str, upload) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not text.strip():
        errors["text"] = _("Describe what was achieved and how the evidence shows it.")
    if upload is not None:
        try:
            validate_upload(upload, extensions=DOCUMENTS, max_megabytes=EVIDENCE_MAX_MB)
        except ValidationError as error:
            errors["file"] = error.messages[0]
    return errors


@transaction.atomic
def milestone_submit_evidence(*, actor, milestone: Milestone, text: str, upload=None) -> Milestone:
    """The team hands in the evidence of a milestone: a text and, if any, a file.

    Allowed while the grant runs and the milestone waits for evidence or was returned.
    """
    milestone = _lock(milestone)
    if milestone.tranche.grant.state not in Grant.PAYABLE_STATES:
        raise ValidationError({"text": _("Evidence can be submitted only while the grant runs.")})
    MILESTONE.refuse_unless_can(milestone, "submit")
    errors = _evidence_errors(text, upload)
    if errors:
        raise ValidationError(errors)
    milestone.evidence_text = text.strip()
    fields = ["evidence_text", "submitted_at"]
    if upload is not None:
        milestone.evidence_file = upload
        milestone.evidence_name = upload.name[:255]
        fields += ["evidence_file", "evidence_name"]
    milestone.submitted_at = timezone.now()
    milestone_move(actor=actor, milestone=milestone, action="submit", update_fields=tuple(fields))
    return milestone


@transaction.atomic
def milestone_approve(*, actor, milestone: Milestone, comments: str = "") -> Milestone:
    """Approve submitted evidence. The milestone's tranche becomes payable."""
    milestone = _lock(milestone)
    milestone_move(actor=actor, milestone=milestone, action="approve", comments=comments)
    return milestone


@transaction.atomic
def milestone_return(*, actor, milestone: Milestone, comments: str) -> Milestone:
    """Send submitted evidence back to the team with comments, and mail them."""
    milestone = _lock(milestone)
    MILESTONE.refuse_unless_can(milestone, "return")
    if not comments.strip():
        raise ValidationError({"comments": _("Tell the team what is missing.")})
    milestone_move(actor=actor, milestone=milestone, action="return", comments=comments)
    return milestone
