"""The public search: only published services, filters a resident understands, no 500s."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains

from opencus.catalogue import services
from opencus.catalogue.enums import FeeKind, ServiceArea, ServiceStatus
from opencus.catalogue.models import Service, Vocabulary
from opencus.catalogue.tests import conftest as catalogue_fixtures
from opencus.catalogue.tests.conftest import term
from opencus.portal import selectors

pytestmark = pytest.mark.django_db

ENGLISH = {"Accept-Language": "en"}
HTMX = {"HX-Request": "true", **ENGLISH}
SEARCH = reverse("portal:search")

make_service = catalogue_fixtures.make_service  # the catalogue's fixture, shared here

# Queries of the search page, whatever the number of published services (5 or 50).
MAX_QUERIES_SEARCH = 9  # the catalogue version, the word lookups, count, facets, ranking, the page and its prefetches


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def free(**overrides):
    return {"fee_kind": FeeKind.FREE, "resident_price": Decimal("0"), **overrides}


@pytest.fixture
def offer(world, make_service):
    """Published services of two centres, and some that are not published."""
    seniors = [term(Vocabulary.TARGET_GROUP, "seniors")]
    families = [term(Vocabulary.TARGET_GROUP, "families")]
    culture = [term(Vocabulary.AREA, "culture")]
    family_support = [term(Vocabulary.AREA, "family_support")]
    make_service(
        world.a,
        publish=True,
        name="Klub seniora",
        description="Spotkania i zajęcia.",
        min_age=None,
        at_home=False,
        at_location=True,
        areas=culture,
        target_groups=seniors,
        **free(),
    )
    make_service(world.a, publish=True, name="Dowóz posiłków", min_age=60)
    make_service(
        world.a,
        publish=True,
        name="Asystent rodziny",
        description="Wsparcie rodziców.",
        min_age=None,
        max_age=17,
        areas=family_support,
        target_groups=families,
        **free(),
    )
    make_service(
        world.b,
        publish=True,
        name="Opieka wytchnieniowa",
        description="Zastępstwo dla opiekuna.",
        min_age=None,
        remote=True,
        at_home=False,
        target_groups=seniors,
        **free(),
    )
    make_service(world.a, name="Kurs komputerowy (szkic)", **free())
    suspended = make_service(world.a, publish=True, name="Pralnia (zawieszona)", **free())
    services.service_change_status(service=suspended, by=None, status=ServiceStatus.SUSPENDED)
    archived = make_service(world.a, publish=True, name="Kino (archiwum)", **free())
    services.service_change_status(service=archived, by=None, status=ServiceStatus.ARCHIVED)


def names(response):
    return sorted(s.name for s in response.context["page"].object_list)


def search(client, **query):
    response = client.get(SEARCH, query, headers=ENGLISH)
    assert response.status_code == 200
    return response


ALL_PUBLISHED = ["Asystent rodziny", "Dowóz posiłków", "Klub seniora", "Opieka wytchnieniowa"]


def test_the_search_lists_every_published_service(client, offer):
    response = search(client)
    assert names(response) == ALL_PUBLISHED
    assertContains(response, "4 services found")


@pytest.mark.parametrize("query", ["", "kurs", "pralnia", "kino", "szkic"])
def test_services_that_are_not_published_never_appear(client, offer, query):
    response = search(client, q=query)
    for hidden in ("Kurs komputerowy", "Pralnia", "Kino"):
        assertNotContains(response, hidden)


def test_free_services_for_seniors_in_one_gmina(client, world, offer):
    response = search(client, price="free", group="seniors", gmina=world.a.seat_gmina.code)
    assert names(response) == ["Klub seniora"]


def test_the_gmina_filter_shows_the_neighbours_services_open_to_it(client, world, offer):
    response = search(client, gmina=world.b.seat_gmina.code)
    assert names(response) == ["Opieka wytchnieniowa"]


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        ("10", ["Asystent rodziny", "Klub seniora", "Opieka wytchnieniowa"]),
        ("17", ["Asystent rodziny", "Klub seniora", "Opieka wytchnieniowa"]),
        ("18", ["Klub seniora", "Opieka wytchnieniowa"]),
        ("60", ["Dowóz posiłków", "Klub seniora", "Opieka wytchnieniowa"]),
    ],
)
def test_the_age_filter_keeps_services_whose_range_includes_the_age(client, offer, age, expected):
    assert names(search(client, age=age)) == expected


@pytest.mark.parametrize(
    ("delivery", "expected"),
    [
        ("at_home", ["Asystent rodziny", "Dowóz posiłków"]),
        ("at_location", ["Klub seniora"]),
        ("remote", ["Opieka wytchnieniowa"]),
        ("mobile", []),
    ],
)
def test_the_delivery_filter(client, offer, delivery, expected):
    assert names(search(client, delivery=delivery)) == expected


def test_price_and_area_filters(client, offer):
    assert names(search(client, price="cofinanced")) == ["Dowóz posiłków"]
    assert names(search(client, area="family_support")) == ["Asystent rodziny"]


def test_the_text_search_combines_with_the_filters(client, offer):
    assert names(search(client, q="klub", price="free")) == ["Klub seniora"]
    assert names(search(client, q="klub", price="cofinanced")) == []


def test_area_counts_are_for_the_results_before_the_area_filter(client, offer):
    response = search(client, area="culture")
    assert names(response) == ["Klub seniora"]
    counts = {code: n for code, _label, n in response.context["area_counts"]}
    assert counts == {
        **dict.fromkeys(ServiceArea.values, 0),
        "social_assistance": 2,
        "culture": 1,
        "family_support": 1,
    }
    assertContains(response, "?area=social_assistance")


def test_area_counts_follow_the_other_filters(client, offer):
    response = search(client, price="free")
    counts = {code: n for code, _label, n in response.context["area_counts"] if n}
    assert counts == {"social_assistance": 1, "culture": 1, "family_support": 1}


@pytest.mark.parametrize(
    "query",
    [
        {"age": "abc"},
        {"age": "-3"},
        {"age": "999"},
        {"gmina": "9999999"},
        {"gmina": "x' OR 1=1"},
        {"price": "x"},
        {"group": "aliens"},
        {"area": "moon"},
        {"delivery": "drone"},
        {"page": "abc"},
        {"page": "999"},
        {"q": "x" * 500},
    ],
    ids=lambda q: next(iter(q)),
)
def test_a_bad_filter_value_is_ignored_without_an_error(client, offer, query):
    response = search(client, **query)
    assert names(response) == ALL_PUBLISHED


def test_a_bad_filter_value_is_explained_next_to_its_field(client, offer):
    response = search(client, age="abc")
    assert list(response.context["form"].errors) == ["age"]
    assertContains(response, 'id="id_age_error"')


def test_the_gmina_choices_are_the_gminas_centres_serve(client, world, make_service):
    from opencus.territory.tests.factories import GminaFactory

    unserved = GminaFactory(name="Bez centrum")
    make_service(world.a, name="Szkic")  # a draft: the gmina is offered, nothing is found
    response = search(client, gmina=world.a.seat_gmina.code)
    choices = list(response.context["form"].fields["gmina"].queryset)
    assert world.a.seat_gmina in choices and world.b.seat_gmina in choices
    assert unserved not in choices
    assert names(response) == []


def test_a_word_found_nowhere_says_so_and_offers_the_wizard(client, offer):
    response = search(client, q="xyzzyq")
    assert response.context["matched"] is False
    assertContains(response, reverse("portal:find_help"))
    assertContains(response, "No word of your search is in the catalogue.")


def test_the_cards_show_the_real_value_and_the_price(client, offer):
    response = search(client, q="dowóz")
    assertContains(response, "co-financed: you pay 12.00 zł of 28.00 zł / meal")
    response = search(client, q="klub")
    assertContains(response, "free (real value 28.00 zł / meal)")


def test_an_htmx_request_gets_only_the_results(client, offer):
    response = client.get(SEARCH, {"q": "klub"}, headers=HTMX)
    content = response.content.decode()
    assert content.lstrip().startswith('<div id="results"')
    assert "Klub seniora" in content
    assert "<html" not in content


def test_the_selector_returns_published_services_only(offer):
    result = selectors.search_services()
    assert sorted(s.name for s in result.services) == ALL_PUBLISHED
    assert result.matched is True


def test_the_home_page_offers_the_search_the_areas_and_the_wizard(client, db):
    response = client.get("/", headers=ENGLISH)
    assert response.status_code == 200
    assertContains(response, f'action="{SEARCH}"')
    assertContains(response, reverse("portal:find_help"))
    for area in ServiceArea.values:
        assertContains(response, f"?area={area}")


def _published(world, make_service, size):
    for i in range(size):
        make_service(
            world.a if i % 2 else world.b,
            publish=True,
            name=f"Usługa {i:02d}",
            at_location=i % 5 == 0,
            provider=world.organisation if i % 3 == 0 else None,
        )


@pytest.mark.parametrize("size", [5, 50])
@pytest.mark.parametrize(
    "query",
    [{}, {"q": "usługa"}, {"price": "cofinanced", "group": "seniors", "age": "70"}],
    ids=["all", "text", "filters"],
)
def test_the_search_page_queries_are_bounded(
    client,
    world,
    make_service,
    django_assert_max_num_queries,
    size,
    query,
):
    _published(world, make_service, size)
    expected = size
    if query.get("price"):  # world.a's half of the services
        query, expected = {**query, "gmina": world.a.seat_gmina.code}, size // 2
    with django_assert_max_num_queries(MAX_QUERIES_SEARCH):
        response = client.get(SEARCH, query, headers=ENGLISH)
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == min(expected, 20)


@pytest.mark.django_db
def test_one_bad_filter_keeps_the_others(client, make_service, world):
    make_service(world.a, publish=True)
    make_service(
        world.a,
        name="Klub sportowy",
        summary="Sport.",
        description="Sport dla każdego.",
        needs=[],
        publish=True,
    )
    response = client.get("/services/", {"q": "dowoz", "age": "abc"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert [s.name for s in response.context["page"].object_list] == ["Dowóz posiłków"]
    assert "age" in response.context["form"].errors


@pytest.mark.django_db
def test_a_repeated_search_is_answered_from_the_cache(
    client, world, make_service, django_assert_max_num_queries
):
    make_service(world.a, publish=True)
    first = client.get(SEARCH, {"q": "dowoz"}, headers=ENGLISH)
    # The version read and the form's gmina choices; no search.
    with django_assert_max_num_queries(2):
        again = client.get(SEARCH, {"q": "dowoz"}, headers=ENGLISH)
    # The same list (the rest of the page differs only by its masked CSRF token).
    assert (
        again.content.decode().split('id="results"')[1]
        == first.content.decode().split('id="results"')[1]
    )


@pytest.mark.django_db
def test_a_catalogue_change_shows_at_once(client, world, make_service):
    make_service(world.a, publish=True)
    assert "Dowóz posiłków" in client.get(SEARCH, {"q": "dowoz"}, headers=ENGLISH).content.decode()
    service = Service.objects.get()
    services.service_change_status(service=service, by=None, status="suspended")
    assert (
        "Dowóz posiłków" not in client.get(SEARCH, {"q": "dowoz"}, headers=ENGLISH).content.decode()
    )
    services.service_change_status(service=service, by=None, status="published")
    services.service_update(service=service, by=None, name="Dowóz obiadów")
    assert "Dowóz obiadów" in client.get(SEARCH, {"q": "dowoz"}, headers=ENGLISH).content.decode()


@pytest.mark.django_db
def test_a_renamed_provider_shows_at_once(client, world, make_service):
    make_service(world.a, publish=True, provider=world.organisation)
    assert (
        world.organisation.name
        in client.get(SEARCH, {"q": "dowoz"}, headers=ENGLISH).content.decode()
    )
    world.organisation.name = "Spółdzielnia Nowa Nazwa"
    world.organisation.save()
    assert (
        "Spółdzielnia Nowa Nazwa"
        in client.get(SEARCH, {"q": "dowoz"}, headers=ENGLISH).content.decode()
    )
