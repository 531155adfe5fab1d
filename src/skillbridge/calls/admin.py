"""The programme's admin lives here, not in programmes: changing a programme's main
language moves its calls' texts (calls.services.languages), which programmes cannot import."""

from django.contrib import admin

from skillbridge.calls.services import programme_main_language_set
from skillbridge.programmes.admin import DocumentPartnerInline
from skillbridge.programmes.models import Programme


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    inlines = [DocumentPartnerInline]
    list_display = ["name", "lead_organisation", "donor", "starts_on", "ends_on", "is_active"]
    search_fields = ["name", "slug"]
    filter_horizontal = ["partners", "sectors", "colleges"]
    prepopulated_fields = {"slug": ["name"]}

    def save_model(self, request, obj, form, change):
        language = obj.main_language
        moving = change and "main_language" in form.changed_data
        if moving:
            # The service changes it, with the texts, in the admin's transaction.
            obj.main_language = form.initial["main_language"]
        super().save_model(request, obj, form, change)
        if moving:
            programme_main_language_set(actor=request.user, programme=obj, language=language)
            obj.main_language = language
