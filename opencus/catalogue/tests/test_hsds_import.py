"""manage.py import_hsds: HSDS 3.0 data into a centre's catalogue, all or nothing, with a
report of what could not be mapped."""

import copy
import json
import uuid
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from opencus.catalogue import hsds
from opencus.catalogue.enums import FeeKind, ServiceStatus, Unit
from opencus.catalogue.models import Location, Schedule, Service, Term, Vocabulary, term_uuid
from opencus.catalogue.tests.test_hsds_data import build_territory
from opencus.providers.enums import LegalForm
from opencus.providers.models import Organisation
from opencus.territory.tests.factories import CentreFactory

pytestmark = pytest.mark.django_db

EXAMPLES = Path(__file__).parent / "hsds_examples"
EXAMPLE_SERVICE = "ac148810-d857-441c-9679-408f346de14b"
EXAMPLE_ORGANIZATION = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"
DATA_EXAMPLES = sorted(p.name for p in EXAMPLES.glob("*.json") if p.name != "base.json")


@pytest.fixture
def territory():
    return build_territory()


@pytest.fixture
def centre(territory):
    return CentreFactory(
        slug="cus-krosno",
        seat_gmina=territory.krosno,
        served=[territory.krosno, territory.bobrowice, territory.gubin],
    )


def run(path, *args) -> str:
    out = StringIO()
    call_command("import_hsds", str(path), "--centre", "cus-krosno", *args, stdout=out)
    return out.getvalue()


def import_document(centre, document, **kwargs) -> hsds.ImportReport:
    return hsds.hsds_import(
        centre=centre, dataset=hsds.dataset_from_document(document, source="test"), **kwargs
    )


def extension(owner, entity, code, value) -> dict:
    term = hsds.EXTENSION_BY_CODE[code]
    return {
        "id": str(uuid.uuid4()),
        "link_id": owner,
        "link_entity": entity,
        "link_type": code,
        "taxonomy_term_id": term.id,
        "value": value,
    }


def term_attribute(owner, vocabulary, code) -> dict:
    return {"id": str(uuid.uuid4()), "taxonomy_term_id": str(term_uuid(vocabulary, code))}


def polish_service(**overrides) -> dict:
    """A nested HSDS service from another Polish system, with our terms."""
    service_id, location_id, link_id, cost_id = (str(uuid.uuid4()) for _ in range(4))
    service = {
        "id": service_id,
        "name": "Opieka wytchnieniowa",
        "description": "Opiekun zastępuje bliskich przy osobie z niepełnosprawnością. Do 240 godzin rocznie.",
        "status": "active",
        "email": "wytchnienie@example.pl",
        "application_process": "Zgłoszenie w CUS.",
        "minimum_age": 18,
        "last_modified": "2026-03-01T08:15:00.250Z",
        "organization": {
            "id": str(uuid.uuid4()),
            "name": "Fundacja Bliżej",
            "description": "Fundacja",
            "legal_status": "fundacja",
            "organization_identifiers": [
                {"id": str(uuid.uuid4()), "identifier_type": "NIP", "identifier": "526-025-09-08"},
                {"id": str(uuid.uuid4()), "identifier_type": "REGON", "identifier": "123"},
            ],
        },
        "phones": [{"id": str(uuid.uuid4()), "number": "+48 68 000 11 22"}],
        "schedules": [
            {
                "id": str(uuid.uuid4()),
                "freq": "WEEKLY",
                "byday": "MO,TH",
                "opens_at": "08:00",
                "closes_at": "14:30",
                "service_at_location_id": link_id,
            },
            {"id": str(uuid.uuid4()), "freq": "MONTHLY", "byday": "1MO", "opens_at": "10:00"},
        ],
        "service_areas": [
            {
                "id": str(uuid.uuid4()),
                "name": "Gmina Bobrowice",
                "extent": "0802022",
                "extent_type": "text",
            },
            {"id": str(uuid.uuid4()), "name": "Zielona Góra", "description": "TERYT 0862011"},
        ],
        "service_at_locations": [
            {
                "id": link_id,
                "location": {
                    "id": location_id,
                    "location_type": "physical",
                    "name": "Punkt w Gubinie",
                    "latitude": 51.95,
                    "longitude": 14.72,
                    "addresses": [
                        {
                            "id": str(uuid.uuid4()),
                            "address_1": "ul. Piastowska 24",
                            "city": "Gubin",
                            "state_province": "lubuskie",
                            "postal_code": "66620",
                            "country": "PL",
                            "address_type": "physical",
                        }
                    ],
                    "accessibility": [
                        {
                            "id": str(uuid.uuid4()),
                            "description": "step-free entrance for wheelchairs",
                        },
                        {"id": str(uuid.uuid4()), "description": "Winda od strony parkingu."},
                    ],
                },
            }
        ],
        "cost_options": [
            {
                "id": cost_id,
                "currency": "PLN",
                "amount": 15,
                "attributes": [
                    extension(cost_id, "cost_option", "market_value", "65.00"),
                    extension(cost_id, "cost_option", "unit", "hour"),
                ],
            }
        ],
        "funding": [{"id": str(uuid.uuid4()), "source": "PFRON"}],
        "required_documents": [{"id": str(uuid.uuid4()), "document": "identity document"}],
        "languages": [{"id": str(uuid.uuid4()), "name": "polski", "code": "pl"}],
        "attributes": [
            term_attribute(service_id, Vocabulary.AREA, "disability"),
            term_attribute(service_id, Vocabulary.TARGET_GROUP, "carers"),
            term_attribute(service_id, Vocabulary.NEED, "carer_break"),
            extension(service_id, "service", "summary", "Zastępstwo dla opiekuna."),
            extension(service_id, "service", "delivery_mode", "at_home"),
            extension(service_id, "service", "delivery_mode", "at_location"),
            extension(service_id, "service", "access_mode", "application"),
        ],
    }
    service.update(overrides)
    return service


