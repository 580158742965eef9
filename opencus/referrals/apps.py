from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    name = "opencus.referrals"
    label = "referrals"
    verbose_name = _("Referrals")

    def ready(self):
        from auditlog.registry import auditlog

        from opencus.referrals import receivers  # noqa: F401  (people merge moves referrals)
        from opencus.referrals.models import Referral, ReferralPolicy

        auditlog.register(Referral)
        auditlog.register(ReferralPolicy)
