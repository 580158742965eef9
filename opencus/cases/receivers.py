"""Applications follow their person when the desk merges two records of the same person."""

from auditlog.context import set_actor
from django.dispatch import receiver

from opencus.cases.models import Application, RequestedService
from opencus.enrolments.services import enrolment_ended
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


@receiver(enrolment_ended)
def free_the_place(sender, enrolment, by, **kwargs):
    """A service granted within a limit ended: its place goes to the head of the queue."""
    from opencus.cases.services import place_release

    requested = RequestedService.objects.filter(enrolment=enrolment).first()
    if requested is not None:
        place_release(requested=requested, by=by)
