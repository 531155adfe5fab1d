"""Removing an itinerary step, a budget line or a named participant (issue 15)."""

from django.urls import reverse

from skillbridge.common.models import AuditEntry
from skillbridge.missions import services
from skillbridge.missions.models import CostLine, ItineraryLeg, Participant
from tests.missions.conftest import log


def _leg(mission, officer):
    return services.itinerary_leg_add(
        actor=officer, mission=mission, day=mission.starts_on, description="Bus to Musanze"
    )


def _line(mission, officer):
    return services.cost_line_add(
        actor=officer, mission=mission, category="travel", description="Bus fare", planned_rwf=5000
    )


def _participant(mission, officer):
    return services.participant_add(
        actor=officer, mission=mission, full_name="Grace Uwase", category="trainer", sex="female"
    )


def test_the_officer_removes_a_step_of_the_itinerary(client, mission, officer):
    leg = _leg(mission, officer)
    client.force_login(officer)
    page = client.get(reverse("missions:detail", args=[mission.pk])).content.decode()
    url = reverse("missions:itinerary_remove", args=[mission.pk, leg.pk])
    assert url in page
    assert client.post(url).status_code == 302
    assert not ItineraryLeg.objects.filter(pk=leg.pk).exists()
    assert AuditEntry.objects.filter(action="mission.itinerary_removed").count() == 1


def test_the_officer_removes_a_budget_line(client, mission, officer):
    line = _line(mission, officer)
    client.force_login(officer)
    page = client.get(reverse("missions:detail", args=[mission.pk])).content.decode()
    url = reverse("missions:cost_remove", args=[mission.pk, line.pk])
    assert url in page
    assert client.post(url).status_code == 302
    assert not CostLine.objects.filter(pk=line.pk).exists()
    entry = AuditEntry.objects.get(action="mission.cost_removed")
    assert entry.data["planned_rwf"] == 5000


def test_the_professional_removes_a_participant(client, mission, officer, expert):
    participant = _participant(mission, officer)
    client.force_login(expert)
    page = client.get(reverse("missions:detail", args=[mission.pk])).content.decode()
    url = reverse("missions:participant_remove", args=[mission.pk, participant.pk])
    assert url in page
    assert client.post(url).status_code == 302
    assert not Participant.objects.filter(pk=participant.pk).exists()
    assert AuditEntry.objects.filter(action="mission.participant_removed").count() == 1


def test_outsiders_get_404_and_members_without_the_right_403(
    client, mission, officer, expert, coordinator, outsider
):
    leg, line, participant = (
        _leg(mission, officer),
        _line(mission, officer),
        _participant(mission, officer),
    )
    urls = [
        reverse("missions:itinerary_remove", args=[mission.pk, leg.pk]),
        reverse("missions:cost_remove", args=[mission.pk, line.pk]),
        reverse("missions:participant_remove", args=[mission.pk, participant.pk]),
    ]
    client.force_login(outsider)
    assert [client.post(url).status_code for url in urls] == [404, 404, 404]
    client.force_login(expert)
    assert [client.post(url).status_code for url in urls[:2]] == [403, 403]
    client.force_login(coordinator)
    assert client.post(urls[2]).status_code == 403
    page = client.get(reverse("missions:detail", args=[mission.pk])).content.decode()
    assert not any(url in page for url in urls)
    assert ItineraryLeg.objects.count() == CostLine.objects.count() == Participant.objects.count()
    assert Participant.objects.count() == 1


def test_removal_is_post_only(client, mission, officer):
    line = _line(mission, officer)
    client.force_login(officer)
    url = reverse("missions:cost_remove", args=[mission.pk, line.pk])
    assert client.get(url).status_code == 405
    assert CostLine.objects.filter(pk=line.pk).exists()


def test_a_certified_participant_stays(client, under_way, officer, expert):
    participant = _participant(under_way, officer)
    log(under_way, expert, trainers_female=1)
    services.mission_complete(actor=expert, mission=under_way)
    services.certificates_issue(actor=officer, mission=under_way)
    client.force_login(officer)
    url = reverse("missions:participant_remove", args=[under_way.pk, participant.pk])
    page = client.get(reverse("missions:detail", args=[under_way.pk])).content.decode()
    assert url not in page
    response = client.post(url, follow=True)
    assert "already has a certificate" in response.content.decode()
    assert Participant.objects.filter(pk=participant.pk).exists()


def test_nothing_is_removed_once_the_logistics_are_closed(client, under_way, officer, expert):
    line = _line(under_way, officer)
    log(under_way, expert, trainers_female=1)
    services.mission_complete(actor=expert, mission=under_way)
    services.mission_report(actor=officer, mission=under_way)
    client.force_login(officer)
    url = reverse("missions:cost_remove", args=[under_way.pk, line.pk])
    page = client.get(reverse("missions:detail", args=[under_way.pk])).content.decode()
    assert url not in page
    client.post(url)
    assert CostLine.objects.filter(pk=line.pk).exists()


def test_a_step_of_another_mission_is_404(client, mission, officer):
    leg = _leg(mission, officer)
    client.force_login(officer)
    url = reverse("missions:itinerary_remove", args=[mission.pk, leg.pk + 1000])
    assert client.post(url).status_code == 404
