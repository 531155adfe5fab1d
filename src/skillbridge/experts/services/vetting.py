"""Vetting: the programme officer approves, rejects or suspends a profile.

registered → submitted → approved | rejected; approved → suspended; a
suspended profile can be approved again. Each step is one function that
locks the profile, checks the state, writes, logs and mails the professional
in their language.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skillbridge.common.services import audit_record, mail_queue
from skillbridge.experts.models import ExpertProfile
from skillbridge.people.models import User

State = ExpertProfile.State


def _transition(
    *,
    profile: ExpertProfile,
    officer: User,
    allowed_from: tuple[str, ...],
    to: str,
    reason: str = "",
    reason_required: bool = False,
) -> ExpertProfile:
    profile = (
        ExpertProfile.objects.select_for_update(of=("self",))
        .select_related("user")
        .get(pk=profile.pk)
    )
    if profile.state not in allowed_from:
        raise ValidationError(
            {
                "state": _("This cannot be done to a profile that is %(state)s.")
                % {"state": profile.get_state_display()}
            }
        )
    reason = reason.strip()
    if reason_required and not reason:
        raise ValidationError({"reason": _("Give the reason; the professional will read it.")})
    before = profile.state
    profile.state = to
    profile.state_reason = reason
    profile.state_changed_at = timezone.now()
    profile.save(update_fields=["state", "state_reason", "state_changed_at", "updated_at"])
    audit_record(
        actor=officer,
        action=f"expert.{to}",
        target=profile,
        before=before,
        after=to,
        data={"reason": reason} if reason else None,
    )
    mail_queue(
        to=profile.user.email,
        template=f"experts/mail/{to}",
        context={"profile": profile, "programme": profile.programme, "reason": reason},
        language=profile.user.preferred_language,
        programme=profile.programme,
        kind=f"experts:{to}",
    )
    return profile


@transaction.atomic
def profile_approve(*, profile: ExpertProfile, officer: User) -> ExpertProfile:
    """Approve a submitted (or reinstate a suspended) profile; it becomes matchable."""
    return _transition(
        profile=profile,
        officer=officer,
        allowed_from=(State.SUBMITTED, State.SUSPENDED),
        to=State.APPROVED,
    )


@transaction.atomic
def profile_reject(*, profile: ExpertProfile, officer: User, reason: str) -> ExpertProfile:
    """Reject a submitted profile, with the reason the professional will read."""
    return _transition(
        profile=profile,
        officer=officer,
        allowed_from=(State.SUBMITTED,),
        to=State.REJECTED,
        reason=reason,
        reason_required=True,
    )


@transaction.atomic
def profile_suspend(*, profile: ExpertProfile, officer: User, reason: str) -> ExpertProfile:
    """Suspend an approved profile: it leaves matching at once."""
    return _transition(
        profile=profile,
        officer=officer,
        allowed_from=(State.APPROVED,),
        to=State.SUSPENDED,
        reason=reason,
        reason_required=True,
    )
