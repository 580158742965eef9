from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnrolmentsConfig(AppConfig):
    name = "opencus.enrolments"
    label = "enrolments"
    verbose_name = _("Services given and deliveries")

    def ready(self):
        from auditlog.registry import auditlog

        from opencus.enrolments import receivers  # noqa: F401  (people merge moves services)
        from opencus.enrolments.models import Delivery, Enrolment

        auditlog.register(Enrolment)
        auditlog.register(Delivery)
