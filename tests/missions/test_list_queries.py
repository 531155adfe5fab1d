"""Every list of the missions app costs the same number of queries whatever its rows:
the missions list (officer and professional), departures, survey results, and the lists
of one mission's page (plan days, checklist, itinerary, costs, sessions with evidence,
participants with certificates, surveys)."""

import datetime
import itertools

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from skillbridge.missions.models import (
    Certificate,
    ChecklistItem,
    CostLine,
    Evidence,
    ItineraryLeg,
    Mission,
    Participant,
    PlanDay,
    Survey,
)
from skillbridge.missions.views.officer import DEPARTURES_PER_PAGE
from tests.missions.factories import MissionFactory, SessionFactory
from tests.queries import same_queries

codes = itertools.count(1)


def missions(programme, n: int, **fields) -> list[Mission]:
    return [
        MissionFactory(programme=programme, pairing__need__programme=programme, **fields)
        for _ in range(n)
    ]


def fill(mission: Mission, n: int, officer) -> None:
    """`n` rows in each list of the mission's page."""
    for i in range(n):
        day = mission.starts_on + datetime.timedelta(days=i % 3)
        PlanDay.objects.create(mission=mission, day=day, activities=f"Day {i}")
        ItineraryLeg.objects.create(mission=mission, day=day, description=f"Leg {i}")
        CostLine.objects.create(
            mission=mission,
            category=CostLine.Category.choices[i % len(CostLine.Category.choices)][0],
            description=f"Line {i}",
            planned_rwf=1000 * (i + 1),
            actual_rwf=900 * (i + 1) if i % 2 else None,
        )
        session = SessionFactory(mission=mission, logged_by=officer, held_on=day)
        Evidence.objects.create(
            session=session,
            file=ContentFile(b"%PDF-1.4", name=f"evidence-{i}.pdf"),
            original_name=f"evidence-{i}.pdf",
            uploaded_by=officer,
        )
        participant = Participant.objects.create(
            mission=mission,
            full_name=f"Trainee {i}",
            category=Participant._meta.get_field("category").choices[0][0],
            sex=Participant._meta.get_field("sex").choices[i % 2][0],
        )
        Certificate.objects.create(
            mission=mission,
            kind=Certificate.Kind.PARTICIPATION,
            participant=participant,
            full_name=participant.full_name,
            code=f"Q{next(codes):08d}",
        )
        Survey.objects.create(
            mission=mission,
            wave=Survey.Wave.choices[i % len(Survey.Wave.choices)][0],
            respondent=Survey.Respondent.choices[i % len(Survey.Respondent.choices)][0],
            email=f"trainee{next(codes)}@example.org",
        )


def test_the_officers_mission_list_is_constant(
    client, officer, programme, django_assert_num_queries
):
    missions(programme, 1)
    client.force_login(officer)
    response = same_queries(
        client, reverse("missions:list"), lambda: missions(programme, 8), django_assert_num_queries
    )
    assert len(response.context["page"].object_list) == 9


def test_the_professionals_mission_list_is_constant(
    client, expert, programme, profile, django_assert_num_queries
):
    def own(n):
        for mission in missions(programme, n):
            Mission.objects.filter(pk=mission.pk).update(expert=profile)

    own(1)
    client.force_login(expert)
    response = same_queries(
        client, reverse("missions:list"), lambda: own(6), django_assert_num_queries
    )
    assert len(response.context["page"].object_list) == 7


def test_the_departures_list_is_constant(
    client, officer, programme, today, django_assert_num_queries
):
    def leaving(n):
        soon = today + datetime.timedelta(days=5)
        leave = missions(programme, n, starts_on=soon, ends_on=soon + datetime.timedelta(days=3))
        for mission in leave:
            for item, _label in ChecklistItem.Item.choices:
                ChecklistItem.objects.create(mission=mission, item=item)

    leaving(1)
    client.force_login(officer)
    url = reverse("missions:departures", args=[programme.slug])
    response = same_queries(client, url, lambda: leaving(7), django_assert_num_queries)
    assert len(response.context["page"].object_list) == 8


def test_the_departures_come_a_page_at_a_time(client, officer, programme, today):
    soon = today + datetime.timedelta(days=5)
    leave = missions(
        programme, DEPARTURES_PER_PAGE + 1, starts_on=soon, ends_on=soon + datetime.timedelta(3)
    )
    ChecklistItem.objects.bulk_create(ChecklistItem(mission=m, item="flight") for m in leave)
    client.force_login(officer)
    url = reverse("missions:departures", args=[programme.slug])
    second = client.get(url, {"page": 2})
    assert [m.pk for m in second.context["page"].object_list] == [max(m.pk for m in leave)]
    assert 'href="?page=1" rel="prev"' in second.content.decode()


def test_the_survey_results_are_constant(client, officer, programme, django_assert_num_queries):
    [mission] = missions(programme, 1)
    fill(mission, 1, officer)
    client.force_login(officer)
    url = reverse("missions:survey_results", args=[programme.slug])

    def grow():
        for other in missions(programme, 3):
            fill(other, 4, officer)

    same_queries(client, url, grow, django_assert_num_queries)
    assert Survey.objects.filter(mission__programme=programme).count() == 13


@pytest.mark.parametrize("persona", ["officer", "expert"])
def test_a_missions_page_is_constant_in_its_lists(
    client, request, under_way, officer, persona, django_assert_num_queries
):
    fill(under_way, 1, officer)
    client.force_login(request.getfixturevalue(persona))
    url = reverse("missions:detail", args=[under_way.pk])
    response = same_queries(
        client, url, lambda: fill(under_way, 6, officer), django_assert_num_queries
    )
    assert len(response.context["itinerary"]) == 7
    assert len(response.context["costs"]) == 7
    assert len(response.context["sessions"]) == 7
    if persona == "officer":
        assert len(response.context["participants"]) == 7
