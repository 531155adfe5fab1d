"""REST API of review assignments and declared conflicts of interest.

`GET /api/v1/assignments/` and `GET /api/v1/conflicts/`: the caller's own
review assignments (every status) and the conflicts they declared; empty for
anyone who reviews nothing. `GET /api/v1/calls/{id}/assignments/` and
`GET /api/v1/calls/{id}/conflicts/`: the same for every reviewer of one call,
for the programme's officers; other members get 403, outsiders 404.

An assignment's id is that of the review at `/api/v1/reviews/{id}/`. These
lists never carry a proposal's content or scores, so a reviewer who declared
a conflict still sees only what they saw before declaring.
"""

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView

from skillbridge.api.fields import choice_text
from skillbridge.review import selectors
from skillbridge.review.models import Review


class ReviewAssignmentSerializer(serializers.ModelSerializer):
    call = serializers.IntegerField(source="proposal.call_id")
    proposal = serializers.IntegerField(source="proposal_id")
    title = serializers.CharField(source="proposal.title")
    college = serializers.CharField(source="proposal.college.short_name")
    source = choice_text(Review.Source.choices)
    status = choice_text(Review.Status.choices)
    declaration = choice_text(Review.Declaration.choices)

    class Meta:
        model = Review
        fields = [
            "id", "call", "proposal", "title", "college", "source", "is_locked", "status",
            "declaration", "submitted_at",
        ]  # fmt: skip


class DeclaredConflictSerializer(serializers.ModelSerializer):
    call = serializers.IntegerField(source="proposal.call_id")
    proposal = serializers.IntegerField(source="proposal_id")
    title = serializers.CharField(source="proposal.title")
    college = serializers.CharField(source="proposal.college.short_name")
    kind = choice_text(Review.ConflictKind.choices, source="conflict_kind")
    detail = serializers.CharField(source="conflict_detail")

    class Meta:
        model = Review
        fields = ["id", "call", "proposal", "title", "college", "kind", "detail", "declared_at"]


class ReviewerFields(serializers.Serializer):
    """Who the reviewer is, in the officers' lists of a call."""

    reviewer_name = serializers.CharField(source="reviewer.full_name")
    reviewer_email = serializers.EmailField(source="reviewer.email")


class CallReviewAssignmentSerializer(ReviewerFields, ReviewAssignmentSerializer):
    class Meta(ReviewAssignmentSerializer.Meta):
        fields = [*ReviewAssignmentSerializer.Meta.fields, "reviewer_name", "reviewer_email"]


class CallDeclaredConflictSerializer(ReviewerFields, DeclaredConflictSerializer):
    class Meta(DeclaredConflictSerializer.Meta):
        fields = [*DeclaredConflictSerializer.Meta.fields, "reviewer_name", "reviewer_email"]


def _declared(reviews: QuerySet[Review]) -> QuerySet[Review]:
    return reviews.filter(declaration=Review.Declaration.CONFLICT)


def _own(user) -> QuerySet[Review]:
    if not user.is_authenticated:  # schema generation
        return Review.objects.none()
    return (
        Review.objects.filter(reviewer=user)
        .select_related("proposal__college")
        .order_by("-proposal__call__opens_at", "proposal__title", "pk")
    )


@extend_schema(summary="Your review assignments, every status (reviewers)")
class OwnAssignmentListView(ListAPIView):
    """Anyone signed in: their own review assignments."""

    serializer_class = ReviewAssignmentSerializer

    def get_queryset(self):
        return _own(self.request.user)


@extend_schema(summary="The conflicts of interest you declared (reviewers)")
class OwnConflictListView(ListAPIView):
    """Anyone signed in: the conflicts of interest they declared."""

    serializer_class = DeclaredConflictSerializer

    def get_queryset(self):
        return _declared(_own(self.request.user))


class _CallReviewListView(ListAPIView):
    """A list about one call's review: its programme's officers only."""

    def call_assignments(self) -> QuerySet[Review]:
        if getattr(self, "swagger_fake_view", False):  # schema generation, no call
            return Review.objects.none()
        call = selectors.call_for(self.request.user, self.kwargs["pk"], perm="review.manage_call")
        return selectors.assignments_of(call)


@extend_schema(summary="Every review assignment of the call, every status (officers)")
class CallAssignmentListView(_CallReviewListView):
    """Programme officers: who reviews which proposal of the call; outsiders 404, others 403."""

    serializer_class = CallReviewAssignmentSerializer

    def get_queryset(self):
        return self.call_assignments()


@extend_schema(summary="The conflicts of interest declared in the call (officers)")
class CallConflictListView(_CallReviewListView):
    """Programme officers: the conflicts declared in the call; outsiders 404, others 403."""

    serializer_class = CallDeclaredConflictSerializer

    def get_queryset(self):
        return _declared(self.call_assignments())
