from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from skillbridge.api import services
from skillbridge.api.serializers import MeSerializer, TokenRequestSerializer, TokenSerializer


class TokenView(APIView):
    """Anyone: exchange an email and password for a Bearer token."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth"

    @extend_schema(request=TokenRequestSerializer, responses={200: TokenSerializer}, auth=[])
    def post(self, request):
        serializer = TokenRequestSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        token = services.token_issue(user=serializer.validated_data["user"])
        return Response({"token": token}, status=status.HTTP_200_OK)


class MeView(APIView):
    """Any signed-in user: who they are and their roles per programme."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses={200: MeSerializer})
    def get(self, request):
        return Response(MeSerializer(request.user).data)


@extend_schema(
    responses={200: inline_serializer("ApiRoot", {"version": serializers.CharField()})},
    auth=[],
)
class RootView(APIView):
    """Anyone: the API's version and where its schema lives."""

    permission_classes = [AllowAny]

    def get(self, request):
        return Response({"version": "v1", "schema": "/api/v1/schema/", "docs": "/api/v1/docs/"})
