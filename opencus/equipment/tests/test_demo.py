"""The demo rental: loaded where its centre and people are, once (a rerun changes nothing)."""

import datetime as dt

import pytest

from opencus.demo.equipment_loader import ITEMS, load_equipment
from opencus.equipment.models import Item, Loan, Reservation
from opencus.equipment.tests.conftest import days
from opencus.people import services as people_services
from opencus.territory.tests.factories import CentreFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def swiebodzin(db):
    centre = CentreFactory(slug="swiebodzin", name="CUS Świebodzin")
    for first, last, born in [
        ("Halina", "Kowalska", dt.date(1942, 3, 14)),
        ("Stanisław", "Wójcik", dt.date(1939, 7, 30)),
        ("Krystyna", "Zając", dt.date(1951, 9, 5)),
    ]:
        people_services.person_create(
            centre=centre, by=None, first_name=first, last_name=last, birth_date=born, is_demo=True
        )
    return centre


def test_the_demo_rental_has_a_loan_running_one_overdue_and_a_reservation(swiebodzin):
    assert load_equipment() == len(ITEMS["swiebodzin"])
    assert not Item.objects.filter(is_demo=False).exists()
    running, overdue = Loan.objects.order_by("due_on").reverse()
    assert (running.person.last_name, running.is_overdue, running.due_on) == (
        "Kowalska",
        False,
        days(18),
    )
    assert (overdue.person.last_name, overdue.days_overdue()) == ("Wójcik", 15)
    reservation = Reservation.objects.get()
    assert (reservation.person.last_name, reservation.kind, reservation.is_waiting) == (
        "Zając",
        "rehabilitation_bed",
        True,
    )
    assert Item.objects.filter(condition__in=["damaged", "out_of_service"]).count() == 2


def test_a_rerun_changes_nothing(swiebodzin):
    load_equipment()
    counts = (Item.objects.count(), Loan.objects.count(), Reservation.objects.count())
    assert load_equipment() == 0
    assert (Item.objects.count(), Loan.objects.count(), Reservation.objects.count()) == counts


def test_without_the_centre_nothing_is_loaded(db):
    assert load_equipment() == 0
    assert not Item.objects.exists()
