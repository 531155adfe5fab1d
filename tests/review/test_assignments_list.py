"""The officer's list of assignments: filters by reviewer, proposal and state, kept when paging."""

import pytest
from django.urls import reverse

from skillbridge.review.models import Review
from tests.calls.factories import ProposalFactory
from tests.review.conftest import submit
from tests.review.factories import PoolMemberFactory, ReviewFactory


def _titles(response) -> list[str]:
    return [review.proposal.title for review in response.context["page"].object_list]


@pytest.fixture
def listed(client, officer, call, assigned, panel):
    submit(Review.objects.filter(reviewer=panel[0], status="active").order_by("pk").first())
    client.force_login(officer)
    return reverse("review:assignments", args=[call.pk])


def test_assignments_filter_by_reviewer(client, listed, panel):
    response = client.get(listed, {"reviewer": panel[1].pk})
    reviews = list(response.context["page"].object_list)
    assert reviews
    assert {r.reviewer_id for r in reviews} == {panel[1].pk}
    assert len(reviews) == Review.objects.filter(reviewer=panel[1]).count()


def test_assignments_filter_by_title_or_number(client, listed, eligible):
    assert set(_titles(client.get(listed, {"proposal": "drip"}))) == {"Drip kit"}
    by_number = client.get(listed, {"proposal": str(eligible[2].pk)})
    assert set(_titles(by_number)) == {"Ticketing app"}


def test_assignments_filter_by_state(client, listed, panel):
    submitted = client.get(listed, {"state": "submitted"}).context["page"].object_list
    assert [r.reviewer_id for r in submitted] == [panel[0].pk]
    waiting = client.get(listed, {"state": "to_declare"}).context["page"].object_list
    assert len(waiting) == Review.objects.filter(declaration="pending").count() == 5


def test_a_bad_filter_shows_the_whole_list_with_the_error(client, listed):
    response = client.get(listed, {"state": "nonsense"})
    assert response.status_code == 200
    assert response.context["filters"].errors["state"]
    assert len(response.context["page"].object_list) == 6


def test_paging_keeps_the_filters(client, officer, call):
    reviewers = [PoolMemberFactory(call=call).reviewer for _ in range(6)]
    for number in range(11):
        proposal = ProposalFactory(call=call, state="under_review", title=f"Kiln {number:02}")
        for reviewer in reviewers:
            ReviewFactory(proposal=proposal, reviewer=reviewer)
    client.force_login(officer)
    url = reverse("review:assignments", args=[call.pk])
    first = client.get(url, {"proposal": "Kiln", "state": "to_declare"})
    assert first.context["page"].paginator.count == 66
    assert 'href="?proposal=Kiln&amp;state=to_declare&amp;page=2"' in first.content.decode()
    second = client.get(url, {"proposal": "Kiln", "state": "to_declare", "page": 2})
    assert len(second.context["page"].object_list) == 16


def test_the_list_leaves_the_comments_and_the_proposals_texts_out(client, listed):
    review = client.get(listed).context["page"].object_list[0]
    assert {"committee_comment", "applicant_comment"} <= review.get_deferred_fields()
    assert {"summary", "snapshot", "answer_versions"} <= review.proposal.get_deferred_fields()
    assert {"description", "translations"} <= review.proposal.call.get_deferred_fields()
