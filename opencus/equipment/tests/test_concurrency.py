"""Desks lending the same item at the same moment: exactly one loan, the others a message.

Needs PostgreSQL (real row locks and parallel connections); skipped on SQLite, whose single
writer serialises the requests anyway.
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import translation

from opencus.equipment import services
from opencus.equipment.models import Loan
from opencus.equipment.tests.conftest import days, register

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]

DESKS = 12


def test_parallel_lending_of_one_item_makes_exactly_one_loan(world, make_item):
    item = make_item(world.a)
    people = [register(world.a, first_name=f"Osoba{i}") for i in range(DESKS)]
    start = threading.Barrier(DESKS)
    outcomes: list[str] = []

    def desk(person):
        try:
            start.wait()
            with translation.override("en"):
                services.loan_create(item=item, person=person, by=None, due_on=days(14))
            outcomes.append("lent")
        except ValidationError as exc:
            with translation.override("en"):
                outcomes.append(exc.message_dict["item"][0])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=desk, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("lent") == 1
    assert len(outcomes) == DESKS
    assert Loan.objects.filter(item=item, returned_on__isnull=True).count() == 1
    refused = {o for o in outcomes if o != "lent"}
    assert len(refused) == 1
    assert next(iter(refused)).startswith("This item is already lent out")
