"""Several people moving the same record at the same moment: one wins, the others are told.

Needs PostgreSQL (real row locks and parallel connections); skipped on SQLite, whose single
writer serialises the requests anyway.
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import translation

from opencus.cooperation import services
from opencus.cooperation.models import Pilot, PilotEvent
from opencus.cooperation.tests.fixtures import (
    CLOSING_REPORT,
    days_ago,
    held_workshop,
    running_pilot,
)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]

PEOPLE = 8


def _at_once(action) -> list[str]:
    start = threading.Barrier(PEOPLE)
    outcomes: list[str] = []

    def person():
        try:
            start.wait()
            with translation.override("en"):
                action()
            outcomes.append("done")
        except ValidationError as exc:
            with translation.override("en"):
                outcomes.append(exc.messages[0])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=person) for _ in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(outcomes) == PEOPLE
    return outcomes


def test_one_pilot_from_a_workshop_however_many_start_it_at_once(world):
    workshop = held_workshop(world.a, world.organisation)
    outcomes = _at_once(
        lambda: services.pilot_create(
            workshop=workshop, by=None, starts_on=days_ago(0), ends_on=days_ago(-100)
        )
    )
    assert outcomes.count("done") == 1
    assert set(outcomes) - {"done"} == {"A pilot has already been started from this workshop."}
    assert Pilot.objects.filter(workshop=workshop).count() == 1


def test_a_pilot_is_closed_once(world):
    pilot = running_pilot(world.a, world.organisation)
    outcomes = _at_once(
        lambda: services.pilot_close(
            pilot=pilot, by=None, report_sent_on=days_ago(0), **CLOSING_REPORT
        )
    )
    assert outcomes.count("done") == 1
    assert set(outcomes) - {"done"} == {"A pilot that is “closed” cannot become “closed”."}
    assert PilotEvent.objects.filter(pilot=pilot, status="closed").count() == 1
