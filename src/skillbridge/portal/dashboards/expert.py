"""The professional: invitations to answer (by when), and the next mission."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from skillbridge.missions.models import Mission, Survey
from skillbridge.missions.tokens import survey_token
from skillbridge.pairing.models import Pairing
from skillbridge.portal.dashboards.lines import Task, waiting

SHOWN = 5


def _invitations(user, programme) -> list[Task]:
    invited = Pairing.objects.filter(
        expert__user=user, programme=programme, state=Pairing.State.INVITED
    )
    total = waiting(invited, "respond_by")
    lines = [
        Task(
            ngettext(
                "%(count)s invitation to answer", "%(count)s invitations to answer", total.count
            )
            % {"count": total.count},
            reverse("pairing:mine"),
            total.count,
            due=total.oldest,
        )
    ]
    for pairing in invited.select_related("need__proposal", "need__training_request").order_by(
        "respond_by", "pk"
    )[:SHOWN]:
        lines.append(
            Task(
                str(pairing.need),
                reverse("pairing:detail", args=[pairing.pk]),
                due=pairing.respond_by,
            )
        )
    return lines


def _next_mission(user, programme) -> list[Task]:
    mission = (
        Mission.objects.filter(
            expert__user=user, programme=programme, starts_on__gte=timezone.localdate()
        )
        .exclude(state__in=(*Mission.DONE_STATES, Mission.State.CANCELLED))
        .order_by("starts_on", "pk")
        .first()
    )
    if mission is None:
        return []
    return [
        Task(
            _("Next mission: %(title)s") % {"title": mission.title},
            reverse("missions:detail", args=[mission.pk]),
            due=mission.starts_on,
        )
    ]


def _surveys(user, programme) -> list[Task]:
    surveys = Survey.objects.filter(
        mission__programme=programme,
        respondent=Survey.Respondent.PROFESSIONAL,
        email__iexact=user.email,
        answered_at__isnull=True,
    ).select_related("mission")
    return [
        Task(
            _("Answer the survey on “%(title)s” (%(wave)s)")
            % {"title": survey.mission.title, "wave": survey.get_wave_display()},
            reverse("missions:survey", args=[survey.mission_id, survey_token(survey)]),
            oldest=survey.invited_at,
        )
        for survey in surveys.order_by("invited_at", "pk")[:SHOWN]
    ]


def tasks(user, membership) -> list[Task]:
    if not user.has_perm("pairing.view_own_pairings"):
        return []
    programme = membership.programme
    return (
        _invitations(user, programme) + _next_mission(user, programme) + _surveys(user, programme)
    )
