"""API of missions.

`GET /api/v1/missions/` and `GET /api/v1/missions/{id}/`: the missions the
caller may see — officers every mission of their programmes, the
professional their own, the hosts (team lead, college coordinator) theirs.
`POST /api/v1/missions/{id}/sessions/`: log a session — officers and the
professional; for a remote series also the hosts and the project team
(others who can see the mission 403, everyone else 404).
"""

from django.db.models import prefetch_related_objects
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from skillbridge.api.fields import choice_text
from skillbridge.missions import selectors, services
from skillbridge.missions.models import Mission, Session
from skillbridge.missions.models.work import COUNT_FIELDS


class SessionSerializer(serializers.ModelSerializer):
    participants = serializers.IntegerField(read_only=True)
    modality = choice_text(Session.Modality.choices, read_only=False)

    class Meta:
        model = Session
        fields = [
            "id",
            "held_on",
            "hours",
            "topic",
            "modality",
            *COUNT_FIELDS.values(),
            "participants",
            "notes",
        ]
        read_only_fields = ["id", "participants"]


class MissionSerializer(serializers.ModelSerializer):
    programme = serializers.SlugField(source="programme.slug")
    host_college = serializers.CharField(source="host_college.short_name")
    professional = serializers.CharField(source="expert.display_name")
    pairing = serializers.IntegerField(source="pairing_id", allow_null=True)
    training_request = serializers.IntegerField(source="training_request_id", allow_null=True)
    kind = choice_text(Mission.Kind.choices)
    state = choice_text(Mission.State.choices)

    class Meta:
        model = Mission
        fields = [
            "id",
            "programme",
            "title",
            "kind",
            "state",
            "pairing",
            "training_request",
            "professional",
            "host_college",
            "place",
            "starts_on",
            "ends_on",
            "objectives",
            "expected_participants",
            "host_signed_at",
            "expert_signed_at",
            "approved_at",
            "completed_at",
        ]


class MissionDetailSerializer(MissionSerializer):
    sessions = SessionSerializer(many=True, read_only=True)

    class Meta(MissionSerializer.Meta):
        fields = [*MissionSerializer.Meta.fields, "deliverables", "host_resources", "sessions"]


class MissionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Missions the caller may see; the professional (and others allowed) log sessions."""

    def get_queryset(self):
        return selectors.missions_visible_to(self.request.user)

    def get_object(self, perm: str | None = None):
        """The mission: 404 unless the caller may see it, 403 without `perm`."""
        mission = selectors.mission_for(self.request.user, self.kwargs["pk"], perm=perm)
        if self.action == "retrieve":
            prefetch_related_objects([mission], "sessions")
        return mission

    def get_serializer_class(self):
        if self.action == "retrieve":
            return MissionDetailSerializer
        if self.action == "sessions":
            return SessionSerializer
        return MissionSerializer

    @extend_schema(
        request=SessionSerializer,
        responses={
            201: SessionSerializer,
            400: OpenApiResponse(description="Bad input, or the mission is not under way."),
            403: OpenApiResponse(description="May see the mission but not log its sessions."),
            404: OpenApiResponse(description="No such mission, or not yours to see."),
        },
    )
    @action(detail=True, methods=["post"])
    def sessions(self, request, pk=None):
        mission = self.get_object("missions.log_session")
        data = SessionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        session = services.session_log(actor=request.user, mission=mission, **data.validated_data)
        return Response(SessionSerializer(session).data, status=status.HTTP_201_CREATED)
