"""Open Referral HSDS 3.0: the published catalogue as HSDS objects, as a tabular data package,
and HSDS data read back into a centre's catalogue.

Only PUBLISHED services leave the database, with the organizations, locations and services
at locations they involve. Drafts, suspended and archived services never appear.

Mapping
-------
organization
    Every centre (it gives the services whose ``provider`` is empty) and every
    ``providers.Organisation``, with our UUIDs. An organisation is public when it gives a
    published service; a centre when it has one. ``legal_status`` is the legal form (a centre
    is a "gmina unit"); REGON, NIP and KRS are ``organization_identifiers``; ``description``
    is generated (we keep none). The legal form travels as data in an ``opencus`` attribute.
service
    ``organization_id`` = the provider's id, or the centre's; status published → "active"
    (suspended → "inactive" and archived → "defunct" are defined, never published);
    application_process = how_to_apply; eligibility_description = eligibility notes;
    minimum_age/maximum_age; last_modified = updated_at (UTC, milliseconds).
    The easy-to-read summary is the ``opencus`` attribute "summary": ``alternate_name`` is an
    alternative *name* in HSDS and stays empty.
    fees_description = "Real value X PLN per unit (…); the resident pays Y PLN." and then the
    fee notes: both amounts are always shown (a free service still has a real value).
    One cost option: amount = the resident's price, currency PLN, option = the fee kind,
    amount_description = the same sentence; its ``opencus`` attributes "market_value" and
    "unit" carry the real value and the unit as data. The fee kind is not carried: it
    follows from the two amounts (0 → free, equal → paid, otherwise co-financed).
    phones: the service's phone. languages: Polish. funding: one row per funding term
    (``source`` = its name, an attribute links the term). required_documents: one per
    document kind (our ids; an ``opencus`` attribute "document" carries the kind).
    service_areas: one per gmina of ``residents_of``: name = the gmina, extent = its TERYT
    code (extent_type "text"). service_at_locations: our links, with the location nested.
    schedules: one per weekly slot (freq WEEKLY, byday, opens_at/closes_at in local time,
    notes), with service_at_location_id when the slot is at one place.
    attributes: areas, target groups and needs (link_type = the vocabulary), and the
    ``opencus`` attributes "summary", "delivery_mode" (one per mode), "access_mode",
    "capacity" and "capacity_period".
location
    location_type "physical", organization_id = the centre that keeps it, transportation,
    latitude/longitude; one address (address_1 = street, city, postal_code, country "PL",
    state_province = the voivodeship — HSDS requires it —, region = the powiat); the gmina's
    TERYT code in the ``opencus`` attribute "gmina"; accessibility: one entry per feature
    (wheelchair access, accessible toilet, induction loop, parking) and one for the notes, each
    with an ``opencus`` attribute "accessibility" naming the feature.
taxonomies
    One per ``Vocabulary`` (area, target_group, need, funding) and the ``opencus`` extension
    taxonomy, with uuid5 ids like ``term_uuid``. Terms: ``catalogue.Term`` rows (our ids,
    code, name in Polish, the English name as description) and the fixed extension terms.

Ids of rows we do not store (phones, addresses, cost options, …) are uuid5s of their owner,
so that every export of the same catalogue gives the same ids. Attributes nest their term
without its taxonomy (``taxonomy_id`` names it; /taxonomies has them).

Not carried by HSDS: an organisation's slug and seat gmina, the centre's postal address,
``is_demo``, status history, who changed what; only published services travel.

Import (``read_hsds`` + ``hsds_import``) flattens any HSDS document into the spec's tables,
then maps the tables back (the same code reads the API's JSON and a data package). What it
cannot map is counted in the report by table.field; what it had to assume is noted and keeps
the service a draft (see ``manage.py import_hsds --help``). The writes mirror
``catalogue.services`` (validation, status changes, history, search index) but keep the HSDS
ids, which ``service_create`` cannot.
"""

import csv
import json
import re
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext_lazy as _
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from opencus.catalogue.cache import catalogue_changed
from opencus.catalogue.enums import (
    AccessMode,
    CapacityPeriod,
    DeliveryMode,
    FeeKind,
    RequiredDocument,
    ServiceArea,
    ServiceStatus,
    TargetGroup,
    Unit,
    Weekday,
)
from opencus.catalogue.models import (
    TERM_NAMESPACE,
    VOCABULARY_CHOICES,
    Location,
    Schedule,
    Service,
    ServiceDocument,
    ServiceLocation,
    ServiceStatusChange,
    Term,
    Vocabulary,
    term_uuid,
)
from opencus.catalogue.search import apply_search, fold, index_service
from opencus.catalogue.services import (
    allowed_resident_gminas,
    publish_problems,
    service_change_status,
    validate_service,
)
from opencus.providers.enums import LegalForm
from opencus.providers.models import Organisation, validate_krs
from opencus.territory.models import Centre, Gmina
from opencus.territory.validators import validate_nip, validate_regon

HSDS_VERSION = "3.0"
LANGUAGE = "pl"  # the catalogue is written in Polish; HSDS text is generated in Polish too
SCHEMA_DIR = Path(__file__).resolve().parent / "hsds_schema" / "schema"
SCHEMA_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
# The API follows HSDS 3.0 itself (no profile of its own).
PROFILE_URL = "https://github.com/openreferral/specification/tree/3.0"
# Ids of the rows we derive (phones, addresses, cost options, attributes, ...).
HSDS_NAMESPACE = uuid.UUID("0f6b1b8e-6a2d-4c1e-9f3a-2d5c8e7b4a61")
EXTENSION = "opencus"
COUNTRY = "PL"

STATUS_TO_HSDS = {
    ServiceStatus.PUBLISHED: "active",
    ServiceStatus.SUSPENDED: "inactive",
    ServiceStatus.ARCHIVED: "defunct",
}
VOCABULARY_RELATION = {
    Vocabulary.AREA: "areas",
    Vocabulary.TARGET_GROUP: "target_groups",
    Vocabulary.NEED: "needs",
    Vocabulary.FUNDING: "funding",
}
ACCESSIBILITY_FEATURES = ("wheelchair_access", "accessible_toilet", "hearing_loop", "parking")
ACCESSIBILITY_NOTES = "notes"

MSG_CENTRE_DESCRIPTION = _("Social services centre (CUS), seat: %(gmina)s.")
MSG_FEE = _("Real value %(value)s PLN per unit (%(unit)s); the resident pays %(price)s PLN.")
MSG_EXTENSION_TAXONOMY = _("OpenCUS service details")
MSG_DELIVERY_MODE = _("delivery mode")
MSG_ACCESSIBILITY = _("accessibility")
EXTENSION_DESCRIPTION = (
    "Details of OpenCUS services that HSDS 3.0 has no field for, given as attributes: the "
    "term says what the attribute's value is."
)

# --- schemas ------------------------------------------------------------------------------


def load_schema(relative: str) -> dict:
    return _load_schema(relative)


@cache
def _load_schema(relative: str) -> dict:
    return json.loads((SCHEMA_DIR / relative).read_text(encoding="utf-8"))


@cache
def table_schemas() -> dict[str, dict]:
    """The HSDS objects (tables) by name: ``service`` → schema/service.json."""
    schemas = {}
    for path in sorted(SCHEMA_DIR.glob("*.json")):
        if path.name != "openapi.json":
            schema = load_schema(path.name)
            schemas[schema["name"]] = schema
    return schemas


def table_columns(table: str) -> list[str]:
    """The columns of an HSDS table in the spec's order: the object's one-to-one fields."""
    return [
        name
        for name, prop in table_schemas()[table]["properties"].items()
        if prop.get("type") != "array" and "$ref" not in prop
    ]


def table_file(table: str) -> str:
    return table_schemas()[table]["path"]


def table_label(table: str) -> str:
    """How reports name a table: its file name without ``.csv`` (``services``)."""
    return table_file(table).removesuffix(".csv")


@cache
def _tables_by_file() -> dict[str, str]:
    names: dict[str, str] = {}
    for table, schema in table_schemas().items():
        for key in (table, schema["path"], schema["path"].removesuffix(".csv")):
            names[key] = table
    return names


def table_for(name: str) -> str | None:
    """The table a file, resource or key names: ``services.csv``, ``services``, ``service``."""
    return _tables_by_file().get(Path(name).name)


@cache
def schema_registry() -> Registry:
    """Every vendored schema under its canonical address, so that ``$ref``s resolve offline.

    ``compiled/tabular.json`` refers to ``attribute.json`` and others next to it: the plain
    schemas are registered under ``compiled/`` too, where no compiled one has their name.
    """
    resources: dict[str, Resource] = {}
    for path in sorted(SCHEMA_DIR.rglob("*.json")):
        relative = path.relative_to(SCHEMA_DIR).as_posix()
        resources[SCHEMA_URL + relative] = Resource.from_contents(
            load_schema(relative), default_specification=DRAFT202012
        )
    for path in sorted(SCHEMA_DIR.glob("*.json")):
        resources.setdefault(
            SCHEMA_URL + "compiled/" + path.name, resources[SCHEMA_URL + path.name]
        )
    return Registry().with_resources(resources.items())


FORMAT_CHECKER = FormatChecker(formats=["uuid", "email"])


@FORMAT_CHECKER.checks("date-time", raises=ValueError)
def _is_datetime(value) -> bool:
    if isinstance(value, str):
        datetime.fromisoformat(value)
    return True


@FORMAT_CHECKER.checks("uri")
def _is_uri(value) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme and (parts.netloc or parts.path)) and " " not in value


@cache
def schema_validator(reference: str) -> Draft202012Validator:
    """A validator for ``reference``, a path under schema/ with an optional JSON pointer
    (``compiled/service.json``, ``openapi.json#/paths/~1services/get/...``)."""
    return Draft202012Validator(
        {"$ref": SCHEMA_URL + reference},
        registry=schema_registry(),
        format_checker=FORMAT_CHECKER,
    )


def schema_errors(instance, reference: str, *, where: str = "") -> list[str]:
    """Every way ``instance`` breaks the schema, as "where/path: message" lines."""
    errors = sorted(
        schema_validator(reference).iter_errors(instance), key=lambda e: list(e.absolute_path)
    )
    lines = []
    for error in errors:
        path = "/".join(str(part) for part in error.absolute_path)
        location = "/".join(part for part in (where, path) if part) or "(document)"
        lines.append(f"{location}: {error.message}")
    return lines


# --- ids and small helpers ----------------------------------------------------------------


def derived_id(owner, *parts: str) -> str:
    """The id of a row we do not store, stable for the same owner and parts."""
    return str(uuid.uuid5(HSDS_NAMESPACE, ":".join([str(owner), *parts])))


def taxonomy_uuid(vocabulary: str) -> uuid.UUID:
    return uuid.uuid5(TERM_NAMESPACE, f"taxonomy:{vocabulary}")


def _pl(message) -> str:
    with translation.override(LANGUAGE):
        return str(message)


def _en(message) -> str:
    with translation.override("en"):
        return str(message)


def _clean(data: dict) -> dict:
    """Leave out empty values: HSDS fields are strings or numbers, never null."""
    return {key: value for key, value in data.items() if value is not None and value != ""}


