"""The call page offers "Start a proposal" exactly to the people the start view lets in."""

import datetime
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import timezone


def _offers_start(client, call) -> bool:
    page = client.get(reverse("calls:call_detail", args=[call.pk])).content.decode()
    return reverse("calls:proposal_start", args=[call.pk]) in page


@pytest.mark.parametrize(
    ("persona", "may_start"),
    [
        ("applicant", True),
        ("outsider", True),
        ("officer", False),
        ("finance", False),
        ("coordinator", False),
        ("reviewer", False),
        ("expert", False),
        ("donor", False),
    ],
)
def test_the_start_link_is_shown_to_whoever_the_start_view_lets_in(
    client, call, request, persona, may_start
):
    client.force_login(request.getfixturevalue(persona))
    status = client.get(reverse("calls:proposal_start", args=[call.pk])).status_code
    assert (status, _offers_start(client, call)) == ((200, True) if may_start else (403, False))


def test_a_visitor_who_is_not_signed_in_is_invited_to_start_and_asked_to_sign_in(client, call):
    # A newcomer starts through sign-up, which brings them back to the start (next).
    page = client.get(reverse("calls:call_detail", args=[call.pk])).content.decode()
    start = reverse("calls:proposal_start", args=[call.pk])
    assert f"{reverse('account_signup')}?next={quote(start, safe='')}" in page
    response = client.get(reverse("calls:proposal_start", args=[call.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_closed_call_offers_no_start(client, call, applicant):
    call.closes_at = timezone.now() - datetime.timedelta(days=1)
    call.save(update_fields=["closes_at"])
    client.force_login(applicant)
    assert not _offers_start(client, call)
