from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContractsConfig(AppConfig):
    name = "opencus.contracts"
    label = "contracts"
    verbose_name = _("Contracts and monitoring")

    def ready(self):
        from auditlog.registry import auditlog

        from opencus.contracts import receivers  # noqa: F401  (people merge moves complaints)
        from opencus.contracts.models import (
            Complaint,
            Contract,
            ContractLine,
            ContractsPolicy,
            Inspection,
            ProviderReport,
            ReportingDuty,
            SurveyResponse,
        )

        # Contractual data and personal data (complaints) keep their history of changes.
        for model in (
            Contract,
            ContractLine,
            ReportingDuty,
            ProviderReport,
            Complaint,
            Inspection,
            SurveyResponse,
            ContractsPolicy,
        ):
            auditlog.register(model)
