from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MissionsConfig(AppConfig):
    name = "skillbridge.missions"
    verbose_name = _("Missions and mentoring")
