"""Monitoring on a hand-built set of enrolments and deliveries: contracted, granted, delivered
and money, month by month; and its cost in queries at two sizes."""

import calendar
import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from opencus.catalogue.models import Service
from opencus.contracts import services
from opencus.contracts.selectors import contract_monitoring, get_contract
from opencus.contracts.tests.fixtures import draft_contract, verified_partner
from opencus.enrolments import services as enrolments
from opencus.enrolments.tests.fixtures import meals_service
from opencus.people import services as people
from opencus.providers.tests.factories import OrganisationFactory

Y = timezone.localdate().year - 1
FEB = calendar.monthrange(Y, 2)[1]
UNITS = 31 + FEB + 31  # one meal a day over the first quarter
D = dt.date


def _person(world, name):
    return people.person_create(
        centre=world.a, by=None, first_name=name, last_name="Kowalska", birth_date=D(1940, 1, 1)
    )


def _grant(world, person, service, *, starts_on, units, period):
    return enrolments.enrolment_create(
        person=person,
        service=Service.objects.get(pk=service.pk),
        by=world.kipus,
        starts_on=starts_on,
        units_per_period=Decimal(units),
        period=period,
    )


def _deliver(world, enrolment, day, units=1, **extra):
    return enrolments.delivery_record(
        enrolment=enrolment, by=world.provider, delivered_on=day, units=Decimal(units), **extra
    )


@pytest.fixture
def quarter(world):
    """The first quarter of last year: UNITS meals at 25 zł, contracted with world.organisation.

    - before signing, another provider gave Zofia the service (4 meals in January): not ours;
    - Anna: 7 meals a week from 1 January, ended on 15 March; 10 meals in January (and one
      missed visit), 5 × 2 in February;
    - Maria: 30 meals a month from 1 February; 3 meals on 3 March, 1 on 2 April (after the
      contract).
    """
    other = OrganisationFactory(name="Inny Realizator")
    meals = meals_service(world.a, provider=other, name="Obiady kwartalne")
    zofia = _grant(
        world, _person(world, "Zofia"), meals, starts_on=D(Y, 1, 1), units=5, period="week"
    )
    _deliver(world, zofia, D(Y, 1, 5), 4)
    verified_partner(world.a, world.organisation)
    contract = draft_contract(
        world.a,
        world.organisation,
        lines=[(meals, UNITS, 25)],
        starts_on=D(Y, 1, 1),
        ends_on=D(Y, 3, 31),
    )
    services.contract_sign(contract=contract, by=world.director, signed_on=D(Y, 1, 1))
    anna = _grant(
        world, _person(world, "Anna"), meals, starts_on=D(Y, 1, 1), units=7, period="week"
    )
    for day in range(2, 12):
        _deliver(world, anna, D(Y, 1, day))
    _deliver(world, anna, D(Y, 1, 12), 0, status="missed", missed_reason="person_in_hospital")
    for day in range(3, 8):
        _deliver(world, anna, D(Y, 2, day), 2)
    enrolments.enrolment_end(
        enrolment=anna, by=world.kipus, end_reason="resignation", ended_on=D(Y, 3, 15)
    )
    maria = _grant(
        world, _person(world, "Maria"), meals, starts_on=D(Y, 2, 1), units=30, period="month"
    )
    _deliver(world, maria, D(Y, 3, 3), 3)
    _deliver(world, maria, D(Y, 4, 2), 1)
    return get_contract(centre=world.a, contract_id=contract.pk)


def pct(part, whole) -> Decimal:
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"))


def test_contracted_granted_delivered_and_money_by_month(quarter):
    monitoring = contract_monitoring(quarter)
    assert monitoring.has_deliveries
    (line,) = monitoring.lines
    table = [
        (r.month, r.contracted, r.granted, r.delivered, r.missed, r.spent, r.percent)
        for r in line.months
    ]
    assert table == [
        (D(Y, 1, 1), Decimal(31), Decimal(31), Decimal(10), 1, Decimal(250), pct(10, UNITS)),
        (D(Y, 2, 1), Decimal(FEB), Decimal(FEB + 30), Decimal(10), 0, Decimal(250), pct(20, UNITS)),
        # Anna until the 15th (15 days of 7 a week) and Maria's 30
        (D(Y, 3, 1), Decimal(31), Decimal(45), Decimal(3), 0, Decimal(75), pct(23, UNITS)),
    ]
    assert (line.total.contracted, line.total.delivered, line.total.spent) == (
        Decimal(UNITS),
        Decimal(23),
        Decimal(575),
    )
    money = [(r.contracted_value, r.spent, r.cumulative) for r in monitoring.months]
    assert money == [
        (Decimal(31 * 25), Decimal(250), Decimal(250)),
        (Decimal(FEB * 25), Decimal(250), Decimal(500)),
        (Decimal(31 * 25), Decimal(75), Decimal(575)),
    ]
    assert monitoring.total.contracted_value == Decimal(UNITS * 25)
    assert monitoring.total.percent == pct(575, UNITS * 25)
    assert monitoring.total.missed == 1


def test_a_contract_without_deliveries_says_so(world, partner, meals):
    contract = draft_contract(world.a, world.organisation, lines=[(meals, 120, 30)])
    monitoring = contract_monitoring(get_contract(centre=world.a, contract_id=contract.pk))
    assert not monitoring.has_deliveries
    assert len(monitoring.months) == 12
    assert sum(r.contracted for r in monitoring.lines[0].months) == Decimal(120)
    assert all(r.delivered == 0 and r.granted == 0 for r in monitoring.lines[0].months)


def test_monitoring_costs_the_same_queries_at_two_sizes(world, quarter, django_assert_num_queries):
    with django_assert_num_queries(2):
        small = contract_monitoring(quarter)
    anna = quarter.lines.get().service.enrolments.get(person__first_name="Maria")
    for day in range(4, 28):
        _deliver(world, anna, D(Y, 3, day), 1)
    bigger = get_contract(centre=world.a, contract_id=quarter.pk)
    with django_assert_num_queries(2):
        large = contract_monitoring(bigger)
    assert large.lines[0].total.delivered == small.lines[0].total.delivered + 24
