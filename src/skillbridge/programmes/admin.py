from django.contrib import admin

from skillbridge.programmes.models import DocumentPartner, Sector

# The programme's own admin is in calls/admin.py: changing its main language moves its
# calls' texts, and this app, below calls, cannot reach them.


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class DocumentPartnerInline(admin.TabularInline):
    model = DocumentPartner
    extra = 0
