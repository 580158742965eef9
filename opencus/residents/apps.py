from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResidentsConfig(AppConfig):
    name = "opencus.residents"
    label = "residents"
    verbose_name = _("Residents")

    def ready(self):
        from auditlog.registry import auditlog

        from opencus.residents import receivers  # noqa: F401  (signals of cases)
        from opencus.residents.models import Message, ResidentLink

        auditlog.register(ResidentLink)
        auditlog.register(Message)
