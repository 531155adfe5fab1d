"""Proposals, their teams, budgets, attachments and deadline reminders."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from skillbridge.calls.models.calls import Call
from skillbridge.common.choices import Sex
from skillbridge.programmes.models import Sector


class Proposal(models.Model):
    """A team's project proposal to a call.

    The state moves only through the service functions of calls.services
    (and, for review states, review.services); each change is audited.
    """

    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        ELIGIBLE = "eligible", _("eligible")
        INELIGIBLE = "ineligible", _("ineligible")
        UNDER_REVIEW = "under_review", _("under review")
        SELECTED = "selected", _("selected")
        RESERVE = "reserve", _("reserve")
        NOT_SELECTED = "not_selected", _("not selected")
        WITHDRAWN = "withdrawn", _("withdrawn")

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.PROTECT, related_name="proposals"
    )
    college = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("college"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    lead = models.ForeignKey(
        "people.User",
        verbose_name=_("team lead"),
        on_delete=models.PROTECT,
        related_name="led_proposals",
    )
    sector = models.ForeignKey(
        Sector,
        verbose_name=_("sector"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    title = models.CharField(_("title"), max_length=150)
    summary = models.TextField(_("summary"), blank=True)
    problem = models.TextField(_("problem"), blank=True)
    solution = models.TextField(_("solution"), blank=True)
    innovation = models.TextField(_("what is innovative"), blank=True)
    market = models.TextField(_("market and users"), blank=True)
    implementation_plan = models.TextField(_("implementation plan"), blank=True)
    requested_amount_rwf = models.PositiveBigIntegerField(
        _("requested amount (RWF)"), null=True, blank=True
    )
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True
    )
    state_reason = models.TextField(
        _("reason"), blank=True, help_text=_("Why it was found ineligible, or the decision.")
    )
    reserve_rank = models.PositiveSmallIntegerField(_("place on the reserve list"), null=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        help_text=_("Counts the saves of the draft's answers, so a stale save cannot overwrite."),
    )
    answer_versions = models.JSONField(
        _("version of each answer"),
        default=dict,
        blank=True,
        help_text=_("The draft's version at which each answer was last changed."),
    )
    snapshot = models.JSONField(
        _("submitted version"),
        null=True,
        blank=True,
        help_text=_("Frozen at submission and never changed afterwards."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-updated_at", "-id"]
        indexes = [
            # The ranking orders and filters every proposal of a call in review from these
            # columns: read from the index alone (vacuumed), not from the wide rows.
            models.Index(
                fields=["call", "state"],
                include=["id", "title", "sector", "college"],
                name="proposal_call_state",
            ),
            # The review's assignments list a call's proposals by title: read in this order,
            # a page stops after its rows instead of sorting every review of the call.
            models.Index(fields=["call", "title", "id"], name="proposal_call_title"),
            # Grant lists are in their proposals' title order, across calls: read in this
            # order, a page of grants stops after its rows instead of joining every proposal.
            models.Index(fields=["title", "id"], name="proposal_title"),
            # The officers' list picks a page's proposals by call, college and title: it
            # reads them from this index (vacuumed, without the rows) before the sort.
            models.Index(fields=["call", "college", "title", "id"], name="proposal_list_order"),
        ]

    def __str__(self) -> str:
        return self.title


class TeamMember(models.Model):
    """A member of a proposal's team, from invitation to confirmed affiliation."""

    class Kind(models.TextChoices):
        STUDENT = "student", _("student")
        TRAINER = "trainer", _("trainer")

    Sex = Sex

    class Status(models.TextChoices):
        INVITED = "invited", _("invited")
        JOINED = "joined", _("joined")
        REMOVED = "removed", _("removed")

    class Affiliation(models.TextChoices):
        PENDING = "pending", _("to be confirmed")
        CONFIRMED = "confirmed", _("confirmed")
        REJECTED = "rejected", _("rejected")

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="members"
    )
    user = models.ForeignKey(
        "people.User",
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="team_memberships",
    )
    email = models.EmailField(_("email address"))
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    is_lead = models.BooleanField(_("team lead"), default=False)
    kind = models.CharField(_("student or trainer"), max_length=10, choices=Kind.choices)
    sex = models.CharField(_("sex"), max_length=12, choices=Sex.choices, default=Sex.UNDISCLOSED)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.INVITED
    )
    affiliation = models.CharField(
        _("affiliation"), max_length=10, choices=Affiliation.choices, default=Affiliation.PENDING
    )
    affiliation_note = models.CharField(_("coordinator's note"), max_length=255, blank=True)
    invited_at = models.DateTimeField(auto_now_add=True)
    joined_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["proposal", "-is_lead", "full_name", "email"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "email"], name="member_listed_once_per_proposal"
            ),
            models.UniqueConstraint(
                fields=["proposal"],
                condition=models.Q(is_lead=True),
                name="one_lead_per_proposal",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email


class BudgetLine(models.Model):
    class Category(models.TextChoices):
        EQUIPMENT = "equipment", _("equipment")
        MATERIALS = "materials", _("materials and supplies")
        SERVICES = "services", _("services")
        TRAINING = "training", _("training")
        LICENCES = "licences", _("licences and registration")
        OTHER = "other", _("other")

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="budget_lines"
    )
    item = models.CharField(_("item"), max_length=150)
    category = models.CharField(_("category"), max_length=12, choices=Category.choices)
    quantity = models.DecimalField(
        _("quantity"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    unit_cost_rwf = models.PositiveBigIntegerField(_("unit cost (RWF)"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["proposal", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__gt=0), name="budget_quantity_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.item

    @property
    def total_rwf(self) -> int:
        return int((self.quantity * self.unit_cost_rwf).to_integral_value())


class Attachment(models.Model):
    """A document attached to a proposal. Downloaded only through a checked view."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="attachments"
    )
    kind = models.CharField(_("document"), max_length=60)
    file = models.FileField(_("file"), upload_to="proposals/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey("people.User", on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["proposal", "kind", "uploaded_at"]

    def __str__(self) -> str:
        return self.original_name


class DeadlineReminder(models.Model):
    """A deadline reminder sent to a team with a draft, recorded so it goes out once.

    The unique constraint is what makes `run_scheduled` safe to run again, also
    when two runs overlap.
    """

    class Kind(models.TextChoices):
        DAYS_3 = "72h", _("72 hours before the deadline")
        DAY_1 = "24h", _("24 hours before the deadline")

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(_("reminder"), max_length=4, choices=Kind.choices)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    recipients = models.PositiveSmallIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("deadline reminder")
        verbose_name_plural = _("deadline reminders")
        ordering = ["proposal", "sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "kind"], name="reminder_sent_once"),
        ]

    def __str__(self) -> str:
        return f"{self.proposal} · {self.kind}"
