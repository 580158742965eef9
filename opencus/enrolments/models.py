"""Services given to people (enrolments, *realizacja usługi*) and their deliveries.

An enrolment is one person's grant of one catalogue service: how many units per week or
month, from when to when, who delivers it and what the person pays per unit. Its terms are
copied from the service when it is granted, so that a later change of the catalogue's price
never rewrites what was agreed. Each delivered (or missed) visit is a Delivery row; the
monthly statement and the centre's fee list are sums over them.
"""

import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from opencus.catalogue.enums import Unit
from opencus.catalogue.models import Service
from opencus.enrolments.enums import (
    RUNNING_STATUSES,
    DeliveryPlace,
    DeliveryStatus,
    EndReason,
    EnrolmentStatus,
    Exemption,
    MissedReason,
    Period,
)
from opencus.people.models import Person
from opencus.providers.models import Organisation
from opencus.territory.models import Centre

ENDED_STATUSES = (EnrolmentStatus.ENDED, EnrolmentStatus.CLOSED)


class Enrolment(models.Model):
    CENTRE_LOOKUP = "centre"
    PERSONAL_DATA = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    centre = models.ForeignKey(
        Centre, on_delete=models.PROTECT, related_name="enrolments", verbose_name=_("centre")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="enrolments", verbose_name=_("person")
    )
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, related_name="enrolments", verbose_name=_("service")
    )
    # Who delivers it, copied from the service when granted; empty: the centre itself.
    provider = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="enrolments",
        verbose_name=_("provider"),
    )
    units_per_period = models.DecimalField(_("units per period"), max_digits=8, decimal_places=2)
    period = models.CharField(_("period"), max_length=8, choices=Period.choices)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("planned end"), null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=12, choices=Unit.choices)
    market_value_per_unit = models.DecimalField(
        _("real value per unit (PLN)"), max_digits=10, decimal_places=2
    )
    fee_per_unit = models.DecimalField(
        _("person's fee per unit (PLN)"), max_digits=10, decimal_places=2
    )
    exemption = models.CharField(
        _("fee exemption"), max_length=8, choices=Exemption.choices, default=Exemption.NONE
    )
    exemption_reason = models.TextField(_("reason for the exemption"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=EnrolmentStatus.choices, default=EnrolmentStatus.PLANNED
    )
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    end_reason = models.CharField(
        _("reason for ending"), max_length=20, choices=EndReason.choices, blank=True
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("granted at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("granted by"),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-starts_on", "id"]
        verbose_name = _("service given")
        verbose_name_plural = _("services given")
        indexes = [
            models.Index(fields=["centre", "status", "-starts_on"]),
            models.Index(fields=["centre", "service", "status"]),
            models.Index(fields=["centre", "provider", "status"]),
            models.Index(fields=["provider", "status", "-starts_on"]),
            # the daily task: planned ones to start, running ones past their end
            models.Index(fields=["status", "starts_on"]),
            models.Index(fields=["status", "ends_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(units_per_period__gt=0),
                name="enrolment_units_positive",
                violation_error_message=_("The number of units per period must be above zero."),
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="enrolment_ends_after_start",
                violation_error_message=_("The service cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(fee_per_unit__gte=0, fee_per_unit__lte=F("market_value_per_unit")),
                name="enrolment_fee_within_value",
                violation_error_message=_(
                    "The person's fee cannot be negative or higher than the real value of a unit."
                ),
            ),
            models.CheckConstraint(
                condition=Q(exemption=Exemption.NONE, exemption_reason="")
                | (~Q(exemption=Exemption.NONE) & ~Q(exemption_reason="")),
                name="enrolment_exemption_with_reason",
                violation_error_message=_("An exemption from the fee needs its reason."),
            ),
            models.CheckConstraint(
                condition=~Q(exemption=Exemption.FULL) | Q(fee_per_unit=0),
                name="enrolment_full_exemption_is_free",
                violation_error_message=_("A full exemption means the person pays nothing."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=ENDED_STATUSES, ended_on__isnull=False) & ~Q(end_reason="")
                | ~Q(status__in=ENDED_STATUSES) & Q(ended_on__isnull=True, end_reason=""),
                name="enrolment_ended_with_date_and_reason",
                violation_error_message=_("An ended service has its end date and reason."),
            ),
            models.UniqueConstraint(
                fields=["person", "service"],
                condition=Q(status__in=RUNNING_STATUSES),
                name="enrolment_running_once",
                violation_error_message=_("The person already has this service."),
            ),
        ]

    def __str__(self):
        return f"{self.service.name} – {self.person}"

    def get_additional_data(self):
        return {"centre": str(self.centre_id)}

    @property
    def provider_name(self) -> str:
        return self.provider.name if self.provider is not None else self.centre.name

    @property
    def subsidy_per_unit(self) -> Decimal:
        return self.market_value_per_unit - self.fee_per_unit

    @property
    def last_day(self):
        """The last day a delivery may fall on: the actual end, else the planned one."""
        return self.ended_on or self.ends_on


class EnrolmentStatusChange(models.Model):
    CENTRE_LOOKUP = "enrolment__centre"

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField(_("status"), max_length=10, choices=EnrolmentStatus.choices)
    at = models.DateTimeField(_("when"), auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    reason = models.CharField(_("reason"), max_length=500, blank=True)

    class Meta:
        ordering = ["enrolment", "at", "id"]
        verbose_name = _("status change of a service given")
        verbose_name_plural = _("status changes of services given")

    def __str__(self):
        return f"{self.enrolment_id}: {self.get_status_display()}"


class Delivery(models.Model):
    """One delivered visit, meal, hour ... of an enrolment, or a visit that did not happen.

    Carries the centre itself (as the enrolment's) so that the largest table of the system can
    be filtered, and later partitioned, by centre and date without a join.
    """

    CENTRE_LOOKUP = "centre"
    PERSONAL_DATA = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    centre = models.ForeignKey(
        Centre, on_delete=models.PROTECT, related_name="+", verbose_name=_("centre")
    )
    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.PROTECT, related_name="deliveries", verbose_name=_("service")
    )
    delivered_on = models.DateField(_("date"))
    status = models.CharField(
        _("delivered or missed"),
        max_length=10,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.DELIVERED,
    )
    units = models.DecimalField(_("units"), max_digits=6, decimal_places=2)
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), null=True, blank=True)
    where = models.CharField(_("where"), max_length=12, choices=DeliveryPlace.choices)
    missed_reason = models.CharField(
        _("why it was missed"), max_length=20, choices=MissedReason.choices, blank=True
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    corrected_at = models.DateTimeField(_("corrected at"), null=True, blank=True)
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("corrected by"),
    )

    class Meta:
        ordering = ["-delivered_on", "-recorded_at"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        indexes = [
            models.Index(fields=["centre", "delivered_on"]),
            models.Index(fields=["enrolment", "delivered_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=DeliveryStatus.DELIVERED, units__gt=0, missed_reason="")
                | Q(status=DeliveryStatus.MISSED, units=0) & ~Q(missed_reason=""),
                name="delivery_units_match_status",
                violation_error_message=_(
                    "A delivered visit counts more than zero units; a missed one counts none and "
                    "says why."
                ),
            ),
            models.CheckConstraint(
                condition=Q(duration_minutes__isnull=True)
                | Q(duration_minutes__gt=0, duration_minutes__lte=24 * 60),
                name="delivery_duration_within_a_day",
                violation_error_message=_("The duration is between 1 minute and 24 hours."),
            ),
        ]

    def __str__(self):
        return f"{self.delivered_on:%Y-%m-%d} {self.get_status_display()} ({self.units})"

    def get_additional_data(self):
        return {"centre": str(self.centre_id)}
