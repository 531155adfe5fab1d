"""The missions list, a mission's page, planning, the work plan and the state steps."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from skillbridge.common.bounds import as_id
from skillbridge.common.forms import show_errors
from skillbridge.missions import selectors, services
from skillbridge.missions.forms import (
    ActualCostForm,
    ChecklistForm,
    CostForm,
    EvidenceForm,
    ItineraryForm,
    MissionEditForm,
    MissionPlanForm,
    ParticipantForm,
    PlanDayForm,
    ReasonForm,
)
from skillbridge.missions.models import Mission, PlanDay
from skillbridge.missions.views._helpers import to_mission
from skillbridge.people.selectors import programme_for

S = Mission.State


@login_required
def mission_list(request):
    """Anyone signed in: the missions they may see (officers: their programmes'; the
    professional: their own; hosts: their college's or project's), newest first."""
    queryset = selectors.missions_visible_to(request.user)
    state = request.GET.get("state", "")
    if state in S.values:
        queryset = queryset.filter(state=state)
    page = Paginator(queryset, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "missions/mission_list.html",
        {
            "page": page,
            "states": S.choices,
            "state": state,
            "officer_programmes": selectors.officer_programme_list(request.user),
        },
    )


# What happens next when the reader has no button to press, by the mission's state.
NEXT_HINTS = {
    S.PLANNED: gettext_lazy("The host and the professional each sign off the work plan."),
    S.WORKPLAN_AGREED: gettext_lazy("The work plan is agreed: the programme officer approves it."),
    S.APPROVED: gettext_lazy("The mission is approved: it starts on the first day of the plan."),
    S.UNDER_WAY: gettext_lazy("The mission is under way: each session is logged as it happens."),
    S.COMPLETED: gettext_lazy("Completed: the programme officer files the mission report."),
    S.REPORTED: gettext_lazy("The mission is finished and reported. Thank you."),
    S.CANCELLED: gettext_lazy("The mission is cancelled."),
}


def _detail_context(request, mission: Mission, **forms) -> dict:
    user = request.user
    may_see_participants = user.has_perm("missions.view_participants", mission)
    checklist = list(mission.checklist.all())
    return {
        "mission": mission,
        "next_step": next(
            (step for step in STEPS if user.has_perm(f"missions.{step}_mission_now", mission)),
            None,
        ),
        "next_hint": NEXT_HINTS.get(mission.state, ""),
        "plan_days": mission.plan_days.all(),
        "checklist": checklist,
        "checklist_open": sum(1 for item in checklist if not item.done),
        "itinerary": mission.itinerary.all(),
        "costs": mission.costs.all(),
        "cost_totals": selectors.cost_totals(mission),
        "sessions": selectors.sessions_of(mission),
        "counts": selectors.head_counts(mission.sessions.all()),
        "participants": mission.participants.select_related("certificate")
        if may_see_participants
        else [],
        "surveys": selectors.survey_summary(mission.surveys.all()),
        "contribution": mission.certificates.filter(kind="contribution").first(),
        "hosts": selectors.host_users(mission),
        "plan_day_form": forms.get("plan_day_form") or PlanDayForm(),
        "itinerary_form": forms.get("itinerary_form") or ItineraryForm(),
        "cost_form": forms.get("cost_form") or CostForm(),
        "participant_form": forms.get("participant_form") or ParticipantForm(),
        "cancel_form": forms.get("cancel_form") or ReasonForm(),
        "evidence_form": EvidenceForm(),
        "checklist_form": ChecklistForm(),
        "actual_form": ActualCostForm(),
    }


def render_detail(request, mission: Mission, *, status: int = 200, **forms):
    return render(
        request,
        "missions/mission_detail.html",
        _detail_context(request, mission, **forms),
        status=status,
    )


@login_required
def mission_detail(request, pk: int):
    """Officers, the professional, the hosts and the project team: a mission and its plan,
    logistics, sessions, surveys and documents (parts shown by role)."""
    return render_detail(request, selectors.mission_for(request.user, pk, "missions.view_mission"))


@login_required
def mission_new(request, slug: str):
    """Programme officers: plan a mission for an accepted pairing or a training request."""
    programme = programme_for(request.user, slug, "missions.plan")
    initial = {}
    # isdigit() also passes "²", which int() refuses: read the id as an id.
    if (pairing := as_id(request.GET.get("pairing"))) is not None:
        initial["pairing"] = pairing
    form = MissionPlanForm(request.POST or None, programme=programme, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            mission = services.mission_plan(
                actor=request.user, programme=programme, **form.cleaned_data
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The mission is planned. Now add the work plan."))
            return to_mission(mission)
    return render(request, "missions/mission_form.html", {"programme": programme, "form": form})


@login_required
def mission_edit(request, pk: int):
    """Officers, the professional and the hosts: change the work plan before approval.
    Saving a change clears both sign-offs."""
    mission = selectors.mission_for(request.user, pk, "missions.edit_plan")
    form = MissionEditForm(request.POST or None, initial=MissionEditForm.initial_of(mission))
    if request.method == "POST" and form.is_valid():
        data = {**form.cleaned_data, "title": form.cleaned_data["title"] or mission.title}
        try:
            services.mission_update(actor=request.user, mission=mission, **data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The work plan is saved."))
            return to_mission(mission, "plan")
    return render(request, "missions/mission_edit.html", {"mission": mission, "form": form})


@require_POST
@login_required
def plan_day_add(request, pk: int):
    """Officers, the professional and the hosts: add a day to the work plan (clears sign-offs)."""
    mission = selectors.mission_for(request.user, pk, "missions.edit_plan")
    form = PlanDayForm(request.POST)
    if form.is_valid():
        try:
            services.plan_day_add(actor=request.user, mission=mission, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            return to_mission(mission, "plan")
    return render_detail(request, mission, status=400, plan_day_form=form)


@require_POST
@login_required
def plan_day_remove(request, pk: int, day_pk: int):
    """Officers, the professional and the hosts: remove a day of the work plan."""
    mission = selectors.mission_for(request.user, pk, "missions.edit_plan")
    plan_day = PlanDay.objects.filter(mission=mission, pk=day_pk).first()
    if plan_day is None:
        raise Http404
    try:
        services.plan_day_remove(actor=request.user, plan_day=plan_day)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return to_mission(mission, "plan")


@require_POST
@login_required
def workplan_sign(request, pk: int):
    """The professional and the hosts: sign off the work plan as it stands."""
    mission = selectors.mission_for(request.user, pk, "missions.sign_plan")
    try:
        services.workplan_sign(actor=request.user, mission=mission)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("You signed off the work plan."))
    return to_mission(mission, "plan")


# Each step that moves a mission on, in the order a mission takes them: its service, the
# permission it needs, and what to say when it is done.
STEPS = {
    "approve": (
        services.mission_approve,
        "missions.manage_mission",
        gettext_lazy("The mission is approved. The professional and the host are told."),
    ),
    "start": (
        services.mission_start,
        "missions.run_mission",
        gettext_lazy("The mission is under way."),
    ),
    "complete": (
        services.mission_complete,
        "missions.run_mission",
        gettext_lazy(
            "The mission is completed. The end-of-mission survey goes out with the next "
            "scheduled run."
        ),
    ),
    "report": (
        services.mission_report,
        "missions.manage_mission",
        gettext_lazy("The mission report is filed."),
    ),
}


@require_POST
@login_required
def mission_step(request, pk: int, step: str):
    """Officers approve and file the report; officers or the professional start and complete."""
    if step not in STEPS:
        raise Http404
    service, perm, done = STEPS[step]
    mission = selectors.mission_for(request.user, pk, perm)
    try:
        service(actor=request.user, mission=mission)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return to_mission(mission)


@require_POST
@login_required
def mission_cancel(request, pk: int):
    """Programme officers: cancel a mission not yet completed, with the reason."""
    mission = selectors.mission_for(request.user, pk, "missions.manage_mission")
    form = ReasonForm(request.POST)
    if form.is_valid():
        try:
            services.mission_cancel(actor=request.user, mission=mission, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The mission is cancelled."))
            return to_mission(mission)
    return render_detail(request, mission, status=400, cancel_form=form)
