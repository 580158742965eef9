"""Catalogue objects of a centre, for tests that walk every URL (tenancy, query budget)."""

import datetime as dt
from decimal import Decimal

from opencus.catalogue import services
from opencus.catalogue.models import Term, Vocabulary


def catalogue_of(centre) -> dict:
    """A published service at a location with hours, as URL kwargs: service_id, link_id, schedule_id, location_id."""
    location = services.location_save(
        centre=centre,
        by=None,
        name=f"Siedziba {centre.name}",
        street="ul. Rynek 1",
        postal_code="66-200",
        city=centre.seat_gmina.name,
        gmina=centre.seat_gmina,
    )
    service = services.service_create(
        centre=centre,
        by=None,
        name=f"Klub seniora {centre.name}",
        summary="Spotkania seniorów.",
        description="Zajęcia i spotkania dla seniorów.",
        at_location=True,
        access_mode="open",
        fee_kind="free",
        unit="session",
        market_value=Decimal("40"),
        resident_price=Decimal("0"),
        areas=[Term.objects.get(vocabulary=Vocabulary.AREA, code="culture")],
        target_groups=[Term.objects.get(vocabulary=Vocabulary.TARGET_GROUP, code="seniors")],
        needs=[Term.objects.get(vocabulary=Vocabulary.NEED, code="loneliness")],
    )
    link = services.service_location_add(service=service, location=location, by=None)
    schedule = services.schedule_add(
        service=service,
        by=None,
        weekday="TU",
        opens_at=dt.time(10),
        closes_at=dt.time(13),
        service_location=link,
    )
    services.service_change_status(service=service, by=None, status="published")
    return {
        "service_id": service.pk,
        "link_id": link.pk,
        "schedule_id": schedule.pk,
        "location_id": location.pk,
    }
