"""Changing a programme's main language, which moves its calls' texts (calls.models.texts).

The columns hold the main language's text. When the main language changes, each
call's and criterion's text in the new language becomes the column, and the old
column becomes a translation in the old language. A field without text in the new
language keeps its column and gets no translation: every reader sees what they saw
before, and the call's page of missing translations names the field, so the officer
finds it. A field whose new texts would break the call (two documents or criteria
named alike, a document name too long for an attachment's kind) also stays as it was.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from skillbridge.calls.models import Attachment, Call, RubricCriterion
from skillbridge.calls.models.texts import Translated, filled, site_languages
from skillbridge.calls.questions import OTHER_DOCUMENT
from skillbridge.common.services import audit_record
from skillbridge.people.models import User
from skillbridge.programmes.models import Programme


@transaction.atomic
def programme_main_language_set(
    *, actor: User | None, programme: Programme, language: str
) -> Programme:
    """Make `language` the programme's main language and move every call's texts to it.

    Locks the programme, then per call and criterion swaps the texts (module docstring),
    renames the attachments after their document's new name, saves, and audits once with
    the number of rows moved. Setting the current main language changes nothing.
    """
    if language not in site_languages():
        raise ValidationError({"main_language": _("Choose one of the site's languages.")})
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    old = programme.main_language
    if language == old:
        return programme
    calls = list(Call.objects.select_for_update().filter(programme=programme).order_by("pk"))
    criteria = list(
        RubricCriterion.objects.select_for_update().filter(call__in=calls).order_by("pk")
    )
    for call in calls:
        renamed = _swap(call, old, language, _documents_fit)
        _rename_attachments(call, renamed.get("required_documents"))
    by_call: dict[int, list[RubricCriterion]] = {}
    for criterion in criteria:
        by_call.setdefault(criterion.call_id, []).append(criterion)
    for siblings in by_call.values():
        _swap_criteria(siblings, old, language)
    Call.objects.bulk_update(calls, [*Call.TRANSLATED_FIELDS, "translations"])
    RubricCriterion.objects.bulk_update(
        criteria, [*RubricCriterion.TRANSLATED_FIELDS, "translations"]
    )
    programme.main_language = language
    programme.save(update_fields=["main_language"])
    audit_record(
        actor=actor,
        action="programme.main_language_set",
        target=programme,
        before=old,
        after=language,
        data={"calls": len(calls), "criteria": len(criteria)},
    )
    return programme


def _swap(row: Translated, old: str, new: str, fits=lambda field, value: True) -> dict:
    """Swap the row's texts in place; returns {field: (old column, new column)} swapped."""
    translations = {code: dict(texts) for code, texts in (row.translations or {}).items()}
    incoming = translations.pop(new, {})
    outgoing: dict = {}
    swapped: dict = {}
    for field in row.TRANSLATED_FIELDS:
        column = getattr(row, field)
        if not filled(incoming.get(field)):
            continue
        text = row.text(field, new)  # item by item, the column fills the gaps
        if not fits(field, text):
            continue
        if filled(column):
            outgoing[field] = column
        setattr(row, field, text)
        swapped[field] = (column, text)
    if outgoing:
        translations[old] = outgoing
    row.translations = translations
    return swapped


def _documents_fit(field: str, value) -> bool:
    if field != "required_documents":
        return True
    longest = Attachment._meta.get_field("kind").max_length
    return (
        len(set(value)) == len(value)
        and OTHER_DOCUMENT not in value
        and all(len(name) <= longest for name in value)
    )


def _rename_attachments(call: Call, documents: tuple[list, list] | None) -> None:
    # An attachment's kind is its document's name in the main language (calls.models.texts).
    if documents is None:
        return
    before, after = documents
    for old_name, new_name in zip(before, after, strict=True):
        if old_name != new_name:
            Attachment.objects.filter(proposal__call=call, kind=old_name).update(kind=new_name)


def _swap_criteria(criteria: list[RubricCriterion], old: str, new: str) -> None:
    """Swap a call's criteria; their names stay if the new ones would not be unique."""
    names = [criterion.text("name", new) for criterion in criteria]
    unique = len(set(names)) == len(names)
    for criterion in criteria:
        _swap(criterion, old, new, lambda field, _value: unique or field != "name")
