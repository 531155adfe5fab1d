"""Issue 12, tried as people would: a selected team withdraws after the release, the officer
promotes the first reserve (a skip is refused), the promoted team reads it on a phone and
the officer awards its grant."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from skillbridge.calls.models import Proposal
from skillbridge.demo.programmes import demo_programme
from skillbridge.grants.models import Grant
from skillbridge.people.models import Organisation, User
from skillbridge.review import services
from skillbridge.review.models import Decision
from tests.browser.conftest import PHONE, _visitor
from tests.calls.factories import (
    BudgetLineFactory,
    CallFactory,
    ProposalFactory,
    RubricCriterionFactory,
)
from tests.factories import UserFactory
from tests.review.conftest import submit

SELECTED = "Cold room for Kigali market vendors"  # applicant@example.org's team
FIRST = "Solar maize dryer for Huye cooperatives"  # applicant2@example.org's team
SECOND = "Drip irrigation kit for Musanze"
LATE = "Tea waste briquettes for Tumba"


@pytest.fixture
def released_call(accounts_site):
    """A released call: one selected team, two on the reserve list, reviewed by reviewer1."""
    programme = demo_programme()
    call = CallFactory(
        programme=programme, title="Reserve Call 2027", reviews_per_proposal=1, awards_planned=1
    )
    RubricCriterionFactory(call=call, name="Innovation", weight=Decimal(1))
    teams = [
        (SELECTED, User.objects.get(email="applicant@example.org"), "IPRC Kigali", 5),
        (FIRST, User.objects.get(email="applicant2@example.org"), "IPRC Huye", 4),
        (SECOND, UserFactory(email="musanze-lead@example.org"), "IPRC Musanze", 3),
    ]
    proposals = []
    for title, lead, college, _score in teams:
        proposal = ProposalFactory(
            call=call,
            lead=lead,
            college=Organisation.objects.get(short_name=college),
            title=title,
            state=Proposal.State.ELIGIBLE,
            requested_amount_rwf=8_000_000,
        )
        BudgetLineFactory(proposal=proposal, quantity=Decimal(16), unit_cost_rwf=500_000)
        proposals.append(proposal)
    officer = User.objects.get(email="officer@example.org")
    reviewer = User.objects.get(email="reviewer1@example.org")
    # A late proposal that nobody reviews before the decisions.
    proposals.append(
        ProposalFactory(
            call=call,
            lead=UserFactory(email="tumba-lead@example.org"),
            college=Organisation.objects.get(short_name="IPRC Tumba"),
            title=LATE,
            state=Proposal.State.ELIGIBLE,
        )
    )
    services.pool_member_save(actor=officer, call=call, reviewer=reviewer, load_limit=5)
    services.assignment_run(actor=officer, call=call)
    for proposal, (*_, score) in zip(proposals[:3], teams, strict=True):
        submit(proposal.reviews.get(status="active"), values=(score,))
    services.decisions_stage_selection(
        actor=officer,
        call=call,
        selected=[proposals[0].pk],
        reserve=[proposals[1].pk, proposals[2].pk],
        reason_selected="The most innovative proposal.",
        reason_reserve="Strong, just below the selected one.",
        reason_not_selected="-",
    )
    services.decisions_release(actor=officer, call=call, share_comments=False)
    return call, proposals


def test_the_reserve_takes_a_withdrawn_teams_place_and_goes_on_to_its_grant(
    browser, accounts_site, released_call
):
    call, (selected, first, second, late) = released_call
    contexts = []

    # Three people take turns, each with their own cookies, on the quick accounts-only site.
    def visitor(viewport=PHONE):
        context, person = _visitor(browser, accounts_site, viewport)
        contexts.append(context)
        return person

    # 1. The selected team (its lead reads Kinyarwanda) withdraws on a phone.
    lead = visitor()
    lead.sign_in("applicant@example.org")
    page = lead.go(reverse("calls:proposal_detail", args=[selected.pk]))
    action = reverse("calls:proposal_withdraw", args=[selected.pk])
    withdraw = page.locator(f"form[action='{action}']")
    withdraw.locator("textarea, input[type=text]").first.fill(
        "Our lead accepted a scholarship abroad."
    )
    withdraw.get_by_role("button").click()
    page.wait_for_load_state()
    assert lead.fits_width()
    lead.screenshot("reserve-1-withdrawn-phone")
    selected.refresh_from_db()
    assert (selected.state, selected.state_reason) == (
        "withdrawn",
        "Our lead accepted a scholarship abroad.",
    )
    assert lead.csp_errors == []

    # 2. The officer, on a phone, opens the reserve list: one place is free.
    officer = visitor()
    officer.sign_in("officer@example.org")
    page = officer.go(reverse("review:decisions", args=[call.pk]))
    expect(page.get_by_text("withdrawn", exact=True)).to_be_visible()
    officer.screenshot("reserve-2-decisions-phone")
    page.get_by_role("navigation", name="Review of this call").get_by_role(
        "link", name="Reserve list"
    ).click()
    expect(page.get_by_role("heading", name="Reserve list", level=1)).to_be_visible()
    expect(
        page.get_by_text("1 place left by a selected team is waiting to be filled.")
    ).to_be_visible()
    expect(page.get_by_label("Proposal to promote")).to_have_value(str(first.pk))

    # Trying to skip the first reserve is refused, and says who is first.
    page.get_by_label("Proposal to promote").select_option(str(second.pk))
    page.get_by_label("Reason").fill("Musanze is ready sooner.")
    page.get_by_role("button", name="Promote").click()
    expect(
        page.get_by_text(
            f"The reserve list is followed in order: promote “{FIRST}” (place 1) first."
        )
    ).to_be_visible()
    assert officer.fits_width()
    officer.screenshot("reserve-3-skip-refused-phone")
    assert Proposal.objects.get(pk=second.pk).state == "reserve"

    page.get_by_label("Proposal to promote").select_option(str(first.pk))
    page.get_by_label("Reason").fill("The Kigali team withdrew; Huye is first on the reserve list.")
    page.get_by_role("button", name="Promote").click()
    expect(page.get_by_text(f"{FIRST} is selected; its team is told by mail.")).to_be_visible()
    expect(
        page.get_by_text("0 places left by selected teams are waiting to be filled.")
    ).to_be_visible()
    assert officer.fits_width()
    officer.screenshot("reserve-4-promoted-phone")
    decision = Decision.objects.get(proposal=first)
    assert (decision.outcome, decision.promoted_at is not None) == ("selected", True)

    # 3. The promoted team reads it on a phone.
    team = visitor()
    team.sign_in("applicant2@example.org")
    page = team.go(reverse("review:outcomes"))
    card = page.get_by_role("listitem").filter(has=page.get_by_role("link", name=FIRST))
    expect(card.locator(".badge.state-selected")).to_have_text("selected")
    card.get_by_role("link", name=FIRST).click()
    expect(page.get_by_text("(promoted from the reserve list)")).to_be_visible()
    expect(
        page.get_by_text("The Kigali team withdrew; Huye is first on the reserve list.")
    ).to_be_visible()
    assert team.fits_width()
    team.screenshot("reserve-5-team-reads-phone")
    assert team.csp_errors == []

    # 4. The officer awards the promoted proposal its grant like any selected one.
    page = officer.go("/grants/")
    page.get_by_role("link", name=re.compile("Grants and envelope of")).click()
    page.get_by_role("link", name=f"Award a grant to “{FIRST}”").click()
    page.get_by_label("Exchange rate (RWF per EUR)").fill("1500")
    page.get_by_role("button", name="Award the grant").click()
    expect(page.get_by_text("The grant is awarded.")).to_be_visible()
    assert officer.fits_width()
    officer.screenshot("reserve-6-grant-awarded-phone")
    grant = Grant.objects.get(proposal=first)
    assert (grant.amount_rwf, grant.state) == (8_000_000, Grant.State.AWARDED)

    # 5. A proposal nobody reviewed: the decide page says so and asks for a confirmation.
    page = officer.go(reverse("review:decide", args=[call.pk, late.pk]))
    expect(page.get_by_text("no reviews yet")).to_be_visible()
    assert "None" not in page.locator("main").inner_text()
    page.get_by_label("Decision").select_option("not_selected")
    page.get_by_label("Reason").fill("Reached the committee too late.")
    page.get_by_role("button", name="Stage the decision").click()
    expect(
        page.get_by_text("Confirm that the committee decides without any review.")
    ).to_be_visible()
    expect(page.get_by_text("Say why the committee decides without any review.")).to_be_visible()
    assert officer.fits_width()
    officer.screenshot("reserve-7-decide-without-reviews-phone")
    assert not Decision.objects.filter(proposal=late).exists()
    page.get_by_label("I confirm the committee decides without any review").check()
    page.get_by_label("Why decide without a review").fill("Its reviewer left the panel.")
    page.get_by_role("button", name="Stage the decision").click()
    expect(page.get_by_text("The decision is staged.")).to_be_visible()
    assert Decision.objects.get(proposal=late).outcome == "not_selected"

    # 6. Disqualifying a team needs a confirmation too.
    page = officer.go(reverse("review:disqualify", args=[call.pk, second.pk]))
    page.get_by_label("Reason").fill("The prototype was bought, not built.")
    page.get_by_role("button", name="Disqualify the team").click()
    expect(page.get_by_text("Confirm that the committee disqualifies this team.")).to_be_visible()
    assert officer.fits_width()
    officer.screenshot("reserve-8-disqualify-phone")
    assert Proposal.objects.get(pk=second.pk).state == "reserve"
    assert officer.csp_errors == []
    for context in contexts:
        context.close()
