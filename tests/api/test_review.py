"""API of review: own reviews, declaration, drafts, submission, hidden scores, ranking."""
# ruff: noqa: F811  (the review fixtures are imported, then requested by name)

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from skillbridge.review import selectors, services
from skillbridge.review.models import Review
from tests.calls.factories import CallFactory, ProposalFactory, RubricCriterionFactory
from tests.factories import CollegeFactory
from tests.review.conftest import (  # noqa: F401  (fixtures)
    assigned,
    call,
    eligible,
    panel,
    rp,
    submit,
)

SECRET = "Hidden committee remark 7731"


def api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def rita_review(assigned, panel):
    return Review.objects.filter(reviewer=panel[0], status="active").order_by("pk").first()


def test_a_reviewer_lists_only_their_own_reviews(rita_review, panel):
    body = api(panel[0]).get("/api/v1/reviews/").json()
    assert body["count"] == 2
    assert {r["id"] for r in body["results"]} == set(
        Review.objects.filter(reviewer=panel[0]).values_list("pk", flat=True)
    )


def test_before_declaring_the_api_shows_no_content(rita_review, panel):
    body = api(panel[0]).get(f"/api/v1/reviews/{rita_review.pk}/").json()
    assert body["title"] == rita_review.proposal.title
    assert body["content"] is None
    assert body["criteria"] == []
    assert body["team"] == [rita_review.proposal.lead.full_name]


def test_a_reviewer_declares_scores_and_submits(rita_review, panel, call):
    client = api(panel[0])
    url = f"/api/v1/reviews/{rita_review.pk}/"
    assert client.post(url + "declare/", {"conflict": "none"}, format="json").status_code == 200
    body = client.get(url).json()
    assert body["content"]["problem"] == "The problem."
    criteria = [c["id"] for c in body["criteria"]]
    draft = {"scores": [{"criterion": criteria[0], "value": 5}], "committee_comment": "Good."}
    assert client.put(url, draft, format="json").json()["scores"] == [
        {"criterion": criteria[0], "value": 5}
    ]
    refused = client.post(url + "submit/", {}, format="json")
    assert refused.status_code == 400
    assert set(refused.json()) == {f"score_{c}" for c in criteria[1:]} | {"recommendation"}
    final = {
        "scores": [{"criterion": c, "value": 4} for c in criteria[1:]],
        "recommendation": "fund",
    }
    done = client.post(url + "submit/", final, format="json").json()
    assert done["weighted_score"] == "4.500"
    assert done["submitted_at"]


def test_other_scores_stay_hidden_in_the_api_until_submitting(rita_review, panel):
    other = rita_review.proposal.reviews.exclude(pk=rita_review.pk).filter(status="active").first()
    submit(other)
    Review.objects.filter(pk=other.pk).update(committee_comment=SECRET)
    client = api(panel[0])
    url = f"/api/v1/reviews/{rita_review.pk}/"
    client.post(url + "declare/", {"conflict": "none"}, format="json")
    assert SECRET not in client.get(url).content.decode()
    assert client.get(url).json()["other_reviews"] == []
    submit(Review.objects.get(pk=rita_review.pk))
    assert client.get(url).json()["other_reviews"][0]["committee_comment"] == SECRET


def test_a_conflicted_reviewer_gets_nothing_from_the_api(rita_review, panel):
    client = api(panel[0])
    url = f"/api/v1/reviews/{rita_review.pk}/"
    response = client.post(url + "declare/", {"conflict": "relative"}, format="json")
    assert response.status_code == 200
    assert response.json()["content"] is None
    for method, path in [("get", url), ("put", url), ("post", url + "submit/")]:
        answer = getattr(client, method)(path, {}, format="json")
        assert answer.status_code == 403
        assert rita_review.proposal.problem not in answer.content.decode()
    assert rita_review.pk not in [r["id"] for r in client.get("/api/v1/reviews/").json()["results"]]


def test_the_list_shows_nothing_of_a_proposal_whose_team_the_reviewer_joined_later(
    rita_review, panel
):
    """The list reads its page's automatic conflicts at once: they still close a review."""
    reviews = Review.objects.filter(reviewer=panel[0], status="active").order_by("pk")
    for review in reviews:
        submit(review)
    for other in rita_review.proposal.reviews.exclude(pk=rita_review.pk).filter(status="active"):
        submit(other)
        Review.objects.filter(pk=other.pk).update(committee_comment=SECRET)
    rita_review.proposal.members.create(email=panel[0].email, kind="trainer", status="joined")
    response = api(panel[0]).get("/api/v1/reviews/")
    assert SECRET not in response.content.decode()
    shown = {r["id"]: r for r in response.json()["results"]}
    assert set(shown) == set(reviews.values_list("pk", flat=True))
    closed = shown.pop(rita_review.pk)
    assert (closed["content"], closed["criteria"], closed["other_reviews"]) == (None, [], [])
    assert closed["weighted_score"] is None
    [opened] = shown.values()
    assert opened["content"]["problem"] == "The problem."
    assert len(opened["criteria"]) == 3


