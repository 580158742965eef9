"""Residents' own accounts and what links them to the people the centre serves.

A resident signs up with an e-mail address and verifies it. The desk links the account to a
person's record when it registers an application made online: as the person themself, or as
their legal representative or actual carer (who see less: see ``ResidentRole``).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from opencus.people.models import Person
from opencus.territory.models import Centre


class ResidentRole(models.TextChoices):
    SELF = "self", _("the person themself")
    LEGAL_REPRESENTATIVE = "legal_representative", _("legal representative")
    ACTUAL_CARER = "actual_carer", _("actual carer")


# What each role may see in "my matters" (an actual carer acts for the person in everyday
# matters, but the plan's content and the data export belong to the person and their
# legal representative).
SEES_PLAN = frozenset({ResidentRole.SELF, ResidentRole.LEGAL_REPRESENTATIVE})
MAY_EXPORT = frozenset({ResidentRole.SELF, ResidentRole.LEGAL_REPRESENTATIVE})


class ResidentLink(models.Model):
    CENTRE_LOOKUP = "person__centre"
    PERSONAL_DATA = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="resident_links"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="resident_links")
    role = models.CharField(_("acts as"), max_length=24, choices=ResidentRole.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)

    class Meta:
        verbose_name = _("resident account link")
        indexes = [models.Index(fields=["user", "ended_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "person"],
                condition=Q(ended_at__isnull=True),
                name="one_active_link_per_account_and_person",
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.person} ({self.get_role_display()})"

    def get_additional_data(self):
        return {"centre": str(self.person.centre_id)}


class Message(models.Model):
    """A message from the centre to a person, shown in "my matters" (and announced by e-mail)."""

    CENTRE_LOOKUP = "centre"
    PERSONAL_DATA = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="messages")
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("message")
        indexes = [models.Index(fields=["person", "sent_at"])]

    def __str__(self):
        return self.subject

    def get_additional_data(self):
        return {"centre": str(self.centre_id)}
