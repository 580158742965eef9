"""Writes about services given to people: granting one, its status (state machine G), deliveries.

Other apps grant services through ``enrolment_create`` (qualification, individual plans) and
listen to ``enrolment_ended`` (a freed place on a waiting list). One transaction per write;
the history (django-auditlog and ``EnrolmentStatusChange``) is attributed to ``by``.
"""

import datetime as dt
import logging
from decimal import Decimal, InvalidOperation
from typing import Any

import django.dispatch
from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencus.catalogue.enums import ServiceStatus
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
from opencus.enrolments.models import Delivery, Enrolment, EnrolmentStatusChange

logger = logging.getLogger(__name__)

# Sent inside the transaction that ends an enrolment, once per enrolment: kwargs ``enrolment``
# (ended, saved) and ``by`` (the user, or None for the daily task). A receiver that fails rolls
# the ending back; one with side effects outside the database should use on_commit.
enrolment_ended = django.dispatch.Signal()

MSG_OTHER_CENTRE = _("The person and the service belong to different centres.")
MSG_PERSON_MERGED = _("This person's record was merged into another: use the kept record.")
MSG_MERGE_SAME_SERVICE = _(
    "Both records have “%(service)s” running: end one of the two services given before merging."
)
MSG_SERVICE_NOT_PUBLISHED = _(
    "Only a published service can be given; this one is %(status)s in the catalogue."
)
MSG_ALREADY_ENROLLED = _("The person already has this service (planned, active or suspended).")
MSG_UNITS_POSITIVE = _("The number of units must be above zero.")
MSG_UNITS_NOT_A_NUMBER = _("The number of units must be a number, e.g. 1 or 1.5.")
MSG_BAD_PERIOD = _("Choose the period: per week or per month.")
MSG_ENDS_BEFORE_START = _("The service cannot end before it starts.")
MSG_ENDS_IN_PAST = _("The planned end date has already passed.")
MSG_BAD_EXEMPTION = _("Choose no exemption, a partial or a full exemption.")
MSG_EXEMPTION_REASON = _("Give the reason for the exemption from the fee.")
MSG_REASON_WITHOUT_EXEMPTION = _(
    "There is no exemption: leave its reason empty, or choose a partial or full exemption."
)
MSG_NOTHING_TO_EXEMPT = _("This service is free: there is no fee to be partly exempted from.")
MSG_PARTIAL_FEE_NEEDED = _("A partial exemption needs the fee per unit the person will pay.")
MSG_PARTIAL_FEE_RANGE = _(
    "With a partial exemption the fee is above 0 and below the resident's price (%(price)s PLN)."
)
MSG_FEE_ONLY_WITH_PARTIAL = _("A fee of its own is set only with a partial exemption.")

MSG_START_NOT_PLANNED = _("Only a planned service can start; this one is %(status)s.")
MSG_START_TOO_EARLY = _("This service starts on %(date)s; it cannot start before that day.")
MSG_SUSPEND_NOT_ACTIVE = _("Only an active service can be suspended; this one is %(status)s.")
MSG_SUSPEND_REASON = _("Say why the service is suspended (e.g. a stay in hospital).")
MSG_RESUME_NOT_SUSPENDED = _("Only a suspended service can be resumed; this one is %(status)s.")
MSG_RESUME_AFTER_END = _(
    "The planned end (%(date)s) has passed while the service was suspended: end it instead."
)
MSG_END_NOT_RUNNING = _("This service is %(status)s: it has already ended.")
MSG_BAD_END_REASON = _("Choose why the service ends.")
MSG_END_OTHER_NOTE = _("Describe the reason for ending in the note.")
MSG_END_IN_FUTURE = _("The end date cannot be in the future.")
MSG_END_BEFORE_START = _("The end date cannot be earlier than the start (%(date)s).")
MSG_END_AFTER_PLANNED = _("The end date cannot be later than the planned end (%(date)s).")
MSG_END_BEFORE_LAST_DELIVERY = _(
    "A delivery is recorded on %(date)s: the service cannot end before it."
)
MSG_CLOSE_NOT_ENDED = _(
    "Only an ended service can be closed (when its fees are settled); this one is %(status)s."
)

