from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security)
def demo_accounts_need_mfa_in_production(app_configs, **kwargs):
    """Production never lets demo accounts skip the second factor."""
    if settings.MFA_EXEMPT_DEMO_ACCOUNTS and not settings.DEBUG:
        return [
            checks.Error(
                "MFA_EXEMPT_DEMO_ACCOUNTS is on while DEBUG is off.",
                hint="Unset MFA_EXEMPT_DEMO_ACCOUNTS: staff must use MFA in production.",
                id="people.E001",
            )
        ]
    return []
