"""Issue 15, the officer's whole programme on a 360 px phone: a call published, eligibility
decided, reviewers assigned through a preview, the ranking read with each proposal's reviews
side by side, decisions released through a preview, a grant awarded and amended, a matching
run confirmed through a preview, a mission planned and last year's reporting period opened
and closed through a preview.

Only what other people do is set up through services: the teams' submitted proposals, the
reviewers' reviews, the team lead's acceptance of the agreement and amendment request, and a
professional's acceptance. Every officer step starts from a link on a page the officer sees
(the dashboard's queues and actions, the menu, the review pages' own links). Each step is
photographed into /tmp/officer_walk/ and must fit the screen.
"""

import datetime
import re
import tempfile
from pathlib import Path

from django.utils import timezone
from playwright.sync_api import expect

from skillbridge.calls.checks import proposal_snapshot
from skillbridge.calls.models import Call, Proposal, TeamMember
from skillbridge.common.models import OutboxMessage
from skillbridge.grants.models import Grant
from skillbridge.grants.services import amendments as amendment_services
from skillbridge.grants.services.awards import grant_accept_agreement
from skillbridge.pairing.models import Pairing
from skillbridge.pairing.services.pairings import pairing_accept
from skillbridge.programmes.models import Programme
from skillbridge.results.models import PeriodSnapshot, ReportingPeriod
from skillbridge.review import services as review_services
from skillbridge.review.models import Decision, Review
from tests.browser.conftest import PHONE
from tests.calls.factories import BudgetLineFactory, ProposalFactory
from tests.factories import UserFactory

# Where the brief of issue 15 asked for them: /tmp/officer_walk/ on Linux.
SHOTS = Path(tempfile.gettempdir()) / "officer_walk"
CALL = "Green Skills Call 2027"
# (title, college, sector, scores of the two reviewers on the two criteria)
TEAMS = [
    ("Biogas kits for school kitchens", "IPRC Musanze", 0, [(5, 5), (5, 4)]),
    ("Drone mapping of terraces", "IPRC Huye", 1, [(3, 3), (3, 2)]),
    ("Solar cold rooms for milk", "IPRC Ngoma", 0, [(2, 3), (5, 5)]),
    ("A phone app for bus tickets", "IPRC Karongi", 1, [(1, 1), (1, 2)]),
]
INELIGIBLE = "A phone app for bus tickets"
LOAD_LIMIT = 65


class Walk:
    """The officer's phone, numbering the screenshots and counting the page loads."""

    def __init__(self, visitor):
        self.visitor = visitor
        self.page = visitor.page
        self.loads = 0
        self.number = 0
        self.page.on("load", self._loaded)
        SHOTS.mkdir(parents=True, exist_ok=True)

    def _loaded(self, page):
        self.loads += 1

    def shot(self, name: str) -> None:
        self.number += 1
        self.page.wait_for_load_state()
        self.page.screenshot(path=SHOTS / f"{self.number:02d}-{name}.png", full_page=True)
        assert self.visitor.fits_width(), f"{name} is wider than 360 px"

    def menu(self, name: str) -> None:
        self.visitor.open_menu()
        self.page.locator("details.menu").get_by_role("link", name=name, exact=True).click()

    def dashboard(self) -> None:
        self.menu("Dashboard")
        expect(self.page.get_by_role("heading", level=1)).to_be_visible()

    def other_page(self, name: str) -> None:
        """Follow one of the dashboard's links folded under "Your other pages"."""
        more = self.page.locator("details.more-pages").first
        if more.get_attribute("open") is None:
            more.locator("summary").click()
        more.get_by_role("link", name=name).first.click()


