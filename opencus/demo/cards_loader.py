"""Demo attributes cards and portfolios (seed 003, procedure 4), made through the services so
they keep the rules (complete before final, experience of the last 3 years, kind b names its
form of commissioning):

- the demo organisation (the Konwent foundation): card version 1 final and version 2 a draft;
  portfolio version 1 final, public, with respite care of kind (a) among others, sent to CUS
  Świebodzin (acknowledged by its OUS) and CUS Janów Lubelski (not yet);
- three Lubuskie organisations, verified partners of CUS Świebodzin working in its gmina, with
  respite care of kind (a) and (b) and different territories and track records (for finding a
  partner for respite care in a gmina);
- nine of the 27 Konwent members with a card, a portfolio or both.

Dates are relative to the day of loading, so the experience stays within the last 3 years.
Idempotent: an organisation that has a card (or a portfolio) gets no new one.
"""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from opencus.accounts.models import User
from opencus.catalogue.enums import ServiceArea, ServiceType
from opencus.demo.partners_loader import DEMO_LEADER, DEMO_ORGANISATION, member_slug
from opencus.providers import services
from opencus.providers.enums import (
    ExperienceKind,
    LegalForm,
    PartnershipStatus,
    Quadrant,
    SpecialisationKind,
    Sphere,
    TaskForm,
)
from opencus.providers.models import (
    AttributesCard,
    Organisation,
    OrganisationArea,
    Partnership,
    Portfolio,
    PortfolioSubmission,
)
from opencus.territory.models import Centre, Gmina

SWIEBODZIN = "swiebodzin"
JANOW = "janow-lubelski"
OUS_SWIEBODZIN = "ous.swiebodzin@opencus.example"
DIRECTOR_SWIEBODZIN = "dyrektor.swiebodzin@opencus.example"
DIRECTOR_JANOW = "dyrektor.janow@opencus.example"

A, B = SpecialisationKind.READY, SpecialisationKind.WITH_SUPPORT
S, Q = Sphere, Quadrant


def _ago(days: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=days)


# --- what the documents say ------------------------------------------------------------------

KONWENT_SWOT = {
    (S.MANAGEMENT, Q.STRENGTHS): "Zarząd z 15-letnim doświadczeniem w prowadzeniu CIS i KIS\n"
    "Projektowe zarządzanie zadaniami zleconymi (harmonogram, budżet, sprawozdania)",
    (S.MANAGEMENT, Q.WEAKNESSES): "Jedna osoba rozlicza wszystkie projekty",
    (S.MANAGEMENT, Q.OPPORTUNITIES): "CUS szuka realizatorów usług w trybie powierzenia",
    (S.MANAGEMENT, Q.THREATS): "Krótkie terminy konkursów ofert",
    (S.STAFF, Q.STRENGTHS): "Opiekunki wytchnieniowe po kursie 120 h\nPsycholog i terapeuta "
    "zajęciowy na umowę o pracę",
    (S.STAFF, Q.WEAKNESSES): "Brak rezerwy kadrowej na czas urlopów",
    (S.STAFF, Q.OPPORTUNITIES): "Uczestnicy CIS jako przyszli asystenci osobiści",
    (S.STAFF, Q.THREATS): "Odpływ opiekunek do pracy za granicą",
    (S.RESOURCES, Q.STRENGTHS): "Własny lokal z pokojem dziennego pobytu w Janowie Lubelskim",
    (S.RESOURCES, Q.WEAKNESSES): "Jeden samochód, bez przystosowania do wózków",
    (S.RESOURCES, Q.OPPORTUNITIES): "Nieodpłatne użyczenie sali przez parafię",
    (S.FINANCE, Q.STRENGTHS): "Dochody z działalności gospodarczej CIS",
    (S.FINANCE, Q.WEAKNESSES): "Płynność zależna od terminów przekazania dotacji",
    (S.FINANCE, Q.THREATS): "Wkład własny przy projektach UE",
    (S.RELATIONS, Q.STRENGTHS): "Referencje trzech gmin i PCPR\nCzłonek Konwentu CIS i KIS",
    (S.RELATIONS, Q.OPPORTUNITIES): "Obserwatorium CUS przy Konwencie",
    (S.RELATIONS, Q.THREATS): "Konkurencja firm komercyjnych w przetargach",
}
KONWENT_TEXTS = {
    "zet_coauthor": "Zespół Ekspercki Terytorium Janów Lubelski (ZET)",
    "strengths_use_opportunities": "Tak: doświadczona kadra i własny lokal pozwolą przyjąć "
    "zlecenia opieki wytchnieniowej i reintegracji od CUS.",
    "strengths_overcome_threats": "W większości: umowy o pracę chronią ciągłość usług, ale "
    "urlopy wymagają rezerwy.",
    "weaknesses_block_opportunities": "Brak przystosowanego transportu ogranicza usługi dla osób "
    "poruszających się na wózkach.",
    "weaknesses_strengthen_threats": "Jednoosobowe rozliczenia zwiększają ryzyko opóźnień przy "
    "kilku zleceniach naraz.",
    "ethics": "Kodeks etyczny przyjęty uchwałą zarządu; procedura skarg uczestników.",
    "community_trust": "Fundacja od 2008 r. prowadzi CIS i KIS; uznanie gmin powiatu janowskiego.",
}


