"""Services given follow their person when two records are merged."""

from django.dispatch import receiver

from opencus.enrolments.services import person_records_move
from opencus.people.signals import person_merged


@receiver(person_merged)
def move_enrolments(sender, keep, duplicate, by, **kwargs):
    person_records_move(keep=keep, duplicate=duplicate, by=by)
