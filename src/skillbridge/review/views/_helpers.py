"""Small pieces the review views share."""

from django.core.exceptions import ValidationError


def errors_to_form(form, error: ValidationError) -> None:
    """Show a service's ValidationError at the form's fields (or above the form)."""
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)
