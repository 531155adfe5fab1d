"""Factories for review panels, assignments and reviews."""

import factory

from skillbridge.review.models import PoolMember, Review
from tests.calls.factories import ProposalFactory
from tests.factories import UserFactory


class PoolMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PoolMember

    reviewer = factory.SubFactory(UserFactory)
    load_limit = 8


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    proposal = factory.SubFactory(ProposalFactory)
    reviewer = factory.SubFactory(UserFactory)
    source = Review.Source.ENGINE
