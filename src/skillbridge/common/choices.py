"""Choices that several apps record: one definition each, so a report can add them up;
and the labels of a list page's choices."""

from collections.abc import Iterable

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


def with_labels(rows: Iterable, **choices) -> list:
    """`rows` as a list, each given `<field>_label` for each field named with its choices.

    A list page's labels are translated once here, where `get_<field>_display` rebuilds
    the choices' dictionary, translating every label again, on each row.
    """
    labels = {
        field: {value: str(label) for value, label in field_choices}
        for field, field_choices in choices.items()
    }
    rows = list(rows)
    for row in rows:
        for field, names in labels.items():
            value = getattr(row, field)
            setattr(row, f"{field}_label", names.get(value, value))
    return rows
