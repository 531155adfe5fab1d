"""The payment ledger: entries are never edited; a correction is a reversing entry."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from skillbridge.grants.models.grants import Grant, PaymentMethod
from skillbridge.grants.models.milestones import Tranche


class Disbursement(models.Model):
    """One ledger entry: a payment, or the reversal of one. Never edited, never deleted."""

    class Kind(models.TextChoices):
        PAYMENT = "payment", _("payment")
        REVERSAL = "reversal", _("reversal")

    Method = PaymentMethod

    grant = models.ForeignKey(
        Grant, verbose_name=_("grant"), on_delete=models.PROTECT, related_name="disbursements"
    )
    tranche = models.ForeignKey(
        Tranche, verbose_name=_("tranche"), on_delete=models.PROTECT, related_name="disbursements"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PAYMENT)
    # Signed: a payment is positive, its reversal the same amount negative,
    # so the sum of a tranche's entries is always what was really paid.
    amount_rwf = models.BigIntegerField(_("amount (RWF)"))
    paid_on = models.DateField(_("paid on"))
    method = models.CharField(_("method"), max_length=16, choices=Method.choices)
    reference = models.CharField(_("payment reference"), max_length=80, unique=True)
    reverses = models.OneToOneField(
        "self",
        verbose_name=_("reverses"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reversed_by",
    )
    note = models.CharField(_("note"), max_length=255, blank=True, default="")
    payee_name = models.CharField(_("payee"), max_length=150, blank=True, default="")
    payee_account = models.CharField(
        _("account or phone number"), max_length=60, blank=True, default=""
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("disbursement")
        verbose_name_plural = _("disbursements")
        ordering = ["recorded_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="payment", amount_rwf__gt=0, reverses__isnull=True))
                | Q(kind="reversal", amount_rwf__lt=0, reverses__isnull=False),
                name="disbursement_sign_matches_kind",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_reversal(self) -> bool:
        return self.kind == self.Kind.REVERSAL
