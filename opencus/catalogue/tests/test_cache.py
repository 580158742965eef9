import pytest

from opencus.catalogue import cache as catalogue_cache
from opencus.catalogue import services

pytestmark = pytest.mark.django_db


def test_the_version_statement_names_the_models_tables():
    for model in catalogue_cache.VERSION_TABLES:
        assert f" {model._meta.db_table} " in catalogue_cache.VERSION_SQL + " "


def test_the_version_changes_with_every_catalogue_write(world, make_service):
    before = catalogue_cache.catalogue_version()
    service = make_service(world.a)
    after_create = catalogue_cache.catalogue_version()
    services.service_update(service=service, by=None, phone="+48 1")
    assert len({before, after_create, catalogue_cache.catalogue_version()}) == 3


def test_the_version_changes_when_a_provider_or_centre_changes(world):
    before = catalogue_cache.catalogue_version()
    world.organisation.name = "Nowa nazwa"
    world.organisation.save()
    middle = catalogue_cache.catalogue_version()
    world.a.phone = "+48 2"
    world.a.save()
    assert len({before, middle, catalogue_cache.catalogue_version()}) == 3


def test_a_rolled_back_write_leaves_the_version(world, make_service):
    before = catalogue_cache.catalogue_version()
    with pytest.raises(services.ValidationError):
        make_service(world.a, fee_kind="free")  # a co-financed price on a free service
    assert catalogue_cache.catalogue_version() == before


def test_get_or_set_computes_once_per_version(world, make_service):
    calls = []
    compute = lambda: calls.append(1) or len(calls)  # noqa: E731
    assert catalogue_cache.get_or_set("k", compute) == 1
    assert catalogue_cache.get_or_set("k", compute) == 1
    make_service(world.a)
    assert catalogue_cache.get_or_set("k", compute) == 2
