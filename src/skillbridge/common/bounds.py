"""Numbers and ids bounded by what the database column can hold.

A number past the column's range reached the database and came back as a
500 (SQLite stops at 64 bits, PostgreSQL's small integers at 32,767). Forms
and models take their bounds from here, from the column's type, so a person
gets a message at the field instead.

The limits are PostgreSQL's (Django's standard table, which SQLite's looser
ones contain): a value accepted on a laptop is accepted in production too.
"""

import re

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations

ID_PATTERN = r"[0-9]{1,18}"


def as_id(value: str | None) -> int | None:
    """The primary key a URL or query string names, or None if it cannot be one."""
    if value is None or not re.fullmatch(ID_PATTERN, value):
        return None
    return int(value)


def integer_range(internal_type: str) -> tuple[int, int]:
    """The smallest and largest value of an integer column of this Django type."""
    return BaseDatabaseOperations.integer_field_ranges[internal_type]


def bound_integer_columns(app_configs) -> None:
    """Give every integer column of these apps validators for its range on every database.

    Django derives range validators at run time from the database in use, so on
    SQLite a small-integer column accepts 2**63 and the same value fails on
    PostgreSQL. Stating the range on the field itself makes model validation and
    the API's model serializers (which read the model's validators) refuse it on
    every database, and a new integer field is bounded without anyone having to
    remember it. Primary keys are left alone: the database assigns them.
    """
    for app_config in app_configs:
        for model in app_config.get_models():
            for field in model._meta.local_fields:
                if not isinstance(field, models.IntegerField) or field.primary_key:
                    continue
                low, high = integer_range(field.get_internal_type())
                kinds = {type(v) for v in field._validators}
                if MinValueValidator not in kinds:
                    field._validators.append(MinValueValidator(low))
                if MaxValueValidator not in kinds:
                    field._validators.append(MaxValueValidator(high))
                field.__dict__.pop("validators", None)  # the cached list, if read already


def column_bounds(model: type[models.Model], name: str, **narrower) -> dict:
    """`min_value` and `max_value` of the integer column `model.name`.

    Bounds given in `narrower` may narrow the column's range, never widen it.
    Works for form fields and API serializer fields alike.
    """
    low, high = integer_range(model._meta.get_field(name).get_internal_type())
    return {
        "min_value": max(low, narrower.get("min_value", low)),
        "max_value": min(high, narrower.get("max_value", high)),
    }


def number_field(model: type[models.Model], name: str, **kwargs) -> forms.Field:
    """A form field for the number stored in `model.name`, within what its column holds."""
    column = model._meta.get_field(name)
    if isinstance(column, models.DecimalField):
        kwargs.setdefault("max_digits", column.max_digits)
        kwargs.setdefault("decimal_places", column.decimal_places)
        return forms.DecimalField(**kwargs)
    return forms.IntegerField(**{**kwargs, **column_bounds(model, name, **kwargs)})
