from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Mission(models.Model):
    """One piece of skills-transfer work: an on-site training or coaching, or a remote series.

    It belongs to an accepted pairing or to a college's training request, and
    holds its work plan (objectives here, activities per day in PlanDay,
    deliverables and what the host provides) with the two sign-offs.
    """

    class Kind(models.TextChoices):
        TOT = "tot", _("on-site Training of Trainers")
        COACHING = "coaching", _("on-site coaching")
        REMOTE = "remote", _("remote mentoring series")

    class State(models.TextChoices):
        PLANNED = "planned", _("planned")
        WORKPLAN_AGREED = "workplan_agreed", _("work plan agreed")
        APPROVED = "approved", _("approved")
        UNDER_WAY = "under_way", _("under way")
        COMPLETED = "completed", _("completed")
        REPORTED = "reported", _("reported")
        CANCELLED = "cancelled", _("cancelled")

    ONSITE_KINDS = (Kind.TOT, Kind.COACHING)
    # The work plan may change only before the mission is approved.
    EDITABLE_STATES = (State.PLANNED, State.WORKPLAN_AGREED)
    # Sessions are logged while the work happens and until the report is filed.
    LOGGING_STATES = (State.UNDER_WAY, State.COMPLETED)
    DONE_STATES = (State.COMPLETED, State.REPORTED)

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    pairing = models.ForeignKey(
        "pairing.Pairing",
        verbose_name=_("pairing"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="missions",
    )
    training_request = models.ForeignKey(
        "pairing.TrainingRequest",
        verbose_name=_("training request"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="missions",
    )
    expert = models.ForeignKey(
        "experts.ExpertProfile",
        verbose_name=_("professional"),
        on_delete=models.PROTECT,
        related_name="missions",
    )
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=150)
    host_college = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("host college"),
        on_delete=models.PROTECT,
        related_name="hosted_missions",
    )
    place = models.CharField(_("place"), max_length=150, blank=True)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    objectives = models.TextField(_("objectives"))
    expected_participants = models.PositiveSmallIntegerField(_("expected participants"))
    deliverables = models.TextField(_("deliverables"), blank=True)
    host_resources = models.TextField(_("resources the host provides"), blank=True)
    state = models.CharField(
        _("state"), max_length=16, choices=State.choices, default=State.PLANNED, db_index=True
    )
    reason = models.TextField(_("reason"), blank=True, help_text=_("Why it was cancelled."))
    host_signed_at = models.DateTimeField(_("host signed the work plan"), null=True, blank=True)
    host_signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    expert_signed_at = models.DateTimeField(
        _("professional signed the work plan"), null=True, blank=True
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    reported_at = models.DateTimeField(_("reported"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mission")
        verbose_name_plural = _("missions")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(pairing__isnull=False, training_request__isnull=True)
                    | models.Q(pairing__isnull=True, training_request__isnull=False)
                ),
                name="mission_of_a_pairing_or_a_request",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="mission_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_onsite(self) -> bool:
        return self.kind in self.ONSITE_KINDS

    @property
    def is_signed_by_both(self) -> bool:
        return self.host_signed_at is not None and self.expert_signed_at is not None

    @property
    def project(self):
        """The funded project the mission serves, if any (else it serves a training request)."""
        if self.pairing_id and self.pairing.need.proposal_id:
            return self.pairing.need.proposal
        return None


class PlanDay(models.Model):
    """The activities of one day of the work plan."""

    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="plan_days")
    day = models.DateField(_("day"))
    activities = models.TextField(_("activities"))

    class Meta:
        verbose_name = _("work plan day")
        verbose_name_plural = _("work plan days")
        ordering = ["mission", "day", "pk"]

    def __str__(self) -> str:
        return f"{self.mission} · {self.day}"
