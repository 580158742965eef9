from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "opencus.core"
    label = "core"
    verbose_name = _("OpenCUS core")

    def ready(self):
        from django.db.models import fields

        from opencus.core import checks  # noqa: F401  (registers system checks)

        # The empty choice of every select built from a model field or a form's choices.
        # Django 6.1's own label ("- Select an option -") has no Polish translation yet;
        # Django reads this attribute each time it builds a select.
        fields.BLANK_CHOICE_LABEL = _("— choose —")
