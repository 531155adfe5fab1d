"""Small strict readers for the values of an instance.

Each reader takes the raw JSON value and the path of the field it came from, and
either returns a clean Python value or raises :class:`InstanceError` naming that
path. ``None`` stands for an absent optional field.
"""

import math
import re
from datetime import date
from functools import lru_cache
from typing import Any

from .errors import InstanceError

# Keeps every sum of seats or capacities far inside the solver's 64-bit integers.
MAX_COUNT = 1_000_000_000
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_WINDOW = frozenset({"start", "end"})
_STR = frozenset({str})
# Labels and dates repeat across tens of thousands of people (a few hundred skills,
# a few hundred days), so each distinct one is worked out once; bounded, because a
# web process solves many instances.
_CACHED = 65_536


def normalise(text: str) -> str:
    """Fold case and collapse whitespace, so "Solar  PV" and "solar pv" are one skill."""
    return " ".join(text.split()).casefold()


def read_object(
    value: Any,
    field: str,
    *,
    required: set[str] | frozenset[str],
    allowed: set[str] | frozenset[str],
) -> dict:
    """An object with only ``allowed`` keys and all ``required`` ones; field "" is the top."""
    if not isinstance(value, dict):
        raise InstanceError(field or "instance", "must be an object")
    if allowed.issuperset(value) and required.issubset(value):
        return value  # the usual case, without building a set per object
    unknown = sorted(set(value) - allowed, key=str)
    if unknown:
        raise InstanceError(_member(field, unknown[0]), "is not a known field")
    for key in sorted(required - set(value)):
        raise InstanceError(_member(field, key), "is required")
    return value


def _member(field: str, key: object) -> str:
    return f"{field}.{key}" if field else str(key)


def read_list(value: Any, field: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise InstanceError(field, "must be a list")
    return value


def read_id(value: Any, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InstanceError(field, "must be a non-empty string")
    return value


def read_count(value: Any, field: str) -> int:
    """A positive integer (seats, capacity); absent means 1."""
    if value is None:
        return 1
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InstanceError(field, "must be a positive integer")
    if value > MAX_COUNT:
        raise InstanceError(field, f"must be at most {MAX_COUNT}")
    return value


def read_fraction(value: Any, field: str) -> float:
    """A number from 0 to 1 inclusive."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InstanceError(field, "must be a number from 0 to 1")
    if isinstance(value, int) and not 0 <= value <= 1:  # float() of a huge int overflows
        raise InstanceError(field, "must be a number from 0 to 1")
    number = float(value)
    if not math.isfinite(number) or not 0.0 <= number <= 1.0:
        raise InstanceError(field, "must be a number from 0 to 1")
    return number


def read_text(value: Any, field: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InstanceError(field, "must be a string")
    return value


def read_word(value: Any, field: str) -> str | None:
    """An optional short label (sector, modality), normalised; blank means absent."""
    return normalise(read_text(value, field)) or None


def read_words(value: Any, field: str) -> tuple[str, ...]:
    """A list of labels, normalised, without blanks or repeats, in the given order."""
    # Called for every list of every person (a quarter of a million times on a large
    # instance): a list of plain strings goes through the cache in one pass, and
    # repeats are dropped by a dict.
    if type(value) is list and set(map(type, value)) <= _STR:
        words = dict.fromkeys(map(_label, value))
        words.pop("", None)
        return tuple(words)
    labels: dict[str, None] = {}
    for position, item in enumerate(read_list(value, field)):
        if not isinstance(item, str):
            raise InstanceError(f"{field}[{position}]", "must be a string")
        if label := normalise(item):
            labels[label] = None
    return tuple(labels)


@lru_cache(maxsize=_CACHED)
def _label(text: str) -> str:
    return normalise(text)


def read_date(value: Any, field: str) -> int:
    """An ISO date ``YYYY-MM-DD``, returned as its proleptic ordinal (a day number)."""
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise InstanceError(field, "must be a date written YYYY-MM-DD")
    ordinal = _ordinal(value)
    if ordinal is None:
        raise InstanceError(field, "is not a real date")
    return ordinal


@lru_cache(maxsize=_CACHED)
def _ordinal(text: str) -> int | None:
    try:
        return date.fromisoformat(text).toordinal()
    except ValueError:
        return None


def read_window(value: Any, field: str) -> tuple[int, int]:
    """A ``{"start", "end"}`` pair of dates, both days included, end not before start."""
    read_object(value, field, required=_WINDOW, allowed=_WINDOW)
    start = read_date(value["start"], f"{field}.start")
    end = read_date(value["end"], f"{field}.end")
    if end < start:
        raise InstanceError(f"{field}.end", "must not be before start")
    return start, end
