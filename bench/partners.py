"""The partner pages of issue 5 at 1x and at a large size of the demo region.

Run: `make bench` (throwaway SQLite files, or DATABASE_URL's server with a second database
beside it; BENCH_SQL=1 also prints each page's slowest statements). As in resident_path.py the
two sizes live in two databases and the requests alternate between them; for each page it
prints the median server time at both sizes, their ratio (goal ≤ 1.5) and the number of SQL
queries at both sizes (they must be equal).

What grows, on top of the demo region (``load_demo``):

- the registry: from ``ORGANISATIONS`` organisations to ``ORG_SCALE`` times as many, spread
  over legal forms, the Lubuskie and Lubelskie gminas and the rest of the country (a seat and
  one to three gminas of operation in its powiat), statutory areas and networks. Each has a
  final portfolio (some two final versions, some a draft besides) of two to five
  specialisations of several service types, each with experience of the last five years;
  most have a final attributes card (with its SWOT) and a cooperation leader. Three in five
  work with CUS Świebodzin (most verified, some waiting or refused), half with CUS Janów
  Lubelski, fewer with Wojsławice (both in the Obserwatorium network) and Zbąszynek; most
  partners sent the centre their portfolio.
  Measured: the OUS's partner search (respite care, in the gmina of Świebodzin), the partner
  list, "Portfolios received", and the indicators of the Obserwatorium network and of CUS
  Janów Lubelski;
- calls: ``CALLS`` calls (three in four Świebodzin's) to ``ORG_SCALE`` times as many, in every
  mode and status, with criteria and offers of the registry's organisations (the awards feed
  the search's track record). Measured: the centre's call list and the public list;
- deliveries: the centre's other deliveries from ``DELIVERIES`` to ``DELIVERY_SCALE`` times as
  many (other services, the contract's service by other providers, the contract's provider
  before the contract ran) while the contracts and their own enrolments and deliveries stay
  the same. Measured: the monitoring of the demo contract for the help basket and the
  contract list.
"""

import contextlib
import datetime as dt
import random
from decimal import Decimal

import _common  # sets Django up: first
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

ORGANISATIONS = 100  # the registry at 1x (the demo's organisations included)
ORG_SCALE = 20
# Calls at 1x, every centre's; three in four are Świebodzin's. (At 20, the lists at 1x show
# fewer rows than a page holds, and the ratio would count the rows the page renders.)
CALLS = 40
DELIVERIES = 1_000  # the centre's other deliveries at 1x
DELIVERY_SCALE = 100
PER_PERSON = 20  # deliveries per bench person
CONTRACTS = 10  # bench contracts of the centre (both sizes), each with its own deliveries
CONTRACT_PEOPLE = 3  # enrolments of each bench contract, with CONTRACT_VISITS deliveries each
CONTRACT_VISITS = 10

CENTRE = "swiebodzin"
SEARCH = {"service_type": "respite_care", "gmina": "0808053"}  # the gmina of Świebodzin
NETWORK = "obserwatorium-cus-lubelszczyzna"
CONTRACTOR = "sc-zlota-raczka"  # of the demo contract for the help basket, monitored

# (legal form, weight): associations and foundations most, then the reintegration units.
LEGAL_FORMS = [
    ("association", 30),
    ("foundation", 20),
    ("social_coop", 10),
    ("cis", 5),
    ("kis", 5),
    ("zaz", 3),
    ("wtz", 5),
    ("nonprofit_company", 4),
    ("church", 5),
    ("kgw", 3),
    ("gmina_unit", 4),
    ("healthcare", 2),
    ("company", 4),
]
# (service type, weight) of the specialisations and the calls: care at home most.
SERVICE_TYPES = [
    ("home_help", 12),
    ("care", 12),
    ("meals", 8),
    ("respite_care", 6),
    ("personal_assistance", 8),
    ("transport", 6),
    ("reintegration", 8),
    ("after_school", 6),
    ("advocacy", 4),
    ("crisis_intervention", 3),
    ("befriending", 4),
    ("small_children", 3),
    ("rehabilitation", 5),
    ("companion", 3),
    ("equipment", 2),
    ("renovation", 2),
    ("supporting", 5),
    ("nursery", 2),
    ("other", 1),
]
# The other centres with calls (the public list shows every centre's).
OTHER_CENTRES = ["janow-lubelski", "wojslawice", "zbaszynek", "zielona-gora"]
# Partnerships: (centre, share of the bench organisations); statuses below.
CENTRE_SHARES = [
    ("swiebodzin", 0.6),
    ("janow-lubelski", 0.5),
    ("wojslawice", 0.2),
    ("zbaszynek", 0.1),
]


