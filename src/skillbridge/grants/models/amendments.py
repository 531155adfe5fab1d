"""Changes to an accepted agreement and the agreement's PDF versions."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from skillbridge.grants.models.grants import Grant


class Amendment(models.Model):
    """A change to an accepted agreement's terms, asked with a reason and decided by the officer.

    `changes` holds what is asked, by kind: a reallocation moves `amount_rwf`
    from budget line `from_line` to `to_line`; an extension sets `ends_on`; a
    milestone date change sets `milestone`'s `due_on` (dates as ISO text).
    """

    class Kind(models.TextChoices):
        REALLOCATION = "reallocation", _("budget reallocation")
        EXTENSION = "extension", _("no-cost extension")
        MILESTONE_DATE = "milestone_date", _("milestone date change")

    class State(models.TextChoices):
        PENDING = "pending", _("waiting for the officer")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    grant = models.ForeignKey(
        Grant, verbose_name=_("grant"), on_delete=models.CASCADE, related_name="amendments"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING, db_index=True
    )
    reason = models.TextField(_("reason"))
    changes = models.JSONField(_("changes"), default=dict)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    comments = models.TextField(_("officer's comments"), blank=True, default="")

    class Meta:
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        ordering = ["-requested_at", "-id"]
        constraints = [
            # One change at a time: each is judged against the terms the other left.
            models.UniqueConstraint(
                fields=["grant"], condition=Q(state="pending"), name="amendment_one_pending"
            ),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class AgreementVersion(models.Model):
    """The agreement's PDF as it stood at one point: the terms accepted, then each amendment."""

    grant = models.ForeignKey(
        Grant, verbose_name=_("grant"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    amendment = models.OneToOneField(
        Amendment,
        verbose_name=_("amendment"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="version",
    )
    pdf = models.FileField(_("PDF"), upload_to="grants/agreements/%Y/%m/")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("agreement version")
        verbose_name_plural = _("agreement versions")
        ordering = ["grant", "number"]
        constraints = [
            models.UniqueConstraint(fields=["grant", "number"], name="agreement_version_once"),
        ]

    def __str__(self) -> str:
        return _("Version %(number)s") % {"number": self.number}
