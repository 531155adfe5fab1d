"""Demo data of the review app: a complete review of the demo call, released.

Runs after the calls step. The panel is the three demo reviewers plus five
more; the engine assigns them; reviewer2 declares one conflict; everyone
else submits believable reviews (reviewer1 keeps two assignments to do, so a
visitor can try declaring and scoring); the committee selects ten under a
sector quota, puts three on the reserve list and releases the decisions.
Every stage is skipped once done, so running it again changes nothing.
"""

import hashlib
import math

from allauth.account.models import EmailAddress

from skillbridge.calls.demo import demo_programme
from skillbridge.calls.models import Call, Proposal
from skillbridge.people.demo import DEMO_PASSWORD, demo_user
from skillbridge.people.models import Organisation, ProgrammeRole, Role, User
from skillbridge.review import selectors, services
from skillbridge.review.models import Decision, PoolMember, Review

DEMO_CALL_TITLE = "Innovation Call 2027"

# (email, name, organisation, sector codes of expertise; none = generalist)
EXTRA_REVIEWERS = [
    ("reviewer.uwera@example.org", "Solange Uwera", "RP", ["agriculture", "energy"]),
    ("reviewer.kamanzi@example.org", "Jean Bosco Kamanzi", "MINAFFET", ["ict"]),
    ("reviewer.mukeshimana@example.org", "Alice Mukeshimana", "IOM Rwanda", []),
    ("reviewer.habineza@example.org", "Emmanuel Habineza", "RP", ["mechanical-engineering"]),
    ("reviewer.ndayisaba@example.org", "Chantal Ndayisaba", "MINEDUC", ["electrical-engineering"]),
]
DEMO_EXPERTISE = {
    "reviewer1@example.org": ["ict", "energy"],
    "reviewer2@example.org": ["agriculture"],
    "reviewer3@example.org": [],
}
# How lenient (+) or harsh (-) each reviewer is, so calibration has work to do.
BIAS = {"reviewer2@example.org": 0.5, "reviewer3@example.org": -0.4}
LEFT_TO_DO = 2  # reviewer1's assignments left undeclared for a visitor to try

COMMITTEE_COMMENTS = {
    "high": [
        "A clear, testable idea with a credible team and a realistic budget.",
        "Strong market evidence from local users; the prototype plan is convincing.",
        "Genuinely new for the sector in Rwanda and well within the team's skills.",
    ],
    "mid": [
        "Promising, but the budget leans heavily on equipment and the pilot is vague.",
        "Good problem statement; the solution needs a sharper plan for the first users.",
        "Sound technically, though similar products exist; the innovation is modest.",
    ],
    "low": [
        "The problem is real but the proposal does not show how the solution works.",
        "The plan is too broad for the grant and the timeline is not realistic.",
    ],
}
APPLICANT_COMMENTS = {
    "high": [
        "Well argued. Keep the pilot small and measure what users do.",
        "A strong idea: line up your first paying users before you build more.",
        "Clear and credible. Plan now who will maintain the product after the grant.",
    ],
    "mid": [
        "Show evidence from potential users and trim the equipment budget.",
        "Say who exactly will use this first and how you will reach them.",
        "Compare your solution with what already exists and say why yours is better.",
    ],
    "low": [
        "Focus on one problem and explain step by step how you will test your idea.",
        "Talk to ten potential users before you rewrite the plan.",
        "Make the timeline smaller: what can you show after three months?",
    ],
}


def _noise(*parts) -> float:
    """A stable pseudo-random number in [0, 1) for the given parts."""
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()
    return int(digest[:8], 16) / 0x100000000


def _demo_call() -> Call | None:
    calls = Call.objects.filter(programme=demo_programme())
    return calls.filter(title=DEMO_CALL_TITLE).first() or calls.order_by("-opens_at").first()


def _featured_proposal(call: Call) -> Proposal | None:
    """applicant@example.org's IPRC Kigali ticketing system: the grants step needs it selected."""
    mine = Proposal.objects.filter(call=call, lead__email="applicant@example.org")
    return mine.filter(title__icontains="ticket").first() or mine.first()


def _extra_reviewers() -> list[User]:
    programme = demo_programme()
    people = []
    for email, name, organisation, _ in EXTRA_REVIEWERS:
        user, created = User.objects.get_or_create(email=email, defaults={"full_name": name})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        ProgrammeRole.objects.get_or_create(
            user=user,
            programme=programme,
            role=Role.REVIEWER,
            defaults={"organisation": Organisation.objects.filter(short_name=organisation).first()},
        )
        people.append(user)
    return people


