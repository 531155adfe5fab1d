from django.contrib import admin
from django.contrib.contenttypes.models import ContentType

from skillbridge.common.access import personal_data_read
from skillbridge.common.models import AuditEntry, OutboxMessage


class PersonalDataReadsLogged:
    """A ModelAdmin mixin: list pages and record pages log what they showed (the access log).

    The admin site reads the same personal records as the officers' pages,
    so its reads go to the same log, through the same function.
    """

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:
            personal_data_read(
                reader=request.user,
                records=changelist.result_list,
                what="admin list",
                via="admin",
                scope=self._access_scope(),
            )
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        record = getattr(response, "context_data", {}).get("original")
        if request.method == "GET" and record is not None:
            personal_data_read(reader=request.user, records=[record], what="record", via="admin")
        return response

    def _access_scope(self):
        return ContentType.objects.get_for_model(self.model)


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor", "action", "content_type", "object_id", "before", "after"]
    list_filter = ["action", "content_type"]
    search_fields = ["action", "object_id", "actor__email"]

    # The audit log is append-only, also for administrators.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OutboxMessage)
class OutboxMessageAdmin(PersonalDataReadsLogged, admin.ModelAdmin):
    list_display = ["created_at", "to", "subject", "status", "kind", "language"]
    list_filter = ["status", "kind", "language"]
    search_fields = ["to", "subject"]
    readonly_fields = [f.name for f in OutboxMessage._meta.fields]
