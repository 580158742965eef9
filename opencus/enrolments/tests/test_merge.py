"""Services given follow their person when two records of one person are merged."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from opencus.enrolments import services
from opencus.enrolments.enums import EndReason
from opencus.enrolments.tests.conftest import person
from opencus.people import services as people


@pytest.fixture
def twin(world):
    return person(world.a, first="Halina", last="Nowakowa", birth_date=dt.date(1944, 3, 2))


def test_merging_two_records_moves_the_services_given_with_their_deliveries(
    world, enrol, halina, twin, free_care
):
    given = enrol(person=twin, service=free_care, units_per_period=2)
    delivery = services.delivery_record(
        enrolment=given, by=world.kipus, delivered_on=given.starts_on, units=1
    )
    people.person_merge(keep=halina, duplicate=twin, by=world.director)
    given.refresh_from_db()
    delivery.refresh_from_db()
    assert given.person == halina
    assert delivery.enrolment.person == halina


def test_the_same_service_running_on_both_records_stops_the_merge(world, enrol, halina, twin):
    enrol()
    enrol(person=twin)
    with pytest.raises(ValidationError) as exc:
        people.person_merge(keep=halina, duplicate=twin, by=world.director)
    assert "Dowóz posiłków" in " ".join(exc.value.messages)
    twin.refresh_from_db()
    assert twin.merged_into_id is None  # nothing half-done


def test_an_ended_service_on_the_duplicate_does_not_stop_the_merge(world, enrol, halina, twin):
    enrol()
    ended = enrol(person=twin)
    services.enrolment_end(
        enrolment=ended,
        by=world.kipus,
        ended_on=ended.starts_on,
        end_reason=EndReason.OTHER,
        note="Zdublowany wpis.",
    )
    people.person_merge(keep=halina, duplicate=twin, by=world.director)
    ended.refresh_from_db()
    assert ended.person == halina
