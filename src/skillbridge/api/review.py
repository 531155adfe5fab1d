"""REST API of review and selection: reviewers' own reviews, officers' ranking.

A review's id is that of the reviewer's assignment to one proposal. Before the
reviewer declares no conflict, a review shows only the proposal's title,
college and team; a reviewer with a conflict gets 403 and nothing else.
"""

from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.generics import ListAPIView
from rest_framework.response import Response

from skillbridge.calls.models import RubricCriterion
from skillbridge.common.bounds import column_bounds
from skillbridge.review import selectors, services
from skillbridge.review.models import Review


class ReviewCriterionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    weight = serializers.DecimalField(max_digits=5, decimal_places=2)
    levels = serializers.DictField(child=serializers.CharField())


class ReviewScoreSerializer(serializers.Serializer):
    criterion = serializers.IntegerField(**column_bounds(RubricCriterion, "id", min_value=1))
    value = serializers.IntegerField(min_value=1, max_value=5)


class OtherReviewSerializer(serializers.Serializer):
    weighted_score = serializers.DecimalField(max_digits=5, decimal_places=3)
    recommendation = serializers.CharField()
    committee_comment = serializers.CharField()
    scores = ReviewScoreSerializer(many=True)


class ProposalContentSerializer(serializers.Serializer):
    summary = serializers.CharField()
    problem = serializers.CharField()
    solution = serializers.CharField()
    innovation = serializers.CharField()
    market = serializers.CharField()
    implementation_plan = serializers.CharField()
    requested_amount_rwf = serializers.IntegerField(allow_null=True)


class ReviewSerializer(serializers.ModelSerializer):
    """What the reviewer may see: the content, scores and other reviews only when allowed."""

    call = serializers.IntegerField(source="proposal.call_id")
    proposal = serializers.IntegerField(source="proposal_id")
    title = serializers.CharField(source="proposal.title")
    college = serializers.CharField(source="proposal.college.name")
    team = serializers.SerializerMethodField()
    content = serializers.SerializerMethodField()
    criteria = serializers.SerializerMethodField()
    scores = serializers.SerializerMethodField()
    other_reviews = serializers.SerializerMethodField()

    class Meta:
        model = Review
        fields = [
            "id", "call", "proposal", "title", "college", "team", "declaration", "content",
            "criteria", "scores", "committee_comment", "applicant_comment", "recommendation",
            "weighted_score", "submitted_at", "other_reviews",
        ]  # fmt: skip

    def _open(self, review) -> bool:
        return self.context["request"].user.has_perm("review.open", review)

    def to_representation(self, review):
        data = super().to_representation(review)
        if not self._open(review):
            for key in ("committee_comment", "applicant_comment", "recommendation"):
                data[key] = ""
            data["weighted_score"] = None
        return data

    def get_team(self, review) -> list[str]:
        # A list reads what its rows show for its whole page at once (`selectors.reviews_page`).
        page = self.context.get("page")
        teams = page.teams if page else selectors.team_names([review.proposal])
        return teams.get(review.proposal_id, [])

    @extend_schema_field(ProposalContentSerializer(allow_null=True))
    def get_content(self, review):
        if not self._open(review):
            return None
        return ProposalContentSerializer(review.proposal).data

    @extend_schema_field(ReviewCriterionSerializer(many=True))
    def get_criteria(self, review):
        if not self._open(review):
            return []
        page = self.context.get("page")
        call = review.proposal.call
        criteria = page.criteria[call.pk] if page else selectors.criteria_of(call)
        return ReviewCriterionSerializer(criteria, many=True).data

    @extend_schema_field(ReviewScoreSerializer(many=True))
    def get_scores(self, review):
        if not self._open(review):
            return []
        return [{"criterion": s.criterion_id, "value": s.value} for s in review.scores.all()]

    @extend_schema_field(OtherReviewSerializer(many=True))
    def get_other_reviews(self, review):
        if not self._open(review):
            return []
        page = self.context.get("page")
        others = page.others.get(review.pk, []) if page else selectors.others_reviews(review)
        return [
            {
                "weighted_score": other.weighted_score,
                "recommendation": other.recommendation,
                "committee_comment": other.committee_comment,
                "scores": [
                    {"criterion": s.criterion_id, "value": s.value} for s in other.scores.all()
                ],
            }
            for other in others
        ]


class ReviewInputSerializer(serializers.Serializer):
    scores = ReviewScoreSerializer(many=True, required=False)
    committee_comment = serializers.CharField(required=False, allow_blank=True)
    applicant_comment = serializers.CharField(required=False, allow_blank=True)
    recommendation = serializers.ChoiceField(
        choices=Review.Recommendation.choices, required=False, allow_blank=True
    )


class DeclarationSerializer(serializers.Serializer):
    conflict = serializers.ChoiceField(choices=["none", *Review.ConflictKind.values])
    detail = serializers.CharField(required=False, allow_blank=True, max_length=300)


