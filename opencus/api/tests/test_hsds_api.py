"""The HSDS 3.0 API: every response valid against the spec's schemas, only published data,
clear errors, a fixed number of queries, open to everyone (CORS)."""

import json
import uuid

import pytest
from django.urls import reverse

from opencus.api import views
from opencus.catalogue import hsds
from opencus.catalogue.models import Term, Vocabulary, term_uuid
from opencus.catalogue.tests.test_hsds_data import add_simple_services, build_catalogue

pytestmark = pytest.mark.django_db

RESPONSE = "openapi.json#/paths/{path}/get/responses/200/content/application~1json/schema"


def openapi_schema(path: str) -> str:
    """The response schema the spec's openapi.json gives for ``path`` (e.g. /services/{id})."""
    return RESPONSE.format(path=path.replace("/", "~1"))


# The spec's openapi.json gives compiled/service.json for /service_at_locations/{id} (a
# slip: a service at a location has no name or status); it is checked against
# compiled/service_at_location.json.
SERVICE_AT_LOCATION = "compiled/service_at_location.json"


@pytest.fixture
def catalogue():
    return build_catalogue()


def get(client, url: str, status: int = 200):
    response = client.get(url)
    assert response.status_code == status, (url, response.content[:500])
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    return json.loads(response.content.decode("utf-8"))


def assert_valid(data, schema: str):
    errors = hsds.schema_errors(data, schema)
    assert not errors, "\n".join(errors[:20])


def endpoint_cases(c):
    area = Term.objects.get(vocabulary=Vocabulary.AREA, code="social_assistance")
    summary_term = hsds.EXTENSION_BY_CODE["summary"].id
    return [
        ("/hsds/", "/"),
        ("/hsds/services", "/services"),
        ("/hsds/services?full=true", "/services"),
        ("/hsds/services?minimal=true", "/services"),
        ("/hsds/services?search=asystent&per_page=1", "/services"),
        (f"/hsds/services?taxonomy_term_id={area.id}&full=1", "/services"),
        (f"/hsds/services/{c.assistant.id}", "/services/{id}"),
        (f"/hsds/services/{c.family_club.id}", "/services/{id}"),
        (f"/hsds/services/{c.equipment.id}", "/services/{id}"),
        ("/hsds/organizations", "/organizations"),
        ("/hsds/organizations?full=true&full_service=true", "/organizations"),
        (f"/hsds/organizations/{c.centre.id}", "/organizations/{id}"),
        (f"/hsds/organizations/{c.provider.id}?full_service=true", "/organizations/{id}"),
        ("/hsds/service_at_locations", "/service_at_locations"),
        ("/hsds/service_at_locations?full=true&postcode=66-600", "/service_at_locations"),
        (f"/hsds/service_at_locations/{c.at_club.id}", SERVICE_AT_LOCATION),
        ("/hsds/taxonomies", "/taxonomies"),
        (f"/hsds/taxonomies/{hsds.taxonomy_uuid(Vocabulary.NEED)}", "/taxonomies/{id}"),
        ("/hsds/taxonomy_terms", "/taxonomy_terms"),
        (f"/hsds/taxonomy_terms/{area.id}", "/taxonomy_terms/{id}"),
        (f"/hsds/taxonomy_terms/{summary_term}", "/taxonomy_terms/{id}"),
    ]


def test_every_endpoint_answers_valid_hsds(client, catalogue):
    for url, path in endpoint_cases(catalogue):
        data = get(client, url)
        schema = path if path.endswith(".json") else openapi_schema(path)
        assert_valid(data, schema)
        if "contents" in data:
            assert data["contents"], url


def test_a_full_service_carries_everything(client, catalogue):
    data = get(client, f"/hsds/services/{catalogue.assistant.id}")
    assert data["status"] == "active"
    assert data["organization_id"] == str(catalogue.provider.id)
    assert data["organization"]["name"] == catalogue.provider.name
    assert "120,00" in data["fees_description"] and "20,50" in data["fees_description"]
    assert data["fees_description"].endswith("poniżej kryterium.")
    [cost] = data["cost_options"]
    assert (cost["amount"], cost["currency"]) == (20.5, "PLN")
    values = {a["taxonomy_term"]["code"]: a["value"] for a in cost["attributes"]}
    assert values == {"market_value": "120.00", "unit": "hour"}
    assert {a["extent"] for a in data["service_areas"]} == {"0802063", "0802022"}
    assert [s["byday"] for s in data["schedules"]] == ["MO", "WE", "FR"]
    assert data["languages"][0]["code"] == "pl"
    codes = {(a["link_type"], a["taxonomy_term"]["code"]) for a in data["attributes"]}
    assert {("area", "health"), ("target_group", "seniors"), ("need", "loneliness")} <= codes
    assert {("summary", "summary"), ("delivery_mode", "delivery_mode")} <= codes
    assert {f["source"] for f in data["funding"]} == {
        hsds._pl(t.label) for t in catalogue.assistant.funding.all()
    }
    assert len(data["required_documents"]) == 2
    club = next(
        s for s in data["service_at_locations"] if s["location_id"] == str(catalogue.club.id)
    )
    assert [s["byday"] for s in club["schedules"]] == ["WE"]
    location = club["location"]
    assert (location["latitude"], location["longitude"]) == (52.05432, 15.09876)
    [address] = location["addresses"]
    assert address["country"] == "PL"
    assert address["state_province"] == "lubuskie"
    assert address["postal_code"] == "66-600"
    assert len(location["accessibility"]) == 4  # three features and the notes


