"""Calls for proposals and their rubrics."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from skillbridge.calls.models.texts import Translated
from skillbridge.programmes.models import Programme, Sector


class Call(Translated, models.Model):
    """A call for proposals within a programme.

    Its title, description and document names are in the programme's main
    language; `translations` holds the others (calls.models.texts).
    """

    TRANSLATED_FIELDS = ("title", "description", "required_documents")

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="calls"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectors"), related_name="calls")
    eligible_colleges = models.ManyToManyField(
        "people.Organisation",
        verbose_name=_("eligible colleges"),
        related_name="calls",
        limit_choices_to={"kind": "college"},
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    max_grant_rwf = models.PositiveBigIntegerField(_("maximum grant (RWF)"))
    awards_planned = models.PositiveSmallIntegerField(_("awards planned"), default=10)
    reviews_per_proposal = models.PositiveSmallIntegerField(_("reviews per proposal"), default=3)
    required_documents = models.JSONField(
        _("documents required"),
        default=list,
        blank=True,
        help_text=_("The kinds of attachment every proposal must include."),
    )
    translations = models.JSONField(
        _("texts in other languages"),
        default=dict,
        blank=True,
        help_text=_("The title, description and documents in each language but the main one."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    # Planned dates the team reads on its receipt ("what happens next and when");
    # left empty, the receipt says the date will be announced.
    eligibility_by = models.DateField(_("eligibility checked by"), null=True, blank=True)
    reviews_by = models.DateField(_("reviews done by"), null=True, blank=True)
    decisions_by = models.DateField(_("decisions announced by"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="call_closes_after_it_opens",
            ),
            models.CheckConstraint(
                condition=models.Q(awards_planned__gte=1), name="call_plans_an_award"
            ),
            models.CheckConstraint(
                condition=models.Q(reviews_per_proposal__gte=1), name="call_needs_a_review"
            ),
        ]

    def __str__(self) -> str:
        # In the reader's language: selects, exports and headings that name a call by str().
        return self.text("title")

    @property
    def main_language(self) -> str:
        return self.programme.main_language

    @property
    def has_closed(self) -> bool:
        return timezone.now() >= self.closes_at

    @property
    def is_open(self) -> bool:
        return self.is_published and self.opens_at <= timezone.now() < self.closes_at


class RubricCriterion(Translated, models.Model):
    """One weighted criterion of a call's rubric, scored on a 1–5 scale.

    Named and described in the programme's main language; `translations` holds
    the others (calls.models.texts).
    """

    TRANSLATED_FIELDS = ("name", "description", "levels")

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="criteria"
    )
    name = models.CharField(_("criterion"), max_length=120)
    description = models.TextField(_("what it looks at"), blank=True)
    weight = models.DecimalField(
        _("weight"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    levels = models.JSONField(
        _("level descriptions"),
        default=dict,
        help_text=_('What each score means, keyed "1" to "5".'),
    )
    translations = models.JSONField(
        _("texts in other languages"),
        default=dict,
        blank=True,
        help_text=_("The name, description and levels in each language but the main one."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("rubric criterion")
        verbose_name_plural = _("rubric criteria")
        ordering = ["call", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["call", "name"], name="criterion_named_once_per_call"),
            models.CheckConstraint(condition=models.Q(weight__gt=0), name="criterion_weighs"),
        ]

    def __str__(self) -> str:
        return self.text("name")

    @property
    def main_language(self) -> str:
        return self.call.programme.main_language
