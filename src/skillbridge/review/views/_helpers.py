"""Small pieces the review views share."""

from django.core.exceptions import ValidationError

from skillbridge.calls.models import Call
from skillbridge.common.permissions import require
from skillbridge.review import selectors


def officer_call(request, pk: int) -> Call:
    """The call whose review the officer runs: 404 to outsiders, 403 to other members."""
    call = selectors.call_for_member(request.user, pk)
    require(request.user, "review.manage_call", call)
    return call


def errors_to_form(form, error: ValidationError) -> None:
    """Show a service's ValidationError at the form's fields (or above the form)."""
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)