def test_the_college_a_reviewer_sits_for_on_one_panel_closes_only_that_calls_reviews(
    call, officer, panel, eligible
):
    """The list reads its page's conflicts across calls at once: a panel's organisation
    still counts for its own call's proposals only."""
    huye = eligible[0].college
    other_call = CallFactory(programme=call.programme, reviews_per_proposal=1)
    RubricCriterionFactory(call=other_call, name="Innovation")
    for target in (call, other_call):
        services.pool_member_save(actor=officer, call=target, reviewer=panel[0], load_limit=5)
        proposal = ProposalFactory(call=target, college=huye, state="eligible")
        review = services.assignment_add(actor=officer, proposal=proposal, reviewer=panel[0])
        services.conflict_declare(reviewer=panel[0], review=review)
    call.pool.filter(reviewer=panel[0]).update(organisation=huye)
    shown = {r["call"]: r for r in api(panel[0]).get("/api/v1/reviews/").json()["results"]}
    assert shown[call.pk]["content"] is None
    assert shown[other_call.pk]["content"]["problem"] == "The problem."


def test_review_endpoints_answer_404_401_and_403(rita_review, panel, outsider, officer):
    url = f"/api/v1/reviews/{rita_review.pk}/"
    assert api().get(url).status_code == 401
    for stranger in (outsider, panel[1]):  # another reviewer may not see Rita's assignment
        assert api(stranger).get(url).status_code == 404
        assert api(stranger).post(url + "declare/", {"conflict": "none"}).status_code == 404
    assert api(officer).get(url).status_code == 403
    assert api(officer).post(url + "declare/", {"conflict": "none"}).status_code == 403


def test_the_ranking_is_for_officers_only(call, officer, assigned, panel, outsider):
    url = f"/api/v1/calls/{call.pk}/ranking/"
    assert api(outsider).get(url).status_code == 403  # a published call: anyone sees it
    assert api(panel[0]).get(url).status_code == 403
    for review in Review.objects.filter(status="active"):
        submit(review)
    body = api(officer).get(url).json()
    assert body["count"] == 3
    first = body["results"][0]
    assert first["rank"] == 1
    assert first["reviews"] == 2
    assert first["mean"] == 4.0
    assert first["decision"] == ""


def test_the_ranking_makes_a_fixed_number_of_queries(call, officer, assigned, panel):
    for review in Review.objects.filter(status="active"):
        submit(review)
    client = api(officer)
    url = f"/api/v1/calls/{call.pk}/ranking/"
    client.get(url)  # the user's roles are read once and kept on the user
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    expected = [q["sql"][:60] for q in few.captured_queries]  # before the next request
    college = CollegeFactory(short_name="IPRC Ngoma")
    for i in range(8):
        ProposalFactory(call=call, college=college, state="eligible", title=f"More {i}")
    call.pool.update(load_limit=30)
    services.assignment_run(actor=officer, call=call)
    for review in Review.objects.filter(status="active", submitted_at__isnull=True):
        submit(review)
    client.get(url)  # the submissions dropped the ranking's cached statistics
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).json()["count"] == 11
    assert [q["sql"][:60] for q in many.captured_queries] == expected


def test_the_ranking_pages_give_the_whole_rankings_rows(call, officer, assigned, panel):
    for review in Review.objects.filter(status="active"):
        submit(review)
    college = CollegeFactory(short_name="IPRC Kitabi")
    for i in range(50):
        ProposalFactory(call=call, college=college, state="eligible", title=f"Waiting {i:02}")
    whole = [
        (row.rank, row.proposal.pk, row.proposal.title, row.proposal.college.short_name,
         row.stats.count, row.stats.mean, row.stats.calibrated)
        for row in selectors.ranking(call)
    ]  # fmt: skip
    url = f"/api/v1/calls/{call.pk}/ranking/"
    first = api(officer).get(url).json()
    second = api(officer).get(first["next"]).json()
    assert (first["count"], len(first["results"]), second["next"]) == (53, 50, None)
    pages = [
        (r["rank"], r["proposal"], r["title"], r["college"], r["reviews"], r["mean"],
         r["calibrated"])
        for r in first["results"] + second["results"]
    ]  # fmt: skip
    assert pages == whole
    assert (whole[0][4], whole[-1][4]) == (2, 0)  # the reviewed lead, the unreviewed follow
