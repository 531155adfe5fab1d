from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Registers the system checks; they read only settings, so importing them here is safe.
from skillbridge.people import checks  # noqa: F401


class PeopleConfig(AppConfig):
    name = "skillbridge.people"
    verbose_name = _("People")
