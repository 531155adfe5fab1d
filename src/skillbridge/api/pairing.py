"""API of pairing.

`POST /api/v1/matching-runs/`: programme officers (other members of the
programme 403, everyone else 404). `GET /api/v1/matching-runs/{id}/`: the
programme's officers (everyone else 404: runs are their tool).
`GET /api/v1/pairings/`: what the caller may see — officers every pairing of
their programmes, a professional their own from the invitation on, a project
team its accepted mentor. `POST /api/v1/pairings/{id}/confirm/`: officers.
`POST .../accept/` and `.../decline/`: the invited professional alone (others
who can see the pairing 403, the rest 404).
"""

from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.response import Response

from skillbridge.common.bounds import column_bounds
from skillbridge.pairing import selectors, services
from skillbridge.pairing.models import Candidate, MatchingRun, Need, Pairing
from skillbridge.pairing.phrases import diagnosis_text
from skillbridge.pairing.rules import is_officer_of_pairing, is_pairing_professional
from skillbridge.people.selectors import programme_for


class CandidateSerializer(serializers.ModelSerializer):
    need = serializers.IntegerField(source="need_id")
    expert = serializers.IntegerField(source="expert_id", help_text="Expert profile id.")
    expert_name = serializers.CharField(source="expert.display_name")

    class Meta:
        model = Candidate
        fields = ["need", "expert", "expert_name", "rank", "score", "reasons"]


class UnfilledSerializer(serializers.Serializer):
    need = serializers.IntegerField()
    open_seats = serializers.IntegerField()
    reasons = serializers.ListField(child=serializers.CharField())


class MatchingRunSerializer(serializers.ModelSerializer):
    programme = serializers.SlugField(source="programme.slug")
    needs = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    candidates = CandidateSerializer(many=True, read_only=True)
    unfilled = serializers.SerializerMethodField()
    # Plain strings, not enums: "status" and "objective" name other choice sets elsewhere.
    status = serializers.CharField(help_text="queued, running, done or failed.")
    objective = serializers.CharField(help_text="total or fair.")

    class Meta:
        model = MatchingRun
        fields = [
            "id",
            "programme",
            "objective",
            "status",
            "error",
            "needs",
            "summary",
            "unfilled",
            "candidates",
            "created_at",
            "started_at",
            "finished_at",
            "confirmed_at",
        ]

    @extend_schema_field(UnfilledSerializer(many=True))
    def get_unfilled(self, run) -> list:
        return [
            {
                "need": item["need"],
                "open_seats": item["open_seats"],
                "reasons": [diagnosis_text(reason) for reason in item["reasons"]],
            }
            for item in run.summary.get("unfilled", [])
        ]


class MatchingRunRequestSerializer(serializers.Serializer):
    programme = serializers.SlugField()
    needs = serializers.ListField(
        child=serializers.IntegerField(**column_bounds(Need, "id", min_value=1)),
        required=False,
        help_text="Need ids; leave out to fill every need with an open seat.",
    )
    objective = serializers.ChoiceField(
        choices=MatchingRun.Objective.values, default=MatchingRun.Objective.TOTAL
    )


class NeedBriefSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="owner_title")
    college = serializers.CharField(source="college.short_name")
    proposal = serializers.IntegerField(source="proposal_id", allow_null=True)
    training_request = serializers.IntegerField(source="training_request_id", allow_null=True)
    sector = serializers.CharField(source="sector.slug", default=None)
    modality = serializers.CharField(help_text="onsite or remote.")

    class Meta:
        model = Need
        fields = [
            "id",
            "title",
            "college",
            "proposal",
            "training_request",
            "sector",
            "languages",
            "modality",
            "starts_on",
            "ends_on",
            "seats",
        ]


class ProfessionalSerializer(serializers.Serializer):
    name = serializers.CharField()
    profession = serializers.CharField()
    country = serializers.CharField()


class PairingSerializer(serializers.ModelSerializer):
    """A pairing; score, reasons and the profile id only for officers and the professional."""

    programme = serializers.SlugField(source="programme.slug")
    need = NeedBriefSerializer()
    professional = serializers.SerializerMethodField()
    # A plain string: several apps have a "state" with other choices.
    state = serializers.CharField(
        help_text="proposed, invited, accepted, active, completed, declined or cancelled."
    )
    expert = serializers.SerializerMethodField()
    score = serializers.SerializerMethodField()
    reasons = serializers.SerializerMethodField()

    class Meta:
        model = Pairing
        fields = [
            "id",
            "programme",
            "need",
            "state",
            "expert",
            "professional",
            "score",
            "reasons",
            "respond_by",
            "invited_at",
            "answered_at",
            "reason",
        ]

    def _insider(self, pairing) -> bool:
        user = self.context["request"].user
        return is_pairing_professional(user, pairing) or is_officer_of_pairing(user, pairing)

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_expert(self, pairing) -> int | None:
        return pairing.expert_id if self._insider(pairing) else None

    @extend_schema_field(ProfessionalSerializer)
    def get_professional(self, pairing) -> dict:
        card = selectors.mentor_card(pairing, self.context.get("sharing", set()))
        if self._insider(pairing):
            card.update(
                profession=pairing.expert.profession,
                country=pairing.expert.country.code or "",
            )
        return {key: card[key] for key in ("name", "profession", "country")}

    @extend_schema_field(serializers.FloatField(allow_null=True))
    def get_score(self, pairing) -> float | None:
        return pairing.score if self._insider(pairing) else None

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_reasons(self, pairing) -> list:
        return pairing.reasons if self._insider(pairing) else []


class DeclineSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=1000)


class MatchingRunViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Programme officers: start a matching run and follow it."""

    serializer_class = MatchingRunSerializer
    # Only for the schema (the id's type); get_object() chooses what a caller may see.
    queryset = MatchingRun.objects.none()

    def get_object(self):
        run = selectors.run_for(self.request.user, self.kwargs["pk"], perm="pairing.manage_run")
        ranked = Candidate.objects.select_related("expert__user").order_by("need", "rank", "expert")
        prefetch_related_objects([run], "needs", Prefetch("candidates", ranked))
        return run

    @extend_schema(
        request=MatchingRunRequestSerializer,
        responses={
            201: MatchingRunSerializer,
            400: OpenApiResponse(description="Bad input, or no chosen need has an open seat."),
            403: OpenApiResponse(description="Not a programme officer of the programme."),
            404: OpenApiResponse(description="No such programme, or not a member."),
        },
    )
    def create(self, request):
        data = MatchingRunRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        programme = programme_for(
            request.user, data.validated_data["programme"], perm="pairing.manage"
        )
        needs = None
        if "needs" in data.validated_data:
            wanted = set(data.validated_data["needs"])
            needs = list(selectors.needs_of(programme).filter(pk__in=wanted))
            unknown = ", ".join(map(str, sorted(wanted - {need.pk for need in needs})))
            if unknown:
                message = _("Unknown need id: %(ids)s.") % {"ids": unknown}
                raise ApiValidationError({"needs": [message]})
        run = services.run_start(
            actor=request.user,
            programme=programme,
            needs=needs,
            objective=data.validated_data["objective"],
        )
        self.kwargs["pk"] = run.pk
        return Response(self.get_serializer(self.get_object()).data, status=status.HTTP_201_CREATED)


class PairingViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Pairings the caller may see; officers confirm, the professional answers."""

    serializer_class = PairingSerializer

    def get_queryset(self):
        return selectors.pairings_visible_to(self.request.user)

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        context = self.get_serializer_context()
        context["sharing"] = selectors.sharing_consents(page)
        return self.get_paginated_response(PairingSerializer(page, many=True, context=context).data)

    def _respond(self, pairing):
        context = self.get_serializer_context()
        context["sharing"] = selectors.sharing_consents([pairing])
        return Response(PairingSerializer(pairing, context=context).data)

    def get_object(self, perm: str | None = None):
        """The pairing: 404 unless the caller may see it, 403 without `perm`."""
        return selectors.pairing_for(self.request.user, self.kwargs["pk"], perm=perm)

    def retrieve(self, request, *args, **kwargs):
        return self._respond(self.get_object())

    def _act(self, perm: str, service, body: type[serializers.Serializer] | None = None):
        """Who asks comes first (404, then 403), then the body (400), then the service."""
        pairing = self.get_object(perm)
        values = {}
        if body is not None:
            incoming = body(data=self.request.data)
            incoming.is_valid(raise_exception=True)
            values = incoming.validated_data
        service(actor=self.request.user, pairing=pairing, **values)
        return self._respond(self.get_object())

    @extend_schema(
        request=None,
        responses={
            200: PairingSerializer,
            400: OpenApiResponse(description="Not proposed, or no seat or place left."),
            403: OpenApiResponse(description="Not a programme officer of the programme."),
            404: OpenApiResponse(description="No such pairing, or not yours to see."),
        },
    )
    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        return self._act("pairing.manage_pairing", services.pairing_confirm)

    @extend_schema(
        request=None,
        responses={
            200: PairingSerializer,
            400: OpenApiResponse(description="Not an open invitation, or past its deadline."),
            403: OpenApiResponse(description="Not the invited professional."),
            404: OpenApiResponse(description="No such pairing, or not yours to see."),
        },
    )
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        return self._act("pairing.answer_pairing", services.pairing_accept)

    @extend_schema(
        request=DeclineSerializer,
        responses={
            200: PairingSerializer,
            400: OpenApiResponse(description="No reason, or not an open invitation."),
            403: OpenApiResponse(description="Not the invited professional."),
            404: OpenApiResponse(description="No such pairing, or not yours to see."),
        },
    )
    @action(detail=True, methods=["post"])
    def decline(self, request, pk=None):
        return self._act("pairing.answer_pairing", services.pairing_decline, DeclineSerializer)
