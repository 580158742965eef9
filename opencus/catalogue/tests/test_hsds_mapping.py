"""Our models as HSDS 3.0 objects: ids, statuses, fees, areas, places, taxonomies."""

import uuid
from decimal import Decimal

import pytest
from referencing.exceptions import Unresolvable

from opencus.catalogue import hsds
from opencus.catalogue.enums import ServiceStatus
from opencus.catalogue.models import TERM_NAMESPACE, Service, Term, Vocabulary
from opencus.catalogue.tests.test_hsds_data import build_catalogue

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    return build_catalogue()


def full(service) -> dict:
    service = hsds.with_full_relations(hsds.published_services()).get(pk=service.pk)
    return hsds.service_to_hsds(service, full=True)


def test_schemas_are_vendored_and_resolve_offline():
    assert hsds.SCHEMA_DIR.is_relative_to(hsds.Path(hsds.__file__).parent)
    assert (hsds.SCHEMA_DIR.parent / "LICENSE").is_file()
    assert "CC BY-SA 4.0" in (hsds.SCHEMA_DIR.parent / "README.md").read_text()
    assert set(hsds.table_schemas()) >= {"service", "organization", "taxonomy_term"}
    # A reference outside the vendored files is not fetched: it fails.
    validator = hsds.Draft202012Validator(
        {"$ref": "https://example.com/elsewhere.json"}, registry=hsds.schema_registry()
    )
    with pytest.raises(Unresolvable):
        validator.validate({})


def test_status_mapping_never_publishes_a_draft(catalogue):
    assert hsds.STATUS_TO_HSDS == {
        ServiceStatus.PUBLISHED: "active",
        ServiceStatus.SUSPENDED: "inactive",
        ServiceStatus.ARCHIVED: "defunct",
    }
    with pytest.raises(ValueError, match="never published"):
        hsds.service_to_hsds(catalogue.draft)
    assert not hsds.published_services().filter(
        pk__in=[catalogue.draft.pk, catalogue.suspended.pk, catalogue.archived.pk]
    )


def test_fees_always_show_the_real_value_and_the_price(catalogue):
    free = full(catalogue.family_club)
    assert "50,00" in free["fees_description"] and "0,00" in free["fees_description"]
    [cost] = free["cost_options"]
    assert cost["amount"] == 0
    assert {a["link_type"]: a["value"] for a in cost["attributes"]} == {
        "market_value": "50.00",
        "unit": "session",
    }
    paid = full(catalogue.equipment)["cost_options"][0]
    assert paid["amount"] == 30
    assert "30,00" in paid["amount_description"]


def test_a_service_carries_its_summary_delivery_and_capacity_as_attributes(catalogue):
    data = full(catalogue.assistant)
    values = [(a["link_type"], a.get("value")) for a in data["attributes"]]
    assert ("summary", catalogue.assistant.summary) in values
    assert ("delivery_mode", "at_home") in values and ("delivery_mode", "at_location") in values
    assert ("access_mode", "application") in values
    assert ("capacity", "40") in values and ("capacity_period", "week") in values
    assert "alternate_name" not in data


def test_ids_of_derived_rows_are_stable(catalogue):
    first, second = full(catalogue.assistant), full(catalogue.assistant)
    assert first == second
    assert first["cost_options"][0]["id"] == hsds.derived_id(catalogue.assistant.id, "cost")
    assert first["phones"][0]["id"] == hsds.derived_id(catalogue.assistant.id, "phone")


def test_service_areas_are_the_gminas_with_their_teryt_codes(catalogue):
    areas = full(catalogue.assistant)["service_areas"]
    assert [(a["name"], a["extent"], a["extent_type"]) for a in areas] == [
        ("Bobrowice", "0802022", "text"),
        ("Krosno Odrzańskie", "0802063", "text"),
    ]


