from django.urls import reverse

from skillbridge.common.access import PERSONAL_DATA_READ
from skillbridge.common.models import AuditEntry, OutboxMessage
from tests.factories import ProgrammeFactory, UserFactory


def test_officers_see_their_programme_mail(client, officer, programme):
    OutboxMessage.objects.create(
        to="amani@example.org",
        subject="Proposal received",
        body="…",
        language="en",
        programme=programme,
    )
    client.force_login(officer)
    page = client.get(reverse("portal:outbox")).content.decode()
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
    page = client.get(reverse("portal:outbox")).content.decode()
    assert "Other programme" not in page
    assert "Reset your password" not in page


def test_members_without_the_officer_role_are_refused(client, applicant, finance):
    for person in (applicant, finance):
        client.force_login(person)
        assert client.get(reverse("portal:outbox")).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get(reverse("portal:outbox"))
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
    # A first read warms the content-type cache that the access log uses; whether it is warm
    # already depends on which tests ran before, and that is not what this test measures.
    client.get(reverse("portal:outbox"))
    # 5 to read, 3 to write the access log entry (savepoint, insert, release).
    with django_assert_num_queries(8) as one:
        client.get(reverse("portal:outbox"))
    add(40)
    with django_assert_num_queries(len(one.captured_queries)):
        client.get(reverse("portal:outbox"))


def test_pages_keep_the_other_query_parameters(client, officer, programme):
    for i in range(51):
        OutboxMessage.objects.create(
            to=f"p{i}@example.org", subject="s", body="b", language="en", programme=programme
        )
    client.force_login(officer)
    page = client.get(reverse("portal:outbox") + "?kind=x").content.decode()
    assert 'href="?kind=x&amp;page=2"' in page


def test_reading_the_outbox_is_in_the_access_log(client, officer, programme):
    messages = [
        OutboxMessage.objects.create(
            to=f"person{i}@example.org",
            subject="Hello",
            body="…",
            language="en",
            programme=programme,
        )
        for i in range(2)
    ]
    client.force_login(officer)
    client.get(reverse("portal:outbox"))
    [entry] = AuditEntry.objects.filter(action=PERSONAL_DATA_READ)
    assert (entry.actor, entry.data["what"], entry.data["via"], entry.data["count"]) == (
        officer,
        "outbox",
        "web",
        2,
    )
    assert sorted(entry.data["ids"]) == sorted(str(m.pk) for m in messages)


def test_reading_mail_in_the_admin_site_is_in_the_access_log(client, programme):
    message = OutboxMessage.objects.create(
        to="p@example.org", subject="Hi", body="…", language="en", programme=programme
    )
    client.force_login(UserFactory(email="root@example.org", is_staff=True, is_superuser=True))
    assert client.get(reverse("admin:common_outboxmessage_changelist")).status_code == 200
    change = reverse("admin:common_outboxmessage_change", args=[message.pk])
    assert client.get(change).status_code == 200
    entries = AuditEntry.objects.filter(action=PERSONAL_DATA_READ).order_by("pk")
    assert [(e.data["what"], e.data["via"], e.data["ids"]) for e in entries] == [
        ("admin list", "admin", [str(message.pk)]),
        ("record", "admin", [str(message.pk)]),
    ]