def main():
    result = _common.compare(
        {
            "1x": lambda: build("1x", 1),
            "large": lambda: build("large", ORG_SCALE, calls=ORG_SCALE, deliveries=DELIVERY_SCALE),
        }
    )
    print(
        f"Partner pages on {connection.vendor}: median of {_common.REPEAT} requests, "
        f"alternating; the registry {ORGANISATIONS} vs {ORGANISATIONS * ORG_SCALE} "
        f"organisations with final portfolios, {CALLS} vs {CALLS * ORG_SCALE} calls, the "
        f"centre's other deliveries {DELIVERIES} vs {DELIVERIES * DELIVERY_SCALE}"
    )
    _common.print_table(result)


def build(label: str, organisations: int, *, calls: int = 1, deliveries: int = 1):
    """The demo region grown ``organisations``, ``calls`` and ``deliveries`` times (1: the
    1x size); the measured pages as {name: (a client logged in as the reader, the address)}."""
    from opencus.providers.models import Organisation
    from opencus.territory.models import Centre

    rng = random.Random(2026)  # the same spread at both sizes  # noqa: S311
    centre = Centre.objects.get(slug=CENTRE)
    registry = ORGANISATIONS * organisations - Organisation.objects.count()
    grow_registry(rng, registry)
    grow_calls(rng, CALLS * calls)
    grow_deliveries(rng, centre, DELIVERIES * deliveries)
    _common.analyze()  # the planner's statistics, as after any bulk load
    print(f"  {label}: {sizes()}")
    return pages()


def sizes() -> str:
    """What the measured pages count, in words."""
    from opencus.commissioning.models import Call, public_calls_q
    from opencus.enrolments.models import Delivery
    from opencus.providers.models import Organisation, Partnership, PortfolioSubmission

    centre = {"centre__slug": CENTRE}
    return (
        f"{Organisation.objects.count()} organisations; Świebodzin "
        f"{Partnership.objects.filter(**centre).count()} partnerships, "
        f"{PortfolioSubmission.objects.filter(**centre).count()} portfolios received, "
        f"{Call.objects.filter(**centre).count()} calls "
        f"({Call.objects.filter(public_calls_q()).count()} public of every centre), "
        f"{Delivery.objects.filter(**centre).count()} deliveries; the network's centres "
        f"{Partnership.objects.filter(centre__networks__slug=NETWORK, status='verified').count()}"
        " verified partnerships"
    )


