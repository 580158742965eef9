"""Writes of the catalogue. Each is one transaction, attributes its history to ``by``, and
keeps the search index in step with the service."""

from collections.abc import Iterable
from decimal import Decimal

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencus.catalogue.cache import catalogue_changed
from opencus.catalogue.enums import SERVICE_STATUS_TRANSITIONS, AccessMode, FeeKind, ServiceStatus
from opencus.catalogue.models import (
    Location,
    Schedule,
    Service,
    ServiceDocument,
    ServiceLocation,
    ServiceStatusChange,
    Term,
)
from opencus.catalogue.search import index_service
from opencus.territory.models import Gmina, InterMunicipalAgreement

MSG_FREE_PRICE = _("A free service costs the resident 0 PLN.")
MSG_COFINANCED_PRICE = _(
    "A co-financed service costs the resident more than 0 and less than its real value."
)
MSG_PAID_PRICE = _("A paid service costs the resident its real value.")
MSG_PAID_VALUE = _("Give the real value of a paid service: it cannot be 0.")
MSG_AGE_RANGE = _("The maximum age cannot be lower than the minimum age.")
MSG_NO_DELIVERY = _("Say how the service is delivered: at least one way.")
MSG_GMINA_NOT_ALLOWED = _(
    "Residents of %(gminas)s can use the service only if the centre serves the gmina or an "
    "inter-municipal agreement binds it to the centre's gminas."
)
MSG_CAPACITY_PERIOD = _("Give the capacity together with its period.")
MSG_NEED_AREA = _("Choose at least one area.")
MSG_NEED_GROUP = _("Choose at least one target group.")
MSG_NEED_RESIDENTS = _("Choose the gminas whose residents may use the service.")
MSG_STATUS_NOT_ALLOWED = _("A service cannot go from “%(current)s” to “%(new)s”.")
MSG_PUBLISH_NO_LOCATION = _(
    "A service given at a place needs at least one location before it is published."
)
MSG_PUBLISH_NO_CONTACT = _("Say how to apply or give a phone or e-mail before publishing.")
MSG_LOCATION_OTHER_CENTRE = _("This location belongs to another centre.")
MSG_SCHEDULE_ORDER = _("The closing time must be later than the opening time.")
MSG_SCHEDULE_OTHER_SERVICE = _("This place is not one of the service's locations.")

# The fields of a service that staff edit, in the order a form shows them.
EDITABLE_SERVICE_FIELDS = (
    "name",
    "summary",
    "description",
    "provider",
    "at_home",
    "at_location",
    "mobile",
    "remote",
    "access_mode",
    "min_age",
    "max_age",
    "eligibility_notes",
    "fee_kind",
    "unit",
    "market_value",
    "resident_price",
    "fee_notes",
    "capacity",
    "capacity_period",
    "how_to_apply",
    "phone",
    "email",
    "website",
)
SERVICE_FIELDS = frozenset({*EDITABLE_SERVICE_FIELDS, "is_demo"})
SERVICE_RELATIONS = frozenset(
    {"areas", "target_groups", "needs", "funding", "residents_of", "documents"}
)


def allowed_resident_gminas(centre) -> QuerySet[Gmina]:
    """The centre's own gminas and every gmina in an agreement with one of them or the centre."""
    own = centre.gminas.values("code")
    agreements = InterMunicipalAgreement.objects.filter(
        Q(centre=centre) | Q(parties__in=own)
    ).values("pk")
    return Gmina.objects.filter(Q(centres=centre) | Q(agreements__in=agreements)).distinct()


def validate_fee(
    *, fee_kind: str, market_value: Decimal | None, resident_price: Decimal | None
) -> dict:
    errors: dict[str, list] = {}
    if market_value is None or resident_price is None:
        return errors
    if fee_kind == FeeKind.FREE and resident_price != 0:
        errors["resident_price"] = [MSG_FREE_PRICE]
    elif fee_kind == FeeKind.COFINANCED and not (0 < resident_price < market_value):
        errors["resident_price"] = [MSG_COFINANCED_PRICE]
    elif fee_kind == FeeKind.PAID:
        if market_value <= 0:
            errors["market_value"] = [MSG_PAID_VALUE]
        elif resident_price != market_value:
            errors["resident_price"] = [MSG_PAID_PRICE]
    return errors


