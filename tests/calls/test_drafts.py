"""Two members writing one draft: a stale save never overwrites a newer one.

Amani (the lead) and Mia (a member) both open the draft at version 1. Each
page sends back the fingerprints of the answers as it loaded them.
"""

import re

import pytest
from django.urls import reverse

from skillbridge.calls import services
from skillbridge.calls.models import Proposal
from skillbridge.calls.services.drafts import Conflict, draft_fingerprints
from tests.api.test_calls import api
from tests.calls.test_views import answers


def save(person, draft, base, **values):
    return services.proposal_save_draft(
        actor=person, proposal=draft, values=values, base_version=1, base=base
    )


@pytest.fixture
def loaded(draft, member):
    """What both pages started from."""
    return draft_fingerprints(draft)


def fresh(draft):
    return Proposal.objects.get(pk=draft.pk)


# The service ---------------------------------------------------------------------------


def test_a_stale_copy_of_an_answer_never_overwrites_a_newer_one(draft, applicant, member, loaded):
    first = save(member, draft, loaded, problem="Mia's problem.")
    assert (first.conflicts, first.changed_by_others, fresh(draft).version) == ([], [], 2)

    # Amani's page still holds the old problem; he changed only the market.
    second = save(applicant, draft, loaded, problem="The problem.", market="Amani's market.")

    assert second.conflicts == []
    assert second.changed_by_others == ["problem"]
    saved = fresh(draft)
    assert (saved.problem, saved.market, saved.version) == ("Mia's problem.", "Amani's market.", 3)


def test_both_changing_one_answer_is_a_conflict_and_the_rest_is_saved(
    draft, applicant, member, loaded
):
    save(member, draft, loaded, problem="Mia's problem.")

    result = save(
        applicant, draft, loaded, problem="Amani's problem.", solution="Amani's solution."
    )

    assert result.conflicts == [Conflict("problem", "Amani's problem.", "Mia's problem.")]
    saved = fresh(draft)
    assert (saved.problem, saved.solution, saved.version) == (
        "Mia's problem.",
        "Amani's solution.",
        3,
    )


def test_the_next_base_keeps_stale_answers_stale_so_a_later_save_cannot_clobber(
    draft, applicant, member, loaded
):
    save(member, draft, loaded, problem="Mia's problem.")
    first = save(applicant, draft, loaded, problem="The problem.", market="Market 1.")
    assert first.written == ["market"]
    assert first.base["problem"] == loaded["problem"]
    assert first.base["market"] == draft_fingerprints(fresh(draft))["market"]

    # Amani's page sends what the autosave answered; his problem is still the old text.
    second = save(applicant, draft, first.base, problem="The problem.", market="Market 2.")

    assert (second.conflicts, second.changed_by_others) == ([], ["problem"])
    assert (fresh(draft).problem, fresh(draft).market) == ("Mia's problem.", "Market 2.")


def test_with_only_a_version_number_an_answer_changed_since_is_a_conflict(
    draft, applicant, member, loaded
):
    save(member, draft, loaded, problem="Mia's problem.")
    assert fresh(draft).answer_versions == {"problem": 2}

    result = services.proposal_save_draft(
        actor=applicant,
        proposal=draft,
        values={"problem": "Amani's problem.", "market": "Amani's market."},
        base_version=1,
    )

    assert [c.field for c in result.conflicts] == ["problem"]
    assert result.written == ["market"]
    saved = fresh(draft)
    assert (saved.problem, saved.market, saved.version) == ("Mia's problem.", "Amani's market.", 3)
    assert saved.answer_versions == {"problem": 2, "market": 3}


def test_the_same_text_from_both_members_is_no_conflict(draft, applicant, member, loaded):
    save(member, draft, loaded, problem="Same words.")
    result = save(applicant, draft, loaded, problem="Same words.")
    assert (result.conflicts, result.changed_by_others, fresh(draft).version) == ([], [], 2)


# The pages -------------------------------------------------------------------------------


def edit_url(draft, name="proposal_edit"):
    return reverse(f"calls:{name}", args=[draft.pk])


def page_base(client, draft):
    """The hidden version and fingerprints of the edit page, as a browser would send them."""
    page = client.get(edit_url(draft)).content.decode()
    found = re.findall(r'<input type="hidden" name="((?:base_\w+)|version)" value="(\w*)">', page)
    return dict(found)


def test_a_stale_save_without_javascript_shows_both_texts_to_merge(
    client, draft, applicant, member
):
    client.force_login(applicant)
    amani = page_base(client, draft)
    assert amani["version"] == "1"
    assert amani["base_problem"] == draft_fingerprints(draft)["problem"]
    client.force_login(member)
    client.post(
        edit_url(draft), {**answers(draft, problem="Mia's problem."), **page_base(client, draft)}
    )

    client.force_login(applicant)
    response = client.post(
        edit_url(draft), {**answers(draft, problem="Amani's problem.", market="New."), **amani}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert f'action="/calls/proposals/{draft.pk}/merge/"' in page
    assert "Amani&#x27;s problem." in page
    assert "Mia&#x27;s problem." in page
    assert 'name="resolve_problem"' in page
    assert 'name="resolve_market"' not in page
    assert "Your other answers are saved." in page
    saved = fresh(draft)
    assert (saved.problem, saved.market) == ("Mia's problem.", "New.")


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        ("mine", "Amani's problem."),
        ("theirs", "Mia's problem."),
        ("edited", "Both of ours."),
    ],
)
def test_the_writer_keeps_theirs_takes_the_saved_or_saves_an_edit(
    client, draft, applicant, member, loaded, choice, expected
):
    save(member, draft, loaded, problem="Mia's problem.")
    client.force_login(applicant)
    response = client.post(
        edit_url(draft, "proposal_merge"),
        {
            "version": "2",
            "base_problem": draft_fingerprints(fresh(draft))["problem"],
            "resolve_problem": choice,
            "mine_problem": "Amani's problem.",
            "edit_problem": "Both of ours.",
        },
    )
    assert response.status_code == 302
    assert fresh(draft).problem == expected


