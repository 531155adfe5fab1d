from django.contrib import admin

from skillbridge.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Who holds API tokens, staff first among them; a token is only ever revoked here."""

    list_display = ["user", "created_at", "expires_at", "last_used_at", "revoked_at"]
    list_filter = ["user__is_staff", "user__programme_roles__role", "revoked_at"]
    search_fields = ["user__email", "user__full_name"]
    readonly_fields = ["user", "created_at", "expires_at", "last_used_at"]
    exclude = ["digest", "credentials"]

    def has_add_permission(self, request) -> bool:
        # A token is shown once, to the person who asked for it, never made here.
        return False
