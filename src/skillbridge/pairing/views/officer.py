"""Programme officers' pages: needs, matching runs, locks and forbids, pairings.

Non-members of the programme get 404, members without the officer role 403.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from skillbridge.common.forms import show_errors
from skillbridge.experts.models import ExpertProfile
from skillbridge.pairing import selectors, services
from skillbridge.pairing.forms import (
    DecisionForm,
    NeedForm,
    RunForm,
    TrainingRequestForm,
)
from skillbridge.pairing.models import MatchingRun, PairDecision, Pairing
from skillbridge.pairing.presenting import present_candidates, present_summary
from skillbridge.pairing.services.moves import INVITATION_DAYS
from skillbridge.people.selectors import programme_for, roles_by_programme
from skillbridge.programmes.models import Programme


def _programme(request, slug: str) -> Programme:
    return programme_for(request.user, slug, "pairing.manage")


@login_required
def index(request):
    """Programme officers: the programmes whose pairing they run (one goes straight there)."""
    member_of = Programme.objects.filter(pk__in=list(roles_by_programme(request.user)))
    programmes = [p for p in member_of if request.user.has_perm("pairing.manage", p)]
    if not programmes:
        raise PermissionDenied
    if len(programmes) == 1:
        return redirect("pairing:overview", programmes[0].slug)
    return render(request, "pairing/index.html", {"programmes": programmes})


# The overview's two lists page separately, each by its own parameter in the address.
OVERVIEW_PER_PAGE = 20


@login_required
def overview(request, slug: str):
    """Programme officers: funded projects and training requests with their needs, a page of
    each, and the latest runs."""
    programme = _programme(request, slug)
    projects = Paginator(selectors.funded_projects(programme), OVERVIEW_PER_PAGE)
    requests = Paginator(selectors.training_requests_of(programme), OVERVIEW_PER_PAGE)
    return render(
        request,
        "pairing/overview.html",
        {
            "programme": programme,
            "projects": projects.get_page(request.GET.get("projects_page")),
            "requests": requests.get_page(request.GET.get("requests_page")),
            "runs": selectors.runs_of(programme)[:5],
            "run_form": RunForm(programme=programme),
        },
    )


def _need_form_page(request, programme, *, owner_title, form, need=None):
    return render(
        request,
        "pairing/need_form.html",
        {"programme": programme, "form": form, "owner_title": owner_title, "need": need},
    )


def _create_need(request, programme, *, proposal=None, training_request=None):
    form = NeedForm(request.POST or None, programme=programme)
    if request.method == "POST" and form.is_valid():
        try:
            need = services.need_create(
                actor=request.user,
                programme=programme,
                proposal=proposal,
                training_request=training_request,
                **form.cleaned_data,
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The need is saved."))
            return redirect("pairing:need", programme.slug, need.pk)
    owner = proposal or training_request
    return _need_form_page(request, programme, owner_title=owner.title, form=form)


@login_required
def project_need_new(request, slug: str, pk: int):
    """Programme officers: state a funded project's need."""
    programme = _programme(request, slug)
    return _create_need(request, programme, proposal=selectors.funded_project_in(programme, pk))


@login_required
def request_need_new(request, slug: str, pk: int):
    """Programme officers: state a training request's need."""
    programme = _programme(request, slug)
    training_request = selectors.training_request_in(programme, pk)
    return _create_need(request, programme, training_request=training_request)