def _values(review: Review, data: dict) -> dict:
    """Service arguments from a PUT/submit body; missing fields keep their saved values."""
    scores = {s.criterion_id: s.value for s in review.scores.all()}
    scores.update({s["criterion"]: s["value"] for s in data.get("scores", [])})
    return {
        "scores": scores,
        "committee_comment": data.get("committee_comment", review.committee_comment),
        "applicant_comment": data.get("applicant_comment", review.applicant_comment),
        "recommendation": data.get("recommendation", review.recommendation),
    }


@extend_schema_view(
    list=extend_schema(summary="Your current review assignments (reviewers)"),
    retrieve=extend_schema(summary="One of your reviews; content only after declaring no conflict"),
    update=extend_schema(summary="Save your review as a draft", request=ReviewInputSerializer),
)
class ReviewViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Reviewers: their own reviews. Other members get 403, outsiders 404."""

    serializer_class = ReviewSerializer
    http_method_names = ["get", "put", "post", "head", "options"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation, no user
            return Review.objects.none()
        return selectors.reviews_of(self.request.user).prefetch_related("scores")

    def get_object(self, perm: str = "review.see_assignment"):
        """The review: 404 to outsiders, 403 to members without `perm` (seeing it, by default)."""
        return selectors.review_for(self.request.user, self.kwargs["pk"], perm=perm)

    def paginate_queryset(self, queryset):
        """A page of reviews, with what its rows show read for the whole page at once."""
        page = super().paginate_queryset(queryset)
        if page is not None:
            self.page_reads = selectors.reviews_page(self.request.user, page)
        return page

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "page": getattr(self, "page_reads", None)}

    def update(self, request, pk=None):
        review = self.get_object("review.open")
        body = ReviewInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.review_save(
            reviewer=request.user, review=review, **_values(review, body.validated_data)
        )
        return Response(self.get_serializer(self.get_object()).data)

    @extend_schema(
        request=ReviewInputSerializer,
        responses=ReviewSerializer,
        summary="Submit your review (optionally with final values)",
    )
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        review = self.get_object("review.open")
        body = ReviewInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.review_submit(
            reviewer=request.user, review=review, **_values(review, body.validated_data)
        )
        return Response(self.get_serializer(self.get_object()).data)

    @extend_schema(
        request=DeclarationSerializer,
        responses=ReviewSerializer,
        summary='Declare "none" or a conflict of interest before opening',
    )
    @action(detail=True, methods=["post"])
    def declare(self, request, pk=None):
        review = self.get_object("review.declare")
        body = DeclarationSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        kind = body.validated_data["conflict"]
        services.conflict_declare(
            reviewer=request.user,
            review=review,
            conflict_kind="" if kind == "none" else kind,
            detail=body.validated_data.get("detail", ""),
        )
        review.refresh_from_db()
        return Response(self.get_serializer(review).data)


class RankingRowSerializer(serializers.Serializer):
    rank = serializers.IntegerField()
    proposal = serializers.IntegerField(source="proposal.pk")
    title = serializers.CharField(source="proposal.title")
    college = serializers.CharField(source="proposal.college.short_name")
    sector = serializers.CharField(source="proposal.sector.slug", default="")
    reviews = serializers.IntegerField(source="stats.count")
    mean = serializers.FloatField(source="stats.mean", allow_null=True)
    median = serializers.FloatField(source="stats.median", allow_null=True)
    spread = serializers.FloatField(source="stats.spread", allow_null=True)
    calibrated = serializers.FloatField(source="stats.calibrated", allow_null=True)
    disagreement = serializers.BooleanField(source="stats.disagreement")
    decision = serializers.CharField(source="decision.outcome", default="")
    released = serializers.BooleanField(source="decision.released_at", default=False)

    def to_representation(self, row):
        data = super().to_representation(row)
        data["released"] = bool(row.decision and row.decision.released_at)
        return data


@extend_schema(summary="The call's ranking, best first, raw and calibrated (officers)")
class RankingView(ListAPIView):
    """Programme officers: the ranking of a call; outsiders 404, other members 403.

    Spread is the range of the review scores; calibrated is the mean of
    z-score-calibrated review scores; ties go to the higher raw mean, the
    higher median, more reviews, then the older proposal.
    """

    serializer_class = RankingRowSerializer

    def get_queryset(self):
        """Every proposal's place in the ranking, from a few columns (`ranking_order`)."""
        if getattr(self, "swagger_fake_view", False):  # schema generation, no user
            return []
        self.call = selectors.call_for(
            self.request.user, self.kwargs["pk"], perm="review.manage_call"
        )
        return selectors.ranking_order(self.call)

    def list(self, request, *args, **kwargs):
        # As on the ranking page: every proposal is ranked, whole rows are read for one page.
        page = self.paginate_queryset(self.get_queryset())
        rows = selectors.ranking_rows(self.call, page, leads=False)
        return self.get_paginated_response(self.get_serializer(rows, many=True).data)
