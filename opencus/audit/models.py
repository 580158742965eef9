"""The access log: one row per read of personal data (who, when, whose, where from, why).

Change history is django-auditlog's LogEntry; this table covers reads, which auditlog does not.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessPurpose(models.TextChoices):
    STAFF_ADMINISTRATION = "staff_admin", _("staff administration")
    CASE_HANDLING = "case_handling", _("handling a case")
    AUDIT = "audit", _("audit and supervision")
    DATA_SUBJECT_REQUEST = "dsr", _("data subject request (RODO)")
    EXPORT = "export", _("export")


class AccessLogEntry(models.Model):
    CENTRE_LOOKUP = "centre"

    occurred_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("who"),
    )
    # Kept as text too, so the log still says who it was after the account is removed.
    actor_label = models.CharField(_("who (as recorded)"), max_length=300)
    centre = models.ForeignKey(
        "territory.Centre",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("centre"),
    )
    subject_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", verbose_name=_("record type")
    )
    subject_id = models.CharField(_("record id"), max_length=64)
    subject_label = models.CharField(_("record"), max_length=300)
    fields = models.CharField(_("data shown"), max_length=500, blank=True)
    purpose = models.CharField(_("purpose"), max_length=20, choices=AccessPurpose.choices)
    view_name = models.CharField(_("page or endpoint"), max_length=200)
    path = models.CharField(_("address"), max_length=500)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        indexes = [
            models.Index(fields=["centre", "-occurred_at"]),
            models.Index(fields=["subject_type", "subject_id"]),
            models.Index(fields=["actor", "-occurred_at"]),
        ]

    def __str__(self):
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_label} → {self.subject_label}"
