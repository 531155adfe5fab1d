from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from skillbridge.common.choices import COUNTED_SEX_CHOICES, COUNTED_SEXES, Modality
from skillbridge.experts.models import FORMER_PARTICIPANT


class Category(models.TextChoices):
    TRAINER = "trainer", _("trainer")
    STUDENT = "student", _("student")
    STAFF = "staff", _("staff")


# The six head-count columns of a session, (category, sex) → field name.
_PLURALS = {Category.TRAINER: "trainers", Category.STUDENT: "students", Category.STAFF: "staff"}
COUNT_FIELDS = {
    (category, sex): f"{_PLURALS[category]}_{sex}"
    for category in Category.values
    for sex in COUNTED_SEXES
}


class Session(models.Model):
    """One training or mentoring session, with who came, counted by category and sex."""

    Modality = Modality

    mission = models.ForeignKey(
        "missions.Mission", on_delete=models.CASCADE, related_name="sessions"
    )
    held_on = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=1)
    topic = models.CharField(_("topic"), max_length=200)
    modality = models.CharField(_("modality"), max_length=8, choices=Modality.choices)
    trainers_female = models.PositiveSmallIntegerField(_("trainers, female"), default=0)
    trainers_male = models.PositiveSmallIntegerField(_("trainers, male"), default=0)
    students_female = models.PositiveSmallIntegerField(_("students, female"), default=0)
    students_male = models.PositiveSmallIntegerField(_("students, male"), default=0)
    staff_female = models.PositiveSmallIntegerField(_("staff, female"), default=0)
    staff_male = models.PositiveSmallIntegerField(_("staff, male"), default=0)
    notes = models.TextField(_("notes"), blank=True)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["mission", "held_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__gt=0) & models.Q(hours__lte=24),
                name="session_hours_in_a_day",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.held_on} · {self.topic}"

    @property
    def participants(self) -> int:
        return sum(getattr(self, name) for name in COUNT_FIELDS.values())


class Evidence(models.Model):
    """An attendance sheet or a photo of a session. Downloaded only through a checked view."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("file"), upload_to="missions/evidence/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["session", "pk"]

    def __str__(self) -> str:
        return self.original_name


class Participant(models.Model):
    """A named trainee of a mission: for participation certificates and surveys.

    Only what a certificate and a survey invitation need: the name, an
    optional address, the category and sex used in the head counts.
    """

    mission = models.ForeignKey(
        "missions.Mission", on_delete=models.CASCADE, related_name="participants"
    )
    full_name = models.CharField(_("full name"), max_length=150)
    email = models.EmailField(_("email address"), blank=True)
    category = models.CharField(_("category"), max_length=8, choices=Category.choices)
    sex = models.CharField(_("sex"), max_length=8, choices=COUNTED_SEX_CHOICES)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["mission", "full_name", "pk"]

    def __str__(self) -> str:
        return self.full_name


class Certificate(models.Model):
    """A certificate of contribution (the professional) or participation (a trainee).

    Anyone holding the code can check it at the public verification page,
    which shows the name, the mission and its dates, nothing more.
    """

    class Kind(models.TextChoices):
        CONTRIBUTION = "contribution", _("certificate of contribution")
        PARTICIPATION = "participation", _("certificate of participation")

    mission = models.ForeignKey(
        "missions.Mission", on_delete=models.CASCADE, related_name="certificates"
    )
    kind = models.CharField(_("kind"), max_length=14, choices=Kind.choices)
    participant = models.OneToOneField(
        Participant,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="certificate",
    )
    full_name = models.CharField(_("full name"), max_length=150)
    code = models.CharField(_("verification code"), max_length=16, unique=True)
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["mission", "kind", "full_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["mission"],
                condition=models.Q(kind="contribution"),
                name="one_contribution_certificate_per_mission",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.holder_name} · {self.code}"

    @property
    def holder_name(self) -> str:
        """The name it was issued to; "former participant" once its holder erased their data."""
        return self.full_name or str(FORMER_PARTICIPANT)