def _number(value: Decimal | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _timestamp(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _clock(value: time) -> str:
    return value.isoformat(timespec="seconds" if value.second else "minutes")


def parse_timestamp(value: str) -> datetime:
    """An ISO 8601 date or date-time; without an offset it is UTC (as HSDS assumes)."""
    parsed = datetime.fromisoformat(value.strip())
    return parsed if timezone.is_aware(parsed) else parsed.replace(tzinfo=UTC)


def fee_sentence(*, market_value: Decimal, resident_price: Decimal, unit: str) -> str:
    """Both amounts, always: a free or co-financed service still has a real value."""
    with translation.override(LANGUAGE):
        return str(MSG_FEE) % {
            "value": number_format(market_value, 2, use_l10n=True),
            "unit": str(Unit(unit).label),
            "price": number_format(resident_price, 2, use_l10n=True),
        }


# --- taxonomies ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ExtensionTerm:
    """A term of the ``opencus`` taxonomy: what the value of an attribute linking it means."""

    code: str
    name: object  # a lazy translation
    entity: str  # the HSDS object it describes
    description: str
    values: tuple[str, ...] = ()  # the codes the value may take (empty: free value)
    multiple: bool = False  # several attributes with this term on one object

    @property
    def id(self) -> str:
        return str(term_uuid(EXTENSION, self.code))


def _field_name(model, name):
    return model._meta.get_field(name).verbose_name


def _values(choices) -> tuple[str, ...]:
    return tuple(str(value) for value in choices.values)


EXTENSION_TERMS: tuple[ExtensionTerm, ...] = (
    ExtensionTerm(
        "summary",
        _field_name(Service, "summary"),
        "service",
        "The service in one or two short sentences, in plain words (value: text).",
    ),
    ExtensionTerm(
        "delivery_mode",
        MSG_DELIVERY_MODE,
        "service",
        "How the service is delivered; one attribute per way (value: one of the codes).",
        _values(DeliveryMode),
        multiple=True,
    ),
    ExtensionTerm(
        "access_mode",
        _field_name(Service, "access_mode"),
        "service",
        "How a resident gets the service (value: one of the codes).",
        _values(AccessMode),
    ),
    ExtensionTerm(
        "capacity",
        _field_name(Service, "capacity"),
        "service",
        "How many units the service can give in its capacity period (value: an integer).",
    ),
    ExtensionTerm(
        "capacity_period",
        _field_name(Service, "capacity_period"),
        "service",
        "The period of the capacity (value: one of the codes).",
        _values(CapacityPeriod),
    ),
    ExtensionTerm(
        "market_value",
        _field_name(Service, "market_value"),
        "cost_option",
        "What one unit really costs in PLN, whoever pays for it; the cost option's amount is "
        "what the resident pays (value: a decimal number).",
    ),
    ExtensionTerm(
        "unit",
        _field_name(Service, "unit"),
        "cost_option",
        "The unit both amounts are given per (value: one of the codes).",
        _values(Unit),
    ),
    ExtensionTerm(
        "document",
        _field_name(ServiceDocument, "kind"),
        "required_document",
        "The kind of the required document (value: one of the codes).",
        _values(RequiredDocument),
    ),
    ExtensionTerm(
        "gmina",
        _field_name(Location, "gmina"),
        "location",
        "The gmina the location is in (value: its 7-digit TERYT TERC code).",
    ),
    ExtensionTerm(
        "accessibility",
        MSG_ACCESSIBILITY,
        "accessibility",
        "Which accessibility feature the entry describes (value: one of the codes; 'notes' "
        "for free-text notes).",
        (*ACCESSIBILITY_FEATURES, ACCESSIBILITY_NOTES),
    ),
    ExtensionTerm(
        "legal_form",
        _field_name(Organisation, "legal_form"),
        "organization",
        "The organisation's legal form (value: one of the codes).",
        _values(LegalForm),
    ),
)
EXTENSION_BY_CODE = {term.code: term for term in EXTENSION_TERMS}
EXTENSION_BY_ID = {term.id: term for term in EXTENSION_TERMS}
TAXONOMIES: tuple[str, ...] = (*Vocabulary.values, EXTENSION)


def taxonomy_to_hsds(taxonomy: str) -> dict:
    if taxonomy == EXTENSION:
        name, description = _pl(MSG_EXTENSION_TAXONOMY), EXTENSION_DESCRIPTION
    else:
        label = Vocabulary(taxonomy).label
        name, description = capfirst(_pl(label)), capfirst(_en(label))
    return {"id": str(taxonomy_uuid(taxonomy)), "name": name, "description": description}


def term_to_hsds(term: Term) -> dict:
    """A reference term; the name in Polish, the English name as its description."""
    label = VOCABULARY_CHOICES[term.vocabulary](term.code).label
    return {
        "id": str(term.id),
        "code": term.code,
        "name": _pl(label),
        "description": _en(label),
        "taxonomy": term.vocabulary,
        "taxonomy_id": str(taxonomy_uuid(term.vocabulary)),
        "language": LANGUAGE,
        "taxonomy_detail": taxonomy_to_hsds(term.vocabulary),
    }


def extension_term_to_hsds(term: ExtensionTerm) -> dict:
    description = term.description
    if term.values:
        description += " Codes: " + ", ".join(term.values) + "."
    return {
        "id": term.id,
        "code": term.code,
        "name": _pl(term.name),
        "description": description,
        "taxonomy": EXTENSION,
        "taxonomy_id": str(taxonomy_uuid(EXTENSION)),
        "language": LANGUAGE,
        "taxonomy_detail": taxonomy_to_hsds(EXTENSION),
    }


def all_taxonomy_terms() -> list[dict]:
    """Every published term: the reference terms, then the extension terms (one query)."""
    return [
        *(term_to_hsds(term) for term in Term.objects.order_by("vocabulary", "position")),
        *(extension_term_to_hsds(term) for term in EXTENSION_TERMS),
    ]


def _attribute(*, entity: str, owner, term: dict, link_type: str, value=None) -> dict:
    multiple = EXTENSION_BY_ID.get(term["id"])
    key = str(value) if multiple and multiple.multiple else ""
    return _clean(
        {
            "id": derived_id(owner, "attribute", term["id"], key),
            "link_id": str(owner),
            "link_entity": entity,
            "link_type": link_type,
            "taxonomy_term_id": term["id"],
            "value": None if value is None else str(value),
            # The term without its taxonomy (taxonomy_id names it): attributes are many.
            "taxonomy_term": {k: v for k, v in term.items() if k != "taxonomy_detail"},
        }
    )


def _term_attribute(*, entity: str, owner, term: Term) -> dict:
    return _attribute(
        entity=entity, owner=owner, term=term_to_hsds(term), link_type=term.vocabulary
    )


def _extension_attribute(*, entity: str, owner, code: str, value) -> dict:
    return _attribute(
        entity=entity,
        owner=owner,
        term=extension_term_to_hsds(EXTENSION_BY_CODE[code]),
        link_type=code,
        value=value,
    )


# --- organizations ------------------------------------------------------------------------


def _phone(*, owner_field: str, owner, number: str) -> dict:
    return {"id": derived_id(owner, "phone"), owner_field: str(owner), "number": number}


def _identifiers(owner, **numbers: str) -> list[dict]:
    return [
        _clean(
            {
                "id": derived_id(owner, "identifier", kind),
                "organization_id": str(owner),
                "identifier_scheme": "PL-KRS" if kind == "krs" else None,
                "identifier_type": kind.upper(),
                "identifier": value,
            }
        )
        for kind, value in numbers.items()
        if value
    ]


def _organization(
    *,
    data: dict,
    phone: str,
    identifiers: dict[str, str],
    legal_form: str,
    full: bool,
    locations,
    services,
) -> dict:
    owner = data["id"]
    data = _clean(data)
    if full:
        data.update(
            phones=[_phone(owner_field="organization_id", owner=owner, number=phone)]
            if phone
            else [],
            organization_identifiers=_identifiers(owner, **identifiers),
            attributes=[
                _extension_attribute(
                    entity="organization", owner=owner, code="legal_form", value=legal_form
                )
            ],
            funding=[],
            contacts=[],
            programs=[],
            metadata=[],
        )
        if locations is not None:
            data["locations"] = [location_to_hsds(location) for location in locations]
    if services is not None:
        data["services"] = services
    return data


def centre_to_hsds(centre: Centre, *, full: bool = False, locations=None, services=None) -> dict:
    """A centre as the organization that gives its own services (needs ``seat_gmina``)."""
    with translation.override(LANGUAGE):
        description = str(MSG_CENTRE_DESCRIPTION) % {"gmina": centre.seat_gmina.name}
    return _organization(
        data={
            "id": str(centre.id),
            "name": centre.name,
            "description": description,
            "email": centre.email,
            "website": centre.website,
            "legal_status": capfirst(_pl(LegalForm.GMINA_UNIT.label)),
        },
        phone=centre.phone,
        identifiers={"regon": centre.regon, "nip": centre.nip},
        legal_form=LegalForm.GMINA_UNIT.value,
        full=full,
        locations=locations,
        services=services,
    )


def organisation_to_hsds(
    organisation: Organisation, *, full: bool = False, locations=None, services=None
) -> dict:
    """A provider; its generated description is its legal form."""
    legal_form = capfirst(_pl(LegalForm(organisation.legal_form).label))
    return _organization(
        data={
            "id": str(organisation.id),
            "name": organisation.name,
            "description": legal_form,
            "email": organisation.email,
            "legal_status": legal_form,
        },
        phone=organisation.phone,
        identifiers={"nip": organisation.nip, "regon": organisation.regon, "krs": organisation.krs},
        legal_form=organisation.legal_form,
        full=full,
        locations=locations,
        services=services,
    )


def organization_to_hsds(obj: Centre | Organisation, **kwargs) -> dict:
    if isinstance(obj, Centre):
        return centre_to_hsds(obj, **kwargs)
    return organisation_to_hsds(obj, **kwargs)


def service_organization(service: Service, *, full: bool = False) -> dict:
    if service.provider_id:
        return organisation_to_hsds(service.provider, full=full)
    return centre_to_hsds(service.centre, full=full)


# --- locations ----------------------------------------------------------------------------


def location_to_hsds(location: Location, *, full: bool = True) -> dict:
    """A place (needs ``gmina__powiat__voivodeship``)."""
    data = _clean(
        {
            "id": str(location.id),
            "location_type": "physical",
            "organization_id": str(location.centre_id),
            "name": location.name,
            "transportation": location.transport_notes,
            "latitude": _number(location.latitude),
            "longitude": _number(location.longitude),
        }
    )
    if not full:
        return data
    gmina = location.gmina
    with translation.override(LANGUAGE):
        region = str(gmina.powiat)
    accessibility = [
        {
            "id": derived_id(location.id, "accessibility", feature),
            "location_id": str(location.id),
            "description": _pl(_field_name(Location, feature)),
            "attributes": [
                _extension_attribute(
                    entity="accessibility",
                    owner=derived_id(location.id, "accessibility", feature),
                    code="accessibility",
                    value=feature,
                )
            ],
        }
        for feature in ACCESSIBILITY_FEATURES
        if getattr(location, feature)
    ]
    if location.accessibility_notes:
        owner = derived_id(location.id, "accessibility", ACCESSIBILITY_NOTES)
        accessibility.append(
            {
                "id": owner,
                "location_id": str(location.id),
                "description": location.accessibility_notes,
                "attributes": [
                    _extension_attribute(
                        entity="accessibility",
                        owner=owner,
                        code="accessibility",
                        value=ACCESSIBILITY_NOTES,
                    )
                ],
            }
        )
    data.update(
        addresses=[
            {
                "id": derived_id(location.id, "address"),
                "location_id": str(location.id),
                "address_1": location.street,
                "city": location.city,
                "region": region,
                "state_province": gmina.powiat.voivodeship.name,
                "postal_code": location.postal_code,
                "country": COUNTRY,
                "address_type": "physical",
            }
        ],
        accessibility=accessibility,
        attributes=[
            _extension_attribute(
                entity="location", owner=location.id, code="gmina", value=location.gmina_id
            )
        ],
        languages=[],
        contacts=[],
        phones=[],
        schedules=[],
        metadata=[],
    )
    return data


# --- services -----------------------------------------------------------------------------

WEEKDAY_ORDER = {day: position for position, day in enumerate(Weekday.values)}


def schedule_to_hsds(schedule: Schedule) -> dict:
    return _clean(
        {
            "id": str(schedule.id),
            "service_id": str(schedule.service_id),
            "service_at_location_id": str(schedule.service_location_id)
            if schedule.service_location_id
            else None,
            "freq": "WEEKLY",
            "byday": schedule.weekday,
            "opens_at": _clock(schedule.opens_at),
            "closes_at": _clock(schedule.closes_at),
            "notes": schedule.note,
        }
    )


def _sorted_schedules(schedules: Iterable[Schedule]) -> list[Schedule]:
    return sorted(
        schedules, key=lambda s: (WEEKDAY_ORDER[s.weekday], s.opens_at, s.closes_at, str(s.id))
    )


def service_location_to_hsds(
    link: ServiceLocation, *, full: bool = False, schedules=None, service=None
) -> dict:
    """A service at a location; ``schedules`` are the link's (``None``: its prefetched ones)."""
    data = _clean(
        {
            "id": str(link.id),
            "service_id": str(link.service_id),
            "location_id": str(link.location_id),
            "description": link.description,
        }
    )
    data["location"] = location_to_hsds(link.location, full=full)
    if full:
        if schedules is None:
            schedules = link.schedules.all()
        data.update(
            schedules=[schedule_to_hsds(s) for s in _sorted_schedules(schedules)],
            phones=[],
            contacts=[],
            attributes=[],
            metadata=[],
        )
    if service is not None:
        data["service"] = service
    return data


def fees_description(service: Service) -> str:
    sentence = fee_sentence(
        market_value=service.market_value,
        resident_price=service.resident_price,
        unit=service.unit,
    )
    return f"{sentence}\n\n{service.fee_notes}" if service.fee_notes else sentence


def _cost_option(service: Service) -> dict:
    owner = derived_id(service.id, "cost")
    return {
        "id": owner,
        "service_id": str(service.id),
        "option": capfirst(_pl(FeeKind(service.fee_kind).label)),
        "currency": "PLN",
        "amount": _number(service.resident_price),
        "amount_description": fee_sentence(
            market_value=service.market_value,
            resident_price=service.resident_price,
            unit=service.unit,
        ),
        "attributes": [
            _extension_attribute(
                entity="cost_option",
                owner=owner,
                code="market_value",
                value=f"{service.market_value:.2f}",
            ),
            _extension_attribute(
                entity="cost_option", owner=owner, code="unit", value=service.unit
            ),
        ],
    }


def _service_attributes(service: Service) -> list[dict]:
    attributes = [
        _term_attribute(entity="service", owner=service.id, term=term)
        for term in [*service.areas.all(), *service.target_groups.all(), *service.needs.all()]
    ]

    def extension(code, value):
        attributes.append(
            _extension_attribute(entity="service", owner=service.id, code=code, value=value)
        )

    extension("summary", service.summary)
    for mode in service.delivery_modes:
        extension("delivery_mode", mode)
    extension("access_mode", service.access_mode)
    if service.capacity is not None:
        extension("capacity", service.capacity)
        extension("capacity_period", service.capacity_period)
    return attributes


def service_to_hsds(
    service: Service,
    *,
    full: bool = False,
    with_organization: bool = True,
    with_locations: bool = True,
) -> dict:
    """A published service: its one-to-one fields, and with ``full`` everything nested.

    Needs ``centre__seat_gmina`` and ``provider``; with ``full``, the prefetches of
    ``with_full_relations``.
    """
    if service.status not in STATUS_TO_HSDS:
        raise ValueError(f"a {service.status} service is never published")
    data = _clean(
        {
            "id": str(service.id),
            "organization_id": str(service.provider_id or service.centre_id),
            "name": service.name,
            "description": service.description,
            "url": service.website,
            "email": service.email,
            "status": STATUS_TO_HSDS[service.status],
            "application_process": service.how_to_apply,
            "fees_description": fees_description(service),
            "eligibility_description": service.eligibility_notes,
            "minimum_age": service.min_age,
            "maximum_age": service.max_age,
            "last_modified": _timestamp(service.updated_at),
        }
    )
    if with_organization:
        data["organization"] = service_organization(service)
    if not full:
        return data
    schedules = _sorted_schedules(service.schedules.all())
    by_link = defaultdict(list)
    for schedule in schedules:
        by_link[schedule.service_location_id].append(schedule)
    data.update(
        phones=[_phone(owner_field="service_id", owner=service.id, number=service.phone)]
        if service.phone
        else [],
        schedules=[schedule_to_hsds(s) for s in schedules],
        service_areas=[
            {
                "id": derived_id(service.id, "gmina", gmina.code),
                "service_id": str(service.id),
                "name": gmina.name,
                "description": f"TERYT {gmina.code}",
                "extent": gmina.code,
                "extent_type": "text",
            }
            for gmina in sorted(service.residents_of.all(), key=lambda g: g.code)
        ],
        languages=[
            {
                "id": derived_id(service.id, "language", LANGUAGE),
                "service_id": str(service.id),
                "name": translation.get_language_info(LANGUAGE)["name_local"],
                "code": LANGUAGE,
            }
        ],
        funding=[
            {
                "id": derived_id(service.id, "funding", term.code),
                "service_id": str(service.id),
                "source": _pl(term.label),
                "attributes": [
                    _term_attribute(
                        entity="funding",
                        owner=derived_id(service.id, "funding", term.code),
                        term=term,
                    )
                ],
            }
            for term in service.funding.all()
        ],
        cost_options=[_cost_option(service)],
        required_documents=[
            {
                "id": str(document.id),
                "service_id": str(service.id),
                "document": _pl(RequiredDocument(document.kind).label),
                "attributes": [
                    _extension_attribute(
                        entity="required_document",
                        owner=document.id,
                        code="document",
                        value=document.kind,
                    )
                ],
            }
            for document in sorted(service.documents.all(), key=lambda d: d.kind)
        ],
        attributes=_service_attributes(service),
        contacts=[],
        metadata=[],
    )
    if with_locations:
        data["service_at_locations"] = [
            service_location_to_hsds(link, full=True, schedules=by_link[link.id])
            for link in service.service_locations.all()
        ]
    return data


# --- reads --------------------------------------------------------------------------------


class HsdsNotFound(LookupError):
    """No public object with this id."""


def _published_exists(**lookups):
    return Exists(Service.objects.published().filter(**lookups))


def published_services() -> QuerySet[Service]:
    return Service.objects.published().select_related("centre__seat_gmina", "provider")


def _full_prefetches(prefix: str = "", *, with_locations: bool = True) -> list:
    lookups: list = [
        f"{prefix}areas",
        f"{prefix}target_groups",
        f"{prefix}needs",
        f"{prefix}funding",
        f"{prefix}residents_of",
        f"{prefix}documents",
        f"{prefix}schedules",
    ]
    if with_locations:
        lookups.append(
            Prefetch(
                f"{prefix}service_locations",
                queryset=ServiceLocation.objects.select_related(
                    "location__gmina__powiat__voivodeship"
                ).order_by("location__name", "id"),
            )
        )
    return lookups


def with_full_relations(services: QuerySet[Service], *, with_locations: bool = True):
    """Everything ``service_to_hsds(full=True)`` reads, in a fixed number of queries."""
    return services.prefetch_related(*_full_prefetches(with_locations=with_locations))


def filter_services(
    services: QuerySet[Service],
    *,
    search: str = "",
    taxonomy_term_id: uuid.UUID | None = None,
    taxonomy_id: uuid.UUID | None = None,
    organization_id: uuid.UUID | None = None,
    modified_after: datetime | None = None,
) -> QuerySet[Service]:
    """The HSDS filters of /services (and /service_at_locations)."""
    if taxonomy_term_id is not None:
        condition = Q()
        for relation in VOCABULARY_RELATION.values():
            through = getattr(Service, relation).through
            condition |= Exists(
                through.objects.filter(service_id=OuterRef("pk"), term_id=taxonomy_term_id)
            )
        services = services.filter(condition)
    if taxonomy_id is not None:
        vocabulary = {str(taxonomy_uuid(v)): v for v in TAXONOMIES}.get(str(taxonomy_id))
        if vocabulary is None:
            services = services.none()
        elif vocabulary != EXTENSION:  # every service has extension attributes
            through = getattr(Service, VOCABULARY_RELATION[vocabulary]).through
            services = services.filter(Exists(through.objects.filter(service_id=OuterRef("pk"))))
    if organization_id is not None:
        services = services.filter(
            Q(provider_id=organization_id) | Q(centre_id=organization_id, provider__isnull=True)
        )
    if modified_after is not None:
        services = services.filter(updated_at__gte=modified_after)
    if search.strip():
        services, _words, _matched = apply_search(services, search)
    else:
        services = services.order_by("name", "id")
    return services


def public_locations() -> QuerySet[Location]:
    return (
        Location.objects.filter(
            Exists(
                ServiceLocation.objects.filter(
                    location=OuterRef("pk"), service__status=ServiceStatus.PUBLISHED
                )
            )
        )
        .select_related("gmina__powiat__voivodeship")
        .order_by("name", "id")
    )


def public_centres() -> QuerySet[Centre]:
    return (
        Centre.objects.filter(_published_exists(centre=OuterRef("pk")))
        .select_related("seat_gmina")
        .order_by("name", "id")
    )


def public_organisations() -> QuerySet[Organisation]:
    return Organisation.objects.filter(_published_exists(provider=OuterRef("pk"))).order_by(
        "name", "id"
    )


def public_service_locations() -> QuerySet[ServiceLocation]:
    return ServiceLocation.objects.filter(service__status=ServiceStatus.PUBLISHED).select_related(
        "service__centre__seat_gmina", "service__provider", "location__gmina__powiat__voivodeship"
    )


def _page(*, items: list, total: int, page: int, per_page: int) -> dict:
    total_pages = -(-total // per_page)
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(items),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not items,
        "contents": items,
    }


def _slice(queryset: QuerySet, *, page: int, per_page: int) -> tuple[list, int]:
    total = queryset.count()
    start = (page - 1) * per_page
    return (list(queryset[start : start + per_page]) if start < total else []), total


def api_root(*, openapi_url: str) -> dict:
    return {"version": HSDS_VERSION, "profile": PROFILE_URL, "openapi_url": openapi_url}


def openapi_document(*, server_url: str) -> dict:
    """The spec's openapi.json, describing this server."""
    document = dict(load_schema("openapi.json"))
    document["info"] = {
        "title": "OpenCUS — HSDS 3.0",
        "version": HSDS_VERSION,
        "summary": "The published service catalogue of social services centres (CUS).",
        "description": "Read-only Open Referral HSDS 3.0 API. Only published services, with "
        "the organizations and locations they involve.",
        "license": {
            "name": "CC BY-SA 4.0 (this document is derived from Open Referral HSDS 3.0)",
            "url": "https://creativecommons.org/licenses/by-sa/4.0/",
        },
    }
    document["servers"] = [{"url": server_url}]
    return document


def service_page(
    *, page: int, per_page: int, minimal: bool = False, full: bool = False, **filters
) -> dict:
    services = filter_services(published_services(), **filters)
    if full and not minimal:
        services = with_full_relations(services)
    items, total = _slice(services, page=page, per_page=per_page)
    if minimal:
        # HSDS asks for "id and modified date"; name and status keep items valid.
        contents = [
            {
                "id": str(s.id),
                "name": s.name,
                "status": STATUS_TO_HSDS[s.status],
                "last_modified": _timestamp(s.updated_at),
            }
            for s in items
        ]
    else:
        contents = [service_to_hsds(s, full=full) for s in items]
    return _page(items=contents, total=total, page=page, per_page=per_page)


def service_detail(service_id: uuid.UUID) -> dict:
    service = with_full_relations(published_services()).filter(pk=service_id).first()
    if service is None:
        raise HsdsNotFound(service_id)
    return service_to_hsds(service, full=True)


def service_location_page(
    *, page: int, per_page: int, full: bool = False, postcode: str = "", **filters
) -> dict:
    services = filter_services(Service.objects.published(), **filters)
    links = public_service_locations().filter(service__in=services.order_by().values("pk"))
    if postcode:
        links = links.filter(location__postal_code=postcode)
    links = links.order_by("service__name", "location__name", "id")
    if full:
        links = links.prefetch_related(
            "schedules", *_full_prefetches("service__", with_locations=False)
        )
    items, total = _slice(links, page=page, per_page=per_page)
    contents = [
        service_location_to_hsds(
            link,
            full=full,
            service=service_to_hsds(link.service, full=full, with_locations=False),
        )
        for link in items
    ]
    return _page(items=contents, total=total, page=page, per_page=per_page)


def service_location_detail(link_id: uuid.UUID) -> dict:
    link = (
        public_service_locations()
        .prefetch_related("schedules", *_full_prefetches("service__", with_locations=False))
        .filter(pk=link_id)
        .first()
    )
    if link is None:
        raise HsdsNotFound(link_id)
    return service_location_to_hsds(
        link, full=True, service=service_to_hsds(link.service, full=True, with_locations=False)
    )


def _organization_extras(centres: list, organisations: list, *, services: str | None):
    """The public locations and the services of a page of organizations (fixed queries)."""
    locations: dict[str, list[Location]] = defaultdict(list)
    if centres:
        for location in public_locations().filter(centre__in=centres):
            locations[str(location.centre_id)].append(location)
    if organisations:
        seen = set()
        links = (
            public_service_locations()
            .filter(service__provider__in=organisations)
            .order_by("location__name", "location_id")
        )
        for link in links:
            key = (link.service.provider_id, link.location_id)
            if key not in seen:
                seen.add(key)
                locations[str(link.service.provider_id)].append(link.location)
    given: dict[str, list[dict]] = defaultdict(list)
    if services is not None and (centres or organisations):
        queryset = published_services().filter(
            Q(provider__in=organisations) | Q(centre__in=centres, provider__isnull=True)
        )
        if services == "full":
            queryset = with_full_relations(queryset)
        for service in queryset.order_by("name", "id"):
            given[str(service.provider_id or service.centre_id)].append(
                service_to_hsds(service, full=services == "full", with_organization=False)
            )
    return locations, given


def organization_page(
    *, page: int, per_page: int, search: str = "", full: bool = False, full_service: bool = False
) -> dict:
    """Centres first, then provider organisations, each by name."""
    centres, organisations = public_centres(), public_organisations()
    if search.strip():
        centres = centres.filter(name__icontains=search.strip())
        organisations = organisations.filter(name__icontains=search.strip())
    n_centres, n_organisations = centres.count(), organisations.count()
    start, end = (page - 1) * per_page, page * per_page
    chosen_centres = list(centres[start:end]) if start < n_centres else []
    chosen_organisations = (
        list(organisations[max(0, start - n_centres) : end - n_centres])
        if end > n_centres and start < n_centres + n_organisations
        else []
    )
    with_services = "full" if full_service else ("simple" if full else None)
    locations, services = (
        _organization_extras(chosen_centres, chosen_organisations, services=with_services)
        if full or full_service
        else ({}, {})
    )
    contents = [
        organization_to_hsds(
            obj,
            full=full,
            locations=locations.get(str(obj.id), []) if full else None,
            services=services.get(str(obj.id), []) if with_services else None,
        )
        for obj in [*chosen_centres, *chosen_organisations]
    ]
    return _page(items=contents, total=n_centres + n_organisations, page=page, per_page=per_page)


def organization_detail(organization_id: uuid.UUID, *, full_service: bool = False) -> dict:
    obj: Centre | Organisation | None = public_centres().filter(pk=organization_id).first()
    centres, organisations = ([obj], []) if obj else ([], [])
    if obj is None:
        obj = public_organisations().filter(pk=organization_id).first()
        organisations = [obj] if obj else []
    if obj is None:
        raise HsdsNotFound(organization_id)
    locations, services = _organization_extras(
        centres, organisations, services="full" if full_service else "simple"
    )
    return organization_to_hsds(
        obj,
        full=True,
        locations=locations.get(str(obj.id), []),
        services=services.get(str(obj.id), []),
    )


def _matches(term: dict, search: str) -> bool:
    wanted = fold(search.strip())
    return any(wanted in fold(str(term.get(key, ""))) for key in ("name", "description", "code"))


def taxonomy_page(*, page: int, per_page: int, search: str = "") -> dict:
    taxonomies = [taxonomy_to_hsds(t) for t in TAXONOMIES]
    if search.strip():
        taxonomies = [t for t in taxonomies if _matches(t, search)]
    start = (page - 1) * per_page
    items = taxonomies[start : start + per_page]
    return _page(items=items, total=len(taxonomies), page=page, per_page=per_page)


def taxonomy_detail(taxonomy_id: uuid.UUID) -> dict:
    for taxonomy in TAXONOMIES:
        if taxonomy_uuid(taxonomy) == taxonomy_id:
            return taxonomy_to_hsds(taxonomy)
    raise HsdsNotFound(taxonomy_id)


def taxonomy_term_page(
    *,
    page: int,
    per_page: int,
    search: str = "",
    taxonomy_id: uuid.UUID | None = None,
    parent_id: uuid.UUID | None = None,
    top_only: bool = False,
) -> dict:
    """Our vocabularies are flat: every term is a top term and none has a parent."""
    terms = all_taxonomy_terms()
    if taxonomy_id is not None:
        terms = [t for t in terms if t["taxonomy_id"] == str(taxonomy_id)]
    if parent_id is not None:
        terms = [t for t in terms if t.get("parent_id") == str(parent_id)]
    if search.strip():
        terms = [t for t in terms if _matches(t, search)]
    start = (page - 1) * per_page
    return _page(
        items=terms[start : start + per_page], total=len(terms), page=page, per_page=per_page
    )


def taxonomy_term_detail(term_id: uuid.UUID) -> dict:
    if str(term_id) in EXTENSION_BY_ID:
        return extension_term_to_hsds(EXTENSION_BY_ID[str(term_id)])
    term = Term.objects.filter(pk=term_id).first()
    if term is None:
        raise HsdsNotFound(term_id)
    return term_to_hsds(term)


# --- flattening: nested HSDS objects ↔ tables ---------------------------------------------

# Nested objects the compiled schemas add to the plain ones.
_EXTRA_CHILDREN = {
    ("organization", "services"): "service",
    ("service_at_location", "service"): "service",
}


def _child(table: str, key: str) -> tuple[str, bool] | None:
    """(child table, many) when ``key`` of ``table`` holds nested HSDS objects."""
    if (table, key) in _EXTRA_CHILDREN:
        return _EXTRA_CHILDREN[(table, key)], key == "services"
    prop = table_schemas()[table]["properties"].get(key)
    if prop is None:
        return None
    if prop.get("type") == "array" and "$ref" in prop.get("items", {}):
        return prop["items"]["$ref"].removesuffix(".json"), True
    if "$ref" in prop:
        return prop["$ref"].removesuffix(".json"), False
    return None


Tables = dict[str, dict[str, dict]]


def flatten(objects: Iterable[tuple[str, dict]], *, unknown: Counter | None = None) -> Tables:
    """Nested HSDS objects as table rows keyed by id, with the links the nesting implied.

    A row met twice (the same phone under a service and under its location) is merged.
    Nested values under keys HSDS does not define are counted in ``unknown``.
    """
    tables: Tables = defaultdict(dict)

    def visit(table: str, obj: dict, parent: tuple[str, str] | None) -> str | None:
        row: dict = {}
        children = []
        for key, value in obj.items():
            child = _child(table, key)
            if child is not None:
                children.append((child, value))
            elif isinstance(value, dict | list):
                if unknown is not None:
                    unknown[f"{table_label(table)}.{key}"] += 1
            else:
                row[key] = value
        if parent is not None:
            parent_table, parent_id = parent
            if table == "attribute":
                row["link_id"], row["link_entity"] = parent_id, parent_table
            elif table == "metadata":
                row["resource_id"], row["resource_type"] = parent_id, parent_table
            elif f"{parent_table}_id" in table_schemas()[table]["properties"]:
                row.setdefault(f"{parent_table}_id", parent_id)
        row_id = row.get("id")
        if not isinstance(row_id, str):
            return None
        merged = tables[table].setdefault(row_id, {})
        for key, value in row.items():
            if merged.get(key) in (None, ""):
                merged[key] = value
        for (child_table, many), value in children:
            items = value if many and isinstance(value, list) else [value]
            for item in items:
                if not isinstance(item, dict):
                    continue
                child_id = visit(child_table, item, (table, row_id) if many else None)
                link = f"{child_table}_id"
                if (
                    not many
                    and child_id
                    and link in table_schemas()[table]["properties"]
                    and merged.get(link) in (None, "")
                ):
                    merged[link] = child_id
        return row_id

    for table, obj in objects:
        visit(table, obj, None)
    return tables


# --- export: the tabular data package -----------------------------------------------------

EXPORT_TABLES = (
    "organization",
    "organization_identifier",
    "service",
    "attribute",
    "service_at_location",
    "location",
    "phone",
    "address",
    "schedule",
    "funding",
    "service_area",
    "required_document",
    "language",
    "accessibility",
    "taxonomy_term",
    "cost_option",
    "taxonomy",
)


def catalogue_tables(*, centre: Centre | None = None) -> dict[str, list[dict]]:
    """The published catalogue (of every centre, or of ``centre``) as HSDS tables, rows
    sorted by id."""
    services = published_services()
    centres = public_centres()
    organisations = public_organisations()
    if centre is not None:
        services = services.filter(centre=centre)
        centres = centres.filter(pk=centre.pk)
        organisations = organisations.filter(
            _published_exists(provider=OuterRef("pk"), centre=centre)
        )
    with translation.override(LANGUAGE):
        services = with_full_relations(services).order_by("id")
        objects: list[tuple[str, dict]] = [
            *(("service", service_to_hsds(s, full=True)) for s in services),
            *(("organization", centre_to_hsds(c, full=True)) for c in centres),
            *(("organization", organisation_to_hsds(o, full=True)) for o in organisations),
            *(("taxonomy", taxonomy_to_hsds(t)) for t in TAXONOMIES),
            *(("taxonomy_term", term) for term in all_taxonomy_terms()),
        ]
        tables = flatten(objects)
    return {
        table: [tables[table][key] for key in sorted(tables.get(table, {}))]
        for table in EXPORT_TABLES
    }


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _foreign_keys(table: str, exported: set[str]) -> list[dict]:
    keys = []
    for column in table_columns(table):
        target = {"parent_id": table, "parent_organization_id": "organization"}.get(
            column, column.removesuffix("_id") if column.endswith("_id") else None
        )
        if target in exported and column != "link_id":
            keys.append({"fields": column, "reference": {"resource": target, "fields": "id"}})
    return keys


def datapackage(tables: Iterable[str]) -> dict:
    """The Frictionless tabular data package descriptor of the HSDS tables we write."""
    names = sorted(tables, key=lambda t: table_schemas()[t]["datapackage_metadata"]["order"])
    resources = []
    for table in names:
        schema = table_schemas()[table]
        required = {*schema.get("required", ()), *schema.get("tabular_required", ())}
        fields = []
        for column in table_columns(table):
            prop = schema["properties"][column]
            constraints = {
                "required": column in required,
                "unique": bool(prop.get("constraints", {}).get("unique")),
            }
            if "enum" in prop:
                constraints["enum"] = prop["enum"]
            fields.append(
                _clean(
                    {
                        "name": column,
                        "type": prop.get("datapackage_type", prop["type"]),
                        "format": prop.get("format")
                        if prop.get("format") in ("uuid", "email", "uri")
                        else None,
                        "description": prop.get("description"),
                        "constraints": constraints,
                    }
                )
            )
        meta = schema["datapackage_metadata"]
        table_schema = {"fields": fields, "primaryKey": "id"}
        foreign_keys = _foreign_keys(table, set(names))
        if foreign_keys:
            table_schema["foreignKeys"] = foreign_keys
        resources.append(
            {
                "name": table,
                "path": schema["path"],
                "description": schema["description"],
                "format": meta["format"],
                "mediatype": meta["mediatype"],
                "encoding": "utf-8",
                "profile": meta["profile"],
                "schema": table_schema,
            }
        )
    return {
        "name": "opencus-hsds",
        "title": "OpenCUS service catalogue (Open Referral HSDS 3.0)",
        "description": "The published services of social services centres (CUS), with the "
        "organizations, locations and taxonomies they involve.",
        "profile": "tabular-data-package",
        "version": HSDS_VERSION,
        "homepage": PROFILE_URL,
        "resources": resources,
    }


def write_package(directory: Path, tables: dict[str, list[dict]]) -> Iterator[tuple[str, int]]:
    """Write one CSV per table and ``datapackage.json``; yields (file, rows) as it goes."""
    directory.mkdir(parents=True, exist_ok=True)
    for table, rows in tables.items():
        columns = table_columns(table)
        with (directory / table_file(table)).open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(columns)
            for row in rows:
                writer.writerow([_cell(row.get(column)) for column in columns])
        yield table_file(table), len(rows)
    descriptor = json.dumps(datapackage(tables), ensure_ascii=False, indent=2) + "\n"
    (directory / "datapackage.json").write_text(descriptor, encoding="utf-8")
    yield "datapackage.json", len(tables)


# --- import: reading HSDS files -----------------------------------------------------------


class HsdsFileError(Exception):
    """The input cannot be read at all (not JSON, not CSV, no such file)."""


@dataclass
class HsdsDataset:
    """HSDS data read from a file, as tables, with what breaks the schemas."""

    tables: Tables
    schema_errors: list[str] = field(default_factory=list)
    unknown: Counter = field(default_factory=Counter)
    source: str = ""


MSG_NOT_HSDS = (
    "{where}: not an HSDS object (a service, organization, location, service at location, "
    "taxonomy or taxonomy term, or a page or list of them)"
)
MSG_NOT_A_TABLE = "{name}: not an HSDS table"
MSG_BAD_JSON = "{path}: not JSON ({error})"
MSG_BAD_CSV = "{path}: cannot be read as UTF-8 CSV ({error})"
MSG_NO_FILE = "{path}: no such file or directory"

# Which schema validates a whole document of each kind.
DOCUMENT_SCHEMA = {
    "service": "compiled/service.json",
    "organization": "compiled/organization.json",
    "service_at_location": "compiled/service_at_location.json",
}
_INTEGER = re.compile(r"^[+-]?\d+$")


def detect_kind(obj) -> str | None:
    """What a nested HSDS document is, from its fields."""
    if not isinstance(obj, dict):
        return None
    keys = set(obj)
    if keys & {"status", "service_at_locations", "program_id", "cost_options"}:
        return "service"
    if keys & {"location_type", "addresses", "accessibility"}:
        return "location"
    if "location" in keys or {"service_id", "location_id"} <= keys:
        return "service_at_location"
    if isinstance(obj.get("service"), dict):
        return "service_at_location"
    if keys & {"taxonomy_id", "taxonomy_detail", "parent_id", "term_uri", "code"}:
        return "taxonomy_term"
    if "version" in keys and keys <= {"id", "name", "description", "uri", "version", "metadata"}:
        return "taxonomy"
    if "name" in keys or "services" in keys:
        return "organization"
    return None


def _coerce(table: str, row: dict) -> dict:
    """A CSV row with the spec's types: numbers as numbers, empty cells left out."""
    props = table_schemas()[table]["properties"]
    coerced: dict = {}
    for key, value in row.items():
        if key is None or value is None or value == "":
            continue
        if props.get(key, {}).get("type") == "number":
            text = value.strip()
            try:
                number = int(text) if _INTEGER.match(text) else float(text)
            except ValueError:
                number = None
            coerced[key] = value if number is None or number != number else number
        else:
            coerced[key] = value
    return coerced


def _add_rows(dataset: HsdsDataset, table: str, rows: Iterable[dict], where: str) -> None:
    for number, row in enumerate(rows, start=1):
        location = f"{where} row {number}"
        if not isinstance(row, dict):
            dataset.schema_errors.append(f"{location}: not an object")
            continue
        dataset.schema_errors.extend(schema_errors(row, f"{table}.json", where=location))
        row_id = row.get("id")
        if isinstance(row_id, str):
            merged = dataset.tables.setdefault(table, {}).setdefault(row_id, {})
            merged.update({k: v for k, v in row.items() if merged.get(k) in (None, "")})


def _read_csv(path: Path, table: str, dataset: HsdsDataset) -> None:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = [_coerce(table, row) for row in csv.DictReader(handle)]
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise HsdsFileError(MSG_BAD_CSV.format(path=path, error=error)) from error
    _add_rows(dataset, table, rows, path.name)


def _read_csv_files(paths: Iterable[Path], source: str) -> HsdsDataset:
    dataset = HsdsDataset(tables={}, source=source)
    for path in paths:
        table = table_for(path.name)
        if table is None:
            dataset.unknown[MSG_NOT_A_TABLE.format(name=path.name)] += 1
        else:
            _read_csv(path, table, dataset)
    return dataset


def _read_package(descriptor: Path, data: dict) -> HsdsDataset:
    dataset = HsdsDataset(tables={}, source=str(descriptor))
    base = descriptor.parent.resolve()
    for resource in data.get("resources", []):
        if not isinstance(resource, dict):
            continue
        path = resource.get("path")
        table = table_for(str(path or "")) or table_for(str(resource.get("name") or ""))
        if not isinstance(path, str) or table is None:
            dataset.unknown[MSG_NOT_A_TABLE.format(name=path or resource.get("name"))] += 1
            continue
        file = (base / path).resolve()
        if not file.is_relative_to(base) or not file.is_file():
            raise HsdsFileError(MSG_NO_FILE.format(path=path))
        _read_csv(file, table, dataset)
    return dataset


def _is_tabular(data: dict) -> bool:
    """``{"services.csv": [rows], ...}``: tables as JSON (as in the spec's tabular example)."""
    return bool(data) and all(
        isinstance(value, list) and table_for(key) is not None for key, value in data.items()
    )


def _cells(dataset: HsdsDataset, table: str, row) -> dict:
    """A row of tables as JSON, read as CSV cells: the spec's own example has numbers in
    text columns. Nested values have no column: they are counted as not mapped."""
    if not isinstance(row, dict):
        return row
    cells = {}
    for key, value in row.items():
        if isinstance(value, dict | list):
            dataset.unknown[f"{table_label(table)}.{key}"] += 1
        else:
            cells[key] = _cell(value)
    return _coerce(table, cells)


def dataset_from_document(data, *, source: str = "") -> HsdsDataset:
    """A nested HSDS document — one object, a list or a page of them, or tables as JSON."""
    dataset = HsdsDataset(tables={}, source=source)
    if isinstance(data, dict) and _is_tabular(data):
        for key, rows in data.items():
            table = table_for(key) or ""
            _add_rows(dataset, table, [_cells(dataset, table, row) for row in rows], key)
        return dataset
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        items, prefix = data["contents"], "contents/"
    elif isinstance(data, list):
        items, prefix = data, ""
    else:
        items, prefix = [data], None
    objects = []
    for number, obj in enumerate(items):
        where = "" if prefix is None else f"{prefix}{number}"
        kind = detect_kind(obj)
        if kind is None:
            dataset.schema_errors.append(MSG_NOT_HSDS.format(where=where or "(document)"))
            continue
        dataset.schema_errors.extend(
            schema_errors(obj, DOCUMENT_SCHEMA.get(kind, f"{kind}.json"), where=where)
        )
        objects.append((kind, obj))
    dataset.tables = flatten(objects, unknown=dataset.unknown)
    return dataset


def read_hsds(path: Path) -> HsdsDataset:
    """Read a JSON document, a datapackage.json, a package directory or one CSV table."""
    if path.is_dir():
        descriptor = path / "datapackage.json"
        if descriptor.is_file():
            return read_hsds(descriptor)
        return _read_csv_files(sorted(path.glob("*.csv")), str(path))
    if not path.is_file():
        raise HsdsFileError(MSG_NO_FILE.format(path=path))
    if path.suffix.lower() == ".csv":
        return _read_csv_files([path], str(path))
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise HsdsFileError(MSG_BAD_JSON.format(path=path, error=error)) from error
    if isinstance(data, dict) and isinstance(data.get("resources"), list):
        return _read_package(path, data)
    return dataset_from_document(data, source=str(path))


# --- import: into a centre's catalogue ----------------------------------------------------

MSG_IMPORT_NOTE = "imported from HSDS"
MSG_ORG_IS_CENTRE = (
    "organization {id} is the centre “{name}”: its services are imported as {centre}'s own services"
)
MSG_ORG_UNKNOWN = (
    "service {id}: organization {org} is neither in the file nor known here; imported as the "
    "centre's own service"
)
MSG_ORG_SKIPPED = "organization {id}: not imported ({errors})"
MSG_LEGAL_FORM = "organization {id}: legal status “{value}” not recognised; recorded as “other”"
MSG_IDENTIFIER = "organization {id}: {kind} “{value}” is not valid; left out"
MSG_DROPPED = "{table} {id}: {field} “{value}” is not valid; left out"
MSG_TRUNCATED = "{table} {id}: {field} cut to {limit} characters"
MSG_OTHER_CENTRE = "{count} {table}(s) of another centre's catalogue left alone: {ids}"
MSG_LOCATION_TYPE = "location {id}: a {type} location is not a place; not imported"
MSG_LOCATION_NO_ADDRESS = "location {id}: no address; not imported"
MSG_LOCATION_ABROAD = "location {id}: the address is in {country}, not in Poland; not imported"
MSG_LOCATION_POSTAL_CODE = (
    "location {id}: postal code “{value}” is not a Polish one (00-000); not imported"
)
MSG_LOCATION_SKIPPED = "location {id}: not imported ({errors})"
MSG_GMINA_BY_CITY = "location {id}: gmina {gmina} ({code}) found by the city “{city}”"
MSG_GMINA_DEFAULT = (
    "location {id}: no gmina found for the city “{city}”; put in the centre's seat gmina "
    "{gmina} ({code}) — check it"
)
MSG_COORDINATES = "location {id}: coordinates {latitude}, {longitude} are not valid; left out"
MSG_ARCHIVED = "service {id} is archived here; not changed"
MSG_SERVICE_SKIPPED = "service {id}: not imported ({errors})"
MSG_DEFAULT_AREA = "service {id}: no area of ours; put in “{label}” — classify it"
MSG_DEFAULT_GROUP = "service {id}: no target group of ours; put in “{label}” — classify it"
MSG_DEFAULT_DELIVERY = (
    "service {id}: how it is delivered is not known; assumed “{label}” — check it"
)
MSG_DEFAULT_ACCESS = "service {id}: how to get it is not known; assumed “{label}”"
MSG_DEFAULT_RESIDENTS = (
    "service {id}: no service area is a gmina the centre serves; open to the residents of the "
    "centre's gminas"
)
MSG_AREA_LEFT_OUT = "service {id}: service area “{name}” is not a gmina the centre may serve"
MSG_DEFAULT_SUMMARY = (
    "service {id}: no easy-to-read summary; the description's first sentence is used"
)
MSG_NO_DESCRIPTION = "service {id}: no description; the name is used"
MSG_NO_COST = "service {id}: no cost in PLN; recorded as free — check it"
MSG_CURRENCY = "service {id}: cost option {cost} is in {currency}, not PLN; left out"
MSG_MARKET_UNKNOWN = (
    "service {id}: the real value is not known; taken equal to the price — check it"
)
MSG_MARKET_BELOW = (
    "service {id}: the real value {value} is below the price {price}; taken equal to the "
    "price — check it"
)
MSG_UNIT_UNKNOWN = "service {id}: the unit is not known; assumed “{label}” — check it"
MSG_FUNDING_UNKNOWN = "service {id}: funding source “{source}” not recognised"
MSG_DOCUMENT_UNKNOWN = "service {id}: required document “{document}” not recognised"
MSG_ID_TAKEN = "{table} {id}: the id is used by another service here; not imported"
MSG_SCHEDULE_SKIPPED = "schedule {id}: {reason}; not imported"
MSG_SCHEDULE_PLACE = (
    "schedule {id}: its place (service at location {link}) was not imported; kept as general "
    "opening hours"
)
MSG_SCHEDULE_TIMEZONE = "schedule {id}: time zone offsets ignored; times taken as local time"
MSG_LINK_NO_LOCATION = (
    "service at location {id}: location {location} was not imported; link left out"
)
MSG_ATTRIBUTE_VALUE = "{table} {id}: “{term}” value “{value}” is not valid; left out"
MSG_KEPT_DRAFT = "service {id}: imported as a draft (HSDS status “{status}”)"
MSG_NEEDS_REVIEW = (
    "service {id}: active in HSDS, imported as a draft until the points above are checked"
)
MSG_STILL_PUBLISHED = "service {id}: stays published; check the points above"
MSG_CANNOT_PUBLISH = "service {id}: imported as a draft: {problems}"
MSG_STATUS = "service {id}: {old} → {new} (HSDS status “{status}”)"

REASON_FREQ = "freq {value} is not supported (weekly slots only)"
REASON_INTERVAL = "every {value} weeks is not supported"
REASON_BYDAY = "byday “{value}” is not a list of weekdays (MO … SU)"
REASON_TIMES = "no valid opens_at and closes_at"
REASON_ORDER = "it closes before it opens"

DEFAULT_AREA = ServiceArea.SOCIAL_ASSISTANCE
DEFAULT_GROUP = TargetGroup.ALL
DEFAULT_DELIVERY = DeliveryMode.AT_LOCATION
DEFAULT_ACCESS = AccessMode.APPLICATION
DEFAULT_UNIT = Unit.SESSION

# What the importer reads of each table; other non-empty columns are reported as not mapped.
READ_COLUMNS: dict[str, set[str]] = {
    "organization": {"id", "name", "description", "email", "legal_status"},
    "organization_identifier": {
        "id",
        "organization_id",
        "identifier",
        "identifier_type",
        "identifier_scheme",
    },
    "phone": {"id", "number", "service_id", "organization_id"},
    "service": {
        "id",
        "organization_id",
        "name",
        "description",
        "url",
        "email",
        "status",
        "application_process",
        "fees_description",
        "eligibility_description",
        "minimum_age",
        "maximum_age",
        "last_modified",
    },
    "service_at_location": {"id", "service_id", "location_id", "description"},
    "location": {
        "id",
        "location_type",
        "organization_id",
        "name",
        "transportation",
        "latitude",
        "longitude",
    },
    "address": {
        "id",
        "location_id",
        "address_1",
        "address_2",
        "city",
        "region",
        "state_province",
        "postal_code",
        "country",
        "address_type",
    },
    "accessibility": {"id", "location_id", "description", "details"},
    "schedule": {
        "id",
        "service_id",
        "service_at_location_id",
        "location_id",
        "freq",
        "interval",
        "byday",
        "opens_at",
        "closes_at",
        "notes",
    },
    "service_area": {"id", "service_id", "name", "description", "extent", "extent_type"},
    "cost_option": {"id", "service_id", "option", "currency", "amount", "amount_description"},
    "funding": {"id", "service_id", "source"},
    "required_document": {"id", "service_id", "document"},
    "language": {"id", "service_id", "name", "code"},
    "attribute": {"id", "link_id", "link_entity", "link_type", "taxonomy_term_id", "value"},
}
REFERENCE_TABLES = ("taxonomy", "taxonomy_term")
_POSTAL_CODE = re.compile(r"^\s*(\d{2})-?(\d{3})\s*$")
_TERYT = re.compile(r"\b(\d{6}[1-3])\b")
_CLOCK = re.compile(
    r"^\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?\s*$", re.I
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
POLISH = frozenset({"pl", "pol", "polski", "polish", "język polski"})
POLAND = frozenset({"pl", "pol", "poland", "polska"})


@dataclass
class ImportReport:
    source: str = ""
    dry_run: bool = False
    schema_errors: list[str] = field(default_factory=list)
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    reused: Counter = field(default_factory=Counter)
    published: list[str] = field(default_factory=list)
    drafts: list[str] = field(default_factory=list)
    not_mapped: Counter = field(default_factory=Counter)
    unknown_terms: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.schema_errors

    def count(self, *, updated: bool, kind: str) -> None:
        (self.updated if updated else self.created)[kind] += 1

    def note(self, message: str, **params) -> None:
        self.notes.append(message.format(**params))

    def lines(self) -> list[str]:
        """The report as text, for the command's output."""

        def counts(counter: Counter) -> str:
            return ", ".join(f"{n} {kind}" for kind, n in sorted(counter.items())) or "nothing"

        lines = [f"HSDS import from {self.source}" + (" (dry run: nothing saved)" * self.dry_run)]
        if self.schema_errors:
            lines.append(
                f"{len(self.schema_errors)} schema error(s); nothing imported (field paths below):"
            )
            lines.extend(f"  {error}" for error in self.schema_errors)
            return lines
        lines.append(f"Created: {counts(self.created)}")
        lines.append(f"Updated: {counts(self.updated)}")
        if self.reused:
            lines.append(f"Already known, used as they are: {counts(self.reused)}")
        lines.append(f"Services published: {len(self.published)}, drafts: {len(self.drafts)}")
        if self.not_mapped:
            lines.append("Not mapped (HSDS field or rows: count):")
            lines.extend(f"  {path}: {n}" for path, n in sorted(self.not_mapped.items()))
        if self.unknown_terms:
            lines.append("Unknown taxonomy terms (term: attributes):")
            lines.extend(f"  {term}: {n}" for term, n in sorted(self.unknown_terms.items()))
        if self.notes:
            lines.append("Notes:")
            lines.extend(f"  {note}" for note in self.notes)
        return lines


def _messages(error: ValidationError) -> str:
    with translation.override("en"):
        return "; ".join(str(message) for message in error.messages)


def _decimal(value) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _parse_clock(value) -> tuple[time | None, bool]:
    """(time, had an offset) of an HSDS opens_at/closes_at."""
    match = _CLOCK.match(value) if isinstance(value, str) else None
    if not match:
        return None, False
    hours, minutes, seconds = int(match[1]), int(match[2]), int(match[3] or 0)
    if hours > 23 or minutes > 59 or seconds > 59:
        return None, False
    return time(hours, minutes, seconds), bool(match[4])


def _same(text, *labels) -> bool:
    wanted = fold(str(text or "")).strip()
    return bool(wanted) and any(wanted == fold(str(label)).strip() for label in labels)


def _label_match(text, choices) -> str | None:
    """The code of ``choices`` whose code or Polish or English label is ``text``."""
    for value, label in choices.choices:
        if _same(text, value, _pl(label), _en(label)):
            return value
    return None


class _Importer:
    """One run of ``hsds_import``: reads the tables, writes the centre's catalogue."""

    def __init__(self, *, centre: Centre, by, tables: Tables, report: ImportReport):
        self.centre, self.by, self.tables, self.report = centre, by, tables, report
        self.used: dict[str, set[str]] = defaultdict(set)
        self.links: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
        for table, rows in tables.items():
            for row in rows.values():
                for column, value in row.items():
                    if (column.endswith("_id") or column == "link_id") and isinstance(value, str):
                        self.links[(table, column, value)].append(row)
        terms = list(Term.objects.all())
        self.terms = {str(t.id): t for t in terms}
        self.terms_by_code = {(t.vocabulary, t.code): t for t in terms}
        self.term_codes = Counter(t.code for t in terms)
        self.taxonomies = {str(taxonomy_uuid(t)): t for t in TAXONOMIES}
        self.region = list(Gmina.objects.filter(code__startswith=centre.seat_gmina_id[:2]))
        self.served = set(centre.gminas.values_list("code", flat=True))
        self.allowed = {g.code: g for g in allowed_resident_gminas(centre)}
        self.organizations: dict[str, Organisation | None] = {}
        self.locations: dict[str, Location | None] = {}
        self.last_modified: dict[str, datetime] = {}
        self.resolved: dict[str, Term | ExtensionTerm | None] = {}
        self.other_centres: dict[str, str] = {}
        self.unchecked: set[tuple[str, str]] = set()
        self.elsewhere: dict[str, list[str]] = defaultdict(list)

    # -- reading helpers

    def rows(self, table: str) -> list[dict]:
        return list(self.tables.get(table, {}).values())

    def children(self, table: str, column: str, value: str) -> list[dict]:
        return self.links.get((table, column, value), [])

    def take(self, table: str, row: dict) -> None:
        self.used[table].add(row["id"])

    def lost(self, table: str, column: str) -> None:
        self.report.not_mapped[f"{table_label(table)}.{column}"] += 1

    def text(self, table: str, row_id: str, name: str, value, limit: int) -> str:
        text = str(value or "").strip()
        if len(text) > limit:
            self.report.note(MSG_TRUNCATED, table=table, id=row_id, field=name, limit=limit)
            text = text[:limit]
        return text

    def term_of(self, attribute: dict) -> Term | ExtensionTerm | None:
        """Our term for an attribute: by id; by code in a taxonomy we know (by its id, its
        name in ``taxonomy`` or the attribute's ``link_type``); or by a code that is ours in
        one vocabulary only, when the term names no taxonomy."""
        term_id = attribute.get("taxonomy_term_id")
        if term_id in self.terms:
            return self.terms[term_id]
        if term_id in EXTENSION_BY_ID:
            return EXTENSION_BY_ID[term_id]
        row = self.tables.get("taxonomy_term", {}).get(term_id or "", {})
        code = row.get("code")
        vocabulary = self.taxonomies.get(row.get("taxonomy_id", ""))
        for candidate in (row.get("taxonomy"), attribute.get("link_type")):
            if vocabulary is None and candidate in TAXONOMIES:
                vocabulary = candidate
        if code and vocabulary == EXTENSION and code in EXTENSION_BY_CODE:
            return EXTENSION_BY_CODE[code]
        if code and vocabulary in Vocabulary.values and (vocabulary, code) in self.terms_by_code:
            return self.terms_by_code[(vocabulary, code)]
        foreign = row.get("taxonomy_id") or row.get("taxonomy")
        if code and vocabulary is None and not foreign and self.term_codes[code] == 1:
            return next(t for t in self.terms.values() if t.code == code)
        self.report.unknown_terms[str(code or row.get("name") or term_id or "(no term)")] += 1
        return None

    def attributes(self, entity: str, owner: str) -> list[tuple[dict, Term | ExtensionTerm]]:
        found = []
        for attribute in self.children("attribute", "link_id", owner):
            if attribute.get("link_entity") not in (None, entity):
                continue
            if attribute["id"] not in self.resolved:
                self.resolved[attribute["id"]] = self.term_of(attribute)
            term = self.resolved[attribute["id"]]
            if term is not None:
                found.append((attribute, term))
        return found

    def extension_values(self, entity: str, owner: str, code: str) -> list[str]:
        """The values of ``code`` attributes of an object (valid ones; the others noted)."""
        term = EXTENSION_BY_CODE[code]
        values = []
        for attribute, found in self.attributes(entity, owner):
            if found is not term:
                continue
            value = str(attribute.get("value", "")).strip()
            if not value or (term.values and value not in term.values):
                self.report.note(
                    MSG_ATTRIBUTE_VALUE, table=entity, id=owner, term=code, value=value
                )
                continue
            self.take("attribute", attribute)
            values.append(value)
        return values

    # -- organizations

    def import_organizations(self) -> None:
        for row in self.rows("organization"):
            self.organizations[row["id"]] = self.organization(row)

    def organization(self, row: dict) -> Organisation | None:
        org_id = row["id"]
        centre = Centre.objects.filter(pk=org_id).first()
        if centre is not None:
            self.known_organization(row)
            if centre.pk != self.centre.pk:
                self.other_centres[org_id] = centre.name
            return None
        existing = Organisation.objects.filter(pk=org_id).first()
        if existing is not None:
            self.known_organization(row)
            self.report.reused["organizations"] += 1
            return existing
        numbers = self.identifiers(org_id)
        phones = self.children("phone", "organization_id", org_id)
        organisation = Organisation(
            id=org_id,
            name=self.text("organization", org_id, "name", row.get("name"), 300),
            legal_form=self.legal_form(row),
            email=self.email("organization", org_id, row.get("email")),
            phone=self.text("phone", phones[0]["id"], "number", phones[0]["number"], 40)
            if phones
            else "",
            **numbers,
        )
        organisation.slug = self.unique_slug(organisation.name)
        try:
            organisation.full_clean()
        except ValidationError as error:
            self.report.note(MSG_ORG_SKIPPED, id=org_id, errors=_messages(error))
            return None
        organisation.save(force_insert=True)
        self.take("organization", row)
        if phones:
            self.take("phone", phones[0])
        expected = organisation_to_hsds(organisation)["description"]
        if row.get("description") and row["description"] != expected:
            self.lost("organization", "description")
        self.report.created["organizations"] += 1
        return organisation

    def known_organization(self, row: dict) -> None:
        """A centre or an organisation we have: used as it is, its rows are not reported."""
        org_id = row["id"]
        rows = [
            ("organization", row),
            *(
                ("organization_identifier", r)
                for r in self.children("organization_identifier", "organization_id", org_id)
            ),
            *(("phone", r) for r in self.children("phone", "organization_id", org_id)),
            *(("attribute", r) for r in self.children("attribute", "link_id", org_id)),
        ]
        for table, known in rows:
            self.take(table, known)
            self.unchecked.add((table, known["id"]))

    def set_aside(self, table: str, row: dict) -> None:
        """An object of another centre's catalogue: left alone, and neither it nor the rows
        about it (its phones, hours, attributes, …) are reported as not mapped."""
        self.elsewhere[table].append(row["id"])
        stack = [(table, row)]
        while stack:
            table, row = stack.pop()
            if (table, row["id"]) in self.unchecked:
                continue
            self.take(table, row)
            self.unchecked.add((table, row["id"]))
            for child in self.tables:
                for column in (f"{table}_id", "link_id"):
                    stack.extend((child, r) for r in self.children(child, column, row["id"]))

    def legal_form(self, row: dict) -> str:
        values = self.extension_values("organization", row["id"], "legal_form")
        if values:
            return values[0]
        status = row.get("legal_status")
        found = _label_match(status, LegalForm) if status else None
        if found:
            return found
        if status:
            self.report.note(MSG_LEGAL_FORM, id=row["id"], value=status)
        return LegalForm.OTHER

    def identifiers(self, org_id: str) -> dict[str, str]:
        schemes = {"PL-KRS": "krs", "PL-NIP": "nip", "PL-REGON": "regon"}
        validators = {"nip": validate_nip, "regon": validate_regon, "krs": validate_krs}
        numbers: dict[str, str] = {}
        for row in self.children("organization_identifier", "organization_id", org_id):
            kind = str(row.get("identifier_type", "")).strip().lower()
            if kind not in validators:
                kind = schemes.get(str(row.get("identifier_scheme", "")).strip().upper(), "")
            if not kind or kind in numbers:
                continue
            value = re.sub(r"[\s-]", "", str(row.get("identifier", "")))
            self.take("organization_identifier", row)
            try:
                validators[kind](value)
            except ValidationError:
                self.report.note(MSG_IDENTIFIER, id=org_id, kind=kind.upper(), value=value)
                continue
            numbers[kind] = value
        return numbers

    def unique_slug(self, name: str) -> str:
        base = slugify(fold(name))[:50].strip("-") or "organizacja"
        slug, number = base, 1
        while Organisation.objects.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug

    def email(self, table: str, row_id: str, value) -> str:
        email = str(value or "").strip()
        if not email:
            return ""
        try:
            EmailValidator()(email)
            if len(email) > 254:
                raise ValidationError("too long")
        except ValidationError:
            self.report.note(MSG_DROPPED, table=table, id=row_id, field="email", value=email)
            return ""
        return email

    def provider_for(self, service_id: str, org_id) -> Organisation | None:
        if not org_id:
            return None
        if org_id not in self.organizations:
            centre = Centre.objects.filter(pk=org_id).first()
            found = None if centre else Organisation.objects.filter(pk=org_id).first()
            if centre is not None and centre.pk != self.centre.pk:
                self.other_centres[org_id] = centre.name
            elif found is not None:
                self.report.reused["organizations"] += 1
            elif centre is None:
                self.report.note(MSG_ORG_UNKNOWN, id=service_id, org=org_id)
            self.organizations[org_id] = found
        if org_id in self.other_centres:
            # Noted once, when a service of another centre's comes into this catalogue.
            name = self.other_centres.pop(org_id)
            self.report.note(MSG_ORG_IS_CENTRE, id=org_id, name=name, centre=self.centre.name)
        return self.organizations[org_id]

    # -- locations

    def import_locations(self) -> None:
        for row in self.rows("location"):
            self.locations[row["id"]] = self.location(row)

    def location(self, row: dict) -> Location | None:
        location_id = row["id"]
        existing = Location.objects.filter(pk=location_id).first()
        if existing is not None and existing.centre_id != self.centre.pk:
            self.set_aside("location", row)
            return None
        if row.get("location_type") != "physical":
            self.report.note(MSG_LOCATION_TYPE, id=location_id, type=row.get("location_type"))
            return None
        addresses = self.children("address", "location_id", location_id)
        addresses.sort(key=lambda a: a.get("address_type") != "physical")
        if not addresses:
            self.report.note(MSG_LOCATION_NO_ADDRESS, id=location_id)
            return None
        address = addresses[0]
        country = str(address.get("country", "")).strip()
        if country and country.lower() not in POLAND:
            self.report.note(MSG_LOCATION_ABROAD, id=location_id, country=country)
            return None
        postal = _POSTAL_CODE.match(str(address.get("postal_code", "")))
        if not postal:
            self.report.note(
                MSG_LOCATION_POSTAL_CODE, id=location_id, value=address.get("postal_code", "")
            )
            return None
        street = ", ".join(
            str(address[key]).strip() for key in ("address_1", "address_2") if address.get(key)
        )
        city = self.text("address", address["id"], "city", address.get("city"), 100)
        fields = {
            "name": self.text("location", location_id, "name", row.get("name") or street, 200),
            "street": self.text("address", address["id"], "address_1", street, 200),
            "postal_code": f"{postal[1]}-{postal[2]}",
            "city": city,
            "gmina": self.gmina_of(location_id, city),
            "transport_notes": str(row.get("transportation", "")).strip(),
            **self.coordinates(row),
            **self.accessibility(location_id),
        }
        location = existing or Location(id=location_id, centre=self.centre)
        for name, value in fields.items():
            setattr(location, name, value)
        try:
            location.full_clean()
        except ValidationError as error:
            self.report.note(MSG_LOCATION_SKIPPED, id=location_id, errors=_messages(error))
            return None
        location.save(force_insert=existing is None)
        self.take("location", row)
        self.take("address", address)
        expected = location_to_hsds(
            Location.objects.select_related("gmina__powiat__voivodeship").get(pk=location.pk)
        )["addresses"][0]
        for column in ("region", "state_province"):
            if address.get(column) and address[column] != expected[column]:
                self.lost("address", column)
        self.report.count(updated=existing is not None, kind="locations")
        return location

    def gmina_of(self, location_id: str, city: str) -> Gmina:
        for code in self.extension_values("location", location_id, "gmina"):
            gmina = Gmina.objects.filter(pk=code).first()
            if gmina is not None:
                return gmina
        candidates = [g for g in self.region if _same(city, g.name)]
        pool = [g for g in candidates if g.code in self.served] or candidates
        if len(pool) > 1:
            # A town's name is both its urban gmina's and the rural one around it.
            towns = [g for g in pool if g.kind != "2"]
            pool = towns if len(towns) == 1 else pool
        if len(pool) == 1:
            self.report.note(
                MSG_GMINA_BY_CITY, id=location_id, gmina=pool[0].name, code=pool[0].code, city=city
            )
            return pool[0]
        seat = self.centre.seat_gmina
        self.report.note(
            MSG_GMINA_DEFAULT, id=location_id, city=city, gmina=seat.name, code=seat.code
        )
        return seat

    def coordinates(self, row: dict) -> dict:
        latitude, longitude = _decimal(row.get("latitude")), _decimal(row.get("longitude"))
        if latitude is None and longitude is None:
            return {"latitude": None, "longitude": None}
        if (
            latitude is None
            or longitude is None
            or not (-90 <= latitude <= 90 and -180 <= longitude <= 180)
        ):
            self.report.note(
                MSG_COORDINATES,
                id=row["id"],
                latitude=row.get("latitude"),
                longitude=row.get("longitude"),
            )
            return {"latitude": None, "longitude": None}
        quantum = Decimal("0.00001")
        return {"latitude": latitude.quantize(quantum), "longitude": longitude.quantize(quantum)}

    def accessibility(self, location_id: str) -> dict:
        fields: dict = dict.fromkeys(ACCESSIBILITY_FEATURES, False)
        notes = []
        for entry in self.children("accessibility", "location_id", location_id):
            self.take("accessibility", entry)
            values = self.extension_values("accessibility", entry["id"], "accessibility")
            feature = values[0] if values else None
            if feature is None:
                feature = next(
                    (
                        name
                        for name in ACCESSIBILITY_FEATURES
                        if _same(entry.get("description"), *self.feature_labels(name))
                    ),
                    None,
                )
            if feature in ACCESSIBILITY_FEATURES:
                fields[feature] = True
                if entry.get("details"):
                    notes.append(str(entry["details"]).strip())
            else:
                text = "\n".join(
                    str(entry[key]).strip() for key in ("description", "details") if entry.get(key)
                )
                if text:
                    notes.append(text)
        fields["accessibility_notes"] = "\n\n".join(notes)
        return fields

    @staticmethod
    def feature_labels(name: str) -> tuple[str, str]:
        label = _field_name(Location, name)
        return _pl(label), _en(label)

    # -- services

    def import_services(self) -> None:
        for row in self.rows("service"):
            self.service(row)

    def service(self, row: dict) -> None:
        service_id = row["id"]
        existing = Service.objects.filter(pk=service_id).first()
        if existing is not None and existing.centre_id != self.centre.pk:
            self.set_aside("service", row)
            return
        if existing is not None and existing.status == ServiceStatus.ARCHIVED:
            self.report.note(MSG_ARCHIVED, id=service_id)
            return
        review: list[str] = []
        relations = self.classification(service_id, review)
        links = self.link_rows(service_id)
        fields = {
            **self.texts(row),
            **self.delivery(service_id, links, review),
            **self.ages(row),
            **self.fee(service_id, review),
            "provider": self.provider_for(service_id, row.get("organization_id")),
            "phone": self.phone(service_id),
            "is_demo": False,
        }
        fields["fee_notes"] = self.fee_notes(row.get("fees_description"), fields)
        access = self.extension_values("service", service_id, "access_mode")
        if not access:
            self.report.note(MSG_DEFAULT_ACCESS, id=service_id, label=_en(DEFAULT_ACCESS.label))
        fields["access_mode"] = access[0] if access else DEFAULT_ACCESS
        fields.update(self.capacity(service_id))
        fields["summary"] = self.summary(service_id, fields["description"])
        relations["residents_of"] = self.residents(service_id)
        try:
            validate_service(centre=self.centre, fields=fields, relations=relations)
            service = self.save_service(existing, service_id, fields, relations)
        except ValidationError as error:
            self.report.note(MSG_SERVICE_SKIPPED, id=service_id, errors=_messages(error))
            return
        self.take("service", row)
        self.languages(service_id)
        self.save_documents(service)
        saved_links = self.save_links(service, links)
        self.save_schedules(service, saved_links)
        index_service(service)
        self.settle_status(service, existing, row.get("status", ""), review)
        if row.get("last_modified"):
            self.last_modified[service_id] = parse_timestamp(row["last_modified"])

    def texts(self, row: dict) -> dict:
        service_id = row["id"]
        name = self.text("service", service_id, "name", row.get("name"), 200)
        description = str(row.get("description", "")).strip()
        if not description:
            self.report.note(MSG_NO_DESCRIPTION, id=service_id)
        website = str(row.get("url", "")).strip()
        if website:
            try:
                URLValidator()(website)
                if len(website) > 200:
                    raise ValidationError("too long")
            except ValidationError:
                self.report.note(
                    MSG_DROPPED, table="service", id=service_id, field="url", value=website
                )
                website = ""
        return {
            "name": name,
            "description": description or name,
            "website": website,
            "email": self.email("service", service_id, row.get("email")),
            "how_to_apply": str(row.get("application_process", "")).strip(),
            "eligibility_notes": str(row.get("eligibility_description", "")).strip(),
        }

    def ages(self, row: dict) -> dict:
        ages = {}
        for column, name in (("minimum_age", "min_age"), ("maximum_age", "max_age")):
            value = row.get(column)
            age = _decimal(value)
            if age is not None and (age != age.to_integral_value() or not 0 <= age <= 150):
                self.report.note(
                    MSG_DROPPED, table="service", id=row["id"], field=column, value=value
                )
                age = None
            ages[name] = None if age is None else int(age)
        lowest, highest = ages["min_age"], ages["max_age"]
        if lowest is not None and highest is not None and highest < lowest:
            self.report.note(
                MSG_DROPPED, table="service", id=row["id"], field="maximum_age", value=highest
            )
            ages["max_age"] = None
        return ages

    def summary(self, service_id: str, description: str) -> str:
        values = self.extension_values("service", service_id, "summary")
        if values:
            return self.text("service", service_id, "summary", values[0], 400)
        self.report.note(MSG_DEFAULT_SUMMARY, id=service_id)
        return _SENTENCE_END.split(description.strip(), maxsplit=1)[0][:400]

    def classification(self, service_id: str, review: list[str]) -> dict:
        relations: dict[str, list] = {name: [] for name in VOCABULARY_RELATION.values()}
        for attribute, term in self.attributes("service", service_id):
            if isinstance(term, Term):
                relations[VOCABULARY_RELATION[term.vocabulary]].append(term)
                self.take("attribute", attribute)
        relations["funding"].extend(self.funding(service_id))
        for name, default, message in (
            ("areas", DEFAULT_AREA, MSG_DEFAULT_AREA),
            ("target_groups", DEFAULT_GROUP, MSG_DEFAULT_GROUP),
        ):
            if not relations[name]:
                vocabulary = next(v for v, r in VOCABULARY_RELATION.items() if r == name)
                relations[name] = [self.terms_by_code[(vocabulary, default)]]
                label = _en(VOCABULARY_CHOICES[vocabulary](default).label)
                self.report.note(message, id=service_id, label=label)
                review.append(name)
        return {name: list(dict.fromkeys(terms)) for name, terms in relations.items()}

    def funding(self, service_id: str) -> list[Term]:
        found = []
        for row in self.children("funding", "service_id", service_id):
            terms = [
                (attribute, term)
                for attribute, term in self.attributes("funding", row["id"])
                if isinstance(term, Term) and term.vocabulary == Vocabulary.FUNDING
            ]
            term = terms[0][1] if terms else None
            if term is None:
                code = _label_match(row.get("source"), VOCABULARY_CHOICES[Vocabulary.FUNDING])
                term = self.terms_by_code.get((Vocabulary.FUNDING, code)) if code else None
            if term is None:
                source = str(row.get("source", ""))[:80]
                self.report.note(MSG_FUNDING_UNKNOWN, id=service_id, source=source)
                continue
            self.take("funding", row)
            for attribute, _term in terms:
                self.take("attribute", attribute)
            found.append(term)
        return found

    def link_rows(self, service_id: str) -> list[tuple[dict, Location | None]]:
        """The service's locations: (link row, our location or None when not imported)."""
        found = []
        for row in self.children("service_at_location", "service_id", service_id):
            location_id = row.get("location_id", "")
            if location_id not in self.locations:
                self.locations[location_id] = Location.objects.filter(
                    pk=location_id, centre=self.centre
                ).first()
            found.append((row, self.locations[location_id]))
        return found

    def delivery(self, service_id: str, links, review: list[str]) -> dict:
        modes = set(self.extension_values("service", service_id, "delivery_mode"))
        if not modes:
            for row, location in links:
                kind = self.tables.get("location", {}).get(row.get("location_id", ""), {})
                if location is not None:
                    modes.add(DeliveryMode.AT_LOCATION)
                elif kind.get("location_type") == "virtual":
                    modes.add(DeliveryMode.REMOTE)
        if not modes:
            modes.add(DEFAULT_DELIVERY)
            self.report.note(MSG_DEFAULT_DELIVERY, id=service_id, label=_en(DEFAULT_DELIVERY.label))
            review.append("delivery")
        return {mode: mode in modes for mode in DeliveryMode.values}

    def capacity(self, service_id: str) -> dict:
        capacity = self.extension_values("service", service_id, "capacity")
        period = self.extension_values("service", service_id, "capacity_period")
        if capacity and period and capacity[0].isdigit():
            return {"capacity": int(capacity[0]), "capacity_period": period[0]}
        if capacity or period:
            self.report.note(
                MSG_ATTRIBUTE_VALUE,
                table="service",
                id=service_id,
                term="capacity",
                value="/".join([*capacity, *period]),
            )
        return {"capacity": None, "capacity_period": ""}

    def fee(self, service_id: str, review: list[str]) -> dict:
        options = []
        for row in self.children("cost_option", "service_id", service_id):
            currency = str(row.get("currency") or "PLN").strip()
            if currency.upper() != "PLN":
                self.report.note(MSG_CURRENCY, id=service_id, cost=row["id"], currency=currency)
            elif _decimal(row.get("amount")) is not None and _decimal(row.get("amount")) >= 0:
                options.append(row)
        if not options:
            self.report.note(MSG_NO_COST, id=service_id)
            review.append("fee")
            zero = Decimal("0.00")
            return {
                "fee_kind": FeeKind.FREE,
                "unit": DEFAULT_UNIT,
                "market_value": zero,
                "resident_price": zero,
            }
        option = options[0]
        self.take("cost_option", option)
        price = (_decimal(option["amount"]) or Decimal(0)).quantize(Decimal("0.01"))
        units = self.extension_values("cost_option", option["id"], "unit")
        if not units:
            self.report.note(MSG_UNIT_UNKNOWN, id=service_id, label=_en(DEFAULT_UNIT.label))
            review.append("unit")
        unit = units[0] if units else DEFAULT_UNIT
        values = self.extension_values("cost_option", option["id"], "market_value")
        market = _decimal(values[0]) if values else None
        if market is None:
            self.report.note(MSG_MARKET_UNKNOWN, id=service_id)
            review.append("market_value")
            market = price
        elif market < price:
            self.report.note(MSG_MARKET_BELOW, id=service_id, value=market, price=price)
            review.append("market_value")
            market = price
        market = market.quantize(Decimal("0.01"))
        if price == 0:
            kind = FeeKind.FREE
        elif price == market:
            kind = FeeKind.PAID
        else:
            kind = FeeKind.COFINANCED
        sentence = fee_sentence(market_value=market, resident_price=price, unit=unit)
        if option.get("amount_description") and option["amount_description"] != sentence:
            self.lost("cost_option", "amount_description")
        expected_option = capfirst(_pl(FeeKind(kind).label))
        if option.get("option") and option["option"] != expected_option:
            self.lost("cost_option", "option")
        return {"fee_kind": kind, "unit": unit, "market_value": market, "resident_price": price}

    def fee_notes(self, text, fields: dict) -> str:
        """The fees text without the sentence we generate from the amounts."""
        text = str(text or "").strip()
        sentence = fee_sentence(
            market_value=fields["market_value"],
            resident_price=fields["resident_price"],
            unit=fields["unit"],
        )
        return text.removeprefix(sentence).strip()

    def phone(self, service_id: str) -> str:
        phones = self.children("phone", "service_id", service_id)
        if not phones:
            return ""
        self.take("phone", phones[0])
        return self.text("phone", phones[0]["id"], "number", phones[0].get("number"), 40)

    def residents(self, service_id: str) -> list[Gmina]:
        found: dict[str, Gmina] = {}
        for area in self.children("service_area", "service_id", service_id):
            texts = [area.get("extent", ""), area.get("description", ""), area.get("name", "")]
            codes = [m for text in texts for m in _TERYT.findall(str(text))]
            gmina = next((self.allowed[c] for c in codes if c in self.allowed), None)
            if gmina is None and not codes:
                named = [g for g in self.allowed.values() if _same(area.get("name"), g.name)]
                gmina = named[0] if len(named) == 1 else None
            if gmina is None:
                self.report.note(
                    MSG_AREA_LEFT_OUT, id=service_id, name=str(area.get("name", ""))[:80]
                )
                continue
            self.take("service_area", area)
            found[gmina.code] = gmina
        if found:
            return list(found.values())
        self.report.note(MSG_DEFAULT_RESIDENTS, id=service_id)
        return list(self.centre.gminas.all())

    def languages(self, service_id: str) -> None:
        """Polish is what every service speaks; other languages are reported."""
        for language in self.children("language", "service_id", service_id):
            names = {str(language.get("code", "")).lower(), fold(str(language.get("name", "")))}
            if names & POLISH:
                self.take("language", language)

    def documents(self, service_id: str) -> list[tuple[str, str]]:
        found: dict[str, str] = {}
        for row in self.children("required_document", "service_id", service_id):
            kinds = self.extension_values("required_document", row["id"], "document")
            kind = kinds[0] if kinds else _label_match(row.get("document"), RequiredDocument)
            if kind is None:
                document = str(row.get("document", ""))[:80]
                self.report.note(MSG_DOCUMENT_UNKNOWN, id=service_id, document=document)
                continue
            if kind not in found.values():
                self.take("required_document", row)
                found[row["id"]] = kind
        return list(found.items())

    def save_service(self, existing, service_id: str, fields: dict, relations: dict) -> Service:
        many = ["areas", "target_groups", "needs", "funding", "residents_of"]
        if existing is not None:
            service = existing
            for name, value in fields.items():
                setattr(service, name, value)
            service.full_clean(exclude=many)
            service.save()
            service.service_locations.all().delete()
            service.schedules.all().delete()
            service.documents.all().delete()
            self.report.updated["services"] += 1
        else:
            service = Service(
                id=service_id,
                centre=self.centre,
                status=ServiceStatus.DRAFT,
                status_changed_at=timezone.now(),
                status_changed_by=self.by,
                **fields,
            )
            service.full_clean(exclude=many)
            service.save(force_insert=True)
            ServiceStatusChange.objects.create(
                service=service, status=ServiceStatus.DRAFT, by=self.by, note=MSG_IMPORT_NOTE
            )
            self.report.created["services"] += 1
        for name in many:
            getattr(service, name).set(relations[name])
        return service

    def free(self, model, table: str, ids: Iterable[str], service: Service) -> set[str]:
        """The ids not already used by another service's rows."""
        taken = {
            str(pk)
            for pk in model.objects.filter(pk__in=list(ids))
            .exclude(service=service)
            .values_list("pk", flat=True)
        }
        for row_id in sorted(taken):
            self.report.note(MSG_ID_TAKEN, table=table, id=row_id)
        return set(ids) - taken

    def save_documents(self, service: Service) -> None:
        documents = self.documents(str(service.pk))
        free = self.free(ServiceDocument, "required_document", [d for d, _k in documents], service)
        for document_id, kind in documents:
            if document_id in free:
                ServiceDocument.objects.create(id=document_id, service=service, kind=kind)
                self.report.created["required documents"] += 1

    def save_links(self, service: Service, links) -> dict[str, ServiceLocation]:
        saved: dict[str, ServiceLocation] = {}
        free = self.free(
            ServiceLocation, "service_at_location", [r["id"] for r, _l in links], service
        )
        for row, location in links:
            if location is None:
                self.report.note(
                    MSG_LINK_NO_LOCATION, id=row["id"], location=row.get("location_id")
                )
                continue
            if row["id"] not in free or any(s.location_id == location.pk for s in saved.values()):
                continue
            link = ServiceLocation(
                id=row["id"],
                service=service,
                location=location,
                description=self.text(
                    "service_at_location", row["id"], "description", row.get("description"), 300
                ),
            )
            link.save(force_insert=True)
            self.take("service_at_location", row)
            saved[row["id"]] = link
            self.report.created["services at locations"] += 1
        return saved

    def save_schedules(self, service: Service, links: dict[str, ServiceLocation]) -> None:
        service_id = str(service.pk)
        rows = {r["id"]: r for r in self.children("schedule", "service_id", service_id)}
        for link_row in self.children("service_at_location", "service_id", service_id):
            for row in self.children("schedule", "service_at_location_id", link_row["id"]):
                rows.setdefault(row["id"], row)
        slots = []
        for row in rows.values():
            slots.extend(self.slots(row, links))
        free = self.free(Schedule, "schedule", [slot.id for slot, _row in slots], service)
        for schedule, row in slots:
            if str(schedule.id) in free:
                schedule.service = service
                schedule.save(force_insert=True)
                self.take("schedule", row)
                self.report.created["schedules"] += 1

    def slots(self, row: dict, links: dict[str, ServiceLocation]) -> list[tuple[Schedule, dict]]:
        """One schedule row as weekly slots (one per day of ``byday``)."""
        freq = str(row.get("freq") or "WEEKLY").upper()
        days = [d.strip().upper() for d in str(row.get("byday", "")).split(",") if d.strip()]
        opens, opens_offset = _parse_clock(row.get("opens_at"))
        closes, closes_offset = _parse_clock(row.get("closes_at"))
        reason = None
        if freq != "WEEKLY":
            reason = REASON_FREQ.format(value=freq)
        elif row.get("interval") not in (None, 1):
            reason = REASON_INTERVAL.format(value=row["interval"])
        elif not days or any(d not in Weekday.values for d in days):
            reason = REASON_BYDAY.format(value=row.get("byday", ""))
        elif opens is None or closes is None:
            reason = REASON_TIMES
        elif closes <= opens:
            reason = REASON_ORDER
        if reason:
            self.report.note(MSG_SCHEDULE_SKIPPED, id=row["id"], reason=reason)
            return []
        if opens_offset or closes_offset:
            self.report.note(MSG_SCHEDULE_TIMEZONE, id=row["id"])
        link_id = row.get("service_at_location_id")
        link = links.get(link_id or "")
        if link_id and link is None:
            self.report.note(MSG_SCHEDULE_PLACE, id=row["id"], link=link_id)
        note = self.text("schedule", row["id"], "notes", row.get("notes"), 200)
        return [
            (
                Schedule(
                    id=row["id"] if number == 0 else derived_id(row["id"], day),
                    service_location=link,
                    weekday=day,
                    opens_at=opens,
                    closes_at=closes,
                    note=note,
                ),
                row,
            )
            for number, day in enumerate(dict.fromkeys(days))
        ]

    def settle_status(self, service: Service, existing, status: str, review: list[str]) -> None:
        """HSDS "active" publishes what needs no review; other statuses keep it off line."""
        service_id = str(service.pk)
        current = service.status
        target = None
        if status == "active":
            problems = [] if review else publish_problems(service)
            if review and current == ServiceStatus.PUBLISHED:
                self.report.note(MSG_STILL_PUBLISHED, id=service_id)
            elif review:
                self.report.note(MSG_NEEDS_REVIEW, id=service_id)
            elif problems:
                self.report.note(
                    MSG_CANNOT_PUBLISH,
                    id=service_id,
                    problems="; ".join(_en(p) for p in problems),
                )
            elif current != ServiceStatus.PUBLISHED:
                target = ServiceStatus.PUBLISHED
        elif existing is None:
            self.report.note(MSG_KEPT_DRAFT, id=service_id, status=status)
        elif status in ("inactive", "temporarily closed") and current == ServiceStatus.PUBLISHED:
            target = ServiceStatus.SUSPENDED
        elif status == "defunct":
            target = ServiceStatus.ARCHIVED
        if target is not None:
            service = service_change_status(
                service=service, by=self.by, status=target, note=MSG_IMPORT_NOTE
            )
            if existing is not None:
                self.report.note(MSG_STATUS, id=service_id, old=current, new=target, status=status)
        if service.status == ServiceStatus.PUBLISHED:
            self.report.published.append(service_id)
        else:
            self.report.drafts.append(service_id)

    # -- the run

    def run(self) -> None:
        self.import_organizations()
        self.import_locations()
        self.import_services()
        for service_id, modified in self.last_modified.items():
            # The data was copied, not changed: keep the source's modification time.
            Service.objects.filter(pk=service_id).update(updated_at=modified)
        for table, ids in self.elsewhere.items():
            shown = ", ".join(sorted(ids)[:3]) + (", …" if len(ids) > 3 else "")
            self.report.note(MSG_OTHER_CENTRE, count=len(ids), table=table, ids=shown)
        self.count_not_mapped()

    def count_not_mapped(self) -> None:
        for table, rows in self.tables.items():
            if table in REFERENCE_TABLES:
                continue
            label = table_label(table)
            read = READ_COLUMNS.get(table, set())
            for row_id, row in rows.items():
                if row_id not in self.used[table]:
                    self.report.not_mapped[f"{label} (whole rows)"] += 1
                    continue
                if (table, row_id) in self.unchecked:
                    continue
                for column, value in row.items():
                    if column not in read and value not in (None, ""):
                        self.report.not_mapped[f"{label}.{column}"] += 1


def hsds_import(
    *, centre: Centre, dataset: HsdsDataset, by=None, dry_run: bool = False
) -> ImportReport:
    """Load HSDS data into ``centre``'s catalogue, in one transaction (rolled back on a dry
    run). Nothing is written when the data breaks the HSDS schemas.

    Ids are kept: an HSDS id becomes our UUID, so a second import updates what the first
    created. Services are drafts unless HSDS says "active" and nothing had to be assumed.
    """
    report = ImportReport(
        source=dataset.source, dry_run=dry_run, schema_errors=list(dataset.schema_errors)
    )
    if report.schema_errors:
        return report
    report.not_mapped.update(dataset.unknown)
    with transaction.atomic(), set_actor(by):
        catalogue_changed()
        _Importer(centre=centre, by=by, tables=dataset.tables, report=report).run()
        if dry_run:
            transaction.set_rollback(True)
    return report