MSG_DELIVERY_NOT_ACTIVE = _(
    "Deliveries are recorded only while the service is active; this one is %(status)s."
)
MSG_DELIVERY_IN_FUTURE = _("A delivery cannot be recorded for a day that has not come yet.")
MSG_DELIVERY_BEFORE_START = _("The service starts on %(date)s: a delivery cannot be earlier.")
MSG_DELIVERY_AFTER_END = _("The service ends on %(date)s: a delivery cannot be later.")
MSG_DELIVERY_UNITS = _("Give the units delivered: a number above zero.")
MSG_MISSED_REASON = _("Say why the visit was missed.")
MSG_MISSED_OTHER_NOTE = _("Describe in the note why the visit was missed.")
MSG_BAD_DELIVERY_STATUS = _("Choose whether it was delivered or missed.")
MSG_BAD_PLACE = _("Choose where it was delivered.")
MSG_BAD_DURATION = _("The duration is between 1 minute and 24 hours.")
MSG_CLOSED_IS_FINAL = _(
    "This service is closed (its fees are settled): its deliveries can no longer change."
)

DELIVERY_FIELDS = frozenset(
    {"delivered_on", "status", "units", "duration_minutes", "where", "missed_reason", "note"}
)


def _today() -> dt.date:
    return timezone.localdate()


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise ValidationError(MSG_UNITS_NOT_A_NUMBER) from None
    if not number.is_finite():
        raise ValidationError(MSG_UNITS_NOT_A_NUMBER)
    # Written to the grosz (or the hundredth of a unit), as stored; finer input is left for
    # the model's own check of decimal places to refuse.
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent > -2:
        number = number.quantize(Decimal("0.01"))
    return number


def _status_label(status: str) -> str:
    return str(EnrolmentStatus(status).label)


def _raise(errors: dict[str, list]) -> None:
    if errors:
        raise ValidationError(errors)


# --- granting --------------------------------------------------------------------------------


def enrolment_fee(
    *, service, exemption: str, exemption_reason: str = "", fee_per_unit=None
) -> Decimal:
    """The fee per unit the person pays: the service's resident price, 0 with a full exemption,
    or the given lower fee with a partial one. Raises ValidationError keyed by field."""
    errors: dict[str, list] = {}
    price = service.resident_price
    try:
        own_fee = _decimal(fee_per_unit)
    except ValidationError as exc:
        raise ValidationError({"fee_per_unit": exc.messages}) from None
    fee = price
    if exemption not in Exemption.values:
        errors["exemption"] = [MSG_BAD_EXEMPTION]
    elif exemption == Exemption.NONE:
        if exemption_reason.strip():
            errors["exemption_reason"] = [MSG_REASON_WITHOUT_EXEMPTION]
        if own_fee is not None and own_fee != price:
            errors["fee_per_unit"] = [MSG_FEE_ONLY_WITH_PARTIAL]
    else:
        if not exemption_reason.strip():
            errors["exemption_reason"] = [MSG_EXEMPTION_REASON]
        if exemption == Exemption.FULL:
            # Also on a free service: nothing to pay either way, and the reason is kept.
            if own_fee not in (None, Decimal(0)):
                errors["fee_per_unit"] = [MSG_FEE_ONLY_WITH_PARTIAL]
            fee = Decimal("0.00")
        elif price == 0:
            errors["exemption"] = [MSG_NOTHING_TO_EXEMPT]
        elif own_fee is None:
            errors["fee_per_unit"] = [MSG_PARTIAL_FEE_NEEDED]
        elif not Decimal(0) < own_fee < price:
            errors["fee_per_unit"] = [
                ValidationError(MSG_PARTIAL_FEE_RANGE, params={"price": price})
            ]
        else:
            fee = own_fee
    _raise(errors)
    return fee


