from django.contrib import admin

from skillbridge.common.admin import PersonalDataReadsLogged
from skillbridge.experts.models import ExpertProfile, QualificationLevel, Skill


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ["name", "sector", "in_taxonomy", "esco_uri"]
    list_filter = ["in_taxonomy", "sector"]
    search_fields = ["name"]


@admin.register(QualificationLevel)
class QualificationLevelAdmin(admin.ModelAdmin):
    list_display = ["name", "rank"]


@admin.register(ExpertProfile)
class ExpertProfileAdmin(PersonalDataReadsLogged, admin.ModelAdmin):
    """Site administrators: read-mostly access; vetting happens in the officers' pages."""

    list_display = ["__str__", "programme", "country", "state", "source", "claimed_at"]
    list_filter = ["programme", "state", "source", "country"]
    search_fields = ["user__email", "user__full_name"]
    raw_id_fields = ["user"]
    filter_horizontal = ["sectors", "skills"]
