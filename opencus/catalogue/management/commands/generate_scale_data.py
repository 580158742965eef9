"""Generate many realistic published services, fast, for benchmarks and scale tests.

The services are deterministic for a seed: service ``i`` of seed ``S`` always gets the same id,
name, texts, terms, fee and hours, so a rerun with the same seed adds only the services that are
missing (none, or the difference when ``--services`` grew). Everything is marked ``is_demo``.

Rows are written with ``bulk_create`` (services, their terms, gminas, documents, locations,
links, hours, status history and search index), bypassing the catalogue's write services: the
texts and terms are built to satisfy their rules, and the search index is computed with the
same ``search.service_texts``/``search.document_terms`` as ``search.index_service``.
"""

import math
import random
import re
import sys
import uuid
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import time
from decimal import Decimal
from functools import lru_cache

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from tqdm import tqdm

from opencus.catalogue.cache import catalogue_changed
from opencus.catalogue.enums import AccessMode, FeeKind, ServiceStatus
from opencus.catalogue.models import (
    Location,
    Schedule,
    SearchTerm,
    SearchWord,
    Service,
    ServiceDocument,
    ServiceLocation,
    ServiceStatusChange,
    Term,
    Vocabulary,
)
from opencus.catalogue.search import document_terms, service_texts
from opencus.catalogue.services import allowed_resident_gminas
from opencus.territory.enums import CentreStatus
from opencus.territory.models import Boundary, Centre

NAMESPACE = uuid.UUID("3f2b8d5e-6a41-4c0b-9f7e-1d2c3b4a5968")
BATCH = 1000
SERVICES_PER_LOCATION = 5


@dataclass(frozen=True)
class Kind:
    name: str
    summary: str
    lead: str  # the description's first sentence
    areas: tuple[str, ...]
    groups: tuple[str, ...]
    needs: tuple[str, ...]
    modes: tuple[str, ...]
    unit: str
    values: tuple[int, int]  # the real value per unit, PLN (from, to)
    fees: tuple[str, ...]
    access: str = AccessMode.APPLICATION
    ages: tuple[int | None, int | None] = (None, None)
    documents: tuple[str, ...] = ()


