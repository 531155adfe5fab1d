"""Every integer column is bounded by what PostgreSQL holds, also on SQLite, for forms and API."""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from rest_framework import serializers

from skillbridge.common.bounds import as_id, integer_range
from skillbridge.missions.models import Session


def integer_columns():
    return [
        pytest.param(field, id=f"{model._meta.label}.{field.name}")
        for app in apps.get_app_configs()
        if app.name.startswith("skillbridge.")
        for model in app.get_models()
        for field in model._meta.local_fields
        if isinstance(field, models.IntegerField) and not field.primary_key
    ]


@pytest.mark.parametrize("field", integer_columns())
def test_every_integer_column_is_bounded_on_every_database(field):
    low, high = integer_range(field.get_internal_type())
    tops = [v.limit_value for v in field.validators if isinstance(v, MaxValueValidator)]
    bottoms = [v.limit_value for v in field.validators if isinstance(v, MinValueValidator)]
    assert min(tops, default=high + 1) <= high
    assert max(bottoms, default=low - 1) >= low


def test_a_small_integer_past_32767_is_refused_by_the_model_at_its_field():
    session = Session(trainers_female=32768)
    with pytest.raises(ValidationError) as refused:
        session.clean_fields(
            exclude=[f.name for f in Session._meta.fields if f.name != "trainers_female"]
        )
    assert list(refused.value.message_dict) == ["trainers_female"]


def test_a_model_serializer_takes_the_columns_bound():
    class SessionCounts(serializers.ModelSerializer):
        class Meta:
            model = Session
            fields = ["trainers_female"]

    counts = SessionCounts(data={"trainers_female": 32768})
    assert not counts.is_valid()
    assert list(counts.errors) == ["trainers_female"]
    assert SessionCounts().fields["trainers_female"].max_value == 32767


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12", 12), ("abc", None), ("", None), (None, None), ("-1", None), ("9" * 19, None)],
)
def test_as_id_reads_only_what_can_be_a_key(text, expected):
    assert as_id(text) == expected
