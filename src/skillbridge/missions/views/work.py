"""Logistics, sessions, evidence, participants, the calendar, the report and certificates."""

from collections.abc import Callable
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from skillbridge.common.forms import show_errors
from skillbridge.common.uploads import private_file_response
from skillbridge.missions import documents, selectors, services
from skillbridge.missions.calendar import missions_ical
from skillbridge.missions.forms import (
    ActualCostForm,
    ChecklistForm,
    CostForm,
    EvidenceForm,
    ItineraryForm,
    ParticipantForm,
    SessionForm,
)
from skillbridge.missions.models import (
    Certificate,
    ChecklistItem,
    CostLine,
    Evidence,
    ItineraryLeg,
    Mission,
    Participant,
)
from skillbridge.missions.views._helpers import to_mission
from skillbridge.missions.views.pages import render_detail


def _messages_of(error: ValidationError) -> str:
    return " ".join(error.messages)


def _remove_and_return(
    request, mission: Mission, remove: Callable[[], None], *, done: str, anchor: str
):
    """Run a removal service, say how it went, and go back to the mission's section.

    The service locks the row, checks that the mission still allows the change
    and audits it; a refusal is shown as a message, not as a form error,
    because the removal was confirmed on the mission's page.
    """
    try:
        remove()
    except ValidationError as error:
        messages.error(request, _messages_of(error))
    else:
        messages.success(request, done)
    return to_mission(mission, anchor)


@require_POST
@login_required
def checklist_update(request, pk: int, item_pk: int):
    """Programme officers: tick or reopen a logistics checklist item."""
    mission = selectors.mission_for(request.user, pk, "missions.manage_mission")
    item = ChecklistItem.objects.filter(mission=mission, pk=item_pk).first()
    if item is None:
        raise Http404
    form = ChecklistForm(request.POST)
    if form.is_valid():
        try:
            services.checklist_item_update(actor=request.user, item=item, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, _messages_of(error))
    return to_mission(mission, "logistics")


