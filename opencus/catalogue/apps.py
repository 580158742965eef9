from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "opencus.catalogue"
    label = "catalogue"
    verbose_name = _("Service catalogue")

    def ready(self):
        from auditlog.registry import auditlog

        from opencus.catalogue.models import Location, Schedule, Service, ServiceLocation

        auditlog.register(
            Service, m2m_fields={"areas", "target_groups", "needs", "funding", "residents_of"}
        )
        auditlog.register(Location)
        auditlog.register(ServiceLocation)
        auditlog.register(Schedule)