@transaction.atomic
def enrolment_create(
    *,
    person,
    service,
    by,
    starts_on: dt.date,
    units_per_period,
    period: str,
    ends_on: dt.date | None = None,
    exemption: str = Exemption.NONE,
    exemption_reason: str = "",
    note: str = "",
    fee_per_unit=None,
) -> Enrolment:
    """Give ``person`` the catalogue ``service``: its provider, unit, real value and price are
    copied from the service now. Active at once when it starts today or earlier, else planned.

    ``fee_per_unit`` is only for a partial exemption (the lower fee the person pays).
    """
    if person.centre_id != service.centre_id:
        raise ValidationError({"service": MSG_OTHER_CENTRE})
    if person.merged_into_id is not None:
        raise ValidationError({"person": MSG_PERSON_MERGED})
    if service.status != ServiceStatus.PUBLISHED:
        raise ValidationError(
            {
                "service": ValidationError(
                    MSG_SERVICE_NOT_PUBLISHED,
                    params={"status": ServiceStatus(service.status).label},
                )
            }
        )
    errors: dict[str, list] = {}
    try:
        units = _decimal(units_per_period)
    except ValidationError as exc:
        errors["units_per_period"] = exc.messages
        units = None
    else:
        if units is None or units <= 0:
            errors["units_per_period"] = [MSG_UNITS_POSITIVE]
    if period not in Period.values:
        errors["period"] = [MSG_BAD_PERIOD]
    if ends_on is not None:
        if ends_on < starts_on:
            errors["ends_on"] = [MSG_ENDS_BEFORE_START]
        elif ends_on < _today():
            errors["ends_on"] = [MSG_ENDS_IN_PAST]
    try:
        fee = enrolment_fee(
            service=service,
            exemption=exemption,
            exemption_reason=exemption_reason,
            fee_per_unit=fee_per_unit,
        )
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
        fee = service.resident_price
    if Enrolment.objects.filter(
        person=person, service=service, status__in=RUNNING_STATUSES
    ).exists():
        errors.setdefault("service", []).append(MSG_ALREADY_ENROLLED)
    _raise(errors)
    assert units is not None  # no errors: the units were read
    status = EnrolmentStatus.ACTIVE if starts_on <= _today() else EnrolmentStatus.PLANNED
    with set_actor(by):
        enrolment = Enrolment(
            centre_id=service.centre_id,
            person=person,
            service=service,
            provider_id=service.provider_id,
            units_per_period=units,
            period=period,
            starts_on=starts_on,
            ends_on=ends_on,
            unit=service.unit,
            market_value_per_unit=service.market_value,
            fee_per_unit=fee,
            exemption=exemption,
            exemption_reason=exemption_reason.strip(),
            status=status,
            note=note,
            created_by=by,
        )
        # The constraints are the rules checked above; the one-at-a-time rule is the
        # database's to decide between simultaneous grants (below).
        enrolment.full_clean(validate_constraints=False)
        try:
            # The database decides between two simultaneous grants of the same service.
            with transaction.atomic():
                enrolment.save()
        except IntegrityError:
            raise ValidationError({"service": MSG_ALREADY_ENROLLED}) from None
        EnrolmentStatusChange.objects.create(enrolment=enrolment, status=status, by=by)
    return enrolment


# --- the status machine (G) ------------------------------------------------------------------


def _locked(enrolment: Enrolment) -> Enrolment:
    return Enrolment.objects.select_for_update().get(pk=enrolment.pk)


def _set_status(
    enrolment: Enrolment, status: str, by, reason: str = "", fields: tuple[str, ...] = ()
) -> Enrolment:
    with set_actor(by):
        enrolment.status = status
        enrolment.save(update_fields=["status", "updated_at", *fields])
        EnrolmentStatusChange.objects.create(
            enrolment=enrolment, status=status, by=by, reason=reason.strip()[:500]
        )
    return enrolment


