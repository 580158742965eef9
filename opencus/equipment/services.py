"""Writes of the equipment rental. One transaction each, history attributed to ``by``.

The rule that matters most: an item is never lent twice at once. ``loan_create`` locks the
item's row, so two desks lending the same wheelchair queue one behind the other and the
second is refused with a message; the partial unique index on the open loan of an item
(``equipment_loan_item_lent_once``) holds even for a write that skips this module.
"""

import datetime as dt

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencus.equipment import notifications
from opencus.equipment.enums import LENDABLE_CONDITIONS, Condition, EquipmentKind, ReservationStatus
from opencus.equipment.models import Item, Loan, LoanReminder, Reservation
from opencus.people.models import Person

MSG_INVENTORY_NUMBER_TAKEN = _("Another item of the centre already has this inventory number.")
MSG_NAME_THE_KIND = _("Name the type of an item of the type “other”.")
MSG_ACQUIRED_IN_FUTURE = _("The acquisition date cannot be in the future.")
MSG_WITHDRAW_LENT = _("The item is lent out: take it back before withdrawing it.")
MSG_OTHER_CENTRE = _("This person is registered in another centre.")
MSG_PERSON_MERGED = _("This record was merged into another one: choose the kept record.")
MSG_ITEM_OTHER_CENTRE = _("This item belongs to another centre.")
MSG_ITEM_WITHDRAWN = _("This item is withdrawn from use.")
MSG_ITEM_NOT_LENDABLE = _("This item is %(condition)s: it cannot be lent until it is repaired.")
MSG_ALREADY_LENT = _("This item is already lent out (due back %(date)s): take it back first.")
MSG_LENT_MEANWHILE = _("This item has just been lent out by someone else: take it back first.")
MSG_LENT_IN_FUTURE = _("The day of lending cannot be in the future.")
MSG_DUE_NOT_AFTER_LENT = _("The due date must be after the day of lending (%(date)s).")
MSG_ALREADY_RETURNED = _("This loan was already returned on %(date)s.")
MSG_RETURNED_IN_FUTURE = _("The return date cannot be in the future.")
MSG_RETURNED_BEFORE_LENT = _("The item cannot come back before it was lent (%(date)s).")
MSG_UNKNOWN_CONDITION = _("Choose the condition of the item.")
MSG_RESERVE_WHAT = _("Choose an item or a type of equipment.")
MSG_RESERVE_WITHDRAWN = _("A withdrawn item cannot be reserved.")
MSG_RESERVE_IN_PAST = _("The reservation cannot start in the past.")
MSG_ALREADY_RESERVED_ITEM = _("This person is already waiting for this item.")
MSG_ALREADY_RESERVED_KIND = _("This person is already waiting for an item of this type.")
MSG_RESERVATION_CLOSED = _("This reservation is no longer waiting (it is %(status)s).")
MSG_RESERVATION_OTHER_PERSON = _("This reservation is another person's.")
MSG_RESERVATION_OTHER_ITEM = _("The reservation is for another item.")
MSG_RESERVATION_OTHER_KIND = _("The reservation is for another type of equipment.")

ITEM_FIELDS = frozenset(
    {
        "kind",
        "other_kind",
        "name",
        "description",
        "inventory_number",
        "serial_number",
        "condition",
        "location_note",
        "acquired_on",
        "is_active",
        "is_demo",
    }
)


# --- inventory -----------------------------------------------------------------------------


def _item_fields(fields: dict) -> dict:
    unknown = set(fields) - ITEM_FIELDS
    if unknown:
        raise ValueError(f"unknown item fields {sorted(unknown)}")
    fields = dict(fields)
    for name in ("name", "inventory_number", "serial_number", "other_kind", "location_note"):
        if isinstance(fields.get(name), str):
            fields[name] = fields[name].strip()
    if "kind" in fields and fields["kind"] != EquipmentKind.OTHER:
        fields["other_kind"] = ""
    return fields


