"""The rental's rules: inventory numbers, lending (never twice at once), returns, reservations."""

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from opencus.equipment import services
from opencus.equipment.enums import Condition, ReservationStatus
from opencus.equipment.models import Item, Loan, Reservation
from opencus.equipment.tests.conftest import days, register

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def refused(write, **kwargs) -> dict:
    """``write(**kwargs)`` must fail; its messages by field ("__all__" for the record)."""
    with pytest.raises(ValidationError) as raised:
        write(**kwargs)
    error = raised.value
    return error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}


def text(message, **params) -> str:
    return str(message) % params if params else str(message)


def history(obj) -> list[LogEntry]:
    return list(LogEntry.objects.get_for_object(obj).order_by("timestamp", "pk"))


# --- items ---------------------------------------------------------------------------------


def test_an_item_is_added_with_its_centre_and_who_added_it_in_the_history(world, make_item):
    item = make_item(world.a, by=world.ous, serial_number="  SN-1 ")
    item.refresh_from_db()
    assert (item.centre, item.created_by, item.serial_number) == (world.a, world.ous, "SN-1")
    assert (item.condition, item.is_active) == (Condition.GOOD, True)
    [entry] = history(item)
    assert entry.actor == world.ous
    assert entry.additional_data == {"centre": str(world.a.pk)}


def test_an_inventory_number_is_taken_once_per_centre_whatever_its_case(world, make_item):
    make_item(world.a, inventory_number="WS/1")
    assert refused(make_item, centre=world.a, inventory_number="ws/1") == {
        "inventory_number": [text(services.MSG_INVENTORY_NUMBER_TAKEN)]
    }
    assert Item.objects.count() == 1


def test_another_centre_may_use_the_same_inventory_number(world, make_item):
    make_item(world.a, inventory_number="WS/1")
    assert make_item(world.b, inventory_number="WS/1").centre == world.b


def test_the_database_refuses_a_second_inventory_number_that_skips_the_service(world, make_item):
    item = make_item(world.a, inventory_number="WS/1")
    with pytest.raises(IntegrityError), transaction.atomic():
        Item.objects.create(centre=world.a, kind="walker", name="Balkonik", inventory_number="WS/1")
    assert Item.objects.get() == item


def test_an_item_of_the_type_other_needs_its_type_named(world, make_item):
    assert refused(make_item, centre=world.a, kind="other") == {
        "other_kind": [text(services.MSG_NAME_THE_KIND)]
    }
    item = make_item(world.a, kind="other", other_kind="Pionizator")
    assert item.kind_label == "Pionizator"


def test_the_type_name_goes_when_the_type_is_not_other(world, make_item):
    item = make_item(world.a, kind="walker", other_kind="Pionizator")
    assert (item.other_kind, item.kind_label) == ("", "walker or rollator")


