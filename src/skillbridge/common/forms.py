"""What every form of the site shares."""

from django import forms
from django.core.exceptions import ValidationError

from skillbridge.common.multilingual import unaccented


def show_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's ValidationError at the fields it names, or above the form.

    Services name the fields of their own keyword arguments; an error about a
    name the form does not have (or about no field at all) is shown above the
    form, in the error summary.
    """
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, messages in error.message_dict.items():
        form.add_error(name if name in form.fields else None, messages)


def by_label(field: forms.ModelChoiceField) -> None:
    """Offer a reference list (sectors, skills) in the order of its labels in the reader's language.

    Those rows are ordered by their English name; a reader scans them in their own.
    """
    empty = [] if field.empty_label is None else [("", field.empty_label)]
    field.choices = empty + sorted(
        ((item.pk, item.label) for item in field.queryset), key=lambda c: unaccented(c[1])
    )
