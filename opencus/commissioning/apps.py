from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommissioningConfig(AppConfig):
    name = "opencus.commissioning"
    label = "commissioning"
    verbose_name = _("Commissioning")

    def ready(self):
        from auditlog.registry import auditlog

        from opencus.commissioning.models import Call, Criterion, GrantPool, Offer, Score

        # Contractual data: the terms, criteria, offers and scores keep their change history.
        auditlog.register(Call, m2m_fields={"gminas"})
        auditlog.register(Criterion)
        auditlog.register(Offer)
        auditlog.register(Score)
        auditlog.register(GrantPool)
