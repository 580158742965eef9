"""A service's public page: what it is, what it really costs and what the resident pays, where."""

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains

from opencus.catalogue import services
from opencus.catalogue.enums import FeeKind, ServiceStatus, Weekday
from opencus.catalogue.tests import conftest as catalogue_fixtures
from opencus.catalogue.tests.conftest import term

pytestmark = pytest.mark.django_db

ENGLISH = {"Accept-Language": "en"}

make_service = catalogue_fixtures.make_service  # the catalogue's fixture, shared here

# Queries of a service's page, whatever the number of its places and hours (1 or 6).
MAX_QUERIES_SERVICE_PAGE = 10


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def page_url(service):
    return reverse("portal:service", kwargs={"service_id": service.pk})


def open_page(client, service):
    response = client.get(page_url(service), headers=ENGLISH)
    assert response.status_code == 200
    return response


def add_place(service, name="Dzienny Dom Senior+", **location):
    place = services.location_save(
        centre=service.centre,
        by=None,
        name=name,
        street="ul. Parkowa 3",
        postal_code="66-200",
        city="Świebodzin",
        gmina=service.centre.seat_gmina,
        **location,
    )
    return services.service_location_add(service=service, location=place, by=None)


def test_the_page_shows_the_real_value_and_the_residents_price_side_by_side(
    client, world, make_service
):
    service = make_service(world.a, publish=True, name="Dowóz posiłków")
    response = open_page(client, service)
    assertContains(
        response,
        '<div><dt>Real value</dt><dd>28.00 zł <span class="small">/ meal</span></dd></div>',
        html=True,
    )
    assertContains(
        response,
        '<div><dt>You pay</dt><dd class="cost__price">12.00 zł <span class="small">/ meal</span></dd></div>',
        html=True,
    )
    assertContains(response, "16.00 zł of each unit is paid for you")
    assertContains(response, "Funded by: gmina budget.")


def test_a_free_service_says_who_pays_its_real_value(client, world, make_service):
    service = make_service(
        world.a,
        publish=True,
        fee_kind=FeeKind.FREE,
        market_value=Decimal("45.50"),
        resident_price=Decimal("0"),
    )
    response = open_page(client, service)
    assertContains(response, "<dt>Real value</dt><dd>45.50 zł", html=False)
    assertContains(response, '<dd class="cost__price">nothing</dd>', html=False)
    assertContains(response, "its real value of 45.50 zł is paid for you")


def test_a_paid_service_says_the_resident_pays_the_full_price(client, world, make_service):
    service = make_service(
        world.a, publish=True, fee_kind=FeeKind.PAID, resident_price=Decimal("28.00")
    )
    assertContains(open_page(client, service), "You pay the full price of the service.")


def test_the_page_shows_the_places_hours_and_accessibility(client, world, make_service):
    service = make_service(world.a, name="Klub seniora", at_home=False, at_location=True)
    link = add_place(
        service,
        wheelchair_access=True,
        hearing_loop=True,
        accessibility_notes="Winda od strony parkingu",
        transport_notes="Autobus nr 2, przystanek Parkowa.",
    )
    services.schedule_add(
        service=service,
        by=None,
        weekday=Weekday.TU,
        opens_at=dt.time(10),
        closes_at=dt.time(13, 30),
        service_location=link,
        note="w sali nr 2",
    )
    services.schedule_add(
        service=service, by=None, weekday=Weekday.FR, opens_at=dt.time(9), closes_at=dt.time(11)
    )
    services.service_change_status(service=service, by=None, status=ServiceStatus.PUBLISHED)
    response = open_page(client, service)
    assertContains(response, "<h3>Dzienny Dom Senior+</h3>", html=True)
    assertContains(response, "ul. Parkowa 3, 66-200 Świebodzin")
    assertContains(
        response,
        "step-free entrance for wheelchairs, induction loop. Winda od strony parkingu",
    )
    assertContains(response, "Autobus nr 2, przystanek Parkowa.")
    assertContains(response, "Tuesday 10:00–13:30 (w sali nr 2)")
    assertContains(response, "Friday 09:00–11:00")
    assertNotContains(response, "remove")  # staff links never show on the portal


def test_the_page_shows_who_gives_it_and_how_to_get_it(client, world, make_service):
    service = make_service(
        world.a,
        publish=True,
        provider=world.organisation,
        email="obiady@example.pl",
        website="https://example.pl/obiady",
        documents=["income_statement"],
        min_age=60,
        max_age=99,
    )
    response = open_page(client, service)
    assertContains(response, world.organisation.name)
    assertContains(response, "on application to the centre")
    assertContains(response, "Zadzwoń do CUS.")
    assertContains(response, 'href="tel:+48680000000"')
    assertContains(response, 'href="mailto:obiady@example.pl"')
    assertContains(response, "income statement")
    assertContains(response, "aged 60–99")
    assertContains(response, world.a.seat_gmina.name)
    assertContains(response, reverse("territory:centre_public", args=[world.a.slug]))


def test_a_service_at_home_without_places_says_it_comes_home(client, world, make_service):
    service = make_service(world.a, publish=True)
    assertContains(
        open_page(client, service), "The service comes to your home; the time is agreed with you."
    )


def test_a_remote_service_without_places_says_so(client, world, make_service):
    service = make_service(world.a, publish=True, at_home=False, remote=True)
    assertContains(open_page(client, service), "The service works by phone or online.")


@pytest.mark.parametrize("status", [None, ServiceStatus.SUSPENDED, ServiceStatus.ARCHIVED])
def test_a_service_that_is_not_published_is_not_found(client, world, make_service, status):
    if status is None:
        service = make_service(world.a)  # a draft
    else:
        service = make_service(world.a, publish=True)
        services.service_change_status(service=service, by=None, status=status)
    assert client.get(page_url(service)).status_code == 404


def test_an_unknown_service_is_not_found(client, db):
    response = client.get(reverse("portal:service", kwargs={"service_id": uuid.uuid4()}))
    assert response.status_code == 404


def test_staff_do_not_see_their_drafts_on_the_portal(client_for, world, make_service):
    service = make_service(world.a)
    assert client_for(world.director).get(page_url(service)).status_code == 404


@pytest.mark.parametrize("places", [1, 6])
def test_the_service_page_queries_are_bounded(
    client, world, make_service, django_assert_max_num_queries, places
):
    service = make_service(
        world.a,
        provider=world.organisation,
        at_location=True,
        documents=["id_document", "income_statement"],
        needs=[term("need", "meals"), term("need", "daily_care")],
    )
    for i in range(places):
        link = add_place(service, name=f"Miejsce {i}", wheelchair_access=True)
        for day in (Weekday.MO, Weekday.WE):
            services.schedule_add(
                service=service,
                by=None,
                weekday=day,
                opens_at=dt.time(8),
                closes_at=dt.time(12),
                service_location=link,
            )
    services.schedule_add(
        service=service, by=None, weekday=Weekday.SA, opens_at=dt.time(9), closes_at=dt.time(10)
    )
    services.service_change_status(service=service, by=None, status=ServiceStatus.PUBLISHED)
    with django_assert_max_num_queries(MAX_QUERIES_SERVICE_PAGE):
        response = client.get(page_url(service), headers=ENGLISH)
    assert response.status_code == 200
    assertContains(response, "Miejsce 0")