@pytest.mark.parametrize("name", DATA_EXAMPLES)
def test_every_spec_example_imports(centre, name):
    output = run(EXAMPLES / name)
    assert "schema error" not in output
    assert "Created:" in output


def test_the_example_service_becomes_a_draft_to_classify(centre):
    output = run(EXAMPLES / "service_full.json")
    service = Service.objects.get(pk=EXAMPLE_SERVICE)
    assert service.status == ServiceStatus.DRAFT
    assert service.centre == centre
    assert service.provider == Organisation.objects.get(pk=EXAMPLE_ORGANIZATION)
    assert service.provider.legal_form == LegalForm.OTHER
    assert [t.code for t in service.areas.all()] == ["social_assistance"]
    assert [t.code for t in service.target_groups.all()] == ["all"]
    assert (service.min_age, service.max_age) == (12, 100)
    assert service.fee_kind == FeeKind.FREE  # the only cost is in GBP
    assert set(service.residents_of.all()) == set(centre.gminas.all())
    assert sorted(service.schedules.values_list("weekday", flat=True)) == ["FR", "TH"]
    assert service.summary.startswith("Counselling Services provided by trained professionals.")
    assert "classify it" in output and "not in Poland" in output and "gbp" in output
    assert "services.accreditations: 1" in output  # field path and count
    assert "contacts (whole rows): 1" in output
    assert "Unknown taxonomy terms" in output and "code: 1" in output
    assert not Location.objects.exists()


def test_importing_twice_updates_instead_of_duplicating(centre):
    run(EXAMPLES / "service_full.json")
    output = run(EXAMPLES / "service_full.json")
    assert "Updated: 1 services" in output
    assert Service.objects.count() == 1
    assert Schedule.objects.count() == 2
    assert Organisation.objects.count() == 1


def test_a_polish_service_is_mapped_and_published(centre, territory):
    document = polish_service()
    report = import_document(centre, document)
    assert report.ok
    service = Service.objects.get(pk=document["id"])
    assert service.status == ServiceStatus.PUBLISHED, report.notes
    assert report.published == [document["id"]]
    assert service.summary == "Zastępstwo dla opiekuna."
    assert (service.at_home, service.at_location, service.mobile) == (True, True, False)
    assert (service.fee_kind, service.unit) == (FeeKind.COFINANCED, Unit.HOUR)
    assert (service.market_value, service.resident_price) == (65, 15)
    assert [t.code for t in service.areas.all()] == ["disability"]
    assert [t.code for t in service.needs.all()] == ["carer_break"]
    assert [t.code for t in service.funding.all()] == ["pfron"]
    assert list(service.documents.values_list("kind", flat=True)) == ["id_document"]
    assert [g.code for g in service.residents_of.all()] == ["0802022"]
    assert service.phone == "+48 68 000 11 22"
    assert service.updated_at.isoformat().startswith("2026-03-01T08:15:00.250")
    organisation = service.provider
    assert (organisation.legal_form, organisation.nip, organisation.regon) == (
        LegalForm.FOUNDATION,
        "5260250908",
        "",
    )
    [link] = service.service_locations.select_related("location")
    location = link.location
    assert location.gmina == territory.gubin  # the town, not the rural gmina of the same name
    assert (location.postal_code, location.street) == ("66-620", "ul. Piastowska 24")
    assert (
        location.wheelchair_access and location.accessibility_notes == "Winda od strony parkingu."
    )
    slots = sorted(service.schedules.values_list("weekday", "service_location"))
    assert slots == [("MO", link.pk), ("TH", link.pk)]
    notes = "\n".join(report.notes)
    assert "REGON “123” is not valid" in notes
    assert "Zielona Góra" in notes  # a service area outside the centre's gminas
    assert "freq MONTHLY is not supported" in notes
    assert "found by the city “Gubin”" in notes


