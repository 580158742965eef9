from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "opencus.cooperation"
    label = "cooperation"
    verbose_name = _("Cooperation with partners")

    def ready(self):
        from auditlog.registry import auditlog

        from opencus.cooperation.models import (
            Contribution,
            Pilot,
            PilotMember,
            Workshop,
            WorkshopParticipant,
        )

        # The records the centre and the organisation share: every change is kept.
        for model in (Workshop, WorkshopParticipant, Pilot, PilotMember, Contribution):
            auditlog.register(model)
