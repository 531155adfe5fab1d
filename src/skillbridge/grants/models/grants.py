"""The grant itself: the award, where it stands, its budget lines and payee.

Money rules live in the database as well as in the services: a grant's
running `paid_rwf` can never pass its award.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from skillbridge.calls.models import BudgetLine


class PaymentMethod(models.TextChoices):
    BANK_TRANSFER = "bank_transfer", _("bank transfer")
    MOBILE_MONEY = "mobile_money", _("mobile money")


class Grant(models.Model):
    """The money awarded to one selected proposal, and where it stands."""

    class State(models.TextChoices):
        AWARDED = "awarded", _("awarded")
        AGREEMENT_ACCEPTED = "agreement_accepted", _("agreement accepted")
        ACTIVE = "active", _("active")
        SUSPENDED = "suspended", _("suspended")
        TERMINATED = "terminated", _("terminated")
        CLOSED = "closed", _("closed")

    # Tranches may be paid only while the grant is in one of these states.
    PAYABLE_STATES = (State.AGREEMENT_ACCEPTED, State.ACTIVE)

    proposal = models.OneToOneField(
        "calls.Proposal", verbose_name=_("proposal"), on_delete=models.PROTECT, related_name="grant"
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="grants",
    )
    amount_rwf = models.PositiveBigIntegerField(_("awarded amount (RWF)"))
    amount_reason = models.TextField(
        _("why the amount differs from the request"), blank=True, default=""
    )
    exchange_rate = models.DecimalField(
        _("exchange rate (RWF per EUR)"),
        max_digits=12,
        decimal_places=4,
        validators=[MinValueValidator(Decimal("0.0001"))],
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.AWARDED, db_index=True
    )
    state_reason = models.TextField(_("reason"), blank=True, default="")
    paid_rwf = models.PositiveBigIntegerField(_("paid (RWF)"), default=0)
    awarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    awarded_at = models.DateTimeField(_("awarded"), auto_now_add=True)
    agreement_accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    agreement_accepted_at = models.DateTimeField(_("agreement accepted"), null=True, blank=True)
    # Where the money goes, kept from the last payment so the next one and the
    # payment batch start from it.
    payee_name = models.CharField(_("payee"), max_length=150, blank=True, default="")
    payee_account = models.CharField(
        _("account or phone number"), max_length=60, blank=True, default=""
    )
    payee_method = models.CharField(
        _("channel"), max_length=16, choices=PaymentMethod.choices, blank=True, default=""
    )

    class Meta:
        verbose_name = _("grant")
        verbose_name_plural = _("grants")
        ordering = ["-awarded_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_rwf__gt=0), name="grant_awards_money"),
            models.CheckConstraint(
                condition=Q(paid_rwf__lte=F("amount_rwf")), name="grant_never_paid_beyond_award"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gt=F("starts_on")), name="grant_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(exchange_rate__gt=0), name="grant_exchange_rate_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.proposal.title

    @property
    def amount_eur(self) -> Decimal:
        return (Decimal(self.amount_rwf) / self.exchange_rate).quantize(Decimal("0.01"))

    @property
    def paid_eur(self) -> Decimal:
        return (Decimal(self.paid_rwf) / self.exchange_rate).quantize(Decimal("0.01"))


class GrantBudgetLine(models.Model):
    """A budget line of the grant, carried over from the proposal and adjusted."""

    grant = models.ForeignKey(
        Grant, verbose_name=_("grant"), on_delete=models.CASCADE, related_name="budget_lines"
    )
    item = models.CharField(_("item"), max_length=150)
    category = models.CharField(_("category"), max_length=12, choices=BudgetLine.Category.choices)
    amount_rwf = models.PositiveBigIntegerField(_("budget (RWF)"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("grant budget line")
        verbose_name_plural = _("grant budget lines")
        ordering = ["grant", "position", "id"]

    def __str__(self) -> str:
        return self.item
