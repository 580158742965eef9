"""``service_set_provider``: who gives a service changes with its history, search index and
public caches (contracts call it when they are signed)."""

from auditlog.models import LogEntry

from opencus.catalogue import cache as catalogue_cache
from opencus.catalogue.models import SearchTerm
from opencus.catalogue.services import service_set_provider
from opencus.enrolments.tests.fixtures import meals_service
from opencus.providers.tests.factories import OrganisationFactory


def test_the_provider_changes_with_history_index_and_cache(world):
    service = meals_service(world.a)
    provider = OrganisationFactory(name="Spółdzielnia Socjalna Smakosz")
    before = catalogue_cache.catalogue_version()
    service_set_provider(service=service, provider=provider, by=world.ous)
    service.refresh_from_db()
    assert service.provider == provider
    assert catalogue_cache.catalogue_version() != before
    assert SearchTerm.objects.filter(service=service, term__startswith="smakosz").exists()
    change = LogEntry.objects.get_for_object(service).filter(actor=world.ous).get()
    assert "provider" in change.changes_dict


def test_setting_the_same_provider_changes_nothing(world):
    provider = OrganisationFactory()
    service = meals_service(world.a, provider=provider)
    before = catalogue_cache.catalogue_version()
    service_set_provider(service=service, provider=provider, by=world.ous)
    assert catalogue_cache.catalogue_version() == before
