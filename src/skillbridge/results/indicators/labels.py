"""The (category, label) pairs the queries disaggregate by."""

from django.utils.translation import gettext_lazy as _
from django_countries import countries

from skillbridge.calls.models import TeamMember

SEX_LABELS = dict(TeamMember.Sex.choices)
UNDISCLOSED = TeamMember.Sex.UNDISCLOSED


def sex(value: str | None) -> tuple[str, str]:
    """A person's sex as recorded; a blank answer counts as "prefer not to say"."""
    key = value or UNDISCLOSED
    return key, str(SEX_LABELS.get(key, SEX_LABELS[UNDISCLOSED]))


def college(short_name: str | None) -> tuple[str, str]:
    if not short_name:
        return "", str(_("no college"))
    return short_name, short_name


def sector(slug: str | None, name: str | None) -> tuple[str, str]:
    if not slug:
        return "", str(_("no sector"))
    return slug, name


def country(code: str | None) -> tuple[str, str]:
    if not code:
        return "", str(_("not stated"))
    return str(code), str(countries.name(code) or code)


def relabel(dimension: str, category: str, label: str) -> str:
    """A stored category's label in the current language.

    Sexes, countries and the "none" categories are translated words, so a
    snapshot taken in one language is read in another; college and sector
    names are data, kept as they were when the snapshot was taken.
    """
    if dimension == "sex":
        return sex(category)[1]
    if dimension == "country":
        return country(category)[1]
    if not category and dimension in ("college", "sector"):
        return college(None)[1] if dimension == "college" else sector(None, None)[1]
    return label
