"""Planning a second mission for one pairing asks the officer to confirm first."""

import pytest
from django.urls import reverse

from skillbridge.missions import services
from skillbridge.missions.models import Mission
from skillbridge.people.models import Role
from tests.factories import ProgrammeFactory, ProgrammeRoleFactory

pytestmark = pytest.mark.django_db


def plan_data(pairing, today, **extra):
    return {
        "pairing": pairing.pk,
        "kind": "tot",
        "starts_on": today.isoformat(),
        "ends_on": today.isoformat(),
        "objectives": "Install PV",
        "expected_participants": 10,
        **extra,
    }


def test_the_first_mission_of_a_pairing_is_planned_without_a_warning(
    client, officer, programme, pairing, today
):
    client.force_login(officer)
    url = reverse("missions:new", args=[programme.slug])
    page = client.get(url + f"?pairing={pairing.pk}")
    assert "earlier-missions" not in page.content.decode()
    assert "confirm_another" not in page.context["form"].fields
    response = client.post(url, plan_data(pairing, today))
    assert response.status_code == 302
    assert Mission.objects.filter(pairing=pairing).count() == 1


def test_a_second_mission_shows_the_first_and_waits_for_confirmation(
    client, officer, programme, pairing, mission, today
):
    client.force_login(officer)
    url = reverse("missions:new", args=[programme.slug])
    page = client.get(url + f"?pairing={pairing.pk}")
    warning = page.content.decode()
    assert "This pairing already has a mission:" in warning
    assert mission.title in warning
    assert reverse("missions:detail", args=[mission.pk]) in warning
    assert mission.get_state_display() in warning

    refused = client.post(url, plan_data(pairing, today))
    assert refused.status_code == 200
    assert list(refused.context["form"].errors) == ["confirm_another"]
    assert Mission.objects.filter(pairing=pairing).count() == 1

    confirmed = client.post(url, plan_data(pairing, today, confirm_another="on"))
    assert confirmed.status_code == 302
    assert Mission.objects.filter(pairing=pairing).count() == 2


def test_a_cancelled_mission_does_not_count(client, officer, programme, pairing, mission, today):
    services.mission_cancel(actor=officer, mission=mission, reason="Visa refused.")
    client.force_login(officer)
    url = reverse("missions:new", args=[programme.slug])
    response = client.post(url, plan_data(pairing, today))
    assert response.status_code == 302
    assert Mission.objects.filter(pairing=pairing).count() == 2


def test_another_programmes_missions_are_never_shown(
    client, officer, programme, pairing, mission, today
):
    """An officer naming a pairing of a programme they do not run learns nothing of it."""
    other = ProgrammeFactory()
    stranger = ProgrammeRoleFactory(programme=other, role=Role.PROGRAMME_OFFICER).user
    client.force_login(stranger)
    page = client.get(reverse("missions:new", args=[other.slug]) + f"?pairing={pairing.pk}")
    assert page.status_code == 200
    assert mission.title not in page.content.decode()
    assert page.context["form"].earlier_missions == []


def test_planning_stays_404_to_outsiders_and_403_to_the_professional(
    client, programme, pairing, mission, today, outsider, expert
):
    url = reverse("missions:new", args=[programme.slug])
    for user, status in ((outsider, 404), (expert, 403)):
        client.force_login(user)
        data = plan_data(pairing, today, confirm_another="on")
        assert client.post(url, data).status_code == status
    assert Mission.objects.filter(pairing=pairing).count() == 1
