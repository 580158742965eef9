"""The scene's small catalogue, and ``new_service`` to add more in a test."""

import datetime as dt
from decimal import Decimal


def terms(vocabulary, *codes):
    from opencus.catalogue.services import terms as catalogue_terms

    return catalogue_terms(vocabulary, codes)


def new_service(centre, *, publish=True, **fields):
    """A service of ``centre`` (published unless told), from a few fields and codes.

    ``areas``, ``groups``, ``needs`` are lists of codes; everything else is a service field.
    A service given ``at_location`` needs ``place`` (a Location) to be published.
    """
    from opencus.catalogue import services
    from opencus.catalogue.models import Vocabulary

    place = fields.pop("place", None)
    data = {
        "summary": "Krótki opis usługi.",
        "description": "Opis usługi prostym językiem.",
        "access_mode": "application",
        "fee_kind": "free",
        "unit": "visit",
        "market_value": Decimal("50.00"),
        "resident_price": Decimal("0.00"),
        "how_to_apply": "Zadzwoń do centrum.",
        "phone": "+48 68 000 00 00",
        "areas": terms(Vocabulary.AREA, *fields.pop("areas", ["social_assistance"])),
        "target_groups": terms(Vocabulary.TARGET_GROUP, *fields.pop("groups", ["seniors"])),
        "needs": terms(Vocabulary.NEED, *fields.pop("needs", [])),
        **fields,
    }
    service = services.service_create(centre=centre, by=None, **data)
    if place is not None:
        service.link = services.service_location_add(service=service, location=place, by=None)
    if publish:
        service = services.service_change_status(service=service, by=None, status="published")
    return service


def add_catalogue(world):
    """A small catalogue: centre a's own services, and a neighbour's open through an agreement.

    - ``world.rural``: a rural gmina served by centre a;
    - ``world.club``: published, at a place (``world.place``, accessible) with hours;
    - ``world.meals``: published, at home, co-financed, open to all of a's gminas;
    - ``world.draft``: a draft;
    - ``world.lipowo``: the neighbour centre, whose remote ``world.telecare`` is open to
      ``world.rural`` through an inter-municipal agreement (``world.telecare_agreement``).
    """
    from opencus.catalogue import services
    from opencus.catalogue.models import Term
    from opencus.catalogue.terms import sync_terms
    from opencus.territory.enums import AgreementKind, GminaKind
    from opencus.territory.services import agreement_create
    from opencus.territory.tests.factories import CentreFactory, GminaFactory

    # Transactional tests flush the tables, the reference terms of the data migration too.
    sync_terms(Term)
    a = world.a
    powiat = world.gmina.powiat
    world.rural = GminaFactory(powiat=powiat, name="Wiejska", kind=GminaKind.RURAL)
    a.gminas.add(world.rural)
    world.place = services.location_save(
        centre=a,
        by=None,
        name="Dom Dziennego Pobytu",
        street="ul. Lipowa 5",
        postal_code="66-200",
        city="Alfowo",
        gmina=world.gmina,
        wheelchair_access=True,
        accessible_toilet=True,
        hearing_loop=True,
        accessibility_notes="Wejście od podwórza, bez progów.",
        transport_notes="Przystanek autobusowy 100 m.",
    )
    world.club = new_service(
        a,
        name="Klub seniora",
        summary="Spotkania, zajęcia i rozmowy dla seniorów.",
        at_location=True,
        access_mode="open",
        areas=["culture", "social_assistance"],
        needs=["loneliness", "activity"],
        unit="session",
        residents_of=[world.gmina],
        place=world.place,
        publish=False,
    )
    world.club_hours = services.schedule_add(
        service=world.club,
        by=None,
        weekday="TU",
        opens_at=dt.time(10),
        closes_at=dt.time(13),
        service_location=world.club.link,
        note="w sali na parterze",
    )
    world.club_link = world.club.link
    world.club = services.service_change_status(service=world.club, by=None, status="published")
    world.meals = new_service(
        a,
        name="Dowóz posiłków",
        summary="Ciepły obiad przywieziony do domu.",
        description="Dowozimy ciepłe posiłki do domu osobom starszym i z niepełnosprawnością.",
        at_home=True,
        min_age=60,
        fee_kind="cofinanced",
        unit="meal",
        market_value=Decimal("28.00"),
        resident_price=Decimal("12.00"),
        groups=["seniors", "disability"],
        needs=["meals"],
    )
    world.draft = new_service(
        a,
        name="Kurs komputerowy dla seniorów",
        at_location=True,
        areas=["education"],
        needs=["learning"],
        publish=False,
    )
    lipowo = GminaFactory(powiat=powiat, name="Lipowo", kind=GminaKind.URBAN)
    world.lipowo = CentreFactory(name="CUS Lipowo", slug="lipowo", seat_gmina=lipowo)
    world.telecare_agreement = agreement_create(
        by=None,
        title="Porozumienie o teleopiece",
        kind=AgreementKind.BILATERAL,
        lead_gmina=lipowo,
        parties=[lipowo, world.rural],
        centre=world.lipowo,
        valid_from=dt.date(2025, 1, 1),
    )
    world.telecare = new_service(
        world.lipowo,
        name="Teleopieka",
        summary="Opaska z przyciskiem: pomoc wezwiesz o każdej porze.",
        remote=True,
        unit="month",
        market_value=Decimal("60.00"),
        areas=["health", "social_assistance"],
        needs=["safety_at_home", "loneliness"],
        residents_of=[lipowo, world.rural],
    )
