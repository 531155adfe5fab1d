"""Issue 17: grant lists paginate, read only their columns, and run a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from skillbridge.grants.selectors import envelope_of, grants_for
from skillbridge.grants.services import amendments, awards
from tests.factories import CollegeFactory, UserFactory
from tests.grants.factories import award, selected_proposal

pytestmark = pytest.mark.django_db


def _more_grants(programme, officer, count):
    for _index in range(count):
        lead = UserFactory()
        grant = award(
            selected_proposal(programme=programme, college=CollegeFactory(), lead=lead), officer
        )
        awards.grant_accept_agreement(actor=lead, grant=grant)
        amendments.amendment_request(
            actor=lead,
            grant=grant,
            kind="extension",
            reason="Later.",
            changes={"ends_on": "2027-06-30"},
        )


def _counts(client, urls):
    counts = []
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    return counts


def test_grant_lists_and_the_amendments_page_make_a_fixed_number_of_queries(
    client, officer, applicant, running_grant, programme
):
    amendments.amendment_request(
        actor=applicant,
        grant=running_grant,
        kind="extension",
        reason="Later.",
        changes={"ends_on": "2027-06-30"},
    )
    urls = [
        "/grants/",
        f"/grants/programme/{programme.slug}/",
        f"/grants/{running_grant.pk}/amendments/",
    ]
    client.force_login(officer)
    before = _counts(client, urls)
    _more_grants(programme, officer, 5)
    assert _counts(client, urls) == before


def test_the_list_pages_fifty_grants_at_a_time(client, officer, running_grant, programme):
    _more_grants(programme, officer, 50)
    client.force_login(officer)
    page = client.get(f"/grants/programme/{programme.slug}/").context["page"]
    assert (len(page.object_list), page.paginator.count) == (50, 51)
    assert "snapshot" in page.object_list[0].proposal.get_deferred_fields()


def test_a_team_member_sees_their_grant_once_without_distinct(applicant, running_grant):
    visible = grants_for(applicant)
    assert list(visible) == [running_grant]
    assert "DISTINCT" not in str(visible.query)


def test_the_envelope_is_summed_to_the_cent(officer, running_grant, programme):
    # 10,000,000 RWF at 1,500 RWF per EUR.
    assert str(envelope_of(programme).committed_eur) == "6666.67"


def test_the_programmes_page_lists_awaiting_proposals_without_their_texts(
    client, officer, running_grant, programme
):
    waiting = selected_proposal(programme=programme, college=CollegeFactory(), lead=UserFactory())
    client.force_login(officer)
    response = client.get(f"/grants/programme/{programme.slug}/")
    (listed,) = response.context["awaiting"]
    assert listed == waiting
    assert {"snapshot", "answer_versions", "problem"} <= listed.get_deferred_fields()
    assert f"/grants/programme/{programme.slug}/award/{waiting.pk}/" in response.content.decode()


def test_each_listed_grant_carries_its_states_label(client, officer, running_grant, programme):
    client.force_login(officer)
    for url in ("/grants/", f"/grants/programme/{programme.slug}/"):
        (grant,) = client.get(url).context["page"].object_list
        assert grant.state_label == running_grant.get_state_display()
