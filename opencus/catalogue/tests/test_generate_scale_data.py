"""generate_scale_data: many published demo services, deterministic per seed, searchable."""

import io

import pytest
from django.core.management import CommandError, call_command

from opencus.catalogue import services as catalogue
from opencus.catalogue.models import (
    Location,
    Schedule,
    SearchTerm,
    SearchWord,
    Service,
    ServiceLocation,
    ServiceStatusChange,
)
from opencus.catalogue.search import apply_search, document_terms, fold, service_texts
from opencus.territory.enums import CentreStatus
from opencus.territory.tests.factories import AgreementFactory, CentreFactory, GminaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def centres():
    alfa = CentreFactory(slug="alfa", phone="+48 68 000 00 01", postal_code="66-200")
    beta = CentreFactory(slug="beta", email="beta@opencus.example")
    CentreFactory(slug="gamma", status=CentreStatus.PLANNED)
    # Beta's gmina shares services with a neighbour: some services open to it too.
    AgreementFactory(lead_gmina=beta.seat_gmina, parties=[beta.seat_gmina, GminaFactory()])
    return alfa, beta


def _run(**options) -> str:
    out = io.StringIO()
    call_command("generate_scale_data", stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


def _counts() -> tuple[int, ...]:
    models = (Service, Location, ServiceLocation, Schedule, ServiceStatusChange, SearchTerm)
    return tuple(m.objects.count() for m in models)


def test_creates_published_demo_services_with_places_hours_and_terms(centres):
    _run(services=120, seed=7)
    services = Service.objects.prefetch_related(
        "areas", "target_groups", "needs", "funding", "residents_of", "service_locations"
    )
    assert services.count() == 120
    assert set(services.values_list("status", flat=True)) == {"published"}
    assert not services.filter(is_demo=False).exists()
    # Operating centres only (gamma is planned).
    assert set(services.values_list("centre__slug", flat=True)) == {"alfa", "beta"}
    assert not Location.objects.filter(is_demo=False).exists()
    assert ServiceStatusChange.objects.filter(status="published").count() == 120
    for service in services:
        assert len(service.service_locations.all()) == 1
        assert service.schedules.exists()
        assert service.areas.all() and service.target_groups.all() and service.needs.all()
        fields = {f: getattr(service, f) for f in catalogue.SERVICE_FIELDS}
        relations = {
            "areas": list(service.areas.all()),
            "target_groups": list(service.target_groups.all()),
            "residents_of": list(service.residents_of.all()),
        }
        catalogue.validate_service(centre=service.centre, fields=fields, relations=relations)
        assert not catalogue.publish_problems(service)
    assert len(set(services.values_list("fee_kind", flat=True))) == 3
    assert Service.objects.filter(residents_of__code__in=_partners(centres)).exists()
    assert Location.objects.count() < 120  # places are shared by several services


def _partners(centres) -> list[str]:
    _alfa, beta = centres
    return [g.code for g in catalogue.allowed_resident_gminas(beta) if g.code != beta.seat_gmina_id]


def test_index_is_the_one_index_service_would_write(centres):
    _run(services=40, seed=2)
    for service in Service.objects.all()[:15]:
        stored = dict(SearchTerm.objects.filter(service=service).values_list("term", "weight"))
        assert stored == document_terms(service_texts(service))
    words = set(SearchWord.objects.values_list("term", flat=True))
    assert set(SearchTerm.objects.values_list("term", flat=True)) <= words


def test_search_finds_generated_services(centres):
    _run(services=60, seed=3)
    for service in Service.objects.order_by("name")[:5]:
        found, _words, matched = apply_search(Service.objects.published(), service.name)
        assert matched and service in found
    # A kind's name without Polish letters finds every service of that kind.
    service = Service.objects.order_by("name").first()
    kind = service.name.split(" „")[0]
    found, _words, matched = apply_search(Service.objects.published(), fold(kind))
    assert matched
    assert set(Service.objects.filter(name__startswith=kind + " „")) <= set(found)


def test_rerun_with_the_same_seed_adds_nothing_and_a_larger_count_adds_the_rest(centres):
    _run(services=30, seed=5)
    before = _counts()
    assert "Nothing to add" in _run(services=30, seed=5)
    assert _counts() == before
    assert "20 published" in _run(services=50, seed=5)
    assert Service.objects.count() == 50
    _run(services=10, seed=6)
    assert Service.objects.count() == 60


def test_a_seed_always_gives_the_same_services(centres):
    _run(services=25, seed=9)
    first = sorted(Service.objects.values_list("id", "name", "market_value", "resident_price"))
    Service.objects.all().delete()
    Location.objects.all().delete()
    _run(services=25, seed=9)
    assert sorted(Service.objects.values_list("id", "name", "market_value", "resident_price")) == (
        first
    )


def test_one_centre(centres):
    _run(services=15, centre="alfa", seed=1)
    assert set(Service.objects.values_list("centre__slug", flat=True)) == {"alfa"}


def test_unknown_centre_is_refused(centres):
    with pytest.raises(CommandError, match="nope"):
        _run(services=5, centre="nope")
    assert not Service.objects.exists()


def test_no_operating_centre_is_refused(db):
    CentreFactory(status=CentreStatus.PLANNED)
    with pytest.raises(CommandError, match="load_demo"):
        _run(services=5)
