"""Reporting periods: opening, the indicator table, narrative, hand entries, closing, reports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from skillbridge.common.background import export_start
from skillbridge.common.forms import show_errors
from skillbridge.common.uploads import private_file_response
from skillbridge.people.selectors import programme_for
from skillbridge.results import dashboard, report_files, services
from skillbridge.results.figures import figures_of
from skillbridge.results.forms import NarrativeForm, PeriodForm, ValueForm
from skillbridge.results.models import Indicator
from skillbridge.results.selectors import (
    indicator_rows,
    period_for,
    periods_of,
    project_stories,
)
from skillbridge.results.states import closable_from, has_ended


@login_required
def periods(request, slug):
    """Programme officers, finance officers and donor viewers: the reporting periods.
    Programme officers also open new ones here (POST)."""
    opening = request.method == "POST"
    perm = "results.manage_results" if opening else "results.view_results"
    programme = programme_for(request.user, slug, perm)
    can_manage = request.user.has_perm("results.manage_results", programme)
    form = PeriodForm(request.POST or None)
    if opening and form.is_valid():
        try:
            period = services.period_open(
                actor=request.user, programme=programme, **form.cleaned_data
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The period is open."))
            return redirect("results:period", pk=period.pk)
    return render(
        request,
        "results/periods.html",
        {
            "programme": programme,
            "periods": periods_of(programme),
            "form": form,
            "can_manage": can_manage,
        },
    )


@login_required
def period_detail(request, pk):
    """Programme officers, finance officers and donor viewers: indicators against targets,
    and the period's charts (frozen at closing, as its report).

    Donor viewers see values with small groups hidden; staff see every value.
    """
    period = period_for(request.user, pk, "results.view_period")
    programme = period.programme
    disclosed = not request.user.has_perm("results.view_unsuppressed", programme)
    figures = figures_of(programme, period)
    return render(
        request,
        "results/period.html",
        {
            "programme": programme,
            "period": period,
            "rows": indicator_rows(programme, period, disclosed=disclosed, figures=figures),
            "charts": dashboard.dashboard_charts(figures, disclosed=disclosed),
            "disclosed": disclosed,
            "closable_from": None if has_ended(period) else closable_from(period),
        },
    )


@login_required
def period_narrative(request, pk):
    """Programme officers: the narrative of the period's donor report (open periods only)."""
    period = period_for(request.user, pk, "results.manage_period")
    form = NarrativeForm(request.POST or None, instance=period)
    if request.method == "POST" and form.is_valid():
        try:
            services.period_narrative_update(actor=request.user, period=period, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The narrative is saved."))
            return redirect("results:period", pk=period.pk)
    return render(
        request,
        "results/form.html",
        {"programme": period.programme, "period": period, "form": form, "title": _("Narrative")},
    )


@login_required
def period_value(request, pk, indicator_pk):
    """Programme officers: enter the value of a hand-entered indicator for an open period."""
    period = period_for(request.user, pk, "results.manage_period")
    indicator = get_object_or_404(
        period.programme.indicators.filter(method=Indicator.Method.MANUAL), pk=indicator_pk
    )
    stored = indicator.values.filter(period=period, dimension="").first()
    initial = (
        {"value": stored.value, "source": stored.source, "note": stored.note} if stored else None
    )
    form = ValueForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.value_enter(
                actor=request.user, period=period, indicator=indicator, **form.cleaned_data
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The value is saved."))
            return redirect("results:period", pk=period.pk)
    return render(
        request,
        "results/form.html",
        {
            "programme": period.programme,
            "period": period,
            "form": form,
            "title": indicator,
        },
    )


@login_required
def period_close(request, pk):
    """Programme officers: first a preview of what closing freezes (GET: the figures as
    the donor will see them, the narrative, the project stories), which changes nothing;
    then the close itself (POST, confirmed from the preview)."""
    period = period_for(request.user, pk, "results.manage_period")
    if request.method == "POST" and request.POST.get("confirm") == "close":
        try:
            services.period_close(actor=request.user, period=period)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The period is closed; its report will not change."))
        return redirect("results:period", pk=period.pk)
    if request.method == "POST":
        return redirect("results:close", pk=period.pk)
    programme = period.programme
    figures = figures_of(programme, period)
    return render(
        request,
        "results/close_preview.html",
        {
            "programme": programme,
            "period": period,
            "rows": indicator_rows(programme, period, disclosed=True, figures=figures),
            "envelope": figures.envelope,
            "stories": project_stories(programme, period),
            "closable_from": None if has_ended(period) else closable_from(period),
        },
    )


@login_required
def period_report(request, pk, file_format):
    """Programme officers, finance officers and donor viewers: the donor report as PDF, XLSX
    or IATI-shaped JSON. Always the donor's version: small groups hidden, no names.

    A closed period's report is a stored file, made once from its snapshot; an open
    period's is built in the background, with its progress and then a download link."""
    period = period_for(request.user, pk, "results.view_period")
    if file_format not in report_files.CONTENT_TYPES:
        raise Http404
    language = get_language()
    if period.is_closed:
        stored = report_files.report_file(period, file_format=file_format, language=language)
        return private_file_response(
            stored.file, filename=report_files.report_filename(period, file_format)
        )
    job = export_start(
        user=request.user,
        builder="skillbridge.results.report_files.period_report",
        params={"period": period.pk, "format": file_format},
        title=_("Donor report %(period)s (%(format)s)")
        % {"period": period.label, "format": file_format.upper()},
    )
    return redirect(job.get_absolute_url())