def _validate_item(item: Item) -> None:
    errors: dict[str, list] = {}
    if item.kind == EquipmentKind.OTHER and not item.other_kind:
        errors.setdefault("other_kind", []).append(MSG_NAME_THE_KIND)
    if item.acquired_on and item.acquired_on > timezone.localdate():
        errors.setdefault("acquired_on", []).append(MSG_ACQUIRED_IN_FUTURE)
    taken = Item.objects.filter(
        centre_id=item.centre_id, inventory_number__iexact=item.inventory_number
    ).exclude(pk=item.pk)
    if item.inventory_number and taken.exists():
        errors.setdefault("inventory_number", []).append(MSG_INVENTORY_NUMBER_TAKEN)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def item_create(*, centre, by, **fields) -> Item:
    """Add an item to the centre's inventory (inventory numbers are unique per centre)."""
    with set_actor(by):
        item = Item(centre=centre, created_by=by, **_item_fields(fields))
        _validate_item(item)
        item.full_clean()
        item.save()
    return item


@transaction.atomic
def item_update(*, item: Item, by, **fields) -> Item:
    """Change an item's record. Withdrawing it (``is_active=False``) waits for its return."""
    item = Item.objects.select_for_update().get(pk=item.pk)
    fields = _item_fields(fields)
    if item.is_active and fields.get("is_active") is False and _open_loan(item) is not None:
        raise ValidationError({"is_active": MSG_WITHDRAW_LENT})
    with set_actor(by):
        for name, value in fields.items():
            setattr(item, name, value)
        _validate_item(item)
        item.full_clean()
        item.save()
    return item


def _open_loan(item: Item) -> Loan | None:
    return Loan.objects.filter(item=item, returned_on__isnull=True).first()


# --- loans ---------------------------------------------------------------------------------


def _check_person(person: Person, centre_id) -> None:
    if person.centre_id != centre_id:
        raise ValidationError({"person": MSG_OTHER_CENTRE})
    if person.merged_into_id is not None:
        raise ValidationError({"person": MSG_PERSON_MERGED})


def _check_reservation_fits(reservation: Reservation, *, item: Item, person: Person) -> None:
    if reservation.centre_id != item.centre_id:
        raise ValidationError(MSG_ITEM_OTHER_CENTRE)
    if reservation.status != ReservationStatus.WAITING:
        raise ValidationError(
            MSG_RESERVATION_CLOSED, params={"status": reservation.get_status_display()}
        )
    if reservation.person_id != person.pk:
        raise ValidationError({"person": MSG_RESERVATION_OTHER_PERSON})
    if reservation.item_id is not None and reservation.item_id != item.pk:
        raise ValidationError({"item": MSG_RESERVATION_OTHER_ITEM})
    if reservation.item_id is None and reservation.kind != item.kind:
        raise ValidationError({"item": MSG_RESERVATION_OTHER_KIND})