def _swot_for(kind: str, place: str) -> dict:
    """A short, plausible SWOT of a CIS or KIS (for the Konwent members)."""
    unit = "CIS" if kind == LegalForm.CIS else "KIS"
    return {
        (S.MANAGEMENT, Q.STRENGTHS): f"Kierownik {unit} z doświadczeniem w zadaniach zleconych",
        (S.STAFF, Q.STRENGTHS): "Instruktorzy reintegracji zawodowej, doradca zawodowy",
        (S.STAFF, Q.WEAKNESSES): "Brak psychologa na etacie",
        (S.RESOURCES, Q.STRENGTHS): f"Pomieszczenia warsztatowe w {place}",
        (S.RESOURCES, Q.THREATS): "Wygasająca umowa najmu lokalu",
        (S.FINANCE, Q.WEAKNESSES): "Finansowanie głównie z dotacji gminy",
        (S.FINANCE, Q.OPPORTUNITIES): "Zlecenia CUS na usługi reintegracyjne",
        (S.RELATIONS, Q.STRENGTHS): "Współpraca z PUP i OPS",
        (S.RELATIONS, Q.OPPORTUNITIES): "Członkostwo w Konwencie CIS i KIS",
    }


def _care_swot(place: str) -> dict:
    """A short SWOT of a provider of care services (for the Lubuskie partners)."""
    return {
        (S.MANAGEMENT, Q.STRENGTHS): f"Zarząd z doświadczeniem w zleceniach gminy {place}",
        (S.MANAGEMENT, Q.WEAKNESSES): "Brak osoby do rozliczania projektów UE",
        (S.STAFF, Q.STRENGTHS): "Opiekunki wytchnieniowe z kursem",
        (S.STAFF, Q.THREATS): "Trudno o opiekunki na weekendy",
        (S.RESOURCES, Q.STRENGTHS): f"Lokal w {place} z pokojem dziennego pobytu",
        (S.RESOURCES, Q.OPPORTUNITIES): "Użyczenie sprzętu rehabilitacyjnego przez CUS",
        (S.FINANCE, Q.WEAKNESSES): "Zależność od zleceń jednej gminy",
        (S.FINANCE, Q.OPPORTUNITIES): "Program resortowy opieki wytchnieniowej",
        (S.RELATIONS, Q.STRENGTHS): "Referencje OPS i rodzin",
    }


