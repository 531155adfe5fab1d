"""Second factors for tests, computed with allauth's own TOTP helpers."""

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)


def enable_totp(user) -> str:
    """Switch TOTP and recovery codes on for `user`; return the TOTP secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    return secret


def totp_code(secret: str) -> str:
    """The code an authenticator app shows now (each is accepted once)."""
    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))


def recovery_code(user, index: int = 0) -> str:
    codes = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    return codes.wrap().get_unused_codes()[index]
