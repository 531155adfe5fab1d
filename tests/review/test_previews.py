"""The two mass actions: a preview that changes nothing, a confirmation, a stale preview refused."""

import re

import pytest
from django.urls import reverse

from skillbridge.calls.models import Proposal
from skillbridge.common.models import AuditEntry, OutboxMessage
from skillbridge.review.models import Decision, PoolMember, Review
from tests.review.conftest import stage_all, submit


def _footprint():
    """Everything a mass action writes: rows, states, mails, audit entries."""
    return (
        sorted(Review.objects.values_list("pk", "proposal_id", "reviewer_id", "status")),
        sorted(Proposal.objects.values_list("pk", "state")),
        sorted(Decision.objects.values_list("pk", "outcome", "released_at")),
        OutboxMessage.objects.count(),
        AuditEntry.objects.count(),
    )


def _digest(page: str) -> str:
    return re.search(r'name="digest" value="([0-9a-f]+)"', page).group(1)


@pytest.fixture
def reviewed(assigned):
    for review in Review.objects.filter(status="active"):
        submit(review, values=(4, 3, 5), applicant_comment="Keep going.")
    return assigned


def test_the_assignment_preview_shows_who_gets_what_and_changes_nothing(
    client, call, officer, panel, eligible
):
    before = _footprint()
    client.force_login(officer)
    page = client.get(reverse("review:assignment_run", args=[call.pk])).content.decode()
    assert _footprint() == before
    assert "6 new assignments" in page  # three proposals, two reviewers each
    for proposal in eligible:
        assert proposal.title in page
    for reviewer in panel:
        assert str(reviewer) in page


def test_the_assignment_preview_names_the_conflicts_it_avoids(
    client, call, officer, panel, eligible
):
    PoolMember.objects.filter(reviewer=panel[1]).update(organisation=eligible[0].college)
    client.force_login(officer)
    page = client.get(reverse("review:assignment_run", args=[call.pk])).content.decode()
    assert "2 conflicts avoided" in page  # Mina sits for IPRC Huye: two of its proposals
    assert page.count("same college") == 2


def test_confirming_the_previewed_assignment_runs_it(client, call, officer, panel, eligible):
    client.force_login(officer)
    page = client.get(reverse("review:assignment_run", args=[call.pk])).content.decode()
    response = client.post(
        reverse("review:assignment_run", args=[call.pk]), {"digest": _digest(page)}
    )
    assert response["Location"] == reverse("review:assignments", args=[call.pk])
    assert Review.objects.filter(status="active").count() == 6
    assert set(Proposal.objects.values_list("state", flat=True)) == {"under_review"}


def test_a_stale_assignment_preview_is_refused_and_changes_nothing(
    client, call, officer, panel, eligible
):
    client.force_login(officer)
    page = client.get(reverse("review:assignment_run", args=[call.pk])).content.decode()
    PoolMember.objects.filter(reviewer=panel[2]).update(load_limit=1)
    before = _footprint()
    response = client.post(
        reverse("review:assignment_run", args=[call.pk]), {"digest": _digest(page)}, follow=True
    )
    assert _footprint() == before
    assert "changed since this preview" in response.content.decode()


def test_the_release_preview_counts_outcomes_renders_each_mail_and_changes_nothing(
    client, call, officer, reviewed
):
    stage_all(officer, call, reviewed)
    before = _footprint()
    client.force_login(officer)
    url = reverse("review:release", args=[call.pk])
    page = client.get(url, {"share_comments": "on"}).content.decode()
    assert _footprint() == before
    for label in ("Selected", "Reserve", "Not selected"):
        assert re.search(rf"<td>{label}</td><td>1</td>", page), label
    assert page.count("The committee&#x27;s decision on") == 3  # one mail of each kind
    assert "Congratulations" in page
    assert "is on the reserve list, in place 1" in page
    assert "has not been selected" in page
    assert "Keep going." in page  # the comments are shared


def test_confirming_the_previewed_release_sends_the_mails(client, call, officer, reviewed):
    stage_all(officer, call, reviewed)
    client.force_login(officer)
    url = reverse("review:release", args=[call.pk])
    page = client.get(url).content.decode()
    response = client.post(url, {"share_comments": "False", "digest": _digest(page)})
    assert response["Location"] == reverse("review:decisions", args=[call.pk])
    assert not Decision.objects.filter(released_at__isnull=True).exists()
    assert OutboxMessage.objects.filter(kind="review.decision").count() == 3


def test_a_stale_release_preview_is_refused_and_sends_nothing(client, call, officer, reviewed):
    stage_all(officer, call, reviewed)
    client.force_login(officer)
    url = reverse("review:release", args=[call.pk])
    page = client.get(url).content.decode()
    Decision.objects.filter(outcome="reserve").update(reason="Changed after the preview.")
    before = _footprint()
    response = client.post(url, {"digest": _digest(page)}, follow=True)
    assert _footprint() == before
    assert "changed since this preview" in response.content.decode()


def test_a_confirmation_without_a_preview_changes_nothing(client, call, officer, reviewed):
    stage_all(officer, call, reviewed)
    before = _footprint()
    client.force_login(officer)
    client.post(reverse("review:release", args=[call.pk]), {})
    client.post(reverse("review:assignment_run", args=[call.pk]), {})
    assert _footprint() == before
