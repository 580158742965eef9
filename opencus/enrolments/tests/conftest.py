import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from opencus.enrolments import services
from opencus.enrolments.tests.fixtures import meals_service
from opencus.people import services as people


def days(n: int) -> dt.date:
    """``n`` days from today (negative: in the past)."""
    return timezone.localdate() + dt.timedelta(days=n)


def last_month() -> dt.date:
    """The first day of the previous month: every day of it has come."""
    return (timezone.localdate().replace(day=1) - dt.timedelta(days=1)).replace(day=1)


def person(centre, first="Halina", last="Nowak", **fields):
    return people.person_create(
        centre=centre,
        by=None,
        confirm_new=True,
        first_name=first,
        last_name=last,
        birth_date=fields.pop("birth_date", dt.date(1944, 3, 2)),
        **fields,
    )


# Before the previous month: its statements and fee lists cover whole months of the past.
START = last_month() - dt.timedelta(days=3)


@pytest.fixture
def halina(world):
    return person(
        world.a,
        street="ul. Lipowa 7",
        postal_code="66-200",
        city="Alfowo",
        phone="+48 600 100 200",
    )


@pytest.fixture
def meals(world):
    """Centre a's own meal delivery: 28 zł real value, 12 zł resident's price, per meal."""
    return meals_service(world.a)


@pytest.fixture
def partner_meals(world):
    """Centre a's meal delivery given by ``world.organisation`` (world.provider's)."""
    return meals_service(world.a, provider=world.organisation, name="Obiady partnera")


@pytest.fixture
def free_care(world):
    return meals_service(
        world.a,
        name="Asystent osoby starszej",
        unit="hour",
        fee_kind="free",
        market_value=Decimal("55.00"),
        resident_price=Decimal("0.00"),
    )


@pytest.fixture
def enrol(world, halina, meals):
    """``enrol(**overrides)``: give a service (default: Halina, meals, 5 a week, since START)."""

    def make(**overrides):
        data = {
            "person": halina,
            "service": meals,
            "by": world.kipus,
            "starts_on": START,
            "units_per_period": Decimal(5),
            "period": "week",
        }
        data.update(overrides)
        return services.enrolment_create(**data)

    return make
