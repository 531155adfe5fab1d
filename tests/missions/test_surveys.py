"""Surveys: invited at the right time (once), answered without an account, once, by link."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse

from skillbridge.missions import services
from skillbridge.missions.models import Mission, Survey
from skillbridge.missions.selectors import survey_summary
from skillbridge.missions.tokens import survey_token
from tests.missions.conftest import log
from tests.missions.factories import MissionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def completed(under_way, expert):
    log(under_way, expert, trainers_female=2, trainers_male=1)
    services.participant_add(
        actor=expert,
        mission=under_way,
        full_name="Grace Uwase",
        email="grace@example.org",
        category="trainer",
        sex="female",
    )
    return services.mission_complete(actor=expert, mission=under_way)


def test_the_end_survey_invites_participants_hosts_and_professional_once(
    completed, expert, coordinator, applicant, today, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.surveys_send_due(today)
    invited = set(completed.surveys.filter(wave="t1").values_list("respondent", "email"))
    assert invited == {
        ("participant", "grace@example.org"),
        ("host", applicant.email),
        ("host", coordinator.email),
        ("professional", expert.email),
    }
    # T0 too (approved and started within the week); T+12 not yet.
    assert sent == 4
    assert not completed.surveys.filter(wave__in=["t0", "t12"]).exists()
    assert {m.to[0] for m in mail.outbox} == {email for _, email in invited}
    assert services.surveys_send_due(today) == 0


def test_the_twelve_month_survey_waits_a_year_after_the_last_day(completed, today):
    services.surveys_send_due(today)
    assert not completed.surveys.filter(wave="t12").exists()
    later = completed.ends_on + datetime.timedelta(days=365)
    assert services.surveys_send_due(later) == 4
    assert completed.surveys.filter(wave="t12").count() == 4


def test_the_before_survey_goes_out_in_the_week_before_an_approved_mission(agreed, officer, today):
    Mission.objects.filter(pk=agreed.pk).update(
        starts_on=today + datetime.timedelta(days=10), ends_on=today + datetime.timedelta(days=12)
    )
    agreed.refresh_from_db()
    services.mission_approve(actor=officer, mission=agreed)
    assert services.surveys_send_due(today) == 0
    assert services.surveys_send_due(today + datetime.timedelta(days=3)) == 3
    assert set(agreed.surveys.values_list("wave", flat=True)) == {"t0"}


def _link(survey):
    return reverse("missions:survey", args=[survey.mission_id, survey_token(survey)])


def test_a_participant_answers_without_an_account_and_the_link_then_stops_working(
    client, completed, today
):
    services.surveys_send_due(today)
    survey = completed.surveys.get(wave="t1", respondent="participant")
    page = client.get(_link(survey))
    assert page.status_code == 200
    assert "How confident" in page.content.decode()
    answer = {"skills_used": "yes", "confidence": "4", "what_changed": "I teach PV sizing now."}
    response = client.post(_link(survey), answer)
    assert response.status_code == 200
    survey.refresh_from_db()
    assert (survey.skills_used, survey.confidence, survey.what_changed) == (
        "yes",
        4,
        "I teach PV sizing now.",
    )
    assert client.get(_link(survey)).status_code == 404
    again = client.post(_link(survey), {**answer, "confidence": "1"})
    assert again.status_code == 404
    survey.refresh_from_db()
    assert survey.confidence == 4


def test_a_link_cannot_be_used_under_another_mission(client, completed, today):
    services.surveys_send_due(today)
    survey = completed.surveys.get(wave="t1", respondent="participant")
    other = MissionFactory(programme=completed.programme)
    url = reverse("missions:survey", args=[other.pk, survey_token(survey)])
    assert client.get(url).status_code == 404
    assert client.post(url, {"skills_used": "yes", "confidence": "5"}).status_code == 404
    assert Survey.objects.get(pk=survey.pk).answered_at is None


def test_a_changed_link_is_refused(client, completed, today):
    services.surveys_send_due(today)
    survey = completed.surveys.get(wave="t1", respondent="participant")
    token = survey_token(survey)
    tampered = re.sub(r".$", lambda m: "A" if m.group() != "A" else "B", token)
    url = reverse("missions:survey", args=[completed.pk, tampered])
    assert client.get(url).status_code == 404


def test_a_bad_answer_is_shown_at_the_field_and_nothing_is_recorded(client, completed, today):
    services.surveys_send_due(today)
    survey = completed.surveys.get(wave="t1", respondent="professional")
    response = client.post(_link(survey), {"experience": "9", "obstacles": "Visa"})
    assert response.status_code == 200
    assert response.context["form"].errors["experience"]
    survey.refresh_from_db()
    assert survey.answered_at is None


def test_summaries_count_answers_per_wave(completed, today, coordinator):
    services.surveys_send_due(today)
    for email, confidence in (("grace@example.org", 4), (coordinator.email, 2)):
        services.survey_answer(
            survey=completed.surveys.get(wave="t1", email=email),
            skills_used="partly",
            confidence=confidence,
        )
    t1 = next(row for row in survey_summary(completed.surveys.all()) if row["wave"] == "t1")
    assert (t1["invited"], t1["answered"], t1["confidence"], t1["skills_partly"]) == (4, 2, 3, 2)
