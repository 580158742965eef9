"""Reads about services given to people: scoped to the centre, or to the provider delivering them.

A provider organisation sees only the enrolments it delivers (whatever the centre); any other
id is a 404 for its staff.
"""

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from auditlog.models import LogEntry
from django.db.models import Prefetch, Q, QuerySet, Sum
from django.shortcuts import get_object_or_404

from opencus.core.tenancy import scope_to_centre
from opencus.core.text import fold
from opencus.enrolments.enums import DeliveryStatus
from opencus.enrolments.models import Delivery, Enrolment, EnrolmentStatusChange

CENTRE_ITSELF = "centre"  # the provider filter's value for services the centre gives itself
GROSZ = Decimal("0.01")


def money(amount: Decimal) -> Decimal:
    """PLN to the grosz, halves rounded up (as on a bill)."""
    return amount.quantize(GROSZ, rounding=ROUND_HALF_UP)


def month_bounds(month: dt.date) -> tuple[dt.date, dt.date]:
    """The first and the last day of ``month``'s month."""
    first = month.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, following - dt.timedelta(days=1)


def _name_search(queryset: QuerySet, query: str, prefix: str = "person__") -> QuerySet:
    for word in query.split()[:4]:
        queryset = queryset.filter(**{f"{prefix}search_name__contains": fold(word)})
    return queryset


# --- the centre's lists and pages ------------------------------------------------------------


def enrolment_list(
    *, centre, query: str = "", service=None, status: str = "", provider: str = ""
) -> QuerySet[Enrolment]:
    """The centre's services given, newest start first; ``provider`` is an organisation id or
    ``CENTRE_ITSELF``."""
    enrolments = scope_to_centre(
        Enrolment.objects.select_related("person", "service", "provider"), centre
    )
    enrolments = _name_search(enrolments, query.strip())
    if service is not None:
        enrolments = enrolments.filter(service=service)
    if status:
        enrolments = enrolments.filter(status=status)
    if provider == CENTRE_ITSELF:
        enrolments = enrolments.filter(provider__isnull=True)
    elif provider:
        try:
            enrolments = enrolments.filter(provider_id=uuid.UUID(str(provider)))
        except ValueError:
            enrolments = enrolments.none()
    return enrolments.order_by("-starts_on", "person__last_name", "person__first_name", "id")


def _detail(queryset: QuerySet[Enrolment]) -> QuerySet[Enrolment]:
    return queryset.select_related(
        "person", "service", "provider", "centre", "created_by"
    ).prefetch_related(
        Prefetch(
            "status_changes",
            queryset=EnrolmentStatusChange.objects.select_related("by").order_by("-at", "-id"),
        ),
    )


def get_enrolment(*, centre, enrolment_id) -> Enrolment:
    return get_object_or_404(
        _detail(scope_to_centre(Enrolment.objects.all(), centre)), pk=enrolment_id
    )


def get_delivery(*, centre, delivery_id) -> Delivery:
    return get_object_or_404(
        scope_to_centre(
            Delivery.objects.select_related("enrolment__person", "enrolment__service", "by"),
            centre,
        ),
        pk=delivery_id,
    )


def recent_deliveries(*, enrolment: Enrolment, limit: int = 50) -> list[Delivery]:
    """The latest deliveries of an enrolment (the statement has a whole month's)."""
    return list(
        enrolment.deliveries.select_related("by", "corrected_by").order_by(
            "-delivered_on", "-recorded_at"
        )[:limit]
    )


def delivery_history(*, delivery: Delivery) -> QuerySet[LogEntry]:
    """The recorded changes of one delivery: its correction history."""
    return LogEntry.objects.get_for_object(delivery).select_related("actor").order_by("-timestamp")


# --- what a provider sees --------------------------------------------------------------------


