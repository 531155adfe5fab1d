from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "skillbridge.people"
    verbose_name = _("People")

    def ready(self) -> None:
        from skillbridge.people import checks  # noqa: F401  (registers the system checks)
