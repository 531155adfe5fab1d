from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from skillbridge.api import services
from skillbridge.api.serializers import MeSerializer, TokenRequestSerializer, TokenSerializer


class TokenView(APIView):
    """Anyone: exchange an email, a password and (with MFA) a code for a Bearer token.

    Failed attempts are limited per address and per account, together with
    the web sign-in; the token expires after API_TOKEN_LIFETIME.
    """

    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        request=TokenRequestSerializer,
        responses={
            200: TokenSerializer,
            400: OpenApiResponse(description="A message per field."),
            429: OpenApiResponse(description="Too many failed attempts; try again later."),
        },
        auth=[],
    )
    def post(self, request):
        serializer = TokenRequestSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        if authenticator := serializer.validated_data.get("authenticator"):
            authenticator.record_usage()
        token, expires_at = services.token_issue(user=serializer.validated_data["user"])
        return Response({"token": token, "expires_at": expires_at}, status=status.HTTP_200_OK)


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


def not_found(request, exception):
    """404 for the whole site: JSON under /api/, the site's page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    """500 for the whole site: JSON under /api/, the site's page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("A server error occurred.")}, status=500)
    return defaults.server_error(request)
