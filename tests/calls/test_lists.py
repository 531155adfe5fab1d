"""The proposal lists: officers see all, coordinators their college; fixed query count."""

import csv
import io

from django.urls import reverse
from openpyxl import load_workbook

from skillbridge.common.models import ExportJob
from tests.calls.factories import ProposalFactory, TeamMemberFactory


def listed(client, **params):
    response = client.get(reverse("calls:proposal_list"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_officers_see_every_college_and_filter_by_state_and_college(
    client, officer, draft, call, other_college, other_applicant
):
    ProposalFactory(
        call=call,
        college=other_college,
        lead=other_applicant,
        title="Huye biogas",
        state="submitted",
    )
    client.force_login(officer)
    page = listed(client)
    assert draft.title in page
    assert "Huye biogas" in page
    assert draft.title not in listed(client, state="submitted")
    assert "Huye biogas" not in listed(client, college=draft.college_id)


def test_coordinators_see_their_college_only(
    client, coordinator, draft, call, other_college, other_applicant
):
    ProposalFactory(call=call, college=other_college, lead=other_applicant, title="Huye biogas")
    client.force_login(coordinator)
    page = listed(client)
    assert draft.title in page
    assert "Huye biogas" not in page
    exported = client.get(reverse("calls:proposal_list"), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert [row[1] for row in rows[1:]] == [draft.title]


def test_the_export_counts_the_team_by_sex(client, officer, draft, member):
    client.force_login(officer)
    exported = client.get(reverse("calls:proposal_list"), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Number", "Title", "Call"]
    assert rows[1][7:10] == ["2", "1", "5000000"]


def test_the_xlsx_is_built_in_the_background_with_the_readers_filters(
    client, coordinator, draft, call, other_college, other_applicant
):
    ProposalFactory(call=call, college=other_college, lead=other_applicant, title="Huye biogas")
    client.force_login(coordinator)
    response = client.get(reverse("calls:proposal_list"), {"export": "xlsx", "call": call.pk})
    job = ExportJob.objects.latest("pk")
    assert response["Location"] == job.get_absolute_url()
    assert (job.owner, job.state, job.filename) == (coordinator, "done", "proposals.xlsx")
    assert job.params["filters"] == {"call": call.pk}
    with job.file.open("rb") as stored:
        values = list(load_workbook(io.BytesIO(stored.read())).active.values)
    # The coordinator's file holds their college's proposals only, like their page.
    assert [row[1] for row in values[1:]] == [draft.title]


def test_applicants_and_outsiders_are_refused(client, applicant, outsider):
    for person in (applicant, outsider):
        client.force_login(person)
        assert client.get(reverse("calls:proposal_list")).status_code == 403


def test_the_list_runs_a_fixed_number_of_queries(
    client,
    officer,
    call,
    college,
    django_assert_num_queries,
    django_assert_max_num_queries,
):
    def add(n):
        for _ in range(n):
            proposal = ProposalFactory(call=call, college=college)
            TeamMemberFactory(proposal=proposal)

    client.force_login(officer)
    add(1)
    with django_assert_max_num_queries(12) as one:
        listed(client)
    add(49)
    with django_assert_num_queries(len(one.captured_queries)):
        page = listed(client)
    assert "50 proposals" in page
