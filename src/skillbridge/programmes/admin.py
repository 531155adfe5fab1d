from django.contrib import admin

from skillbridge.programmes.models import DocumentPartner, Programme, Sector


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class DocumentPartnerInline(admin.TabularInline):
    model = DocumentPartner
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    inlines = [DocumentPartnerInline]
    list_display = ["name", "lead_organisation", "donor", "starts_on", "ends_on", "is_active"]
    search_fields = ["name", "slug"]
    filter_horizontal = ["partners", "sectors", "colleges"]
    prepopulated_fields = {"slug": ["name"]}
