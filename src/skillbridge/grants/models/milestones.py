"""Tranches of a grant and the milestones that release them."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from skillbridge.grants.models.grants import Grant


class Tranche(models.Model):
    """One instalment of a grant.

    `paid_rwf` is the running sum of the tranche's ledger entries, updated
    under a row lock with every entry; the check constraint makes an
    overpayment impossible even if a code path forgot the lock.
    """

    grant = models.ForeignKey(
        Grant, verbose_name=_("grant"), on_delete=models.CASCADE, related_name="tranches"
    )
    number = models.PositiveSmallIntegerField(_("tranche"))
    amount_rwf = models.PositiveBigIntegerField(_("amount (RWF)"))
    planned_on = models.DateField(_("planned payment date"), null=True, blank=True)
    payable_since = models.DateTimeField(_("payable since"), null=True, blank=True)
    paid_rwf = models.PositiveBigIntegerField(_("paid (RWF)"), default=0)

    class Meta:
        verbose_name = _("tranche")
        verbose_name_plural = _("tranches")
        ordering = ["grant", "number"]
        constraints = [
            models.UniqueConstraint(fields=["grant", "number"], name="tranche_numbered_once"),
            models.CheckConstraint(condition=Q(amount_rwf__gt=0), name="tranche_has_money"),
            models.CheckConstraint(
                condition=Q(paid_rwf__lte=F("amount_rwf")), name="tranche_never_overpaid"
            ),
        ]

    def __str__(self) -> str:
        return _("Tranche %(number)s") % {"number": self.number}

    @property
    def remaining_rwf(self) -> int:
        return self.amount_rwf - self.paid_rwf

    @property
    def is_payable(self) -> bool:
        return (
            self.payable_since is not None
            and self.remaining_rwf > 0
            and self.grant.state in Grant.PAYABLE_STATES
        )


class Milestone(models.Model):
    """The condition of a tranche after the first: a deliverable and its evidence."""

    class State(models.TextChoices):
        PENDING = "pending", _("waiting for evidence")
        SUBMITTED = "submitted", _("evidence submitted")
        RETURNED = "returned", _("returned with comments")
        APPROVED = "approved", _("approved")

    tranche = models.OneToOneField(
        Tranche, verbose_name=_("tranche"), on_delete=models.CASCADE, related_name="milestone"
    )
    deliverable = models.CharField(_("deliverable"), max_length=200)
    due_on = models.DateField(_("due date"))
    evidence_expected = models.TextField(_("evidence expected"))
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.PENDING, db_index=True
    )
    evidence_text = models.TextField(_("what was achieved"), blank=True, default="")
    evidence_file = models.FileField(
        _("evidence file"), upload_to="grants/evidence/%Y/%m/", blank=True
    )
    evidence_name = models.CharField(_("file name"), max_length=255, blank=True, default="")
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    review_comments = models.TextField(_("officer's comments"), blank=True, default="")
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.deliverable
