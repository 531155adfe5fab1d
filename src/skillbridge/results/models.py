"""The results framework of a programme, its reporting periods and their values.

A framework is a tree of statements (objective → outcomes → outputs), each
output or outcome measured by indicators. An indicator is either computed by a
named query of `results.indicators` or entered by hand per period. Values are
stored only when they must not move: hand-entered values, and what a period
showed when it was closed (its `PeriodSnapshot` and indicator values).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

DIMENSIONS = [
    ("sex", _("sex")),
    ("college", _("college")),
    ("sector", _("sector")),
    ("country", _("country of residence")),
]
# SDG targets are national indicators: the programme only contributes to them.
SDG_TARGETS = [
    ("4.4", _("SDG 4.4: youth and adults with relevant skills (contribution proxy)")),
    ("10.7", _("SDG 10.7: well-managed migration policies (contribution proxy)")),
    ("17.16", _("SDG 17.16: multi-stakeholder partnerships (contribution proxy)")),
]


class Statement(models.Model):
    """One level of the framework: the objective, an outcome or an output."""

    class Level(models.TextChoices):
        OBJECTIVE = "objective", _("objective")
        OUTCOME = "outcome", _("outcome")
        OUTPUT = "output", _("output")

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="result_statements",
    )
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("contributes to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    code = models.CharField(_("code"), max_length=12)
    text = models.TextField(_("statement"), max_length=500)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("result statement")
        verbose_name_plural = _("result statements")
        ordering = ["programme", "code", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="statement_code_once"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.text}"


class Indicator(models.Model):
    """What is measured, how, against which baseline and target."""

    class Unit(models.TextChoices):
        COUNT = "count", _("number")
        PEOPLE = "people", _("people")
        PERCENT = "percent", _("percent")
        RWF = "rwf", _("RWF")
        PERSON_DAYS = "person_days", _("person-days")

    class Method(models.TextChoices):
        COMPUTED = "computed", _("computed from the data")
        MANUAL = "manual", _("entered by hand")

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    statement = models.ForeignKey(
        Statement,
        verbose_name=_("measures"),
        on_delete=models.PROTECT,
        related_name="indicators",
    )
    code = models.CharField(_("code"), max_length=12)
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=12, choices=Unit.choices)
    baseline = models.DecimalField(_("baseline"), max_digits=16, decimal_places=2, default=0)
    target = models.DecimalField(_("target"), max_digits=16, decimal_places=2)
    method = models.CharField(_("method"), max_length=10, choices=Method.choices)
    query = models.CharField(
        _("query"),
        max_length=60,
        blank=True,
        help_text=_("For a computed indicator: the named query that computes it."),
    )
    disaggregations = models.JSONField(
        _("disaggregated by"),
        default=list,
        blank=True,
        help_text=_("sex, college, sector, country"),
    )
    sdg_targets = models.JSONField(
        _("SDG targets (contribution proxies)"), default=list, blank=True
    )
    definition = models.TextField(
        _("definition and source"),
        blank=True,
        help_text=_("How it is counted, and where a hand-entered value comes from."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["programme", "code", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="indicator_code_once"),
            models.CheckConstraint(
                condition=models.Q(method="manual", query="")
                | (models.Q(method="computed") & ~models.Q(query="")),
                name="indicator_query_iff_computed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class ReportingPeriod(models.Model):
    """A quarter or a year the programme reports on, with the officer's narrative."""

    class Kind(models.TextChoices):
        QUARTER = "quarter", _("quarterly")
        YEAR = "year", _("annual")

    class State(models.TextChoices):
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="reporting_periods",
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    label = models.CharField(_("label"), max_length=40)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    state = models.CharField(_("state"), max_length=8, choices=State.choices, default=State.OPEN)
    summary = models.TextField(_("summary"), blank=True)
    achievements = models.TextField(_("main achievements"), blank=True)
    challenges = models.TextField(_("challenges and how they were met"), blank=True)
    next_steps = models.TextField(_("next steps"), blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["programme", "-ends_on", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "kind", "starts_on"], name="reporting_period_once"
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__gt=models.F("starts_on")),
                name="reporting_period_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def is_closed(self) -> bool:
        return self.state == self.State.CLOSED


