"""The monthly statement's arithmetic, the fee list, and what a provider can reach."""

import datetime as dt
from decimal import Decimal

import pytest
from django.http import Http404

from opencus.enrolments import selectors, services
from opencus.enrolments.tests.conftest import last_month, person
from opencus.enrolments.tests.fixtures import meals_service

pytestmark = pytest.mark.django_db

D = Decimal


def on(day: int) -> dt.date:
    """A day of the previous month (whole and past)."""
    return last_month().replace(day=day)


def deliver(enrolment, by, day, units="1", **fields):
    return services.delivery_record(
        enrolment=enrolment, by=by, delivered_on=on(day), units=units, **fields
    )


def a_month_of_meals(world, enrolment):
    """3 whole meals, a half, a missed visit in the month; one meal on each side of it."""
    for day in (3, 4, 5):
        deliver(enrolment, world.provider, day)
    deliver(enrolment, world.provider, 6, "0.5", note="Tylko zupa.")
    deliver(enrolment, world.provider, 7, status="missed", missed_reason="person_absent")
    before = last_month() - dt.timedelta(days=1)
    services.delivery_record(enrolment=enrolment, by=world.kipus, delivered_on=before, units=1)
    after = selectors.month_bounds(last_month())[1] + dt.timedelta(days=1)
    services.delivery_record(enrolment=enrolment, by=world.kipus, delivered_on=after, units=1)


def test_month_bounds_cover_the_whole_month():
    assert selectors.month_bounds(dt.date(2024, 2, 14)) == (
        dt.date(2024, 2, 1),
        dt.date(2024, 2, 29),
    )
    assert selectors.month_bounds(dt.date(2025, 12, 31)) == (
        dt.date(2025, 12, 1),
        dt.date(2025, 12, 31),
    )


def test_money_rounds_halves_up_to_the_grosz():
    assert selectors.money(D("19.425")) == D("19.43")
    assert selectors.money(D("19.4249")) == D("19.42")


def test_a_statement_without_exemption(world, enrol):
    enrolment = enrol()
    a_month_of_meals(world, enrolment)
    statement = selectors.enrolment_statement(enrolment=enrolment, month=on(15))
    assert (statement.units, statement.delivered, statement.missed) == (D("3.50"), 4, 1)
    assert [d.delivered_on.day for d in statement.deliveries] == [3, 4, 5, 6, 7]
    assert statement.market_value == D("98.00")  # 3.5 × 28.00
    assert statement.fee == D("42.00")  # 3.5 × 12.00
    assert statement.subsidy == D("56.00")
    assert isinstance(statement.fee, Decimal)


def test_a_statement_with_a_partial_exemption_rounds_to_the_grosz(world, enrol):
    enrolment = enrol(exemption="partial", exemption_reason="Niski dochód.", fee_per_unit="5.55")
    a_month_of_meals(world, enrolment)
    statement = selectors.enrolment_statement(enrolment=enrolment, month=on(1))
    assert statement.fee == D("19.43")  # 3.5 × 5.55 = 19.425
    assert statement.market_value == D("98.00")
    assert statement.subsidy == D("78.57")


def test_a_statement_with_a_full_exemption_costs_the_person_nothing(world, enrol):
    enrolment = enrol(exemption="full", exemption_reason="Dochód poniżej kryterium.")
    a_month_of_meals(world, enrolment)
    statement = selectors.enrolment_statement(enrolment=enrolment, month=on(1))
    assert (statement.fee, statement.subsidy) == (D("0.00"), D("98.00"))


def test_a_statement_of_an_empty_month_is_all_zero(enrol):
    statement = selectors.enrolment_statement(enrolment=enrol(), month=on(1))
    assert (statement.units, statement.market_value, statement.fee, statement.missed) == (
        D("0.00"),
        D("0.00"),
        D("0.00"),
        0,
    )


