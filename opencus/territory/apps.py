from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TerritoryConfig(AppConfig):
    name = "opencus.territory"
    label = "territory"
    verbose_name = _("Territory and centres")

    def ready(self):
        from opencus.territory import history  # noqa: F401  (registers models with auditlog)
