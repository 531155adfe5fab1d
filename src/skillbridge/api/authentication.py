from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
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


class BearerTokenScheme(OpenApiAuthenticationExtension):
    """Describes the Bearer scheme in the OpenAPI document.

    Defined here, beside the class it describes: every API view names the
    authentication classes, so this module is loaded before any schema is made.
    """

    target_class = "skillbridge.api.authentication.BearerTokenAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer"}
