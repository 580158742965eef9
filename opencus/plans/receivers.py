"""Plans follow their person when the desk merges two records of the same person."""

from django.dispatch import receiver

from opencus.people.signals import person_merged
from opencus.plans.services import person_plans_move


@receiver(person_merged)
def move_plans(sender, keep, duplicate, by, **kwargs):
    person_plans_move(keep=keep, duplicate=duplicate, by=by)
