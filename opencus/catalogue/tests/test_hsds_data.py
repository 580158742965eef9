"""A realistic catalogue for the HSDS tests (no tests here; the API tests import it too).

Two centres in powiat krośnieński; a provider organisation; services given by it and by the
centre, at places with accessibility, on weekly schedules, with costs, documents and several
terms of every vocabulary; and services that must never be published (draft, suspended,
archived).
"""

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

from opencus.accounts.tests.factories import UserFactory
from opencus.catalogue import services as catalogue
from opencus.catalogue.enums import (
    AccessMode,
    CapacityPeriod,
    FeeKind,
    RequiredDocument,
    ServiceStatus,
    Unit,
    Weekday,
)
from opencus.catalogue.models import Vocabulary
from opencus.providers.enums import LegalForm
from opencus.providers.tests.factories import OrganisationFactory
from opencus.territory.enums import GminaKind
from opencus.territory.tests.factories import CentreFactory, GminaFactory, PowiatFactory

NIP = "5260250908"
REGON = "012345600"
KRS = "0000123456"


def build_territory() -> SimpleNamespace:
    powiat = PowiatFactory(code="0802", name="krośnieński")
    gminas = {
        "gubin": GminaFactory(powiat=powiat, code="0802011", name="Gubin", kind=GminaKind.URBAN),
        "bobrowice": GminaFactory(
            powiat=powiat, code="0802022", name="Bobrowice", kind=GminaKind.RURAL
        ),
        "gubin_rural": GminaFactory(
            powiat=powiat, code="0802052", name="Gubin", kind=GminaKind.RURAL
        ),
        "krosno": GminaFactory(
            powiat=powiat, code="0802063", name="Krosno Odrzańskie", kind=GminaKind.URBAN_RURAL
        ),
    }
    return SimpleNamespace(powiat=powiat, **gminas)


def service_data(**overrides) -> dict:
    """What ``service_create`` needs for a free service at a place (codes for terms)."""
    data = {
        "name": "Usługa",
        "summary": "Krótko i prosto.",
        "description": "Opis usługi.",
        "at_location": True,
        "access_mode": AccessMode.OPEN,
        "fee_kind": FeeKind.FREE,
        "unit": Unit.SESSION,
        "market_value": Decimal("50.00"),
        "resident_price": Decimal("0.00"),
        "areas": ["family_support"],
        "target_groups": ["families"],
    }
    data.update(overrides)
    for relation, vocabulary in (
        ("areas", Vocabulary.AREA),
        ("target_groups", Vocabulary.TARGET_GROUP),
        ("needs", Vocabulary.NEED),
        ("funding", Vocabulary.FUNDING),
    ):
        if relation in data:
            data[relation] = catalogue.terms(vocabulary, data[relation])
    return data


def publish(service, by):
    return catalogue.service_change_status(service=service, by=by, status=ServiceStatus.PUBLISHED)


def add_simple_services(*, centre, location, by, count: int, provider=None) -> list:
    """``count`` more published services at ``location``, each with a schedule."""
    created = []
    for number in range(count):
        service = catalogue.service_create(
            centre=centre,
            by=by,
            **service_data(
                name=f"Zajęcia {number:03d}",
                provider=provider,
                needs=["activity"],
                funding=["gmina_budget"],
                documents=[RequiredDocument.ID_DOCUMENT],
            ),
        )
        link = catalogue.service_location_add(service=service, location=location, by=by)
        catalogue.schedule_add(
            service=service,
            by=by,
            weekday=Weekday.TH,
            opens_at=dt.time(10),
            closes_at=dt.time(12),
            service_location=link,
        )
        created.append(publish(service, by))
    return created


