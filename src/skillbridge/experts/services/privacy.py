"""A professional's rights over their data: withdrawing consent and erasure."""

import re

from django.db import transaction
from django.db.models import Q
from django.utils import translation

from skillbridge.common.models import OutboxMessage
from skillbridge.common.services import audit_record
from skillbridge.common.transitions import locked
from skillbridge.experts.models import FORMER_PARTICIPANT, ExpertProfile
from skillbridge.experts.personal_data import erase_elsewhere
from skillbridge.experts.states import PROFILE
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


def _redact(text: str, words: list[str], *, language: str) -> str:
    """Replace each of `words` in `text` by "former participant", in the text's own language."""
    with translation.override(language):
        replacement = str(FORMER_PARTICIPANT)
    for word in words:
        text = re.sub(re.escape(word), replacement, text, flags=re.IGNORECASE)
    return text


def _outbox_forget(*, email: str, name: str) -> None:
    """Delete the mail written to the person; take their name out of mail written to others."""
    OutboxMessage.objects.filter(to__iexact=email).delete()
    words = [word for word in (email, name) if word]
    mentions = Q()
    for word in words:
        mentions |= Q(subject__icontains=word) | Q(body__icontains=word)
        mentions |= Q(html_body__icontains=word)
    for message in OutboxMessage.objects.filter(mentions):
        language = message.language
        message.subject = _redact(message.subject, words, language=language)[:255]
        message.body = _redact(message.body, words, language=language)
        message.html_body = _redact(message.html_body, words, language=language)
        message.save(update_fields=["subject", "body", "html_body"])


def _clear_personal_fields(profile: ExpertProfile) -> list[str]:
    """Empty every field but those kept after erasure (unsaved); name the fields cleared."""
    if profile.cv:
        profile.cv.delete(save=False)
    cleared = []
    for field in ExpertProfile._meta.concrete_fields:
        if field.name in (*KEPT_AFTER_ERASURE, "updated_at"):
            continue
        if field.has_default():
            setattr(profile, field.attname, field.get_default())
        elif field.null:
            setattr(profile, field.attname, None)
        elif field.blank:
            setattr(profile, field.attname, "")
        else:
            continue
        cleared.append(field.name)
    return cleared


def _account_forget(*, user: User, programme) -> None:
    """The consents and the expert role in the programme go; the account too, unless it
    serves something else."""
    user.consents.filter(programme=programme).delete()
    ProgrammeRole.objects.filter(user=user, programme=programme, role=Role.EXPERT).delete()
    if not user.programme_roles.exists() and not user.expert_profiles.exists():
        user.delete()


@transaction.atomic
def profile_erase(*, profile: ExpertProfile, actor: User) -> ExpertProfile:
    """Erase a professional's personal data (GDPR art. 17, Law 058/2021 art. 24).

    What happens to each table is written in docs/data-protection.md. Deletes
    the CV file, languages, availability, skills and every personal field;
    their consents in the programme, the expert role, the mail written to
    them and their unanswered surveys; deletes the account itself when it
    serves nothing else. Takes their name and address out of mail written to
    others, certificates of contribution and answered surveys, and cancels
    their pending offers and invitations (the apps holding those register
    their erasers in `experts.personal_data`). Keeps only the anonymous row
    (country, sex, sectors) that results count, and pairings and missions,
    which every page, export and the API then name "former participant".
    The log entry names no one.
    """
    profile = locked(profile, "user", "programme")
    user = profile.user
    profile.languages.all().delete()
    profile.availability.all().delete()
    profile.skills.clear()
    cleared = _clear_personal_fields(profile)
    profile.user = None
    PROFILE.move(profile, "erase", actor=None, update_fields=(*cleared, "updated_at"))
    erase_elsewhere(profile=profile, email=user.email if user is not None else None)
    if user is not None:
        _outbox_forget(email=user.email, name=user.full_name)
        _account_forget(user=user, programme=profile.programme)
    return profile
