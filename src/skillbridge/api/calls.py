"""REST API of calls and proposals: /api/v1/calls/ and /api/v1/proposals/.

Who sees what: published calls to anyone signed in (and unpublished ones to
the officers of their programme); proposals to their own team, the
coordinator of their college and the programme's officers. Anyone else gets
404; a member without the right to act gets 403.
"""

from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from skillbridge.api.exceptions import Conflict
from skillbridge.api.fields import choice_text
from skillbridge.calls import selectors, services
from skillbridge.calls.checks import budget_total
from skillbridge.calls.models import BudgetLine, Call, Proposal, RubricCriterion, TeamMember
from skillbridge.calls.questions import QUESTION_FIELDS, TITLE_MAX_CHARS
from skillbridge.calls.services.proposals import DRAFT_FIELDS
from skillbridge.common.bounds import column_bounds
from skillbridge.common.permissions import require
from skillbridge.people.models import Organisation

# Calls ----------------------------------------------------------------------------


TRANSLATIONS_HELP = (
    "The texts in the programme's other languages, keyed by language then field, "
    'for example {"fr": {"name": "…"}}; a field left out reads as in main_language.'
)


class CriterionSerializer(serializers.ModelSerializer):
    levels = serializers.DictField(child=serializers.CharField())
    translations = serializers.JSONField(read_only=True, help_text=TRANSLATIONS_HELP)

    class Meta:
        model = RubricCriterion
        fields = ["name", "description", "weight", "levels", "translations"]


class CallSerializer(serializers.ModelSerializer):
    programme = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    sectors = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    eligible_colleges = serializers.SlugRelatedField(
        slug_field="short_name", many=True, read_only=True
    )
    required_documents = serializers.ListField(child=serializers.CharField())
    criteria = CriterionSerializer(many=True, read_only=True)
    is_open = serializers.BooleanField(read_only=True)
    main_language = serializers.CharField(
        source="programme.main_language",
        read_only=True,
        help_text="The language of title, description, required_documents and the criteria.",
    )
    translations = serializers.JSONField(read_only=True, help_text=TRANSLATIONS_HELP)

    class Meta:
        model = Call
        fields = [
            "id",
            "programme",
            "title",
            "description",
            "sectors",
            "eligible_colleges",
            "opens_at",
            "closes_at",
            "is_open",
            "max_grant_rwf",
            "awards_planned",
            "reviews_per_proposal",
            "required_documents",
            "criteria",
            "main_language",
            "translations",
        ]


@extend_schema_view(
    list=extend_schema(summary="Calls you may see (published, or of a programme you run)"),
    retrieve=extend_schema(summary="One call with its rubric and required documents"),
)
class CallViewSet(viewsets.ReadOnlyModelViewSet):
    """Anyone signed in: published calls. Programme officers: also their unpublished calls."""

    serializer_class = CallSerializer
    queryset = Call.objects.none()  # Describes the model to the schema; get_queryset filters.

    def get_queryset(self):
        return selectors.calls_visible_to(self.request.user)

    def get_object(self):
        return selectors.call_for(self.request.user, self.kwargs["pk"])


# Proposals ------------------------------------------------------------------------


class BudgetLineSerializer(serializers.ModelSerializer):
    total_rwf = serializers.IntegerField(read_only=True)
    category = serializers.CharField(help_text="One of: " + ", ".join(BudgetLine.Category.values))

    class Meta:
        model = BudgetLine
        fields = ["item", "category", "quantity", "unit_cost_rwf", "total_rwf"]


class TeamMemberSerializer(serializers.ModelSerializer):
    kind = choice_text(TeamMember.Kind.choices)
    sex = choice_text(TeamMember.Sex.choices)
    status = choice_text(TeamMember.Status.choices)
    affiliation = choice_text(TeamMember.Affiliation.choices)

    class Meta:
        model = TeamMember
        fields = ["full_name", "email", "is_lead", "kind", "sex", "status", "affiliation"]


class AttachmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    name = serializers.CharField(source="original_name")
    size = serializers.IntegerField()


# The long columns a list neither shows nor reads from the database.
LIST_LEAVES_OUT = ("snapshot", "answer_versions", "state_reason", *QUESTION_FIELDS)


class ProposalListSerializer(serializers.ModelSerializer):
    """A proposal in a list: what it is and where it stands.

    The answers, budget, team, attachments and the frozen submitted copy
    (about 5 KB a proposal) are in the detail only.
    """

    college = serializers.SlugRelatedField(slug_field="short_name", read_only=True)
    sector = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    state = choice_text(Proposal.State.choices)

    class Meta:
        model = Proposal
        fields = [
            "id", "call", "college", "sector", "title", "requested_amount_rwf", "state",
            "submitted_at", "version",
        ]  # fmt: skip
        read_only_fields = fields


class ProposalSerializer(ProposalListSerializer):
    """A proposal in full: answers, budget, team, attachments and the submitted copy."""

    budget_lines = BudgetLineSerializer(many=True, read_only=True)
    budget_total_rwf = serializers.SerializerMethodField()
    team = serializers.SerializerMethodField()
    attachments = AttachmentSerializer(many=True, read_only=True)

    class Meta(ProposalListSerializer.Meta):
        fields = [
            "id", "call", "college", "sector", "title", *QUESTION_FIELDS,
            "requested_amount_rwf", "budget_lines", "budget_total_rwf", "team", "attachments",
            "state", "state_reason", "submitted_at", "snapshot", "version",
        ]  # fmt: skip
        read_only_fields = fields

    def get_budget_total_rwf(self, proposal) -> int:
        return budget_total(proposal)

    @extend_schema_field(TeamMemberSerializer(many=True))
    def get_team(self, proposal) -> list[dict]:
        members = [m for m in proposal.members.all() if m.status != TeamMember.Status.REMOVED]
        return TeamMemberSerializer(members, many=True).data


