"""Diaspora professionals: their profiles, the skills taxonomy and imports.

Only what matching and vetting need is collected (DESIGN §5): never a
national ID, ethnicity, social origin or family details. The account's name
and email stay on people.User; everything else personal lives here, so
erasure knows exactly which fields to clear.
"""

import phonenumbers
from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from skillbridge.common.choices import Sex
from skillbridge.common.multilingual import Labelled
from skillbridge.experts.languages import LANGUAGE_CHOICES, language_label

# How every page, export, document and API answer names a professional who
# erased their data (GDPR art. 17, Law 058/2021 art. 24).
FORMER_PARTICIPANT = _("former participant")


class QualificationLevel(Labelled, models.Model):
    """A level of the Rwanda TVET Qualifications Framework or of higher education. Data.

    `name` is the English name; `label` reads the active language's (common.multilingual).
    """

    name = models.CharField(_("name"), max_length=120, unique=True)
    name_fr = models.CharField(_("name in French"), max_length=120, blank=True)
    name_rw = models.CharField(_("name in Kinyarwanda"), max_length=120, blank=True)
    rank = models.PositiveSmallIntegerField(_("rank"), help_text=_("Higher means more advanced."))

    class Meta:
        verbose_name = _("qualification level")
        verbose_name_plural = _("qualification levels")
        ordering = ["rank", "name"]

    def __str__(self) -> str:
        return self.label


class Skill(Labelled, models.Model):
    """A skill of the taxonomy, or a free-text addition by a professional.

    Free additions (`in_taxonomy` off) stay attached to the profiles that
    typed them until an officer merges them into a taxonomy skill. `name` is
    the English name (ESCO's preferred label where the skill has an ESCO URI);
    `label` reads the active language's.
    """

    name = models.CharField(_("name"), max_length=120)
    name_fr = models.CharField(_("name in French"), max_length=120, blank=True)
    name_rw = models.CharField(_("name in Kinyarwanda"), max_length=120, blank=True)
    sector = models.ForeignKey(
        "programmes.Sector",
        verbose_name=_("sector"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="skills",
    )
    synonyms = models.JSONField(
        _("synonyms"), default=list, blank=True, help_text=_("Other names for the same skill.")
    )
    esco_uri = models.URLField(_("ESCO URI"), blank=True)
    in_taxonomy = models.BooleanField(_("in the taxonomy"), default=True)

    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="skill_name_unique_any_case")]

    def __str__(self) -> str:
        return self.label


