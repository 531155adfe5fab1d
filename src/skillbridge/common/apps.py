from django.apps import AppConfig, apps
from django.core import checks
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _

from skillbridge.common.bounds import bound_integer_columns
from skillbridge.common.checks import production_shares_tasks_and_cache


class CommonConfig(AppConfig):
    name = "skillbridge.common"
    verbose_name = _("Common")

    def ready(self):
        bound_integer_columns(
            app for app in apps.get_app_configs() if app.name.startswith("skillbridge.")
        )
        checks.register(production_shares_tasks_and_cache, checks.Tags.caches, deploy=True)
        # Each app's tasks module registers its periodic jobs (common.scheduling).
        autodiscover_modules("tasks")