def test_a_centre_service_belongs_to_the_centre(client, catalogue):
    data = get(client, f"/hsds/services/{catalogue.family_club.id}")
    assert data["organization_id"] == str(catalogue.centre.id)
    assert data["organization"]["name"] == catalogue.centre.name


def test_only_published_services_and_what_they_involve_are_public(client, catalogue):
    listed = get(client, "/hsds/services?per_page=100")
    names = {s["name"] for s in listed["contents"]}
    assert names == {
        "Asystent osoby starszej",
        "Klub rodzinny",
        "Wypożyczalnia sprzętu rehabilitacyjnego",
        "Usługi opiekuńcze w Gubinie",
    }
    for hidden in (catalogue.draft, catalogue.suspended, catalogue.archived):
        get(client, f"/hsds/services/{hidden.id}", status=404)
    links = get(client, "/hsds/service_at_locations?per_page=100")["contents"]
    assert str(catalogue.hidden_place.id) not in {link["location_id"] for link in links}
    organizations = get(client, "/hsds/organizations")["contents"]
    assert [o["name"] for o in organizations] == [
        catalogue.other.name,
        catalogue.centre.name,
        catalogue.provider.name,
    ]
    full = get(client, f"/hsds/organizations/{catalogue.centre.id}")
    assert {loc["id"] for loc in full["locations"]} == {
        str(catalogue.club.id),
        str(catalogue.hall.id),
    }
    assert [s["name"] for s in full["services"]] == ["Klub rodzinny"]


def test_paging_fields(client, catalogue):
    data = get(client, "/hsds/services?per_page=3&page=2")
    assert {k: v for k, v in data.items() if k != "contents"} == {
        "total_items": 4,
        "total_pages": 2,
        "page_number": 2,
        "size": 1,
        "first_page": False,
        "last_page": True,
        "empty": False,
    }
    beyond = get(client, "/hsds/services?per_page=3&page=9")
    assert beyond["contents"] == [] and beyond["empty"] is True


def test_filters(client, catalogue):
    def names(url):
        return {item["name"] for item in get(client, url)["contents"]}

    loneliness = term_uuid(Vocabulary.NEED, "loneliness")
    assert names(f"/hsds/services?taxonomy_term_id={loneliness}") == {"Asystent osoby starszej"}
    funding = hsds.taxonomy_uuid(Vocabulary.FUNDING)
    assert names(f"/hsds/services?taxonomy_id={funding}") == {
        "Asystent osoby starszej",
        "Klub rodzinny",
    }
    assert names(f"/hsds/services?organization_id={catalogue.provider.id}") == {
        "Asystent osoby starszej",
        "Wypożyczalnia sprzętu rehabilitacyjnego",
    }
    assert names(f"/hsds/services?organization_id={catalogue.centre.id}") == {"Klub rodzinny"}
    assert names("/hsds/services?search=wypozyczalnia") == {
        "Wypożyczalnia sprzętu rehabilitacyjnego"
    }
    assert names("/hsds/services?search=nicniepasuje") == set()
    assert names("/hsds/services?modified_after=2999-01-01T00:00:00Z") == set()
    assert len(names("/hsds/services?modified_after=2000-01-01")) == 4
    # "+01:00" not percent-encoded arrives as " 01:00".
    assert len(names("/hsds/services?modified_after=2000-01-01T00:00:00+01:00")) == 4
    assert len(names("/hsds/services?format=json")) == 4
    minimal = get(client, "/hsds/services?minimal=true")["contents"][0]
    assert set(minimal) == {"id", "name", "status", "last_modified"}
    links = get(client, "/hsds/service_at_locations?postcode=66627")["contents"]
    assert [link["location"]["name"] for link in links] == ["Świetlica wiejska w Bobrowicach"]
    need = hsds.taxonomy_uuid(Vocabulary.NEED)
    terms = get(client, f"/hsds/taxonomy_terms?taxonomy_id={need}&per_page=100")
    assert terms["total_items"] == Term.objects.filter(vocabulary=Vocabulary.NEED).count()
    assert get(client, "/hsds/taxonomy_terms?top_only=true")["total_items"] == (
        Term.objects.count() + len(hsds.EXTENSION_TERMS)
    )
    assert get(client, f"/hsds/taxonomy_terms?parent_id={uuid.uuid4()}")["empty"] is True
    assert get(client, "/hsds/taxonomies?search=opencus")["total_items"] == 1


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/hsds/services?page=abc", "page"),
        ("/hsds/services?page=0", "page"),
        ("/hsds/services?per_page=101", "per_page"),
        ("/hsds/services?per_page=-1", "per_page"),
        ("/hsds/services?full=maybe", "full"),
        ("/hsds/services?taxonomy_term_id=nope", "taxonomy_term_id"),
        ("/hsds/services?modified_after=yesterday", "modified_after"),
        ("/hsds/services?format=xml", "format"),
        ("/hsds/services/not-a-uuid", "id"),
        ("/hsds/organizations/123", "id"),
        ("/hsds/service_at_locations?proximity=500", "proximity"),
        ("/hsds/service_at_locations?postcode=ABC", "postcode"),
        ("/hsds/taxonomy_terms?parent_id=x", "parent_id"),
        ("/hsds/taxonomies/zzz", "id"),
    ],
)
def test_bad_input_is_a_clear_400(client, url, parameter):
    data = get(client, url, status=400)
    assert data["error"] == "bad_request"
    assert data["parameter"] == parameter
    assert data["message"]


