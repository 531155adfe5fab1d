"""The results home and the programme dashboard."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from skillbridge.common.permissions import require
from skillbridge.people.models import Role
from skillbridge.people.selectors import roles_by_programme
from skillbridge.programmes.models import Programme
from skillbridge.results import dashboard as charts
from skillbridge.results.selectors import periods_of, programme_for_results

READERS = {Role.PROGRAMME_OFFICER, Role.FINANCE_OFFICER, Role.DONOR_VIEWER}


@login_required
def home(request):
    """Anyone signed in: the programmes whose results they may read (officers, finance, donors)."""
    ids = [pid for pid, roles in roles_by_programme(request.user).items() if roles & READERS]
    return render(
        request,
        "results/home.html",
        {"programmes": Programme.objects.filter(pk__in=ids).order_by("name")},
    )


@login_required
def dashboard(request, slug):
    """Programme officers, finance officers and donor viewers: the programme's charts.

    Donor viewers see aggregates with small groups hidden; staff see every value.
    """
    programme = programme_for_results(request.user, slug)
    require(request.user, "results.view_results", programme)
    disclosed = not request.user.has_perm("results.view_unsuppressed", programme)
    return render(
        request,
        "results/dashboard.html",
        {
            "programme": programme,
            "charts": charts.dashboard_charts(charts.today_figures(programme), disclosed=disclosed),
            "disclosed": disclosed,
            "periods": periods_of(programme),
            "can_manage": request.user.has_perm("results.manage_results", programme),
        },
    )
