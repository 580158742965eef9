import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from opencus.contracts.tests.fixtures import draft_contract, verified_partner
from opencus.enrolments.tests.fixtures import meals_service


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