def _refuse(message, enrolment: Enrolment, **params) -> None:
    raise ValidationError(message, params={"status": _status_label(enrolment.status), **params})


@transaction.atomic
def enrolment_start(*, enrolment: Enrolment, by, reason: str = "") -> Enrolment:
    enrolment = _locked(enrolment)
    if enrolment.status != EnrolmentStatus.PLANNED:
        _refuse(MSG_START_NOT_PLANNED, enrolment)
    if enrolment.starts_on > _today():
        raise ValidationError(MSG_START_TOO_EARLY, params={"date": enrolment.starts_on})
    return _set_status(enrolment, EnrolmentStatus.ACTIVE, by, reason)


@transaction.atomic
def enrolment_suspend(*, enrolment: Enrolment, by, reason: str) -> Enrolment:
    """Pause the service (a stay in hospital, an absence); deliveries cannot be recorded."""
    enrolment = _locked(enrolment)
    if enrolment.status != EnrolmentStatus.ACTIVE:
        _refuse(MSG_SUSPEND_NOT_ACTIVE, enrolment)
    if not reason.strip():
        raise ValidationError({"reason": MSG_SUSPEND_REASON})
    return _set_status(enrolment, EnrolmentStatus.SUSPENDED, by, reason)


@transaction.atomic
def enrolment_resume(*, enrolment: Enrolment, by, reason: str = "") -> Enrolment:
    enrolment = _locked(enrolment)
    if enrolment.status != EnrolmentStatus.SUSPENDED:
        _refuse(MSG_RESUME_NOT_SUSPENDED, enrolment)
    if enrolment.ends_on is not None and enrolment.ends_on < _today():
        raise ValidationError(MSG_RESUME_AFTER_END, params={"date": enrolment.ends_on})
    return _set_status(enrolment, EnrolmentStatus.ACTIVE, by, reason)


@transaction.atomic
def enrolment_end(
    *,
    enrolment: Enrolment,
    by,
    end_reason: str,
    ended_on: dt.date | None = None,
    note: str = "",
) -> Enrolment:
    """End the service (planned, active or suspended) and send ``enrolment_ended``.

    The end date is not in the future, not before the start (unless it never started), not
    after the planned end, and not before a recorded delivery.
    """
    enrolment = _locked(enrolment)
    if enrolment.status not in RUNNING_STATUSES:
        _refuse(MSG_END_NOT_RUNNING, enrolment)
    ended_on = ended_on or _today()
    errors: dict[str, list] = {}
    if end_reason not in EndReason.values:
        errors["end_reason"] = [MSG_BAD_END_REASON]
    elif end_reason == EndReason.OTHER and not note.strip():
        errors["note"] = [MSG_END_OTHER_NOTE]
    if ended_on > _today():
        errors["ended_on"] = [MSG_END_IN_FUTURE]
    elif enrolment.status != EnrolmentStatus.PLANNED and ended_on < enrolment.starts_on:
        errors["ended_on"] = [
            ValidationError(MSG_END_BEFORE_START, params={"date": enrolment.starts_on})
        ]
    elif enrolment.ends_on is not None and ended_on > enrolment.ends_on:
        errors["ended_on"] = [
            ValidationError(MSG_END_AFTER_PLANNED, params={"date": enrolment.ends_on})
        ]
    else:
        last = enrolment.deliveries.aggregate(last=Max("delivered_on"))["last"]
        if last is not None and ended_on < last:
            errors["ended_on"] = [
                ValidationError(MSG_END_BEFORE_LAST_DELIVERY, params={"date": last})
            ]
    _raise(errors)
    enrolment.ended_on, enrolment.end_reason = ended_on, end_reason
    _set_status(enrolment, EnrolmentStatus.ENDED, by, note, fields=("ended_on", "end_reason"))
    enrolment_ended.send(sender=Enrolment, enrolment=enrolment, by=by)
    return enrolment