APPLY, OPEN, IPUS = AccessMode.APPLICATION, AccessMode.OPEN, AccessMode.IPUS_ONLY
FREE, COFIN, PAID = FeeKind.FREE, FeeKind.COFINANCED, FeeKind.PAID
KINDS = [
    Kind(
        "Klub seniora",
        "Spotkania seniorów: rozmowy, gry, wycieczki i wspólne świętowanie.",
        "Klub seniora to miejsce spotkań osób starszych, które chcą spędzać czas z innymi.",
        ("culture", "civic_activity"),
        ("seniors",),
        ("activity", "loneliness"),
        ("at_location",),
        "session",
        (25, 60),
        (FREE, COFIN),
        OPEN,
        (60, None),
    ),
    Kind(
        "Dowóz posiłków",
        "Ciepły obiad przywożony do domu w dni robocze.",
        "Dowozimy ciepłe obiady osobom, które nie mogą same przygotować posiłku.",
        ("social_assistance", "health"),
        ("seniors", "disability"),
        ("meals",),
        ("at_home",),
        "meal",
        (22, 34),
        (COFIN,),
    ),
    Kind(
        "Usługi opiekuńcze",
        "Opiekunka pomaga w domu w codziennych czynnościach.",
        "Opiekunka pomaga w higienie, ubieraniu, posiłkach i przyjmowaniu leków.",
        ("social_assistance",),
        ("seniors", "disability"),
        ("daily_care",),
        ("at_home",),
        "hour",
        (35, 50),
        (COFIN, FREE),
        documents=("income_statement",),
    ),
    Kind(
        "Asystent osoby starszej",
        "Asystent pomaga w zakupach, wizytach u lekarza i sprawach urzędowych.",
        "Asystent seniora odwiedza osobę starszą w domu i pomaga w codziennych sprawach.",
        ("social_assistance",),
        ("seniors",),
        ("daily_care", "loneliness"),
        ("at_home",),
        "hour",
        (45, 60),
        (FREE,),
        APPLY,
        (60, None),
    ),
    Kind(
        "Transport door-to-door",
        "Przewóz z domu do lekarza, urzędu lub na zakupy i z powrotem.",
        "Kierowca przyjeżdża pod dom, pomaga wsiąść do auta i odwozi z powrotem.",
        ("social_assistance", "disability"),
        ("seniors", "disability"),
        ("getting_around",),
        ("at_home", "mobile"),
        "ride",
        (40, 90),
        (COFIN,),
    ),
    Kind(
        "Teleopieka",
        "Opaska z przyciskiem SOS łączy z centrum pomocy czynnym całą dobę.",
        "Opieka na odległość: po naciśnięciu przycisku łączysz się z ratownikiem.",
        ("social_assistance", "health"),
        ("seniors", "disability"),
        ("safety_at_home",),
        ("remote", "at_home"),
        "month",
        (60, 120),
        (COFIN, FREE),
    ),
    Kind(
        "Rehabilitacja domowa",
        "Fizjoterapeuta przychodzi do domu i prowadzi ćwiczenia.",
        "Fizjoterapeuta prowadzi w domu ćwiczenia ruchowe, naukę chodzenia i masaż.",
        ("health", "disability"),
        ("disability", "seniors"),
        ("health",),
        ("at_home",),
        "visit",
        (120, 180),
        (FREE, COFIN),
        documents=("disability_certificate", "medical_referral"),
    ),
    Kind(
        "Gimnastyka dla seniorów",
        "Spokojne ćwiczenia ruchowe dla osób starszych.",
        "Instruktor prowadzi ćwiczenia równowagi, rozciąganie i marsz z kijami.",
        ("sport_tourism", "health"),
        ("seniors",),
        ("health", "activity"),
        ("at_location", "mobile"),
        "session",
        (25, 45),
        (FREE, COFIN),
        OPEN,
        (60, None),
    ),
    Kind(
        "Opieka wytchnieniowa",
        "Przeszkolony opiekun zastępuje opiekuna rodzinnego, który może odpocząć.",
        "Usługi wytchnieniowe dają opiekunom osób z niepełnosprawnością czas na odpoczynek.",
        ("disability", "social_assistance"),
        ("carers", "disability"),
        ("carer_break",),
        ("at_home", "at_location"),
        "hour",
        (40, 55),
        (FREE,),
        documents=("disability_certificate", "carer_statement"),
    ),
    Kind(
        "Wypożyczalnia sprzętu rehabilitacyjnego",
        "Wózki, balkoniki, łóżka i materace do wypożyczenia na miesiąc.",
        "Wypożyczamy sprawdzony i zdezynfekowany sprzęt ułatwiający opiekę w domu.",
        ("disability", "health"),
        ("disability", "seniors", "carers"),
        ("equipment",),
        ("at_location",),
        "loan",
        (80, 200),
        (COFIN, FREE),
        documents=("medical_referral",),
    ),
    Kind(
        "Grupa wsparcia dla rodziców",
        "Spotkania rodziców z psychologiem: rozmowa i wymiana doświadczeń.",
        "Rodzice spotykają się co tydzień, by porozmawiać o wychowaniu i trudnościach.",
        ("family_support",),
        ("families",),
        ("parenting", "mental_health"),
        ("at_location",),
        "session",
        (50, 90),
        (FREE,),
        OPEN,
    ),
    Kind(
        "Konsultacje psychologiczne",
        "Rozmowa z psychologiem na miejscu lub przez internet.",
        "Psycholog pomaga poradzić sobie ze stresem, smutkiem i trudnymi zmianami.",
        ("health",),
        ("all",),
        ("mental_health",),
        ("at_location", "remote"),
        "session",
        (120, 200),
        (FREE, COFIN),
    ),
    Kind(
        "Klub malucha",
        "Opieka nad dziećmi od 1 do 3 lat w małej grupie.",
        "Wykwalifikowane opiekunki zapewniają zabawę, posiłki i drzemkę.",
        ("pro_family", "education"),
        ("children_0_3", "families"),
        ("childcare",),
        ("at_location",),
        "month",
        (1200, 2200),
        (COFIN,),
        APPLY,
        (1, 3),
    ),
    Kind(
        "Spotkania dla rodziców z niemowlętami",
        "Zajęcia z położną i psychologiem dla rodziców najmłodszych dzieci.",
        "Rozmawiamy o karmieniu, śnie, pielęgnacji i zmęczeniu rodzica.",
        ("pro_family", "health"),
        ("families", "children_0_3"),
        ("parenting",),
        ("at_location",),
        "session",
        (40, 80),
        (FREE,),
        OPEN,
    ),
    Kind(
        "Świetlica środowiskowa",
        "Opieka nad dziećmi po lekcjach: odrabianie lekcji i zabawy.",
        "Dzieci odrabiają lekcje, grają, uczestniczą w zajęciach plastycznych i sportowych.",
        ("education", "family_support"),
        ("children",),
        ("childcare", "learning"),
        ("at_location",),
        "day",
        (30, 60),
        (FREE,),
        OPEN,
        (6, 12),
    ),
    Kind(
        "Pomoc w nauce",
        "Wolontariusze pomagają uczniom w lekcjach.",
        "Starsi uczniowie i studenci pomagają w matematyce, polskim i angielskim.",
        ("education",),
        ("children", "youth"),
        ("learning",),
        ("at_location", "remote"),
        "session",
        (30, 60),
        (FREE,),
        OPEN,
        (7, 19),
    ),
    Kind(
        "Warsztaty umiejętności społecznych",
        "Zajęcia w małych grupach o emocjach, współpracy i rozwiązywaniu konfliktów.",
        "Psycholog i pedagog uczą rozmowy, współpracy i radzenia sobie ze stresem.",
        ("education", "health"),
        ("youth",),
        ("mental_health", "activity"),
        ("at_location",),
        "course",
        (300, 800),
        (FREE,),
        APPLY,
        (10, 18),
    ),
    Kind(
        "Mediacje rodzinne",
        "Mediator pomaga rodzinie porozumieć się w sporze.",
        "Bezstronny mediator prowadzi rozmowy, które pomagają dojść do porozumienia.",
        ("family_support",),
        ("families", "crisis"),
        ("crisis", "parenting"),
        ("mobile", "at_location"),
        "session",
        (150, 250),
        (FREE,),
    ),
    Kind(
        "Punkt interwencji kryzysowej",
        "Natychmiastowa pomoc w kryzysie, bez skierowania.",
        "Psycholog i pracownik socjalny pomagają od pierwszych godzin kryzysu.",
        ("social_assistance", "health"),
        ("crisis",),
        ("crisis", "mental_health"),
        ("at_location", "remote"),
        "session",
        (100, 200),
        (FREE,),
        OPEN,
    ),
    Kind(
        "Poradnictwo prawne i obywatelskie",
        "Pomoc w pismach, wnioskach i odwołaniach.",
        "Doradca wyjaśnia przepisy i pomaga przygotować wniosek lub odwołanie.",
        ("civic_activity", "social_assistance"),
        ("all",),
        ("paperwork",),
        ("at_location", "remote"),
        "hour",
        (80, 150),
        (FREE,),
        OPEN,
    ),
    Kind(
        "Klub pracy",
        "Pomoc w szukaniu pracy: CV, rozmowa kwalifikacyjna, oferty.",
        "Doradca zawodowy pomaga napisać CV, przygotować się do rozmowy i znaleźć oferty.",
        ("unemployment", "reintegration"),
        ("job_seekers",),
        ("work",),
        ("at_location",),
        "session",
        (60, 120),
        (FREE,),
        OPEN,
        (18, None),
    ),
    Kind(
        "Reintegracja zawodowa",
        "Nauka zawodu i praca w grupie z opiekunem.",
        "Uczestnicy uczą się zawodu w warsztatach i wracają na rynek pracy.",
        ("reintegration", "unemployment"),
        ("job_seekers", "crisis"),
        ("work",),
        ("at_location",),
        "month",
        (1500, 3000),
        (FREE,),
        IPUS,
        (18, None),
    ),
    Kind(
        "Mieszkanie bez barier",
        "Drobne przeróbki w mieszkaniu: poręcze, pochylnia, łazienka bez progu.",
        "Ekipa usuwa bariery w mieszkaniu osoby z niepełnosprawnością lub seniora.",
        ("housing", "disability"),
        ("disability", "seniors"),
        ("housing",),
        ("at_home",),
        "hour",
        (50, 90),
        (COFIN, PAID),
    ),
    Kind(
        "Złota rączka",
        "Drobne naprawy w domu: kran, karnisz, gniazdko, żarówka.",
        "Złota rączka naprawia drobne usterki i montuje uchwyty oraz półki.",
        ("housing", "social_assistance"),
        ("seniors", "disability"),
        ("housework",),
        ("at_home",),
        "hour",
        (40, 60),
        (COFIN, PAID),
    ),
    Kind(
        "Ogród społeczny",
        "Wspólne uprawianie ogrodu z sąsiadami.",
        "Mieszkańcy razem sadzą warzywa i kwiaty, dzielą się plonami i wiedzą.",
        ("environment", "civic_activity"),
        ("all",),
        ("activity", "loneliness"),
        ("at_location",),
        "session",
        (20, 40),
        (FREE,),
        OPEN,
    ),
    Kind(
        "Warsztaty artystyczne",
        "Zajęcia plastyczne, teatralne i muzyczne.",
        "Instruktorzy prowadzą zajęcia plastyczne, teatralne i muzyczne w małych grupach.",
        ("culture",),
        ("children", "youth", "all"),
        ("activity",),
        ("at_location",),
        "session",
        (30, 70),
        (FREE, COFIN, PAID),
        OPEN,
    ),
    Kind(
        "Aqua aerobik dla seniorów",
        "Ćwiczenia w wodzie pod okiem instruktora.",
        "Ćwiczenia w wodzie odciążają stawy i poprawiają kondycję.",
        ("sport_tourism", "health"),
        ("seniors",),
        ("health", "activity"),
        ("at_location",),
        "session",
        (25, 45),
        (COFIN, PAID),
        OPEN,
        (60, None),
    ),
    Kind(
        "Rodzinne wyjazdy integracyjne",
        "Jednodniowe wycieczki dla rodzin z dziećmi.",
        "Wyjeżdżamy razem do lasu, nad jezioro lub do muzeum.",
        ("sport_tourism", "pro_family"),
        ("families",),
        ("activity",),
        ("mobile",),
        "day",
        (80, 200),
        (COFIN, PAID),
        OPEN,
    ),
]
NICKNAMES = [
    "Pogodna Jesień",
    "Pod Dębem",
    "Słoneczko",
    "Razem",
    "Przystań",
    "Dobry Sąsiad",
    "Tęcza",
    "Uśmiech",
    "Pod Lipami",
    "Nadzieja",
    "Krok po Kroku",
    "Bliżej",
    "Zielony Zakątek",
    "Wrzos",
    "Kasztan",
    "Otwarte Drzwi",
    "Wspólny Stół",
    "Jutrzenka",
    "Promyk",
    "Złoty Wiek",
]
WHERE = [  # gmina names stay in the nominative after "gmina"
    "Działamy na terenie gminy {place} i w okolicznych sołectwach.",
    "Usługa jest dostępna dla mieszkańców gminy {place}.",
    "Punkt w gminie {place} jest blisko przystanku autobusowego.",
    "Na terenie gminy {place} pracujemy od poniedziałku do piątku.",
]
HOW = [
    "Zgłoszenia przyjmuje punkt informacyjny CUS.",
    "Wystarczy zadzwonić i umówić termin.",
    "O przyjęciu decyduje kolejność zgłoszeń.",
    "Można przyjść bez zapisów.",
    "Wniosek można złożyć osobiście, pocztą lub przez ePUAP.",
]
EXTRA = [
    "Usługa jest dofinansowana, więc mieszkaniec płaci najwyżej część jej wartości.",
    "Prowadzą ją doświadczeni specjaliści.",
    "Budynek jest dostępny dla osób na wózkach.",
    "Pomagamy też rodzinom i opiekunom.",
    "W razie potrzeby organizujemy dojazd.",
    "Współpracujemy z organizacjami pozarządowymi i wolontariuszami.",
]
PLACE_KINDS = [
    "Świetlica",
    "Punkt usług CUS",
    "Dom Kultury",
    "Klub",
    "Sala zajęć",
    "Centrum aktywności lokalnej",
]
STREETS = [
    "ul. Polna",
    "ul. Szkolna",
    "ul. Kościuszki",
    "ul. Mickiewicza",
    "ul. Ogrodowa",
    "ul. Lipowa",
    "ul. Kwiatowa",
    "ul. Parkowa",
    "ul. Słoneczna",
    "ul. Kolejowa",
    "ul. Długa",
    "ul. Sienkiewicza",
]
FEE_NOTES = {
    FREE: "Bezpłatna dla mieszkańców; jej prawdziwa wartość to {value} zł.",
    COFIN: "Prawdziwa wartość to {value} zł; mieszkaniec płaci {price} zł, resztę dopłaca gmina.",
    PAID: "Mieszkaniec płaci pełną wartość: {value} zł.",
}
SLOTS = [("08:00", "12:00"), ("09:00", "15:00"), ("12:00", "16:00"), ("15:00", "19:00")]
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA"]
_PIECES = re.compile(r"(?<=[.!?;:–])\s+")


