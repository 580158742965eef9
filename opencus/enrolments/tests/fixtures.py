"""Services given of a centre, for tests that walk every URL (tenancy, query budget)."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from opencus.catalogue import services as catalogue
from opencus.catalogue.models import Term, Vocabulary
from opencus.enrolments import services
from opencus.people import services as people


def meals_service(centre, *, provider=None, name="Dowóz posiłków", **overrides):
    """A published, co-financed meal delivery of ``centre`` (28 zł real value, 12 zł price)."""
    data = {
        "name": name,
        "summary": "Ciepły obiad przywieziony do domu.",
        "description": "Dowozimy ciepłe posiłki do domu.",
        "provider": provider,
        "at_home": True,
        "access_mode": "application",
        "how_to_apply": "Zadzwoń do CUS.",
        "fee_kind": "cofinanced",
        "unit": "meal",
        "market_value": Decimal("28.00"),
        "resident_price": Decimal("12.00"),
        "areas": [Term.objects.get(vocabulary=Vocabulary.AREA, code="social_assistance")],
        "target_groups": [Term.objects.get(vocabulary=Vocabulary.TARGET_GROUP, code="seniors")],
        "needs": [Term.objects.get(vocabulary=Vocabulary.NEED, code="meals")],
        **overrides,
    }
    service = catalogue.service_create(centre=centre, by=None, **data)
    return catalogue.service_change_status(service=service, by=None, status="published")


def enrolments_of(centre, provider=None) -> dict:
    """An active meal delivery (by ``provider``) with one delivery today, as URL kwargs."""
    person = people.person_create(
        centre=centre,
        by=None,
        first_name="Zenon",
        last_name=f"Obiadowy {centre.slug}",
        birth_date=dt.date(1940, 5, 5),
        street="ul. Polna 3",
        postal_code="66-200",
        city="Alfowo",
        phone="+48 600 000 111",
    )
    service = meals_service(centre, provider=provider, name=f"Obiady {centre.slug}")
    today = timezone.localdate()
    enrolment = services.enrolment_create(
        person=person,
        service=service,
        by=None,
        starts_on=today - dt.timedelta(days=20),
        units_per_period=Decimal(5),
        period="week",
    )
    delivery = services.delivery_record(
        enrolment=enrolment, by=None, delivered_on=today, units=Decimal(1)
    )
    return {"enrolment_id": enrolment.pk, "delivery_id": delivery.pk}
