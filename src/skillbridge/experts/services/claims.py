"""Inviting an imported professional, again, to claim their account."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from skillbridge.common.services import audit_record
from skillbridge.experts.models import ExpertProfile
from skillbridge.experts.services.import_rows import claim_invite
from skillbridge.people.models import User


@transaction.atomic
def claim_invitation_resend(*, profile: ExpertProfile, officer: User) -> ExpertProfile:
    """Mail an imported professional a fresh claim link (the old one may have run out).

    Only an imported profile whose owner has not claimed it yet, and whose
    import said they consented to be contacted, is invited: the invitation is
    the first mail they get from the programme. Logged.
    """
    profile = ExpertProfile.objects.select_for_update(of=("self",)).get(pk=profile.pk)
    if not profile.awaits_claim:
        raise ValidationError(
            {"profile": _("Only an imported professional who has not claimed yet is invited.")}
        )
    claim_invite(profile)
    audit_record(actor=officer, action="expert.claim_invited_again", target=profile)
    return profile