def test_known_terms_by_code_and_unknown_terms_reported(centre):
    document = polish_service(
        attributes=[
            {
                "id": str(uuid.uuid4()),
                "link_type": "area",
                "taxonomy_term": {
                    "id": str(uuid.uuid4()),
                    "code": "health",
                    "name": "zdrowie",
                    "description": "zdrowie",
                    "taxonomy_id": str(hsds.taxonomy_uuid(Vocabulary.AREA)),
                },
            },
            {
                "id": str(uuid.uuid4()),
                "taxonomy_term": {
                    "id": str(uuid.uuid4()),
                    "code": "seniors",
                    "name": "seniorzy",
                    "description": "",
                },
            },
            {
                "id": str(uuid.uuid4()),
                "taxonomy_term": {
                    "id": str(uuid.uuid4()),
                    "code": "LIF-123",
                    "name": "Lifeline",
                    "description": "",
                },
            },
        ]
    )
    report = import_document(centre, document)
    service = Service.objects.get(pk=document["id"])
    assert [t.code for t in service.areas.all()] == ["health"]
    assert [t.code for t in service.target_groups.all()] == ["seniors"]  # the code is unique
    assert report.unknown_terms == {"LIF-123": 1}
    # No delivery mode given: "at a place" follows from the place it is given at.
    assert (service.at_location, service.at_home) == (True, False)
    assert service.status == ServiceStatus.PUBLISHED


def test_a_location_in_an_unknown_city_goes_to_the_seat_gmina(centre):
    document = polish_service()
    address = document["service_at_locations"][0]["location"]["addresses"][0]
    address["city"] = "Nibylandia"
    report = import_document(centre, document)
    location = Location.objects.get()
    assert location.gmina == centre.seat_gmina
    assert any("no gmina found for the city “Nibylandia”" in n for n in report.notes)


def test_costs(centre):
    free = polish_service(cost_options=[{"id": str(uuid.uuid4()), "amount": 0, "currency": "PLN"}])
    report = import_document(centre, free)
    service = Service.objects.get(pk=free["id"])
    assert (service.fee_kind, service.resident_price, service.market_value) == (FeeKind.FREE, 0, 0)
    assert service.status == ServiceStatus.DRAFT  # real value and unit unknown
    assert any("real value is not known" in n for n in report.notes)
    paid = polish_service(cost_options=[{"id": str(uuid.uuid4()), "amount": 40}])
    import_document(centre, paid)
    service = Service.objects.get(pk=paid["id"])
    assert (service.fee_kind, service.market_value) == (FeeKind.PAID, 40)


def test_schema_errors_are_reported_with_paths_and_nothing_is_imported(centre, tmp_path):
    document = polish_service(minimum_age="eighteen")
    del document["organization"]["description"]
    document["service_at_locations"][0]["location"]["latitude"] = "north"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    out = StringIO()
    with pytest.raises(CommandError, match="nothing imported"):
        call_command("import_hsds", str(path), "--centre", "cus-krosno", stdout=out)
    output = out.getvalue()
    assert "minimum_age: 'eighteen' is not of type 'number'" in output
    assert "organization: 'description' is a required property" in output
    assert "service_at_locations/0/location/latitude" in output
    assert not Service.objects.exists() and not Organisation.objects.exists()


