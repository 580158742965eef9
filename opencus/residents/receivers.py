"""What the resident hears about their application, as messages in "my matters"."""

from django.dispatch import receiver
from django.utils import translation
from django.utils.translation import gettext as _

from opencus.cases.signals import (
    application_registered,
    decision_issued,
    place_offered,
    service_granted,
)
from opencus.people.signals import person_merged
from opencus.residents import services
from opencus.residents.models import Message, ResidentLink


def _in_language_of(person):
    return translation.override(person.preferred_language or "pl")


@receiver(place_offered)
def tell_of_offer(sender, entry, by, **kwargs):
    line = entry.requested
    person = line.application.person
    with _in_language_of(person):
        services.message_send(
            person=person,
            by=by,
            subject=_("A place is free for you: %(service)s") % {"service": line.service.name},
            body=_(
                "A place in “%(service)s” has become free and is offered to you, as the next "
                "on the waiting list. Please reply by %(date)s in “my matters” or at the "
                "centre; without a reply the place goes to the next person."
            )
            % {"service": line.service.name, "date": entry.offer_due_on.strftime("%d.%m.%Y")},
        )


@receiver(service_granted)
def tell_of_grant(sender, requested, by, **kwargs):
    person = requested.application.person
    with _in_language_of(person):
        services.message_send(
            person=person,
            by=by,
            subject=_("Service granted: %(service)s") % {"service": requested.service.name},
            body=_(
                "You are qualified for “%(service)s”. The written notice, with the scope and "
                "your fee, is among your documents."
            )
            % {"service": requested.service.name},
        )


@receiver(application_registered)
def link_the_account(sender, application, by, **kwargs):
    services.link_for_application(application=application, by=by)


@receiver(decision_issued)
def tell_of_refusal(sender, decision, by, **kwargs):
    line = decision.requested
    person = line.application.person
    with _in_language_of(person):
        services.message_send(
            person=person,
            by=by,
            subject=_("Decision on “%(service)s”") % {"service": line.service.name},
            body=_(
                "The centre has refused qualification for “%(service)s” by decision "
                "%(number)s. The decision, with its reasons and how to appeal to the SKO "
                "(%(days)s days from delivery), is among your documents."
            )
            % {
                "service": line.service.name,
                "number": decision.number,
                "days": decision.appeal_days,
            },
        )


@receiver(person_merged)
def move_links_and_messages(sender, keep, duplicate, by, **kwargs):
    """The accounts linked to the duplicate now see the kept record; its messages move too."""
    for link in ResidentLink.objects.filter(person=duplicate, ended_at__isnull=True):
        if ResidentLink.objects.filter(
            user_id=link.user_id, person=keep, ended_at__isnull=True
        ).exists():
            services.link_end(link=link, by=by)
        else:
            link.person = keep
            link.save(update_fields=["person"])
    Message.objects.filter(person=duplicate).update(person=keep)
