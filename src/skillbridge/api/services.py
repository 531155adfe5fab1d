from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from skillbridge.api.models import ApiToken, credentials_fingerprint, token_digest
from skillbridge.common.services import audit_record


@transaction.atomic
def token_issue(*, user) -> tuple[str, datetime]:
    """Create an API token for `user`; return it and when it expires.

    Only its digest is kept, with the fingerprint of the credentials it was
    issued against and its expiry (API_TOKEN_LIFETIME).
    """
    secret = ApiToken.new_secret()
    token = ApiToken.objects.create(
        user=user,
        digest=token_digest(secret),
        credentials=credentials_fingerprint(user),
        expires_at=timezone.now() + settings.API_TOKEN_LIFETIME,
    )
    audit_record(actor=user, action="api.token_issued", target=token)
    return secret, token.expires_at


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
