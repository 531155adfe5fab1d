from django.db import transaction

from skillbridge.api.models import ApiToken, token_digest
from skillbridge.common.services import audit_record


@transaction.atomic
def token_issue(*, user) -> str:
    """Create an API token for `user` and return it; only its digest is kept."""
    secret = ApiToken.new_secret()
    token = ApiToken.objects.create(user=user, digest=token_digest(secret))
    audit_record(actor=user, action="api.token_issued", target=token)
    return secret
