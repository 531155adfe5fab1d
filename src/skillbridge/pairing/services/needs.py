"""Needs, training requests and the officer's lock/forbid decisions."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from skillbridge.calls.models import Proposal
from skillbridge.common.services import audit_record
from skillbridge.experts.languages import LANGUAGE_CHOICES
from skillbridge.experts.models import ExpertProfile, Skill
from skillbridge.experts.selectors import matchable_experts
from skillbridge.pairing.models import Need, PairDecision, Pairing, TrainingRequest
from skillbridge.people.models import Organisation, User
from skillbridge.programmes.models import Programme, Sector

LANGUAGE_CODES = frozenset(code for code, _name in LANGUAGE_CHOICES)


def _check_need(
    *,
    programme: Programme,
    sector: Sector | None,
    languages: list[str],
    modality: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    seats: int,
) -> None:
    errors = {}
    if sector is not None and not programme.sectors.filter(pk=sector.pk).exists():
        errors["sector"] = _("This programme does not fund that sector.")
    unknown = sorted(set(languages) - LANGUAGE_CODES)
    if unknown:
        errors["languages"] = _("Unknown language code: %(codes)s.") % {"codes": ", ".join(unknown)}
    if modality not in Need.Modality.values:
        errors["modality"] = _("Choose on site or remote.")
    if ends_on < starts_on:
        errors["ends_on"] = _("The end must not be before the start.")
    if seats < 1:
        errors["seats"] = _("At least one professional is needed.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def need_create(
    *,
    actor: User,
    programme: Programme,
    proposal: Proposal | None = None,
    training_request: TrainingRequest | None = None,
    sector: Sector | None,
    skills: Iterable[Skill] = (),
    languages: list[str],
    modality: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    seats: int = 1,
    text: str = "",
) -> Need:
    """State what a funded project or a training request needs. Audited.

    A project must be a selected proposal of the programme; a request, one of
    the programme's training requests.
    """
    if (proposal is None) == (training_request is None):
        raise ValidationError({"__all__": _("A need belongs to one project or one request.")})
    if proposal is not None and (
        proposal.call.programme_id != programme.pk or proposal.state != Proposal.State.SELECTED
    ):
        raise ValidationError({"__all__": _("Only a funded (selected) project states needs.")})
    if training_request is not None and training_request.programme_id != programme.pk:
        raise ValidationError({"__all__": _("This request belongs to another programme.")})
    languages = sorted(set(languages))
    _check_need(
        programme=programme,
        sector=sector,
        languages=languages,
        modality=modality,
        starts_on=starts_on,
        ends_on=ends_on,
        seats=seats,
    )
    need = Need.objects.create(
        programme=programme,
        proposal=proposal,
        training_request=training_request,
        sector=sector,
        languages=languages,
        modality=modality,
        starts_on=starts_on,
        ends_on=ends_on,
        seats=seats,
        text=text.strip(),
    )
    need.skills.set(list(skills))
    audit_record(actor=actor, action="need.create", target=need, after=str(need))
    return need


@transaction.atomic
def need_update(
    *,
    actor: User,
    need: Need,
    sector: Sector | None,
    skills: Iterable[Skill] = (),
    languages: list[str],
    modality: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    seats: int,
    text: str = "",
) -> Need:
    """Change a need. Seats cannot drop below those already taken. Audited."""
    need = Need.objects.select_for_update(of=("self",)).get(pk=need.pk)
    languages = sorted(set(languages))
    _check_need(
        programme=need.programme,
        sector=sector,
        languages=languages,
        modality=modality,
        starts_on=starts_on,
        ends_on=ends_on,
        seats=seats,
    )
    taken = need.pairings.filter(state__in=Pairing.SEAT_STATES).count()
    if seats < taken:
        raise ValidationError(
            {"seats": _("%(taken)s professionals are already paired.") % {"taken": taken}}
        )
    need.sector = sector
    need.languages = languages
    need.modality = modality
    need.starts_on = starts_on
    need.ends_on = ends_on
    need.seats = seats
    need.text = text.strip()
    need.save()
    need.skills.set(list(skills))
    audit_record(actor=actor, action="need.update", target=need, after=str(need))
    return need


@transaction.atomic
def training_request_create(
    *, actor: User, programme: Programme, college: Organisation, title: str, text: str = ""
) -> TrainingRequest:
    """Record a college's training request; its needs are stated next. Audited."""
    errors = {}
    if not programme.colleges.filter(pk=college.pk).exists():
        errors["college"] = _("This college does not take part in the programme.")
    if not title.strip():
        errors["title"] = _("Give the request a title.")
    if errors:
        raise ValidationError(errors)
    request = TrainingRequest.objects.create(
        programme=programme,
        college=college,
        title=title.strip(),
        text=text.strip(),
        created_by=actor,
    )
    audit_record(actor=actor, action="training_request.create", target=request, after=request.title)
    return request


@transaction.atomic
def decision_set(*, actor: User, need: Need, expert: ExpertProfile, kind: str) -> PairDecision:
    """Lock or forbid a pair for every later run (replacing an earlier decision). Audited."""
    if kind not in PairDecision.Kind.values:
        raise ValidationError({"kind": _("Choose lock or forbid.")})
    if expert.programme_id != need.programme_id:
        raise ValidationError({"expert": _("This professional is not in the programme.")})
    # A lock forces the pair into every later run, so it must name someone the engine may
    # propose: approved, claimed, and with current consent. A forbid only removes a pair.
    if (
        kind == PairDecision.Kind.LOCK
        and not matchable_experts(need.programme).filter(pk=expert.pk).exists()
    ):
        raise ValidationError(
            {"expert": _("This professional can no longer be matched (profile or consent).")}
        )
    decision, _created = PairDecision.objects.update_or_create(
        need=need, expert=expert, defaults={"kind": kind, "created_by": actor}
    )
    audit_record(actor=actor, action=f"pair.{kind}", target=decision, after=kind)
    return decision


@transaction.atomic
def decision_remove(*, actor: User, decision: PairDecision) -> None:
    """Drop a lock or a forbid: later runs decide the pair freely again. Audited."""
    audit_record(actor=actor, action="pair.undecide", target=decision, before=decision.kind)
    decision.delete()