def test_unknown_ids_are_json_404(client):
    for resource in ("services", "organizations", "service_at_locations", "taxonomies"):
        data = get(client, f"/hsds/{resource}/{uuid.uuid4()}", status=404)
        assert data["error"] == "not_found"
    get(client, f"/hsds/taxonomy_terms/{uuid.uuid4()}", status=404)


def test_head_is_allowed(client):
    assert client.head("/hsds/taxonomies").status_code == 200


def test_the_api_is_read_only(client):
    response = client.post("/hsds/services", {})
    assert response.status_code == 405
    assert json.loads(response.content)["error"] == "method_not_allowed"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_json_is_utf8_not_escaped(client, catalogue):
    response = client.get(f"/hsds/services/{catalogue.equipment.id}")
    assert "Wypożyczalnia sprzętu".encode() in response.content


def test_root_points_to_our_openapi(client):
    root = get(client, "/hsds/")
    assert root["version"] == "3.0"
    assert root["openapi_url"] == "http://testserver/hsds/openapi.json"
    document = get(client, "/hsds/openapi.json")
    assert document["openapi"] == "3.1.0"
    assert document["servers"] == [{"url": "http://testserver/hsds/"}]
    assert set(document["paths"]) >= {"/services", "/services/{id}", "/taxonomy_terms"}


def test_urls_reverse_with_and_without_an_id():
    assert reverse("hsds:services") == "/hsds/services"
    assert reverse("hsds:services", kwargs={"id": "x"}) == "/hsds/services/x"


def test_a_trailing_slash_is_accepted(client, catalogue):
    assert get(client, "/hsds/services/")["total_items"] == 4


QUERY_URLS = [
    "/hsds/services?full=true&per_page=100",
    "/hsds/services?search=zajecia&per_page=100",
    "/hsds/service_at_locations?full=true&per_page=100",
    "/hsds/organizations?full=true&full_service=true&per_page=100",
    "/hsds/taxonomy_terms?per_page=100",
]
# The same bound for 5 and for 50 more services: prefetching, no query per row.
QUERY_BOUND = 16  # 15 for the answer, 1 for the catalogue version of the response cache


@pytest.mark.parametrize("extra", [5, 50])
def test_a_fixed_number_of_queries_whatever_the_page_size(
    client, catalogue, django_assert_max_num_queries, extra
):
    add_simple_services(
        centre=catalogue.centre,
        location=catalogue.club,
        by=catalogue.by,
        count=extra,
        provider=catalogue.provider,
    )
    for url in QUERY_URLS:
        with django_assert_max_num_queries(QUERY_BOUND, info=url):
            data = get(client, url)
        if "taxonomy" not in url:
            assert json.dumps(data, ensure_ascii=False).count('"Zajęcia ') >= extra, url


def test_parameters_constants_are_sane():
    assert views.DEFAULT_PER_PAGE <= views.MAX_PER_PAGE == 100


def test_a_repeated_request_is_answered_from_the_cache(
    client, catalogue, django_assert_max_num_queries
):
    url = "/hsds/services?full=true&per_page=100"
    first = client.get(url)
    with django_assert_max_num_queries(1):  # the catalogue version only
        again = client.get(url)
    assert again.content == first.content
    assert again["Access-Control-Allow-Origin"] == "*"


def test_a_suspended_service_leaves_the_api_at_once(client, catalogue):
    from opencus.catalogue import services as catalogue_services
    from opencus.catalogue.models import Service

    service = Service.objects.published().first()
    assert client.get(f"/hsds/services/{service.pk}").status_code == 200
    catalogue_services.service_change_status(service=service, by=None, status="suspended")
    assert client.get(f"/hsds/services/{service.pk}").status_code == 404
