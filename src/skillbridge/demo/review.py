"""A complete review of the demo call, released (data/review.toml).

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

from skillbridge.calls.models import Call, Proposal
from skillbridge.demo.calls import CALL_TITLE
from skillbridge.demo.people import demo_person, demo_user
from skillbridge.demo.programmes import demo_programme
from skillbridge.demo.texts import texts
from skillbridge.people.models import Organisation, ProgrammeRole, Role, User
from skillbridge.review import selectors, services
from skillbridge.review.models import Decision, PoolMember, Review

LEFT_TO_DO = 2  # reviewer1's assignments left undeclared for a visitor to try


def _noise(*parts) -> float:
    """A stable pseudo-random number in [0, 1) for the given parts."""
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()
    return int(digest[:8], 16) / 0x100000000


def _demo_call() -> Call | None:
    calls = Call.objects.filter(programme=demo_programme())
    return calls.filter(title=CALL_TITLE).first() or calls.order_by("-opens_at").first()


def _featured_proposal(call: Call) -> Proposal | None:
    """applicant@example.org's IPRC Kigali ticketing system: the grants step needs it selected."""
    mine = Proposal.objects.filter(call=call, lead__email="applicant@example.org")
    return mine.filter(title__icontains="ticket").first() or mine.first()


def _extra_reviewers() -> list[User]:
    programme = demo_programme()
    people = []
    for row in texts("review")["extra_reviewers"]:
        user = demo_person(row["email"], row["name"])
        EmailAddress.objects.get_or_create(
            user=user, email=row["email"], defaults={"verified": True, "primary": True}
        )
        organisation = Organisation.objects.filter(short_name=row["organisation"]).first()
        ProgrammeRole.objects.get_or_create(
            user=user,
            programme=programme,
            role=Role.REVIEWER,
            defaults={"organisation": organisation},
        )
        people.append(user)
    return people


def _seed_pool(call: Call, officer: User) -> None:
    data = texts("review")
    reviewers = [demo_user(email) for email in data["expertise"]] + _extra_reviewers()
    expertise = {
        **data["expertise"],
        **{row["email"]: row["sectors"] for row in data["extra_reviewers"]},
    }
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
        + texts("review")["bias"].get(review.reviewer.email, 0.0)
        + 1.2 * (_noise(review.reviewer.email, review.proposal.title, criterion.name) - 0.5)
    )
    return max(1, min(5, round(value)))


def _band(scores: list[int]) -> str:
    mean = sum(scores) / len(scores)
    return "high" if mean >= 3.8 else "mid" if mean >= 2.9 else "low"


def _applicant_comment(review: Review, band: str) -> str:
    """A different comment from each reviewer of the same proposal."""
    comments = texts("review")["applicant_comments"][band]
    done = review.proposal.reviews.filter(submitted_at__isnull=False).count()
    return comments[done % len(comments)]


def _declare_one_conflict(call: Call, featured: Proposal | None) -> None:
    reviewer2 = demo_user("reviewer2@example.org")
    if Review.objects.filter(proposal__call=call, reviewer=reviewer2, status="conflict"):
        return
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
            detail=texts("review")["conflict_detail"],
        )


def _submit(review: Review, criteria, featured: Proposal | None) -> None:
    """Declare no conflict if still pending, then score and comment the proposal."""
    if review.declaration == Review.Declaration.PENDING:
        services.conflict_declare(reviewer=review.reviewer, review=review)
    scores = {c.pk: _score(review, c, featured) for c in criteria}
    band = _band(list(scores.values()))
    comments = texts("review")["committee_comments"][band]
    mean = sum(scores.values()) / len(scores)
    services.review_submit(
        reviewer=review.reviewer,
        review=review,
        scores=scores,
        committee_comment=comments[int(_noise(review.pk, "c") * len(comments))],
        applicant_comment=_applicant_comment(review, band),
        recommendation="fund" if mean >= 3.8 else "maybe" if mean >= 3 else "do_not_fund",
    )


def _seed_reviews(call: Call, featured: Proposal | None) -> None:
    criteria = selectors.criteria_of(call)
    reviewer1 = demo_user("reviewer1@example.org")
    _declare_one_conflict(call, featured)
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
        _submit(review, criteria, featured)


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
    reasons = texts("review")["reasons"]
    services.decisions_stage_selection(
        actor=officer,
        call=call,
        selected=selected,
        reserve=reserve,
        reason_selected=reasons["selected"],
        reason_reserve=reasons["reserve"],
        reason_not_selected=reasons["not_selected"],
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
