from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EquipmentConfig(AppConfig):
    name = "opencus.equipment"
    label = "equipment"
    verbose_name = _("Equipment rental")

    def ready(self):
        from auditlog.registry import auditlog

        from opencus.equipment import receivers  # noqa: F401  (people merge moves loans)
        from opencus.equipment.models import Item, Loan, Reservation

        auditlog.register(Item)
        auditlog.register(Reservation)
        auditlog.register(Loan)
