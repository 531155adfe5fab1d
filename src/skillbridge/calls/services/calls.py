"""Opening and editing calls, with their rubric and required documents."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from skillbridge.calls.models import Call, RubricCriterion
from skillbridge.calls.models.texts import site_languages
from skillbridge.calls.questions import OTHER_DOCUMENT
from skillbridge.calls.states import REVIEW_BEGUN
from skillbridge.common.services import audit_record
from skillbridge.people.models import User
from skillbridge.programmes.models import Programme

CALL_FIELDS = [
    "title",
    "description",
    "opens_at",
    "closes_at",
    "max_grant_rwf",
    "awards_planned",
    "reviews_per_proposal",
    "is_published",
]
# Planned dates, optional: a caller that leaves them out keeps them empty.
PLANNED_DATES = ["eligibility_by", "reviews_by", "decisions_by"]
LEVELS = [str(level) for level in range(1, 6)]


def _values_errors(values: dict) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if values["closes_at"] <= values["opens_at"]:
        errors["closes_at"] = [_("The call must close after it opens.")]
    if values["max_grant_rwf"] <= 0:
        errors["max_grant_rwf"] = [_("Enter a maximum grant above zero.")]
    if values["awards_planned"] < 1:
        errors["awards_planned"] = [_("Plan at least one award.")]
    if values["reviews_per_proposal"] < 1:
        errors["reviews_per_proposal"] = [_("Ask for at least one review per proposal.")]
    errors.update(_planned_dates_errors(values))
    return errors


def _planned_dates_errors(values: dict) -> dict[str, list[str]]:
    """Each planned date comes after the deadline and after the step before it."""
    errors: dict[str, list[str]] = {}
    earlier = values["closes_at"].date()
    for name in PLANNED_DATES:
        planned = values.get(name)
        if planned is None:
            continue
        if planned < earlier:
            errors[name] = [_("Choose a date after the deadline and the step before.")]
        earlier = planned
    return errors


def _scope_errors(programme: Programme, sectors, colleges, documents) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not sectors:
        errors["sectors"] = [_("Choose at least one sector.")]
    elif any(s not in set(programme.sectors.all()) for s in sectors):
        errors["sectors"] = [_("Choose sectors of this programme.")]
    if any(c not in set(programme.colleges.all()) for c in colleges):
        errors["eligible_colleges"] = [_("Choose colleges of this programme.")]
    if len(set(documents)) != len(documents) or OTHER_DOCUMENT in documents:
        errors["required_documents"] = [_("Name each required document once.")]
    return errors


def _criteria_errors(criteria: list[dict]) -> list[str]:
    errors: list[str] = []
    if not criteria:
        errors.append(_("Add at least one rubric criterion."))
    names = [c["name"].strip() for c in criteria]
    if len(set(names)) != len(names):
        errors.append(_("Give each criterion a different name."))
    for criterion in criteria:
        if not criterion["name"].strip():
            errors.append(_("Name every criterion."))
        if criterion["weight"] is None or criterion["weight"] <= Decimal(0):
            errors.append(_("Give %(name)s a weight above zero.") % {"name": criterion["name"]})
        if any(not (criterion["levels"].get(level) or "").strip() for level in LEVELS):
            errors.append(_("Describe all five levels of %(name)s.") % {"name": criterion["name"]})
    return errors


def _check(
    programme: Programme, values: dict, sectors, colleges, documents, criteria, translations
) -> None:
    errors = {
        **_values_errors(values),
        **_scope_errors(programme, sectors, colleges, documents),
        **_translations_errors(translations, documents),
    }
    if criteria_errors := _criteria_errors(criteria):
        errors["criteria"] = criteria_errors
    if errors:
        raise ValidationError(errors)


def _clean_text(value):
    if isinstance(value, list):
        items = [item.strip() if isinstance(item, str) else "" for item in value]
        while items and not items[-1]:
            items.pop()
        return items if any(items) else None
    if isinstance(value, dict):
        levels = {k: v.strip() for k, v in value.items() if k in LEVELS and isinstance(v, str)}
        return {k: v for k, v in levels.items() if v} or None
    return value.strip() or None if isinstance(value, str) else None


def clean_translations(programme: Programme, translations: dict | None, fields) -> dict:
    """Only the programme's other languages and the translated `fields`; empty texts dropped
    (so a reader falls back to the main language), and nothing for the main language, whose
    text is the column itself."""
    cleaned: dict[str, dict] = {}
    for language in site_languages():
        if language == programme.main_language:
            continue
        texts = (translations or {}).get(language) or {}
        kept = {field: _clean_text(texts.get(field)) for field in fields}
        if kept := {field: value for field, value in kept.items() if value is not None}:
            cleaned[language] = kept
    return cleaned


def _translations_errors(translations: dict, documents: list[str]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for language, texts in translations.items():
        if len(texts.get("required_documents", [])) > len(documents):
            errors[f"required_documents_{language}"] = [
                _("Give at most one name per document required, in the same order.")
            ]
    return errors


def _write_rubric(call: Call, criteria: list[dict]) -> None:
    existing = {c.pk: c for c in call.criteria.all()}
    keep = []
    for position, data in enumerate(criteria, start=1):
        criterion = existing.get(data.get("id")) or RubricCriterion(call=call)
        if "translations" in data:
            criterion.translations = _criterion_translations(call, data)
        criterion.name = data["name"].strip()
        criterion.description = data.get("description", "").strip()
        criterion.weight = data["weight"]
        criterion.levels = {level: data["levels"][level].strip() for level in LEVELS}
        criterion.position = position
        keep.append(criterion)
    # Delete first: a renamed criterion may take a removed one's name.
    call.criteria.exclude(pk__in=[c.pk for c in keep if c.pk]).delete()
    for criterion in keep:
        criterion.save()


def _criterion_translations(call: Call, data: dict) -> dict:
    return clean_translations(
        call.programme, data["translations"], RubricCriterion.TRANSLATED_FIELDS
    )


def _translate_frozen_rubric(call: Call, criteria: list[dict]) -> None:
    """Once review has begun the rubric is frozen, but its translations may still come:
    they change how a criterion reads in another language, not what it means."""
    existing = {c.pk: c for c in call.criteria.all()}
    for data in criteria:
        criterion = existing.get(data.get("id"))
        if criterion is not None and "translations" in data:
            criterion.translations = _criterion_translations(call, data)
            criterion.save(update_fields=["translations"])


@transaction.atomic
def call_create(
    *,
    actor: User,
    programme: Programme,
    values: dict,
    sectors: list,
    colleges: list,
    required_documents: list[str],
    criteria: list[dict],
    translations: dict | None = None,
) -> Call:
    """Open a call in `programme` with its rubric (criteria, weights, five levels each).

    `translations` ({language: {field: text}}) and each criterion's "translations" give
    the texts in the programme's other languages (calls.models.texts). Checks every value
    first, so a refused call writes nothing. Audited.
    """
    translations = clean_translations(programme, translations, Call.TRANSLATED_FIELDS)
    _check(programme, values, sectors, colleges, required_documents, criteria, translations)
    call = Call.objects.create(
        programme=programme,
        required_documents=required_documents,
        translations=translations,
        **{f: values[f] for f in CALL_FIELDS},
        **{f: values.get(f) for f in PLANNED_DATES},
    )
    call.sectors.set(sectors)
    call.eligible_colleges.set(colleges)
    _write_rubric(call, criteria)
    audit_record(
        actor=actor,
        action="call.created",
        target=call,
        after="published" if call.is_published else "unpublished",
    )
    return call


@transaction.atomic
def call_update(
    *,
    actor: User,
    call: Call,
    values: dict,
    sectors: list,
    colleges: list,
    required_documents: list[str],
    criteria: list[dict],
    translations: dict | None = None,
) -> Call:
    """Change a call. The rubric is frozen once review has begun, its translations not.

    `translations` None keeps the call's; so does a criterion without "translations".
    Audited."""
    call = Call.objects.select_for_update(of=("self",)).get(pk=call.pk)
    if translations is None:
        translations = call.translations
    translations = clean_translations(call.programme, translations, Call.TRANSLATED_FIELDS)
    _check(call.programme, values, sectors, colleges, required_documents, criteria, translations)
    # Once reviewers score against the rubric, changing it would change their scores' meaning.
    rubric_frozen = call.proposals.filter(state__in=REVIEW_BEGUN).exists()
    if rubric_frozen and _rubric_changes(call, criteria):
        raise ValidationError(
            {"criteria": [_("Review has begun: the rubric can no longer change.")]}
        )
    before = "published" if call.is_published else "unpublished"
    for field in CALL_FIELDS:
        setattr(call, field, values[field])
    for field in PLANNED_DATES:
        setattr(call, field, values.get(field))
    call.required_documents = required_documents
    call.translations = translations
    call.save()
    call.sectors.set(sectors)
    call.eligible_colleges.set(colleges)
    if rubric_frozen:
        _translate_frozen_rubric(call, criteria)
    else:
        _write_rubric(call, criteria)
    audit_record(
        actor=actor,
        action="call.updated",
        target=call,
        before=before,
        after="published" if call.is_published else "unpublished",
    )
    return call


def _rubric_changes(call: Call, criteria: list[dict]) -> bool:
    current = [(c.name, c.weight, c.levels) for c in call.criteria.all().order_by("position", "id")]
    wanted = [(c["name"].strip(), c["weight"], c["levels"]) for c in criteria]
    return current != wanted
