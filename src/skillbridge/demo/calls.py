"""The demo call "Innovation Call 2027" with its rubric (data/calls.toml), and its proposals."""

import datetime
from decimal import Decimal

from django.utils import timezone

from skillbridge.calls.models import Call, RubricCriterion
from skillbridge.demo.programmes import demo_programme
from skillbridge.demo.proposals import seed_proposals
from skillbridge.demo.texts import texts
from skillbridge.programmes.models import Programme

CALL_TITLE = texts("calls")["call"]["title"]


def _kigali(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(
        day, datetime.time(hour), tzinfo=timezone.get_current_timezone()
    )


def demo_call(programme: Programme) -> Call:
    """The call, open since three weeks and for four more, made once."""
    call = Call.objects.filter(programme=programme, title=CALL_TITLE).first()
    if call is not None:
        return call
    data = texts("calls")
    today = timezone.localdate()
    closes_on = today + datetime.timedelta(days=28)
    call = Call.objects.create(
        programme=programme,
        **data["call"],
        opens_at=_kigali(today - datetime.timedelta(days=21), 8),
        closes_at=_kigali(closes_on, 17),
        # The planned steps a team's receipt and the reviewers' dashboard announce.
        eligibility_by=closes_on + datetime.timedelta(days=14),
        reviews_by=closes_on + datetime.timedelta(days=45),
        decisions_by=closes_on + datetime.timedelta(days=60),
        required_documents=[document["kind"] for document in data["documents"]],
        translations=_call_translations(data["translations"]),
        is_published=True,
    )
    call.sectors.set(programme.sectors.all())
    call.eligible_colleges.set(programme.colleges.all())
    for position, criterion in enumerate(data["criteria"], start=1):
        RubricCriterion.objects.create(
            call=call,
            name=criterion["name"],
            description=criterion["description"],
            weight=Decimal(criterion["weight"]),
            levels=_levels(criterion["levels"]),
            translations=_criterion_translations(data["translations"], position - 1),
            position=position,
        )
    return call


def _levels(texts: list[str]) -> dict[str, str]:
    return {str(i): text for i, text in enumerate(texts, start=1)}


def _call_translations(translations: dict) -> dict:
    """The call's own texts per language (calls.models.texts), without the rubric's."""
    return {
        language: {k: v for k, v in texts.items() if k != "criteria"}
        for language, texts in translations.items()
    }


def _criterion_translations(translations: dict, index: int) -> dict:
    criteria = {language: texts["criteria"][index] for language, texts in translations.items()}
    return {
        language: {**criterion, "levels": _levels(criterion["levels"])}
        for language, criterion in criteria.items()
    }


def seed_calls() -> None:
    """The open demo call with its rubric, and about forty proposals in every state."""
    programme = demo_programme()
    seed_proposals(demo_call(programme), programme)
