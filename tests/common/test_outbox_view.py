from django.urls import reverse

from skillbridge.common.models import OutboxMessage
from tests.factories import ProgrammeFactory


def test_officers_see_their_programme_mail(client, officer, programme):
    OutboxMessage.objects.create(
        to="amani@example.org",
        subject="Proposal received",
        body="…",
        language="en",
        programme=programme,
    )
    client.force_login(officer)
    page = client.get(reverse("common:outbox")).content.decode()
    assert "Proposal received" in page


def test_officers_never_see_other_programmes_or_account_mail(client, officer):
    OutboxMessage.objects.create(
        to="x@example.org",
        subject="Other programme",
        body="…",
        language="en",
        programme=ProgrammeFactory(),
    )
    OutboxMessage.objects.create(
        to="x@example.org", subject="Reset your password", body="secret link", language="en"
    )
    client.force_login(officer)
    page = client.get(reverse("common:outbox")).content.decode()
    assert "Other programme" not in page
    assert "Reset your password" not in page


def test_members_without_the_officer_role_are_refused(client, applicant, finance):
    for person in (applicant, finance):
        client.force_login(person)
        assert client.get(reverse("common:outbox")).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get(reverse("common:outbox"))
    assert response.status_code == 302


def test_the_outbox_runs_a_fixed_number_of_queries(
    client, officer, programme, django_assert_num_queries
):
    def add(n):
        for i in range(n):
            OutboxMessage.objects.create(
                to=f"p{i}@example.org", subject="s", body="b", language="en", programme=programme
            )

    client.force_login(officer)
    add(1)
    with django_assert_num_queries(5) as one:
        client.get(reverse("common:outbox"))
    add(40)
    with django_assert_num_queries(len(one.captured_queries)):
        client.get(reverse("common:outbox"))


def test_pages_keep_the_other_query_parameters(client, officer, programme):
    for i in range(51):
        OutboxMessage.objects.create(
            to=f"p{i}@example.org", subject="s", body="b", language="en", programme=programme
        )
    client.force_login(officer)
    page = client.get(reverse("common:outbox") + "?kind=x").content.decode()
    assert 'href="?kind=x&amp;page=2"' in page