def pages() -> _common.Pages:
    """The measured pages of the demo region as it is."""
    from opencus.accounts.models import User
    from opencus.contracts.models import Contract
    from opencus.territory.models import Centre

    centre = Centre.objects.get(slug=CENTRE)
    ous = User.objects.get(email="ous.swiebodzin@opencus.example")
    analyst = User.objects.get(email="obserwatorium@opencus.example")
    janow = User.objects.get(email="dyrektor.janow@opencus.example")
    contract = Contract.objects.get(centre=centre, organisation__slug=CONTRACTOR, status="signed")
    c = centre.slug
    pages = {
        "partner search (OUS)": (
            ous,
            reverse("centre:partner_search", args=[c])
            + f"?service_type={SEARCH['service_type']}&gmina={SEARCH['gmina']}",
        ),
        "partner list": (ous, reverse("centre:partner_list", args=[c])),
        "portfolios received": (ous, reverse("centre:portfolio_received", args=[c])),
        "contract monitoring": (ous, reverse("centre:contract_monitoring", args=[c, contract.pk])),
        "contract list": (ous, reverse("centre:contract_list", args=[c])),
        "call list (centre)": (ous, reverse("centre:call_list", args=[c])),
        "calls (public)": (None, reverse("commissioning:call_list")),
        "network indicators": (
            analyst,
            reverse("network:cooperation_indicators", args=[NETWORK]),
        ),
        "centre indicators (Janów)": (
            janow,
            reverse("centre:cooperation_indicators", args=["janow-lubelski"]),
        ),
    }
    clients: dict = {}
    for user, _url in pages.values():
        if user not in clients:
            clients[user] = Client()
            if user is not None:
                clients[user].force_login(user)
    return {name: (clients[user], url) for name, (user, url) in pages.items()}


def _weighted(rng: random.Random, table: list[tuple[str, int]]) -> str:
    return rng.choices([v for v, _w in table], weights=[w for _v, w in table])[0]


