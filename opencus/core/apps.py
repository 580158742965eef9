from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "opencus.core"
    label = "core"
    verbose_name = _("OpenCUS core")

    def ready(self):
        from opencus.core import checks  # noqa: F401  (registers system checks)
