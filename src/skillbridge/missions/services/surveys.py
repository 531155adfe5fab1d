"""Surveys before a mission (T0), at its end (T1) and twelve months later (T+12).

The scheduled job `surveys_send_due` invites, at the right time, the named
participants (those with an address), the hosts and the professional; each
gets a signed link that opens their survey without an account, once.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from skillbridge.common.services import audit_record, mail_queue
from skillbridge.missions.models import Mission, Survey
from skillbridge.missions.selectors import host_users
from skillbridge.missions.tokens import survey_token

W = Survey.Wave
R = Survey.Respondent
# T0 goes out in the week before the first day.
T0_DAYS_BEFORE = 7
T12_DAYS_AFTER = 365


def _recipients(mission: Mission) -> list[tuple[str, str, str, str]]:
    """(respondent, email, name, language) of everyone the mission's surveys ask."""
    people = [
        (R.PARTICIPANT, p.email, p.full_name, "rw")
        for p in mission.participants.exclude(email="").order_by("pk")
    ]
    people += [
        (R.HOST, user.email, user.get_full_name(), user.preferred_language)
        for user in host_users(mission)
    ]
    professional = mission.expert.user
    if professional is not None:
        people.append(
            (
                R.PROFESSIONAL,
                professional.email,
                professional.get_full_name(),
                professional.preferred_language,
            )
        )
    return people


def survey_url(survey: Survey) -> str:
    path = reverse("missions:survey", args=[survey.mission_id, survey_token(survey)])
    return f"{settings.SITE_URL}{path}"


@transaction.atomic
def surveys_invite(*, mission: Mission, wave: str) -> int:
    """Invite everyone not yet invited to the mission's `wave` survey; return how many.

    Idempotent: one survey per person, wave and mission (a unique constraint),
    so running it again invites only people added since.
    """
    mission = (
        Mission.objects.select_for_update(of=("self",))
        .select_related(
            "expert__user", "host_college", "programme", "pairing__need__proposal__lead"
        )
        .get(pk=mission.pk)
    )
    already = set(mission.surveys.filter(wave=wave).values_list("email", flat=True))
    invited = 0
    for respondent, email, name, language in _recipients(mission):
        email = email.lower()
        if email in already:
            continue
        already.add(email)
        survey = Survey.objects.create(
            mission=mission,
            wave=wave,
            respondent=respondent,
            email=email,
            name=name[:150],
            language=language,
        )
        mail_queue(
            to=email,
            template="missions/mail/survey",
            context={
                "mission": mission,
                "survey": survey,
                "name": name,
                "link": survey_url(survey),
            },
            language=language,
            programme=mission.programme,
            kind=f"mission_survey_{wave}",
        )
        invited += 1
    if invited:
        audit_record(
            actor=None,
            action="mission.surveys_invited",
            target=mission,
            data={"wave": wave, "count": invited},
        )
    return invited


def due_missions(today: datetime.date) -> list[tuple[Mission, str]]:
    """(mission, wave) pairs whose survey is due on `today`."""
    t0 = Mission.objects.filter(
        state__in=(Mission.State.APPROVED, Mission.State.UNDER_WAY),
        starts_on__lte=today + datetime.timedelta(days=T0_DAYS_BEFORE),
    )
    done = Mission.objects.filter(state__in=Mission.DONE_STATES)
    t12 = done.filter(ends_on__lte=today - datetime.timedelta(days=T12_DAYS_AFTER))
    return [
        *((m, W.T0) for m in t0.order_by("pk")),
        *((m, W.T1) for m in done.order_by("pk")),
        *((m, W.T12) for m in t12.order_by("pk")),
    ]


def surveys_send_due(today: datetime.date | None = None) -> int:
    """Scheduled: invite everyone whose survey is due, each mission and wave in its own
    transaction. Idempotent; returns how many invitations went out."""
    today = today or timezone.localdate()
    return sum(surveys_invite(mission=mission, wave=wave) for mission, wave in due_missions(today))


@transaction.atomic
def survey_answer(
    *,
    survey: Survey,
    skills_used: str = "",
    confidence: int | None = None,
    what_changed: str = "",
    experience: int | None = None,
    obstacles: str = "",
) -> Survey:
    """Record a survey's answers, once. Participants and hosts say whether they use the
    skills, how confident they are (1–5) and what changed; the professional rates the
    experience (1–5) and names the obstacles. The link stops working afterwards."""
    survey = Survey.objects.select_for_update(of=("self",)).get(pk=survey.pk)
    if survey.answered_at is not None:
        raise ValidationError({"__all__": _("This survey has already been answered.")})
    errors = {}
    if survey.respondent == R.PROFESSIONAL:
        if experience is None or not 1 <= experience <= 5:
            errors["experience"] = _("Choose a number from 1 to 5.")
        survey.experience = experience
        survey.obstacles = obstacles.strip()
    else:
        if skills_used not in Survey.SkillsUsed.values:
            errors["skills_used"] = _("Choose one answer.")
        if confidence is None or not 1 <= confidence <= 5:
            errors["confidence"] = _("Choose a number from 1 to 5.")
        survey.skills_used = skills_used
        survey.confidence = confidence
        survey.what_changed = what_changed.strip()
    if errors:
        raise ValidationError(errors)
    survey.answered_at = timezone.now()
    survey.save()
    audit_record(
        actor=None,
        action="mission.survey_answered",
        target=survey.mission,
        data={"survey": survey.pk, "wave": survey.wave, "respondent": survey.respondent},
    )
    return survey