@require_POST
@login_required
def itinerary_add(request, pk: int):
    """Programme officers: add a step of the itinerary."""
    mission = selectors.mission_for(request.user, pk, "missions.manage_mission")
    form = ItineraryForm(request.POST)
    if form.is_valid():
        try:
            services.itinerary_leg_add(actor=request.user, mission=mission, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            return to_mission(mission, "logistics")
    return render_detail(request, mission, status=400, itinerary_form=form)


@require_POST
@login_required
def itinerary_remove(request, pk: int, leg_pk: int):
    """Programme officers: take a step off the itinerary (confirmed on the mission's page)."""
    mission = selectors.mission_for(request.user, pk, "missions.manage_mission")
    leg = get_object_or_404(ItineraryLeg, mission=mission, pk=leg_pk)
    remove = partial(services.itinerary_leg_remove, actor=request.user, leg=leg)
    done = _("The step is removed from the itinerary.")
    return _remove_and_return(request, mission, remove, done=done, anchor="logistics")


@require_POST
@login_required
def cost_remove(request, pk: int, line_pk: int):
    """Programme officers: take a budget line off the mission (confirmed on its page)."""
    mission = selectors.mission_for(request.user, pk, "missions.manage_mission")
    line = get_object_or_404(CostLine, mission=mission, pk=line_pk)
    remove = partial(services.cost_line_remove, actor=request.user, line=line)
    done = _("The budget line is removed.")
    return _remove_and_return(request, mission, remove, done=done, anchor="costs")


@require_POST
@login_required
def cost_add(request, pk: int):
    """Programme officers: add a budget line (planned and, if known, actual cost)."""
    mission = selectors.mission_for(request.user, pk, "missions.manage_mission")
    form = CostForm(request.POST)
    if form.is_valid():
        try:
            services.cost_line_add(actor=request.user, mission=mission, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            return to_mission(mission, "costs")
    return render_detail(request, mission, status=400, cost_form=form)


@require_POST
@login_required
def cost_actual(request, pk: int, line_pk: int):
    """Programme officers: record what a budget line actually cost."""
    mission = selectors.mission_for(request.user, pk, "missions.manage_mission")
    line = CostLine.objects.filter(mission=mission, pk=line_pk).first()
    if line is None:
        raise Http404
    form = ActualCostForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the actual cost as a whole number of francs."))
        return to_mission(mission, "costs")
    try:
        services.cost_line_update(actor=request.user, line=line, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, _messages_of(error))
    return to_mission(mission, "costs")


@login_required
def session_new(request, pk: int):
    """The professional and officers log a session; for a remote series the hosts and the
    project team may too."""
    mission = selectors.mission_for(request.user, pk, "missions.log_session")
    initial = {"modality": "remote" if mission.kind == Mission.Kind.REMOTE else "onsite"}
    form = SessionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.session_log(actor=request.user, mission=mission, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The session is logged."))
            return to_mission(mission, "sessions")
    return render(request, "missions/session_form.html", {"mission": mission, "form": form})


@require_POST
@login_required
def evidence_add(request, pk: int, session_pk: int):
    """Whoever may log the mission's sessions: attach an attendance sheet or a photo."""
    mission = selectors.mission_for(request.user, pk, "missions.log_session")
    session = mission.sessions.filter(pk=session_pk).first()
    if session is None:
        raise Http404
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.evidence_add(
                actor=request.user, session=session, upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            messages.error(request, _messages_of(error))
        else:
            messages.success(request, _("The file is attached."))
    else:
        messages.error(request, _("Choose a file to attach."))
    return to_mission(mission, "sessions")


@login_required
def evidence_download(request, pk: int, evidence_pk: int):
    """Officers, the professional and the hosts: download a session's evidence."""
    mission = selectors.mission_for(request.user, pk, "missions.view_report")
    evidence = Evidence.objects.filter(session__mission=mission, pk=evidence_pk).first()
    if evidence is None:
        raise Http404
    return private_file_response(evidence.file, filename=evidence.original_name)


@require_POST
@login_required
def participant_add(request, pk: int):
    """Whoever may log sessions: name a trainee for their certificate and surveys."""
    mission = selectors.mission_for(request.user, pk, "missions.log_session")
    form = ParticipantForm(request.POST)
    if form.is_valid():
        try:
            services.participant_add(actor=request.user, mission=mission, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            return to_mission(mission, "participants")
    return render_detail(request, mission, status=400, participant_form=form)


@require_POST
@login_required
def participant_remove(request, pk: int, participant_pk: int):
    """Whoever may name participants: take one off the list, unless certified (confirmed first)."""
    mission = selectors.mission_for(request.user, pk, "missions.log_session")
    participant = get_object_or_404(Participant, mission=mission, pk=participant_pk)
    remove = partial(services.participant_remove, actor=request.user, participant=participant)
    done = _("The participant is removed.")
    return _remove_and_return(request, mission, remove, done=done, anchor="participants")


@login_required
def report_pdf(request, pk: int):
    """Officers, the professional and the hosts: the mission report as a PDF."""
    mission = selectors.mission_for(request.user, pk, "missions.view_report")
    pdf = documents.report_pdf(mission, language=request.LANGUAGE_CODE)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="mission-report-{mission.pk}.pdf"'
    return response


@require_POST
@login_required
def certificates_issue(request, pk: int):
    """Programme officers: issue the certificates of a completed mission."""
    mission = selectors.mission_for(request.user, pk, "missions.manage_mission")
    try:
        count = services.certificates_issue(actor=request.user, mission=mission)
    except ValidationError as error:
        messages.error(request, _messages_of(error))
    else:
        messages.success(request, _("Certificates issued: %(count)s.") % {"count": count})
    return to_mission(mission, "certificates")


@login_required
def certificate_pdf(request, pk: int, code: str):
    """Officers, the professional and the hosts: a certificate of the mission, to hand over."""
    mission = selectors.mission_for(request.user, pk, "missions.view_report")
    certificate = Certificate.objects.filter(mission=mission, code=code).first()
    if certificate is None:
        raise Http404
    pdf = documents.certificate_pdf(certificate, language=request.LANGUAGE_CODE)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificate-{certificate.code}.pdf"'
    return response


def _ics_response(missions, filename: str) -> HttpResponse:
    response = HttpResponse(missions_ical(missions), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def calendar_one(request, pk: int):
    """Whoever may see the mission: it as an iCalendar event."""
    mission = selectors.mission_for(request.user, pk, "missions.view_mission")
    return _ics_response([mission], f"mission-{mission.pk}.ics")


@login_required
def calendar_mine(request):
    """Anyone signed in: every mission they may see, not cancelled, as an iCalendar file."""
    missions = selectors.missions_visible_to(request.user).exclude(state=Mission.State.CANCELLED)
    return _ics_response(missions, "skillbridge-missions.ics")
