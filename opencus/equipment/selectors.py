"""Reads of the equipment rental, scoped to the centre (another centre's ids are a 404)."""

import datetime as dt
from typing import Any

from django.db.models import Exists, F, Max, OuterRef, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404
from django.utils import timezone

from opencus.core.tenancy import scope_to_centre
from opencus.equipment.enums import LENDABLE_CONDITIONS, Availability, ReservationStatus
from opencus.equipment.models import Item, Loan, LoanReminder, Reservation


def _open_loans():
    return Loan.objects.filter(item=OuterRef("pk"), returned_on__isnull=True)


def with_loan_state(items: QuerySet[Item]) -> QuerySet[Item]:
    """Items annotated with ``is_lent``, the open loan's ``open_due_on`` and ``is_reserved``
    (waiting reservations of the item itself); no borrower's name."""
    return items.annotate(
        is_lent=Exists(_open_loans()),
        open_due_on=Subquery(_open_loans().values("due_on")[:1]),
        is_reserved=Exists(
            Reservation.objects.filter(item=OuterRef("pk"), status=ReservationStatus.WAITING)
        ),
    )


def item_availability(item: Any, today: dt.date) -> Availability:
    """Where an item annotated by ``with_loan_state`` stands today."""
    if not item.is_active:
        return Availability.WITHDRAWN
    if item.is_lent:
        return Availability.OVERDUE if item.open_due_on < today else Availability.LENT
    if not item.is_lendable:
        return Availability.NOT_LENDABLE
    return Availability.AVAILABLE


def item_list(
    *, centre, query: str = "", kind: str = "", condition: str = "", availability: str = ""
) -> QuerySet[Item]:
    """The centre's inventory. Without an availability filter, the items in use (withdrawn ones
    are under "withdrawn"); ``query`` looks in names, inventory and serial numbers."""
    items = with_loan_state(scope_to_centre(Item.objects.all(), centre))
    if availability == Availability.WITHDRAWN:
        items = items.filter(is_active=False)
    else:
        items = items.filter(is_active=True)
    if availability == Availability.AVAILABLE:
        items = items.filter(~Exists(_open_loans()), condition__in=LENDABLE_CONDITIONS)
    elif availability == Availability.LENT:
        items = items.filter(Exists(_open_loans()))
    elif availability == Availability.OVERDUE:
        items = items.filter(
            Exists(_open_loans().filter(due_on__lt=timezone.localdate())),
        )
    elif availability == Availability.NOT_LENDABLE:
        items = items.exclude(condition__in=LENDABLE_CONDITIONS)
    if kind:
        items = items.filter(kind=kind)
    if condition:
        items = items.filter(condition=condition)
    for word in query.split()[:4]:
        items = items.filter(
            Q(name__icontains=word)
            | Q(inventory_number__icontains=word)
            | Q(serial_number__icontains=word)
            | Q(other_kind__icontains=word)
        )
    return items.order_by("name", "inventory_number")


def get_item(*, centre, item_id) -> Item:
    return get_object_or_404(
        with_loan_state(scope_to_centre(Item.objects.all(), centre)), pk=item_id
    )


def item_loans(*, item: Item) -> QuerySet[Loan]:
    """The item's loans, the latest first, with who borrowed and who lent and took back."""
    return item.loans.select_related("person", "lent_by", "returned_by").order_by(
        "-lent_on", "-created_at"
    )


def open_loan(*, item: Item) -> Loan | None:
    return item.loans.filter(returned_on__isnull=True).select_related("person").first()


def item_reservations(*, item: Item) -> QuerySet[Reservation]:
    """Waiting reservations of this very item, in the order they are needed."""
    return item.reservations.filter(status=ReservationStatus.WAITING).select_related("person")


def reservation_list(*, centre, kind: str = "", status: str = "") -> QuerySet[Reservation]:
    """The centre's reservations (waiting ones unless ``status`` says otherwise), the soonest
    needed first."""
    reservations = scope_to_centre(
        Reservation.objects.select_related("person", "item", "loan"), centre
    ).filter(status=status or ReservationStatus.WAITING)
    if kind:
        reservations = reservations.filter(kind=kind)
    return reservations.order_by("wanted_from", "created_at")


def person_loans(*, person) -> QuerySet[Loan]:
    """A person's loans with their items, open ones first, then the latest (for the person's
    page and "my matters")."""
    return (
        Loan.objects.filter(person=person)
        .select_related("item")
        .order_by(F("returned_on").desc(nulls_first=True), "-lent_on")
    )


def get_reservation(*, centre, reservation_id) -> Reservation:
    return get_object_or_404(
        scope_to_centre(Reservation.objects.select_related("person", "item"), centre),
        pk=reservation_id,
    )


def get_loan(*, centre, loan_id) -> Loan:
    return get_object_or_404(
        scope_to_centre(Loan.objects.select_related("person", "item", "lent_by"), centre),
        pk=loan_id,
    )


def lendable_items(*, centre, kind: str = "") -> QuerySet[Item]:
    """Items that can go out now: in use, in a lendable condition, not lent."""
    return item_list(centre=centre, kind=kind, availability=Availability.AVAILABLE)


def overdue_loans(*, centre, today: dt.date | None = None) -> QuerySet[Loan]:
    """Open loans past their due date, the most overdue first, with the last reminder's date."""
    today = today or timezone.localdate()
    return (
        scope_to_centre(Loan.objects.select_related("person", "item"), centre)
        .filter(returned_on__isnull=True, due_on__lt=today)
        .annotate(last_reminded_on=Max("reminders__sent_on"))
        .order_by("due_on", "lent_on", "pk")
    )


def loans_to_remind(*, centre=None, today: dt.date) -> list[Loan]:
    """Overdue loans whose borrower has an e-mail and got no reminder today (every centre's when
    ``centre`` is None)."""
    loans = Loan.objects.filter(returned_on__isnull=True, due_on__lt=today).exclude(
        person__email=""
    )
    if centre is not None:
        loans = scope_to_centre(loans, centre)
    reminded_today = LoanReminder.objects.filter(loan=OuterRef("pk"), sent_on=today)
    return list(loans.exclude(Exists(reminded_today)).order_by("due_on", "pk"))


def without_email_count(*, centre, today: dt.date | None = None) -> int:
    """Overdue borrowers who cannot be reminded by e-mail (staff call them)."""
    return overdue_loans(centre=centre, today=today).filter(person__email="").count()
