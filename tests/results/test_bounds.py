"""An order past what its small column holds is refused at the field; nothing is written."""

import pytest
from django.urls import reverse

from skillbridge.results.models import Indicator, Statement
from tests.common.form_errors import errors_at
from tests.results.framework import build_framework


@pytest.fixture
def framework(programme, officer):
    return build_framework(programme, officer)


@pytest.mark.parametrize("value", ["32768", str(10**30), "-1", "abc"])
def test_an_indicator_position_beyond_bounds_is_refused(
    client, officer, programme, framework, value
):
    statement = Statement.objects.filter(programme=programme).first()
    client.force_login(officer)
    before = Indicator.objects.count()
    response = client.post(
        reverse("results:indicator_new", args=[programme.slug]),
        {
            "statement": statement.pk,
            "code": "X9",
            "name": "New indicator",
            "unit": Indicator.Unit.choices[0][0],
            "baseline": "0",
            "target": "10",
            "method": Indicator.Method.choices[0][0],
            "position": value,
        },
    )
    assert errors_at(response, "position")
    assert Indicator.objects.count() == before


def test_a_statement_position_beyond_bounds_is_refused(client, officer, programme, framework):
    client.force_login(officer)
    before = Statement.objects.count()
    response = client.post(
        reverse("results:statement_new", args=[programme.slug]),
        {"level": "objective", "code": "OB9", "text": "x", "position": "32768"},
    )
    assert errors_at(response, "position")
    assert Statement.objects.count() == before
