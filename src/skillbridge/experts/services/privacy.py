"""A professional's rights over their data: withdrawing consent and erasure."""

from django.db import transaction

from skillbridge.common.models import OutboxMessage
from skillbridge.common.services import audit_record
from skillbridge.experts.models import ExpertProfile
from skillbridge.people.models import ProgrammeRole, Role, User
from skillbridge.people.services import consent_withdraw

# Kept after erasure, for results counted by country, sector and sex; none
# of them identifies a person on its own.
KEPT_AFTER_ERASURE = ("id", "programme", "country", "sex", "sectors", "state", "created_at")


@transaction.atomic
def expert_consent_withdraw(*, profile: ExpertProfile, actor: User) -> None:
    """Withdraw consent: the profile leaves matching at once (matchable_experts checks it)."""
    consent_withdraw(user=profile.user, programme=profile.programme)
    audit_record(actor=actor, action="expert.consent_withdrawn", target=profile)


@transaction.atomic
def profile_erase(*, profile: ExpertProfile, actor: User) -> ExpertProfile:
    """Erase a professional's personal data (GDPR art. 17, Law 058/2021 art. 24).

    Deletes the CV file, languages, availability, skills and every personal
    field; deletes their consents in the programme, the expert role and the
    mail written to them; deletes the account itself when it serves nothing
    else. Keeps only the anonymous row (country, sex, sectors) that results
    count. The log entry names no one.
    """
    profile = (
        ExpertProfile.objects.select_for_update(of=("self",))
        .select_related("user")
        .get(pk=profile.pk)
    )
    user = profile.user
    if profile.cv:
        profile.cv.delete(save=False)
    profile.languages.all().delete()
    profile.availability.all().delete()
    profile.skills.clear()
    for field in ExpertProfile._meta.concrete_fields:
        if field.name in KEPT_AFTER_ERASURE:
            continue
        if field.name in ("updated_at",):
            continue
        if field.has_default():
            setattr(profile, field.attname, field.get_default())
        elif field.null:
            setattr(profile, field.attname, None)
        elif field.blank:
            setattr(profile, field.attname, "")
    profile.user = None
    profile.state = ExpertProfile.State.ERASED
    profile.save()
    if user is not None:
        user.consents.filter(programme=profile.programme).delete()
        ProgrammeRole.objects.filter(
            user=user, programme=profile.programme, role=Role.EXPERT
        ).delete()
        OutboxMessage.objects.filter(to__iexact=user.email).delete()
        if not user.programme_roles.exists() and not user.expert_profiles.exists():
            user.delete()
    audit_record(actor=None, action="expert.erased", target=profile)
    return profile


@transaction.atomic
def profile_read_record(*, profile: ExpertProfile, reader: User, what: str = "profile") -> None:
    """Log that a staff member opened a professional's personal record (DESIGN §5)."""
    audit_record(actor=reader, action=f"expert.{what}_read", target=profile)
