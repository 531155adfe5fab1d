"""Choices that several apps record: one definition each, so a report can add them up."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sex(models.TextChoices):
    """A person's sex, as the SDG indicators disaggregate it; nobody has to say."""

    FEMALE = "female", _("female")
    MALE = "male", _("male")
    UNDISCLOSED = "undisclosed", _("prefer not to say")


# Head counts of a session are taken by sight, in two columns: nobody is asked.
COUNTED_SEXES = [Sex.FEMALE.value, Sex.MALE.value]
COUNTED_SEX_CHOICES = [(sex, Sex(sex).label) for sex in COUNTED_SEXES]


class Modality(models.TextChoices):
    """Whether skills are transferred in Rwanda or from afar."""

    ONSITE = "onsite", _("on site in Rwanda")
    REMOTE = "remote", _("remote")
