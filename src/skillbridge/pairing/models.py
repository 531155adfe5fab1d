"""Needs, matching runs and pairings of funded projects with diaspora professionals.

A need belongs either to a funded project (a selected proposal) or to a
college's training request. A matching run asks the assignment engine for the
best pairing of the open needs with the matchable professionals; each of its
proposed pairs becomes a `Pairing` in state *proposed*, which the officer
confirms (an invitation is mailed) and the professional accepts or declines.
States move only through pairing.services, each change audited.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from skillbridge.common.choices import Modality
from skillbridge.experts.languages import language_label


class TrainingRequest(models.Model):
    """A college's request for training from a diaspora professional (e.g. a ToT)."""

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="training_requests",
    )
    college = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("college"),
        on_delete=models.PROTECT,
        related_name="training_requests",
        limit_choices_to={"kind": "college"},
    )
    title = models.CharField(_("title"), max_length=150)
    text = models.TextField(_("what the college asks for"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("training request")
        verbose_name_plural = _("training requests")
        ordering = ["college__short_name", "title", "pk"]

    def __str__(self) -> str:
        return self.title


class Need(models.Model):
    """The expertise one funded project or training request needs, and for how many seats."""

    Modality = Modality

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    proposal = models.ForeignKey(
        "calls.Proposal",
        verbose_name=_("funded project"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pairing_needs",
    )
    training_request = models.ForeignKey(
        TrainingRequest,
        verbose_name=_("training request"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="needs",
    )
    sector = models.ForeignKey(
        "programmes.Sector",
        verbose_name=_("sector"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    skills = models.ManyToManyField(
        "experts.Skill", verbose_name=_("skills"), blank=True, related_name="+"
    )
    languages = models.JSONField(
        _("languages"), default=list, blank=True, help_text=_("ISO 639-1 codes, e.g. rw, en, fr.")
    )
    modality = models.CharField(_("modality"), max_length=10, choices=Modality.choices)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    seats = models.PositiveSmallIntegerField(
        _("professionals needed"), default=1, validators=[MinValueValidator(1)]
    )
    text = models.TextField(_("what the project needs"), max_length=1500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(proposal__isnull=False, training_request__isnull=True)
                    | models.Q(proposal__isnull=True, training_request__isnull=False)
                ),
                name="need_of_a_project_or_a_request",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="need_ends_after_start"
            ),
            models.CheckConstraint(condition=models.Q(seats__gte=1), name="need_has_a_seat"),
        ]

    def __str__(self) -> str:
        return self.owner_title

    @property
    def owner_title(self) -> str:
        owner = self.proposal if self.proposal_id else self.training_request
        return owner.title

    @property
    def college(self):
        return self.proposal.college if self.proposal_id else self.training_request.college

    @property
    def language_names(self) -> str:
        """The languages of the work by name, in the reader's language ("English, Kinyarwanda")."""
        return ", ".join(language_label(code) for code in self.languages)


class PairDecision(models.Model):
    """An officer's standing decision on one pair: always use it, or never. Kept across runs."""

    class Kind(models.TextChoices):
        LOCK = "lock", _("locked")
        FORBID = "forbid", _("forbidden")

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="decisions")
    expert = models.ForeignKey(
        "experts.ExpertProfile", on_delete=models.CASCADE, related_name="pair_decisions"
    )
    kind = models.CharField(_("decision"), max_length=6, choices=Kind.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pair decision")
        verbose_name_plural = _("pair decisions")
        ordering = ["need", "expert"]
        constraints = [
            models.UniqueConstraint(fields=["need", "expert"], name="one_decision_per_pair"),
        ]

    def __str__(self) -> str:
        return f"{self.need} · {self.expert} · {self.kind}"


class MatchingRun(models.Model):
    """One run of the assignment engine over a programme's open needs, and its result."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    class Objective(models.TextChoices):
        TOTAL = "total", _("best total score")
        FAIR = "fair", _("best lowest score (fairest)")

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="matching_runs",
    )
    needs = models.ManyToManyField(Need, verbose_name=_("needs"), related_name="runs")
    objective = models.CharField(
        _("objective"), max_length=5, choices=Objective.choices, default=Objective.TOTAL
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.QUEUED
    )
    error = models.TextField(_("error"), blank=True)
    # The engine's summary and the app's diagnosis: filled seats, mean and lowest
    # score, needs nobody can fill and why, professionals' loads.
    summary = models.JSONField(_("summary"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("matching run")
        verbose_name_plural = _("matching runs")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"#{self.pk}"

    @property
    def is_running(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def is_queued(self) -> bool:
        return self.status == self.Status.QUEUED

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE

    @property
    def has_failed(self) -> bool:
        return self.status == self.Status.FAILED


class Candidate(models.Model):
    """A pair a run proposed (rank 0) or kept as an alternate (rank 1–3), with its reasons."""

    run = models.ForeignKey(MatchingRun, on_delete=models.CASCADE, related_name="candidates")
    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="candidates")
    expert = models.ForeignKey(
        "experts.ExpertProfile", on_delete=models.CASCADE, related_name="candidacies"
    )
    rank = models.PositiveSmallIntegerField(_("rank"), help_text=_("0 proposed, 1–3 alternates."))
    score = models.FloatField(_("score"))
    reasons = models.JSONField(_("reasons"), default=list, blank=True)

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        ordering = ["run", "need", "rank", "-score", "expert"]
        constraints = [
            models.UniqueConstraint(
                fields=["run", "need", "expert"], name="candidate_once_per_run"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.need} · {self.expert} ({self.score:.2f})"

    @property
    def is_alternate(self) -> bool:
        return self.rank > 0


class Pairing(models.Model):
    """A professional paired with one need: from proposal to completed work.

    proposed → invited → accepted → active → completed, or declined / cancelled.
    Missions (on-site or remote work) hang off an accepted or active pairing.
    """

    class State(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        INVITED = "invited", _("invited")
        ACCEPTED = "accepted", _("accepted")
        ACTIVE = "active", _("active")
        COMPLETED = "completed", _("completed")
        DECLINED = "declined", _("declined")
        CANCELLED = "cancelled", _("cancelled")

    # States in which the pairing takes one of the professional's places and one seat.
    LOAD_STATES = (State.INVITED, State.ACCEPTED, State.ACTIVE)
    SEAT_STATES = (State.INVITED, State.ACCEPTED, State.ACTIVE, State.COMPLETED)
    # States in which the project team may know who its mentor is.
    VISIBLE_TO_TEAM = (State.ACCEPTED, State.ACTIVE, State.COMPLETED)
    CLOSED_STATES = (State.DECLINED, State.CANCELLED)

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    need = models.ForeignKey(
        Need, verbose_name=_("need"), on_delete=models.PROTECT, related_name="pairings"
    )
    expert = models.ForeignKey(
        "experts.ExpertProfile",
        verbose_name=_("professional"),
        on_delete=models.PROTECT,
        related_name="pairings",
    )
    run = models.ForeignKey(
        MatchingRun,
        verbose_name=_("matching run"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pairings",
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PROPOSED, db_index=True
    )
    score = models.FloatField(_("score"), null=True, blank=True)
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    is_alternate = models.BooleanField(_("offered as an alternate"), default=False)
    respond_by = models.DateTimeField(_("answer by"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True, help_text=_("Why declined or cancelled."))
    expired = models.BooleanField(_("expired without an answer"), default=False)
    invited_at = models.DateTimeField(_("invited"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pairing")
        verbose_name_plural = _("pairings")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # A professional holds at most one live pairing per need.
            models.UniqueConstraint(
                fields=["need", "expert"],
                condition=~models.Q(state__in=["declined", "cancelled"]),
                name="one_live_pairing_per_need_and_expert",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.need} · {self.expert}"

    @property
    def is_open_invitation(self) -> bool:
        return self.state == self.State.INVITED
