"""The mission pages: 404 to outsiders, 403 to members without the right, and the walkthrough."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from skillbridge.missions import services
from skillbridge.missions.models import Evidence, Mission
from tests.factories import UserFactory
from tests.missions.conftest import log
from tests.missions.factories import MissionFactory
from tests.pairing.factories import ExpertProfileFactory

pytestmark = pytest.mark.django_db


def mission_pages(mission):
    pk = mission.pk
    return [
        reverse("missions:detail", args=[pk]),
        reverse("missions:calendar", args=[pk]),
    ]


def insider_pages(mission, evidence):
    pk = mission.pk
    return [
        reverse("missions:edit", args=[pk]),
        reverse("missions:report", args=[pk]),
        reverse("missions:evidence", args=[pk, evidence.pk]),
    ]


@pytest.fixture
def evidence(under_way, expert):
    session = log(under_way, expert, trainers_female=1)
    return services.evidence_add(
        actor=expert,
        session=session,
        upload=SimpleUploadedFile("sheet.pdf", b"%PDF-1.4 attendance", "application/pdf"),
    )


@pytest.fixture
def other_expert(programme):
    """Eric, another professional of the programme, with his own mission."""
    profile = ExpertProfileFactory(programme=programme, user=UserFactory(email="eric@example.org"))
    return profile.user


def test_outsiders_and_other_professionals_get_404_on_every_mission_page(
    client, under_way, evidence, outsider, other_expert, reviewer, donor
):
    pages = mission_pages(under_way) + insider_pages(under_way, evidence)
    for user in (outsider, other_expert, reviewer, donor):
        client.force_login(user)
        assert [client.get(url).status_code for url in pages] == [404] * len(pages), user


def test_insiders_open_every_page(client, under_way, evidence, officer, expert, coordinator):
    pages = mission_pages(under_way) + insider_pages(under_way, evidence)
    for user in (officer, expert, coordinator):
        client.force_login(user)
        codes = [client.get(url).status_code for url in pages]
        # The plan of a mission under way can no longer be edited: its page still opens.
        assert codes == [200] * len(pages), user


def test_a_team_member_sees_the_mission_but_not_its_documents(client, under_way, evidence, project):
    member = UserFactory()
    project.members.create(user=member, email=member.email, kind="student", status="joined")
    client.force_login(member)
    assert client.get(reverse("missions:detail", args=[under_way.pk])).status_code == 200
    pages = insider_pages(under_way, evidence)
    assert [client.get(url).status_code for url in pages] == [403] * len(pages)


def test_officer_posts_answer_404_to_outsiders_and_403_to_the_professional(
    client, agreed, outsider, expert
):
    pk = agreed.pk
    posts = [
        reverse("missions:step", args=[pk, "approve"]),
        reverse("missions:cancel", args=[pk]),
        reverse("missions:cost_add", args=[pk]),
        reverse("missions:itinerary_add", args=[pk]),
        reverse("missions:checklist", args=[pk, agreed.checklist.first().pk]),
        reverse("missions:certificates_issue", args=[pk]),
    ]
    data = {"reason": "x", "category": "travel", "description": "x", "planned_rwf": 1, "day": "x"}
    for user, status in ((outsider, 404), (expert, 403)):
        client.force_login(user)
        assert [client.post(url, data).status_code for url in posts] == [status] * len(posts)
    agreed.refresh_from_db()
    assert agreed.state == Mission.State.WORKPLAN_AGREED
    assert agreed.costs.count() == 0


def test_a_coordinator_cannot_log_sessions_of_an_on_site_mission(client, under_way, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("missions:session_new", args=[under_way.pk])).status_code == 403


def test_planning_pages_are_for_officers(client, programme, expert, outsider, officer):
    url = reverse("missions:new", args=[programme.slug])
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(expert)
    assert client.get(url).status_code == 403
    client.force_login(officer)
    assert client.get(url).status_code == 200
    for name in ("missions:departures", "missions:survey_results"):
        assert client.get(reverse(name, args=[programme.slug])).status_code == 200
        client.force_login(expert)
        assert client.get(reverse(name, args=[programme.slug])).status_code == 403
        client.force_login(officer)


def test_anonymous_visitors_are_sent_to_sign_in(client, mission):
    response = client.get(reverse("missions:detail", args=[mission.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_walkthrough_from_plan_to_report(
    client, officer, expert, coordinator, programme, pairing, today
):
    client.force_login(officer)
    response = client.post(
        reverse("missions:new", args=[programme.slug]),
        {
            "pairing": pairing.pk,
            "kind": "tot",
            "starts_on": today.isoformat(),
            "ends_on": today.isoformat(),
            "objectives": "Install PV",
            "expected_participants": 10,
        },
    )
    mission = Mission.objects.get()
    assert response.status_code == 302
    client.force_login(expert)
    client.post(
        reverse("missions:plan_day_add", args=[mission.pk]),
        {"day": today.isoformat(), "activities": "Sizing"},
    )
    client.post(reverse("missions:sign", args=[mission.pk]))
    client.force_login(coordinator)
    client.post(reverse("missions:sign", args=[mission.pk]))
    client.force_login(officer)
    client.post(reverse("missions:step", args=[mission.pk, "approve"]))
    client.force_login(expert)
    client.post(reverse("missions:step", args=[mission.pk, "start"]))
    counts = {"trainers_female": 2, "trainers_male": 3, "students_female": 0}
    counts |= {"students_male": 0, "staff_female": 0, "staff_male": 1}
    for topic in ("Sizing", "Wiring"):
        response = client.post(
            reverse("missions:session_new", args=[mission.pk]),
            {"held_on": today.isoformat(), "hours": "3", "topic": topic, "modality": "onsite"}
            | counts,
        )
        assert response.status_code == 302
    client.post(reverse("missions:step", args=[mission.pk, "complete"]))
    mission.refresh_from_db()
    assert mission.state == Mission.State.COMPLETED
    assert mission.sessions.count() == 2
    report = client.get(reverse("missions:report", args=[mission.pk]))
    assert report["Content-Type"] == "application/pdf"


def test_a_bad_session_shows_errors_and_writes_nothing(client, under_way, expert):
    client.force_login(expert)
    response = client.post(
        reverse("missions:session_new", args=[under_way.pk]),
        {"held_on": "", "hours": "30", "topic": "", "modality": "onsite"},
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) >= {"held_on", "hours", "topic"}
    assert under_way.sessions.count() == 0


def test_a_disguised_evidence_file_is_refused(client, under_way, expert):
    session = log(under_way, expert, trainers_female=1)
    client.force_login(expert)
    client.post(
        reverse("missions:evidence_add", args=[under_way.pk, session.pk]),
        {"file": SimpleUploadedFile("sheet.pdf", b"not a pdf", "application/pdf")},
    )
    assert Evidence.objects.count() == 0


def test_a_professional_sees_only_their_own_missions_in_the_list(
    client, under_way, expert, other_expert, programme
):
    theirs = MissionFactory(
        programme=programme, pairing__need__programme=programme, title="Eric's coaching"
    )
    theirs.expert.user = other_expert
    theirs.expert.save()
    client.force_login(expert)
    page = client.get(reverse("missions:list")).content.decode()
    assert under_way.title in page
    assert "Eric&#x27;s coaching" not in page
    assert "Eric's coaching" not in page


@pytest.mark.parametrize("rows", [1, 12])
def test_the_list_makes_a_fixed_number_of_queries(
    client, officer, programme, rows, django_assert_num_queries
):
    for _ in range(rows):
        MissionFactory(programme=programme, pairing__need__programme=programme)
    client.force_login(officer)
    client.get(reverse("missions:list"))  # warm the session and the role cache
    with django_assert_num_queries(7):
        response = client.get(reverse("missions:list"))
    assert len(response.context["page"].object_list) == rows


def test_the_departures_list_shows_missions_with_open_items(
    client, officer, programme, mission, today
):
    Mission.objects.filter(pk=mission.pk).update(starts_on=today, ends_on=today)
    client.force_login(officer)
    page = client.get(reverse("missions:departures", args=[programme.slug])).content.decode()
    assert mission.title in page
    mission.checklist.update(done=True)
    page = client.get(reverse("missions:departures", args=[programme.slug])).content.decode()
    assert mission.title not in page


def test_mission_pages_have_no_inline_code(client, under_way, expert):
    client.force_login(expert)
    page = client.get(reverse("missions:detail", args=[under_way.pk])).content.decode()
    assert " style=" not in page
    assert "<style" not in page
    assert "<script>" not in page


def test_each_step_says_what_happened(client, agreed, officer):
    client.force_login(officer)
    response = client.post(reverse("missions:step", args=[agreed.pk, "approve"]), follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "The mission is approved. The professional and the host are told."
    ]


def test_the_next_step_card_shows_only_what_the_person_may_do(
    client, under_way, officer, expert, coordinator
):
    log(under_way, expert, trainers_female=1)
    services.mission_complete(actor=expert, mission=under_way)
    url = reverse("missions:detail", args=[under_way.pk])
    client.force_login(expert)
    page = client.get(url).content.decode()
    assert "Completed: the programme officer files the mission report." in page
    assert "File the mission report" not in page
    client.force_login(officer)
    page = client.get(url).content.decode()
    assert "Next step" in page
    assert "File the mission report" in page
    assert "Cancel the mission" not in page


def test_the_plan_form_names_each_pairing_with_its_professional_and_college(
    client, officer, programme, pairing, expert
):
    client.force_login(officer)
    response = client.get(reverse("missions:new", args=[programme.slug]))
    labels = [label for _, label in response.context["form"].fields["pairing"].choices][1:]
    assert labels == [
        f"{pairing.need.owner_title} · {expert.get_full_name()} · {pairing.need.college.short_name}"
    ]