def test_a_merge_based_on_a_text_changed_again_asks_again(client, draft, applicant, member, loaded):
    save(member, draft, loaded, problem="Mia's problem.")
    merge_base = draft_fingerprints(fresh(draft))["problem"]
    save(member, draft, {"problem": merge_base}, problem="Mia's second thought.")
    client.force_login(applicant)
    response = client.post(
        edit_url(draft, "proposal_merge"),
        {"base_problem": merge_base, "resolve_problem": "mine", "mine_problem": "Amani's."},
    )
    assert response.status_code == 200
    assert "Mia&#x27;s second thought." in response.content.decode()
    assert fresh(draft).problem == "Mia's second thought."


def test_an_edit_over_the_limit_is_refused_at_the_answer(client, draft, applicant, member, loaded):
    save(member, draft, loaded, title="Mia's title")
    client.force_login(applicant)
    response = client.post(
        edit_url(draft, "proposal_merge"),
        {
            "base_title": draft_fingerprints(fresh(draft))["title"],
            "resolve_title": "edited",
            "mine_title": "Amani's title",
            "edit_title": "x" * 500,
        },
    )
    assert response.status_code == 200
    assert 'id="merge-title"' in response.content.decode()
    assert "errorlist" in response.content.decode()
    assert fresh(draft).title == "Mia's title"


def test_autosave_says_it_did_not_overwrite_and_offers_to_merge(
    client, draft, applicant, member, loaded
):
    save(member, draft, loaded, problem="Mia's problem.", summary="Mia's summary.")
    client.force_login(applicant)
    base = {f"base_{name}": digest for name, digest in loaded.items()}
    response = client.post(
        edit_url(draft, "proposal_autosave"),
        {**answers(draft, problem="Amani's problem.", market="New."), **base, "version": "1"},
    )
    page = response.content.decode()
    assert "autosave-problem" in page
    assert '<button type="submit" class="button small">' in page
    assert 'id="draft-base" hidden hx-swap-oob="true"' in page
    # The page keeps its old fingerprints for the answers it still shows stale.
    assert f'name="base_problem" value="{loaded["problem"]}"' in page
    assert f'name="base_summary" value="{loaded["summary"]}"' in page
    new_market = draft_fingerprints(fresh(draft))["market"]
    assert f'name="base_market" value="{new_market}"' in page
    saved = fresh(draft)
    assert (saved.problem, saved.summary, saved.market) == (
        "Mia's problem.",
        "Mia's summary.",
        "New.",
    )


def test_merging_is_for_the_team_only(client, draft, coordinator, other_applicant):
    data = {"resolve_problem": "mine", "mine_problem": "Taken over."}
    client.force_login(coordinator)
    assert client.post(edit_url(draft, "proposal_merge"), data).status_code == 403
    client.force_login(other_applicant)
    assert client.post(edit_url(draft, "proposal_merge"), data).status_code == 404
    assert fresh(draft).problem == "The problem."


def test_a_garbled_version_is_treated_as_stale_and_cannot_overwrite(
    client, draft, applicant, member, loaded
):
    save(member, draft, loaded, problem="Mia's problem.")
    client.force_login(applicant)
    response = client.post(
        edit_url(draft), {**answers(draft, problem="Amani's problem."), "version": "x"}
    )
    assert response.status_code == 200
    assert 'name="resolve_problem"' in response.content.decode()
    assert fresh(draft).problem == "Mia's problem."


# The API ---------------------------------------------------------------------------------


def test_the_api_answers_409_and_writes_nothing_when_an_answer_changed_since(
    draft, applicant, member, loaded
):
    assert api(applicant).get(f"/api/v1/proposals/{draft.pk}/").json()["version"] == 1
    save(member, draft, loaded, problem="Mia's problem.")

    stale = api(applicant).patch(
        f"/api/v1/proposals/{draft.pk}/",
        {"problem": "Amani's problem.", "market": "Amani's market.", "version": 1},
        format="json",
    )

    assert stale.status_code == 409
    assert list(stale.json()) == ["problem"]
    saved = fresh(draft)
    assert (saved.problem, saved.market, saved.version) == ("Mia's problem.", "Who will pay.", 2)

    # An answer nobody changed since the version read is saved.
    fine = api(applicant).patch(
        f"/api/v1/proposals/{draft.pk}/", {"market": "Amani's market.", "version": 1}, format="json"
    )
    assert fine.status_code == 200
    assert fine.json()["version"] == 3
    assert fresh(draft).market == "Amani's market."


def test_a_save_without_javascript_keeps_the_other_members_answer_and_says_so(
    client, draft, applicant, member
):
    client.force_login(applicant)
    amani = page_base(client, draft)
    client.force_login(member)
    mia = page_base(client, draft)
    client.post(edit_url(draft), {**answers(draft, problem="Mia's problem."), **mia})

    client.force_login(applicant)
    response = client.post(
        edit_url(draft), {**answers(draft, market="Amani's market."), **amani}, follow=True
    )

    page = response.content.decode()
    assert "Another member changed Problem: their text is kept." in page
    assert "Mia&#x27;s problem." in page  # the page now shows her text
    saved = fresh(draft)
    assert (saved.problem, saved.market) == ("Mia's problem.", "Amani's market.")