@lru_cache(maxsize=100_000)
def _piece_terms(text: str, weight: int) -> tuple[tuple[str, int], ...]:
    return tuple(document_terms([(text, weight)]).items())


def index_terms(service) -> dict[str, int]:
    """``document_terms(service_texts(service))``, computed piece by piece with a cache.

    A text is cut only after punctuation followed by a space, which never splits a word, and a
    term keeps its highest weight either way, so the result is the same.
    """
    terms: dict[str, int] = {}
    for text, weight in service_texts(service):
        for piece in _PIECES.split(text or ""):
            for term, w in _piece_terms(piece, weight):
                if terms.get(term, 0) < w:
                    terms[term] = w
    return terms


class _Related(list):
    def all(self):
        return self


@dataclass
class _Texts:
    """What ``service_texts`` reads, without a database round trip."""

    name: str
    summary: str
    description: str
    areas: _Related
    target_groups: _Related
    needs: _Related
    provider_id: None = None
    provider: None = None


def _uuid(value: uuid.UUID):
    """A UUID as this database stores it (32 hex digits on SQLite, native on PostgreSQL)."""
    return Service._meta.pk.get_db_prep_value(value, connection)


def _insert(model, fields: tuple[str, ...], rows: list[tuple]) -> None:
    """INSERT plain rows, many per statement, without model instances.

    For the narrow, numerous rows (the search index, M2M links): several times faster than
    ``bulk_create``, which builds and prepares a model instance per row. Values must already be
    in their database form (see ``_uuid``).
    """
    if not rows:
        return
    quote = connection.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(f).column) for f in fields)
    # Table and column names are quoted model metadata; every value is a bound parameter.
    head = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES "  # noqa: S608
    one = "(" + ", ".join(["%s"] * len(fields)) + ")"
    per_statement = min(1000, (connection.features.max_query_params or 999) // len(fields))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_statement):
            batch = rows[start : start + per_statement]
            cursor.execute(
                head + ", ".join([one] * len(batch)),
                [value for row in batch for value in row],
            )


@contextmanager
def _big_sqlite_cache():
    """On SQLite, a larger page cache while writing: the index B-trees of hundreds of thousands
    of rows then stay in memory (about a third less time at 10,000 services)."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (before,) = cursor.fetchone()
        cursor.execute("PRAGMA cache_size = -131072")  # KiB: up to 128 MiB, used as needed
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(before)}")


def _centroid(geometry: dict) -> tuple[float, float] | None:
    coordinates = geometry.get("coordinates") or []
    polygons = coordinates if geometry.get("type") == "MultiPolygon" else [coordinates]
    points = [pt for polygon in polygons for ring in polygon for pt in ring]
    if not points:
        return None
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


class Command(BaseCommand):
    help = (
        "Generate N published demo services (with locations, hours, terms and the search index) "
        "for benchmarks. Deterministic for a seed: a rerun with the same seed adds only what is "
        "missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--services", type=int, required=True, help="how many services")
        parser.add_argument(
            "--centre", help="slug of the centre to fill (default: all operating centres)"
        )
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")

    def handle(
        self, *args, services: int, centre: str | None, seed: int, verbosity: int, **options
    ):
        if services < 1:
            raise CommandError("--services must be at least 1.")
        if centre:
            centres = list(Centre.objects.filter(slug=centre))
            if not centres:
                raise CommandError(f"No centre with the slug “{centre}”.")
        else:
            centres = list(Centre.objects.filter(status=CentreStatus.OPERATING).order_by("slug"))
            if not centres:
                raise CommandError("No operating centre: run load_demo first, or pass --centre.")
        scope = f"{seed}:{centre or '*'}"
        rng = random.Random(f"opencus-scale:{scope}")  # noqa: S311  (repeatable demo data)
        specs = [self._spec(rng, scope, i, centres) for i in range(services)]
        ids = [spec["id"] for spec in specs]
        existing: set[uuid.UUID] = set()
        for start in range(0, len(ids), 500):
            existing.update(
                Service.objects.filter(id__in=ids[start : start + 500]).values_list("id", flat=True)
            )
        new = [spec for spec in specs if spec["id"] not in existing]
        if not new:
            self.stdout.write(
                f"Nothing to add: the {services} services of seed {seed} already exist."
            )
            return
        bar = tqdm(
            total=len(new),
            desc="services",
            unit=" services",
            file=sys.stderr,
            disable=verbosity < 1 or not sys.stderr.isatty(),
        )
        with transaction.atomic(), bar, _big_sqlite_cache():
            catalogue_changed()
            context = self._context(centres, scope, services)
            for start in range(0, len(new), BATCH):
                chunk = new[start : start + BATCH]
                self._write(chunk, context)
                bar.update(len(chunk))
            SearchWord.objects.bulk_create(
                [SearchWord(term=t) for t in sorted(context["words"])], ignore_conflicts=True
            )
        # After a bulk load the planner's statistics describe the tables as they were: without
        # fresh ones PostgreSQL plans 10,000 services as 14 and probes them one by one.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {len(new)} published demo services"
                + (f" ({len(existing)} of seed {seed} already existed)." if existing else ".")
            )
        )

    # --- the plan: deterministic, cheap, computed for every index ---------------------------

    def _spec(self, rng: random.Random, scope: str, i: int, centres: list[Centre]) -> dict:
        kind = rng.choice(KINDS)
        low, high = kind.values
        value = rng.randrange(low, high + 1, 5 if high - low >= 10 else 1)
        fee_kind = rng.choice(kind.fees)
        if fee_kind == FREE:
            price = 0
        elif fee_kind == PAID:
            price = value
        else:
            price = max(1, min(value - 1, round(value * rng.choice([0.1, 0.2, 0.25, 0.3, 0.5]))))
        slots = rng.sample(DAYS[:5], rng.randint(1, 3))
        return {
            "id": uuid.uuid5(NAMESPACE, f"service:{scope}:{i}"),
            "centre": rng.choice(centres),
            "kind": kind,
            "nick": rng.choice(NICKNAMES),
            "value": value,
            "fee_kind": fee_kind,
            "price": price,
            "sentences": (rng.choice(WHERE), rng.choice(HOW), rng.choice(EXTRA)),
            "partners": rng.random() < 0.3,
            "capacity": rng.choice([None, 20, 40, 100, 250]),
            "slots": [(day, rng.choice(SLOTS)) for day in sorted(slots, key=DAYS.index)],
            "location": rng.random(),
        }

    # --- what is shared: terms, gminas, locations --------------------------------------------

    def _context(self, centres: list[Centre], scope: str, services: int) -> dict:
        terms = {(t.vocabulary, t.code): t for t in Term.objects.all()}
        own, allowed, gminas = {}, {}, {}
        for c in centres:
            own[c.pk] = list(c.gminas.all()) or [c.seat_gmina]
            allowed[c.pk] = list(allowed_resident_gminas(c))
            for g in [*own[c.pk], *allowed[c.pk]]:
                gminas[g.code] = g
        centroids = {
            b.code: _centroid(b.geometry) for b in Boundary.objects.filter(code__in=list(gminas))
        }
        # A pool of about one place per five services of a centre; places left by an earlier
        # run of the seed are reused.
        pool = max(1, math.ceil(services / len(centres) / SERVICES_PER_LOCATION))
        ids = [
            uuid.uuid5(NAMESPACE, f"location:{scope}:{c.slug}:{slot}")
            for c in centres
            for slot in range(pool)
        ]
        found = {}
        for start in range(0, len(ids), 500):
            found.update(Location.objects.in_bulk(ids[start : start + 500]))
        return {
            "terms": terms,
            "db_terms": {t.pk: _uuid(t.pk) for t in terms.values()},
            "own": own,
            "allowed": allowed,
            "centroids": centroids,
            "scope": scope,
            "pool": pool,
            "found": found,
            "locations": {},  # (centre pk, slot) -> Location, created as they are needed
            "words": set(),
        }

    def _location(self, context: dict, spec: dict, new_locations: list) -> Location:
        centre = spec["centre"]
        slot = int(spec["location"] * context["pool"])
        key = (centre.pk, slot)
        location = context["locations"].get(key)
        if location is not None:
            return location
        lid = uuid.uuid5(NAMESPACE, f"location:{context['scope']}:{centre.slug}:{slot}")
        location = context["found"].get(lid)
        if location is None:
            rng = random.Random(str(lid))  # noqa: S311  (repeatable demo data)
            gmina = rng.choice(context["own"][centre.pk])
            centroid = context["centroids"].get(gmina.code)
            lat = lon = None
            if centroid:
                lat = Decimal(f"{centroid[0] + rng.uniform(-0.01, 0.01):.5f}")
                lon = Decimal(f"{centroid[1] + rng.uniform(-0.01, 0.01):.5f}")
            street = f"{rng.choice(STREETS)} {rng.randint(1, 60)}"
            location = Location(
                id=lid,
                centre=centre,
                name=f"{rng.choice(PLACE_KINDS)} „{rng.choice(NICKNAMES)}”",
                street=street,
                postal_code=centre.postal_code or "00-001",
                city=gmina.name,
                gmina=gmina,
                latitude=lat,
                longitude=lon,
                wheelchair_access=rng.random() < 0.7,
                accessible_toilet=rng.random() < 0.5,
                hearing_loop=rng.random() < 0.2,
                parking=rng.random() < 0.6,
                is_demo=True,
            )
            new_locations.append(location)
        context["locations"][key] = location
        return location

    # --- one batch ---------------------------------------------------------------------------

    def _write(self, chunk: list[dict], context: dict) -> None:
        terms, now = context["terms"], timezone.now()
        services, locations, links, schedules, changes, documents = [], [], [], [], [], []
        rows: dict[str, list] = defaultdict(list)
        index: list[tuple] = []
        db_terms = context["db_terms"]
        for spec in chunk:
            kind, centre = spec["kind"], spec["centre"]
            location = self._location(context, spec, locations)
            place = location.city
            where, how, extra = spec["sentences"]
            capacity = spec["capacity"]
            service = Service(
                id=spec["id"],
                centre=centre,
                name=f"{kind.name} „{spec['nick']}” – {place}",
                summary=kind.summary,
                description=" ".join([kind.lead, where.format(place=place), how, extra]),
                at_home="at_home" in kind.modes,
                at_location="at_location" in kind.modes,
                mobile="mobile" in kind.modes,
                remote="remote" in kind.modes,
                access_mode=kind.access,
                min_age=kind.ages[0],
                max_age=kind.ages[1],
                fee_kind=spec["fee_kind"],
                unit=kind.unit,
                market_value=Decimal(spec["value"]),
                resident_price=Decimal(spec["price"]),
                fee_notes=FEE_NOTES[spec["fee_kind"]].format(**spec),
                capacity=capacity,
                capacity_period="month" if capacity else "",
                how_to_apply=how,
                phone=centre.phone,
                email=centre.email or f"uslugi@cus-{centre.slug}.opencus.example",
                status=ServiceStatus.PUBLISHED,
                status_changed_at=now,
                is_demo=True,
            )
            services.append(service)
            sid = _uuid(service.pk)
            chosen = {
                "areas": [terms[Vocabulary.AREA, c] for c in kind.areas],
                "target_groups": [terms[Vocabulary.TARGET_GROUP, c] for c in kind.groups],
                "needs": [terms[Vocabulary.NEED, c] for c in kind.needs],
            }
            for field, picked in chosen.items():
                rows[field] += [(sid, db_terms[t.pk]) for t in picked]
            rows["funding"].append((sid, db_terms[terms[Vocabulary.FUNDING, "gmina_budget"].pk]))
            if spec["fee_kind"] != PAID:
                rows["funding"].append((sid, db_terms[terms[Vocabulary.FUNDING, "eu_funds"].pk]))
            residents = context["allowed" if spec["partners"] else "own"][centre.pk]
            rows["residents_of"] += [(sid, g.pk) for g in residents]
            documents += [ServiceDocument(service=service, kind=d) for d in kind.documents]
            link = ServiceLocation(service=service, location=location)
            links.append(link)
            for day, (opens, closes) in spec["slots"]:
                schedules.append(
                    Schedule(
                        service=service,
                        service_location=link,
                        weekday=day,
                        opens_at=time.fromisoformat(opens),
                        closes_at=time.fromisoformat(closes),
                    )
                )
            changes.append(
                ServiceStatusChange(
                    service=service, status=ServiceStatus.PUBLISHED, note="generate_scale_data"
                )
            )
            texts = _Texts(
                service.name,
                service.summary,
                service.description,
                **{field: _Related(picked) for field, picked in chosen.items()},
            )
            found = index_terms(texts)
            context["words"].update(found)
            index += [(sid, t, w) for t, w in found.items()]
        Location.objects.bulk_create(locations)
        Service.objects.bulk_create(services)
        for field in ("areas", "target_groups", "needs", "funding"):
            _insert(getattr(Service, field).through, ("service", "term"), rows[field])
        _insert(Service.residents_of.through, ("service", "gmina"), rows["residents_of"])
        ServiceDocument.objects.bulk_create(documents)
        ServiceLocation.objects.bulk_create(links)
        Schedule.objects.bulk_create(schedules)
        ServiceStatusChange.objects.bulk_create(changes)
        _insert(SearchTerm, ("service", "term", "weight"), index)
