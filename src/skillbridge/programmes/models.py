"""Programmes and the sectors they fund."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from skillbridge.common.multilingual import Labelled


def language_choices() -> list[tuple[str, str]]:
    """The site's languages, read when a form asks (settings are not read at import)."""
    return settings.LANGUAGES


class Sector(Labelled, models.Model):
    """A field of work such as energy or ICT. Data, not code: officers add one to their programme
    on the sectors and qualification levels page (experts.services.labels.sector_add).

    `name` is the English name; `label` reads the active language's (common.multilingual).
    """

    name = models.CharField(_("name"), max_length=80, unique=True)
    name_fr = models.CharField(_("name in French"), max_length=80, blank=True)
    name_rw = models.CharField(_("name in Kinyarwanda"), max_length=80, blank=True)
    slug = models.SlugField(_("code"), max_length=40, unique=True)

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.label


class Programme(models.Model):
    """A skills-transfer programme: its partners, sectors and donor envelope."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("code"), max_length=60, unique=True)
    summary = models.TextField(_("summary"), blank=True)
    # The language a call's own columns are written in; its other languages are
    # translations of it, and a reader without their own falls back to it.
    main_language = models.CharField(
        _("main language"), max_length=8, choices=language_choices, default="en"
    )
    lead_organisation = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("run by"),
        on_delete=models.PROTECT,
        related_name="programmes_led",
    )
    partners = models.ManyToManyField(
        "people.Organisation",
        verbose_name=_("partners"),
        blank=True,
        related_name="programmes_partnered",
    )
    donor = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("funded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="programmes_funded",
    )
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectors"), related_name="programmes")
    colleges = models.ManyToManyField(
        "people.Organisation",
        verbose_name=_("participating colleges"),
        blank=True,
        related_name="programmes_as_college",
        limit_choices_to={"kind": "college"},
    )
    envelope_eur = models.DecimalField(
        _("donor envelope (EUR)"),
        max_digits=14,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    # Who signs the programme's documents (agreements, certificates) for the lead organisation.
    signatory_name = models.CharField(_("signatory"), max_length=150, blank=True, default="")
    signatory_title = models.CharField(
        _("signatory's title"), max_length=150, blank=True, default=""
    )

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="programme_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class DocumentPartner(models.Model):
    """A partner named, with its logo, on the programme's documents, in the officer's order."""

    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="document_partners",
    )
    name = models.CharField(_("name"), max_length=150)
    logo = models.FileField(_("logo"), upload_to="programmes/logos/%Y/", blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("partner on documents")
        verbose_name_plural = _("partners on documents")
        ordering = ["programme", "position", "id"]

    def __str__(self) -> str:
        return self.name
