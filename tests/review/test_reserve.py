"""After the release: a selected team leaves and the reserve list fills its place, in order."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from skillbridge.calls import services as calls_services
from skillbridge.calls.models import Call, Proposal
from skillbridge.common.models import AuditEntry, OutboxMessage
from skillbridge.people.models import Role
from skillbridge.review import selectors, services
from skillbridge.review.models import Decision
from tests.common.test_pages import assert_clean
from tests.factories import ProgrammeRoleFactory
from tests.grants.factories import award
from tests.markers import needs_postgresql
from tests.review.conftest import submit


@pytest.fixture
def released(call, officer, assigned):
    """Solar dryer selected; Ticketing app first and Drip kit second on the reserve list."""
    values = {0: (5, 5, 4), 1: (3, 2, 3), 2: (4, 4, 4)}
    for index, proposal in enumerate(assigned):
        for review in proposal.reviews.filter(status="active"):
            submit(review, values=values[index])
    services.decisions_stage_selection(
        actor=officer,
        call=call,
        selected=[assigned[0].pk],
        reserve=[assigned[2].pk, assigned[1].pk],
        reason_selected="Most innovative.",
        reason_reserve="Close behind.",
        reason_not_selected="-",
    )
    services.decisions_release(actor=officer, call=call, share_comments=False)
    selected, second, first = (Proposal.objects.get(pk=p.pk) for p in assigned)
    return {"selected": selected, "first": first, "second": second}


def states(call):
    return {p.title: (p.state, p.reserve_rank) for p in Proposal.objects.filter(call=call)}


def test_a_selected_team_can_withdraw_after_the_release_which_frees_its_place(call, released):
    selected = released["selected"]
    assert selectors.places_to_fill(call) == 0
    calls_services.proposal_withdraw(
        actor=selected.lead, proposal=selected, reason="Our lead moved abroad."
    )
    assert states(call)["Solar dryer"] == ("withdrawn", None)
    assert selectors.places_to_fill(call) == 1
    assert [d.proposal.title for d in selectors.reserve_list(call)] == [
        "Ticketing app",
        "Drip kit",
    ]


def test_the_officers_are_told_when_a_selected_team_withdraws_after_the_release(
    call, officer, released
):
    selected = released["selected"]
    before = set(OutboxMessage.objects.values_list("pk", flat=True))
    calls_services.proposal_withdraw(
        actor=selected.lead, proposal=selected, reason="Our lead moved abroad."
    )
    [mail] = OutboxMessage.objects.exclude(pk__in=before)
    assert (mail.to, mail.kind) == (officer.email, "proposal_withdrawn")
    assert mail.subject == "“Solar dryer” was withdrawn by its team"
    assert reverse("review:reserve", args=[call.pk]) in mail.body
    assert "Our lead moved abroad." in mail.body


def test_the_officers_are_told_when_a_reserve_team_withdraws(call, officer, released):
    first = released["first"]
    before = set(OutboxMessage.objects.values_list("pk", flat=True))
    calls_services.proposal_withdraw(actor=first.lead, proposal=first)
    [mail] = OutboxMessage.objects.exclude(pk__in=before)
    assert mail.to == officer.email
    assert "from the reserve list" in mail.body
    assert reverse("review:decisions", args=[call.pk]) in mail.body


def test_the_first_reserve_takes_the_free_place_and_its_team_is_told(
    call, officer, released, django_capture_on_commit_callbacks
):
    selected, first = released["selected"], released["first"]
    calls_services.proposal_withdraw(actor=selected.lead, proposal=selected)
    with django_capture_on_commit_callbacks(execute=True):
        decision = services.reserve_promote(
            actor=officer, proposal=first, reason="Solar dryer's team withdrew."
        )
    assert (decision.outcome, decision.reserve_rank, decision.reason) == (
        "selected",
        None,
        "Solar dryer's team withdrew.",
    )
    assert decision.promoted_at is not None
    assert states(call) == {
        "Solar dryer": ("withdrawn", None),
        "Ticketing app": ("selected", None),
        "Drip kit": ("reserve", 2),
    }
    entry = AuditEntry.objects.get(action="decision.promoted")
    assert (entry.before, entry.after, entry.data["reserve_rank"]) == ("reserve", "selected", 1)
    assert entry.data["previous_reason"] == "Close behind."
    assert AuditEntry.objects.filter(
        action="proposal.selected", before="reserve", after="selected"
    ).exists()
    mail = OutboxMessage.objects.filter(kind="review.decision", to=first.lead.email).latest("pk")
    assert "in place 1 on the reserve list, is now selected for a grant" in mail.body
    assert "Solar dryer's team withdrew." in mail.body
    assert selectors.places_to_fill(call) == 0


def test_the_reserve_list_is_followed_in_order(call, officer, released):
    selected, second = released["selected"], released["second"]
    calls_services.proposal_withdraw(actor=selected.lead, proposal=selected)
    with pytest.raises(ValidationError) as caught:
        services.reserve_promote(actor=officer, proposal=second, reason="Skip ahead.")
    assert caught.value.message_dict == {
        "proposal": [
            "The reserve list is followed in order: promote “Ticketing app” (place 1) first."
        ]
    }
    assert states(call)["Drip kit"] == ("reserve", 2)
    assert not AuditEntry.objects.filter(action="decision.promoted").exists()


def test_nothing_is_promoted_while_no_selected_team_has_left(call, officer, released):
    with pytest.raises(ValidationError) as caught:
        services.reserve_promote(actor=officer, proposal=released["first"], reason="Why not.")
    assert list(caught.value.message_dict) == ["proposal"]
    assert states(call)["Ticketing app"] == ("reserve", 1)


def test_each_place_is_filled_once_and_a_promoted_team_that_leaves_frees_it_again(
    call, officer, released
):
    selected, first, second = released["selected"], released["first"], released["second"]
    calls_services.proposal_withdraw(actor=selected.lead, proposal=selected)
    services.reserve_promote(actor=officer, proposal=first, reason="A place opened.")
    with pytest.raises(ValidationError):
        services.reserve_promote(actor=officer, proposal=second, reason="Another one.")
    calls_services.proposal_withdraw(actor=first.lead, proposal=Proposal.objects.get(pk=first.pk))
    services.reserve_promote(actor=officer, proposal=second, reason="Another place opened.")
    assert states(call)["Drip kit"] == ("selected", None)
    assert selectors.places_to_fill(call) == 0
    assert list(selectors.reserve_list(call)) == []


def test_a_promotion_needs_a_reason(call, officer, released):
    calls_services.proposal_withdraw(actor=released["selected"].lead, proposal=released["selected"])
    with pytest.raises(ValidationError) as caught:
        services.reserve_promote(actor=officer, proposal=released["first"], reason="  ")
    assert list(caught.value.message_dict) == ["reason"]


def test_a_promoted_proposal_receives_a_grant_like_any_selected_one(call, officer, released):
    calls_services.proposal_withdraw(actor=released["selected"].lead, proposal=released["selected"])
    first = released["first"]
    services.reserve_promote(actor=officer, proposal=first, reason="A place opened.")
    grant = award(Proposal.objects.get(pk=first.pk), officer)
    assert (grant.proposal_id, grant.amount_rwf) == (first.pk, first.requested_amount_rwf)
    with pytest.raises(ValidationError):
        calls_services.proposal_withdraw(actor=first.lead, proposal=first)
    assert Proposal.objects.get(pk=first.pk).state == "selected"


def test_a_disqualified_team_frees_its_place_and_is_told(
    call, officer, released, django_capture_on_commit_callbacks
):
    selected = released["selected"]
    with django_capture_on_commit_callbacks(execute=True):
        services.selection_disqualify(
            actor=officer, proposal=selected, reason="The prototype was bought, not built."
        )
    proposal = Proposal.objects.get(pk=selected.pk)
    assert (proposal.state, proposal.state_reason) == (
        "ineligible",
        "The prototype was bought, not built.",
    )
    assert AuditEntry.objects.get(action="proposal.ineligible").data["reason"] == (
        "The prototype was bought, not built."
    )
    mail = OutboxMessage.objects.filter(to=selected.lead.email).latest("pk")
    assert "has disqualified your proposal" in mail.body
    assert "The prototype was bought, not built." in mail.body
    assert Decision.objects.get(proposal=selected).outcome == "selected"
    assert selectors.places_to_fill(call) == 1


def test_a_funded_team_is_not_disqualified_here(call, officer, released):
    award(released["selected"], officer)
    with pytest.raises(ValidationError) as caught:
        services.selection_disqualify(actor=officer, proposal=released["selected"], reason="x")
    assert list(caught.value.message_dict) == ["__all__"]
    assert Proposal.objects.get(pk=released["selected"].pk).state == "selected"


# --- Pages ----------------------------------------------------------------------------------


@pytest.mark.parametrize("published", [False, True])
def test_reserve_pages_answer_404_to_whoever_may_not_see_the_call_and_403_to_others(
    client, call, released, outsider, applicant, panel, published
):
    # Anyone sees a published call, and gets 403 from its review's pages; only the
    # programme's officers see one not yet published.
    Call.objects.filter(pk=call.pk).update(is_published=published)
    urls = [
        reverse("review:reserve", args=[call.pk]),
        reverse("review:disqualify", args=[call.pk, released["selected"].pk]),
    ]
    status = 403 if published else 404
    for user in (outsider, applicant, panel[0]):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == status, (user, url)
            assert client.post(url, {"reason": "x", "confirm": "on"}).status_code == status
    assert states(call)["Solar dryer"] == ("selected", None)


def test_the_officer_promotes_from_the_reserve_page_and_a_skip_is_refused_at_the_field(
    client, call, officer, released
):
    selected, first, second = released["selected"], released["first"], released["second"]
    calls_services.proposal_withdraw(actor=selected.lead, proposal=selected)
    client.force_login(officer)
    decisions = client.get(reverse("review:decisions", args=[call.pk])).content.decode()
    assert "A selected team left after the release" in decisions
    url = reverse("review:reserve", args=[call.pk])
    page = client.get(url)
    assert_clean(page)
    assert_clean(client.get(reverse("review:disqualify", args=[call.pk, first.pk])))
    assert page.context["places"] == 1
    assert page.context["form"].initial == {"proposal": str(first.pk)}
    response = client.post(url, {"proposal": str(second.pk), "reason": "Skip."})
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "proposal": [
            "The reserve list is followed in order: promote “Ticketing app” (place 1) first."
        ]
    }
    response = client.post(url, {"proposal": str(first.pk), "reason": ""})
    assert list(response.context["form"].errors) == ["reason"]
    response = client.post(url, {"proposal": str(first.pk), "reason": "A place opened."})
    assert response.status_code == 302
    assert states(call)["Ticketing app"] == ("selected", None)


def test_the_officer_disqualifies_only_with_a_confirmation_and_a_reason(
    client, call, officer, released
):
    client.force_login(officer)
    url = reverse("review:disqualify", args=[call.pk, released["selected"].pk])
    response = client.post(url, {"reason": "Plagiarised."})
    assert list(response.context["form"].errors) == ["confirm"]
    assert states(call)["Solar dryer"] == ("selected", None)
    response = client.post(url, {"reason": "Plagiarised.", "confirm": "on"})
    assert response.status_code == 302
    assert states(call)["Solar dryer"] == ("ineligible", None)


def test_the_team_reads_its_promotion_and_a_disqualified_team_its_reason(
    client, call, officer, released
):
    selected, first = released["selected"], released["first"]
    for proposal in (selected, first):
        ProgrammeRoleFactory(
            user=proposal.lead, programme=call.programme, role=Role.APPLICANT, organisation=None
        )
    services.selection_disqualify(actor=officer, proposal=selected, reason="Plagiarised.")
    services.reserve_promote(actor=officer, proposal=first, reason="A place opened.")
    client.force_login(first.lead)
    page = client.get(reverse("review:outcome", args=[first.pk])).content.decode()
    assert "A place opened." in page
    assert "promoted from the reserve list" in page
    client.force_login(selected.lead)
    page = client.get(reverse("review:outcomes")).content.decode()
    assert selected.title in page
    page = client.get(reverse("review:outcome", args=[selected.pk])).content.decode()
    assert "Plagiarised." in page
    assert "Most innovative." not in page


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_promotions_fill_one_free_place_once(call, officer, released):
    """Four officers promote the first reserve into the one free place at the same moment."""
    calls_services.proposal_withdraw(actor=released["selected"].lead, proposal=released["selected"])
    start = threading.Barrier(4)
    outcomes: list[str] = []

    def attempt() -> None:
        try:
            start.wait()
            services.reserve_promote(actor=officer, proposal=released["first"], reason="Go.")
            outcomes.append("promoted")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    refused = "Only a proposal on the reserve list can be promoted."
    assert sorted(outcomes) == sorted(["promoted"] + [refused] * 3)
    assert states(call) == {
        "Solar dryer": ("withdrawn", None),
        "Ticketing app": ("selected", None),
        "Drip kit": ("reserve", 2),
    }
    assert AuditEntry.objects.filter(action="decision.promoted").count() == 1


def test_the_reserve_page_makes_a_fixed_number_of_queries(
    client, call, officer, released, django_assert_num_queries
):
    client.force_login(officer)
    url = reverse("review:reserve", args=[call.pk])
    with CaptureQueriesContext(connection) as two_rows:
        assert len(client.get(url).context["reserve"]) == 2
    calls_services.proposal_withdraw(actor=released["second"].lead, proposal=released["second"])
    with django_assert_num_queries(len(two_rows.captured_queries)):
        assert len(client.get(url).context["reserve"]) == 1
