"""Signed links that let an imported professional claim their account.

Like Django's password-reset tokens: the link carries a hash of the account's
state, which changes when the profile is claimed (or the password set), so a
link works once; it also expires.
"""

from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

from skillbridge.experts.models import ExpertProfile

SALT = "skillbridge.experts.claim"
INVITATION_VALID_DAYS = 30


def _state(profile: ExpertProfile) -> str:
    user = profile.user
    value = f"{profile.pk}|{user.pk}|{user.password}|{profile.claimed_at}|{user.email}"
    return salted_hmac(SALT, value, algorithm="sha256").hexdigest()[:24]


def claim_token_make(profile: ExpertProfile) -> str:
    return signing.dumps({"p": profile.pk, "s": _state(profile)}, salt=SALT)


def claim_token_profile(token: str) -> ExpertProfile | None:
    """The unclaimed profile the token was made for, or None if it is forged, used or old."""
    try:
        data = signing.loads(token, salt=SALT, max_age=INVITATION_VALID_DAYS * 24 * 3600)
    except signing.BadSignature:
        return None
    profile = (
        ExpertProfile.objects.select_related("user", "programme")
        .filter(pk=data.get("p"), user__isnull=False, claimed_at__isnull=True)
        .first()
    )
    if profile is None or not constant_time_compare(str(data.get("s")), _state(profile)):
        return None
    return profile
