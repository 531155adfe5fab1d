"""Signed survey links, in the manner of Django's password-reset tokens.

The token names one survey and its mission. It opens only that survey, only
under that mission's address, and only until it is answered: the answer
stamps `answered_at`, after which the same link is refused.
"""

import datetime

from django.core import signing

from skillbridge.missions.models import Survey

# A T+12 invitation must still open weeks after it was mailed.
SURVEY_LINK_MAX_AGE = datetime.timedelta(days=90)
_SALT = "skillbridge.missions.survey"


class InvalidSurveyLink(Exception):
    """The link was changed, has expired, was already used, or belongs to another mission."""


def survey_token(survey: Survey) -> str:
    return signing.dumps({"s": survey.pk, "m": survey.mission_id}, salt=_SALT, compress=True)


def survey_from_token(token: str, *, mission_id: int) -> Survey:
    """The unanswered survey a token names under mission `mission_id`, or InvalidSurveyLink."""
    try:
        data = signing.loads(token, salt=_SALT, max_age=SURVEY_LINK_MAX_AGE)
    except signing.BadSignature as error:  # SignatureExpired is a BadSignature too.
        raise InvalidSurveyLink from error
    if data.get("m") != mission_id:
        raise InvalidSurveyLink
    survey = (
        Survey.objects.select_related("mission__host_college", "mission__expert__user")
        .filter(pk=data.get("s"), mission_id=mission_id, answered_at__isnull=True)
        .first()
    )
    if survey is None:
        raise InvalidSurveyLink
    return survey
