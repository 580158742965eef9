"""Writes of territory data: centres and their lifecycle, agreements, networks."""

import datetime as dt
from collections.abc import Iterable

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencus.territory.enums import (
    CENTRE_STATUS_TRANSITIONS,
    AgreementKind,
    CentreStatus,
    CreationMode,
)
from opencus.territory.models import Centre, CentreStatusChange, Gmina, InterMunicipalAgreement

CITY_THRESHOLD = 100_000
# What centre_update may change; status moves only through centre_change_status.
CENTRE_DETAIL_FIELDS = frozenset(
    {
        "name",
        "seat_gmina",
        "creation_mode",
        "predecessor_ops",
        "performs_social_assistance",
        "planned_opening_on",
        "regon",
        "nip",
        "street",
        "postal_code",
        "city",
        "phone",
        "email",
        "website",
        "is_demo",
    }
)

MSG_SEAT_NOT_SERVED = _("The seat gmina must be one of the gminas the centre serves.")
MSG_TRANSFORMATION_ONE_GMINA = _(
    "A centre created by transforming an OPS serves exactly one gmina; "
    "choose “agreement between gminas” for more."
)
MSG_INTERMUNICIPAL_TWO_GMINAS = _("A centre created by agreement serves at least two gminas.")
MSG_CITY_ONE_GMINA = _("A new unit alongside the OPS serves exactly one city.")
MSG_CITY_TOO_SMALL = _(
    "A new unit alongside the OPS is possible only in a city over 100,000 inhabitants; "
    "%(gmina)s has %(population)s."
)
MSG_CITY_POPULATION_UNKNOWN = _(
    "Record the population of %(gmina)s first: a new unit alongside the OPS needs a city over "
    "100,000 inhabitants."
)
MSG_STATUS_NOT_ALLOWED = _("A centre cannot go from “%(current)s” to “%(new)s”.")
MSG_STATUS_DATE_BEFORE = _("The date cannot be earlier than the current status date (%(date)s).")
MSG_STATUS_DATE_FUTURE = _(
    "A status change is recorded when it has happened: the date is in the future."
)
MSG_AGREEMENT_LEAD_NOT_PARTY = _("The lead gmina must be one of the parties.")
MSG_AGREEMENT_BILATERAL = _("A bilateral agreement has exactly two parties.")
MSG_AGREEMENT_GROUP = _("A group agreement has at least two parties.")


def validate_centre_territory(
    *, creation_mode: str, seat_gmina: Gmina | None, gminas: list[Gmina]
) -> None:
    """The gminas served must fit how the centre was created (art. 9 of the CUS Act)."""
    errors: dict[str, list] = {}
    if seat_gmina is not None and seat_gmina not in gminas:
        errors.setdefault("seat_gmina", []).append(MSG_SEAT_NOT_SERVED)
    if creation_mode == CreationMode.OPS_TRANSFORMATION and len(gminas) != 1:
        errors.setdefault("gminas", []).append(MSG_TRANSFORMATION_ONE_GMINA)
    elif creation_mode == CreationMode.INTERMUNICIPAL_AGREEMENT and len(gminas) < 2:
        errors.setdefault("gminas", []).append(MSG_INTERMUNICIPAL_TWO_GMINAS)
    elif creation_mode == CreationMode.NEW_UNIT_CITY_OVER_100K:
        if len(gminas) != 1:
            errors.setdefault("gminas", []).append(MSG_CITY_ONE_GMINA)
        else:
            city = gminas[0]
            if city.population is None:
                errors.setdefault("gminas", []).append(
                    ValidationError(MSG_CITY_POPULATION_UNKNOWN, params={"gmina": city.name})
                )
            elif city.population <= CITY_THRESHOLD:
                errors.setdefault("gminas", []).append(
                    ValidationError(
                        MSG_CITY_TOO_SMALL,
                        params={
                            "gmina": city.name,
                            "population": f"{city.population:,}".replace(",", " "),
                        },
                    )
                )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def centre_create(
    *,
    by,
    name: str,
    slug: str,
    seat_gmina: Gmina,
    gminas: Iterable[Gmina],
    creation_mode: str,
    status: str = CentreStatus.PLANNED,
    status_since: dt.date | None = None,
    **details,
) -> Centre:
    gminas = list(gminas)
    validate_centre_territory(creation_mode=creation_mode, seat_gmina=seat_gmina, gminas=gminas)
    with set_actor(by):
        centre = Centre(
            name=name, slug=slug, seat_gmina=seat_gmina, creation_mode=creation_mode, **details
        )
        centre.full_clean()
        centre.save()
        centre.gminas.set(gminas)
        CentreStatusChange.objects.create(
            centre=centre,
            status=status,
            effective_on=status_since or timezone.localdate(),
            recorded_by=by,
            note=str(_("Registered in OpenCUS")),
        )
        centre.status, centre.status_since = status, status_since or timezone.localdate()
        centre.save(update_fields=["status", "status_since"])
    return centre


