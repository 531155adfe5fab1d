"""No lost place: sign-up and email confirmation bring a newcomer back where they were going."""

import re

from django.urls import reverse

from skillbridge.common.models import OutboxMessage


def confirmation_link(email):
    """The link in the confirmation mail, read from the outbox (it is sent after commit)."""
    message = OutboxMessage.objects.filter(to=email).latest("created_at")
    return re.search(r"/accounts/confirm-email/[^/\s]+/", message.body).group(0)


def sign_up(client, email, next_url):
    password = "a-long-enough-password-42"
    data = {"email": email, "password1": password, "password2": password, "next": next_url}
    return client.post(reverse("account_signup"), data)


def test_confirming_the_address_signs_in_and_returns_to_the_start_of_a_proposal(client, call, db):
    start = reverse("calls:proposal_start", args=[call.pk])
    sign_up(client, "nadia@example.org", start)
    link = confirmation_link("nadia@example.org")
    response = client.post(link)
    assert response.status_code == 302
    assert response["Location"] == start
    page = client.get(start)
    assert page.status_code == 200
    assert page.wsgi_request.user.email == "nadia@example.org"


def test_the_call_page_starts_a_newcomer_with_sign_up_and_keeps_the_way_back(client, call):
    page = client.get(reverse("calls:call_detail", args=[call.pk])).content.decode()
    start = reverse("calls:proposal_start", args=[call.pk])
    signup = f"{reverse('account_signup')}?next={start.replace('/', '%2F')}"
    assert signup in page
    assert f"{reverse('account_login')}?next={start.replace('/', '%2F')}" in page
    # The button comes before the call's long text, so a phone shows it on the first screen.
    assert page.index(signup) < page.index(call.description[:20])


def test_a_signed_in_applicant_goes_straight_to_the_start_form(client, call, applicant):
    client.force_login(applicant)
    page = client.get(reverse("calls:call_detail", args=[call.pk])).content.decode()
    assert f'href="{reverse("calls:proposal_start", args=[call.pk])}"' in page
    assert reverse("account_signup") not in page.split("<main", 1)[1]
