import calendar
import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from opencus.catalogue.models import Service
from opencus.contracts import services
from opencus.contracts.selectors import get_contract
from opencus.contracts.tests.fixtures import draft_contract, verified_partner
from opencus.enrolments import services as enrolments
from opencus.enrolments.tests.fixtures import meals_service
from opencus.people import services as people
from opencus.providers.tests.factories import OrganisationFactory

Y = timezone.localdate().year - 1
FEB = calendar.monthrange(Y, 2)[1]
UNITS = 31 + FEB + 31  # one meal a day over the first quarter of last year
D = dt.date


@pytest.fixture(autouse=True)
def english():
    """Messages are compared in English."""
    with translation.override("en"):
        yield


def days(n: int) -> dt.date:
    """``n`` days from today (negative: in the past)."""
    return timezone.localdate() + dt.timedelta(days=n)


@pytest.fixture
def partner(world):
    """``world.organisation``, verified as a partner of centre a."""
    return verified_partner(world.a, world.organisation)


@pytest.fixture
def meals(world):
    """Centre a's meal delivery (the centre itself gives it, for now): 28 zł a meal."""
    return meals_service(world.a, name="Dowóz posiłków")


@pytest.fixture
def care(world):
    return meals_service(
        world.a,
        name="Usługi opiekuńcze",
        unit="hour",
        fee_kind="free",
        market_value=Decimal("55.00"),
        resident_price=Decimal("0.00"),
    )


@pytest.fixture
def draft(world, partner, meals):
    """A draft of this year with world.organisation: 1000 meals at 27.50 zł."""
    return draft_contract(world.a, world.organisation, by=world.ous, lines=[(meals, 1000, "27.50")])


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


def deliver(world, enrolment, day, units=1, **extra):
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
    deliver(world, zofia, D(Y, 1, 5), 4)
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
        deliver(world, anna, D(Y, 1, day))
    deliver(world, anna, D(Y, 1, 12), 0, status="missed", missed_reason="person_in_hospital")
    for day in range(3, 8):
        deliver(world, anna, D(Y, 2, day), 2)
    enrolments.enrolment_end(
        enrolment=anna, by=world.kipus, end_reason="resignation", ended_on=D(Y, 3, 15)
    )
    maria = _grant(
        world, _person(world, "Maria"), meals, starts_on=D(Y, 2, 1), units=30, period="month"
    )
    deliver(world, maria, D(Y, 3, 3), 3)
    deliver(world, maria, D(Y, 4, 2), 1)
    return get_contract(centre=world.a, contract_id=contract.pk)
