"""The results framework: reading it, and the officer's forms for statements and indicators."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from skillbridge.common.forms import show_errors
from skillbridge.people.selectors import programme_for
from skillbridge.results import services
from skillbridge.results.forms import IndicatorForm, StatementForm
from skillbridge.results.indicators import REGISTRY
from skillbridge.results.selectors import framework_of


@login_required
def framework(request, slug):
    """Programme officers, finance officers and donor viewers: the framework and its queries."""
    programme = programme_for(request.user, slug, "results.view_results")
    return render(
        request,
        "results/framework.html",
        {
            "programme": programme,
            "statements": framework_of(programme),
            "queries": REGISTRY,
            "can_manage": request.user.has_perm("results.manage_results", programme),
        },
    )


@login_required
def statement_form(request, slug, pk=None):
    """Programme officers: add or change an objective, outcome or output."""
    programme = programme_for(request.user, slug, "results.manage_results")
    statement = get_object_or_404(programme.result_statements, pk=pk) if pk else None
    initial = (
        {
            "level": statement.level,
            "parent": statement.parent_id,
            "code": statement.code,
            "text": statement.text,
            "position": statement.position,
        }
        if statement
        else None
    )
    form = StatementForm(request.POST or None, initial=initial, programme=programme)
    if request.method == "POST" and form.is_valid():
        try:
            services.statement_save(
                actor=request.user, programme=programme, statement=statement, **form.cleaned_data
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The framework is saved."))
            return redirect("results:framework", slug=programme.slug)
    return render(
        request,
        "results/form.html",
        {"programme": programme, "form": form, "title": _("Result statement")},
    )


@login_required
def indicator_form(request, slug, pk=None):
    """Programme officers: add or change an indicator, its target and how it is measured."""
    programme = programme_for(request.user, slug, "results.manage_results")
    indicator = get_object_or_404(programme.indicators, pk=pk) if pk else None
    initial = None
    if indicator:
        initial = {
            name: getattr(indicator, name)
            for name in (
                "code",
                "name",
                "unit",
                "baseline",
                "target",
                "method",
                "query",
                "disaggregations",
                "sdg_targets",
                "definition",
                "position",
            )
        }
        initial["statement"] = indicator.statement_id
    form = IndicatorForm(request.POST or None, initial=initial, programme=programme)
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_save(
                actor=request.user, programme=programme, indicator=indicator, **form.cleaned_data
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The indicator is saved."))
            return redirect("results:framework", slug=programme.slug)
    return render(
        request,
        "results/form.html",
        {"programme": programme, "form": form, "title": _("Indicator")},
    )
