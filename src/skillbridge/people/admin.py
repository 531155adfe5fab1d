from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from skillbridge.common.admin import PersonalDataReadsLogged
from skillbridge.people.models import ApiToken, Organisation, ProgrammeRole, User


class ProgrammeRoleInline(admin.TabularInline):
    model = ProgrammeRole
    extra = 0
    autocomplete_fields = ["programme", "organisation"]


@admin.register(User)
class UserAdmin(PersonalDataReadsLogged, BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_staff", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_active", "preferred_language"]
    search_fields = ["email", "full_name"]
    inlines = [ProgrammeRoleInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["full_name", "preferred_language"]}),
        (_("Access"), {"fields": ["is_active", "is_staff", "is_superuser"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]}),
    ]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "parent", "location"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]


@admin.register(ProgrammeRole)
class ProgrammeRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "programme", "role", "organisation", "granted_at"]
    list_filter = ["programme", "role"]
    search_fields = ["user__email", "user__full_name"]
    autocomplete_fields = ["user", "programme", "organisation"]


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
