from django.contrib.auth import authenticate
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from skillbridge.people.models import ProgrammeRole, User


class TokenRequestSerializer(serializers.Serializer):
    email = serializers.EmailField()
    password = serializers.CharField(trim_whitespace=False, style={"input_type": "password"})

    def validate(self, attrs):
        user = authenticate(
            self.context["request"], username=attrs["email"], password=attrs["password"]
        )
        if user is None:
            raise serializers.ValidationError(
                {"password": [_("The email address or password is not correct.")]}
            )
        attrs["user"] = user
        return attrs


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField()


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
