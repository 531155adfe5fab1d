"""API access tokens.

Only a SHA-256 digest of each token is stored, so a copy of the database
does not hand out working credentials. A token also carries a fingerprint of
the credentials it was issued against (the password hash and the second
factors), as Django's sessions do: changing either kills it wherever it is.
"""

import hashlib
import secrets

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def credentials_fingerprint(user) -> str:
    """A keyed hash of what `user` signs in with: the password and the MFA authenticators."""
    factors = Authenticator.objects.filter(user_id=user.pk).order_by("pk")
    material = "|".join(
        [user.password, *(f"{pk}:{kind}" for pk, kind in factors.values_list("pk", "type"))]
    )
    return salted_hmac("skillbridge.api.token", material, algorithm="sha256").hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def live(self):
        """Tokens that are neither revoked nor expired (the fingerprint is checked on use)."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    digest = models.CharField(max_length=64, unique=True)
    credentials = models.CharField(_("credentials fingerprint"), max_length=64)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user} ({self.created_at:%Y-%m-%d})"

    @staticmethod
    def new_secret() -> str:
        return secrets.token_urlsafe(32)
