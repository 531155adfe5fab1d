from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class ExpertsConfig(AppConfig):
    name = "skillbridge.experts"
    verbose_name = _("Diaspora professionals")

    def ready(self):
        # Each app's personal_data module registers what it holds about a professional, for
        # their data download and their erasure (experts.personal_data).
        autodiscover_modules("personal_data")