@transaction.atomic
def centre_update(*, centre: Centre, by, gminas: Iterable[Gmina] | None = None, **fields) -> Centre:
    """Change a centre's details and, optionally, the gminas it serves (not its status)."""
    unknown = set(fields) - CENTRE_DETAIL_FIELDS
    if unknown:
        raise ValueError(f"centre_update cannot change {sorted(unknown)}")
    # Lock and reload: a status change committed since the form was shown must not be
    # overwritten by this request's stale copy, so only the given fields are saved.
    centre = Centre.objects.select_for_update().get(pk=centre.pk)
    new_gminas = list(gminas) if gminas is not None else list(centre.gminas.all())
    validate_centre_territory(
        creation_mode=fields.get("creation_mode", centre.creation_mode),
        seat_gmina=fields.get("seat_gmina", centre.seat_gmina),
        gminas=new_gminas,
    )
    with set_actor(by):
        for field, value in fields.items():
            setattr(centre, field, value)
        centre.full_clean()
        centre.save(update_fields=[*fields, "updated_at"])
        if gminas is not None:
            centre.gminas.set(new_gminas)
    return centre


@transaction.atomic
def centre_change_status(
    *, centre: Centre, by, status: str, effective_on: dt.date, note: str = ""
) -> CentreStatusChange:
    """Move a centre along its lifecycle (planned → being created → operating → closed)."""
    # Lock the centre so that two directors cannot record conflicting steps at once.
    centre = Centre.objects.select_for_update().get(pk=centre.pk)
    if status not in CENTRE_STATUS_TRANSITIONS[centre.status]:
        raise ValidationError(
            {
                "status": ValidationError(
                    MSG_STATUS_NOT_ALLOWED,
                    params={
                        "current": CentreStatus(centre.status).label,
                        "new": CentreStatus(status).label,
                    },
                )
            }
        )
    if centre.status_since and effective_on < centre.status_since:
        raise ValidationError(
            {
                "effective_on": ValidationError(
                    MSG_STATUS_DATE_BEFORE, params={"date": centre.status_since.isoformat()}
                )
            }
        )
    if effective_on > timezone.localdate():
        raise ValidationError({"effective_on": MSG_STATUS_DATE_FUTURE})
    with set_actor(by):
        change = CentreStatusChange.objects.create(
            centre=centre, status=status, effective_on=effective_on, note=note, recorded_by=by
        )
        centre.status, centre.status_since = status, effective_on
        centre.save(update_fields=["status", "status_since", "updated_at"])
    return change


@transaction.atomic
def agreement_create(
    *,
    by,
    title: str,
    kind: str,
    lead_gmina: Gmina,
    parties: Iterable[Gmina],
    **details,
) -> InterMunicipalAgreement:
    parties = list(parties)
    errors: dict[str, list] = {}
    if lead_gmina not in parties:
        errors.setdefault("lead_gmina", []).append(MSG_AGREEMENT_LEAD_NOT_PARTY)
    if kind == AgreementKind.BILATERAL and len(parties) != 2:
        errors.setdefault("parties", []).append(MSG_AGREEMENT_BILATERAL)
    if kind == AgreementKind.GROUP and len(parties) < 2:
        errors.setdefault("parties", []).append(MSG_AGREEMENT_GROUP)
    if errors:
        raise ValidationError(errors)
    with set_actor(by):
        agreement = InterMunicipalAgreement(
            title=title, kind=kind, lead_gmina=lead_gmina, **details
        )
        agreement.full_clean()
        agreement.save()
        agreement.parties.set(parties)
    return agreement
