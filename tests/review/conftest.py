"""A call under review: three criteria, a three-reviewer panel from three organisations."""

from decimal import Decimal

import pytest

from skillbridge.calls.models import Proposal
from skillbridge.people.models import Role
from skillbridge.review import services
from tests.calls.factories import CallFactory, ProposalFactory, RubricCriterionFactory
from tests.factories import CollegeFactory, OrganisationFactory, ProgrammeRoleFactory, UserFactory


@pytest.fixture
def call(programme, college):
    call = CallFactory(programme=programme, reviews_per_proposal=2, eligible_colleges=[college])
    for position, (name, weight) in enumerate(
        [("Innovation", "2.00"), ("Feasibility", "1.00"), ("Impact", "1.00")]
    ):
        RubricCriterionFactory(call=call, name=name, weight=Decimal(weight), position=position)
    return call


def make_reviewer(programme, email, organisation=None):
    user = UserFactory(email=email)
    ProgrammeRoleFactory(
        user=user, programme=programme, role=Role.REVIEWER, organisation=organisation
    )
    return user


@pytest.fixture
def rp(db):
    return OrganisationFactory(short_name="RP")


@pytest.fixture
def panel(call, officer, reviewer, rp):
    """Rita (RP, the `reviewer` persona) plus Mina (MINAFFET) and Ivo (IOM)."""
    reviewer.programme_roles.update(organisation=rp)
    mina = make_reviewer(
        call.programme, "mina@example.org", OrganisationFactory(short_name="MINAFFET")
    )
    ivo = make_reviewer(call.programme, "ivo@example.org", OrganisationFactory(short_name="IOM"))
    for user in (reviewer, mina, ivo):
        services.pool_member_save(actor=officer, call=call, reviewer=user, load_limit=5)
    return [reviewer, mina, ivo]


@pytest.fixture
def eligible(call):
    """Three eligible proposals from two other colleges."""
    huye, musanze = (
        CollegeFactory(short_name="IPRC Huye"),
        CollegeFactory(short_name="IPRC Musanze"),
    )
    return [
        ProposalFactory(call=call, college=c, state=Proposal.State.ELIGIBLE, title=t)
        for c, t in [(huye, "Solar dryer"), (musanze, "Drip kit"), (huye, "Ticketing app")]
    ]


@pytest.fixture
def assigned(call, officer, panel, eligible):
    services.assignment_run(actor=officer, call=call)
    return eligible


def submit(review, values=(4, 3, 5), recommendation="fund", applicant_comment=""):
    """Declare no conflict and submit a review with the given criterion scores."""
    if review.declaration == "pending":
        services.conflict_declare(reviewer=review.reviewer, review=review)
    criteria = list(review.proposal.call.criteria.order_by("position"))
    return services.review_submit(
        reviewer=review.reviewer,
        review=review,
        scores={c.pk: v for c, v in zip(criteria, values, strict=True)},
        committee_comment="Solid work.",
        applicant_comment=applicant_comment,
        recommendation=recommendation,
    )


def stage_all(officer, call, reviewed):
    """Stage the first proposal selected, the third on the reserve list, the rest not selected."""
    return services.decisions_stage_selection(
        actor=officer,
        call=call,
        selected=[reviewed[0].pk],
        reserve=[reviewed[2].pk],
        reason_selected="Most innovative.",
        reason_reserve="Close behind.",
        reason_not_selected="Less innovative than the others.",
    )
