"""The API's one error format, for every endpoint.

Services refuse with Django's ValidationError, a message per field and
"__all__" for the request as a whole. Endpoints let it rise; this handler
(REST_FRAMEWORK["EXCEPTION_HANDLER"]) answers it as DRF answers its own
serializers' errors: a JSON object of lists of messages per field, the
whole request's under "non_field_errors". A refusal because of what is
already stored (a payment the ledger cannot take) answers 409, any other 400.
"""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from skillbridge.grants.services.payments import PaymentRefused

# Services' refusals that conflict with stored state rather than with the request.
CONFLICTS = (PaymentRefused,)


class Conflict(exceptions.APIException):
    """409 with a message per field: the request clashes with what is stored."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = _("This clashes with what is already stored.")
    default_code = "conflict"


def messages_by_field(error: DjangoValidationError) -> dict[str, list[str]]:
    """A service's refusal as lists of messages per field, the request's own under DRF's key."""
    if not hasattr(error, "error_dict"):
        return {api_settings.NON_FIELD_ERRORS_KEY: error.messages}
    messages = dict(error.message_dict)
    if NON_FIELD_ERRORS in messages:
        whole = messages.pop(NON_FIELD_ERRORS)
        messages.setdefault(api_settings.NON_FIELD_ERRORS_KEY, []).extend(whole)
    return messages


def exception_handler(exc, context):
    """DRF's handler, which also answers a service's ValidationError in the API's format."""
    if isinstance(exc, DjangoValidationError):
        refusal = Conflict if isinstance(exc, CONFLICTS) else exceptions.ValidationError
        exc = refusal(messages_by_field(exc))
    return drf_exception_handler(exc, context)
