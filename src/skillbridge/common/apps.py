from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class CommonConfig(AppConfig):
    name = "skillbridge.common"
    verbose_name = _("Common")

    def ready(self):
        from skillbridge.common.bounds import bound_integer_columns

        bound_integer_columns(
            app for app in apps.get_app_configs() if app.name.startswith("skillbridge.")
        )
