"""Dates, numbers and amounts in the reader's language, from CLDR (Babel).

One source for the three languages: the pages (the sb_formats template
library), the PDFs and the spreadsheets all call these functions, and the
Django formats module for Kinyarwanda (skillbridge/formats/rw) reads its
separators from here too.

CLDR's Kinyarwanda has its month and day names and its number symbols, but
not its own date patterns (it inherits the root's "2026 Ukuboza 28"), so the
patterns below put the day first, as Rwanda writes dates.
"""

import datetime
import functools
import re
from decimal import Decimal

from babel import Locale, dates, numbers
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

DATE_PATTERNS = {
    "rw": {"long": "d MMMM y", "medium": "d MMM y", "short": "dd/MM/y"},
}
TIME_PATTERN = "HH:mm"
# The site's English is British English (day first: "9 January 2027"), as read in Rwanda and
# Belgium; CLDR's plain "en" is American.
LOCALES = {"en": "en_GB"}


def locale_of(language: str | None = None) -> Locale:
    """The CLDR locale of a site language (the active one by default)."""
    code = (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return _parsed(LOCALES.get(code, code))


@functools.cache
def _parsed(identifier: str) -> Locale:
    # Parsed once per process: a list page formats a hundred amounts, and parsing the
    # locale again for each was most of the time each took. Babel only reads a Locale.
    return Locale.parse(identifier)


def _date_pattern(locale: Locale, length: str) -> str:
    return DATE_PATTERNS.get(locale.language, {}).get(length) or locale.date_formats[length].pattern


def number(value, language: str | None = None, digits: int | None = None) -> str:
    """A number grouped by thousands, e.g. 2 350 000 in French."""
    if value in (None, ""):
        return ""
    locale = locale_of(language)
    return _formatted(type(value), str(value), value, locale, digits)


@functools.lru_cache(maxsize=4096)
def _formatted(kind: type, text: str, value, locale: Locale, digits: int | None) -> str:
    # Kept per process: Babel takes about 12 µs a number, and a page of scores shows two
    # hundred of them, mostly the same few values. Keyed by the value's type and text
    # (1.5 and Decimal("1.50") are equal, but need not print alike); `value` itself,
    # equal whenever those are, is only passed through to Babel.
    if digits is None:
        return numbers.format_decimal(value, locale=locale)
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return numbers.format_decimal(value, format=pattern, locale=locale, decimal_quantization=True)


def money(amount, currency: str = "RWF", language: str | None = None) -> str:
    """An amount with its currency where the language puts it: 2 350 000 RWF, RWF 2,350,000."""
    if amount in (None, ""):
        return ""
    formatted = numbers.format_currency(
        Decimal(str(amount)), currency or "RWF", locale=locale_of(language)
    )
    return _space_currency_code(formatted)


# CLDR's currencySpacing: a symbol made of letters (RWF, EUR in en) is kept off the digits
# by a no-break space, "RWF 2,350,000". Babel leaves that rule out and prints "RWF2,350,000".
_LETTERS_THEN_DIGIT = re.compile(r"([^\W\d_])(?=[\d\-+])")
_DIGIT_THEN_LETTERS = re.compile(r"(\d)(?=[^\W\d_])")


def _space_currency_code(formatted: str) -> str:
    return _DIGIT_THEN_LETTERS.sub("\\1\u00a0", _LETTERS_THEN_DIGIT.sub("\\1\u00a0", formatted))


def date(value, length: str = "long", language: str | None = None) -> str:
    """A date with the month's name: 28 Ukuboza 2026, 28 décembre 2026, December 28, 2026."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    locale = locale_of(language)
    return dates.format_date(value, _date_pattern(locale, length), locale=locale)


def date_time(value, length: str = "long", language: str | None = None) -> str:
    """A moment in the site's time zone: 28 Ukuboza 2026, 17:00."""
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    locale = locale_of(language)
    day = dates.format_date(value.date(), _date_pattern(locale, length), locale=locale)
    return f"{day}, {dates.format_time(value.time(), TIME_PATTERN, locale=locale)}"


def days(count: int, shown=None) -> str:
    return ngettext("%(count)s day", "%(count)s days", count) % {
        "count": count if shown is None else shown
    }


def hours(count: int, shown=None) -> str:
    return ngettext("%(count)s hour", "%(count)s hours", count) % {
        "count": count if shown is None else shown
    }


def minutes(count: int, shown=None) -> str:
    return ngettext("%(count)s minute", "%(count)s minutes", count) % {
        "count": count if shown is None else shown
    }


def both(first: str, second: str) -> str:
    """Two parts of a duration: '28 days and 4 hours'."""
    return _("%(first)s and %(second)s") % {"first": first, "second": second}


def duration(delta: datetime.timedelta) -> str:
    """A duration in words with its two largest units, in the language's plural forms."""
    total = max(int(delta.total_seconds()) // 60, 0)
    day_count, rest = divmod(total, 1440)
    hour_count, minute_count = divmod(rest, 60)
    if day_count:
        return both(days(day_count), hours(hour_count)) if hour_count else days(day_count)
    if hour_count:
        return both(hours(hour_count), minutes(minute_count)) if minute_count else hours(hour_count)
    return minutes(minute_count)


def left(words: str) -> str:
    """'28 days and 4 hours left', from the duration in words."""
    return _("%(duration)s left") % {"duration": words}


def count_left(moment, now=None) -> str:
    """What is left until `moment`: '28 days and 4 hours left'."""
    return left(duration(moment - (now or timezone.now())))