def _seed_pool(call: Call, officer: User) -> None:
    reviewers = [demo_user(e) for e in DEMO_EXPERTISE] + _extra_reviewers()
    expertise = {**DEMO_EXPERTISE, **{e: s for e, _, _, s in EXTRA_REVIEWERS}}
    eligible = selectors.review_candidates(call).count()
    limit = max(4, math.ceil(eligible * call.reviews_per_proposal / len(reviewers)) + 3)
    for reviewer in reviewers:
        if PoolMember.objects.filter(call=call, reviewer=reviewer).exists():
            continue
        services.pool_member_save(
            actor=officer,
            call=call,
            reviewer=reviewer,
            load_limit=limit,
            sectors=list(call.sectors.filter(slug__in=expertise[reviewer.email])),
        )


def _score(review: Review, criterion, featured: Proposal | None) -> int:
    quality = 2.4 + 2.2 * _noise("quality", review.proposal.title)
    if featured is not None and review.proposal_id == featured.pk:
        quality = 4.7
    value = (
        quality
        + BIAS.get(review.reviewer.email, 0.0)
        + 1.2 * (_noise(review.reviewer.email, review.proposal.title, criterion.name) - 0.5)
    )
    return max(1, min(5, round(value)))


def _band(scores: list[int]) -> str:
    mean = sum(scores) / len(scores)
    return "high" if mean >= 3.8 else "mid" if mean >= 2.9 else "low"


def _applicant_comment(review: Review, band: str) -> str:
    """A different comment from each reviewer of the same proposal."""
    done = review.proposal.reviews.filter(submitted_at__isnull=False).count()
    return APPLICANT_COMMENTS[band][done % len(APPLICANT_COMMENTS[band])]


def _seed_reviews(call: Call, featured: Proposal | None) -> None:
    criteria = selectors.criteria_of(call)
    reviewer1, reviewer2 = demo_user("reviewer1@example.org"), demo_user("reviewer2@example.org")
    if not Review.objects.filter(proposal__call=call, reviewer=reviewer2, status="conflict"):
        pending = (
            Review.objects.filter(proposal__call=call, reviewer=reviewer2, status="active")
            .exclude(proposal=featured)
            .order_by("pk")
            .first()
        )
        if pending is not None:
            services.conflict_declare(
                reviewer=reviewer2,
                review=pending,
                conflict_kind=Review.ConflictKind.BUSINESS,
                detail="I advise a company that would supply this project.",
            )
    to_do = set(
        Review.objects.filter(proposal__call=call, reviewer=reviewer1, status="active")
        .exclude(proposal=featured)
        .order_by("-pk")
        .values_list("pk", flat=True)[:LEFT_TO_DO]
    )
    reviews = (
        Review.objects.filter(proposal__call=call, status="active", submitted_at__isnull=True)
        .exclude(pk__in=to_do)
        .select_related("reviewer", "proposal")
        .order_by("pk")
    )
    for review in reviews:
        if review.declaration == Review.Declaration.PENDING:
            services.conflict_declare(reviewer=review.reviewer, review=review)
        scores = {c.pk: _score(review, c, featured) for c in criteria}
        band = _band(list(scores.values()))
        comments = COMMITTEE_COMMENTS[band]
        mean = sum(scores.values()) / len(scores)
        services.review_submit(
            reviewer=review.reviewer,
            review=review,
            scores=scores,
            committee_comment=comments[int(_noise(review.pk, "c") * len(comments))],
            applicant_comment=_applicant_comment(review, band),
            recommendation="fund" if mean >= 3.8 else "maybe" if mean >= 3 else "do_not_fund",
        )


def _seed_decisions(call: Call, officer: User, featured: Proposal | None) -> None:
    if Decision.objects.filter(call=call).exists():
        return
    found = selectors.selection_for(call, size=10, reserve=3, min_per_sector=1, max_per_college=3)
    if not found.selection.feasible:
        found = selectors.selection_for(call, size=10, reserve=3)
    selected, reserve = list(found.selection.chosen), list(found.reserve)
    if featured is not None and featured.pk in found.rows and featured.pk not in selected:
        if featured.pk in reserve:
            reserve.remove(featured.pk)
        selected[-1] = featured.pk
    services.decisions_stage_selection(
        actor=officer,
        call=call,
        selected=selected,
        reserve=reserve,
        reason_selected="Among the ten most innovative proposals, with a credible team and plan.",
        reason_reserve="A strong proposal just below the ten selected; offered a grant if one "
        "of them cannot go ahead.",
        reason_not_selected="The committee found other proposals more innovative or more "
        "ready to implement this year.",
    )


def seed_review() -> None:
    call = _demo_call()
    if call is None or not call.criteria.exists():
        return
    officer = demo_user("officer@example.org")
    featured = _featured_proposal(call)
    _seed_pool(call, officer)
    if not Review.objects.filter(proposal__call=call).exists():
        services.assignment_run(actor=officer, call=call)
    if not Decision.objects.filter(call=call).exists():
        _seed_reviews(call, featured)
    _seed_decisions(call, officer, featured)
    services.decisions_release(actor=officer, call=call, share_comments=True)
