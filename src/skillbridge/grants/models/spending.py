"""What the team spent against its budget lines, and the financial reports built from it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from skillbridge.grants.models.grants import Grant, GrantBudgetLine


class Expense(models.Model):
    """Money the team spent, against one budget line, with its receipt."""

    grant = models.ForeignKey(
        Grant, verbose_name=_("grant"), on_delete=models.CASCADE, related_name="expenses"
    )
    budget_line = models.ForeignKey(
        GrantBudgetLine,
        verbose_name=_("budget line"),
        on_delete=models.PROTECT,
        related_name="expenses",
    )
    spent_on = models.DateField(_("date"))
    description = models.CharField(_("what was bought"), max_length=200)
    amount_rwf = models.PositiveBigIntegerField(_("amount (RWF)"))
    receipt = models.FileField(_("receipt"), upload_to="grants/receipts/%Y/%m/")
    receipt_name = models.CharField(_("file name"), max_length=255)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reported_at = models.DateTimeField(_("reported"), auto_now_add=True)

    class Meta:
        verbose_name = _("expense")
        verbose_name_plural = _("expenses")
        ordering = ["spent_on", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_rwf__gt=0), name="expense_has_amount"),
        ]

    def __str__(self) -> str:
        return self.description


class FinancialReport(models.Model):
    """An interim or final financial report, generated from the grant's data."""

    class Kind(models.TextChoices):
        INTERIM = "interim", _("interim report")
        FINAL = "final", _("final report")

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        RETURNED = "returned", _("returned with comments")
        APPROVED = "approved", _("approved")

    grant = models.ForeignKey(
        Grant, verbose_name=_("grant"), on_delete=models.CASCADE, related_name="reports"
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.SUBMITTED
    )
    narrative = models.TextField(_("what the money achieved"), blank=True, default="")
    # Frozen at submission: lines with budget and actual, totals, payments.
    figures = models.JSONField(_("figures"), default=dict)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    review_comments = models.TextField(_("officer's comments"), blank=True, default="")
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    class Meta:
        verbose_name = _("financial report")
        verbose_name_plural = _("financial reports")
        ordering = ["grant", "submitted_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.submitted_at:%Y-%m-%d}"
