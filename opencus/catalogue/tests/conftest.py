import datetime as dt
from decimal import Decimal

import pytest

from opencus.catalogue import services
from opencus.catalogue.enums import FeeKind, Need, ServiceArea, TargetGroup, Unit, Weekday
from opencus.catalogue.models import Term, Vocabulary


def term(vocabulary, code):
    return Term.objects.get(vocabulary=vocabulary, code=code)


def service_data(centre, **overrides):
    """A valid service for ``services.service_create`` (overrides replace any key)."""
    data = {
        "name": "Dowóz posiłków",
        "summary": "Ciepły obiad przywieziony do domu.",
        "description": "Dowozimy ciepłe posiłki do domu osobom starszym i z niepełnosprawnością.",
        "at_home": True,
        "access_mode": "application",
        "min_age": 60,
        "fee_kind": FeeKind.COFINANCED,
        "unit": Unit.MEAL,
        "market_value": Decimal("28.00"),
        "resident_price": Decimal("12.00"),
        "how_to_apply": "Zadzwoń do CUS.",
        "phone": "+48 68 000 00 00",
        "areas": [term(Vocabulary.AREA, ServiceArea.SOCIAL_ASSISTANCE)],
        "target_groups": [term(Vocabulary.TARGET_GROUP, TargetGroup.SENIORS)],
        "needs": [term(Vocabulary.NEED, Need.MEALS)],
        "funding": [term(Vocabulary.FUNDING, "gmina_budget")],
        "residents_of": list(centre.gminas.all()),
    }
    data.update(overrides)
    return data


@pytest.fixture
def make_service(db):
    def make(centre, *, publish=False, by=None, **overrides):
        service = services.service_create(centre=centre, by=by, **service_data(centre, **overrides))
        if publish:
            if service.at_location:
                location = services.location_save(
                    centre=centre,
                    by=by,
                    name="Siedziba CUS",
                    street="ul. Rynek 1",
                    postal_code="66-200",
                    city="Świebodzin",
                    gmina=centre.seat_gmina,
                )
                link = services.service_location_add(service=service, location=location, by=by)
                services.schedule_add(
                    service=service,
                    by=by,
                    weekday=Weekday.MO,
                    opens_at=dt.time(8),
                    closes_at=dt.time(15),
                    service_location=link,
                )
            service = services.service_change_status(service=service, by=by, status="published")
        return service

    return make
