"""The results home and the programme dashboard."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from skillbridge.people.selectors import programme_for
from skillbridge.programmes.models import Programme
from skillbridge.results import dashboard as charts
from skillbridge.results.selectors import periods_of


@login_required
def home(request):
    """Anyone signed in: the programmes whose results they may read (officers, finance, donors)."""
    member_of = Programme.objects.filter(roles__user=request.user).distinct().order_by("name")
    return render(
        request,
        "results/home.html",
        {"programmes": [p for p in member_of if request.user.has_perm("results.view_results", p)]},
    )


@login_required
def dashboard(request, slug):
    """Programme officers, finance officers and donor viewers: the programme's charts.

    Donor viewers see aggregates with small groups hidden; staff see every value.
    """
    programme = programme_for(request.user, slug, "results.view_results")
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
