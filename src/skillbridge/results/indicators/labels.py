"""The (category, label) pairs the queries disaggregate by."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from skillbridge.calls.models import TeamMember
from skillbridge.programmes.models import Sector

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


def sector_fields(path: str) -> tuple[str, ...]:
    """The columns `sector` reads, for the sector at `path`: its code and its names."""
    return tuple(f"{path}__{column}" for column in ("slug", "name", "name_fr", "name_rw"))


def sector(
    slug: str | None, name: str | None = None, name_fr: str = "", name_rw: str = ""
) -> tuple[str, str]:
    """A sector by its code, named in the reader's language (Sector.label, from the row's
    columns: no query)."""
    if not slug:
        return "", str(_("no sector"))
    return slug, Sector(name=name, name_fr=name_fr or "", name_rw=name_rw or "").label


def country(code: str | None) -> tuple[str, str]:
    if not code:
        return "", str(_("not stated"))
    return str(code), str(countries.name(code) or code)


def sector_names(slugs) -> dict[str, dict[str, str]]:
    """Each sector's label in every language of the site, by its code (one query).

    A closed period keeps them beside its figures, so its report names a sector
    in its reader's language, as the sector was named when the period closed.
    """
    names: dict[str, dict[str, str]] = {}
    for row in Sector.objects.filter(slug__in=slugs):
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                names.setdefault(row.slug, {})[code] = row.label
    return names


def relabel(dimension: str, category: str, label: str, names: dict | None = None) -> str:
    """A stored category's label in the current language.

    Sexes, countries and the "none" categories are translated words, so a
    snapshot taken in one language is read in another; a sector is read from
    its labels in each language (`names`) when the snapshot kept them. College
    names, and a sector's in a snapshot without them, are data, kept as they were
    when the snapshot was taken.
    """
    if dimension == "sex":
        return sex(category)[1]
    if dimension == "country":
        return country(category)[1]
    if not category and dimension in ("college", "sector"):
        return college(None)[1] if dimension == "college" else sector(None)[1]
    if names:
        return names.get((translation.get_language() or "en").split("-")[0], label)
    return label