def grow_registry(rng: random.Random, count: int) -> None:
    """``count`` bench organisations with their documents and partnerships."""
    from opencus.accounts.models import User
    from opencus.commissioning.enums import SERVICE_TYPE_AREA
    from opencus.core.text import fold
    from opencus.demo.partners_loader import NETWORK_SLUG
    from opencus.providers.models import (
        AttributesCard,
        CooperationLeader,
        Experience,
        Organisation,
        OrganisationArea,
        OrganisationNetwork,
        Partnership,
        Portfolio,
        PortfolioSubmission,
        Specialisation,
        SwotEntry,
    )
    from opencus.territory.models import Centre, Gmina

    now = timezone.now()
    today = timezone.localdate()
    gminas = list(Gmina.objects.values_list("code", "powiat_id"))
    by_powiat: dict[str, list[str]] = {}
    for code, powiat in gminas:
        by_powiat.setdefault(powiat, []).append(code)
    lubuskie = [g for g in gminas if g[0].startswith("08")]
    lubelskie = [g for g in gminas if g[0].startswith("06")]
    areas = list(dict.fromkeys(SERVICE_TYPE_AREA.values()))
    konwent = OrganisationNetwork.objects.get(slug=NETWORK_SLUG)
    centres = {c.slug: c for c in Centre.objects.filter(slug__in=[s for s, _ in CENTRE_SHARES])}
    have = Organisation.objects.filter(slug__startswith="bench-").count()

    organisations, operating, org_areas, members = [], [], [], []
    for i in range(have, have + count):
        place = rng.random()
        seat, powiat = rng.choice(lubuskie if place < 0.5 else lubelskie if place < 0.8 else gminas)
        name = f"{_weighted(rng, [('Stowarzyszenie', 3), ('Fundacja', 2), ('Spółdzielnia Socjalna', 1)])} Bench {i:05d}"
        city = f"Miasto {seat}"
        organisation = Organisation(
            name=name,
            search_name=fold(f"{name} {city}"),
            slug=f"bench-{i:05d}",
            legal_form=_weighted(rng, LEGAL_FORMS),
            is_social_enterprise=rng.random() < 0.25,
            seat_gmina_id=seat,
            city=city,
            email=f"bench{i}@opencus.example",
            statutory_activity="Działalność pożytku publicznego (dane do pomiaru).",
            is_demo=True,
        )
        organisations.append(organisation)
        territory = {
            seat,
            *rng.sample(by_powiat[powiat], min(len(by_powiat[powiat]), rng.randint(0, 3))),
        }
        operating += [
            Organisation.operating_gminas.through(organisation=organisation, gmina_id=g)
            for g in territory
        ]
        org_areas += [
            OrganisationArea(organisation=organisation, area=a)
            for a in rng.sample(areas, rng.randint(1, 3))
        ]
        if rng.random() < 0.1:
            members.append(
                Organisation.networks.through(
                    organisation=organisation, organisationnetwork=konwent
                )
            )
    Organisation.objects.bulk_create(organisations, batch_size=1000)
    Organisation.operating_gminas.through.objects.bulk_create(operating, batch_size=2000)
    OrganisationArea.objects.bulk_create(org_areas, batch_size=2000)
    Organisation.networks.through.objects.bulk_create(members, batch_size=2000)

    # The documents: final portfolios (a second final version, a draft), cards, leaders.
    portfolios, latest, specialisations, experience = [], {}, [], []
    cards, entries, leaders = [], [], []
    for organisation in organisations:
        finals = 2 if rng.random() < 0.3 else 1
        drafts = 1 if rng.random() < 0.2 else 0
        for version in range(1, finals + drafts + 1):
            final = version <= finals
            portfolio = Portfolio(
                organisation=organisation,
                version=version,
                status="final" if final else "draft",
                finalised_at=now - dt.timedelta(days=30 * (finals - version + 1))
                if final
                else None,
                introduction="Doświadczony partner gminy (dane do pomiaru).",
                is_public=final and rng.random() < 0.3,
                is_demo=True,
            )
            portfolios.append(portfolio)
            if final:
                latest[organisation.pk] = portfolio
            for position, service_type in enumerate(
                rng.sample([t for t, _w in SERVICE_TYPES], rng.randint(2, 5))
            ):
                ready = rng.random() < 0.6
                specialisation = Specialisation(
                    portfolio=portfolio,
                    kind="ready" if ready else "with_support",
                    service_type=service_type,
                    area=SERVICE_TYPE_AREA.get(service_type, "social_assistance"),
                    recipients="Mieszkańcy gminy i ich rodziny",
                    support_form="" if ready else rng.choice(["entrusting", "supporting"]),
                    position=position,
                )
                specialisations.append(specialisation)
                for _n in range(rng.randint(0, 3)):
                    ends = today - dt.timedelta(days=rng.randint(0, 5 * 365))
                    experience.append(
                        Experience(
                            specialisation=specialisation,
                            kind=rng.choice(["commission", "project", "contract", "other"]),
                            title="Zadanie publiczne gminy (dane do pomiaru)",
                            funder="Gmina",
                            starts_on=ends - dt.timedelta(days=rng.randint(30, 365)),
                            ends_on=ends,
                            value=Decimal(rng.randint(5, 300) * 1000)
                            if rng.random() < 0.8
                            else None,
                        )
                    )
        if rng.random() < 0.6:
            card = AttributesCard(
                organisation=organisation,
                version=1,
                status="final",
                finalised_at=now - dt.timedelta(days=60),
                is_demo=True,
            )
            cards.append(card)
            entries += [
                SwotEntry(card=card, sphere=sphere, quadrant=quadrant, text="Punkt\nDrugi punkt")
                for sphere in ("management", "staff", "resources", "finance", "relations")
                for quadrant in ("strengths", "weaknesses", "opportunities", "threats")
            ]
        if rng.random() < 0.7:
            appointed = today - dt.timedelta(days=rng.randint(30, 700))
            if rng.random() < 0.2:
                leaders.append(_leader(organisation, appointed - dt.timedelta(days=400), appointed))
            leaders.append(_leader(organisation, appointed, None))
    Portfolio.objects.bulk_create(portfolios, batch_size=1000)
    Specialisation.objects.bulk_create(specialisations, batch_size=2000)
    Experience.objects.bulk_create(experience, batch_size=2000)
    AttributesCard.objects.bulk_create(cards, batch_size=1000)
    SwotEntry.objects.bulk_create(entries, batch_size=2000)
    CooperationLeader.objects.bulk_create(leaders, batch_size=1000)

    # Partnerships with the centres, and the portfolios sent to them.
    directors = dict(  # who acknowledges a portfolio
        User.objects.filter(
            memberships__role="director", memberships__centre__in=centres.values()
        ).values_list("memberships__centre__slug", "pk")
    )
    partnerships, submissions = [], []
    for organisation in organisations:
        for slug, share in CENTRE_SHARES:
            if slug not in centres or rng.random() >= share:
                continue
            status = _weighted(rng, [("verified", 80), ("pending", 12), ("refused", 8)])
            asked = now - dt.timedelta(days=rng.randint(10, 700))
            partnerships.append(
                Partnership(
                    centre=centres[slug],
                    organisation=organisation,
                    status=status,
                    requested_at=asked,
                    message="Prosimy o współpracę (dane do pomiaru).",
                    decided_at=None if status == "pending" else asked + dt.timedelta(days=7),
                    refusal_reason="Poza obszarem działania." if status == "refused" else "",
                    is_demo=True,
                )
            )
            if status != "refused" and rng.random() < 0.8:
                sent = now - dt.timedelta(days=rng.randint(1, 300))
                acknowledged = rng.random() < 0.6 and slug in directors
                submissions.append(
                    PortfolioSubmission(
                        portfolio=latest[organisation.pk],
                        centre=centres[slug],
                        sent_at=sent,
                        acknowledged_at=sent + dt.timedelta(days=3) if acknowledged else None,
                        acknowledged_by_id=directors.get(slug) if acknowledged else None,
                        is_demo=True,
                    )
                )
    with _as_given(Partnership, "requested_at"), _as_given(PortfolioSubmission, "sent_at"):
        Partnership.objects.bulk_create(partnerships, batch_size=1000)
        PortfolioSubmission.objects.bulk_create(submissions, batch_size=1000)


