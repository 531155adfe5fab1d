"""People, the organisations they belong to, their roles per programme and their API tokens.

Only a SHA-256 digest of each API token is stored, so a copy of the database
does not hand out working credentials. A token also carries a fingerprint of
the credentials it was issued against (the password hash and the second
factors), as Django's sessions do: changing either kills it wherever it is.
"""

import functools
import hashlib
import secrets

import rules
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in. Email is the only identifier.

    Deliberately minimal: no national ID, phone or anything about origin is
    stored on the account (DESIGN §5).
    """

    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        default="en",
        choices=[("en", "English"), ("fr", "Français"), ("rw", "Ikinyarwanda")],
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(
        _("site administrator"),
        default=False,
        help_text=_("Can sign in to the admin site to manage programmes and people."),
    )
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    def has_perm(self, perm: str, obj=None) -> bool:
        """Programme rights follow programme roles only, for a superuser too.

        Django answers yes to every question a superuser asks. That is right for
        the admin site, which asks model permissions without an object; but on
        a programme's pages (a rules permission about one object, or an index
        page's rule about the user alone) a superuser without a role would edit
        calls, decide proposals and read the outbox. So those questions go to
        the rules alone, and the admin keeps Django's answer.
        """
        if rules.perm_exists(perm) and (obj is not None or perm not in model_permissions()):
            return self.is_active and rules.has_perm(perm, self, obj)
        return super().has_perm(perm, obj)


@functools.cache
def model_permissions() -> frozenset[str]:
    """The model permissions the admin site asks ("calls.view_proposal"), by their full names.

    Rules permissions without an object that are not among them (an index
    page's "officer of any programme") follow programme roles too, for a
    superuser as well.
    """
    return frozenset(
        f"{model._meta.app_label}.{codename}"
        for model in apps.get_models()
        for codename in [
            *(f"{action}_{model._meta.model_name}" for action in model._meta.default_permissions),
            *(codename for codename, _name in model._meta.permissions),
        ]
    )


class Organisation(models.Model):
    """A polytechnic, college, ministry, IOM office or funder."""

    class Kind(models.TextChoices):
        POLYTECHNIC = "polytechnic", _("polytechnic")
        COLLEGE = "college", _("college")
        MINISTRY = "ministry", _("ministry")
        IOM = "iom", _("IOM office")
        DONOR = "donor", _("donor")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    country = models.CharField(_("country"), max_length=2, default="RW")
    location = models.CharField(_("location"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.short_name


class Role(models.TextChoices):
    APPLICANT = "applicant", _("applicant")
    COLLEGE_COORDINATOR = "college_coordinator", _("college coordinator")
    REVIEWER = "reviewer", _("reviewer")
    PROGRAMME_OFFICER = "programme_officer", _("programme officer")
    FINANCE_OFFICER = "finance_officer", _("finance officer")
    EXPERT = "expert", _("diaspora professional")
    DONOR_VIEWER = "donor_viewer", _("donor viewer")


class ProgrammeRole(models.Model):
    """What one person may do in one programme.

    `organisation` says on whose behalf: the college of a coordinator or an
    applicant, the organisation a reviewer sits for.
    """

    user = models.ForeignKey(
        User, verbose_name=_("person"), on_delete=models.CASCADE, related_name="programme_roles"
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="roles",
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="programme_roles",
    )
    granted_at = models.DateTimeField(_("granted"), auto_now_add=True)

    class Meta:
        verbose_name = _("programme role")
        verbose_name_plural = _("programme roles")
        ordering = ["programme", "role", "user"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "programme", "role"], name="one_role_once_per_programme"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.programme}"


class Consent(models.Model):
    """A person's informed consent to one programme's uses of their data.

    Each giving is a new row that records the version of the text shown and
    the purposes agreed to; withdrawing stamps `withdrawn_at` and never deletes
    the row, so the record shows what was agreed when (GDPR art. 7(1), Rwanda
    Law 058/2021 art. 6). At most one consent per person and programme is
    active at a time.
    """

    user = models.ForeignKey(
        User, verbose_name=_("person"), on_delete=models.CASCADE, related_name="consents"
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="consents",
    )
    text_version = models.CharField(_("consent text version"), max_length=20)
    for_pool = models.BooleanField(_("kept in the pool of professionals"), default=False)
    for_contact = models.BooleanField(_("contacted about projects and missions"), default=False)
    for_sharing_with_host = models.BooleanField(
        _("profile shared with the host college when paired"), default=False
    )
    given_at = models.DateTimeField(_("given"), default=timezone.now)
    # "withdrawn on" in French and Kinyarwanda: a date, where a proposal's state is a word.
    withdrawn_at = models.DateTimeField(
        pgettext_lazy("consent's date", "withdrawn"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "programme"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="one_active_consent_per_programme",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.programme} · {self.text_version}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


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
