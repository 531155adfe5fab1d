"""The API's one error format: a service's refusal as lists of messages per field."""

from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import path
from rest_framework.test import APIClient
from rest_framework.views import APIView

from skillbridge.api.exceptions import messages_by_field
from skillbridge.grants.services.payments import PaymentRefused


def test_field_messages_keep_their_field():
    error = ValidationError({"amount": "Too much.", "reference": ["Empty.", "Too short."]})
    assert messages_by_field(error) == {
        "amount": ["Too much."],
        "reference": ["Empty.", "Too short."],
    }


def test_the_whole_requests_messages_go_under_non_field_errors():
    error = ValidationError({"__all__": "The deadline passed.", "title": "Too long."})
    assert messages_by_field(error) == {
        "title": ["Too long."],
        "non_field_errors": ["The deadline passed."],
    }


def test_a_message_without_a_field_goes_under_non_field_errors():
    assert messages_by_field(ValidationError(["Closed.", "Late."])) == {
        "non_field_errors": ["Closed.", "Late."]
    }


class Refusing(APIView):
    authentication_classes: list = []
    permission_classes: list = []
    refusal: Exception = ValidationError("")

    def post(self, request):
        raise self.refusal


urlpatterns = [
    path(
        "refuse/",
        Refusing.as_view(refusal=ValidationError({"__all__": "Closed.", "title": "Missing."})),
    ),
    path("ledger/", Refusing.as_view(refusal=PaymentRefused({"amount": "Over the tranche."}))),
]


@override_settings(ROOT_URLCONF=__name__)
def test_a_services_refusal_answers_400_in_the_apis_format():
    response = APIClient().post("/refuse/")
    assert response.status_code == 400
    assert response.json() == {"title": ["Missing."], "non_field_errors": ["Closed."]}


@override_settings(ROOT_URLCONF=__name__)
def test_a_refusal_by_the_ledger_answers_409():
    response = APIClient().post("/ledger/")
    assert response.status_code == 409
    assert response.json() == {"amount": ["Over the tranche."]}