_MEMBER_TEXTS = {
    "strengths_use_opportunities": "Tak, w usługach reintegracji społecznej i zawodowej.",
    "strengths_overcome_threats": "Częściowo: zależy od ciągłości finansowania.",
    "weaknesses_block_opportunities": "Brak psychologa ogranicza zakres usług.",
    "weaknesses_strengthen_threats": "Tak, jeśli gmina nie przedłuży najmu lokalu.",
}


_CARE_TEXTS = {
    "strengths_use_opportunities": "Tak: własna kadra opiekunek pozwoli przyjąć zlecenia CUS.",
    "strengths_overcome_threats": "Częściowo: na weekendy potrzebna rezerwa opiekunek.",
    "weaknesses_block_opportunities": "Rozliczanie projektów UE ogranicza udział w konkursach.",
    "weaknesses_strengthen_threats": "Zależność od jednej gminy zwiększa ryzyko przerw.",
}


def _experience(title, funder, days_from, days_to, value, kind=ExperienceKind.COMMISSION):
    return {
        "kind": kind,
        "title": title,
        "funder": funder,
        "starts_on": _ago(days_from),
        "ends_on": _ago(days_to),
        "value": Decimal(value) if value is not None else None,
    }


def _respite(kind, recipients, capacity, experience, references, **fields) -> dict:
    return {
        "fields": {
            "kind": kind,
            "service_type": ServiceType.RESPITE_CARE,
            "area": ServiceArea.SOCIAL_ASSISTANCE,
            "recipients": recipients,
            "capacity": capacity,
            **fields,
        },
        "experience": experience,
        "references": references,
    }


KONWENT_PORTFOLIO = {
    "introduction": "Fundacja prowadzi CIS i KIS od 2008 r. Dla CUS najważniejsze: opieka "
    "wytchnieniowa prowadzona przez własne, przeszkolone opiekunki, i reintegracja osób "
    "zagrożonych wykluczeniem – z jednym liderem współpracy po naszej stronie.",
    "guarantees": "Jakość usług nadzorowana przez koordynatorkę; zastępstwo w 24 godziny; "
    "wysłuchanie uwag mieszkańców i OUS po każdym miesiącu.",
    "zet_coauthor": "Zespół Ekspercki Terytorium Janów Lubelski (ZET)",
    "is_public": True,
}
KONWENT_SPECIALISATIONS = [
    _respite(
        A,
        "Opiekunowie rodzinni osób z niepełnosprawnościami i osób starszych",
        "15 rodzin miesięcznie, do 8 godzin dziennie",
        [
            _experience(
                "Opieka wytchnieniowa – edycja 2025",
                "Gmina Janów Lubelski (program resortowy)",
                480,
                120,
                "148000.00",
            ),
            _experience(
                "Wytchnienie dla opiekuna",
                "Wojewoda Lubelski (Solidarnościowy Fundusz)",
                800,
                500,
                "96500.00",
                ExperienceKind.PROJECT,
            ),
        ],
        [
            (
                "Gminny Ośrodek Pomocy Społecznej w Janowie Lubelskim",
                100,
                "Usługa wykonana terminowo, opiekunki chwalone przez rodziny.",
                "kierownik GOPS, tel. 15 000 00 10",
            )
        ],
        guarantees="Opiekunka z kursem 120 h, zastępstwo w 24 godziny",
        description="Opieka w domu lub w dziennym pobycie, by opiekun mógł odpocząć.",
    ),
    {
        "fields": {
            "kind": A,
            "service_type": ServiceType.REINTEGRATION,
            "area": ServiceArea.REINTEGRATION,
            "recipients": "Osoby długotrwale bezrobotne i zagrożone wykluczeniem",
            "capacity": "30 uczestników rocznie",
        },
        "experience": [
            _experience(
                "Centrum Integracji Społecznej – zadanie zlecone",
                "Powiat Janowski",
                700,
                30,
                "310000.00",
            )
        ],
        "references": [
            (
                "Powiatowy Urząd Pracy w Janowie Lubelskim",
                200,
                "Wysoka skuteczność zatrudnieniowa absolwentów CIS.",
                "",
            )
        ],
    },
    {
        "fields": {
            "kind": B,
            "service_type": ServiceType.PERSONAL_ASSISTANCE,
            "area": ServiceArea.DISABILITY,
            "recipients": "Dorosłe osoby z niepełnosprawnościami",
            "capacity": "10 osób",
            "support_form": TaskForm.ENTRUSTING,
            "support_needed": "Dotacja na szkolenie asystentów i na samochód przystosowany "
            "do przewozu wózków.",
        },
        "experience": [],
        "references": [],
    },
]


