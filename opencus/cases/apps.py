from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "opencus.cases"
    label = "cases"
    verbose_name = _("Applications")

    def ready(self):
        from auditlog.registry import auditlog

        from opencus.cases import models, receivers  # noqa: F401  (receivers connect)

        for model in (
            models.Application,
            models.RequestedService,
            models.CompletionRequest,
            models.NeedsAssessment,
            models.SubCase,
            models.Decision,
            models.Appeal,
            models.ServiceLimit,
            models.WaitlistEntry,
            models.CasePolicy,
        ):
            auditlog.register(model)
