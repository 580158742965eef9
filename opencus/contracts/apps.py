from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContractsConfig(AppConfig):
    name = "opencus.contracts"
    label = "contracts"
    verbose_name = _("Contracts and monitoring")

    def ready(self):
        from auditlog.registry import auditlog

        from opencus.commissioning import handover
        from opencus.contracts import (
            receivers,  # noqa: F401  (people merge moves complaints)
            selectors,
        )
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

        # The call's page shows the contract made from each awarded offer.
        handover.register_contracts_finder(selectors.contracts_of_offers)
