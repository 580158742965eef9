"""Referrals follow their person when two records are merged (what was shared stays as sent)."""

from django.dispatch import receiver

from opencus.people.signals import person_merged
from opencus.referrals.services import person_records_move


@receiver(person_merged)
def move_referrals(sender, keep, duplicate, by, **kwargs):
    person_records_move(keep=keep, duplicate=duplicate, by=by)
