from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProvidersConfig(AppConfig):
    name = "opencus.providers"
    label = "providers"
    verbose_name = _("Service providers")

    def ready(self):
        from auditlog.registry import auditlog

        from opencus.providers.models import (
            CooperationLeader,
            Organisation,
            OrganisationArea,
            OrganisationNetwork,
            Partnership,
        )

        auditlog.register(Organisation, m2m_fields={"operating_gminas", "networks"})
        auditlog.register(OrganisationArea)
        auditlog.register(OrganisationNetwork)
        auditlog.register(Partnership)
        auditlog.register(CooperationLeader)
