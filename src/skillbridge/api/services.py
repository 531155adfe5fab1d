from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from skillbridge.common.services import audit_record
from skillbridge.people.models import ApiToken, credentials_fingerprint, token_digest


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