def provider_enrolment_list(
    *, organisation, query: str = "", status: str = ""
) -> QuerySet[Enrolment]:
    enrolments = Enrolment.objects.filter(provider=organisation).select_related(
        "person", "service", "centre"
    )
    enrolments = _name_search(enrolments, query.strip())
    if status:
        enrolments = enrolments.filter(status=status)
    return enrolments.order_by("person__last_name", "person__first_name", "-starts_on", "id")


def get_provider_enrolment(*, organisation, enrolment_id) -> Enrolment:
    return get_object_or_404(
        _detail(Enrolment.objects.filter(provider=organisation)), pk=enrolment_id
    )


def get_provider_delivery(*, organisation, delivery_id) -> Delivery:
    return get_object_or_404(
        Delivery.objects.filter(enrolment__provider=organisation).select_related(
            "enrolment__person", "enrolment__service", "by"
        ),
        pk=delivery_id,
    )


# --- the monthly statement and the fee list --------------------------------------------------


@dataclass(frozen=True)
class Statement:
    """One enrolment's month: what was delivered, what it is worth and what the person pays."""

    enrolment: Enrolment
    first_day: dt.date
    last_day: dt.date
    deliveries: list[Delivery]
    units: Decimal
    delivered: int
    missed: int

    @property
    def market_value(self) -> Decimal:
        return money(self.units * self.enrolment.market_value_per_unit)

    @property
    def fee(self) -> Decimal:
        return money(self.units * self.enrolment.fee_per_unit)

    @property
    def subsidy(self) -> Decimal:
        """What the public purse (or the provider) adds: the real value less the person's fee."""
        return self.market_value - self.fee


def enrolment_statement(*, enrolment: Enrolment, month: dt.date) -> Statement:
    first, last = month_bounds(month)
    deliveries = list(
        enrolment.deliveries.filter(delivered_on__range=(first, last))
        .select_related("by")
        .order_by("delivered_on", "recorded_at")
    )
    delivered = [d for d in deliveries if d.status == DeliveryStatus.DELIVERED]
    return Statement(
        enrolment=enrolment,
        first_day=first,
        last_day=last,
        deliveries=deliveries,
        units=sum((d.units for d in delivered), Decimal("0.00")),
        delivered=len(delivered),
        missed=len(deliveries) - len(delivered),
    )


@dataclass(frozen=True)
class FeeRow:
    enrolment: Enrolment
    units: Decimal

    @property
    def fee(self) -> Decimal:
        return money(self.units * self.enrolment.fee_per_unit)


def fee_list(*, centre, month: dt.date) -> QuerySet[Enrolment]:
    """The centre's fee list (lista odpłatności) for a month: every service given with a fee to
    pay for that month, ``month_units`` delivered, sorted by person."""
    first, last = month_bounds(month)
    in_month = Q(
        deliveries__delivered_on__range=(first, last),
        deliveries__status=DeliveryStatus.DELIVERED,
    )
    return (
        scope_to_centre(Enrolment.objects.select_related("person", "service"), centre)
        .filter(fee_per_unit__gt=0)
        .annotate(month_units=Sum("deliveries__units", filter=in_month))
        .filter(month_units__gt=0)
        .order_by("person__last_name", "person__first_name", "person__id", "service__name", "id")
    )


def fee_rows(enrolments: Iterable[Enrolment]) -> list[FeeRow]:
    return [FeeRow(enrolment=e, units=money(e.month_units)) for e in enrolments]  # type: ignore[attr-defined]


def fee_totals(enrolments: QuerySet[Enrolment]) -> dict[str, Decimal | int]:
    """The whole list's count, units and fees (each row rounded as it is billed), one query."""
    rows = list(enrolments.values_list("month_units", "fee_per_unit"))  # type: ignore[misc]
    return {
        "count": len(rows),
        "units": sum((money(units) for units, _fee in rows), Decimal("0.00")),
        "fee": sum((money(units * fee) for units, fee in rows), Decimal("0.00")),
    }
