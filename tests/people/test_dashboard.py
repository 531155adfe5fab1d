import pytest
from django.urls import reverse

from skillbridge.common.models import AuditEntry


@pytest.mark.parametrize(
    ("persona", "heading", "next_step"),
    [
        ("officer", "Programme officer", "Open a call"),
        ("finance", "Finance officer", "Pay the tranches"),
        ("coordinator", "College coordinator", "Confirm that the members of each team belong to"),
        ("reviewer", "Reviewer", "Declare any conflict of interest"),
        ("applicant", "Applicant", "Start a proposal"),
        ("expert", "Diaspora professional", "Keep your profile"),
        ("donor", "Donor viewer", "Follow the programme's results"),
    ],
)
def test_it_shows_each_role_what_to_do_next(client, request, persona, heading, next_step):
    client.force_login(request.getfixturevalue(persona))
    page = client.get(reverse("dashboard")).content.decode()
    assert heading in page
    assert next_step in page


def test_a_person_without_a_role_is_told_how_to_get_one(client, outsider):
    client.force_login(outsider)
    page = client.get(reverse("dashboard")).content.decode()
    assert "You have no role in a programme yet" in page
    assert reverse("experts:register") in page
    assert reverse("calls:open_calls") in page


def test_the_dashboard_asks_anonymous_visitors_to_sign_in(client, db):
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_navigation_depends_on_roles(client, officer, applicant):
    client.force_login(officer)
    assert "Mail outbox" in client.get(reverse("dashboard")).content.decode()
    client.force_login(applicant)
    assert "Mail outbox" not in client.get(reverse("dashboard")).content.decode()


def test_a_person_can_change_their_name_and_language(client, applicant):
    client.force_login(applicant)
    response = client.post(
        reverse("people:account"),
        {"full_name": "  Amani Uwase ", "preferred_language": "rw"},
        follow=True,
    )
    applicant.refresh_from_db()
    assert (applicant.full_name, applicant.preferred_language) == ("Amani Uwase", "rw")
    assert response.status_code == 200
    assert AuditEntry.objects.filter(action="account.details_changed").count() == 1


def test_a_bad_language_is_refused_at_the_field_and_changes_nothing(client, applicant):
    client.force_login(applicant)
    before = applicant.full_name
    response = client.post(
        reverse("people:account"), {"full_name": "Someone Else", "preferred_language": "xx"}
    )
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    applicant.refresh_from_db()
    assert applicant.full_name == before
    assert not AuditEntry.objects.exists()
