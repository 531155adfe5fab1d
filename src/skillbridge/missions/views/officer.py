"""Programme officers' pages: departures with open logistics, and survey results."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from skillbridge.missions import selectors
from skillbridge.missions.models import Survey
from skillbridge.people.selectors import programme_for

DEPARTURES_PER_PAGE = 50


def _programme(request, slug: str):
    return programme_for(request.user, slug, "missions.plan")


@login_required
def departures(request, slug: str):
    """Programme officers: on-site missions leaving in the next 30 days with open checklist
    items, a page at a time."""
    programme = _programme(request, slug)
    missions = selectors.departures(programme, today=timezone.localdate()).prefetch_related(
        "checklist"
    )
    page = Paginator(missions, DEPARTURES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "missions/departures.html",
        {"programme": programme, "page": page, "days": selectors.DEPARTURE_DAYS},
    )


@login_required
def survey_results(request, slug: str):
    """Programme officers: survey results over every mission of the programme (aggregates)."""
    programme = _programme(request, slug)
    surveys = Survey.objects.filter(mission__programme=programme)
    return render(
        request,
        "missions/survey_results.html",
        {
            "programme": programme,
            "surveys": selectors.survey_summary(surveys),
            "by_respondent": [
                (label, selectors.survey_summary(surveys.filter(respondent=value)))
                for value, label in Survey.Respondent.choices
            ],
        },
    )
