"""Public pages: a survey opened from its signed link, and certificate verification.

Neither needs an account. The survey page shows only the mission's title,
college and dates; the verification page only the name, the mission and
its dates (the minimum that proves the certificate).
"""

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from skillbridge.common.forms import show_errors
from skillbridge.missions import services
from skillbridge.missions.forms import ParticipantSurveyForm, ProfessionalSurveyForm
from skillbridge.missions.models import Certificate, Survey
from skillbridge.missions.tokens import InvalidSurveyLink, survey_from_token


@never_cache
def survey(request, mission_pk: int, token: str):
    """Anyone holding the link: answer this survey, once. A used, changed or foreign link
    answers 404 with a short explanation."""
    try:
        found = survey_from_token(token, mission_id=mission_pk)
    except InvalidSurveyLink:
        return render(request, "missions/survey_invalid.html", status=404)
    form_class = (
        ProfessionalSurveyForm
        if found.respondent == Survey.Respondent.PROFESSIONAL
        else ParticipantSurveyForm
    )
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_answer(survey=found, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            return render(request, "missions/survey_thanks.html", {"mission": found.mission})
    return render(
        request,
        "missions/survey_form.html",
        {"survey": found, "mission": found.mission, "form": form},
    )


def verify(request, code: str):
    """Anyone: check a certificate by its code. Shows the name, the mission and its dates."""
    certificate = (
        Certificate.objects.select_related("mission__host_college")
        .filter(code=code.strip().upper())
        .first()
    )
    return render(
        request,
        "missions/verify.html",
        {"certificate": certificate, "code": code},
        status=200 if certificate else 404,
    )
