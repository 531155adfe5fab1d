"""API of grants.

`GET /api/v1/grants/` and `GET /api/v1/grants/{id}/`: programme officers, finance
officers and the grant's own team (others see an empty list, or 404 for one grant).
`POST /api/v1/grants/{id}/disbursements/`: finance officers only (403 for other members
who can see the grant). An overpayment or an unpayable tranche answers 409 and writes
nothing; a reference already in the ledger for the same payment answers 200 with the
existing entry instead of 201.
"""

from django.db.models import Prefetch, prefetch_related_objects
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    inline_serializer,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from skillbridge.common.bounds import column_bounds
from skillbridge.grants.models import Disbursement, Grant, Tranche
from skillbridge.grants.selectors import grant_for, grants_for
from skillbridge.grants.services.payments import disbursement_record


class MilestoneSerializer(serializers.Serializer):
    deliverable = serializers.CharField()
    due_on = serializers.DateField()
    evidence_expected = serializers.CharField()
    state = serializers.CharField(help_text="pending, submitted, returned or approved")


class TrancheSerializer(serializers.ModelSerializer):
    payable = serializers.BooleanField(source="is_payable")
    milestone = serializers.SerializerMethodField()

    class Meta:
        model = Tranche
        fields = ["id", "number", "amount_rwf", "paid_rwf", "planned_on", "payable", "milestone"]

    @extend_schema_field(MilestoneSerializer(allow_null=True))
    def get_milestone(self, tranche) -> dict | None:
        milestone = getattr(tranche, "milestone", None)
        return MilestoneSerializer(milestone).data if milestone is not None else None


class DisbursementSerializer(serializers.ModelSerializer):
    # Plain strings: other apps also have `kind` and `method` enums, and distinct
    # choice sets under one field name make the schema's enum names collide.
    kind = serializers.CharField(help_text="payment or reversal")
    method = serializers.CharField(help_text="bank_transfer or mobile_money")
    tranche = serializers.IntegerField(source="tranche_id")
    tranche_number = serializers.IntegerField(source="tranche.number")
    amount = serializers.IntegerField(source="amount_rwf")
    reverses = serializers.CharField(source="reverses.reference", allow_null=True, default=None)

    class Meta:
        model = Disbursement
        fields = [
            "id",
            "kind",
            "tranche",
            "tranche_number",
            "amount",
            "paid_on",
            "method",
            "reference",
            "reverses",
            "recorded_at",
        ]


class GrantSerializer(serializers.ModelSerializer):
    state = serializers.CharField(
        help_text="awarded, agreement_accepted, active, suspended, terminated or closed"
    )
    programme = serializers.SlugField(source="programme.slug")
    title = serializers.CharField(source="proposal.title")
    college = serializers.CharField(source="proposal.college.short_name")

    class Meta:
        model = Grant
        fields = [
            "id",
            "programme",
            "title",
            "college",
            "state",
            "amount_rwf",
            "paid_rwf",
            "exchange_rate",
            "starts_on",
            "ends_on",
        ]


class GrantDetailSerializer(GrantSerializer):
    tranches = TrancheSerializer(many=True)
    disbursements = DisbursementSerializer(many=True)

    class Meta(GrantSerializer.Meta):
        fields = [
            *GrantSerializer.Meta.fields,
            "agreement_accepted_at",
            "tranches",
            "disbursements",
        ]


class DisbursementRequestSerializer(serializers.Serializer):
    tranche = serializers.IntegerField(
        **column_bounds(Tranche, "id", min_value=1),
        help_text="The id of one of the grant's tranches.",
    )
    amount = serializers.IntegerField(
        **column_bounds(Disbursement, "amount_rwf", min_value=1),
        help_text="Whole Rwandan francs.",
    )
    paid_on = serializers.DateField()
    method = serializers.ChoiceField(
        choices=Disbursement.Method.values, help_text="bank_transfer or mobile_money"
    )
    reference = serializers.CharField(max_length=80)


ERRORS = inline_serializer(
    "GrantPaymentErrors",
    {"field": serializers.ListField(child=serializers.CharField())},
)


class GrantViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Grants the caller may see; finance officers record payments."""

    serializer_class = GrantSerializer

    def get_queryset(self):
        return grants_for(self.request.user).order_by("-awarded_at", "-id")

    def get_object(self, perm: str | None = None):
        """The grant: 404 unless the caller may see it, 403 without `perm`."""
        grant = grant_for(self.request.user, self.kwargs["pk"], perm=perm)
        if self.action == "retrieve":
            tranches = Tranche.objects.select_related("milestone", "grant")
            ledger = Disbursement.objects.select_related("tranche", "reverses")
            prefetch_related_objects(
                [grant], Prefetch("tranches", tranches), Prefetch("disbursements", ledger)
            )
        return grant

    def get_serializer_class(self):
        if self.action == "retrieve":
            return GrantDetailSerializer
        if self.action == "disbursements":
            return DisbursementRequestSerializer
        return GrantSerializer

    @extend_schema(
        request=DisbursementRequestSerializer,
        responses={
            201: DisbursementSerializer,
            200: OpenApiResponse(DisbursementSerializer, "The reference was already recorded."),
            400: ERRORS,
            403: OpenApiResponse(description="Not a finance officer of the programme."),
            404: OpenApiResponse(description="No such grant, or not yours to see."),
            409: OpenApiResponse(ERRORS, "Overpayment, unpayable tranche or reused reference."),
        },
    )
    @action(detail=True, methods=["post"])
    def disbursements(self, request, pk=None):
        grant = self.get_object("grants.pay_grant")
        serializer = DisbursementRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        # A refusal answers 400, or 409 when the ledger cannot take it (api.exceptions).
        entry, created = disbursement_record(
            actor=request.user,
            grant=grant,
            tranche_id=data["tranche"],
            amount_rwf=data["amount"],
            paid_on=data["paid_on"],
            method=data["method"],
            reference=data["reference"],
        )
        return Response(
            DisbursementSerializer(entry).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )
