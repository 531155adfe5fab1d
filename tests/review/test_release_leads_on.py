"""Once the decisions are released, the officer is led on to awarding the grants."""

import re

from django.urls import reverse

from skillbridge.review.models import Review
from tests.review.conftest import stage_all, submit

AWARD = "Go on to award the grants"


def test_after_the_release_the_decisions_page_links_to_awarding_grants(
    client, call, officer, assigned
):
    for review in Review.objects.filter(status="active"):
        submit(review, values=(4, 3, 5), applicant_comment="Keep going.")
    stage_all(officer, call, assigned)
    client.force_login(officer)
    decisions = reverse("review:decisions", args=[call.pk])
    assert AWARD not in client.get(decisions).content.decode()  # staged, not released yet
    url = reverse("review:release", args=[call.pk])
    digest = re.search(r'name="digest" value="([0-9a-f]+)"', client.get(url).content.decode())
    page = client.post(
        url, {"share_comments": "False", "digest": digest.group(1)}, follow=True
    ).content.decode()
    assert "3 decisions released." in page
    assert AWARD in page
    assert reverse("grants:programme", args=[call.programme.slug]) in page
