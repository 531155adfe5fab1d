"""Issue 12 in the calls app, on phones: two writers on one draft, and an absent coordinator.

Grace (applicant@example.org, the lead) and Mia (a member) open the draft.
Mia rewrites the problem; Grace, whose page still shows the old problem,
writes the market: autosave keeps Mia's problem. Then both change the
problem: Grace's autosave does not overwrite Mia's text, says so, and
Grace merges the two texts on a page that needs no JavaScript.

Then the team submits, the coordinator does not act, and the programme
officer confirms the team's affiliation with a reason and finds it eligible.
"""

from playwright.sync_api import expect

from skillbridge.calls import services
from skillbridge.calls.models import Proposal, TeamMember
from skillbridge.calls.services.drafts import draft_fingerprints
from skillbridge.common.models import AuditEntry, OutboxMessage
from skillbridge.people.models import Organisation, ProgrammeRole, Role, User
from skillbridge.programmes.models import Programme
from tests.browser.conftest import PHONE, _visitor
from tests.browser.test_calls_walkthrough import assert_reads_well
from tests.calls.factories import CallFactory, complete_draft
from tests.factories import PASSWORD, UserFactory

MIAS_PROBLEM = "Cooperatives lose a fifth of their maize to mould, most of it in the rainy season."
GRACES_PROBLEM = "Maize dried on the ground goes mouldy; traders pay less for it."
MERGED = f"{MIAS_PROBLEM} {GRACES_PROBLEM}"
GRACES_MARKET = "About 120 maize cooperatives in the Eastern Province."


def the_draft(college):
    programme = Programme.objects.get()
    sector = programme.sectors.order_by("id").first()
    call = CallFactory(programme=programme, sectors=[sector], required_documents=[])
    programme.colleges.add(college)
    lead = User.objects.get(email="applicant@example.org")
    return complete_draft(call=call, lead=lead, college=college, sector=sector)


def join(draft, college):
    mia = UserFactory(email="mia.uwera@example.org", full_name="Mia Uwera")
    ProgrammeRole.objects.create(
        user=mia, programme=draft.call.programme, role=Role.APPLICANT, organisation=college
    )
    TeamMember.objects.create(
        proposal=draft,
        user=mia,
        email=mia.email,
        full_name=mia.full_name,
        kind=TeamMember.Kind.STUDENT,
        sex=TeamMember.Sex.FEMALE,
        status=TeamMember.Status.JOINED,
    )
    return mia


def autosaved(page, field, text):
    """Type into an answer and wait for both of htmx's saves (after the key, after leaving)."""
    with page.expect_response(lambda response: "/autosave/" in response.url):
        field.fill(text)
        field.press("End")
    with page.expect_response(lambda response: "/autosave/" in response.url):
        field.blur()