# Lubuskie partners of CUS Świebodzin: the respite care of the region, told three ways.
LUBUSKIE = [
    {
        "slug": "spoldzielnia-opiekun-swiebodzin",
        "name": "Spółdzielnia Socjalna „Opiekun” w Świebodzinie",
        "legal_form": LegalForm.SOCIAL_COOPERATIVE,
        "is_social_enterprise": True,
        "seat": "0808053",
        "gminas": [
            "0808053",
            "0808012",
            "0808032",
            "0808042",
        ],  # Świebodzin, Lubrza, Skąpe, Szczaniec
        "city": "Świebodzin",
        "email": "biuro@opiekun-swiebodzin.opencus.example",
        "phone": "+48 68 111 20 30",
        "areas": [ServiceArea.SOCIAL_ASSISTANCE, ServiceArea.DISABILITY],
        "statute": "Usługi opiekuńcze, opieka wytchnieniowa i asystencja w domu.",
        "card": True,
        "portfolio": {
            "introduction": "Od 2019 r. zapewniamy opiekę wytchnieniową w czterech gminach "
            "powiatu świebodzińskiego; mamy własny zespół 14 opiekunek.",
            "guarantees": "Stała opiekunka dla rodziny; dyżur telefoniczny 7 dni w tygodniu.",
            "is_public": True,
        },
        "specialisations": [
            _respite(
                A,
                "Opiekunowie osób starszych i z niepełnosprawnościami",
                "25 rodzin miesięcznie",
                [
                    _experience(
                        "Opieka wytchnieniowa 2025", "Gmina Świebodzin", 500, 160, "118500.00"
                    ),
                    _experience(
                        "Opieka wytchnieniowa 2024", "Gmina Świebodzin", 870, 520, "96000.00"
                    ),
                    _experience(
                        "Wytchnienie w gminie Lubrza",
                        "Gmina Lubrza",
                        400,
                        60,
                        "42300.00",
                    ),
                ],
                [
                    (
                        "Ośrodek Pomocy Społecznej w Świebodzinie",
                        150,
                        "Usługa na wysokim poziomie, bez skarg mieszkańców.",
                        "tel. 68 000 00 21",
                    )
                ],
                guarantees="Opiekunki z kursem; zastępstwo w 12 godzin",
            ),
            {
                "fields": {
                    "kind": A,
                    "service_type": ServiceType.HOME_HELP,
                    "area": ServiceArea.SOCIAL_ASSISTANCE,
                    "recipients": "Osoby starsze mieszkające samotnie",
                    "capacity": "40 osób",
                },
                "experience": [
                    _experience(
                        "Usługi opiekuńcze w miejscu zamieszkania",
                        "Gmina Świebodzin",
                        700,
                        20,
                        "210000.00",
                    )
                ],
                "references": [],
            },
        ],
        "sent": "acknowledged",
    },
    {
        "slug": "razem-dla-seniora-zbaszynek",
        "name": "Stowarzyszenie „Razem dla Seniora” w Zbąszynku",
        "legal_form": LegalForm.ASSOCIATION,
        "is_social_enterprise": False,
        "seat": "0808063",
        "gminas": ["0808063", "0808053"],  # Zbąszynek, Świebodzin
        "city": "Zbąszynek",
        "email": "razem.senior@opencus.example",
        "phone": "",
        "areas": [ServiceArea.SOCIAL_ASSISTANCE, ServiceArea.CIVIC_ACTIVITY],
        "statute": "Aktywizacja i wsparcie seniorów, wolontariat sąsiedzki.",
        "card": False,  # a draft only
        "portfolio": {
            "introduction": "Wolontariuszki stowarzyszenia odwiedzają seniorów w Zbąszynku i "
            "Świebodzinie; chcemy prowadzić opiekę wytchnieniową, gdy CUS nas wzmocni.",
            "guarantees": "Zaufanie seniorów i ich rodzin.",
            "is_public": True,
        },
        "specialisations": [
            _respite(
                B,
                "Opiekunowie seniorów z demencją",
                "6 rodzin miesięcznie",
                [
                    _experience(
                        "Aktywny senior – wsparcie opiekunów",
                        "Gmina Zbąszynek",
                        300,
                        90,
                        "18500.00",
                    )
                ],
                [],
                support_form=TaskForm.SUPPORTING,
                support_needed="Szkolenie 4 wolontariuszek na opiekunki wytchnieniowe i "
                "dofinansowanie ich wynagrodzeń.",
            ),
            {
                "fields": {
                    "kind": A,
                    "service_type": ServiceType.BEFRIENDING,
                    "area": ServiceArea.SOCIAL_ASSISTANCE,
                    "recipients": "Samotni seniorzy",
                    "capacity": "20 seniorów",
                },
                "experience": [],
                "references": [],
            },
        ],
        "sent": "waiting",
    },
    {
        "slug": "fundacja-wytchnienie-zielona-gora",
        "name": "Fundacja „Wytchnienie”",
        "legal_form": LegalForm.FOUNDATION,
        "is_social_enterprise": False,
        "seat": "0862011",
        "gminas": ["0862011", "0809063", "0808053"],  # Zielona Góra, Sulechów, Świebodzin
        "city": "Zielona Góra",
        "email": "kontakt@wytchnienie.opencus.example",
        "phone": "+48 68 222 33 44",
        "areas": [ServiceArea.SOCIAL_ASSISTANCE, ServiceArea.HEALTH],
        "statute": "Wsparcie opiekunów rodzinnych, opieka wytchnieniowa całodobowa.",
        "card": True,
        "portfolio": {
            "introduction": "Prowadzimy całodobowe pobyty wytchnieniowe w Zielonej Górze; "
            "dojeżdżamy do rodzin w Świebodzinie i Sulechowie.",
            "guarantees": "Całodobowa opieka w ośrodku, pielęgniarka na dyżurze.",
            "is_public": False,
        },
        "specialisations": [
            _respite(
                A,
                "Opiekunowie osób leżących",
                "4 miejsca całodobowe",
                [
                    _experience(
                        "Pobyty wytchnieniowe – Fundusze Europejskie dla Lubuskiego",
                        "Urząd Marszałkowski Województwa Lubuskiego",
                        900,
                        200,
                        "240000.00",
                        ExperienceKind.PROJECT,
                    )
                ],
                [],
                description="Pobyt całodobowy do 14 dni w ośrodku fundacji.",
            ),
            {
                "fields": {
                    "kind": B,
                    "service_type": ServiceType.TRANSPORT,
                    "area": ServiceArea.HEALTH,
                    "recipients": "Osoby leżące dowożone na pobyty",
                    "capacity": "2 kursy dziennie",
                    "support_form": TaskForm.ENTRUSTING,
                    "support_needed": "Dotacja na leasing ambulansu transportowego.",
                },
                "experience": [],
                "references": [],
            },
        ],
        "sent": "waiting",
    },
]

