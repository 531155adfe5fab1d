"""API of diaspora professionals.

`GET|PUT /api/v1/experts/me/`: the professional's own profile (experts only).
`GET /api/v1/experts/`: the pool with filters (programme officers only).
Anyone else signed in gets 403; anonymous callers 401.
"""

import datetime

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from skillbridge.common.access import personal_data_read
from skillbridge.experts.languages import LANGUAGE_CODES
from skillbridge.experts.models import ExpertLanguage, ExpertProfile, QualificationLevel, Skill
from skillbridge.experts.selectors import PoolFilters, pool_search, profile_for
from skillbridge.experts.selectors import profile_completeness as completeness_of
from skillbridge.experts.services.profiles import profile_update
from skillbridge.people.selectors import roles_by_programme
from skillbridge.programmes.models import Programme, Sector


class LanguageSerializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=sorted(LANGUAGE_CODES))
    level = serializers.ChoiceField(
        choices=ExpertLanguage.Level.values, allow_blank=True, default=""
    )


class WindowSerializer(serializers.Serializer):
    start = serializers.DateField()
    end = serializers.DateField()


class CompletenessSerializer(serializers.Serializer):
    percent = serializers.IntegerField()
    missing = serializers.ListField(child=serializers.CharField())


class ReadBackListField(serializers.ListField):
    """A list that is written as given and read back by the serializer itself.

    Not write-only: the answer carries it, so the schema documents it both ways.
    """

    def get_attribute(self, instance):
        return []


class ExpertProfileSerializer(serializers.Serializer):
    """A professional's profile as the professional (or an officer) sees it."""

    id = serializers.IntegerField(read_only=True)
    programme = serializers.SlugField(source="programme.slug", read_only=True)
    state = serializers.CharField(read_only=True)
    # Plain text, checked by the service: a choice here would collide with other "sex" enums.
    sex = serializers.CharField(
        allow_blank=True, max_length=12, help_text="female, male, undisclosed, or empty"
    )
    phone = serializers.CharField(allow_blank=True, max_length=30)
    country = serializers.CharField(allow_blank=True, max_length=2)
    city = serializers.CharField(allow_blank=True, max_length=100)
    timezone = serializers.CharField(allow_blank=True, max_length=64)
    profession = serializers.CharField(allow_blank=True, max_length=120)
    employer = serializers.CharField(allow_blank=True, max_length=150)
    years_experience = serializers.IntegerField(allow_null=True, min_value=0, max_value=70)
    qualification = serializers.SlugRelatedField(
        slug_field="name", queryset=QualificationLevel.objects.all(), allow_null=True
    )
    sectors = serializers.SlugRelatedField(
        slug_field="slug", queryset=Sector.objects.all(), many=True
    )
    # Written as given, read back in to_representation from the prefetched rows.
    skills = ReadBackListField(child=serializers.CharField(max_length=120))
    languages = ReadBackListField(child=LanguageSerializer())
    availability = ReadBackListField(child=WindowSerializer())
    modalities = ReadBackListField(child=serializers.ChoiceField(choices=["onsite", "remote"]))
    capacity = serializers.IntegerField(min_value=1, max_value=10)
    bio = serializers.CharField(allow_blank=True, max_length=1500)
    completeness = serializers.SerializerMethodField()

    def to_representation(self, profile):
        data = super().to_representation(profile)
        data["country"] = profile.country.code or ""
        data["skills"] = [skill.name for skill in profile.skills.all()]
        data["languages"] = [
            {"code": lang.code, "level": lang.level} for lang in profile.languages.all()
        ]
        data["availability"] = [
            {"start": w.starts_on.isoformat(), "end": w.ends_on.isoformat()}
            for w in profile.availability.all()
        ]
        data["modalities"] = profile.modalities
        return data

    @extend_schema_field(CompletenessSerializer)
    def get_completeness(self, profile) -> dict:
        result = completeness_of(profile)
        return {"percent": result.percent, "missing": [str(item) for item in result.missing]}


class PoolProfileSerializer(ExpertProfileSerializer):
    """A profile in the officers' pool list: with who the person is."""

    name = serializers.CharField(source="user.full_name", read_only=True)
    email = serializers.EmailField(source="user.email", read_only=True)


