"""Applications follow their person when the desk merges two records of the same person."""

from auditlog.context import set_actor
from django.dispatch import receiver

from opencus.cases.models import Application
from opencus.people.signals import person_merged


@receiver(person_merged)
def move_applications(sender, keep, duplicate, by, **kwargs):
    with set_actor(by):
        for application in Application.objects.filter(person=duplicate):
            application.person = keep
            application.save(update_fields=["person", "updated_at"])
        for application in Application.objects.filter(submitter=duplicate):
            application.submitter = keep
            application.save(update_fields=["submitter", "updated_at"])
