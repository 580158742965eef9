"""The centre's equipment rental (wypożyczalnia sprzętu): inventory, reservations, loans.

An item is never lent twice at once: a partial unique index on the open loan of an item
says so in the database, and ``services.loan_create`` locks the item row before it looks.
Loans and reservations tie a person to, say, an oxygen concentrator: they are personal
(and telling) data, read through the access log like a person's record.
"""

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencus.equipment.enums import (
    LENDABLE_CONDITIONS,
    Condition,
    EquipmentKind,
    ReservationStatus,
)
from opencus.people.models import Person
from opencus.territory.models import Centre


class Item(models.Model):
    """One piece of equipment in the centre's inventory. Withdrawn items stay, with their loans."""

    CENTRE_LOOKUP = "centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    centre = models.ForeignKey(
        Centre, on_delete=models.PROTECT, related_name="equipment", verbose_name=_("centre")
    )
    kind = models.CharField(_("type"), max_length=24, choices=EquipmentKind.choices)
    other_kind = models.CharField(
        _("type name"),
        max_length=100,
        blank=True,
        help_text=_("Only for the type “other”: what it is, e.g. “pionizator”."),
    )
    name = models.CharField(
        _("name"), max_length=200, help_text=_("Make and model, e.g. “Vermeiren 708D, 46 cm”.")
    )
    description = models.TextField(_("description"), blank=True)
    inventory_number = models.CharField(
        _("inventory number"),
        max_length=50,
        help_text=_("The centre's own number, once per centre (e.g. WS/2025/014)."),
    )
    serial_number = models.CharField(
        _("serial number"), max_length=100, blank=True, help_text=_("The manufacturer's number.")
    )
    condition = models.CharField(
        _("condition"), max_length=16, choices=Condition.choices, default=Condition.GOOD
    )
    location_note = models.CharField(
        _("where it is kept"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “magazyn, regał 2”; while lent, the loan says where it is."),
    )
    acquired_on = models.DateField(_("acquired on"), null=True, blank=True)
    is_active = models.BooleanField(
        _("in use"),
        default=True,
        help_text=_("Untick to withdraw the item: it stays in the inventory with its loans."),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "inventory_number"]
        verbose_name = _("equipment item")
        verbose_name_plural = _("equipment items")
        indexes = [
            models.Index(fields=["centre", "name"]),
            models.Index(fields=["centre", "kind"]),
            models.Index(fields=["centre", "condition"]),
            models.Index(fields=["centre", "is_active"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "inventory_number"],
                name="equipment_item_inventory_number_once_per_centre",
                violation_error_message=_(
                    "Another item of the centre already has this inventory number."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(kind=EquipmentKind.OTHER) | ~Q(other_kind=""),
                name="equipment_item_other_kind_named",
                violation_error_message=_("Name the type of an item of the type “other”."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.inventory_number})"

    def get_additional_data(self):
        return {"centre": str(self.centre_id)}

    @property
    def kind_label(self) -> str:
        """The type as staff say it: the free name of an "other" item, else the type's label."""
        return self.other_kind if self.kind == EquipmentKind.OTHER else self.get_kind_display()

    @property
    def is_lendable(self) -> bool:
        """In use and in a condition to lend (whether it is lent out now is the loans' business)."""
        return self.is_active and self.condition in LENDABLE_CONDITIONS


class Reservation(models.Model):
    """A person waits for an item, or for any item of a type, from a date."""

    CENTRE_LOOKUP = "centre"
    PERSONAL_DATA = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    centre = models.ForeignKey(
        Centre,
        on_delete=models.PROTECT,
        related_name="equipment_reservations",
        verbose_name=_("centre"),
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="equipment_reservations",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("type"), max_length=24, choices=EquipmentKind.choices)
    item = models.ForeignKey(
        Item,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reservations",
        verbose_name=_("item"),
        help_text=_("Empty: any item of the type will do."),
    )
    wanted_from = models.DateField(_("needed from"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ReservationStatus.choices,
        default=ReservationStatus.WAITING,
    )
    loan = models.OneToOneField(
        "Loan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reservation",
        verbose_name=_("loan"),
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["wanted_from", "created_at"]
        verbose_name = _("equipment reservation")
        verbose_name_plural = _("equipment reservations")
        indexes = [
            models.Index(fields=["centre", "status", "wanted_from"]),
            models.Index(fields=["centre", "status", "kind"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=ReservationStatus.CANCELLED, cancelled_at__isnull=False)
                | (~Q(status=ReservationStatus.CANCELLED) & Q(cancelled_at__isnull=True)),
                name="equipment_reservation_cancelled_with_time",
            ),
            models.CheckConstraint(
                condition=Q(status=ReservationStatus.LENT, loan__isnull=False)
                | (~Q(status=ReservationStatus.LENT) & Q(loan__isnull=True)),
                name="equipment_reservation_lent_with_loan",
            ),
            models.UniqueConstraint(
                fields=["person", "item"],
                condition=Q(status=ReservationStatus.WAITING, item__isnull=False),
                name="equipment_reservation_item_waiting_once",
                violation_error_message=_("This person is already waiting for this item."),
            ),
            models.UniqueConstraint(
                fields=["person", "kind"],
                condition=Q(status=ReservationStatus.WAITING, item__isnull=True),
                name="equipment_reservation_kind_waiting_once",
                violation_error_message=_(
                    "This person is already waiting for an item of this type."
                ),
            ),
        ]

    def __str__(self):
        what = self.item if self.item_id else self.get_kind_display()
        return f"{self.person}: {what}"

    def get_additional_data(self):
        return {"centre": str(self.centre_id)}

    @property
    def is_waiting(self) -> bool:
        return self.status == ReservationStatus.WAITING


class Loan(models.Model):
    """An item lent to a person: from ``lent_on``, due back on ``due_on``, open until returned."""

    CENTRE_LOOKUP = "centre"
    PERSONAL_DATA = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    centre = models.ForeignKey(
        Centre, on_delete=models.PROTECT, related_name="equipment_loans", verbose_name=_("centre")
    )
    item = models.ForeignKey(
        Item, on_delete=models.PROTECT, related_name="loans", verbose_name=_("item")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="equipment_loans", verbose_name=_("borrower")
    )
    lent_on = models.DateField(_("lent on"))
    due_on = models.DateField(_("due back on"))
    condition_lent = models.CharField(
        _("condition when lent"), max_length=16, choices=Condition.choices
    )
    notes = models.TextField(_("notes"), blank=True)
    lent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lent by"),
    )
    returned_on = models.DateField(_("returned on"), null=True, blank=True)
    condition_returned = models.CharField(
        _("condition when returned"), max_length=16, choices=Condition.choices, blank=True
    )
    return_notes = models.TextField(_("notes on return"), blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("taken back by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-lent_on", "-created_at"]
        verbose_name = _("equipment loan")
        verbose_name_plural = _("equipment loans")
        indexes = [
            models.Index(
                fields=["centre", "due_on"],
                condition=Q(returned_on__isnull=True),
                name="equipment_loan_open_by_due",
            ),
            models.Index(fields=["item", "-lent_on"], name="equipment_loan_item_history"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["item"],
                condition=Q(returned_on__isnull=True),
                name="equipment_loan_item_lent_once",
                violation_error_message=_(
                    "This item is already lent out: take it back before lending it again."
                ),
            ),
            models.CheckConstraint(
                condition=Q(due_on__gt=F("lent_on")),
                name="equipment_loan_due_after_lent",
                violation_error_message=_("The due date must be after the day of lending."),
            ),
            models.CheckConstraint(
                condition=Q(returned_on__isnull=True) | Q(returned_on__gte=F("lent_on")),
                name="equipment_loan_returned_after_lent",
                violation_error_message=_("An item cannot come back before it was lent."),
            ),
            models.CheckConstraint(
                condition=Q(returned_on__isnull=True, condition_returned="")
                | (Q(returned_on__isnull=False) & ~Q(condition_returned="")),
                name="equipment_loan_returned_with_condition",
                violation_error_message=_("A returned item needs its condition on return."),
            ),
        ]

    def __str__(self):
        return f"{self.item} → {self.person} ({self.lent_on:%Y-%m-%d})"

    def get_additional_data(self):
        return {"centre": str(self.centre_id)}

    @property
    def is_open(self) -> bool:
        return self.returned_on is None

    def days_overdue(self, today: dt.date | None = None) -> int:
        """Days past the due date of a loan not yet returned (0 when not overdue)."""
        if self.returned_on is not None:
            return 0
        return max(0, ((today or timezone.localdate()) - self.due_on).days)

    @property
    def is_overdue(self) -> bool:
        return self.days_overdue() > 0


class LoanReminder(models.Model):
    """A reminder e-mailed to a borrower about an overdue loan: at most one a day per loan."""

    CENTRE_LOOKUP = "loan__centre"
    PERSONAL_DATA = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    loan = models.ForeignKey(
        Loan, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("loan")
    )
    sent_on = models.DateField(_("sent on"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    sent_to = models.EmailField(_("sent to"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
        help_text=_("Empty: sent by the daily run."),
    )

    class Meta:
        ordering = ["loan", "-sent_on"]
        verbose_name = _("loan reminder")
        verbose_name_plural = _("loan reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["loan", "sent_on"],
                name="equipment_reminder_once_a_day",
                violation_error_message=_("A reminder about this loan was already sent today."),
            ),
        ]

    def __str__(self):
        return f"{self.loan}: {self.sent_on:%Y-%m-%d}"