def validate_service(*, centre, fields: dict, relations: dict) -> None:
    """Every rule a service must keep, with messages keyed by field."""
    errors: dict[str, list] = validate_fee(
        fee_kind=fields.get("fee_kind", ""),
        market_value=fields.get("market_value"),
        resident_price=fields.get("resident_price"),
    )
    if not any(fields.get(mode) for mode in ("at_home", "at_location", "mobile", "remote")):
        errors.setdefault("at_home", []).append(MSG_NO_DELIVERY)
    lo, hi = fields.get("min_age"), fields.get("max_age")
    if lo is not None and hi is not None and hi < lo:
        errors.setdefault("max_age", []).append(MSG_AGE_RANGE)
    if (fields.get("capacity") is None) != (not fields.get("capacity_period")):
        errors.setdefault("capacity_period", []).append(MSG_CAPACITY_PERIOD)
    if not relations.get("areas"):
        errors.setdefault("areas", []).append(MSG_NEED_AREA)
    if not relations.get("target_groups"):
        errors.setdefault("target_groups", []).append(MSG_NEED_GROUP)
    residents = list(relations.get("residents_of") or [])
    if not residents:
        errors.setdefault("residents_of", []).append(MSG_NEED_RESIDENTS)
    else:
        allowed = set(allowed_resident_gminas(centre).values_list("code", flat=True))
        outside = [g.name for g in residents if g.code not in allowed]
        if outside:
            errors.setdefault("residents_of", []).append(
                ValidationError(MSG_GMINA_NOT_ALLOWED, params={"gminas": ", ".join(outside)})
            )
    if errors:
        raise ValidationError(errors)


def _set_relations(service: Service, relations: dict) -> None:
    for name in ("areas", "target_groups", "needs", "funding", "residents_of"):
        if name in relations:
            getattr(service, name).set(relations[name])
    if "documents" in relations:
        wanted = set(relations["documents"])
        service.documents.exclude(kind__in=wanted).delete()
        have = set(service.documents.values_list("kind", flat=True))
        ServiceDocument.objects.bulk_create(
            [ServiceDocument(service=service, kind=k) for k in wanted - have]
        )


def _split(data: dict) -> tuple[dict, dict]:
    unknown = set(data) - SERVICE_FIELDS - SERVICE_RELATIONS
    if unknown:
        raise ValueError(f"unknown service fields {sorted(unknown)}")
    return (
        {k: v for k, v in data.items() if k in SERVICE_FIELDS},
        {k: v for k, v in data.items() if k in SERVICE_RELATIONS},
    )


@transaction.atomic
def service_create(*, centre, by, **data) -> Service:
    """A new service, as a draft. ``residents_of`` defaults to the centre's own gminas."""
    fields, relations = _split(data)
    relations.setdefault("residents_of", list(centre.gminas.all()))
    validate_service(centre=centre, fields=fields, relations=relations)
    catalogue_changed()
    with set_actor(by):
        service = Service(
            centre=centre,
            status=ServiceStatus.DRAFT,
            status_changed_at=timezone.now(),
            status_changed_by=by,
            **fields,
        )
        service.full_clean(exclude=["areas", "target_groups", "needs", "funding", "residents_of"])
        service.save()
        _set_relations(service, relations)
        ServiceStatusChange.objects.create(service=service, status=ServiceStatus.DRAFT, by=by)
        index_service(service)
    return service


@transaction.atomic
def service_update(*, service: Service, by, **data) -> Service:
    fields, relations = _split(data)
    service = Service.objects.select_for_update().get(pk=service.pk)
    current_fields = {f: getattr(service, f) for f in SERVICE_FIELDS}
    current_relations = {
        "areas": list(service.areas.all()),
        "target_groups": list(service.target_groups.all()),
        "residents_of": list(service.residents_of.all()),
    }
    validate_service(
        centre=service.centre,
        fields={**current_fields, **fields},
        relations={**current_relations, **relations},
    )
    catalogue_changed()
    with set_actor(by):
        for name, value in fields.items():
            setattr(service, name, value)
        service.full_clean(exclude=["areas", "target_groups", "needs", "funding", "residents_of"])
        service.save(update_fields=[*fields, "updated_at"])
        _set_relations(service, relations)
        index_service(service)
    return service


@transaction.atomic
def service_set_provider(*, service: Service, provider, by) -> Service:
    """Make ``provider`` (an organisation, or None: the centre itself) the one who gives the
    service, e.g. when a contract for it is signed; the history, the search index and the
    public caches follow."""
    service = Service.objects.select_for_update().get(pk=service.pk)
    if service.provider_id == (provider.pk if provider is not None else None):
        return service
    catalogue_changed()
    with set_actor(by):
        service.provider = provider
        service.save(update_fields=["provider", "updated_at"])
        index_service(service)
    return service


