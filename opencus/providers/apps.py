from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProvidersConfig(AppConfig):
    name = "opencus.providers"
    label = "providers"
    verbose_name = _("Service providers")

    def ready(self):
        from auditlog.registry import auditlog

        from opencus.providers.models import (
            AttributesCard,
            CooperationLeader,
            Experience,
            Organisation,
            OrganisationArea,
            OrganisationNetwork,
            Partnership,
            Portfolio,
            PortfolioSubmission,
            Reference,
            Specialisation,
            SwotEntry,
        )

        auditlog.register(
            Organisation,
            m2m_fields={"operating_gminas", "networks"},
            exclude_fields=["search_name"],  # derived from the name and city
        )
        auditlog.register(OrganisationArea)
        auditlog.register(OrganisationNetwork)
        auditlog.register(Partnership)
        auditlog.register(CooperationLeader)
        # The documents the organisation writes for the centres, and what their OUS answered.
        for model in (
            AttributesCard,
            SwotEntry,
            Portfolio,
            Specialisation,
            Experience,
            Reference,
            PortfolioSubmission,
        ):
            auditlog.register(model)
