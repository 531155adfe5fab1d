"""Show a service's ValidationError at the fields of the form that sent the input."""

from django.core.exceptions import ValidationError


def show_errors(form, error: ValidationError) -> None:
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)
