from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "skillbridge.api"
    verbose_name = _("REST API")

    def ready(self) -> None:
        # Registers the Bearer scheme with drf-spectacular.
        from skillbridge.api import schema  # noqa: F401