def _programme_where(request, perm: str) -> Programme:
    """The caller's programme named by `?programme=`, else their first, in which they hold `perm`.

    403 when they hold it in no programme; 404 when the one named is not among those.
    """
    user = request.user
    member_of = Programme.objects.filter(pk__in=list(roles_by_programme(user)))
    allowed = [programme for programme in member_of if user.has_perm(perm, programme)]
    if not allowed:
        raise PermissionDenied
    slug = request.query_params.get("programme")
    found = next((p for p in allowed if p.slug == slug), None) if slug else allowed[0]
    if found is None:
        raise Http404
    return found


def _my_profile(request) -> ExpertProfile:
    programme = _programme_where(request, "experts.keep_own_profile")
    return profile_for(request.user, None, programme=programme)


PROGRAMME_PARAMETER = OpenApiParameter(
    "programme", OpenApiTypes.STR, description="programme code, when you are in several"
)


class ExpertMeView(APIView):
    """Experts: read and replace their own profile."""

    @extend_schema(parameters=[PROGRAMME_PARAMETER], responses={200: ExpertProfileSerializer})
    def get(self, request):
        return Response(ExpertProfileSerializer(_my_profile(request)).data)

    @extend_schema(
        parameters=[PROGRAMME_PARAMETER],
        request=ExpertProfileSerializer,
        responses={200: ExpertProfileSerializer},
    )
    def put(self, request):
        profile = _my_profile(request)
        serializer = ExpertProfileSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        taxonomy = {s.name.casefold(): s for s in Skill.objects.filter(in_taxonomy=True)}
        profile_update(
            profile=profile,
            actor=request.user,
            sex=data["sex"],
            phone=data["phone"],
            country=data["country"].upper(),
            city=data["city"],
            timezone_name=data["timezone"],
            profession=data["profession"],
            employer=data["employer"],
            years_experience=data["years_experience"],
            qualification=data["qualification"],
            sectors=data["sectors"],
            skills=[taxonomy[n.casefold()] for n in data["skills"] if n.casefold() in taxonomy],
            free_skills=[n for n in data["skills"] if n.casefold() not in taxonomy],
            languages=[(lang["code"], lang["level"]) for lang in data["languages"]],
            windows=[(w["start"], w["end"]) for w in data["availability"]],
            onsite="onsite" in data["modalities"],
            remote="remote" in data["modalities"],
            capacity=data["capacity"],
            bio=data["bio"],
        )
        return Response(ExpertProfileSerializer(_my_profile(request)).data)


def _date_param(request, name: str) -> datetime.date | None:
    value = request.query_params.get(name)
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise ApiValidationError({name: [_("Use a date as YYYY-MM-DD.")]}) from error


@extend_schema(
    parameters=[
        PROGRAMME_PARAMETER,
        OpenApiParameter("sector", OpenApiTypes.STR, description="sector code"),
        OpenApiParameter("skill", OpenApiTypes.STR, description="skill name"),
        OpenApiParameter("language", OpenApiTypes.STR, description="ISO 639-1 code"),
        OpenApiParameter("country", OpenApiTypes.STR, description="ISO 3166-1 alpha-2 code"),
        OpenApiParameter("available_from", OpenApiTypes.DATE),
        OpenApiParameter("available_to", OpenApiTypes.DATE),
        OpenApiParameter("modality", OpenApiTypes.STR, enum=["onsite", "remote"]),
        OpenApiParameter("state", OpenApiTypes.STR, enum=ExpertProfile.State.values),
    ]
)
class ExpertListView(ListAPIView):
    """Programme officers: search the pool of their programme."""

    serializer_class = PoolProfileSerializer

    def get_queryset(self):
        # Who may list comes first: an unknown filter must not answer 200 to an outsider.
        self.programme = _programme_where(self.request, "experts.search_pool")
        params = self.request.query_params
        filters = PoolFilters(
            sector=Sector.objects.filter(slug=params.get("sector")).first()
            if params.get("sector")
            else None,
            skill=Skill.objects.filter(name__iexact=params.get("skill")).first()
            if params.get("skill")
            else None,
            language=params.get("language", ""),
            country=params.get("country", "").upper(),
            available_from=_date_param(self.request, "available_from"),
            available_to=_date_param(self.request, "available_to"),
            modality=params.get("modality", ""),
            state=params.get("state", ""),
        )
        if (params.get("sector") and filters.sector is None) or (
            params.get("skill") and filters.skill is None
        ):
            return ExpertProfile.objects.none()
        return pool_search(self.programme, filters)

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        personal_data_read(
            reader=self.request.user,
            records=queryset if page is None else page,
            what="pool",
            via="api",
            scope=self.programme,
        )
        return page
