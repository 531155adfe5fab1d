"""Writes about people."""

from allauth.usersessions.models import UserSession
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from skillbridge.common.services import audit_record, mail_queue
from skillbridge.people.models import ApiToken, Consent, User
from skillbridge.people.selectors import programme_officers


@transaction.atomic
def account_update_details(*, user: User, full_name: str, preferred_language: str) -> User:
    """Change a person's name and language, and log it."""
    user.full_name = full_name.strip()
    user.preferred_language = preferred_language
    user.save(update_fields=["full_name", "preferred_language"])
    audit_record(actor=user, action="account.details_changed", target=user)
    return user


def language_of_request(request) -> str:
    """The site language the person is reading now (one of LANGUAGES)."""
    current = translation.get_language() or settings.LANGUAGE_CODE
    try:
        return translation.get_supported_language_variant(current)
    except LookupError:
        return settings.LANGUAGE_CODE


def language_cookie_set(response, language: str) -> None:
    """Make `language` the one the next pages are in, as Django's switcher does."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


def language_prefer(*, user: User, language: str) -> None:
    """Store the language a signed-in person switched to, so mail and the next sign-in follow."""
    if language != user.preferred_language and language in dict(settings.LANGUAGES):
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])


@transaction.atomic
def sign_out_everywhere(*, user: User) -> None:
    """End every session `user` has on any device and revoke all their API tokens."""
    for session in UserSession.objects.filter(user=user):
        session.end()
    tokens_revoke_all(user=user)
    audit_record(actor=user, action="account.signed_out_everywhere", target=user)


@transaction.atomic
def consent_give(
    *,
    user: User,
    programme,
    text_version: str,
    for_pool: bool,
    for_contact: bool,
    for_sharing_with_host: bool,
) -> Consent:
    """Record informed consent for one programme, replacing any active one.

    Consent to be kept in the pool is the minimum: without it the programme
    may not hold the profile at all. The replaced consent is stamped withdrawn
    in the same step, so exactly one stays active; both are logged.
    """
    if not for_pool:
        raise ValidationError(
            {"for_pool": _("Without this consent the programme cannot keep your profile.")}
        )
    consent_withdraw(user=user, programme=programme)
    consent = Consent.objects.create(
        user=user,
        programme=programme,
        text_version=text_version,
        for_pool=for_pool,
        for_contact=for_contact,
        for_sharing_with_host=for_sharing_with_host,
    )
    audit_record(
        actor=user,
        action="consent.given",
        target=consent,
        data={
            "text_version": text_version,
            "pool": for_pool,
            "contact": for_contact,
            "sharing_with_host": for_sharing_with_host,
        },
    )
    return consent


@transaction.atomic
def consent_withdraw(*, user: User, programme) -> Consent | None:
    """Stamp the active consent withdrawn (if any) and log it. Takes effect at once."""
    consent = (
        Consent.objects.select_for_update(of=("self",))
        .filter(user=user, programme=programme, withdrawn_at__isnull=True)
        .first()
    )
    if consent is None:
        return None
    consent.withdrawn_at = timezone.now()
    consent.save(update_fields=["withdrawn_at"])
    audit_record(actor=user, action="consent.withdrawn", target=consent)
    return consent


def mail_programme_officers(*, programme, template: str, context: dict, kind: str) -> int:
    """Write one message to each programme officer of `programme`, in their own language."""
    officers = programme_officers(programme)
    for officer in officers:
        mail_queue(
            to=officer.email,
            template=template,
            context={"officer": officer, **context},
            language=officer.preferred_language,
            programme=programme,
            kind=kind,
        )
    return len(officers)


@transaction.atomic
def token_revoke(*, user, token: ApiToken, reason: str = "revoked") -> None:
    """Stop one token from working and log who did it and why."""
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    audit_record(actor=user, action="api.token_revoked", target=token, data={"reason": reason})


@transaction.atomic
def tokens_revoke_all(*, user, actor=None) -> int:
    """Revoke every live token of `user` (sign out everywhere); return how many."""
    now = timezone.now()
    count = ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=now)
    if count:
        audit_record(
            actor=actor or user, action="api.tokens_revoked", target=user, data={"count": count}
        )
    return count
