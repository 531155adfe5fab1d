from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.account.utils import has_verified_email
from allauth.core import ratelimit
from allauth.mfa.base.forms import BaseAuthenticateForm
from allauth.mfa.utils import is_mfa_enabled
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, serializers

from skillbridge.people.models import ProgrammeRole, User
from skillbridge.people.selectors import mfa_required_for

MFA_SETUP_NEEDED = _("Set up two-factor authentication before you continue.")


class TokenRequestSerializer(serializers.Serializer):
    """The API's way in, held to the web sign-in's rules.

    The same attempt limits (allauth's, per address and per account, shared
    with the web and admin sign-in), a verified address, and the second factor
    when the account has one or its role requires one.
    """

    email = serializers.EmailField()
    password = serializers.CharField(trim_whitespace=False, style={"input_type": "password"})
    code = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=64,
        help_text=_(
            "The code from the authenticator app, or an unused recovery code. "
            "Required when the account has two-factor authentication."
        ),
    )

    def validate(self, attrs):
        request = self.context["request"]._request
        if not ratelimit.consume(request, action="login"):
            raise exceptions.Throttled()
        try:
            user = get_account_adapter(request).authenticate(
                request, email=attrs["email"], password=attrs["password"]
            )
        except DjangoValidationError as error:
            # The account or the address is locked out after failed attempts.
            raise exceptions.Throttled(detail=error.messages[0]) from error
        if user is None:
            raise serializers.ValidationError(
                {"password": [_("The email address or password is not correct.")]}
            )
        if not has_verified_email(user, user.email):
            raise serializers.ValidationError(
                {"email": [_("Confirm your email address first: open the link we sent you.")]}
            )
        if is_mfa_enabled(user):
            attrs["authenticator"] = self._second_factor(user, attrs.get("code", ""))
        elif mfa_required_for(user):
            raise serializers.ValidationError({"code": [MFA_SETUP_NEEDED]})
        attrs["user"] = user
        return attrs

    def _second_factor(self, user, code: str):
        if not code:
            raise serializers.ValidationError(
                {
                    "code": [
                        _(
                            "This account uses two-factor authentication: send the code "
                            "from your authenticator app, or a recovery code."
                        )
                    ]
                }
            )
        # allauth's own check: TOTP or recovery code, limited per account.
        form = BaseAuthenticateForm(data={"code": code}, user=user)
        if not form.is_valid():
            raise serializers.ValidationError({"code": form.errors["code"]})
        return form.authenticator


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField()
    expires_at = serializers.DateTimeField()


class ProgrammeRolesSerializer(serializers.Serializer):
    programme = serializers.SlugField()
    programme_name = serializers.CharField()
    roles = serializers.ListField(child=serializers.CharField())


class MeSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="full_name")
    programmes = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["email", "name", "preferred_language", "programmes"]

    def get_programmes(self, user) -> list[dict]:
        grouped: dict[str, dict] = {}
        roles = ProgrammeRole.objects.filter(user=user).select_related("programme")
        for role in roles.order_by("programme__slug", "role"):
            entry = grouped.setdefault(
                role.programme.slug,
                {
                    "programme": role.programme.slug,
                    "programme_name": role.programme.name,
                    "roles": [],
                },
            )
            entry["roles"].append(role.role)
        return ProgrammeRolesSerializer(list(grouped.values()), many=True).data
