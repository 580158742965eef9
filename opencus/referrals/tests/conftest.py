import datetime as dt

import pytest
from django.utils import timezone, translation

from opencus.referrals.tests.fixtures import link_by_agreement, referred_person


@pytest.fixture(autouse=True)
def english():
    """Messages are compared in English."""
    with translation.override("en"):
        yield


def ago(days: int = 0, hours: int = 0) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days, hours=hours)


@pytest.fixture
def person(world):
    """Halina Nowak of centre a: address, phone, large print; both referral consents given."""
    return referred_person(world.a)


@pytest.fixture
def linked(world):
    """An inter-municipal agreement in force between the gminas of centres a and b."""
    return link_by_agreement(world.a, world.b, title="Porozumienie Alfa–Beta")