def build_catalogue() -> SimpleNamespace:
    territory = build_territory()
    by = UserFactory()
    centre = CentreFactory(
        name="Centrum Usług Społecznych w Krośnie Odrzańskim",
        slug="cus-krosno",
        seat_gmina=territory.krosno,
        served=[territory.krosno, territory.bobrowice],
        email="cus@krosno.example.pl",
        phone="68 383 50 00",
        regon=REGON,
        nip=NIP,
        website="https://cus.krosno.example.pl/",
    )
    other = CentreFactory(
        name="Centrum Usług Społecznych w Gubinie",
        slug="cus-gubin",
        seat_gmina=territory.gubin,
        served=[territory.gubin],
    )
    provider = OrganisationFactory(
        name="Stowarzyszenie „Pomocna Dłoń”",
        slug="pomocna-dlon",
        legal_form=LegalForm.ASSOCIATION,
        nip=NIP,
        regon=REGON,
        krs=KRS,
        email="biuro@pomocnadlon.example.pl",
        phone="+48 600 100 200",
        seat_gmina=territory.krosno,
    )
    club = catalogue.location_save(
        centre=centre,
        by=by,
        name="Klub Seniora „Złota Jesień”",
        street="ul. Piastów 10",
        postal_code="66-600",
        city="Krosno Odrzańskie",
        gmina=territory.krosno,
        latitude=Decimal("52.05432"),
        longitude=Decimal("15.09876"),
        wheelchair_access=True,
        accessible_toilet=True,
        hearing_loop=True,
        accessibility_notes="Wejście od podwórza, dzwonek przy drzwiach.",
        transport_notes="Autobus nr 2, przystanek Rynek.",
    )
    hall = catalogue.location_save(
        centre=centre,
        by=by,
        name="Świetlica wiejska w Bobrowicach",
        street="Bobrowice 15",
        postal_code="66-627",
        city="Bobrowice",
        gmina=territory.bobrowice,
        parking=True,
    )
    assistant = catalogue.service_create(
        centre=centre,
        by=by,
        **service_data(
            name="Asystent osoby starszej",
            summary="Asystent pomaga w domu i w załatwianiu spraw na mieście.",
            description="Asystent towarzyszy seniorowi w codziennych sprawach: zakupy, "
            "wizyty u lekarza, spacery. Usługa dla osób, które mieszkają same.",
            provider=provider,
            at_home=True,
            access_mode=AccessMode.APPLICATION,
            min_age=60,
            eligibility_notes="Osoby 60+, które potrzebują wsparcia w codziennych sprawach.",
            fee_kind=FeeKind.COFINANCED,
            unit=Unit.HOUR,
            market_value=Decimal("120.00"),
            resident_price=Decimal("20.50"),
            fee_notes="Zwolnienie z opłaty przy dochodzie poniżej kryterium.",
            areas=["social_assistance", "health"],
            target_groups=["seniors", "disability"],
            needs=["daily_care", "loneliness"],
            funding=["eu_funds", "gmina_budget"],
            capacity=40,
            capacity_period=CapacityPeriod.WEEK,
            how_to_apply="Wniosek w CUS, pokój 12, albo telefonicznie.",
            phone="+48 68 383 50 01",
            email="asystent@krosno.example.pl",
            website="https://cus.krosno.example.pl/asystent",
            residents_of=[territory.krosno, territory.bobrowice],
            documents=[RequiredDocument.DISABILITY_CERTIFICATE, RequiredDocument.ID_DOCUMENT],
        ),
    )
    at_club = catalogue.service_location_add(
        service=assistant, location=club, by=by, description="Dyżur asystentów w klubie"
    )
    at_hall = catalogue.service_location_add(service=assistant, location=hall, by=by)
    catalogue.schedule_add(
        service=assistant, by=by, weekday=Weekday.MO, opens_at=dt.time(8), closes_at=dt.time(16)
    )
    catalogue.schedule_add(
        service=assistant,
        by=by,
        weekday=Weekday.WE,
        opens_at=dt.time(10),
        closes_at=dt.time(12),
        service_location=at_club,
        note="Dyżur w klubie",
    )
    catalogue.schedule_add(
        service=assistant,
        by=by,
        weekday=Weekday.FR,
        opens_at=dt.time(9, 30),
        closes_at=dt.time(13, 15),
        service_location=at_hall,
    )
    family_club = catalogue.service_create(
        centre=centre,
        by=by,
        **service_data(
            name="Klub rodzinny",
            summary="Zajęcia dla rodziców z małymi dziećmi.",
            description="Spotkania, zabawy sensoryczne i rozmowy z psychologiem dziecięcym.",
            remote=True,
            areas=["family_support", "pro_family"],
            target_groups=["families", "children_0_3"],
            needs=["parenting", "childcare"],
            funding=["state_programme"],
        ),
    )
    family_link = catalogue.service_location_add(service=family_club, location=club, by=by)
    catalogue.schedule_add(
        service=family_club,
        by=by,
        weekday=Weekday.TU,
        opens_at=dt.time(16),
        closes_at=dt.time(18),
        service_location=family_link,
    )
    equipment = catalogue.service_create(
        centre=centre,
        by=by,
        **service_data(
            name="Wypożyczalnia sprzętu rehabilitacyjnego",
            summary="Wózki, balkoniki i łóżka do wypożyczenia.",
            description="Sprzęt dowozimy i odbieramy z domu.",
            provider=provider,
            at_location=False,
            mobile=True,
            access_mode=AccessMode.APPLICATION,
            fee_kind=FeeKind.PAID,
            unit=Unit.LOAN,
            market_value=Decimal("30.00"),
            resident_price=Decimal("30.00"),
            areas=["disability"],
            target_groups=["disability", "seniors"],
            needs=["equipment"],
            how_to_apply="Zadzwoń do biura stowarzyszenia.",
            documents=[RequiredDocument.MEDICAL_REFERRAL],
        ),
    )
    published = [publish(s, by) for s in (assistant, family_club, equipment)]
    draft = catalogue.service_create(centre=centre, by=by, **service_data(name="Szkic usługi"))
    suspended = catalogue.service_create(
        centre=centre,
        by=by,
        **service_data(name="Usługa zawieszona", at_location=False, remote=True),
    )
    publish(suspended, by)
    catalogue.service_change_status(service=suspended, by=by, status=ServiceStatus.SUSPENDED)
    archived = catalogue.service_create(
        centre=centre,
        by=by,
        **service_data(name="Usługa archiwalna", at_location=False, remote=True),
    )
    catalogue.service_change_status(service=archived, by=by, status=ServiceStatus.ARCHIVED)
    # A draft at a place of its own: the place must not become public through it.
    hidden_place = catalogue.location_save(
        centre=centre,
        by=by,
        name="Miejsce tylko dla szkicu",
        street="ul. Ukryta 1",
        postal_code="66-600",
        city="Krosno Odrzańskie",
        gmina=territory.krosno,
    )
    catalogue.service_location_add(service=draft, location=hidden_place, by=by)
    gubin_place = catalogue.location_save(
        centre=other,
        by=by,
        name="Dzienny Dom Senior+",
        street="ul. Roosevelta 2",
        postal_code="66-620",
        city="Gubin",
        gmina=territory.gubin,
    )
    gubin_care = catalogue.service_create(
        centre=other,
        by=by,
        **service_data(
            name="Usługi opiekuńcze w Gubinie",
            areas=["social_assistance"],
            target_groups=["seniors"],
        ),
    )
    catalogue.service_location_add(service=gubin_care, location=gubin_place, by=by)
    gubin_care = publish(gubin_care, by)
    return SimpleNamespace(
        territory=territory,
        by=by,
        centre=centre,
        other=other,
        provider=provider,
        club=club,
        hall=hall,
        hidden_place=hidden_place,
        gubin_place=gubin_place,
        assistant=published[0],
        family_club=published[1],
        equipment=published[2],
        gubin_care=gubin_care,
        draft=draft,
        suspended=suspended,
        archived=archived,
        at_club=at_club,
        at_hall=at_hall,
    )