def test_the_database_refuses_an_unnamed_other_type(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Item.objects.create(centre=world.a, kind="other", name="Coś", inventory_number="X")


def test_an_item_cannot_be_acquired_in_the_future(world, make_item):
    assert refused(make_item, centre=world.a, acquired_on=days(1)) == {
        "acquired_on": [text(services.MSG_ACQUIRED_IN_FUTURE)]
    }
    assert make_item(world.a, acquired_on=days(0)).acquired_on == days(0)


def test_an_empty_name_is_refused_by_the_model(world, make_item):
    assert list(refused(make_item, centre=world.a, name="  ")) == ["name"]


@pytest.mark.parametrize("name", ["created_by", "centre_id", "colour"])
def test_an_unknown_item_field_is_a_programming_error(world, make_item, name):
    with pytest.raises(ValueError, match="unknown item fields"):
        make_item(world.a, **{name: None})


def test_an_item_update_is_in_the_history(world, make_item):
    item = make_item(world.a)
    services.item_update(item=item, by=world.director, condition="worn", location_note="Regał 2")
    item.refresh_from_db()
    assert (item.condition, item.location_note) == ("worn", "Regał 2")
    change = history(item)[-1]
    assert change.actor == world.director
    assert change.changes_dict["condition"] == ["good", "worn"]


def test_an_update_cannot_take_an_inventory_number_of_another_item(world, make_item):
    make_item(world.a, inventory_number="WS/1")
    item = make_item(world.a, inventory_number="WS/2")
    assert refused(services.item_update, item=item, by=None, inventory_number="WS/1") == {
        "inventory_number": [text(services.MSG_INVENTORY_NUMBER_TAKEN)]
    }
    item.refresh_from_db()
    assert item.inventory_number == "WS/2"


def test_an_item_keeps_its_own_inventory_number_on_update(world, make_item):
    item = make_item(world.a, inventory_number="WS/1")
    services.item_update(item=item, by=None, inventory_number="WS/1", name="Nowa nazwa")
    item.refresh_from_db()
    assert item.name == "Nowa nazwa"


def test_a_free_item_is_withdrawn_and_kept(world, make_item):
    item = make_item(world.a)
    services.item_update(item=item, by=None, is_active=False)
    item.refresh_from_db()
    assert item.is_active is False
    assert not item.is_lendable


def test_a_lent_item_cannot_be_withdrawn(world, make_item, person, lend):
    item = make_item(world.a)
    lend(item, person)
    assert refused(services.item_update, item=item, by=None, is_active=False) == {
        "is_active": [text(services.MSG_WITHDRAW_LENT)]
    }
    item.refresh_from_db()
    assert item.is_active is True


# --- lending -------------------------------------------------------------------------------


def test_a_loan_records_who_lent_what_in_which_condition(world, make_item, person):
    item = make_item(world.a, condition="worn")
    loan = services.loan_create(
        item=item, person=person, by=world.front_desk, due_on=days(30), notes=" z poduszką "
    )
    loan.refresh_from_db()
    assert (loan.centre, loan.item, loan.person, loan.lent_by) == (
        world.a,
        item,
        person,
        world.front_desk,
    )
    assert (loan.lent_on, loan.due_on, loan.condition_lent) == (days(0), days(30), "worn")
    assert (loan.notes, loan.returned_on, loan.is_open) == ("z poduszką", None, True)
    [entry] = history(loan)
    assert (entry.actor, entry.additional_data) == (world.front_desk, {"centre": str(world.a.pk)})


def test_an_item_lent_out_is_refused_a_second_time_with_its_due_date(
    world, make_item, person, lend
):
    item = make_item(world.a)
    lend(item, person, due=14)
    other = register(world.a, first_name="Jan", last_name="Kowalski")
    assert refused(services.loan_create, item=item, person=other, by=None, due_on=days(30)) == {
        "item": [text(services.MSG_ALREADY_LENT, date=days(14))]
    }
    assert Loan.objects.count() == 1


def test_the_database_refuses_a_second_open_loan_that_skips_the_service(
    world, make_item, person, lend
):
    item = make_item(world.a)
    lend(item, person)
    with pytest.raises(IntegrityError), transaction.atomic():
        Loan.objects.create(
            centre=world.a,
            item=item,
            person=person,
            lent_on=days(0),
            due_on=days(5),
            condition_lent="good",
        )
    assert Loan.objects.count() == 1


def test_a_second_open_loan_that_gets_past_the_check_is_refused_with_a_message(
    world, make_item, person, lend, monkeypatch
):
    """If the check under the lock were ever skipped, the index still decides, politely."""
    item = make_item(world.a)
    lend(item, person)
    monkeypatch.setattr(services, "_open_loan", lambda item: None)
    assert refused(services.loan_create, item=item, person=person, by=None, due_on=days(3)) == {
        "item": [text(services.MSG_LENT_MEANWHILE)]
    }
    assert Loan.objects.count() == 1


def test_a_returned_item_may_be_lent_again(world, make_item, person, lend):
    item = make_item(world.a)
    first = lend(item, person, lent=-20, due=-5)
    services.loan_return(loan=first, by=None, condition="good")
    second = lend(item, person)
    assert list(item.loans.order_by("lent_on")) == [first, second]


@pytest.mark.parametrize("due", [0, -1])
def test_the_due_date_must_come_after_the_day_of_lending(world, make_item, person, due):
    item = make_item(world.a)
    assert refused(services.loan_create, item=item, person=person, by=None, due_on=days(due)) == {
        "due_on": [text(services.MSG_DUE_NOT_AFTER_LENT, date=days(0))]
    }
    assert not Loan.objects.exists()


def test_the_database_refuses_a_due_date_before_lending(world, make_item, person):
    item = make_item(world.a)
    with pytest.raises(IntegrityError), transaction.atomic():
        Loan.objects.create(
            centre=world.a,
            item=item,
            person=person,
            lent_on=days(0),
            due_on=days(0),
            condition_lent="good",
        )


def test_a_loan_may_be_recorded_from_an_earlier_day(world, make_item, person, lend):
    loan = lend(make_item(world.a), person, lent=-3, due=10)
    assert loan.lent_on == days(-3)


def test_a_loan_cannot_start_in_the_future(world, make_item, person):
    item = make_item(world.a)
    assert refused(
        services.loan_create, item=item, person=person, by=None, lent_on=days(1), due_on=days(9)
    ) == {"lent_on": [text(services.MSG_LENT_IN_FUTURE)]}


@pytest.mark.parametrize(
    ("condition", "label"), [("damaged", "damaged"), ("out_of_service", "out of service")]
)
def test_a_damaged_item_cannot_be_lent(world, make_item, person, condition, label):
    item = make_item(world.a, condition=condition)
    assert refused(services.loan_create, item=item, person=person, by=None, due_on=days(9)) == {
        "item": [text(services.MSG_ITEM_NOT_LENDABLE, condition=label)]
    }
    assert not Loan.objects.exists()


@pytest.mark.parametrize("condition", ["new", "good", "worn"])
def test_an_item_in_a_usable_condition_may_be_lent(world, make_item, person, lend, condition):
    assert lend(make_item(world.a, condition=condition), person).condition_lent == condition


def test_a_withdrawn_item_cannot_be_lent(world, make_item, person):
    item = make_item(world.a)
    services.item_update(item=item, by=None, is_active=False)
    assert refused(services.loan_create, item=item, person=person, by=None, due_on=days(9)) == {
        "item": [text(services.MSG_ITEM_WITHDRAWN)]
    }


def test_a_person_of_another_centre_cannot_borrow(world, make_item):
    item = make_item(world.a)
    stranger = register(world.b)
    assert refused(services.loan_create, item=item, person=stranger, by=None, due_on=days(9)) == {
        "person": [text(services.MSG_OTHER_CENTRE)]
    }
    assert not Loan.objects.exists()


def test_a_merged_record_cannot_borrow(world, make_item, person):
    from opencus.people.services import person_merge

    twin = register(world.a, phone="600")
    person_merge(keep=person, duplicate=twin, by=None)
    twin.refresh_from_db()
    item = make_item(world.a)
    assert refused(services.loan_create, item=item, person=twin, by=None, due_on=days(9)) == {
        "person": [text(services.MSG_PERSON_MERGED)]
    }


# --- returns -------------------------------------------------------------------------------


def test_a_return_closes_the_loan_and_sets_the_items_condition(world, make_item, person, lend):
    item = make_item(world.a)
    loan = lend(item, person, lent=-10, due=5)
    services.loan_return(
        loan=loan, by=world.front_desk, condition="damaged", notes=" pęknięta rama "
    )
    loan.refresh_from_db()
    item.refresh_from_db()
    assert (loan.returned_on, loan.condition_returned, loan.returned_by) == (
        days(0),
        "damaged",
        world.front_desk,
    )
    assert (loan.return_notes, loan.is_open) == ("pęknięta rama", False)
    assert item.condition == "damaged"
    assert history(item)[-1].changes_dict["condition"] == ["good", "damaged"]
    assert history(loan)[-1].actor == world.front_desk


def test_an_item_returned_damaged_cannot_be_lent_again(world, make_item, person, lend):
    item = make_item(world.a)
    services.loan_return(loan=lend(item, person, lent=-3), by=None, condition="damaged")
    item.refresh_from_db()
    assert refused(services.loan_create, item=item, person=person, by=None, due_on=days(9)) == {
        "item": [text(services.MSG_ITEM_NOT_LENDABLE, condition="damaged")]
    }


def test_a_loan_cannot_be_returned_twice(world, make_item, person, lend):
    loan = lend(make_item(world.a), person, lent=-3)
    services.loan_return(loan=loan, by=None, condition="good", returned_on=days(-1))
    assert refused(services.loan_return, loan=loan, by=None, condition="worn") == {
        "__all__": [text(services.MSG_ALREADY_RETURNED, date=days(-1))]
    }
    loan.refresh_from_db()
    assert (loan.returned_on, loan.condition_returned) == (days(-1), "good")


def test_a_return_cannot_be_dated_before_the_loan(world, make_item, person, lend):
    loan = lend(make_item(world.a), person, lent=-3)
    assert refused(
        services.loan_return, loan=loan, by=None, condition="good", returned_on=days(-4)
    ) == {"returned_on": [text(services.MSG_RETURNED_BEFORE_LENT, date=days(-3))]}
    loan.refresh_from_db()
    assert loan.is_open


def test_a_return_cannot_be_dated_in_the_future(world, make_item, person, lend):
    loan = lend(make_item(world.a), person)
    assert refused(
        services.loan_return, loan=loan, by=None, condition="good", returned_on=days(1)
    ) == {"returned_on": [text(services.MSG_RETURNED_IN_FUTURE)]}


@pytest.mark.parametrize("condition", ["", "broken"])
def test_a_return_needs_a_known_condition(world, make_item, person, lend, condition):
    loan = lend(make_item(world.a), person)
    assert refused(services.loan_return, loan=loan, by=None, condition=condition) == {
        "condition": [text(services.MSG_UNKNOWN_CONDITION)]
    }


def test_the_database_refuses_a_return_without_the_condition(world, make_item, person, lend):
    loan = lend(make_item(world.a), person)
    with pytest.raises(IntegrityError), transaction.atomic():
        Loan.objects.filter(pk=loan.pk).update(returned_on=days(0))


# --- reservations --------------------------------------------------------------------------


def test_a_reservation_of_an_item_takes_its_type(world, make_item, person):
    item = make_item(world.a, kind="rehabilitation_bed")
    reservation = services.reservation_create(
        centre=world.a, person=person, by=world.front_desk, item=item, wanted_from=days(7)
    )
    reservation.refresh_from_db()
    assert (reservation.kind, reservation.item, reservation.status) == (
        "rehabilitation_bed",
        item,
        ReservationStatus.WAITING,
    )
    assert (reservation.created_by, reservation.centre) == (world.front_desk, world.a)
    assert history(reservation)[0].actor == world.front_desk


def test_a_reservation_of_a_type_needs_no_item(world, person):
    reservation = services.reservation_create(
        centre=world.a, person=person, by=None, kind="oxygen_concentrator", wanted_from=days(0)
    )
    assert (reservation.item, reservation.kind) == (None, "oxygen_concentrator")


@pytest.mark.parametrize("kind", ["", "spaceship"])
def test_a_reservation_needs_an_item_or_a_type(world, person, kind):
    assert refused(
        services.reservation_create,
        centre=world.a,
        person=person,
        by=None,
        kind=kind,
        wanted_from=days(0),
    ) == {"kind": [text(services.MSG_RESERVE_WHAT)]}


def test_a_reservation_cannot_start_in_the_past(world, person):
    assert refused(
        services.reservation_create,
        centre=world.a,
        person=person,
        by=None,
        kind="walker",
        wanted_from=days(-1),
    ) == {"wanted_from": [text(services.MSG_RESERVE_IN_PAST)]}


def test_a_withdrawn_item_cannot_be_reserved(world, make_item, person):
    item = make_item(world.a, is_active=False)
    assert refused(
        services.reservation_create,
        centre=world.a,
        person=person,
        by=None,
        item=item,
        wanted_from=days(0),
    ) == {"item": [text(services.MSG_RESERVE_WITHDRAWN)]}


def test_a_person_of_another_centre_cannot_reserve(world):
    assert refused(
        services.reservation_create,
        centre=world.a,
        person=register(world.b),
        by=None,
        kind="walker",
        wanted_from=days(0),
    ) == {"person": [text(services.MSG_OTHER_CENTRE)]}


def test_another_centres_item_cannot_be_reserved(world, make_item, person):
    assert refused(
        services.reservation_create,
        centre=world.a,
        person=person,
        by=None,
        item=make_item(world.b),
        wanted_from=days(0),
    ) == {"item": [text(services.MSG_ITEM_OTHER_CENTRE)]}


def test_the_same_waiting_reservation_is_refused(world, make_item, person):
    item = make_item(world.a)
    services.reservation_create(
        centre=world.a, person=person, by=None, item=item, wanted_from=days(0)
    )
    services.reservation_create(
        centre=world.a, person=person, by=None, kind="walker", wanted_from=days(0)
    )
    assert refused(
        services.reservation_create,
        centre=world.a,
        person=person,
        by=None,
        item=item,
        wanted_from=days(3),
    ) == {"person": [text(services.MSG_ALREADY_RESERVED_ITEM)]}
    assert refused(
        services.reservation_create,
        centre=world.a,
        person=person,
        by=None,
        kind="walker",
        wanted_from=days(3),
    ) == {"person": [text(services.MSG_ALREADY_RESERVED_KIND)]}
    assert Reservation.objects.count() == 2


def test_the_database_refuses_the_same_waiting_reservation_twice(world, person):
    services.reservation_create(
        centre=world.a, person=person, by=None, kind="walker", wanted_from=days(0)
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Reservation.objects.create(
            centre=world.a, person=person, kind="walker", wanted_from=days(1)
        )


def test_a_cancelled_reservation_may_be_made_again(world, person):
    first = services.reservation_create(
        centre=world.a, person=person, by=None, kind="walker", wanted_from=days(0)
    )
    services.reservation_cancel(reservation=first, by=None)
    again = services.reservation_create(
        centre=world.a, person=person, by=None, kind="walker", wanted_from=days(0)
    )
    assert again.is_waiting


def test_a_cancellation_records_who_when_and_why(world, person):
    reservation = services.reservation_create(
        centre=world.a, person=person, by=None, kind="walker", wanted_from=days(0)
    )
    services.reservation_cancel(reservation=reservation, by=world.ous, reason=" kupiła własny ")
    reservation.refresh_from_db()
    assert reservation.status == ReservationStatus.CANCELLED
    assert (reservation.cancelled_by, reservation.cancel_reason) == (world.ous, "kupiła własny")
    assert reservation.cancelled_at <= timezone.now()
    assert history(reservation)[-1].actor == world.ous


def test_a_reservation_cannot_be_cancelled_twice(world, person):
    reservation = services.reservation_create(
        centre=world.a, person=person, by=None, kind="walker", wanted_from=days(0)
    )
    services.reservation_cancel(reservation=reservation, by=None)
    assert refused(services.reservation_cancel, reservation=reservation, by=None) == {
        "__all__": [text(services.MSG_RESERVATION_CLOSED, status="cancelled")]
    }


def test_the_database_refuses_a_cancelled_reservation_without_its_time(world, person):
    reservation = services.reservation_create(
        centre=world.a, person=person, by=None, kind="walker", wanted_from=days(0)
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Reservation.objects.filter(pk=reservation.pk).update(status="cancelled")


# --- from a reservation to a loan ----------------------------------------------------------


def test_a_type_reservation_turns_into_a_loan_of_an_item_of_that_type(
    world, make_item, person, lend
):
    reservation = services.reservation_create(
        centre=world.a, person=person, by=None, kind="walker", wanted_from=days(0)
    )
    item = make_item(world.a, kind="walker")
    loan = lend(item, person, reservation=reservation)
    reservation.refresh_from_db()
    assert (reservation.status, reservation.loan) == (ReservationStatus.LENT, loan)


def test_an_item_reservation_turns_into_a_loan_of_that_item(world, make_item, person, lend):
    item = make_item(world.a)
    reservation = services.reservation_create(
        centre=world.a, person=person, by=None, item=item, wanted_from=days(0)
    )
    loan = lend(item, person, reservation=reservation)
    assert Reservation.objects.get().loan == loan


def test_a_reservation_lends_only_to_its_person(world, make_item, person, lend):
    item = make_item(world.a)
    reservation = services.reservation_create(
        centre=world.a, person=person, by=None, item=item, wanted_from=days(0)
    )
    other = register(world.a, first_name="Jan")
    assert refused(lend, item=item, person=other, reservation=reservation) == {
        "person": [text(services.MSG_RESERVATION_OTHER_PERSON)]
    }
    assert not Loan.objects.exists()


def test_a_reservation_lends_only_its_item(world, make_item, person, lend):
    reserved, other = make_item(world.a), make_item(world.a)
    reservation = services.reservation_create(
        centre=world.a, person=person, by=None, item=reserved, wanted_from=days(0)
    )
    assert refused(lend, item=other, person=person, reservation=reservation) == {
        "item": [text(services.MSG_RESERVATION_OTHER_ITEM)]
    }


def test_a_type_reservation_lends_only_that_type(world, make_item, person, lend):
    reservation = services.reservation_create(
        centre=world.a, person=person, by=None, kind="walker", wanted_from=days(0)
    )
    assert refused(
        lend, item=make_item(world.a, kind="crutches"), person=person, reservation=reservation
    ) == {"item": [text(services.MSG_RESERVATION_OTHER_KIND)]}
    reservation.refresh_from_db()
    assert reservation.is_waiting


def test_a_cancelled_reservation_does_not_lend(world, make_item, person, lend):
    item = make_item(world.a)
    reservation = services.reservation_create(
        centre=world.a, person=person, by=None, item=item, wanted_from=days(0)
    )
    services.reservation_cancel(reservation=reservation, by=None)
    assert refused(lend, item=item, person=person, reservation=reservation) == {
        "__all__": [text(services.MSG_RESERVATION_CLOSED, status="cancelled")]
    }
    assert not Loan.objects.exists()


def test_a_reservation_turned_into_a_loan_cannot_be_cancelled(world, make_item, person, lend):
    item = make_item(world.a)
    reservation = services.reservation_create(
        centre=world.a, person=person, by=None, item=item, wanted_from=days(0)
    )
    lend(item, person, reservation=reservation)
    assert refused(services.reservation_cancel, reservation=reservation, by=None) == {
        "__all__": [text(services.MSG_RESERVATION_CLOSED, status="turned into a loan")]
    }


# --- overdue -------------------------------------------------------------------------------


def test_days_overdue_count_from_the_due_date_until_the_return(world, make_item, person, lend):
    loan = lend(make_item(world.a), person, lent=-30, due=-7)
    assert (loan.days_overdue(), loan.is_overdue) == (7, True)
    assert loan.days_overdue(days(-7)) == 0
    services.loan_return(loan=loan, by=None, condition="good")
    loan.refresh_from_db()
    assert (loan.days_overdue(), loan.is_overdue) == (0, False)


# --- for other apps ------------------------------------------------------------------------


def test_a_merge_moves_loans_and_reservations_to_the_kept_person(world, make_item, person, lend):
    from opencus.equipment import selectors

    twin = register(world.a, phone="600")
    first, second, bed = make_item(world.a), make_item(world.a), make_item(world.a)
    old = lend(first, twin, lent=-30, due=-20)
    services.loan_return(loan=old, by=None, condition="good", returned_on=days(-20))
    running = lend(second, twin)
    for who in (person, twin):
        services.reservation_create(
            centre=world.a, person=who, by=None, kind="walker", wanted_from=days(0)
        )
    own = services.reservation_create(
        centre=world.a, person=twin, by=None, item=bed, wanted_from=days(0)
    )
    services.person_records_move(keep=person, duplicate=twin, by=world.ous)
    assert list(selectors.person_loans(person=person)) == [running, old]
    assert not Loan.objects.filter(person=twin).exists()
    reservations = Reservation.objects.filter(person=person)
    assert reservations.count() == 3
    assert reservations.get(pk=own.pk).is_waiting
    assert reservations.filter(kind="walker", status="waiting").count() == 1
    duplicate = reservations.get(kind="walker", status="cancelled")
    assert (duplicate.cancel_reason, duplicate.cancelled_by) == (
        services.MERGED_REASON,
        world.ous,
    )
    assert history(running)[-1].actor == world.ous


def test_records_are_not_moved_to_a_person_of_another_centre(world, person):
    assert refused(
        services.person_records_move, keep=register(world.b), duplicate=person, by=None
    ) == {"__all__": [text(services.MSG_OTHER_CENTRE)]}
