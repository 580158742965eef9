import datetime as dt
import itertools

import pytest
from django.utils import timezone

from opencus.equipment import services
from opencus.people import services as people_services

_numbers = itertools.count(1)


def days(n: int) -> dt.date:
    """``n`` days from today (negative: ago)."""
    return timezone.localdate() + dt.timedelta(days=n)


def register(centre, first_name="Halina", last_name="Nowak", **fields):
    data = {"birth_date": dt.date(1944, 3, 2), "email": "halina@example.org"} | fields
    return people_services.person_create(
        centre=centre,
        by=None,
        confirm_new=True,
        first_name=first_name,
        last_name=last_name,
        **data,
    )


@pytest.fixture
def make_item(db):
    """``make_item(centre, **fields)``: an item through the service, with a fresh inventory
    number unless given."""

    def make(centre, *, by=None, **fields):
        data = {
            "kind": "wheelchair",
            "name": "Wózek inwalidzki Vermeiren 708D",
            "inventory_number": f"WS/2025/{next(_numbers):03d}",
        } | fields
        return services.item_create(centre=centre, by=by, **data)

    return make


@pytest.fixture
def person(world):
    """Halina Nowak of centre a, with an e-mail."""
    return register(world.a)


@pytest.fixture
def lend(db):
    """``lend(item, person, lent=-10, due=20, **kw)``: a loan from ``lent`` days ago (negative)
    until ``due`` days from today."""

    def make(item, person, *, lent=0, due=30, by=None, **kwargs):
        return services.loan_create(
            item=item, person=person, by=by, lent_on=days(lent), due_on=days(due), **kwargs
        )

    return make