@contextlib.contextmanager
def _as_given(model, name: str):
    """bulk_create keeps the date given to an ``auto_now_add`` field (spread in the past)."""
    field = model._meta.get_field(name)
    field.auto_now_add = False
    try:
        yield
    finally:
        field.auto_now_add = True


def _leader(organisation, appointed: dt.date, ended: dt.date | None):
    from opencus.providers.models import CooperationLeader

    return CooperationLeader(
        organisation=organisation,
        first_name="Lider",
        last_name=f"Bench {organisation.slug[-5:]}",
        role="Koordynator projektów",
        phone="+48 600 000 000",
        email=f"lider.{organisation.slug}@opencus.example",
        appointed_on=appointed,
        ended_on=ended,
    )


def grow_calls(rng: random.Random, count: int) -> None:
    """``count`` bench calls (half Świebodzin's, half the other demo centres'), with criteria,
    the centre's gmina, and offers of bench organisations."""
    from opencus.commissioning.enums import SERVICE_TYPE_AREA
    from opencus.commissioning.models import Call, Criterion, Offer
    from opencus.providers.models import Organisation
    from opencus.territory.models import Centre

    now = timezone.now()
    today = timezone.localdate()
    swiebodzin = Centre.objects.get(slug=CENTRE)
    others = list(Centre.objects.filter(slug__in=OTHER_CENTRES).order_by("slug"))
    gmina_of = {
        c.pk: c.gminas.values_list("code", flat=True).first() for c in [swiebodzin, *others]
    }
    bidders = list(
        Organisation.objects.filter(slug__startswith="bench-").values_list("pk", flat=True)
    )
    have = Call.objects.filter(title__startswith="Bench").count()
    statuses = [
        ("draft", 10),
        ("published", 20),
        ("evaluation", 10),
        ("awarded", 5),
        ("results_published", 45),
        ("cancelled", 10),
    ]
    modes = [("open_competition", 40), ("small_grant", 25), ("procurement", 25), ("in_house", 10)]
    calls, criteria, offers, call_gminas = [], [], [], []
    for i in range(have, have + count):
        centre = swiebodzin if i % 4 else others[(i // 4) % len(others)]
        mode = _weighted(rng, modes)
        status = _weighted(rng, statuses)
        if mode == "in_house" and status in ("published", "evaluation"):
            status = "awarded"
        service_type = _weighted(rng, SERVICE_TYPES)
        age = rng.randint(60, 900)  # days since it was drafted
        year = (today - dt.timedelta(days=age)).year
        published = deadline = results = None
        if status == "published":  # open for offers now
            published, deadline = now - dt.timedelta(days=5), now + dt.timedelta(days=16)
        elif status != "draft" and mode != "in_house":
            published = now - dt.timedelta(days=age - 5)
            deadline = published + dt.timedelta(days=21)
        if status == "results_published":
            results = now - dt.timedelta(days=age - 40)
        budget = Decimal(rng.randint(20, 600) * 1000)
        call = Call(
            centre=centre,
            number=f"{1000 + i}/{year}",
            year=year,
            sequence=1000 + i,
            title=f"Bench {i:05d}: zadanie publiczne gminy",
            mode=mode,
            task_form=rng.choice(["entrusting", "supporting"])
            if mode in ("open_competition", "small_grant")
            else "",
            procurement_kind=rng.choice(["below_threshold", "social_services", "reserved"])
            if mode == "procurement"
            else "",
            service_type=service_type,
            area=SERVICE_TYPE_AREA.get(service_type, "social_assistance"),
            terms="Zakres zadania, odbiorcy, warunki realizacji (dane do pomiaru).",
            budget=budget,
            task_starts_on=today - dt.timedelta(days=age - 60),
            task_ends_on=today - dt.timedelta(days=age - 60 - 180),
            offers_deadline=deadline,
            status=status,
            published_at=published,
            cancel_reason="Brak środków." if status == "cancelled" else "",
            results_published_at=results,
            is_demo=True,
        )
        calls.append(call)
        call_gminas.append(Call.gminas.through(call=call, gmina_id=gmina_of[centre.pk]))
        criteria += [
            Criterion(call=call, name=name, max_points=points, position=n)
            for n, (name, points) in enumerate(
                [("Cena", 40), ("Jakość", 40), ("Doświadczenie", 20)]
            )
        ]
        if status == "draft" or (status == "cancelled" and published is None):
            continue
        offering = rng.sample(bidders, 1 if mode == "in_house" else rng.randint(1, 4))
        winner = offering[0] if status in ("awarded", "results_published") else None
        sent = (published or now - dt.timedelta(days=age)) + dt.timedelta(days=2)
        for organisation_id in offering:
            offer_status = {
                "published": "submitted",
                "evaluation": "accepted",
                "cancelled": "submitted",
            }.get(status, "awarded" if organisation_id == winner else "not_awarded")
            decided = offer_status in ("awarded", "not_awarded")
            offers.append(
                Offer(
                    call=call,
                    organisation_id=organisation_id,
                    status=offer_status,
                    summary="Oferta (dane do pomiaru).",
                    amount=budget * Decimal("0.9"),
                    submitted_at=sent,
                    decided_at=sent + dt.timedelta(days=28) if decided else None,
                    decision_reason="Najwięcej punktów." if decided else "",
                    awarded_amount=budget * Decimal("0.9") if offer_status == "awarded" else None,
                    is_demo=True,
                )
            )
    Call.objects.bulk_create(calls, batch_size=500)
    Call.gminas.through.objects.bulk_create(call_gminas, batch_size=1000)
    Criterion.objects.bulk_create(criteria, batch_size=1000)
    Offer.objects.bulk_create(offers, batch_size=1000)


def grow_deliveries(rng: random.Random, centre, count: int) -> None:
    """Bench contracts of the centre with their own deliveries (made once: the same at both
    sizes), and ``count`` other deliveries of the centre: its other services, the help
    basket by other providers, and the basket's contractor before the contract began."""
    from opencus.catalogue.models import Service
    from opencus.contracts.models import Contract, ContractLine
    from opencus.enrolments.models import Delivery, Enrolment
    from opencus.people.models import Person
    from opencus.providers.models import Organisation

    today = timezone.localdate()
    demo = Contract.objects.get(centre=centre, organisation__slug=CONTRACTOR, status="signed")
    basket = demo.lines.get().service
    services = list(Service.objects.filter(centre=centre, status="published").exclude(pk=basket.pk))
    partners = list(
        Organisation.objects.filter(
            slug__startswith="bench-",
            partnerships__centre=centre,
            partnerships__status="verified",
        ).order_by("slug")
    )
    contractors, others = partners[:CONTRACTS], partners[CONTRACTS : CONTRACTS + 40]

    def enrol(people, service, provider, starts_on, ended_on=None):
        persons = Person.objects.bulk_create(
            [
                Person(
                    centre=centre,
                    first_name="Osoba",
                    last_name=f"Bench {rng.randint(0, 10**9):09d}",
                    birth_date=dt.date(1940 + n % 60, 1 + n % 12, 1 + n % 28),
                    is_demo=True,
                )
                for n in range(people)
            ],
            batch_size=1000,
        )
        return Enrolment.objects.bulk_create(
            [
                Enrolment(
                    centre=centre,
                    person=p,
                    service=service,
                    provider=provider,
                    units_per_period=Decimal(2),
                    period="week",
                    starts_on=starts_on,
                    unit=service.unit,
                    market_value_per_unit=service.market_value,
                    fee_per_unit=service.resident_price,
                    status="ended" if ended_on else "active",
                    ended_on=ended_on,
                    end_reason="period_end" if ended_on else "",
                )
                for p in persons
            ],
            batch_size=1000,
        )

    def deliver(enrolments, visits, last_day):
        Delivery.objects.bulk_create(
            [
                Delivery(
                    centre=centre,
                    enrolment=e,
                    delivered_on=last_day - dt.timedelta(days=7 * d + n % 7),
                    status="missed" if (n + d) % 15 == 0 else "delivered",
                    units=Decimal(0) if (n + d) % 15 == 0 else Decimal(1),
                    missed_reason="person_absent" if (n + d) % 15 == 0 else "",
                    where="at_home",
                )
                for n, e in enumerate(enrolments)
                for d in range(visits)
            ],
            batch_size=2000,
        )

    starts = today.replace(day=1) - dt.timedelta(days=150)
    starts = starts.replace(day=1)
    for n, organisation in enumerate(contractors):
        service = services[n % len(services)]
        units, price = Decimal(500), Decimal(60)
        contract = Contract.objects.create(
            centre=centre,
            organisation=organisation,
            year=starts.year,
            sequence=100 + n,
            title=f"Bench {n:02d}: {service.name}",
            kind="procurement",
            starts_on=starts,
            ends_on=starts + dt.timedelta(days=364),
            signed_on=starts - dt.timedelta(days=10),
            total_value=units * price,
            status="signed",
            is_demo=True,
        )
        ContractLine.objects.create(
            contract=contract,
            service=service,
            units=units,
            unit="hour",
            unit_price=price,
            value=units * price,
        )
        deliver(enrol(CONTRACT_PEOPLE, service, organisation, starts), CONTRACT_VISITS, today)

    # The other deliveries: people of PER_PERSON visits each, over the last weeks.
    left = count // PER_PERSON
    groups = [
        (0.55, lambda: (services[0], None, today - dt.timedelta(days=200), None, today)),
        (0.15, lambda: (services[-1], None, today - dt.timedelta(days=200), None, today)),
        (0.2, lambda: (basket, rng.choice(others), today - dt.timedelta(days=200), None, today)),
        (
            0.1,
            lambda: (
                basket,
                demo.organisation,
                demo.starts_on - dt.timedelta(days=300),
                demo.starts_on - dt.timedelta(days=1),
                demo.starts_on - dt.timedelta(days=1),
            ),
        ),
    ]
    for share, pick in groups:
        n = round(left * share)
        for _batch in range(0, n, 50):  # 50 people share a service and provider
            service, provider, starts_on, ended_on, last_day = pick()
            size = min(50, n - _batch)
            deliver(enrol(size, service, provider, starts_on, ended_on), PER_PERSON, last_day)


if __name__ == "__main__":
    main()
