from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

from skillbridge.people import services as people_services
from skillbridge.people.models import ApiToken, credentials_fingerprint, token_digest
from skillbridge.people.selectors import mfa_missing_for


class BearerTokenAuthentication(TokenAuthentication):
    """`Authorization: Bearer <token>` against hashed ApiToken rows.

    A token works until it expires or is revoked, and only while the
    password and second factors it was issued against are unchanged.
    """

    keyword = "Bearer"

    def authenticate_credentials(self, key: str):
        token = (
            ApiToken.objects.live().select_related("user").filter(digest=token_digest(key)).first()
        )
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("Invalid or expired token."))
        if token.credentials != credentials_fingerprint(token.user):
            people_services.token_revoke(user=token.user, token=token, reason="credentials_changed")
            raise exceptions.AuthenticationFailed(_("Invalid or expired token."))
        if mfa_missing_for(token.user):
            # A role that needs MFA was given after the token was issued.
            raise exceptions.PermissionDenied(
                _("Set up two-factor authentication before you continue.")
            )
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token.user, token
