"""The calls and proposals API: who sees what, every action, and its refusals."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from skillbridge.calls.models import Proposal
from skillbridge.calls.questions import QUESTION_FIELDS
from skillbridge.people.models import User
from tests.calls.cast import *  # noqa: F403 - the calls cast: call, draft, member…
from tests.calls.factories import CallFactory, ProposalFactory, TeamMemberFactory


def api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_anonymous_requests_get_401(db):
    assert api().get("/api/v1/proposals/").status_code == 401
    assert api().get("/api/v1/calls/").status_code == 401


def test_calls_list_published_ones_with_their_rubric(call, applicant, programme):
    CallFactory(programme=programme, title="Draft call", is_published=False)
    response = api(applicant).get("/api/v1/calls/")
    assert response.status_code == 200
    assert [c["title"] for c in response.json()["results"]] == ["Innovation Call"]
    detail = api(applicant).get(f"/api/v1/calls/{call.pk}/").json()
    assert detail["required_documents"] == ["Letter of support from the college"]
    assert detail["criteria"][0]["name"] == "Innovation"
    assert detail["is_open"] is True


def test_a_call_gives_its_main_language_and_its_translations_beside_the_old_fields(call, applicant):
    call.translations = {"fr": {"title": "Appel à l'innovation"}}
    call.save()
    call.criteria.update(translations={"rw": {"name": "Udushya"}})
    detail = api(applicant).get(f"/api/v1/calls/{call.pk}/").json()
    assert (detail["title"], detail["main_language"]) == ("Innovation Call", "en")
    assert detail["translations"] == {"fr": {"title": "Appel à l'innovation"}}
    assert detail["criteria"][0]["name"] == "Innovation"
    assert detail["criteria"][0]["translations"] == {"rw": {"name": "Udushya"}}


def test_an_unpublished_call_is_404_except_to_its_officers(applicant, officer, programme):
    hidden = CallFactory(programme=programme, is_published=False)
    assert api(applicant).get(f"/api/v1/calls/{hidden.pk}/").status_code == 404
    assert api(officer).get(f"/api/v1/calls/{hidden.pk}/").status_code == 200


def test_each_role_sees_only_its_proposals(
    draft, applicant, coordinator, officer, other_applicant, other_coordinator, other_college
):
    huye = ProposalFactory(call=draft.call, college=other_college, lead=other_applicant)
    # Amani was on the Huye team once and was removed: she no longer sees it.
    TeamMemberFactory(proposal=huye, user=applicant, status="removed")

    def ids(user):
        return sorted(p["id"] for p in api(user).get("/api/v1/proposals/").json()["results"])

    assert ids(applicant) == [draft.pk]
    assert ids(coordinator) == [draft.pk]
    assert ids(officer) == sorted([draft.pk, huye.pk])
    assert ids(other_coordinator) == [huye.pk]
    assert api(other_applicant).get(f"/api/v1/proposals/{draft.pk}/").status_code == 404
    assert api(other_coordinator).get(f"/api/v1/proposals/{draft.pk}/").status_code == 404


def test_an_applicant_starts_changes_and_submits_a_proposal(applicant, call, college):
    created = api(applicant).post(
        "/api/v1/proposals/",
        {
            "call": call.pk,
            "title": "Bus tickets",
            "sector": "energy",
            "kind": "trainer",
            "sex": "female",
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    assert created.json()["college"] == "IPRC Kigali"

    missing = api(applicant).post(f"/api/v1/proposals/{pk}/submit/")
    assert missing.status_code == 400
    assert set(missing.json()) == {
        "summary",
        "problem",
        "solution",
        "innovation",
        "market",
        "implementation_plan",
        "requested_amount_rwf",
        "budget_lines",
        "attachments",
    }

    answers = dict.fromkeys(QUESTION_FIELDS, "Answered.")
    changed = api(applicant).patch(
        f"/api/v1/proposals/{pk}/",
        {
            **answers,
            "requested_amount_rwf": 900_000,
            "budget_lines": [
                {
                    "item": "Card readers",
                    "category": "equipment",
                    "quantity": "3",
                    "unit_cost_rwf": 300_000,
                }
            ],
        },
        format="json",
    )
    assert changed.status_code == 200, changed.json()
    assert changed.json()["budget_total_rwf"] == 900_000

    still_missing = api(applicant).post(f"/api/v1/proposals/{pk}/submit/")
    assert still_missing.json() == {
        "attachments": ["Attach this document: Letter of support from the college."]
    }


def test_submit_and_withdraw_through_the_api(draft, applicant):
    submitted = api(applicant).post(f"/api/v1/proposals/{draft.pk}/submit/")
    assert submitted.status_code == 200
    assert submitted.json()["state"] == "submitted"
    assert submitted.json()["snapshot"]["title"] == draft.title
    withdrawn = api(applicant).post(
        f"/api/v1/proposals/{draft.pk}/withdraw/", {"reason": "Changed plans."}, format="json"
    )
    assert withdrawn.json()["state"] == "withdrawn"


def test_an_over_budget_patch_is_refused_and_changes_nothing(draft, applicant):
    response = api(applicant).patch(
        f"/api/v1/proposals/{draft.pk}/",
        {"requested_amount_rwf": 30_000_000, "problem": "Changed."},
        format="json",
    )
    assert response.status_code == 400
    assert list(response.json()) == ["requested_amount_rwf"]
    draft.refresh_from_db()
    assert (draft.requested_amount_rwf, draft.problem) == (5_000_000, "The problem.")


def test_members_without_the_right_get_403(draft, member, coordinator, officer):
    assert api(member).post(f"/api/v1/proposals/{draft.pk}/submit/").status_code == 403
    assert api(member).post(f"/api/v1/proposals/{draft.pk}/withdraw/").status_code == 403
    for person in (coordinator, officer):
        patch = api(person).patch(f"/api/v1/proposals/{draft.pk}/", {"title": "X"}, format="json")
        assert patch.status_code == 403
    assert Proposal.objects.get(pk=draft.pk).title == draft.title


def test_staff_cannot_start_a_proposal(call, coordinator):
    response = api(coordinator).post(
        "/api/v1/proposals/",
        {"call": call.pk, "title": "T", "kind": "student", "sex": "male"},
        format="json",
    )
    assert response.status_code == 403
    assert not Proposal.objects.exists()


def test_the_proposals_api_runs_a_fixed_number_of_queries(
    officer,
    call,
    college,
    django_assert_num_queries,
    django_assert_max_num_queries,
):
    def fresh_officer():
        # A new user object each time: roles are cached per request on the user.
        return User.objects.get(pk=officer.pk)

    ProposalFactory(call=call, college=college)
    with django_assert_max_num_queries(12) as one:
        assert api(fresh_officer()).get("/api/v1/proposals/").json()["count"] == 1
    for _ in range(49):
        ProposalFactory(call=call, college=college)
    with django_assert_num_queries(len(one.captured_queries)):
        assert api(fresh_officer()).get("/api/v1/proposals/").json()["count"] == 50


LIST_KEYS = {
    "id", "call", "college", "sector", "title", "requested_amount_rwf", "state", "submitted_at",
    "version",
}  # fmt: skip


def test_the_list_is_lean_and_the_detail_keeps_the_submitted_copy(draft, officer):
    Proposal.objects.filter(pk=draft.pk).update(snapshot={"problem": "Frozen problem 4471"})
    listed = api(officer).get("/api/v1/proposals/")
    assert set(listed.json()["results"][0]) == LIST_KEYS
    assert "Frozen problem 4471" not in listed.content.decode()
    detail = api(officer).get(f"/api/v1/proposals/{draft.pk}/").json()
    assert detail["snapshot"] == {"problem": "Frozen problem 4471"}
    assert {"budget_lines", "team", "attachments", *QUESTION_FIELDS} <= set(detail)


def test_the_list_runs_the_same_queries_for_2_and_6_proposals(officer, call, college):
    def queries_listing(count):
        while Proposal.objects.count() < count:
            proposal = ProposalFactory(call=call, college=college)
            TeamMemberFactory(proposal=proposal)
        client = api(User.objects.get(pk=officer.pk))  # roles are cached on the user
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v1/proposals/").json()["count"] == count
        return len(queries.captured_queries)

    few = queries_listing(2)
    assert queries_listing(6) == few


def test_the_schema_documents_the_calls_api(client, db):
    paths = set(client.get("/api/v1/schema/?format=json").json()["paths"])
    assert {
        "/api/v1/calls/",
        "/api/v1/calls/{id}/",
        "/api/v1/proposals/",
        "/api/v1/proposals/{id}/",
        "/api/v1/proposals/{id}/submit/",
        "/api/v1/proposals/{id}/withdraw/",
    } <= paths