@transaction.atomic
def loan_create(
    *,
    item: Item,
    person: Person,
    by,
    due_on: dt.date,
    lent_on: dt.date | None = None,
    notes: str = "",
    reservation: Reservation | None = None,
) -> Loan:
    """Lend ``item`` to ``person`` until ``due_on``; from ``reservation`` if they had one.

    The item's row is locked first: of two desks lending it at the same moment, the second
    waits for the first to commit, then finds the open loan and is refused.
    """
    item = Item.objects.select_for_update().get(pk=item.pk)
    _check_person(person, item.centre_id)
    if not item.is_active:
        raise ValidationError({"item": MSG_ITEM_WITHDRAWN})
    if item.condition not in LENDABLE_CONDITIONS:
        raise ValidationError(
            {
                "item": ValidationError(
                    MSG_ITEM_NOT_LENDABLE, params={"condition": item.get_condition_display()}
                )
            }
        )
    current = _open_loan(item)
    if current is not None:
        raise ValidationError(
            {"item": ValidationError(MSG_ALREADY_LENT, params={"date": current.due_on})}
        )
    if reservation is not None:
        reservation = Reservation.objects.select_for_update().get(pk=reservation.pk)
        _check_reservation_fits(reservation, item=item, person=person)
    lent_on = lent_on or timezone.localdate()
    if lent_on > timezone.localdate():
        raise ValidationError({"lent_on": MSG_LENT_IN_FUTURE})
    if due_on <= lent_on:
        raise ValidationError(
            {"due_on": ValidationError(MSG_DUE_NOT_AFTER_LENT, params={"date": lent_on})}
        )
    with set_actor(by):
        loan = Loan(
            centre_id=item.centre_id,
            item=item,
            person=person,
            lent_on=lent_on,
            due_on=due_on,
            condition_lent=item.condition,
            notes=notes.strip(),
            lent_by=by,
        )
        # The constraints were checked above under the item's lock; the database checks the
        # one that matters again, and a write that got round the lock still gets a message.
        loan.full_clean(validate_constraints=False)
        try:
            with transaction.atomic():
                loan.save()
        except IntegrityError as exc:
            raise ValidationError({"item": MSG_LENT_MEANWHILE}) from exc
        if reservation is not None:
            reservation.status = ReservationStatus.LENT
            reservation.loan = loan
            reservation.save(update_fields=["status", "loan"])
    return loan


@transaction.atomic
def loan_return(
    *,
    loan: Loan,
    by,
    condition: str,
    returned_on: dt.date | None = None,
    notes: str = "",
) -> Loan:
    """Take an item back. Its condition on return becomes the item's condition."""
    loan = Loan.objects.select_for_update().get(pk=loan.pk)
    if loan.returned_on is not None:
        raise ValidationError(MSG_ALREADY_RETURNED, params={"date": loan.returned_on})
    if condition not in Condition.values:
        raise ValidationError({"condition": MSG_UNKNOWN_CONDITION})
    returned_on = returned_on or timezone.localdate()
    if returned_on > timezone.localdate():
        raise ValidationError({"returned_on": MSG_RETURNED_IN_FUTURE})
    if returned_on < loan.lent_on:
        raise ValidationError(
            {
                "returned_on": ValidationError(
                    MSG_RETURNED_BEFORE_LENT, params={"date": loan.lent_on}
                )
            }
        )
    item = Item.objects.select_for_update().get(pk=loan.item_id)
    with set_actor(by):
        loan.returned_on = returned_on
        loan.condition_returned = condition
        loan.return_notes = notes.strip()
        loan.returned_by = by
        loan.save(
            update_fields=["returned_on", "condition_returned", "return_notes", "returned_by"]
        )
        if item.condition != condition:
            item.condition = condition
            item.save(update_fields=["condition", "updated_at"])
    loan.item = item
    return loan


# --- reservations --------------------------------------------------------------------------


@transaction.atomic
def reservation_create(
    *,
    centre,
    person: Person,
    by,
    wanted_from: dt.date,
    item: Item | None = None,
    kind: str = "",
    note: str = "",
) -> Reservation:
    """Reserve ``item``, or any item of ``kind``, for ``person`` from ``wanted_from``."""
    _check_person(person, centre.pk)
    if item is not None:
        if item.centre_id != centre.pk:
            raise ValidationError({"item": MSG_ITEM_OTHER_CENTRE})
        if not item.is_active:
            raise ValidationError({"item": MSG_RESERVE_WITHDRAWN})
        kind = item.kind
    if not kind or kind not in EquipmentKind.values:
        raise ValidationError({"kind": MSG_RESERVE_WHAT})
    if wanted_from < timezone.localdate():
        raise ValidationError({"wanted_from": MSG_RESERVE_IN_PAST})
    waiting = Reservation.objects.filter(person=person, status=ReservationStatus.WAITING)
    if item is not None and waiting.filter(item=item).exists():
        raise ValidationError({"person": MSG_ALREADY_RESERVED_ITEM})
    if item is None and waiting.filter(item__isnull=True, kind=kind).exists():
        raise ValidationError({"person": MSG_ALREADY_RESERVED_KIND})
    with set_actor(by):
        reservation = Reservation(
            centre=centre,
            person=person,
            item=item,
            kind=kind,
            wanted_from=wanted_from,
            note=note.strip(),
            created_by=by,
        )
        reservation.full_clean()
        reservation.save()
    return reservation


