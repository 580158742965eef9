from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "opencus.plans"
    label = "plans"
    verbose_name = _("Individual plans (IPUS)")

    def ready(self):
        from auditlog.registry import auditlog

        from opencus.plans import models, receivers  # noqa: F401  (people merge moves plans)

        for model in (
            models.IndividualPlan,
            models.PlanGoal,
            models.PlanItem,
            models.PlanSupport,
            models.MonitoringContact,
            models.PlanApprovalAuthorisation,
        ):
            auditlog.register(model)
