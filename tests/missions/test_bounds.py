"""Costs and counts past what the database holds are refused at the field; nothing is written."""

import pytest
from django.urls import reverse

from skillbridge.missions.models import CostLine, Session
from tests.common.form_errors import errors_at

HUGE = str(10**30)


@pytest.mark.parametrize("value", [HUGE, "-1", "abc"])
def test_a_mission_cost_beyond_bounds_is_refused_at_its_field(client, officer, mission, value):
    client.force_login(officer)
    response = client.post(
        reverse("missions:cost_add", args=[mission.pk]),
        {
            "category": CostLine.Category.choices[0][0],
            "description": "Flight",
            "planned_rwf": value,
        },
    )
    assert errors_at(response, "planned_rwf")
    assert not CostLine.objects.exists()


def test_a_session_count_beyond_a_small_column_is_refused_at_its_field(client, expert, under_way):
    client.force_login(expert)
    response = client.post(
        reverse("missions:session_new", args=[under_way.pk]),
        {
            "held_on": under_way.starts_on.isoformat(),
            "hours": "3",
            "topic": "PV sizing",
            "modality": Session.Modality.choices[0][0],
            "trainers_female": "32768",
            "trainers_male": "0",
            "students_female": "0",
            "students_male": "0",
            "staff_female": "0",
            "staff_male": "0",
        },
    )
    assert errors_at(response, "trainers_female")
    assert not Session.objects.exists()