@transaction.atomic
def reservation_cancel(*, reservation: Reservation, by, reason: str = "") -> Reservation:
    reservation = Reservation.objects.select_for_update().get(pk=reservation.pk)
    if reservation.status != ReservationStatus.WAITING:
        raise ValidationError(
            MSG_RESERVATION_CLOSED, params={"status": reservation.get_status_display()}
        )
    with set_actor(by):
        reservation.status = ReservationStatus.CANCELLED
        reservation.cancelled_at = timezone.now()
        reservation.cancelled_by = by
        reservation.cancel_reason = reason.strip()
        reservation.save(update_fields=["status", "cancelled_at", "cancelled_by", "cancel_reason"])
    return reservation


# --- reminders of overdue loans ------------------------------------------------------------


def reminder_due(loan: Loan, today: dt.date) -> bool:
    """Whether ``loan`` should get a reminder ``today``: overdue, open, with an e-mail to write to,
    and not reminded yet today."""
    return (
        loan.returned_on is None
        and loan.due_on < today
        and bool(loan.person.email)
        and not loan.reminders.filter(sent_on=today).exists()
    )


@transaction.atomic
def loan_remind(*, loan: Loan, by=None) -> LoanReminder | None:
    """E-mail the borrower of an overdue loan, once a day at most, and record it.

    Returns the reminder, or None when there was nothing to send (returned meanwhile, not
    overdue, no e-mail, or already reminded today). The record and the mail succeed or fail
    together: a mail server that refuses rolls the record back, so the next run tries again.
    """
    loan = (
        Loan.objects.select_for_update().select_related("item", "person", "centre").get(pk=loan.pk)
    )
    today = timezone.localdate()
    if not reminder_due(loan, today):
        return None
    reminder = LoanReminder.objects.create(
        loan=loan, sent_on=today, sent_to=loan.person.email, requested_by=by
    )
    notifications.overdue_reminder(loan=loan, today=today)
    return reminder


# --- people merged elsewhere ---------------------------------------------------------------

MERGED_REASON = "Rekord osoby scalony z innym; rezerwacja zdublowana."


@transaction.atomic
def person_records_move(*, keep: Person, duplicate: Person, by) -> None:
    """Move the loans and reservations of ``duplicate`` to ``keep`` (for people.person_merge).

    A waiting reservation that ``keep`` already has (same item, or same type) is cancelled
    instead of moved: the unique rule on waiting reservations holds, and the history keeps it.
    """
    if keep.centre_id != duplicate.centre_id:
        raise ValidationError(MSG_OTHER_CENTRE)
    with set_actor(by):
        for loan in Loan.objects.filter(person=duplicate):
            loan.person = keep
            loan.save(update_fields=["person"])
        waiting = Reservation.objects.filter(person=keep, status=ReservationStatus.WAITING)
        for reservation in Reservation.objects.select_for_update().filter(person=duplicate):
            twin = (
                waiting.filter(item_id=reservation.item_id)
                if reservation.item_id
                else waiting.filter(item__isnull=True, kind=reservation.kind)
            )
            if reservation.status == ReservationStatus.WAITING and twin.exists():
                reservation.status = ReservationStatus.CANCELLED
                reservation.cancelled_at = timezone.now()
                reservation.cancelled_by = by
                reservation.cancel_reason = MERGED_REASON
            reservation.person = keep
            reservation.save()