@login_required
def request_new(request, slug: str):
    """Programme officers: record a college's training request."""
    programme = _programme(request, slug)
    form = TrainingRequestForm(request.POST or None, programme=programme)
    if request.method == "POST" and form.is_valid():
        try:
            training_request = services.training_request_create(
                actor=request.user, programme=programme, **form.cleaned_data
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            return redirect("pairing:request_need_new", slug, training_request.pk)
    return render(request, "pairing/request_form.html", {"programme": programme, "form": form})


@login_required
def need_edit(request, slug: str, pk: int):
    """Programme officers: change a need."""
    programme = _programme(request, slug)
    need = selectors.need_in(programme, pk)
    form = NeedForm(request.POST or None, programme=programme, initial=NeedForm.initial_of(need))
    if request.method == "POST" and form.is_valid():
        try:
            services.need_update(actor=request.user, need=need, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The need is saved."))
            return redirect("pairing:need", slug, need.pk)
    return _need_form_page(request, programme, owner_title=need.owner_title, form=form, need=need)


@login_required
def need_detail(request, slug: str, pk: int):
    """Programme officers: a need, its pairings, offered alternates, locks and forbids."""
    programme = _programme(request, slug)
    need = selectors.need_in(programme, pk)
    latest = selectors.runs_of(programme).filter(
        status=MatchingRun.Status.DONE, candidates__need=need
    )
    latest_run = latest.first()
    candidates = []
    if latest_run is not None:
        candidates = present_candidates(
            selectors.candidates_of(latest_run).filter(need=need), [need]
        )
    pairings = list(need.pairings.select_related("expert__user").order_by("-created_at", "-pk"))
    # Drafts dropped before anyone was invited (mostly replaced by a later run) are noise here;
    # the audit log keeps them.
    dropped = [p for p in pairings if p.state == Pairing.State.CANCELLED and p.invited_at is None]
    pairings = [p for p in pairings if p not in dropped]
    return render(
        request,
        "pairing/need_detail.html",
        {
            "programme": programme,
            "need": need,
            "pairings": pairings,
            "offers": [p for p in pairings if p.state == Pairing.State.PROPOSED],
            "dropped": len(dropped),
            "decisions": selectors.decisions_of(need),
            "latest_run": latest_run,
            "candidates": candidates,
        },
    )


@require_POST
@login_required
def decide(request, slug: str, pk: int):
    """Programme officers: lock or forbid one pair for every later run."""
    programme = _programme(request, slug)
    need = selectors.need_in(programme, pk)
    form = DecisionForm(request.POST)
    expert = None
    if form.is_valid():
        expert = ExpertProfile.objects.filter(
            programme=programme, pk=form.cleaned_data["expert"]
        ).first()
    if expert is None:
        messages.error(request, _("Choose a professional of this programme."))
        return _back(request, "pairing:need", slug, need.pk)
    try:
        services.decision_set(
            actor=request.user, need=need, expert=expert, kind=form.cleaned_data["kind"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if form.cleaned_data["kind"] == PairDecision.Kind.LOCK:
            messages.success(request, _("Locked: every later run keeps this pair."))
        else:
            messages.success(request, _("Forbidden: no later run will propose this pair."))
    return _back(request, "pairing:need", slug, need.pk)


@require_POST
@login_required
def undecide(request, slug: str, pk: int):
    """Programme officers: remove a lock or a forbid."""
    programme = _programme(request, slug)
    decision = selectors.decision_in(programme, pk)
    need_pk = decision.need_id
    services.decision_remove(actor=request.user, decision=decision)
    messages.success(request, _("The decision is removed."))
    return _back(request, "pairing:need", slug, need_pk)


def _back(request, *fallback):
    """Return to the page the form was on when it says so (only a path on this site)."""
    target = request.POST.get("next", "")
    if target.startswith("/") and not target.startswith("//"):
        return redirect(target)
    return redirect(*fallback)


@login_required
def run_list(request, slug: str):
    """Programme officers: every matching run, and the form to start one."""
    programme = _programme(request, slug)
    page = Paginator(selectors.runs_of(programme), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "pairing/run_list.html",
        {"programme": programme, "page": page, "run_form": RunForm(programme=programme)},
    )


@require_POST
@login_required
def run_start(request, slug: str):
    """Programme officers: start a matching run in the background."""
    programme = _programme(request, slug)
    form = RunForm(request.POST, programme=programme)
    if form.is_valid():
        try:
            run = services.run_start(
                actor=request.user,
                programme=programme,
                needs=list(form.cleaned_data["needs"]) or None,
                objective=form.cleaned_data["objective"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            return redirect("pairing:run", slug, run.pk)
    page = Paginator(selectors.runs_of(programme), 25).get_page(1)
    return render(
        request,
        "pairing/run_list.html",
        {"programme": programme, "page": page, "run_form": form},
        status=400,
    )


def _run_context(programme, run) -> dict:
    context = {"programme": programme, "run": run}
    if run.status == MatchingRun.Status.DONE:
        needs = list(run.needs.all())
        context["rows"] = present_candidates(selectors.candidates_of(run), needs)
        context["summary"] = present_summary(run)
        context["can_confirm"] = run.pairings.filter(state=Pairing.State.PROPOSED).exists()
    return context


@login_required
def run_detail(request, slug: str, pk: int):
    """Programme officers: a run's progress, then its proposal with reasons and alternates."""
    programme = _programme(request, slug)
    run = selectors.run_in(programme, pk)
    return render(request, "pairing/run_detail.html", _run_context(programme, run))


@login_required
def run_progress(request, slug: str, pk: int):
    """Programme officers: the progress block alone, polled by htmx while the run works."""
    programme = _programme(request, slug)
    run = selectors.run_in(programme, pk)
    if not run.is_running and request.htmx:
        # Finished: reload the whole page so the proposal appears.
        response = render(
            request, "pairing/includes/run_progress.html", {"run": run, "programme": programme}
        )
        response["HX-Refresh"] = "true"
        return response
    return render(
        request, "pairing/includes/run_progress.html", {"run": run, "programme": programme}
    )


@require_POST
@login_required
def run_rerun(request, slug: str, pk: int):
    """Programme officers: run again over the same needs, with the current locks and forbids."""
    programme = _programme(request, slug)
    run = selectors.run_in(programme, pk)
    try:
        new_run = services.run_start(
            actor=request.user,
            programme=programme,
            needs=list(run.needs.all()),
            objective=run.objective,
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("pairing:run", slug, run.pk)
    return redirect("pairing:run", slug, new_run.pk)


@login_required
def run_confirm(request, slug: str, pk: int):
    """Programme officers: first a preview of who is invited to what (nothing changes),
    then, on POST, the confirmation: the professionals are invited."""
    programme = _programme(request, slug)
    run = selectors.run_in(programme, pk)
    if request.method != "POST":
        proposed = list(selectors.proposed_pairings(run))
        return render(
            request,
            "pairing/run_confirm.html",
            {
                "programme": programme,
                "run": run,
                "proposed": proposed,
                "respond_by": timezone.now() + datetime.timedelta(days=INVITATION_DAYS),
            },
        )
    try:
        invited = services.run_confirm(actor=request.user, run=run)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("%(count)s professionals are invited and have 14 days to answer.")
            % {"count": invited},
        )
    return redirect("pairing:run", slug, run.pk)


@login_required
def pairing_list(request, slug: str):
    """Programme officers: every pairing of the programme, by state."""
    programme = _programme(request, slug)
    state = request.GET.get("state", "")
    if state not in Pairing.State.values:
        state = ""
    page = Paginator(selectors.programme_pairings(programme, state), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "pairing/pairing_list.html",
        {"programme": programme, "page": page, "state": state, "states": Pairing.State.choices},
    )
