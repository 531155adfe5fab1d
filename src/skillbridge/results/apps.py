from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResultsConfig(AppConfig):
    name = "skillbridge.results"
    verbose_name = _("Results")

    def ready(self):
        from skillbridge.results import caching  # noqa: PLC0415 (models load after the apps)

        caching.connect()
