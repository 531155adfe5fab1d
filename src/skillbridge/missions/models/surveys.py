from django.db import models
from django.utils.translation import gettext_lazy as _


class Survey(models.Model):
    """One person's survey at one point of one mission: the invitation, then the answers.

    Answered without an account through a signed link naming this row and its
    mission; once `answered_at` is set the link no longer opens.
    """

    class Wave(models.TextChoices):
        T0 = "t0", _("before the mission (T0)")
        T1 = "t1", _("at its end (T1)")
        T12 = "t12", _("twelve months later (T+12)")

    class Respondent(models.TextChoices):
        PARTICIPANT = "participant", _("participant")
        HOST = "host", _("host")
        PROFESSIONAL = "professional", _("professional")

    class SkillsUsed(models.TextChoices):
        YES = "yes", _("yes, regularly")
        PARTLY = "partly", _("partly")
        NO = "no", _("not yet")

    mission = models.ForeignKey(
        "missions.Mission", on_delete=models.CASCADE, related_name="surveys"
    )
    wave = models.CharField(_("when"), max_length=4, choices=Wave.choices)
    respondent = models.CharField(_("respondent"), max_length=12, choices=Respondent.choices)
    email = models.EmailField(_("email address"))
    name = models.CharField(_("name"), max_length=150, blank=True)
    language = models.CharField(_("language"), max_length=8, default="en")
    invited_at = models.DateTimeField(_("invited"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    # Participants and hosts:
    skills_used = models.CharField(
        _("skills used"), max_length=8, choices=SkillsUsed.choices, blank=True
    )
    confidence = models.PositiveSmallIntegerField(_("confidence (1–5)"), null=True, blank=True)
    what_changed = models.TextField(_("what changed"), blank=True)
    # The professional:
    experience = models.PositiveSmallIntegerField(_("experience (1–5)"), null=True, blank=True)
    obstacles = models.TextField(_("obstacles"), blank=True)

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["mission", "wave", "respondent", "pk"]
        constraints = [
            # One invitation per person, point and mission: the scheduled job can run again.
            models.UniqueConstraint(
                fields=["mission", "wave", "email"], name="one_survey_per_person_and_wave"
            ),
            models.CheckConstraint(
                condition=models.Q(confidence__isnull=True)
                | models.Q(confidence__gte=1, confidence__lte=5),
                name="survey_confidence_1_to_5",
            ),
            models.CheckConstraint(
                condition=models.Q(experience__isnull=True)
                | models.Q(experience__gte=1, experience__lte=5),
                name="survey_experience_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mission} · {self.wave} · {self.respondent}"

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None