# Konwent members: number -> (card, portfolio).
MEMBER_DOCUMENTS = {
    2: (True, False),
    3: (True, False),
    4: (False, True),
    7: (True, False),
    8: (True, True),
    13: (True, False),
    18: (True, True),
    21: (True, False),
    26: (False, True),
}


# --- making them ---------------------------------------------------------------------------


def _demo(document):
    """Marked as demo data (the demo organisation itself is not)."""
    if not document.is_demo:
        type(document).objects.filter(pk=document.pk).update(is_demo=True)
        document.is_demo = True
    return document


def _card(organisation, points: dict, texts: dict, *, by, final: bool) -> AttributesCard:
    card = _demo(services.card_start(organisation=organisation, by=by))
    card = services.card_save(
        card=card,
        by=by,
        points={(s.value, q.value): text for (s, q), text in points.items()},
        **texts,
    )
    return services.card_finalise(card=card, by=by) if final else card


def _portfolio(organisation, fields: dict, specialisations: list, *, by) -> Portfolio:
    portfolio = _demo(services.portfolio_start(organisation=organisation, by=by))
    services.portfolio_save(portfolio=portfolio, by=by, **fields)
    for spec in specialisations:
        specialisation = services.specialisation_create(
            portfolio=portfolio, by=by, **spec["fields"]
        )
        for experience in spec["experience"]:
            services.experience_create(specialisation=specialisation, by=by, **experience)
        for issued_by, days, summary, contact in spec["references"]:
            services.reference_create(
                specialisation=specialisation,
                by=by,
                issued_by=issued_by,
                issued_on=_ago(days),
                summary=summary,
                contact=contact,
            )
    return services.portfolio_finalise(portfolio=portfolio, by=by)


