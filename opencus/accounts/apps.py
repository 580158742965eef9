from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "opencus.accounts"
    label = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self):
        from auditlog.registry import auditlog

        from opencus.accounts.models import Membership, User

        auditlog.register(User, exclude_fields=["password", "last_login"], mask_fields=[])
        auditlog.register(Membership)
