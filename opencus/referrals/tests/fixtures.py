"""Referrals of a centre, for tests that walk every URL (tenancy, query budget) and for the
app's own tests."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from opencus.catalogue import services as catalogue
from opencus.catalogue.models import Term, Vocabulary
from opencus.enrolments import services as enrolments
from opencus.enrolments.tests.fixtures import meals_service
from opencus.people import services as people
from opencus.plans.tests.fixtures import draft_plan, ipus_application
from opencus.providers.tests.factories import OrganisationFactory
from opencus.referrals import services
from opencus.territory.tests.factories import AgreementFactory, CentreFactory


def referred_person(centre, first_name="Halina", last_name="Nowak", *, consents=None):
    """A person of ``centre`` with an address, a phone and communication needs, who has given
    the consents named (both referral purposes by default)."""
    person = people.person_create(
        centre=centre,
        by=None,
        confirm_new=True,
        first_name=first_name,
        last_name=f"{last_name} {centre.slug}",
        birth_date=dt.date(1944, 3, 2),
        street="ul. Lipowa 5",
        postal_code="66-200",
        city="Świebodzin",
        phone="+48 600 100 200",
        needs_large_print=True,
        accessibility_notes="Słabo słyszy.",
    )
    for purpose in consents if consents is not None else ("share_with_provider", "refer_elsewhere"):
        people.consent_give(person=person, by=None, purpose=purpose, form="written")
    return person


def link_by_agreement(centre, other, **fields):
    """An inter-municipal agreement in force between the gminas of two centres."""
    return AgreementFactory(
        lead_gmina=centre.seat_gmina, parties=[centre.seat_gmina, other.seat_gmina], **fields
    )


def to_provider(centre, organisation, *, person=None, by=None, **fields):
    data = {"request": "Asystent osobisty, 10 godzin w tygodniu.", "reason": "Zgłoszenie córki."}
    return services.referral_send(
        centre=centre,
        person=person or referred_person(centre),
        by=by,
        receiver_kind="provider",
        organisation=organisation,
        **(data | fields),
    )


def to_unit(centre, *, person=None, by=None, **fields):
    data = {
        "unit_name": "PUP Świebodzin",
        "unit_contact": "pośrednik pracy, tel. 68 000 00 00",
        "request": "Poradnictwo zawodowe.",
        "reason": "Szuka pracy po okresie opieki nad mamą.",
    }
    return services.referral_send(
        centre=centre,
        person=person or referred_person(centre),
        by=by,
        receiver_kind="unit",
        **(data | fields),
    )


def to_centre(centre, receiving_centre, *, person=None, by=None, **fields):
    data = {"request": "Miejsce w dziennym domu pomocy.", "reason": "Przeprowadza się do córki."}
    return services.referral_send(
        centre=centre,
        person=person or referred_person(centre),
        by=by,
        receiver_kind="centre",
        receiving_centre=receiving_centre,
        **(data | fields),
    )


def referrals_of(centre, organisation=None) -> dict:
    """URL kwargs: ``referral_id`` (sent by ``centre`` to ``organisation``, a new one if None),
    ``incoming_id`` (sent to ``centre`` by a centre an agreement links it to) and ``action``."""
    organisation = organisation or OrganisationFactory()
    sent = to_provider(centre, organisation, shared_fields=["phone"])
    neighbour = CentreFactory(name=f"CUS Sąsiad {centre.slug}")
    link_by_agreement(neighbour, centre)
    received = to_centre(neighbour, centre, shared_fields=["address"])
    return {"referral_id": sent.pk, "incoming_id": received.pk, "action": "accept"}


def published_service(centre, *, provider=None, name="Asystent osobisty"):
    """A published service of ``centre``'s catalogue, given by ``provider`` if any."""
    service = catalogue.service_create(
        centre=centre,
        by=None,
        name=f"{name} {centre.slug}",
        summary="Wsparcie w codziennych sprawach.",
        description="Asystent pomaga w domu i w załatwianiu spraw.",
        provider=provider,
        at_home=True,
        access_mode="application",
        fee_kind="free",
        unit="hour",
        market_value=Decimal("40"),
        resident_price=Decimal("0"),
        areas=[Term.objects.get(vocabulary=Vocabulary.AREA, code="social_assistance")],
        target_groups=[Term.objects.get(vocabulary=Vocabulary.TARGET_GROUP, code="seniors")],
        needs=[Term.objects.get(vocabulary=Vocabulary.NEED, code="daily_care")],
        how_to_apply="Wniosek w punkcie informacyjnym centrum.",
    )
    return catalogue.service_change_status(service=service, by=None, status="published")


def service_given(person, *, provider=None):
    """An active meal delivery given to ``person`` (a source of referrals)."""
    service = meals_service(person.centre, provider=provider, name=f"Obiady {person.pk}")
    return enrolments.enrolment_create(
        person=person,
        service=service,
        by=None,
        starts_on=timezone.localdate() - dt.timedelta(days=10),
        units_per_period=Decimal(5),
        period="week",
    )


def plan_for(person, coordinator):
    """A draft individual plan (IPUS) of ``person``, from an application calling for one."""
    application = ipus_application(person.centre, by=coordinator, person=person)
    return draft_plan(person.centre, coordinator, application=application)
