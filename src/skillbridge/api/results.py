"""API of results.

`GET /api/v1/indicators/?programme=<slug>&period=<id>`: programme officers, finance
officers and donor viewers. Each indicator of the programme with its baseline,
target and actual value for the period, and the actual per disaggregation.
Aggregates only; for donor viewers small groups are hidden exactly as on their
pages (`value` null, `suppressed` "<5" or "x"). Without `period`, the latest
period. A programme the caller holds no role in answers 404, a member without
the right 403, a missing `programme` 400, anonymous callers 401.
"""

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.generics import ListAPIView

from skillbridge.common.bounds import as_id
from skillbridge.people.selectors import programme_for
from skillbridge.programmes.models import Programme
from skillbridge.results.models import ReportingPeriod
from skillbridge.results.selectors import indicator_rows, period_for, periods_of


class ValueSerializer(serializers.Serializer):
    value = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    suppressed = serializers.CharField(source="marker", allow_blank=True)


class CellSerializer(ValueSerializer):
    dimension = serializers.CharField()
    category = serializers.CharField(source="label")


class IndicatorSerializer(serializers.Serializer):
    code = serializers.CharField(source="indicator.code")
    name = serializers.CharField(source="indicator.name")
    level = serializers.CharField(source="indicator.statement.level")
    statement = serializers.CharField(source="indicator.statement.code")
    unit = serializers.CharField(source="indicator.unit")
    method = serializers.CharField(source="indicator.method")
    query = serializers.CharField(source="indicator.query")
    sdg_targets = serializers.ListField(
        source="indicator.sdg_targets", child=serializers.CharField()
    )
    period = serializers.SerializerMethodField()
    baseline = serializers.DecimalField(
        source="indicator.baseline", max_digits=16, decimal_places=2
    )
    target = serializers.DecimalField(source="indicator.target", max_digits=16, decimal_places=2)
    actual = ValueSerializer()
    progress = serializers.DecimalField(max_digits=8, decimal_places=0, allow_null=True)
    status = serializers.CharField(source="light", allow_blank=True)
    disaggregations = serializers.SerializerMethodField()

    def get_period(self, row) -> str:
        return self.context["period"].label

    @extend_schema_field(CellSerializer(many=True))
    def get_disaggregations(self, row) -> list[dict]:
        return [
            CellSerializer({"dimension": dimension, **shown.__dict__}).data
            for dimension, cells in row.by.items()
            for shown in cells.values()
        ]


@extend_schema(
    parameters=[
        OpenApiParameter("programme", OpenApiTypes.STR, required=True),
        OpenApiParameter("period", OpenApiTypes.INT, required=False),
    ]
)
class IndicatorListView(ListAPIView):
    """Programme officers, finance officers and donor viewers: indicators for one period."""

    serializer_class = IndicatorSerializer

    def _programme_and_period(self):
        if hasattr(self, "_found"):
            return self._found
        slug = self.request.query_params.get("programme")
        if not slug:
            raise ApiValidationError({"programme": [_("Name the programme by its code.")]})
        programme = programme_for(self.request.user, slug, perm="results.view_results")
        self._found = programme, self._period(programme)
        return self._found

    def _period(self, programme: Programme) -> ReportingPeriod:
        """The period asked for, or the programme's latest: 404 if it is not the programme's."""
        wanted = self.request.query_params.get("period")
        if wanted is None:
            period = periods_of(programme).first()
        elif as_id(wanted) is None:
            raise ApiValidationError({"period": [_("Give the period's id.")]})
        else:
            period = period_for(self.request.user, as_id(wanted), perm="results.view_period")
        if period is None or period.programme_id != programme.pk:
            raise Http404
        return period

    def get_queryset(self):
        programme, period = self._programme_and_period()
        disclosed = not self.request.user.has_perm("results.view_unsuppressed", programme)
        return indicator_rows(programme, period, disclosed=disclosed)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["period"] = self._programme_and_period()[1]
        return context