class ProposalCreateSerializer(serializers.Serializer):
    call = serializers.PrimaryKeyRelatedField(queryset=Call.objects.none())
    title = serializers.CharField(max_length=TITLE_MAX_CHARS)
    sector = serializers.SlugField(required=False, allow_null=True)
    # Checked by the service, which answers 400 naming the field.
    kind = serializers.CharField(help_text="student or trainer")
    sex = serializers.CharField(help_text="female, male or undisclosed")
    college = serializers.SlugRelatedField(
        slug_field="short_name",
        queryset=Organisation.objects.filter(kind=Organisation.Kind.COLLEGE),
        required=False,
        allow_null=True,
        help_text="Only for a first proposal in the programme; an applicant applies for their own.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["call"].queryset = selectors.calls_visible_to(request.user)


class ProposalUpdateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=TITLE_MAX_CHARS, required=False)
    sector = serializers.SlugField(required=False, allow_null=True)
    requested_amount_rwf = serializers.IntegerField(
        **column_bounds(Proposal, "requested_amount_rwf", min_value=1),
        required=False,
        allow_null=True,
    )
    budget_lines = BudgetLineSerializer(many=True, required=False)
    version = serializers.IntegerField(
        min_value=1,
        max_value=2**31 - 1,
        required=False,
        help_text="The version you read. When another member saved since, an answer they "
        "changed is not overwritten: 409 names it, and nothing is written.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in QUESTION_FIELDS:
            self.fields[field] = serializers.CharField(
                required=False, allow_blank=True, trim_whitespace=False
            )


class WithdrawSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=500)


def _sector(call: Call, slug):
    if slug is None:
        return None
    sector = call.sectors.filter(slug=slug).first()
    if sector is None:
        raise ValidationError({"sector": [_("This call does not fund that sector.")]})
    return sector


@extend_schema_view(
    list=extend_schema(summary="Proposals you may see, in brief (the detail has the rest)"),
    retrieve=extend_schema(summary="One proposal with its budget, team and attachments"),
    create=extend_schema(
        summary="Start a draft as team lead",
        request=ProposalCreateSerializer,
        responses={201: ProposalSerializer},
    ),
    partial_update=extend_schema(
        summary="Change a draft (budget_lines, when given, replace the budget)",
        request=ProposalUpdateSerializer,
        responses={
            200: ProposalSerializer,
            409: OpenApiResponse(
                description="Another member changed these answers after the version you "
                "read; nothing was written. A message per answer."
            ),
        },
    ),
)
class ProposalViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Team members: their proposals (the lead submits and withdraws). College coordinators:
    their college's. Programme officers: all of their programmes'. Others: 404.
    """

    serializer_class = ProposalSerializer
    queryset = Proposal.objects.none()  # Describes the model to the schema; get_queryset filters.
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return (
            selectors.proposals_visible_to(self.request.user)
            .select_related("college", "sector")
            .defer(*LIST_LEAVES_OUT)
            .order_by("-updated_at", "-id")
        )

    def get_object(self, perm: str | None = None):
        """The proposal: 404 unless the caller may see it, 403 without `perm`."""
        return selectors.proposal_for(self.request.user, self.kwargs["pk"], perm=perm)

    def get_serializer_class(self):
        return ProposalListSerializer if self.action == "list" else ProposalSerializer

    def create(self, request, *args, **kwargs):
        incoming = ProposalCreateSerializer(data=request.data, context={"request": request})
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        require(request.user, "calls.start_proposal", data["call"].programme)
        proposal = services.proposal_start(
            user=request.user,
            call=data["call"],
            title=data["title"],
            sector=_sector(data["call"], data.get("sector")),
            kind=data["kind"],
            sex=data["sex"],
            college=data.get("college"),
        )
        return Response(self._read(proposal.pk), status=201)

    def partial_update(self, request, *args, **kwargs):
        proposal = self.get_object("calls.edit_proposal")
        incoming = ProposalUpdateSerializer(data=request.data, partial=True)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        if "sector" in data:
            data["sector"] = _sector(proposal.call, data["sector"])
        saved = services.proposal_save_draft(
            actor=request.user,
            proposal=proposal,
            values={k: v for k, v in data.items() if k in DRAFT_FIELDS},
            budget_lines=data.get("budget_lines"),
            base_version=data.get("version"),
            all_or_nothing=True,
        )
        if saved.conflicts:
            message = _("Another member changed this answer after the version you read.")
            raise Conflict({c.field: [message] for c in saved.conflicts})
        return Response(self._read(proposal.pk))

    @extend_schema(
        summary="Submit a complete draft before the deadline (400 names every missing part)",
        request=None,
        responses={200: ProposalSerializer},
    )
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        proposal = self.get_object("calls.submit_proposal")
        services.proposal_submit(actor=request.user, proposal=proposal)
        return Response(self._read(proposal.pk))

    @extend_schema(
        summary="Withdraw a proposal, until a decision is made",
        request=WithdrawSerializer,
        responses={200: ProposalSerializer},
    )
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        proposal = self.get_object("calls.withdraw_proposal")
        incoming = WithdrawSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        services.proposal_withdraw(
            actor=request.user,
            proposal=proposal,
            reason=incoming.validated_data.get("reason", ""),
        )
        return Response(self._read(proposal.pk))

    def _read(self, pk: int) -> dict:
        return ProposalSerializer(selectors.proposal_for(self.request.user, pk)).data