class ExpertProfile(models.Model):
    """A diaspora professional's profile in one programme, and its vetting state."""

    class State(models.TextChoices):
        REGISTERED = "registered", _("registered")
        SUBMITTED = "submitted", _("submitted for vetting")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")
        SUSPENDED = "suspended", _("suspended")
        ERASED = "erased", _("erased")

    Sex = Sex

    class Source(models.TextChoices):
        REGISTERED = "registered", _("registered themselves")
        IMPORTED = "imported", _("imported")

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="expert_profiles",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="expert_profiles",
    )
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.REGISTERED
    )
    state_reason = models.TextField(_("reason"), blank=True)
    state_changed_at = models.DateTimeField(_("state changed"), null=True, blank=True)
    source = models.CharField(
        _("source"), max_length=12, choices=Source.choices, default=Source.REGISTERED
    )
    claimed_at = models.DateTimeField(
        _("account claimed"),
        null=True,
        blank=True,
        help_text=_("Imported profiles cannot be matched before their owner claims them."),
    )
    imported_consent = models.BooleanField(_("consent stated in the import"), default=False)
    invited_at = models.DateTimeField(_("invited to claim"), null=True, blank=True)

    sex = models.CharField(_("sex"), max_length=12, choices=Sex.choices, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    country = CountryField(_("country of residence"), blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    timezone = models.CharField(_("time zone"), max_length=64, blank=True)
    profession = models.CharField(_("profession"), max_length=120, blank=True)
    employer = models.CharField(_("employer"), max_length=150, blank=True)
    years_experience = models.PositiveSmallIntegerField(
        _("years of experience"), null=True, blank=True
    )
    qualification = models.ForeignKey(
        QualificationLevel,
        verbose_name=_("highest qualification"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sectors = models.ManyToManyField(
        "programmes.Sector", verbose_name=_("sectors"), blank=True, related_name="expert_profiles"
    )
    skills = models.ManyToManyField(
        Skill, verbose_name=_("skills"), blank=True, related_name="profiles"
    )
    bio = models.TextField(_("short bio"), max_length=1500, blank=True)
    cv = models.FileField(_("CV (PDF)"), upload_to="experts/cv/%Y/", blank=True)
    onsite = models.BooleanField(_("on site in Rwanda"), default=False)
    remote = models.BooleanField(_("remotely"), default=False)
    capacity = models.PositiveSmallIntegerField(
        _("projects at once"), default=1, help_text=_("How many projects you can take at once.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("diaspora professional")
        verbose_name_plural = _("diaspora professionals")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "programme"],
                condition=models.Q(user__isnull=False),
                name="one_expert_profile_per_programme",
            ),
            models.CheckConstraint(condition=models.Q(capacity__gte=1), name="expert_capacity_1"),
        ]
        # The pool pages by newest first within one programme (selectors.pool_page): this
        # reads a page's rows in order and stops, where the programme's index alone made
        # PostgreSQL sort the whole programme, or walk every other programme's newer rows.
        indexes = [models.Index(fields=["programme", "-id"], name="expert_pool_order")]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The professional's name, or "former participant" once they erased their data."""
        if self.user_id is None or self.user is None:
            return str(FORMER_PARTICIPANT)
        return self.user.get_full_name()

    @property
    def phone_display(self) -> str:
        """The phone as people write it, e.g. +32 470 12 34 56 (stored in E.164)."""
        if not self.phone:
            return ""
        try:
            number = phonenumbers.parse(self.phone, None)
        except phonenumbers.NumberParseException:
            return self.phone
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)

    @property
    def awaits_claim(self) -> bool:
        """Imported, with consent to be contacted, and not claimed by its owner yet."""
        return (
            self.source == self.Source.IMPORTED
            and self.claimed_at is None
            and self.user_id is not None
            and self.imported_consent
            and self.state != self.State.ERASED
        )

    @property
    def modalities(self) -> list[str]:
        return [name for name, on in (("onsite", self.onsite), ("remote", self.remote)) if on]


class ExpertLanguage(models.Model):
    class Level(models.TextChoices):
        BASIC = "basic", _("basic")
        WORKING = "working", _("working knowledge")
        FLUENT = "fluent", _("fluent")
        NATIVE = "native", _("native")

    profile = models.ForeignKey(ExpertProfile, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, blank=True)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "code"], name="one_level_per_language")
        ]

    def __str__(self) -> str:
        return self.code

    def get_code_display(self) -> str:
        """The language's name in the active language, from a label dictionary built once."""
        return language_label(self.code)


class AvailabilityWindow(models.Model):
    profile = models.ForeignKey(
        ExpertProfile, on_delete=models.CASCADE, related_name="availability"
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))

    class Meta:
        verbose_name = _("availability window")
        verbose_name_plural = _("availability windows")
        ordering = ["starts_on", "ends_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="availability_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["profile", "starts_on", "ends_on"], name="availability_window_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.starts_on}..{self.ends_on}"


class ImportBatch(models.Model):
    """One import of professionals from a file by an officer: preview, then progress.

    The uploaded file is deleted once the import has run, since it holds
    other people's personal data.
    """

    class Status(models.TextChoices):
        PREVIEWED = "previewed", _("waiting for confirmation")
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="expert_imports"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    file = models.FileField(upload_to="experts/imports/", blank=True)
    filename = models.CharField(_("file"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PREVIEWED
    )
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    valid_rows = models.PositiveIntegerField(_("valid rows"), default=0)
    processed_rows = models.PositiveIntegerField(_("processed"), default=0)
    created_count = models.PositiveIntegerField(_("created"), default=0)
    updated_count = models.PositiveIntegerField(_("updated"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged"), default=0)
    rejected_count = models.PositiveIntegerField(_("rejected"), default=0)
    errors = models.JSONField(_("rejected rows"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("import of professionals")
        verbose_name_plural = _("imports of professionals")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.filename

    @property
    def percent(self) -> int:
        return round(100 * self.processed_rows / self.valid_rows) if self.valid_rows else 100

    @property
    def is_previewed(self) -> bool:
        """Checked and shown, waiting for the officer to confirm it."""
        return self.status == self.Status.PREVIEWED

    @property
    def is_running(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE
