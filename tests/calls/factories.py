"""Factories for calls, proposals and teams."""

import datetime
from decimal import Decimal

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from skillbridge.calls.models import (
    Attachment,
    BudgetLine,
    Call,
    Proposal,
    RubricCriterion,
    TeamMember,
)
from tests.factories import CollegeFactory, ProgrammeFactory, SectorFactory, UserFactory


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call
        skip_postgeneration_save = True

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Call {n}")
    description = "Innovative projects from the colleges."
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=30))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    max_grant_rwf = 20_000_000
    awards_planned = 10
    reviews_per_proposal = 3
    is_published = True

    @factory.post_generation
    def sectors(call, create, extracted, **kwargs):
        if create:
            call.sectors.set(extracted or [SectorFactory(slug="energy", name="Energy")])

    @factory.post_generation
    def eligible_colleges(call, create, extracted, **kwargs):
        if create and extracted:
            call.eligible_colleges.set(extracted)


class RubricCriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RubricCriterion

    call = factory.SubFactory(CallFactory)
    name = factory.Sequence(lambda n: f"Criterion {n}")
    weight = Decimal("1.00")
    levels = factory.LazyFunction(lambda: {str(i): f"Level {i}" for i in range(1, 6)})


class ProposalFactory(factory.django.DjangoModelFactory):
    """A complete proposal (every field filled), by default still a draft."""

    class Meta:
        model = Proposal
        skip_postgeneration_save = True

    call = factory.SubFactory(CallFactory)
    college = factory.SubFactory(CollegeFactory)
    lead = factory.SubFactory(UserFactory)
    sector = factory.LazyAttribute(lambda p: p.call.sectors.first())
    title = factory.Sequence(lambda n: f"Proposal {n}")
    summary = "A short summary."
    problem = "The problem."
    solution = "The solution."
    innovation = "What is new."
    market = "Who will pay."
    implementation_plan = "How it will be done."
    requested_amount_rwf = 5_000_000
    state = Proposal.State.DRAFT

    @factory.post_generation
    def lead_member(proposal, create, extracted, **kwargs):
        """The lead is always the first member of the team."""
        if create:
            TeamMember.objects.create(
                proposal=proposal,
                user=proposal.lead,
                email=proposal.lead.email,
                full_name=proposal.lead.full_name,
                is_lead=True,
                kind=kwargs.get("kind", TeamMember.Kind.STUDENT),
                sex=kwargs.get("sex", TeamMember.Sex.UNDISCLOSED),
                status=TeamMember.Status.JOINED,
            )


class TeamMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamMember

    proposal = factory.SubFactory(ProposalFactory)
    user = factory.SubFactory(UserFactory)
    email = factory.LazyAttribute(lambda m: m.user.email if m.user else "invitee@example.org")
    full_name = factory.LazyAttribute(lambda m: m.user.full_name if m.user else "")
    kind = TeamMember.Kind.STUDENT
    status = TeamMember.Status.JOINED


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    proposal = factory.SubFactory(ProposalFactory)
    item = factory.Sequence(lambda n: f"Item {n}")
    category = BudgetLine.Category.EQUIPMENT
    quantity = Decimal(2)
    unit_cost_rwf = 500_000


PDF_BYTES = b"%PDF-1.4\n% SkillBridge test document\n%%EOF\n"


class AttachmentFactory(factory.django.DjangoModelFactory):
    """A small, real PDF attached to a proposal."""

    class Meta:
        model = Attachment

    proposal = factory.SubFactory(ProposalFactory)
    kind = "other"
    file = factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="document.pdf"))
    original_name = "document.pdf"
    content_type = "application/pdf"
    size = len(PDF_BYTES)
    uploaded_by = factory.LazyAttribute(lambda a: a.proposal.lead)


def complete_draft(*, call: Call, lead, college, **fields) -> Proposal:
    """A draft that can be submitted: every answer, a budget, each required document."""
    proposal = ProposalFactory(call=call, lead=lead, college=college, **fields)
    BudgetLineFactory(proposal=proposal, quantity=Decimal(10), unit_cost_rwf=500_000)
    for document in call.required_documents:
        AttachmentFactory(proposal=proposal, kind=document)
    return proposal