def test_what_is_not_hsds_is_refused_cleanly(centre, tmp_path):
    with pytest.raises(CommandError, match="nothing imported"):
        run(EXAMPLES / "base.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="not JSON"):
        run(broken)
    with pytest.raises(CommandError, match="no such file"):
        run(tmp_path / "missing.json")
    with pytest.raises(CommandError, match="No centre"):
        call_command("import_hsds", str(broken), "--centre", "nope")


def test_the_help_says_what_is_assumed():
    from opencus.catalogue.management.commands.import_hsds import HELP

    text = " ".join(HELP.split())
    for words in ("social assistance", "all residents", "at a place", "stays a draft"):
        assert words in text


def test_dry_run_saves_nothing(centre):
    output = run(EXAMPLES / "organization_full.json", "--dry-run")
    assert "dry run" in output and "Created: 1 organizations" in output
    assert not Organisation.objects.exists() and not Service.objects.exists()


def test_all_or_nothing(centre, monkeypatch):
    second = polish_service(name="Druga usługa")
    documents = [polish_service(), second]

    def fail(service):
        if service.name == "Druga usługa":
            raise RuntimeError("boom")

    monkeypatch.setattr(hsds, "index_service", fail)
    with pytest.raises(RuntimeError):
        import_document(centre, documents)
    assert not Service.objects.exists()
    assert not Organisation.objects.exists()
    assert not Location.objects.exists()


def test_another_centres_objects_are_not_taken_over(centre, territory):
    other = CentreFactory(seat_gmina=territory.gubin)
    document = polish_service()
    import_document(other, copy.deepcopy(document))
    report = import_document(centre, document)
    assert Service.objects.get(pk=document["id"]).centre == other
    assert any("1 service(s) of another centre" in n for n in report.notes)


def test_a_tabular_package_directory_imports(centre, tmp_path):
    import_document(centre, polish_service())
    call_command("export_hsds", str(tmp_path), stdout=StringIO())
    Service.objects.all().delete()
    Location.objects.all().delete()
    output = run(tmp_path)
    assert "Created: 1 locations" in output
    assert Service.objects.get().status == ServiceStatus.PUBLISHED
    assert Term.objects.filter(vocabulary=Vocabulary.AREA).exists()


def test_odd_but_valid_data_is_reported_not_crashed_on(centre):
    odd = polish_service(
        name="x" * 250,
        email="someone@nowhere",  # an e-mail to HSDS (it has an @), not to us
        url="ftp:/x",
        minimum_age=12.5,
        maximum_age=10,
        status="temporarily closed",
        cost_options=[{"id": str(uuid.uuid4()), "amount": -5, "currency": "pln"}],
        schedules=[
            {"id": str(uuid.uuid4()), "byday": "MO", "opens_at": "25:00", "closes_at": "26:00"},
            {"id": str(uuid.uuid4()), "byday": "TU", "opens_at": "12:00", "closes_at": "08:00"},
            {"id": str(uuid.uuid4()), "byday": "XX", "opens_at": "08:00", "closes_at": "09:00"},
            {"id": str(uuid.uuid4()), "byday": "we", "opens_at": "08:00Z", "closes_at": "09:00"},
        ],
        attributes=[
            {"id": str(uuid.uuid4()), "value": "?"},
            extension(str(uuid.uuid4()), "service", "delivery_mode", "teleport"),
        ],
    )
    odd["attributes"][1]["link_id"] = odd["id"]
    location = odd["service_at_locations"][0]["location"]
    location["latitude"] = 100
    odd["organization"]["name"] = ""
    report = import_document(centre, odd)
    assert report.ok, report.schema_errors
    service = Service.objects.get(pk=odd["id"])
    assert service.status == ServiceStatus.DRAFT
    assert len(service.name) == 200 and service.email == "" and service.website == ""
    assert (service.min_age, service.max_age) == (None, 10)
    assert service.provider is None
    assert list(service.schedules.values_list("weekday", flat=True)) == ["WE"]
    assert Location.objects.get().latitude is None
    notes = "\n".join(report.notes)
    for expected in (
        "name cut to 200 characters",
        "email “someone@nowhere” is not valid",
        "url “ftp:/x” is not valid",
        "minimum_age “12.5” is not valid",
        "no valid opens_at and closes_at",
        "it closes before it opens",
        "byday “XX”",
        "time zone offsets ignored",
        "“delivery_mode” value “teleport” is not valid",
        "coordinates 100, 14.72 are not valid",
        f"organization {odd['organization']['id']}: not imported",
        "no cost in PLN",
        "HSDS status “temporarily closed”",
    ):
        assert expected in notes, expected
    assert report.unknown_terms == {"(no term)": 1}