def _kigali(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def _fill_call(page) -> None:
    now = timezone.now()
    page.get_by_label("Title:", exact=True).fill(CALL)
    page.get_by_label("Description:", exact=True).fill(
        "Projects that train young people in renewable energy and climate-smart farming."
    )
    sectors = page.get_by_role("group", name="Sectors")
    sectors.get_by_role("checkbox").nth(0).check()
    sectors.get_by_role("checkbox").nth(1).check()
    page.get_by_label("Opens (Africa/Kigali time)").fill(_kigali(now - datetime.timedelta(days=1)))
    page.get_by_label("Closes (Africa/Kigali time)").fill(
        _kigali(now + datetime.timedelta(days=30))
    )
    page.get_by_label("Maximum grant (RWF)").fill("8000000")
    page.get_by_label("Awards planned").fill("2")
    page.get_by_label("Reviews per proposal").fill("2")
    page.get_by_label("Published: students and trainers can see it and apply").check()
    for number, (name, weight) in enumerate([("Innovation", "2"), ("Feasibility", "1")], 1):
        criterion = page.get_by_role("group", name=f"Criterion {number}", exact=True)
        criterion.get_by_label("Criterion:", exact=True).fill(name)
        criterion.get_by_label("Weight:", exact=True).fill(weight)
        for level in range(1, 6):
            criterion.get_by_label(f"{level} means:", exact=True).fill(f"{name}, level {level}")


def _teams_submit(call: Call) -> list[Proposal]:
    """What the teams do: write and submit a proposal, their college confirming each lead."""
    programme = call.programme
    sectors = list(call.sectors.order_by("pk"))
    colleges = {c.short_name: c for c in programme.colleges.all()}
    proposals = []
    for number, (title, college, sector, _scores) in enumerate(TEAMS, 1):
        proposal = ProposalFactory(
            call=call,
            college=colleges[college],
            lead=UserFactory(email=f"green-lead-{number}@example.org"),
            sector=sectors[sector],
            title=title,
            requested_amount_rwf=6_000_000,
        )
        BudgetLineFactory(proposal=proposal, quantity=2, unit_cost_rwf=3_000_000)
        TeamMember.objects.filter(proposal=proposal).update(
            affiliation=TeamMember.Affiliation.CONFIRMED
        )
        proposal.submitted_at = timezone.now()
        proposal.state = Proposal.State.SUBMITTED
        proposal.snapshot = proposal_snapshot(proposal)
        proposal.save()
        proposals.append(proposal)
    return proposals


def _reviewers_submit(call: Call) -> None:
    """What the panel does: declare no conflict and score every assigned proposal."""
    scores = {title: iter(pairs) for title, _c, _s, pairs in TEAMS}
    criteria = list(call.criteria.order_by("position"))
    for review in Review.objects.filter(proposal__call=call, status=Review.Status.ACTIVE):
        review_services.conflict_declare(reviewer=review.reviewer, review=review)
        values = next(scores[review.proposal.title])
        review_services.review_submit(
            reviewer=review.reviewer,
            review=review,
            scores={c.pk: v for c, v in zip(criteria, values, strict=True)},
            committee_comment="Scored against the rubric.",
            applicant_comment="Thank you for a clear proposal.",
            recommendation="fund" if sum(values) >= 7 else "do_not_fund",
        )


def _footprint(call: Call) -> tuple:
    return (
        sorted(Review.objects.filter(proposal__call=call).values_list("pk", "status")),
        sorted(Proposal.objects.filter(call=call).values_list("pk", "state")),
        sorted(Decision.objects.filter(call=call).values_list("pk", "outcome", "released_at")),
        OutboxMessage.objects.count(),
    )


def test_the_officer_walks_the_whole_programme_on_a_phone(demo_browser):
    programme = Programme.objects.get()
    officer = demo_browser(PHONE)
    officer.sign_in("officer@example.org")
    walk = Walk(officer)
    page = walk.page

    # 1. A call published, from the dashboard's "Open a call".
    walk.dashboard()
    walk.shot("dashboard")
    walk.other_page("Open a call")
    expect(page.get_by_role("heading", name="Open a call", level=1)).to_be_visible()
    _fill_call(page)
    walk.shot("call-form")
    page.get_by_role("button", name="Save the call").click()
    expect(page.get_by_text("The call is saved.")).to_be_visible()
    call = Call.objects.order_by("-pk").first()
    assert call.is_published
    assert call.is_open
    walk.shot("call-published")

    # The teams apply.
    proposals = _teams_submit(call)

    # 2. Eligibility, from the dashboard's queue: three eligible, one not.
    for proposal in proposals:
        walk.dashboard()
        page.get_by_role(
            "link", name=re.compile(r"proposals? awaits? (its|their) eligibility")
        ).click()
        page.get_by_role("link", name=proposal.title, exact=True).click()
        expect(page.get_by_role("heading", name=proposal.title, level=1)).to_be_visible()
        if proposal.title == INELIGIBLE:
            page.get_by_label("Not eligible").check()
            page.get_by_label("Reason (the team reads it)").fill(
                "The call funds green skills; ticketing is outside its sectors' scope."
            )
        else:
            page.get_by_label("Eligible", exact=True).check()
        if proposal == proposals[0]:
            walk.shot("eligibility-form")
        page.get_by_role("button", name="Save the decision").click()
        expect(page.get_by_text("The eligibility decision is saved")).to_be_visible()
    states = dict(Proposal.objects.filter(call=call).values_list("title", "state"))
    assert sorted(states.values()) == ["eligible", "eligible", "eligible", "ineligible"]

    # 3. The panel, then the reviewer assignment through its preview.
    walk.menu("Review")
    card = page.get_by_role("listitem").filter(has=page.get_by_role("heading", name=CALL))
    card.get_by_role("link", name="Panel").click()
    for index in (1, 2, 3):
        page.get_by_label("Reviewer:", exact=True).select_option(index=index)
        page.get_by_role("button", name="Save", exact=True).click()
        page.wait_for_load_state()
    walk.shot("panel")
    subnav = page.get_by_role("navigation", name="Review of this call")
    subnav.get_by_role("link", name="Assignments").click()
    before = _footprint(call)
    page.get_by_role("button", name="Preview the assignment").click()
    expect(page.get_by_role("heading", name="Preview the assignment", level=1)).to_be_visible()
    expect(page.get_by_text("6 new assignments")).to_be_visible()
    walk.shot("assignment-preview")
    assert not Review.objects.filter(proposal__call=call).exists()
    assert _footprint(call) == before
    page.get_by_role("button", name="Confirm the assignment").click()
    expect(
        page.get_by_text("6 new assignments, 0 kept, 0 untouched ones withdrawn.")
    ).to_be_visible()
    walk.shot("assignments")
    assert Review.objects.filter(proposal__call=call, status="active").count() == 6

    # The reviewers score.
    _reviewers_submit(call)

    # 4. The ranking: a row's reviews side by side, and its proposal.
    subnav.get_by_role("link", name="Ranking").click()
    expect(page.get_by_role("heading", name="Ranking", level=1)).to_be_visible()
    first = page.get_by_role("row").nth(1)
    expect(first).to_contain_text(TEAMS[0][0])
    walk.shot("ranking")
    page.get_by_role("link", name=f"Reviews side by side {TEAMS[2][0]}").click()
    expect(page.get_by_role("heading", name=TEAMS[2][0], level=1)).to_be_visible()
    walk.shot("reviews-side-by-side")
    page.get_by_role("link", name="Open the proposal").click()
    expect(page.get_by_role("heading", name=TEAMS[2][0], level=1)).to_be_visible()
    walk.shot("proposal")
    page.go_back()
    page.get_by_role("link", name="Back to the ranking").click()

    # 5. Decisions: the best set staged, then released through the preview.
    subnav.get_by_role("link", name="Selection").click()
    page.get_by_label("How many to select").fill("2")
    page.get_by_label("How many on the reserve list").fill("1")
    page.get_by_role("button", name="Find the best set").click()
    page.get_by_label("Reason for the selected proposals").fill("The two strongest plans.")
    page.get_by_label("Reason for the reserve list").fill("Close behind the selected two.")
    page.get_by_label("Reason for the proposals not selected").fill("Less convincing.")
    walk.shot("selection")
    page.get_by_role("button", name="Stage the decisions").click()
    page.wait_for_load_state()
    subnav.get_by_role("link", name="Decisions").click()
    expect(page.get_by_role("heading", name="Decisions", level=1)).to_be_visible()
    walk.shot("decisions-staged")
    before = _footprint(call)
    page.get_by_role("button", name="Preview the release").click()
    expect(page.get_by_role("heading", name="Preview the release", level=1)).to_be_visible()
    walk.shot("release-preview")
    assert _footprint(call) == before
    assert not Decision.objects.filter(call=call, released_at__isnull=False).exists()
    page.get_by_role("button", name="Confirm and release").click()
    expect(page.get_by_text("3 decisions released.")).to_be_visible()
    walk.shot("decisions-released")
    selected = list(
        Proposal.objects.filter(call=call, state=Proposal.State.SELECTED).order_by("title")
    )
    assert [p.title for p in selected] == sorted([TEAMS[0][0], TEAMS[2][0]])

    # 6. A grant awarded, from the dashboard's grants action.
    winner = Proposal.objects.get(call=call, title=TEAMS[0][0])
    walk.dashboard()
    walk.other_page("Award grants, approve milestones and follow the envelope")
    page.get_by_role("link", name=f"Award a grant to “{winner.title}”").click()
    expect(page.get_by_role("heading", name="Award a grant", exact=True)).to_be_visible()
    assert page.get_by_label("Awarded amount (RWF)").input_value() == "6000000"
    walk.shot("award-form")
    page.get_by_role("button", name="Award the grant").click()
    expect(page.get_by_text("The grant is awarded.")).to_be_visible()
    walk.shot("awarded")
    grant = Grant.objects.get(proposal=winner)

    # 7. The team accepts the agreement and asks for a no-cost extension; the officer approves.
    grant_accept_agreement(actor=winner.lead, grant=grant)
    new_end = grant.ends_on + datetime.timedelta(days=90)
    amendment_services.amendment_request(
        actor=winner.lead,
        grant=grant,
        kind="extension",
        reason="The biogas digesters arrive three months late.",
        changes={"ends_on": new_end},
    )
    walk.dashboard()
    walk.other_page("Award grants, approve milestones and follow the envelope")
    page.get_by_role("link", name=winner.title).first.click()
    expect(page.get_by_text("An amendment is waiting for the officer's decision")).to_be_visible()
    walk.shot("grant-with-amendment")
    page.get_by_role("link", name="See the amendment").click()
    page.get_by_label("Approve", exact=True).check()
    walk.shot("amendment")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("Your decision is recorded.")).to_be_visible()
    walk.shot("amendment-approved")
    grant.refresh_from_db()
    assert grant.ends_on == new_end
    assert grant.versions.count() >= 1

    # 8. A pairing: the funded project's need stated, a matching run confirmed through its preview.
    walk.dashboard()
    walk.other_page("State the needs of funded projects, run the matching and invite professionals")
    project = page.locator("section.card").filter(
        has=page.get_by_role("heading", name=winner.title, exact=True)
    )
    project.get_by_role("link", name="Add a need").click()
    page.get_by_label("Sector:", exact=True).select_option(label=winner.sector.label)
    languages = page.get_by_role("group", name="Languages of the work")
    languages.get_by_label("English", exact=True).check()
    languages.get_by_label("Kinyarwanda", exact=True).check()
    page.get_by_label("remote", exact=True).check()
    today = timezone.localdate()
    page.get_by_label("From:", exact=True).fill((today + datetime.timedelta(days=30)).isoformat())
    page.get_by_label("To:", exact=True).fill((today + datetime.timedelta(days=120)).isoformat())
    page.get_by_label("What the team needs, in a few sentences").fill(
        "A mentor in biogas digester design and maintenance for the school kitchens."
    )
    walk.shot("need-form")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_load_state()
    walk.shot("need-saved")
    walk.menu("Pairing")
    if page.get_by_role("button", name="Start the matching run").count() == 0:
        page.get_by_role("link", name=programme.name).click()
    page.get_by_role("button", name="Start the matching run").click()
    page.wait_for_load_state()
    expect(page.locator("#run-progress")).to_contain_text(re.compile("done", re.I))
    walk.shot("matching-run")
    pairings_before = dict(Pairing.objects.values_list("pk", "state"))
    outbox_before = OutboxMessage.objects.count()
    page.get_by_role("link", name="Review the invitations, then confirm").click()
    expect(page.get_by_text("Nothing has changed yet.")).to_be_visible()
    walk.shot("matching-preview")
    assert dict(Pairing.objects.values_list("pk", "state")) == pairings_before
    assert OutboxMessage.objects.count() == outbox_before
    page.get_by_role("button", name="Confirm and invite the professionals").click()
    expect(page.get_by_text(re.compile(r"professionals? (is|are) invited"))).to_be_visible()
    walk.shot("matching-confirmed")
    invited = [
        pairing
        for pairing in Pairing.objects.filter(state=Pairing.State.INVITED).order_by("pk")
        if pairings_before.get(pairing.pk) != Pairing.State.INVITED
    ]
    assert invited, "the confirmation invites the proposed professionals"
    ours = [pairing for pairing in invited if pairing.need.owner_title == winner.title]
    assert ours, "the new project's need is matched"
    invited = ours[0]

    # The professional accepts.
    pairing_accept(actor=invited.expert.user, pairing=invited)

    # 9. A mission planned for that pairing, from the dashboard's action.
    walk.dashboard()
    walk.other_page("Plan a mission for an accepted pairing")
    choice = page.get_by_label("Accepted pairing")
    label = next(
        text
        for text in choice.locator("option").all_inner_texts()
        if text.startswith(invited.need.owner_title) and invited.expert.display_name in text
    )
    choice.select_option(label=label)
    page.get_by_label("Type").select_option(label="remote mentoring series")
    page.get_by_label("Title:", exact=True).fill("Mentoring the first quarter")
    page.get_by_label("First day").fill((today + datetime.timedelta(days=40)).isoformat())
    page.get_by_label("Last day").fill((today + datetime.timedelta(days=44)).isoformat())
    page.get_by_label("Objectives").fill("The team plans its first quarter with the mentor.")
    page.get_by_label("Expected participants").fill("6")
    walk.shot("mission-form")
    page.get_by_role("button", name="Plan the mission").click()
    expect(page.get_by_text("The mission is planned.")).to_be_visible()
    walk.shot("mission-planned")

    # 10. Last year's reporting period opened, then closed through its preview: a period
    # is closed only once it has ended, so the demo's quarter under way stays open.
    last_year = timezone.localdate().year - 1
    walk.dashboard()
    walk.other_page(
        "Follow the results framework, close reporting periods and send the donor report"
    )
    page.get_by_role("link", name="Reporting periods and reports").first.click()
    page.get_by_label("Kind").select_option("year")
    page.get_by_label("Year").fill(str(last_year))
    page.get_by_role("button", name="Open the period").click()
    expect(page.get_by_text("The period is open.")).to_be_visible()
    period = ReportingPeriod.objects.get(
        programme=programme, kind="year", starts_on=datetime.date(last_year, 1, 1)
    )
    page.get_by_role("link", name="Preview and close the period").click()
    expect(page.get_by_text("Nothing has changed yet.")).to_be_visible()
    walk.shot("close-preview")
    period.refresh_from_db()
    assert period.state == "open"
    assert not PeriodSnapshot.objects.filter(period=period).exists()
    page.get_by_role("button", name="Close the period").first.click()
    page.wait_for_load_state()
    walk.shot("period-closed")
    period.refresh_from_db()
    assert period.state == "closed"
    assert officer.csp_errors == []
    # docs/journeys.md: 63 loads when this walk was written, four of them per eligibility check.
    assert walk.loads <= LOAD_LIMIT, f"{walk.loads} page loads"