def test_the_fee_list_has_every_service_with_a_fee_in_the_month_sorted_by_person(
    world, enrol, halina, meals, free_care
):
    zofia = person(world.a, "Zofia", "Adamska")
    jan = person(world.a, "Jan", "Zieliński")
    piotr = person(world.a, "Piotr", "Bąk")
    anna = person(world.a, "Anna", "Cichy")
    lunch = meals_service(world.a, name="Obiady w klubie")
    halina_meals = enrol()
    zofia_meals = enrol(
        person=zofia, exemption="partial", exemption_reason="Niski dochód.", fee_per_unit="5.55"
    )
    zofia_lunch = enrol(person=zofia, service=lunch)
    exempt = enrol(person=jan, exemption="full", exemption_reason="Kryterium dochodowe.")
    free = enrol(person=piotr, service=free_care)
    only_missed = enrol(person=anna)
    idle = enrol(person=anna, service=lunch)
    a_month_of_meals(world, halina_meals)
    a_month_of_meals(world, zofia_meals)
    deliver(zofia_lunch, world.kipus, 10, "2")
    deliver(exempt, world.kipus, 10)
    deliver(free, world.kipus, 10, "2")
    deliver(only_missed, world.kipus, 10, status="missed", missed_reason="provider_cancelled")
    assert idle.deliveries.count() == 0
    other = enrol(person=person(world.b, "Adam", "Abacki"), service=meals_service(world.b))
    deliver(other, world.kipus, 10)

    listed = selectors.fee_list(centre=world.a, month=on(20))
    rows = selectors.fee_rows(listed)

    assert [(r.enrolment.person.last_name, r.enrolment.service.name) for r in rows] == [
        ("Adamska", "Dowóz posiłków"),
        ("Adamska", "Obiady w klubie"),
        ("Nowak", "Dowóz posiłków"),
    ]
    assert [(r.units, r.fee) for r in rows] == [
        (D("3.50"), D("19.43")),
        (D("2.00"), D("24.00")),
        (D("3.50"), D("42.00")),
    ]
    assert selectors.fee_totals(listed) == {
        "count": 3,
        "units": D("9.00"),
        "fee": D("85.43"),
    }


def test_the_fee_list_of_a_month_without_deliveries_is_empty(world, enrol):
    a_month_of_meals(world, enrol())
    month_before = last_month() - dt.timedelta(days=40)
    assert list(selectors.fee_list(centre=world.a, month=month_before)) == []
    assert selectors.fee_totals(selectors.fee_list(centre=world.a, month=month_before)) == {
        "count": 0,
        "units": D("0.00"),
        "fee": D("0.00"),
    }


def test_the_list_filters_by_name_service_status_and_provider(
    world, enrol, halina, partner_meals, free_care
):
    jan = person(world.a, "Jan", "Kowal")
    own = enrol()
    partner = enrol(person=jan, service=partner_meals)
    planned = enrol(person=jan, service=free_care, starts_on=on(1) + dt.timedelta(days=70))

    def found(**filters):
        return set(selectors.enrolment_list(centre=world.a, **filters))

    assert found() == {own, partner, planned}
    assert found(query="kowal jan") == {partner, planned}
    assert found(query="halina") == {own}
    assert found(service=free_care) == {planned}
    assert found(status="planned") == {planned}
    assert found(provider=str(world.organisation.pk)) == {partner}
    assert found(provider=selectors.CENTRE_ITSELF) == {own, planned}
    assert found(provider="not-a-uuid") == set()
    assert set(selectors.enrolment_list(centre=world.b)) == set()


def test_a_provider_reaches_only_what_it_delivers(world, enrol, meals, partner_meals):
    own = enrol()
    partner = enrol(service=partner_meals)
    delivery = services.delivery_record(enrolment=own, by=world.kipus, delivered_on=on(5), units=1)
    assert list(selectors.provider_enrolment_list(organisation=world.organisation)) == [partner]
    assert list(selectors.provider_enrolment_list(organisation=world.other_organisation)) == []
    assert (
        selectors.get_provider_enrolment(organisation=world.organisation, enrolment_id=partner.pk)
        == partner
    )
    with pytest.raises(Http404):
        selectors.get_provider_enrolment(organisation=world.organisation, enrolment_id=own.pk)
    with pytest.raises(Http404):
        selectors.get_provider_enrolment(
            organisation=world.other_organisation, enrolment_id=partner.pk
        )
    with pytest.raises(Http404):
        selectors.get_provider_delivery(organisation=world.organisation, delivery_id=delivery.pk)


def test_another_centre_reaches_nothing(world, enrol):
    enrolment = enrol()
    delivery = services.delivery_record(
        enrolment=enrolment, by=world.kipus, delivered_on=on(5), units=1
    )
    with pytest.raises(Http404):
        selectors.get_enrolment(centre=world.b, enrolment_id=enrolment.pk)
    with pytest.raises(Http404):
        selectors.get_delivery(centre=world.b, delivery_id=delivery.pk)