@transaction.atomic
def enrolment_close(*, enrolment: Enrolment, by, reason: str = "") -> Enrolment:
    """Close an ended service once its fees are settled: its deliveries are final from now."""
    enrolment = _locked(enrolment)
    if enrolment.status != EnrolmentStatus.ENDED:
        _refuse(MSG_CLOSE_NOT_ENDED, enrolment)
    return _set_status(enrolment, EnrolmentStatus.CLOSED, by, reason)


def enrolments_start_due(*, by=None) -> dict[str, int]:
    """The daily run: start planned services whose day has come, end those past their planned
    end (reason: the period ended). One transaction per service, so one failure stops nothing
    else; returns how many started and ended."""
    today = _today()
    done = {"started": 0, "ended": 0, "failed": 0}
    due = Enrolment.objects.filter(status=EnrolmentStatus.PLANNED, starts_on__lte=today).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=today)
    )
    over = Enrolment.objects.filter(status__in=RUNNING_STATUSES, ends_on__lt=today)
    for enrolment in due.only("pk").order_by("starts_on", "pk"):
        try:
            enrolment_start(enrolment=enrolment, by=by)
        except ValidationError:
            logger.exception("enrolment %s could not start", enrolment.pk)
            done["failed"] += 1
        else:
            done["started"] += 1
    for enrolment in over.only("pk", "ends_on").order_by("ends_on", "pk"):
        try:
            enrolment_end(
                enrolment=enrolment,
                by=by,
                end_reason=EndReason.PERIOD_END,
                ended_on=enrolment.ends_on,
            )
        except ValidationError:
            logger.exception("enrolment %s could not end", enrolment.pk)
            done["failed"] += 1
        else:
            done["ended"] += 1
    return done


# --- deliveries ------------------------------------------------------------------------------


def default_place(service) -> str:
    """Where a delivery of ``service`` usually happens."""
    if service.at_home or service.mobile:
        return DeliveryPlace.AT_HOME
    if service.at_location:
        return DeliveryPlace.AT_LOCATION
    return DeliveryPlace.REMOTE


def _clean_delivery(enrolment: Enrolment, fields: dict) -> dict:
    """The delivery's fields checked against the enrolment's dates; a missed visit counts 0."""
    errors: dict[str, list] = {}
    status = fields.get("status") or DeliveryStatus.DELIVERED
    on = fields["delivered_on"]
    if status not in DeliveryStatus.values:
        errors["status"] = [MSG_BAD_DELIVERY_STATUS]
    if on > _today():
        errors["delivered_on"] = [MSG_DELIVERY_IN_FUTURE]
    elif on < enrolment.starts_on:
        errors["delivered_on"] = [
            ValidationError(MSG_DELIVERY_BEFORE_START, params={"date": enrolment.starts_on})
        ]
    elif enrolment.last_day is not None and on > enrolment.last_day:
        errors["delivered_on"] = [
            ValidationError(MSG_DELIVERY_AFTER_END, params={"date": enrolment.last_day})
        ]
    if fields.get("where") not in DeliveryPlace.values:
        errors["where"] = [MSG_BAD_PLACE]
    duration = fields.get("duration_minutes")
    if duration is not None and not 0 < duration <= 24 * 60:
        errors["duration_minutes"] = [MSG_BAD_DURATION]
    note = (fields.get("note") or "").strip()
    reason = fields.get("missed_reason") or ""
    units: Decimal | None = Decimal(0)
    if status == DeliveryStatus.MISSED:
        if reason not in MissedReason.values:
            errors["missed_reason"] = [MSG_MISSED_REASON]
        elif reason == MissedReason.OTHER and not note:
            errors["note"] = [MSG_MISSED_OTHER_NOTE]
    else:
        reason = ""
        try:
            units = _decimal(fields.get("units"))
        except ValidationError:
            units = None
        if units is None or units <= 0:
            errors["units"] = [MSG_DELIVERY_UNITS]
    _raise(errors)
    return {
        "delivered_on": on,
        "status": status,
        "units": units,
        "duration_minutes": duration,
        "where": fields["where"],
        "missed_reason": reason,
        "note": note,
    }