def publish_problems(service: Service) -> list:
    """What stops a draft from being published (empty when it may be)."""
    problems = []
    if service.at_location and not service.service_locations.exists():
        problems.append(MSG_PUBLISH_NO_LOCATION)
    if (
        not (service.how_to_apply or service.phone or service.email)
        and service.access_mode != AccessMode.OPEN
    ):
        problems.append(MSG_PUBLISH_NO_CONTACT)
    return problems


@transaction.atomic
def service_change_status(*, service: Service, by, status: str, note: str = "") -> Service:
    """Publish, suspend, republish or archive a service; who and when are kept."""
    service = Service.objects.select_for_update().get(pk=service.pk)
    if status not in SERVICE_STATUS_TRANSITIONS[service.status]:
        raise ValidationError(
            MSG_STATUS_NOT_ALLOWED,
            params={
                "current": ServiceStatus(service.status).label,
                "new": ServiceStatus(status).label,
            },
        )
    if status == ServiceStatus.PUBLISHED:
        problems = publish_problems(service)
        if problems:
            raise ValidationError(problems)
    catalogue_changed()
    with set_actor(by):
        service.status, service.status_changed_at, service.status_changed_by = (
            status,
            timezone.now(),
            by,
        )
        service.save(
            update_fields=["status", "status_changed_at", "status_changed_by", "updated_at"]
        )
        ServiceStatusChange.objects.create(service=service, status=status, by=by, note=note)
    return service


LOCATION_FIELDS = frozenset(
    {
        "name",
        "street",
        "postal_code",
        "city",
        "gmina",
        "latitude",
        "longitude",
        "wheelchair_access",
        "accessible_toilet",
        "hearing_loop",
        "parking",
        "accessibility_notes",
        "transport_notes",
        "is_demo",
    }
)


@transaction.atomic
def location_save(*, centre, by, location: Location | None = None, **fields) -> Location:
    unknown = set(fields) - LOCATION_FIELDS
    if unknown:
        raise ValueError(f"unknown location fields {sorted(unknown)}")
    catalogue_changed()
    with set_actor(by):
        if location is None:
            location = Location(centre=centre)
        elif location.centre_id != centre.pk:
            raise ValidationError(MSG_LOCATION_OTHER_CENTRE)
        for name, value in fields.items():
            setattr(location, name, value)
        location.full_clean()
        location.save()
    return location


@transaction.atomic
def service_location_add(
    *, service: Service, location: Location, by, description: str = ""
) -> ServiceLocation:
    if location.centre_id != service.centre_id:
        raise ValidationError({"location": MSG_LOCATION_OTHER_CENTRE})
    catalogue_changed()
    with set_actor(by):
        link, _created = ServiceLocation.objects.get_or_create(
            service=service, location=location, defaults={"description": description}
        )
        Service.objects.filter(pk=service.pk).update(updated_at=timezone.now())
    return link


@transaction.atomic
def service_location_remove(*, link: ServiceLocation, by) -> None:
    catalogue_changed()
    with set_actor(by):
        Service.objects.filter(pk=link.service_id).update(updated_at=timezone.now())
        link.delete()


@transaction.atomic
def schedule_add(
    *,
    service: Service,
    by,
    weekday: str,
    opens_at,
    closes_at,
    service_location: ServiceLocation | None = None,
    note: str = "",
) -> Schedule:
    errors: dict[str, list] = {}
    if closes_at <= opens_at:
        errors["closes_at"] = [MSG_SCHEDULE_ORDER]
    if service_location is not None and service_location.service_id != service.pk:
        errors["service_location"] = [MSG_SCHEDULE_OTHER_SERVICE]
    if errors:
        raise ValidationError(errors)
    catalogue_changed()
    with set_actor(by):
        schedule = Schedule.objects.create(
            service=service,
            service_location=service_location,
            weekday=weekday,
            opens_at=opens_at,
            closes_at=closes_at,
            note=note,
        )
        Service.objects.filter(pk=service.pk).update(updated_at=timezone.now())
    return schedule


@transaction.atomic
def schedule_delete(*, schedule: Schedule, by) -> None:
    catalogue_changed()
    with set_actor(by):
        Service.objects.filter(pk=schedule.service_id).update(updated_at=timezone.now())
        schedule.delete()


def terms(vocabulary: str, codes: Iterable[str]) -> list[Term]:
    """Terms of a vocabulary by code, in the vocabulary's order (unknown codes are skipped)."""
    return list(
        Term.objects.filter(vocabulary=vocabulary, code__in=list(codes)).order_by("position")
    )
