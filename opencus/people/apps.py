from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "opencus.people"
    label = "people"
    verbose_name = _("People")

    def ready(self):
        from auditlog.registry import auditlog

        from opencus.people.models import Consent, DisabilityCertificate, Person, Relation

        auditlog.register(Person, exclude_fields=["search_name"])  # derived from the names
        auditlog.register(Relation)
        auditlog.register(Consent)
        auditlog.register(DisabilityCertificate)
