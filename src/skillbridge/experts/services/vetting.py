"""Vetting: the programme officer approves, rejects or suspends a profile.

registered → submitted → approved | rejected; approved → suspended; a
suspended profile can be approved again (see `experts.states.PROFILE`).
Each step locks the profile, checks the state, writes, logs and mails the
professional in their language.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skillbridge.common.services import mail_queue
from skillbridge.common.transitions import locked
from skillbridge.experts.models import ExpertProfile
from skillbridge.experts.states import PROFILE
from skillbridge.people.models import User


def _vet(
    *,
    profile: ExpertProfile,
    officer: User,
    action: str,
    reason: str = "",
    reason_required: bool = False,
) -> ExpertProfile:
    profile = locked(profile, "user", "programme")
    if not PROFILE.can(profile, action):
        raise ValidationError(
            {
                "state": _("This cannot be done to a profile that is %(state)s.")
                % {"state": profile.get_state_display()}
            }
        )
    reason = reason.strip()
    if reason_required and not reason:
        raise ValidationError({"reason": _("Give the reason; the professional will read it.")})
    profile.state_reason = reason
    profile.state_changed_at = timezone.now()
    PROFILE.move(
        profile,
        action,
        actor=officer,
        data={"reason": reason} if reason else None,
        update_fields=("state_reason", "state_changed_at", "updated_at"),
    )
    mail_queue(
        to=profile.user.email,
        template=f"experts/mail/{profile.state}",
        context={"profile": profile, "programme": profile.programme, "reason": reason},
        language=profile.user.preferred_language,
        programme=profile.programme,
        kind=f"experts:{profile.state}",
    )
    return profile


@transaction.atomic
def profile_approve(*, profile: ExpertProfile, officer: User) -> ExpertProfile:
    """Approve a submitted (or reinstate a suspended) profile; it becomes matchable."""
    return _vet(profile=profile, officer=officer, action="approve")


@transaction.atomic
def profile_reject(*, profile: ExpertProfile, officer: User, reason: str) -> ExpertProfile:
    """Reject a submitted profile, with the reason the professional will read."""
    return _vet(
        profile=profile, officer=officer, action="reject", reason=reason, reason_required=True
    )


@transaction.atomic
def profile_suspend(*, profile: ExpertProfile, officer: User, reason: str) -> ExpertProfile:
    """Suspend an approved profile: it leaves matching at once."""
    return _vet(
        profile=profile, officer=officer, action="suspend", reason=reason, reason_required=True
    )
