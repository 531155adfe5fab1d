"""What every form of the site shares."""

from django import forms
from django.core.exceptions import ValidationError


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
