"""Grants: the award, its tranches and milestones, the payment ledger and spending.

Money rules live in the database as well as in the services: a tranche's
running `paid_rwf` can never pass its amount, nor a grant's its award, and
ledger entries are never edited (a correction is a reversing entry).
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
