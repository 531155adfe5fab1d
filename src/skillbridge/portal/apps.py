from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The pages over the whole programme: the home page, the navigation and the outbox."""

    name = "skillbridge.portal"
    verbose_name = _("Portal")
