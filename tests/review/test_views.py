"""Pages: who may open each one, what a conflicted reviewer never sees, fixed query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from skillbridge.calls.models import Call, Proposal
from skillbridge.review import services
from skillbridge.review.models import Decision, Review
from tests.calls.factories import ProposalFactory
from tests.common.test_pages import assert_clean
from tests.factories import CollegeFactory
from tests.review.conftest import submit

SECRET = "Hidden committee remark 7731"


@pytest.fixture
def rita_review(assigned, panel):
    return Review.objects.filter(reviewer=panel[0], status="active").order_by("pk").first()


def officer_pages(call, proposal):
    return [
        reverse("review:pool", args=[call.pk]),
        reverse("review:assignments", args=[call.pk]),
        reverse("review:ranking", args=[call.pk]),
        reverse("review:selection", args=[call.pk]) + "?size=2&reserve=1&min_per_sector=1",
        reverse("review:decisions", args=[call.pk]),
        reverse("review:decide", args=[call.pk, proposal.pk]),
    ]


def test_officer_pages_render_cleanly(client, officer, call, assigned):
    for review in Review.objects.filter(status="active"):
        submit(review)
    client.force_login(officer)
    for url in officer_pages(call, assigned[0]):
        assert_clean(client.get(url))
    assert_clean(client.get(reverse("review:index")))


@pytest.mark.parametrize("published", [False, True])
def test_officer_pages_answer_404_to_whoever_may_not_see_the_call_and_403_to_others(
    client, call, assigned, outsider, applicant, panel, published
):
    # Anyone sees a published call, and gets 403 from its review's pages; only the
    # programme's officers see one not yet published.
    Call.objects.filter(pk=call.pk).update(is_published=published)
    status = 403 if published else 404
    for user in (outsider, applicant, panel[0]):
        client.force_login(user)
        for url in officer_pages(call, assigned[0]):
            assert client.get(url).status_code == status, (user, url)
        for name, args in [
            ("review:assignment_run", [call.pk]),
            ("review:assignment_remove", [call.pk, Review.objects.first().pk]),
            ("review:pool_remove", [call.pk, call.pool.first().pk]),
        ]:
            assert client.post(reverse(name, args=args)).status_code == status


def test_reviewer_pages_answer_404_to_all_but_the_reviewer_and_403_to_the_officer(
    client, rita_review, outsider, panel, officer
):
    urls = [
        reverse("review:declare", args=[rita_review.pk]),
        reverse("review:review", args=[rita_review.pk]),
    ]
    for user, status in [(outsider, 404), (panel[1], 404), (officer, 403)]:
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == status


def test_before_declaring_a_reviewer_sees_only_title_college_and_team(client, rita_review, panel):
    proposal = rita_review.proposal
    Proposal.objects.filter(pk=proposal.pk).update(problem="Secret problem statement")
    client.force_login(panel[0])
    response = client.get(reverse("review:review", args=[rita_review.pk]))
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert proposal.title in page
    assert proposal.college.name in page
    assert proposal.lead.full_name in page
    assert "Secret problem statement" not in page
    assert_clean(client.get(reverse("review:declare", args=[rita_review.pk])))


def test_declaring_no_conflict_opens_the_proposal(client, rita_review, panel):
    client.force_login(panel[0])
    response = client.post(reverse("review:declare", args=[rita_review.pk]), {"conflict": "none"})
    assert response["Location"] == reverse("review:review", args=[rita_review.pk])
    page = client.get(response["Location"])
    assert_clean(page)
    assert "The problem." in page.content.decode()
    assert "Level 5" in page.content.decode()


def test_a_conflicted_reviewer_can_never_open_the_proposal_or_its_reviews(
    client, rita_review, panel
):
    others = rita_review.proposal.reviews.exclude(pk=rita_review.pk).filter(status="active")
    for other in others:
        submit(other)
        Review.objects.filter(pk=other.pk).update(committee_comment=SECRET)
    client.force_login(panel[0])
    client.post(
        reverse("review:declare", args=[rita_review.pk]),
        {"conflict": "business", "detail": ""},
    )
    rita_review.refresh_from_db()
    assert rita_review.status == "conflict"
    for url in [
        reverse("review:review", args=[rita_review.pk]),
        reverse("review:declare", args=[rita_review.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 403
        assert SECRET not in response.content.decode()
    assert rita_review.proposal.title not in client.get(reverse("review:mine")).content.decode()


def test_an_automatic_conflict_that_appears_later_blocks_opening(client, rita_review, panel):
    services.conflict_declare(reviewer=panel[0], review=rita_review)
    rita_review.proposal.members.create(email=panel[0].email, kind="trainer", status="joined")
    client.force_login(panel[0])
    assert client.get(reverse("review:review", args=[rita_review.pk])).status_code == 403


def test_other_scores_stay_hidden_until_the_reviewer_submits(client, rita_review, panel):
    other = rita_review.proposal.reviews.exclude(pk=rita_review.pk).filter(status="active").first()
    submit(other)
    Review.objects.filter(pk=other.pk).update(committee_comment=SECRET)
    client.force_login(panel[0])
    client.post(reverse("review:declare", args=[rita_review.pk]), {"conflict": "none"})
    page = client.get(reverse("review:review", args=[rita_review.pk])).content.decode()
    assert SECRET not in page
    assert "Weighted score" not in page
    criteria = list(rita_review.proposal.call.criteria.order_by("position"))
    data = {f"score_{c.pk}": "4" for c in criteria}
    data.update(committee_comment="Fine.", recommendation="maybe", submit="1")
    response = client.post(reverse("review:review", args=[rita_review.pk]), data)
    assert response.status_code == 302
    page = client.get(reverse("review:review", args=[rita_review.pk])).content.decode()
    assert SECRET in page


def test_a_bad_score_is_shown_at_the_field_and_saves_nothing(client, rita_review, panel):
    services.conflict_declare(reviewer=panel[0], review=rita_review)
    client.force_login(panel[0])
    criterion = rita_review.proposal.call.criteria.order_by("position").first()
    response = client.post(
        reverse("review:review", args=[rita_review.pk]),
        {f"score_{criterion.pk}": "9", "committee_comment": "x", "submit": "1"},
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    rita_review.refresh_from_db()
    assert (rita_review.committee_comment, rita_review.submitted_at) == ("", None)


def test_next_leads_to_the_declaration_of_the_next_assignment(client, call, rita_review, panel):
    client.force_login(panel[0])
    response = client.get(reverse("review:next", args=[call.pk]))
    assert response.status_code == 302
    assert response["Location"].endswith("/declare/")


def test_the_team_sees_its_outcome_once_released(client, call, officer, assigned, applicant):
    proposal = assigned[0]
    Proposal.objects.filter(pk=proposal.pk).update(lead=applicant)
    proposal.members.update(user=applicant, email=applicant.email)
    for review in Review.objects.filter(status="active"):
        submit(review)
    url = reverse("review:outcome", args=[proposal.pk])
    client.force_login(applicant)
    assert "has not released" in client.get(url).content.decode()
    services.decision_stage(
        actor=officer, proposal=proposal, outcome="selected", reason="Bold idea."
    )
    assert "Bold idea." not in client.get(url).content.decode()
    services.decisions_release(actor=officer, call=call, share_comments=False)
    page = client.get(url)
    assert_clean(page)
    assert "Bold idea." in page.content.decode()
    assert proposal.title in client.get(reverse("review:outcomes")).content.decode()


def test_the_outcome_page_answers_404_to_whoever_may_not_see_the_proposal(
    client, assigned, outsider, panel
):
    url = reverse("review:outcome", args=[assigned[0].pk])
    for user in (outsider, panel[0]):  # the reviewer of the proposal is not its team
        client.force_login(user)
        assert client.get(url).status_code == 404


def _more_proposals(call, officer, count):
    college = CollegeFactory(short_name="IPRC Tumba")
    for i in range(count):
        ProposalFactory(call=call, college=college, state="eligible", title=f"Extra {i}")
    for member in call.pool.all():
        member.load_limit = 50
        member.save()
    services.assignment_run(actor=officer, call=call)
    for review in Review.objects.filter(status="active", submitted_at__isnull=True):
        submit(review)


@pytest.mark.parametrize("name", ["review:ranking", "review:assignments", "review:decisions"])
def test_lists_make_a_fixed_number_of_queries(
    client, call, officer, assigned, django_assert_num_queries, name
):
    client.force_login(officer)
    url = reverse(name, args=[call.pk])
    for review in Review.objects.filter(status="active"):
        submit(review)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    expected = len(few.captured_queries)  # read now: the next request empties the log
    _more_proposals(call, officer, 12)
    services.decisions_stage_selection(
        actor=officer,
        call=call,
        selected=list(Proposal.objects.filter(call=call).values_list("pk", flat=True)[:3]),
        reserve=[],
        reason_selected="a",
        reason_reserve="",
        reason_not_selected="b",
    )
    client.get(url)  # the new submissions dropped the ranking's cached statistics
    with django_assert_num_queries(expected):
        client.get(url)
    assert Decision.objects.count() == 15
