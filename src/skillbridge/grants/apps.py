import logging

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "skillbridge.grants"
    verbose_name = _("Grants")

    def ready(self):
        # WeasyPrint logs each layout step at INFO, also while importing itself;
        # without this every `skillbridge` command would print them.
        logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
