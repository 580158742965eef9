"""The demo service catalogue: what seeds 003 and 004 name, consistent fees, the wizard scenario
(an 82-year-old in rural Trzebiel) and a forgiving search, loaded by ``load_demo``."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Q

from opencus.catalogue import services as catalogue
from opencus.catalogue.enums import FeeKind, ServiceStatus
from opencus.catalogue.models import (
    Location,
    Schedule,
    SearchTerm,
    Service,
    ServiceLocation,
    ServiceStatusChange,
)
from opencus.catalogue.search import apply_search
from opencus.demo.catalogue_data import PROVIDERS, SERVICES
from opencus.portal.selectors import Answers, wizard_matches
from opencus.providers.models import Organisation
from opencus.territory.enums import GminaKind
from opencus.territory.models import Gmina, InterMunicipalAgreement

TRZEBIEL, ZARY = "0811082", "0811021"

# Seed 004, "Jakie usługi realizują (będą realizować) CUS?", plus the gap it names (respite).
SEED_004 = [
    "Rehabilitacja w miejscu zamieszkania",
    "Transport door-to-door – taxi senior",
    "Dowóz posiłków",
    "Dowóz posiłków dla osób z niepełnosprawnością",
    "Mobilny fryzjer dla osób z niepełnosprawnością",
    "Mobilny psycholog dla osób z niepełnosprawnością",
    "Wypożyczalnia sprzętu rehabilitacyjnego",
    "Asystent osoby starszej",
    "Koszyk pomocowy: usługi sprzątające i złota rączka",
    "Mobilna gimnastyka dla seniorów",
    "Domowa regeneracja z sercem",
    "Opieka na odległość – teleopieka",
    "Zielone gospodarstwo opiekuńcze",
    "Klub Integracji Międzypokoleniowej",
    "Centrum Młodzieżowe – Klub Młodego Wolontariusza",
    "Warsztaty umiejętności społecznych",
    "Rówieśnicza pomoc w nauce",
    "Grupy wsparcia dla rodzin z dziećmi",
    "Mobilny mediator rodzinny",
    "Mobilny psycholog dla rodzin",
    "Świadome rodzicielstwo – zajęcia dla kobiet w ciąży i rodziców niemowląt",
    "Akademia malucha",
    "Centrum Dialogu i Wspierania Rodziny",
    "Klub rodziny",
    "Wsparcie rodzicielskie – szkolenia i konsultacje",
    "Biofeedback dla młodzieży i seniorów",
    "Opieka wytchnieniowa",
    "Mobilny Klub Rodzinny",
]
# Seed 003, §1.2: the service types it characterises for CIS/KIS working with a CUS.
SEED_003 = [
    "Asystencja osobista osoby z niepełnosprawnością",
    "Rzecznictwo – pomoc w dochodzeniu swoich praw",
    "Interwencja kryzysowa",
    "Usługi wytchnieniowe – krótki urlop dla opiekuna",
    "Przyjaciel seniora – zawieranie znajomości",
    "Pomoc w domu",
    "Klub malucha – opieka nad dziećmi do lat 3",
    "Usługi opiekuńcze",
    "Usługi rehabilitacyjne",
    "Usługa towarzysza",
    "Świetlica – opieka pozaszkolna i zajęcia pozalekcyjne",
    "Pomoc techniczna i serwis sprzętu rehabilitacyjnego",
    "Przygotowanie i dowóz posiłków",
    "Usługi remontowo-adaptacyjne – mieszkanie bez barier",
]


def _open_to(gmina: Gmina, age: int):
    return (
        Service.objects.published()
        .filter(residents_of=gmina)
        .filter(Q(min_age__isnull=True) | Q(min_age__lte=age))
        .filter(Q(max_age__isnull=True) | Q(max_age__gte=age))
    )


@pytest.mark.django_db
@pytest.mark.parametrize("name", SEED_004 + SEED_003)
def test_every_service_the_seeds_name_is_published(demo, name):
    service = Service.objects.get(name=name)
    assert service.status == ServiceStatus.PUBLISHED
    assert service.is_demo
    assert service.summary and service.description
    assert service.areas.exists() and service.target_groups.exists() and service.needs.exists()
    assert service.residents_of.exists()
    assert service.how_to_apply or service.phone or service.email
    if service.at_location:
        assert service.service_locations.exists()
    assert service.schedules.exists()


@pytest.mark.django_db
def test_the_named_services_say_what_residents_call_them(demo):
    assistant = Service.objects.get(name="Asystent osoby starszej")
    assert "asystent seniora" in assistant.description
    respite = Service.objects.get(name="Opieka wytchnieniowa")
    assert "usługi wytchnieniowe" in respite.description.lower()
    assert Service.objects.filter(name="Dowóz posiłków", centre__slug="trzebiel").exists()


@pytest.mark.django_db
def test_services_are_spread_over_lubuskie_and_lublin_centres(demo):
    slugs = set(Service.objects.published().values_list("centre__slug", flat=True))
    leaders = {"swiebodzin", "zbaszynek", "trzciel", "trzebiel", "miedzyrzecz", "szprotawa"}
    assert leaders | {"zielona-gora", "czerwiensk", "sulechow", "zary", "krosno"} <= slugs
    assert {"janow-lubelski", "wojslawice"} <= slugs


@pytest.mark.django_db
def test_fees_are_consistent(demo):
    for service in Service.objects.all():
        assert service.market_value > 0, service.name  # the real value is always shown
        assert service.market_value >= service.resident_price, service.name
        if service.fee_kind == FeeKind.FREE:
            assert service.resident_price == 0, service.name
        elif service.fee_kind == FeeKind.COFINANCED:
            assert 0 < service.resident_price < service.market_value, service.name
        else:
            assert service.resident_price == service.market_value, service.name
    meals = Service.objects.get(name="Dowóz posiłków")
    assert (meals.market_value, meals.resident_price) == (28, 12)
    rehabilitation = Service.objects.get(name="Rehabilitacja w miejscu zamieszkania")
    assert (rehabilitation.fee_kind, rehabilitation.market_value) == (FeeKind.FREE, 150)
    assert set(rehabilitation.documents.values_list("kind", flat=True)) >= {
        "disability_certificate"
    }
    assert {FeeKind.FREE, FeeKind.COFINANCED, FeeKind.PAID} == set(
        Service.objects.published().values_list("fee_kind", flat=True)
    )


@pytest.mark.django_db
def test_every_service_passes_the_catalogue_rules(demo):
    """Created through the services: the same validation holds for what is stored."""
    for service in Service.objects.prefetch_related("areas", "target_groups", "residents_of"):
        fields = {f: getattr(service, f) for f in catalogue.SERVICE_FIELDS}
        relations = {
            "areas": list(service.areas.all()),
            "target_groups": list(service.target_groups.all()),
            "residents_of": list(service.residents_of.all()),
        }
        catalogue.validate_service(centre=service.centre, fields=fields, relations=relations)


@pytest.mark.django_db
def test_everything_invented_is_labelled_demo(demo):
    assert not Service.objects.filter(is_demo=False).exists()
    assert not Location.objects.filter(is_demo=False).exists()
    invented = [p.slug for p in PROVIDERS if p.is_demo]
    assert Organisation.objects.filter(slug__in=invented, is_demo=True).count() == len(invented)
    assert InterMunicipalAgreement.objects.get(parties__code=TRZEBIEL, kind="bilateral").is_demo


@pytest.mark.django_db
def test_some_services_are_not_public(demo):
    for status in (ServiceStatus.DRAFT, ServiceStatus.SUSPENDED, ServiceStatus.ARCHIVED):
        hidden = Service.objects.filter(status=status)
        assert hidden.exists(), status
        assert not Service.objects.published().filter(pk__in=hidden).exists()
    published = Service.objects.published().count()
    assert published == Service.objects.count() - 4
    archived = Service.objects.get(status=ServiceStatus.ARCHIVED)
    assert list(archived.status_changes.values_list("status", flat=True)) == [
        "draft",
        "published",
        "archived",
    ]


@pytest.mark.django_db
def test_trzebiel_scenario_has_transport_meals_assistant_and_remote_care(demo):
    """ "My mother, 82, lives alone in a rural gmina and cannot drive"."""
    trzebiel = Gmina.objects.get(code=TRZEBIEL)
    assert trzebiel.kind == GminaKind.RURAL
    offered = _open_to(trzebiel, 82).filter(target_groups__code="seniors").distinct()
    own = offered.filter(centre__slug="trzebiel")
    assert (
        own.filter(needs__code="getting_around").filter(Q(mobile=True) | Q(at_home=True)).exists()
    )
    assert own.filter(needs__code="meals", at_home=True).exists()
    assert own.filter(needs__code="daily_care", at_home=True).exists()
    remote = offered.get(needs__code="safety_at_home", remote=True)
    assert remote.centre.slug == "zary"
    assert Gmina.objects.get(code=ZARY).kind == GminaKind.URBAN
    agreement = InterMunicipalAgreement.objects.get(
        kind="bilateral", parties__code=TRZEBIEL, centre__slug="zary"
    )
    assert set(agreement.parties.values_list("code", flat=True)) == {TRZEBIEL, ZARY}


@pytest.mark.django_db
def test_the_wizard_finds_the_four_kinds_for_trzebiel(demo):
    answers = Answers(
        age=82,
        needs=["getting_around", "meals", "daily_care"],
        gmina=Gmina.objects.get(code=TRZEBIEL),
        travel="no",
        lives_alone=True,
    )
    matches = {m.service.name: m for m in wizard_matches(answers)}
    assert {
        "Transport door-to-door – taxi senior",
        "Dowóz posiłków",
        "Asystent osoby starszej",
        "Opieka na odległość – teleopieka",
    } <= set(matches)
    assert matches["Opieka na odległość – teleopieka"].via_agreement is not None
    assert not any(m.warnings for m in matches.values())  # nothing needs a trip


@pytest.mark.django_db
def test_the_mobile_family_club_serves_all_of_powiat_krosnienski(demo):
    club = Service.objects.get(name="Mobilny Klub Rodzinny")
    powiat = set(Gmina.objects.filter(powiat__code="0802").values_list("code", flat=True))
    assert len(powiat) == 7
    assert set(club.residents_of.values_list("code", flat=True)) == powiat
    assert set(club.service_locations.values_list("location__gmina", flat=True)) == powiat
    assert club.mobile and club.target_groups.filter(code="children_0_3").exists()
    assert Schedule.objects.filter(service=club, service_location__isnull=False).count() == 7


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("dowoz posilkow", "Dowóz posiłków"),
        ("opiekuncze", "Usługi opiekuńcze"),
        ("wytchnieniwa", "Opieka wytchnieniowa"),
        ("asystenta seniora", "Asystent osoby starszej"),
        ("teleopieka", "Opieka na odległość – teleopieka"),
        ("taxi senior", "Transport door-to-door – taxi senior"),
        ("zlota raczka", "Koszyk pomocowy: usługi sprzątające i złota rączka"),
    ],
)
def test_search_forgives_letters_endings_and_typos(demo, query, name):
    found, _words, matched = apply_search(Service.objects.published(), query)
    assert matched
    assert name in list(found.values_list("name", flat=True)[:3])


@pytest.mark.django_db
def test_hidden_services_are_not_found(demo):
    for name in ("Półkolonie letnie 2025", "Bank czasu – sąsiedzka pomoc"):
        found, _words, _matched = apply_search(Service.objects.all(), name)
        assert found.first().name == name
        found, _words, _matched = apply_search(Service.objects.published(), name)
        assert name not in found.values_list("name", flat=True)


@pytest.mark.django_db
def test_rerun_creates_nothing_new(demo):
    models = (
        Service,
        Location,
        ServiceLocation,
        Schedule,
        ServiceStatusChange,
        SearchTerm,
        Organisation,
        InterMunicipalAgreement,
    )
    before = [m.objects.count() for m in models]
    call_command("load_demo", stdout=io.StringIO())
    assert [m.objects.count() for m in models] == before
    assert Service.objects.count() == len(SERVICES)


@pytest.mark.django_db
def test_rerun_keeps_what_users_changed(demo):
    meals = Service.objects.get(name="Dowóz posiłków")
    catalogue.service_change_status(service=meals, by=None, status=ServiceStatus.SUSPENDED)
    for schedule in meals.schedules.all():
        catalogue.schedule_delete(schedule=schedule, by=None)
    call_command("load_demo", stdout=io.StringIO())
    meals.refresh_from_db()
    assert meals.status == ServiceStatus.SUSPENDED
    assert not meals.schedules.exists()
    assert Service.objects.filter(name="Dowóz posiłków").count() == 1