def test_a_location_has_its_address_gmina_and_accessibility(catalogue):
    location = hsds.location_to_hsds(catalogue.club)
    [address] = location["addresses"]
    assert address["address_1"] == "ul. Piastów 10"
    assert address["city"] == "Krosno Odrzańskie"
    assert address["state_province"] == "lubuskie"
    assert address["region"] == hsds._pl(catalogue.territory.powiat)
    features = [e["attributes"][0]["value"] for e in location["accessibility"]]
    assert features == ["wheelchair_access", "accessible_toilet", "hearing_loop", "notes"]
    assert location["accessibility"][-1]["description"] == catalogue.club.accessibility_notes
    assert location["attributes"][0]["value"] == "0802063"
    assert location["organization_id"] == str(catalogue.centre.id)
    hall = hsds.location_to_hsds(catalogue.hall)
    assert "latitude" not in hall
    assert [e["attributes"][0]["value"] for e in hall["accessibility"]] == ["parking"]


def test_organizations(catalogue):
    centre = hsds.centre_to_hsds(catalogue.centre, full=True)
    assert centre["id"] == str(catalogue.centre.id)
    assert {i["identifier_type"] for i in centre["organization_identifiers"]} == {"NIP", "REGON"}
    provider = hsds.organisation_to_hsds(catalogue.provider, full=True)
    identifiers = {i["identifier_type"]: i for i in provider["organization_identifiers"]}
    assert identifiers["KRS"]["identifier_scheme"] == "PL-KRS"
    assert provider["attributes"][0]["value"] == "association"
    assert provider["phones"][0]["number"] == "+48 600 100 200"


def test_taxonomies_have_stable_ids_and_terms_are_ours(catalogue):
    assert hsds.taxonomy_uuid(Vocabulary.AREA) == uuid.uuid5(TERM_NAMESPACE, "taxonomy:area")
    terms = hsds.all_taxonomy_terms()
    assert len(terms) == Term.objects.count() + len(hsds.EXTENSION_TERMS)
    term = Term.objects.get(vocabulary=Vocabulary.TARGET_GROUP, code="seniors")
    data = next(t for t in terms if t["id"] == str(term.id))
    assert data["name"] == hsds._pl(term.label)
    assert data["description"] == hsds._en(term.label)
    assert data["taxonomy_id"] == str(hsds.taxonomy_uuid(Vocabulary.TARGET_GROUP))
    assert data["language"] == "pl"
    assert len({t["id"] for t in terms}) == len(terms)


def test_every_mapped_object_is_valid_hsds(catalogue):
    for service in (catalogue.assistant, catalogue.family_club, catalogue.equipment):
        assert hsds.schema_errors(full(service), "compiled/service.json") == []
    for term in hsds.all_taxonomy_terms():
        assert hsds.schema_errors(term, "taxonomy_term.json") == []


def test_flatten_links_nested_rows_to_their_parents(catalogue):
    tables = hsds.flatten([("service", full(catalogue.assistant))])
    service_id = str(catalogue.assistant.id)
    assert set(tables["service"]) == {service_id}
    assert tables["service"][service_id]["organization_id"] == str(catalogue.provider.id)
    link = tables["service_at_location"][str(catalogue.at_club.id)]
    assert (link["service_id"], link["location_id"]) == (service_id, str(catalogue.club.id))
    addresses = list(tables["address"].values())
    assert {a["location_id"] for a in addresses} == {str(catalogue.club.id), str(catalogue.hall.id)}
    cost_attributes = [a for a in tables["attribute"].values() if a["link_entity"] == "cost_option"]
    assert len(cost_attributes) == 2
    assert all("taxonomy_term_id" in a for a in tables["attribute"].values())


def test_a_fee_sentence_is_in_polish_number_format():
    text = hsds.fee_sentence(
        market_value=Decimal("1200.5"), resident_price=Decimal("0"), unit="hour"
    )
    assert "1200,50" in text and "0,00" in text


def test_published_services_only_reads_published_ones(catalogue):
    assert set(hsds.published_services()) == set(Service.objects.published())