def test_two_members_write_one_draft_and_nothing_is_overwritten(browser, accounts_site):
    college = Organisation.objects.get(short_name="IPRC Kigali")
    draft = the_draft(college)
    join(draft, college)
    edit = f"/calls/proposals/{draft.pk}/edit/"
    contexts = []
    try:
        grace_context, grace = _visitor(browser, accounts_site, PHONE)
        mia_context, mia = _visitor(browser, accounts_site, PHONE)
        contexts += [grace_context, mia_context]
        grace.sign_in("applicant@example.org")
        mia.sign_in("mia.uwera@example.org", PASSWORD)
        grace_page = grace.go(edit)
        mia_page = mia.go(edit)

        # Mia rewrites the problem.
        autosaved(mia_page, mia_page.get_by_label("Problem", exact=True), MIAS_PROBLEM)
        expect(mia_page.locator("#autosave-status")).to_contain_text("Saved at")

        # Grace's page still shows the old problem; she writes the market only.
        grace_problem = grace_page.get_by_label("Problem", exact=True)
        expect(grace_problem).to_have_value("The problem.")
        autosaved(grace_page, grace_page.get_by_label("Market and users"), GRACES_MARKET)
        status = grace_page.locator("#autosave-status")
        expect(status).to_contain_text("Saved at")
        expect(status).to_contain_text("Another member changed Problem")
        saved = Proposal.objects.get(pk=draft.pk)
        assert (saved.problem, saved.market) == (MIAS_PROBLEM, GRACES_MARKET)

        # Now Grace changes the problem too: autosave refuses to overwrite Mia's text.
        autosaved(grace_page, grace_problem, GRACES_PROBLEM)
        expect(status).to_contain_text("Not saved: another member changed Problem")
        assert Proposal.objects.get(pk=draft.pk).problem == MIAS_PROBLEM
        grace.screenshot("calls-two-writers-360-autosave-conflict")

        # She compares the two texts and saves an edit of both, without JavaScript's help.
        grace_page.get_by_role("button", name="Compare and merge").click()
        grace_page.wait_for_load_state()
        expect(grace_page.get_by_role("heading", level=1)).to_have_text(
            "Another member changed the same answers"
        )
        expect(grace_page.locator(".merge-text.mine")).to_contain_text(GRACES_PROBLEM)
        expect(grace_page.locator(".merge-text.theirs")).to_contain_text(MIAS_PROBLEM)
        assert_reads_well(grace, "two-writers-merge")
        grace_page.get_by_label("Save my edit below").check()
        grace_page.get_by_label("Edit: combine both texts here").fill(MERGED)
        grace_page.get_by_role("button", name="Save my choices").click()
        grace_page.wait_for_load_state()
        expect(grace_page.get_by_text("Your draft is saved.")).to_be_visible()
        expect(grace_page.get_by_label("Problem", exact=True)).to_have_value(MERGED)

        saved = Proposal.objects.get(pk=draft.pk)
        assert (saved.problem, saved.market) == (MERGED, GRACES_MARKET)
        assert saved.version == 4  # version 1, then Mia's save, Grace's market, the merge

        # Mia comes back to the page and reads the merged text.
        mia_page.reload()
        expect(mia_page.get_by_label("Problem", exact=True)).to_have_value(MERGED)
        expect(mia_page.locator("#draft-base input[name=base_problem]")).to_have_value(
            draft_fingerprints(saved)["problem"]
        )
        assert grace.csp_errors == []
        assert mia.csp_errors == []
    finally:
        for context in contexts:
            context.close()


def test_the_officer_confirms_the_team_when_the_coordinator_does_not(browser, accounts_site):
    college = Organisation.objects.get(short_name="IPRC Kigali")
    draft = the_draft(college)
    join(draft, college)
    services.proposal_submit(actor=draft.lead, proposal=draft)
    asked = OutboxMessage.objects.filter(kind="affiliation_request")
    assert list(asked.values_list("to", flat=True)) == ["coordinator@example.org"]

    context, officer = _visitor(browser, accounts_site, PHONE)
    try:
        officer.sign_in("officer@example.org")
        page = officer.go(f"/calls/proposals/{draft.pk}/")
        forms = page.locator("form.officer-affiliation")
        expect(forms).to_have_count(2)
        assert_reads_well(officer, "officer-confirms-affiliation")

        # No reason: refused at the field, nothing changes.
        forms.first.get_by_role("button", name="Confirm the affiliation").click()
        page.wait_for_load_state()
        expect(page.locator("form.officer-affiliation .errorlist").first).to_be_visible()
        assert not TeamMember.objects.filter(proposal=draft, affiliation="confirmed").exists()

        for _ in range(2):
            form = page.locator("form.officer-affiliation").first
            form.get_by_role("textbox").fill("Checked the college's enrolment list by phone.")
            form.get_by_role("button", name="Confirm the affiliation").click()
            page.wait_for_load_state()
        expect(page.locator("form.officer-affiliation")).to_have_count(0)

        page.get_by_label("Eligible", exact=True).check()
        page.get_by_role("button", name="Save the decision").click()
        page.wait_for_load_state()
        assert Proposal.objects.get(pk=draft.pk).state == Proposal.State.ELIGIBLE
        reasons = AuditEntry.objects.filter(action="team.affiliation_confirmed_by_officer")
        assert [e.data["reason"] for e in reasons] == [
            "Checked the college's enrolment list by phone."
        ] * 2
        assert officer.csp_errors == []
    finally:
        context.close()