@transaction.atomic
def delivery_record(
    *,
    enrolment: Enrolment,
    by,
    delivered_on: dt.date,
    status: str = DeliveryStatus.DELIVERED,
    units=None,
    duration_minutes: int | None = None,
    where: str | None = None,
    missed_reason: str = "",
    note: str = "",
) -> Delivery:
    """Record a delivered (or missed) visit of an active service, on a day of its period that
    has come. A missed visit counts 0 units and says why."""
    enrolment = Enrolment.objects.select_for_update().select_related("service").get(pk=enrolment.pk)
    if enrolment.status != EnrolmentStatus.ACTIVE:
        _refuse(MSG_DELIVERY_NOT_ACTIVE, enrolment)
    fields = _clean_delivery(
        enrolment,
        {
            "delivered_on": delivered_on,
            "status": status,
            "units": units,
            "duration_minutes": duration_minutes,
            "where": where or default_place(enrolment.service),
            "missed_reason": missed_reason,
            "note": note,
        },
    )
    with set_actor(by):
        delivery = Delivery(centre_id=enrolment.centre_id, enrolment=enrolment, by=by, **fields)
        delivery.full_clean()
        delivery.save()
    return delivery


@transaction.atomic
def delivery_update(*, delivery: Delivery, by, **fields) -> Delivery:
    """Correct a delivery (kept in the history); possible until the service is closed."""
    unknown = set(fields) - DELIVERY_FIELDS
    if unknown:
        raise ValueError(f"unknown delivery fields {sorted(unknown)}")
    enrolment = _locked(delivery.enrolment)
    if enrolment.status == EnrolmentStatus.CLOSED:
        raise ValidationError(MSG_CLOSED_IS_FINAL)
    delivery = Delivery.objects.select_for_update().get(pk=delivery.pk)
    current = {name: getattr(delivery, name) for name in DELIVERY_FIELDS}
    cleaned = _clean_delivery(enrolment, {**current, **fields})
    with set_actor(by):
        for name, value in cleaned.items():
            setattr(delivery, name, value)
        delivery.corrected_at, delivery.corrected_by = timezone.now(), by
        delivery.full_clean()
        delivery.save()
    return delivery


@transaction.atomic
def delivery_delete(*, delivery: Delivery, by) -> None:
    """Remove a delivery recorded by mistake (the history keeps it); not once closed."""
    enrolment = _locked(delivery.enrolment)
    if enrolment.status == EnrolmentStatus.CLOSED:
        raise ValidationError(MSG_CLOSED_IS_FINAL)
    with set_actor(by):
        delivery.delete()


@transaction.atomic
def person_records_move(*, keep, duplicate, by) -> None:
    """Move the services given of ``duplicate`` to ``keep`` (for people.person_merge), with
    their deliveries. The same service running on both records is refused: the centre ends
    one of them first, so that nobody gets a service twice."""
    running = Enrolment.objects.filter(person=keep, status__in=RUNNING_STATUSES).values(
        "service_id"
    )
    clash = (
        Enrolment.objects.filter(
            person=duplicate, status__in=RUNNING_STATUSES, service_id__in=running
        )
        .select_related("service")
        .first()
    )
    if clash is not None:
        raise ValidationError(MSG_MERGE_SAME_SERVICE, params={"service": clash.service.name})
    with set_actor(by):
        for enrolment in Enrolment.objects.select_for_update().filter(person=duplicate):
            enrolment.person = keep
            enrolment.save(update_fields=["person", "updated_at"])
