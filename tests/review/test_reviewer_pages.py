"""The reviewer's pages: the whole proposal (team, budget, documents), errors, progress."""

import datetime

import pytest
from django.urls import reverse

from skillbridge.calls.models import Call, TeamMember
from skillbridge.review import services
from skillbridge.review.models import Review
from tests.calls.factories import (
    PDF_BYTES,
    AttachmentFactory,
    BudgetLineFactory,
    TeamMemberFactory,
)
from tests.common.test_pages import assert_clean
from tests.review.conftest import submit


@pytest.fixture
def rita_review(assigned, panel):
    return Review.objects.filter(reviewer=panel[0], status="active").order_by("pk").first()


@pytest.fixture
def material(rita_review):
    proposal = rita_review.proposal
    TeamMemberFactory(proposal=proposal, kind=TeamMember.Kind.TRAINER, full_name="Tito Trainer")
    TeamMemberFactory(proposal=proposal, full_name="Gone Member", status=TeamMember.Status.REMOVED)
    BudgetLineFactory(proposal=proposal, item="Solar panels", quantity=3, unit_cost_rwf=400_000)
    BudgetLineFactory(proposal=proposal, item="Training days", quantity=2, unit_cost_rwf=150_000)
    return AttachmentFactory(proposal=proposal, kind="Business plan", original_name="plan.pdf")


def _declare(review, kind=""):
    services.conflict_declare(reviewer=review.reviewer, review=review, conflict_kind=kind)


def test_the_review_page_shows_the_team_the_budget_and_the_documents(
    client, rita_review, material, panel
):
    _declare(rita_review)
    client.force_login(panel[0])
    page = client.get(reverse("review:review", args=[rita_review.pk]))
    assert_clean(page)
    html = page.content.decode()
    assert "Tito Trainer · member, trainer" in html
    assert f"{rita_review.proposal.lead.full_name} · team lead, student" in html
    assert "Gone Member" not in html
    assert rita_review.proposal.college.name in html
    assert "Solar panels" in html
    assert "1,200,000" in html  # 3 x 400,000
    assert "1,500,000" in html  # the total of both lines
    assert reverse("review:attachment", args=[rita_review.pk, material.pk]) in html


def test_documents_download_only_after_declaring_no_conflict(client, rita_review, material, panel):
    url = reverse("review:attachment", args=[rita_review.pk, material.pk])
    client.force_login(panel[0])
    assert client.get(url).status_code == 403  # not declared yet
    _declare(rita_review)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_documents_never_download_with_a_declared_conflict(client, rita_review, material, panel):
    _declare(rita_review, kind="business")
    client.force_login(panel[0])
    url = reverse("review:attachment", args=[rita_review.pk, material.pk])
    assert client.get(url).status_code == 403


def test_documents_of_another_proposal_or_reviewer_are_not_found(
    client, rita_review, material, panel, officer, eligible
):
    _declare(rita_review)
    other = AttachmentFactory(proposal=next(p for p in eligible if p != rita_review.proposal))
    client.force_login(panel[0])
    elsewhere = reverse("review:attachment", args=[rita_review.pk, other.pk])
    assert client.get(elsewhere).status_code == 404
    client.force_login(panel[2])
    url = reverse("review:attachment", args=[rita_review.pk, material.pk])
    assert client.get(url).status_code == 404
    client.force_login(officer)
    assert client.get(url).status_code == 403


def test_errors_come_in_a_summary_at_the_top_with_focus_and_at_the_fields(
    client, rita_review, panel
):
    _declare(rita_review)
    client.force_login(panel[0])
    response = client.post(reverse("review:review", args=[rita_review.pk]), {"submit": "1"})
    html = response.content.decode()
    summary = html.index('class="message error error-summary"')
    assert 'tabindex="-1" autofocus' in html[summary : summary + 200]
    assert summary < html.index('id="proposal-heading"')
    criterion = rita_review.proposal.call.criteria.order_by("position").first()
    assert f'href="#id_score_{criterion.pk}_0"' in html
    assert html.count('class="errorlist') >= 2  # at the fields too


def test_my_reviews_shows_progress_and_the_deadline(client, call, rita_review, panel):
    Call.objects.filter(pk=call.pk).update(reviews_by=datetime.date(2027, 1, 12))
    submit(rita_review)
    client.force_login(panel[0])
    page = client.get(reverse("review:mine"))
    assert_clean(page)
    assigned = Review.objects.filter(reviewer=panel[0], status="active").count()
    html = page.content.decode()
    assert f"1 of {assigned} done" in html
    assert "due 12 January 2027" in html
