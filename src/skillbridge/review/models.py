"""Review panels, assignments with their reviews, and the committee's decisions.

One `Review` row is one reviewer's assignment to one proposal *and* their
review of it: the declaration of interests, the scores, the comments. Rows are
never deleted once a reviewer has acted on them, so a declared conflict or an
officer's removal stays on record and keeps the pair out of every later run.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from skillbridge.calls.models import Proposal


class PoolMember(models.Model):
    """A reviewer named to the panel of one call, with a load limit and expertise."""

    call = models.ForeignKey(
        "calls.Call", verbose_name=_("call"), on_delete=models.CASCADE, related_name="pool"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="review_pools",
    )
    organisation = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    load_limit = models.PositiveSmallIntegerField(
        _("load limit"),
        default=8,
        validators=[MinValueValidator(1), MaxValueValidator(200)],
        help_text=_("The most proposals this reviewer will be asked to review."),
    )
    sectors = models.ManyToManyField(
        "programmes.Sector", verbose_name=_("sector expertise"), blank=True, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("panel member")
        verbose_name_plural = _("panel members")
        ordering = ["call", "reviewer__full_name", "reviewer__email"]
        constraints = [
            models.UniqueConstraint(fields=["call", "reviewer"], name="reviewer_once_per_pool"),
            models.CheckConstraint(condition=models.Q(load_limit__gte=1), name="pool_load_limit"),
        ]

    def __str__(self) -> str:
        return str(self.reviewer)


class Review(models.Model):
    """One reviewer's assignment to one proposal, their declaration and their review."""

    class Source(models.TextChoices):
        ENGINE = "engine", _("assignment engine")
        OFFICER = "officer", _("programme officer")

    class Status(models.TextChoices):
        ACTIVE = "active", _("assigned")
        REMOVED = "removed", _("removed by the officer")
        CONFLICT = "conflict", _("conflict declared")

    class Declaration(models.TextChoices):
        PENDING = "pending", _("not yet declared")
        NONE = "none", _("no conflict")
        CONFLICT = "conflict", _("conflict of interest")

    class ConflictKind(models.TextChoices):
        RELATIVE = "relative", _("a relative is on the team")
        SUPERVISOR = "supervisor", _("I supervise or teach a team member")
        BUSINESS = "business", _("a business relation")
        SAME_COLLEGE = "same_college", _("I belong to the same college")
        OTHER = "other", _("other")

    class Recommendation(models.TextChoices):
        FUND = "fund", _("fund")
        MAYBE = "maybe", _("maybe")
        DO_NOT_FUND = "do_not_fund", _("do not fund")

    proposal = models.ForeignKey(
        "calls.Proposal",
        verbose_name=_("proposal"),
        on_delete=models.CASCADE,
        related_name="reviews",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="reviews",
    )
    source = models.CharField(_("assigned by"), max_length=10, choices=Source.choices)
    is_locked = models.BooleanField(
        _("locked"), default=False, help_text=_("Kept by every later assignment run.")
    )
    affinity = models.DecimalField(
        _("affinity"), max_digits=4, decimal_places=3, default=Decimal(0)
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE, db_index=True
    )
    declaration = models.CharField(
        _("declaration"), max_length=10, choices=Declaration.choices, default=Declaration.PENDING
    )
    conflict_kind = models.CharField(
        _("kind of conflict"), max_length=20, choices=ConflictKind.choices, blank=True
    )
    conflict_detail = models.CharField(_("details"), max_length=300, blank=True)
    declared_at = models.DateTimeField(_("declared"), null=True, blank=True)
    committee_comment = models.TextField(_("comment for the committee"), blank=True)
    applicant_comment = models.TextField(
        _("comment for the applicants"),
        blank=True,
        help_text=_("Optional. Shared with the team only if the committee chooses to."),
    )
    recommendation = models.CharField(
        _("recommendation"), max_length=12, choices=Recommendation.choices, blank=True
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    weighted_score = models.DecimalField(
        _("weighted score"), max_digits=5, decimal_places=3, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["proposal", "reviewer__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "reviewer"], name="one_review_per_reviewer_and_proposal"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} · {self.proposal}"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def may_open(self) -> bool:
        return self.is_active and self.declaration == self.Declaration.NONE


class Score(models.Model):
    """The score a review gives on one rubric criterion, from 1 to 5."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(
        "calls.RubricCriterion", on_delete=models.PROTECT, related_name="+"
    )
    value = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["review", "criterion__position", "criterion_id"]
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="one_score_per_criterion"),
            models.CheckConstraint(
                condition=models.Q(value__gte=1, value__lte=5), name="score_from_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"


class Decision(models.Model):
    """The committee's decision on one proposal: staged first, then released with the rest."""

    class Outcome(models.TextChoices):
        SELECTED = "selected", _("selected")
        RESERVE = "reserve", _("reserve")
        NOT_SELECTED = "not_selected", _("not selected")

    proposal = models.OneToOneField(
        "calls.Proposal",
        verbose_name=_("proposal"),
        on_delete=models.CASCADE,
        related_name="decision",
    )
    call = models.ForeignKey(
        "calls.Call", verbose_name=_("call"), on_delete=models.CASCADE, related_name="decisions"
    )
    outcome = models.CharField(_("decision"), max_length=12, choices=Outcome.choices)
    reserve_rank = models.PositiveSmallIntegerField(
        _("place on the reserve list"), null=True, blank=True
    )
    reason = models.TextField(_("reason"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), auto_now=True)
    released_at = models.DateTimeField(_("released"), null=True, blank=True)
    comments_shared = models.BooleanField(_("reviewers' comments shared"), default=False)
    promoted_at = models.DateTimeField(
        _("promoted from the reserve list"),
        null=True,
        blank=True,
        help_text=_("Set when a reserve took the place of a selected team that left."),
    )

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["call", "outcome", "reserve_rank", "proposal_id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(outcome="reserve", reserve_rank__isnull=False)
                    | (~models.Q(outcome="reserve") & models.Q(reserve_rank__isnull=True))
                ),
                name="reserve_rank_only_on_reserve",
            ),
            models.UniqueConstraint(
                fields=["call", "reserve_rank"],
                condition=models.Q(reserve_rank__isnull=False),
                name="reserve_rank_unique_per_call",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.proposal}: {self.get_outcome_display()}"

    @property
    def is_released(self) -> bool:
        return self.released_at is not None

    @property
    def team_withdrew(self) -> bool:
        """The team stepped back after the release (the place is free for the reserve list)."""
        return self.is_released and self.proposal.state == Proposal.State.WITHDRAWN

    @property
    def team_disqualified(self) -> bool:
        """The committee disqualified the team after the release (found ineligible)."""
        return self.is_released and self.proposal.state == Proposal.State.INELIGIBLE
