"""Issue 15: a matching run's confirmation is previewed first, and a confirmed run is final.

The preview says who is invited to what, with scores, and changes nothing
(no pairing moves, no mail, no audit entry) until the officer confirms. On a
confirmed run the Lock and Forbid buttons are gone; alternates say why they
stand where they do.
"""

import pytest
from django.urls import reverse

from skillbridge.common.models import AuditEntry, OutboxMessage
from skillbridge.pairing import services
from skillbridge.pairing.models import Pairing
from tests.pairing.factories import ExpertProfileFactory


@pytest.fixture
def done_run(officer, programme, need, profile, django_capture_on_commit_callbacks):
    """A finished run proposing Esther for the need, with two alternates."""
    ExpertProfileFactory(programme=programme, user__email="second@example.org", languages=["en"])
    ExpertProfileFactory(programme=programme, user__email="third@example.org", languages=["en"])
    need.skills.set([])
    profile.bio = need.text
    profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        run = services.run_start(actor=officer, programme=programme)
    run.refresh_from_db()
    return run


def state_of_the_world():
    return (
        list(Pairing.objects.order_by("pk").values_list("pk", "state", "respond_by")),
        OutboxMessage.objects.count(),
        AuditEntry.objects.count(),
    )


def test_the_preview_names_who_is_invited_to_what_and_changes_nothing(
    client, officer, programme, need, profile, done_run, django_capture_on_commit_callbacks
):
    client.force_login(officer)
    url = reverse("pairing:run_confirm", args=[programme.slug, done_run.pk])
    before = state_of_the_world()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.get(url)
    assert response.status_code == 200
    assert callbacks == []
    assert state_of_the_world() == before
    proposed = Pairing.objects.get(run=done_run, state=Pairing.State.PROPOSED)
    assert list(response.context["proposed"]) == [proposed]
    page = response.content.decode()
    assert need.owner_title in page
    assert str(profile) in page
    assert f"{proposed.score:.2f}" in page
    assert "1 professional will be invited and mailed" in page
    assert f'action="{url}"' in page

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    proposed.refresh_from_db()
    assert proposed.state == Pairing.State.INVITED
    assert OutboxMessage.objects.count() > before[1]


def test_a_confirmed_run_offers_no_lock_or_forbid(
    client, officer, programme, need, done_run, django_capture_on_commit_callbacks
):
    client.force_login(officer)
    run_page = reverse("pairing:run", args=[programme.slug, done_run.pk])
    need_page = reverse("pairing:need", args=[programme.slug, need.pk])
    for url in (run_page, need_page):
        page = client.get(url).content.decode()
        assert 'value="lock"' in page
        assert 'value="forbid"' in page
    with django_capture_on_commit_callbacks(execute=True):
        services.run_confirm(actor=officer, run=done_run)
    for url in (run_page, need_page):
        page = client.get(url).content.decode()
        assert 'value="lock"' not in page
        assert 'value="forbid"' not in page
    done_run.refresh_from_db()
    assert not officer.has_perm("pairing.decide_on_run_now", done_run)


def test_alternates_say_why_they_stand_where_they_do(client, officer, programme, done_run):
    client.force_login(officer)
    response = client.get(reverse("pairing:run", args=[programme.slug, done_run.pk]))
    (row,) = response.context["rows"]
    (proposed,) = row.proposed
    assert len(row.alternates) == 2
    for candidate in row.alternates:
        assert candidate.reason_texts == [
            f"alternate {candidate.rank}: the next best score ({candidate.score:.2f}) of a "
            "professional with a free place",
            f"{proposed.score - candidate.score:.2f} below the professional proposed "
            f"({proposed.score:.2f})",
        ]
        for text in candidate.reason_texts:
            assert text in response.content.decode()
