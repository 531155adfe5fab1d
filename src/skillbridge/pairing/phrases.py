"""The pairing app's reusable phrases, translated when shown rather than when stored.

A run's diagnosis is computed by a background task that has no reader, so it
is stored as a code with its values and put into words in the reader's
language. The engine's reasons are plain English by design (it has no
Django); `engine_reason` puts the known ones into the reader's language.
"""

import re

from django.utils.translation import gettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from skillbridge.experts.languages import language_label

Reason = dict

DIAGNOSES = {
    "nobody_free": _("No approved professional has a free place."),
    "no_language": _("No professional speaks any of: %(languages)s."),
    "no_onsite": _("No professional works on site."),
    "no_remote": _("No professional works remotely."),
    "no_dates": _("No professional is available for a week between %(start)s and %(end)s."),
    "no_sector": _("No professional works in the sector %(sector)s."),
    "all_excluded": _(
        "Every professional who qualifies has a conflict, declined, or was forbidden."
    ),
    "taken_elsewhere": ngettext_lazy(
        "%(count)s professional qualifies, but their place went to a need where they scored "
        "higher.",
        "%(count)s professionals qualify, but their places went to needs where they scored higher.",
        "count",
    ),
    "no_single_match": _(
        "No single professional meets all of: a shared language, the modality and the dates."
    ),
}


def reason(code: str, **values) -> Reason:
    return {"code": code, "values": values}


def diagnosis_text(item: Reason) -> str:
    template = DIAGNOSES.get(item.get("code"))
    if template is None:
        return ""
    values = item.get("values")
    # A lazy plural picks its form from the values' count, so it is formatted, not str()-ed.
    return str(template % values) if values else str(template)


def _language_names(codes: str, sector) -> str:
    return ", ".join(language_label(code) for code in codes.split(", "))


def _sector_name(slug: str, sector) -> str:
    return sector.label if sector is not None and sector.slug == slug else slug


def _periods(periods: str, sector) -> str:
    return periods.replace("..", " – ")


def _as_is(value: str, sector) -> str:
    return value


_ENGINE = [
    (re.compile(r"^shares skills: (?P<v>.+)$"), _("shares skills: %(v)s"), _as_is),
    (re.compile(r"^same sector: (?P<v>.+)$"), _("same sector: %(v)s"), _sector_name),
    (re.compile(r"^speaks (?P<v>.+)$"), _("speaks %(v)s"), _language_names),
    (re.compile(r"^works onsite$"), _("works on site"), _as_is),
    (re.compile(r"^works remote$"), _("works remotely"), _as_is),
    (re.compile(r"^available (?P<v>.+)$"), _("available %(v)s"), _periods),
    (
        re.compile(r"^similar profile text \((?P<v>[0-9.]+)\)$"),
        _("similar profile text (%(v)s)"),
        _as_is,
    ),
    (
        re.compile(r"^meets every requirement the project states$"),
        _("meets every requirement the project states"),
        _as_is,
    ),
]


def engine_reason(text: str, sector=None) -> str:
    """One of the engine's reasons in the reader's language (unknown ones as they are).

    The engine speaks in codes: language codes become their names, the need's
    sector slug the name of `sector` (the need's Sector), and "start..end"
    periods a readable range.
    """
    for pattern, template, readable in _ENGINE:
        found = pattern.match(text)
        if found is None:
            continue
        if "v" not in found.groupdict():
            return str(template)
        return str(template) % {"v": readable(found["v"], sector)}
    return text


def deadline_passed() -> str:
    return gettext("The invitation expired without an answer.")


def alternate_reasons(rank: int, score: float, proposed: float | None) -> list[str]:
    """Why an alternate stands where it does: its place in the engine's order (the best
    scores among professionals who still have a free place) and its distance to the
    professional proposed for the same need."""
    texts = [
        gettext(
            "alternate %(rank)s: the next best score (%(score).2f) of a professional "
            "with a free place"
        )
        % {"rank": rank, "score": score}
    ]
    if proposed is not None:
        texts.append(
            gettext("%(gap).2f below the professional proposed (%(proposed).2f)")
            % {"gap": max(proposed - score, 0.0), "proposed": proposed}
        )
    return texts
