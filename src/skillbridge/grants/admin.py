from django.contrib import admin

from skillbridge.grants.models import Disbursement, Grant


class ReadOnlyAdmin(admin.ModelAdmin):
    """Grants change only through their services, which check, lock and audit."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Grant)
class GrantAdmin(ReadOnlyAdmin):
    list_display = ["proposal", "programme", "amount_rwf", "paid_rwf", "state", "awarded_at"]
    list_filter = ["state", "programme"]
    search_fields = ["proposal__title"]


@admin.register(Disbursement)
class DisbursementAdmin(ReadOnlyAdmin):
    # The ledger is append-only, also for administrators: a correction is a reversal.
    list_display = ["recorded_at", "reference", "grant", "tranche", "kind", "amount_rwf", "paid_on"]
    list_filter = ["kind", "method"]
    search_fields = ["reference", "grant__proposal__title"]