def _send(portfolio, centre, *, by, acknowledged_by=None, note="") -> None:
    if (
        centre is None
        or PortfolioSubmission.objects.filter(portfolio=portfolio, centre=centre).exists()
    ):
        return
    (submission,) = services.portfolio_send(portfolio=portfolio, by=by, centres=[centre])
    _demo(submission)
    if acknowledged_by is not None:
        services.submission_acknowledge(submission=submission, by=acknowledged_by, note=note)


def _user(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def _konwent(centres: dict) -> None:
    organisation = Organisation.objects.filter(slug=DEMO_ORGANISATION).first()
    if organisation is None:
        return
    leader = _user(DEMO_LEADER)
    if not AttributesCard.objects.filter(organisation=organisation).exists():
        _card(organisation, KONWENT_SWOT, KONWENT_TEXTS, by=leader, final=True)
        draft = _demo(services.card_start(organisation=organisation, by=leader))
        points = dict(KONWENT_SWOT)
        points[(S.RESOURCES, Q.WEAKNESSES)] = ""  # a bus was bought
        points[(S.RESOURCES, Q.STRENGTHS)] += "\nBus przystosowany do przewozu wózków (2026)"
        services.card_save(
            card=draft,
            by=leader,
            points={(s.value, q.value): text for (s, q), text in points.items()},
        )
    if not Portfolio.objects.filter(organisation=organisation).exists():
        portfolio = _portfolio(organisation, KONWENT_PORTFOLIO, KONWENT_SPECIALISATIONS, by=leader)
        _send(
            portfolio,
            centres.get(SWIEBODZIN),
            by=leader,
            acknowledged_by=_user(OUS_SWIEBODZIN),
            note="Dziękujemy – zapraszamy na warsztat porównania oczekiwań (procedura 5).",
        )
        _send(portfolio, centres.get(JANOW), by=leader)


def _lubuskie_partner(spec: dict, centre: Centre | None) -> None:
    gminas = {g.code: g for g in Gmina.objects.filter(code__in=[spec["seat"], *spec["gminas"]])}
    organisation = Organisation.objects.filter(slug=spec["slug"]).first()
    if organisation is None:
        organisation = Organisation.objects.create(
            slug=spec["slug"],
            name=spec["name"],
            legal_form=spec["legal_form"],
            is_social_enterprise=spec["is_social_enterprise"],
            seat_gmina=gminas.get(spec["seat"]),
            city=spec["city"],
            email=spec["email"],
            phone=spec["phone"],
            statutory_activity=spec["statute"],
            is_demo=True,
        )
        OrganisationArea.objects.bulk_create(
            OrganisationArea(organisation=organisation, area=area) for area in spec["areas"]
        )
        organisation.operating_gminas.set([gminas[c] for c in spec["gminas"] if c in gminas])
    if centre is None:
        return
    if not Partnership.objects.filter(centre=centre, organisation=organisation).exists():
        Partnership.objects.create(
            centre=centre,
            organisation=organisation,
            status=PartnershipStatus.VERIFIED,
            decided_at=timezone.now(),
            decided_by=_user(DIRECTOR_SWIEBODZIN),
            message="Partner CUS Świebodzin w usługach opiekuńczych (dane demonstracyjne).",
            is_demo=True,
        )
    if not AttributesCard.objects.filter(organisation=organisation).exists():
        _card(organisation, _care_swot(spec["city"]), _CARE_TEXTS, by=None, final=spec["card"])
    if not Portfolio.objects.filter(organisation=organisation).exists():
        portfolio = _portfolio(organisation, spec["portfolio"], spec["specialisations"], by=None)
        acknowledged = spec["sent"] == "acknowledged"
        _send(
            portfolio,
            centre,
            by=None,
            acknowledged_by=_user(OUS_SWIEBODZIN) if acknowledged else None,
            note="Zapraszamy do rozmowy o opiece wytchnieniowej w 2027 r." if acknowledged else "",
        )


def _members(centres: dict) -> None:
    for number, (with_card, with_portfolio) in MEMBER_DOCUMENTS.items():
        organisation = Organisation.objects.filter(slug=member_slug(number)).first()
        if organisation is None:
            continue
        place = organisation.seat_gmina.name if organisation.seat_gmina else "siedzibie"
        if with_card and not AttributesCard.objects.filter(organisation=organisation).exists():
            points = _swot_for(organisation.legal_form, place)
            _card(organisation, points, _MEMBER_TEXTS, by=None, final=True)
        if with_portfolio and not Portfolio.objects.filter(organisation=organisation).exists():
            portfolio = _portfolio(
                organisation,
                {"introduction": f"{organisation.name}: reintegracja społeczna i zawodowa."},
                [
                    {
                        "fields": {
                            "kind": A,
                            "service_type": ServiceType.REINTEGRATION,
                            "area": ServiceArea.REINTEGRATION,
                            "recipients": "Osoby zagrożone wykluczeniem społecznym",
                            "capacity": "20 uczestników rocznie",
                        },
                        "experience": [
                            _experience(
                                "Reintegracja uczestników " + organisation.name,
                                "Gmina " + place,
                                600,
                                90,
                                "85000.00",
                            )
                        ],
                        "references": [],
                    }
                ],
                by=None,
            )
            if Partnership.objects.filter(
                organisation=organisation, centre=centres.get(JANOW)
            ).exists():
                _send(
                    portfolio,
                    centres.get(JANOW),
                    by=None,
                    acknowledged_by=_user(DIRECTOR_JANOW) if number == 8 else None,
                )


@transaction.atomic
def load_cards() -> dict[str, int]:
    """The demo cards and portfolios; returns how many of each there are."""
    centres = {c.slug: c for c in Centre.objects.filter(slug__in=[SWIEBODZIN, JANOW])}
    _konwent(centres)
    for spec in LUBUSKIE:
        _lubuskie_partner(spec, centres.get(SWIEBODZIN))
    _members(centres)
    return {
        "cards": AttributesCard.objects.filter(is_demo=True).count(),
        "portfolios": Portfolio.objects.filter(is_demo=True).count(),
    }