class IndicatorValue(models.Model):
    """One stored value: a hand entry, or one cell of a closed period's snapshot.

    `dimension` and `category` are empty for the total; otherwise they name
    the disaggregation (`sex`/`female`, `college`/`IPRC Huye` …). `count` is the
    number of people or records behind the value. A closed period's report
    reads its `PeriodSnapshot`; these rows keep each computed indicator's values
    as they were at closing, also for periods closed before snapshots existed.
    """

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="values"
    )
    period = models.ForeignKey(
        ReportingPeriod, verbose_name=_("period"), on_delete=models.CASCADE, related_name="values"
    )
    dimension = models.CharField(_("disaggregation"), max_length=10, blank=True)
    category = models.CharField(_("category"), max_length=80, blank=True)
    label = models.CharField(_("label"), max_length=120, blank=True)
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2)
    count = models.PositiveIntegerField(_("records behind it"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator", "period", "dimension", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period", "dimension", "category"],
                name="indicator_value_once_per_cell",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period}: {self.value}"


class ProjectStory(models.Model):
    """A funded project's short public description, approved by its team lead.

    Only stories with `approved_at` set appear on the public impact page and in
    donor reports. The lead writes the text and approves it in one step, so
    the approval always covers the text as published.
    """

    proposal = models.OneToOneField(
        "calls.Proposal",
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="story",
    )
    text = models.TextField(_("public description"), max_length=800)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved for publication"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("project story")
        verbose_name_plural = _("project stories")
        ordering = ["proposal__title"]

    def __str__(self) -> str:
        return self.proposal.title

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None


class PeriodSnapshot(models.Model):
    """Everything a closed period shows, frozen when it was closed.

    `measures` holds every named query's measure with all its
    disaggregations (tables and charts both read it), as
    `{query: {"total": [value, count], "by": {dimension: [[category, label,
    value, count], …]}}}` with values as decimal strings; the envelope is the
    donor's money as it stood at closing. Values are unsuppressed: the reader's
    view hides small groups when it is shown.
    """

    period = models.OneToOneField(
        ReportingPeriod,
        verbose_name=_("period"),
        on_delete=models.CASCADE,
        related_name="snapshot",
    )
    measures = models.JSONField(_("measures"), default=dict)
    envelope_eur = models.DecimalField(_("envelope (EUR)"), max_digits=16, decimal_places=2)
    committed_eur = models.DecimalField(
        _("committed by grants (EUR)"), max_digits=16, decimal_places=2
    )
    disbursed_eur = models.DecimalField(_("disbursed (EUR)"), max_digits=16, decimal_places=2)
    # The donor report's project stories as they stood (results.stories); None for
    # periods closed before stories were frozen, which tell them from today's data.
    stories = models.JSONField(_("project stories"), null=True, blank=True)
    taken_at = models.DateTimeField(_("taken"), auto_now_add=True)

    class Meta:
        verbose_name = _("closed period snapshot")
        verbose_name_plural = _("closed period snapshots")

    def __str__(self) -> str:
        return str(self.period)


class ReportFile(models.Model):
    """A closed period's donor report in one language and format, rendered once and then
    served as a file: the snapshot it is made from never changes."""

    period = models.ForeignKey(
        ReportingPeriod,
        verbose_name=_("period"),
        on_delete=models.CASCADE,
        related_name="report_files",
    )
    language = models.CharField(_("language"), max_length=8)
    file_format = models.CharField(_("format"), max_length=4)
    file = models.FileField(_("file"), upload_to="reports/%Y/")
    created_at = models.DateTimeField(_("rendered"), auto_now_add=True)

    class Meta:
        verbose_name = _("stored report")
        verbose_name_plural = _("stored reports")
        constraints = [
            models.UniqueConstraint(
                fields=["period", "language", "file_format"], name="report_file_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.period} ({self.language}, {self.file_format})"
