"""A professional's rights over their data: withdrawing consent and erasure."""

import re

from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation

from skillbridge.common.models import OutboxMessage
from skillbridge.common.services import audit_record
from skillbridge.experts.models import FORMER_PARTICIPANT, ExpertProfile
from skillbridge.missions.models import Certificate, Survey
from skillbridge.pairing.models import Pairing
from skillbridge.people.models import ProgrammeRole, Role, User
from skillbridge.people.services import consent_withdraw

# Kept after erasure, for results counted by country, sector and sex; none
# of them identifies a person on its own.
KEPT_AFTER_ERASURE = ("id", "programme", "country", "sex", "sectors", "state", "created_at")
S = Pairing.State


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


def _surveys_forget(*, profile: ExpertProfile, email: str) -> None:
    """The professional's own surveys: unanswered ones go; answered ones keep only the rating.

    The 1–5 rating stays for the programme's evaluation, tied to no one; the
    address, name and free text (which may name them) go.
    """
    own = Survey.objects.filter(
        mission__expert=profile, respondent=Survey.Respondent.PROFESSIONAL, email__iexact=email
    )
    own.filter(answered_at__isnull=True).delete()
    for survey in own:
        survey.email = f"former-participant-{survey.pk}@erased.invalid"
        survey.name = ""
        survey.obstacles = ""
        survey.what_changed = ""
        survey.save(update_fields=["email", "name", "obstacles", "what_changed"])


def _pairings_close(*, profile: ExpertProfile) -> None:
    """Offers and invitations cannot be answered any more: cancel them.

    Accepted, active and completed pairings stay, nameless: they are the
    programme's record of work done, counted in the donor's results.
    """
    open_states = (S.PROPOSED, S.INVITED)
    for pairing in Pairing.objects.select_for_update(of=("self",)).filter(
        expert=profile, state__in=open_states
    ):
        before = pairing.state
        pairing.state = S.CANCELLED
        pairing.ended_at = timezone.now()
        pairing.reason = ""
        pairing.save(update_fields=["state", "ended_at", "reason", "updated_at"])
        audit_record(
            actor=None,
            action="pairing.cancelled",
            target=pairing,
            before=before,
            after=pairing.state,
            data={"why": "erasure"},
        )
    # What they wrote when declining may name them or their circumstances.
    Pairing.objects.filter(expert=profile).exclude(reason="").update(reason="")


@transaction.atomic
def profile_erase(*, profile: ExpertProfile, actor: User) -> ExpertProfile:
    """Erase a professional's personal data (GDPR art. 17, Law 058/2021 art. 24).

    What happens to each table is written in docs/data-protection.md. Deletes
    the CV file, languages, availability, skills and every personal field;
    their consents in the programme, the expert role, the mail written to
    them and their unanswered surveys; deletes the account itself when it
    serves nothing else. Takes their name and address out of mail written to
    others, certificates of contribution and answered surveys, and cancels
    their pending offers and invitations. Keeps only the anonymous row (country, sex, sectors)
    that results count, and pairings and missions, which every page, export
    and the API then name "former participant". The log entry names no one.
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
    _pairings_close(profile=profile)
    Certificate.objects.filter(mission__expert=profile, kind=Certificate.Kind.CONTRIBUTION).update(
        full_name=""
    )
    if user is not None:
        _surveys_forget(profile=profile, email=user.email)
        _outbox_forget(email=user.email, name=user.full_name)
        user.consents.filter(programme=profile.programme).delete()
        ProgrammeRole.objects.filter(
            user=user, programme=profile.programme, role=Role.EXPERT
        ).delete()
        if not user.programme_roles.exists() and not user.expert_profiles.exists():
            user.delete()
    audit_record(actor=None, action="expert.erased", target=profile)
    return profile
