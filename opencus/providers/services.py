"""Writes about organisations, their partnerships with centres and their cooperation leaders.

One transaction each, history attributed to ``by``. A bad number (NIP, REGON, KRS), a taken
e-mail or a weak password stops the whole registration: nothing is half-saved.
"""

import datetime as dt
from collections.abc import Iterable

from auditlog.context import set_actor
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from opencus.accounts.models import Membership, User
from opencus.accounts.roles import Role
from opencus.catalogue.enums import ServiceArea
from opencus.providers.enums import PartnershipStatus
from opencus.providers.models import (
    CooperationLeader,
    Organisation,
    OrganisationArea,
    Partnership,
)
from opencus.providers.validators import normalise_krs, normalise_nip, normalise_regon
from opencus.territory.enums import CentreStatus

MSG_EMAIL_TAKEN = _("An account with this e-mail address already exists: sign in first.")
MSG_CENTRE_CLOSED = _("This centre is closed: choose a centre that is operating or being created.")
MSG_ALREADY_ASKED = _("The organisation has already asked this centre (status: %(status)s).")
MSG_NOT_PENDING = _("Only a request waiting for verification can be decided (now: %(status)s).")
MSG_REASON_REQUIRED = _("Say why the centre refuses: the organisation will read it.")
MSG_UNKNOWN_AREA = _("Unknown area: %(area)s.")
MSG_NIP_TAKEN = _("An organisation with this NIP is already registered: %(organisation)s.")
MSG_KRS_TAKEN = _("An organisation with this KRS is already registered: %(organisation)s.")
MSG_LEADER_IN_FUTURE = _("The appointment date cannot be in the future.")
MSG_LEADER_BEFORE_CURRENT = _(
    "The new leader cannot be appointed before the current one (appointed on %(date)s)."
)

OPEN_CENTRE_STATUSES = (CentreStatus.OPERATING, CentreStatus.BEING_CREATED)

ORGANISATION_FIELDS = frozenset(
    {
        "name",
        "legal_form",
        "is_social_enterprise",
        "nip",
        "regon",
        "krs",
        "seat_gmina",
        "street",
        "postal_code",
        "city",
        "email",
        "phone",
        "website",
        "statutory_activity",
        "is_demo",
    }
)


def _fields(fields: dict) -> dict:
    unknown = set(fields) - ORGANISATION_FIELDS
    if unknown:
        raise ValueError(f"unknown organisation fields {sorted(unknown)}")
    fields = dict(fields)
    # Numbers are kept compact (digits only), whatever dashes or spaces were typed.
    for name, normalise in (("nip", normalise_nip), ("regon", normalise_regon)):
        if name in fields:
            fields[name] = normalise((fields[name] or "").strip())
    if "krs" in fields:
        fields["krs"] = normalise_krs(fields["krs"])
    return fields


def _unique_slug(name: str) -> str:
    base = (slugify(name) or "organizacja")[:50].strip("-") or "organizacja"
    slug, n = base, 1
    while Organisation.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _set_areas(organisation: Organisation, areas: Iterable[str]) -> None:
    areas = set(areas)
    for area in areas:
        if area not in ServiceArea.values:
            raise ValidationError(
                {"areas": ValidationError(MSG_UNKNOWN_AREA, params={"area": area})}
            )
    organisation.areas.exclude(area__in=areas).delete()
    have = set(organisation.areas.values_list("area", flat=True))
    OrganisationArea.objects.bulk_create(
        [OrganisationArea(organisation=organisation, area=a) for a in sorted(areas - have)]
    )


def _check_unique_numbers(organisation: Organisation) -> None:
    """A NIP or KRS is one organisation's: say which one holds it, next to the field."""
    errors = {}
    for field, message in (("nip", MSG_NIP_TAKEN), ("krs", MSG_KRS_TAKEN)):
        value = getattr(organisation, field)
        if not value:
            continue
        holder = Organisation.objects.filter(**{field: value}).exclude(pk=organisation.pk).first()
        if holder is not None:
            errors[field] = ValidationError(message, params={"organisation": holder.name})
    if errors:
        raise ValidationError(errors)


def _check_centre_open(centre) -> None:
    if centre.status not in OPEN_CENTRE_STATUSES:
        raise ValidationError({"centre": MSG_CENTRE_CLOSED})


def _create_account(*, email: str, password: str, first_name: str, last_name: str, language: str):
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": MSG_EMAIL_TAKEN})
    user = User(
        email=email, first_name=first_name, last_name=last_name, preferred_language=language
    )
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from None
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    return user


@transaction.atomic
def organisation_register(
    *,
    centre,
    user: User | None = None,
    account: dict | None = None,
    areas: Iterable[str] = (),
    operating_gminas: Iterable = (),
    message: str = "",
    **fields,
) -> Partnership:
    """Register an organisation and ask ``centre`` to verify it.

    The registering person is ``user`` (signed in) or a new account made from ``account``
    (``email``, ``password``, ``first_name``, ``last_name``, ``language``). They become the
    organisation's staff when the centre verifies it (``partnership_verify``).
    """
    if (user is None) == (account is None):
        raise ValueError("give either a signed-in user or the data of a new account")
    _check_centre_open(centre)
    fields = _fields(fields)
    organisation = Organisation(slug=_unique_slug(fields.get("name", "")), **fields)
    # Every problem of the organisation at once, before anything is written.
    organisation.full_clean(validate_constraints=False)
    _check_unique_numbers(organisation)
    if user is None:
        assert account is not None
        user = _create_account(**account)
    with set_actor(user):
        organisation.save()
        _set_areas(organisation, areas)
        organisation.operating_gminas.set(list(operating_gminas))
        partnership = Partnership.objects.create(
            centre=centre,
            organisation=organisation,
            message=message,
            requested_by=user,
            registrant=user,
            is_demo=organisation.is_demo,
        )
    return partnership


@transaction.atomic
def partnership_request(
    *, organisation: Organisation, centre, by, message: str = ""
) -> Partnership:
    """An organisation already in the registry asks one more centre to work with it."""
    _check_centre_open(centre)
    existing = Partnership.objects.filter(centre=centre, organisation=organisation).first()
    if existing is not None:
        raise ValidationError(
            {
                "centre": ValidationError(
                    MSG_ALREADY_ASKED, params={"status": existing.get_status_display()}
                )
            }
        )
    with set_actor(by):
        return Partnership.objects.create(
            centre=centre,
            organisation=organisation,
            message=message,
            requested_by=by,
            registrant=by,
        )


def _lock_pending(partnership: Partnership) -> Partnership:
    partnership = Partnership.objects.select_for_update().get(pk=partnership.pk)
    if partnership.status != PartnershipStatus.PENDING:
        raise ValidationError(MSG_NOT_PENDING, params={"status": partnership.get_status_display()})
    return partnership


@transaction.atomic
def partnership_verify(*, partnership: Partnership, by) -> Partnership:
    """The centre confirms it works with the organisation; its registrant becomes its staff."""
    partnership = _lock_pending(partnership)
    with set_actor(by):
        partnership.status = PartnershipStatus.VERIFIED
        partnership.decided_at, partnership.decided_by = timezone.now(), by
        partnership.save(update_fields=["status", "decided_at", "decided_by"])
        registrant = partnership.registrant
        if (
            registrant is not None
            and not Membership.objects.active()
            .filter(
                user=registrant,
                organisation_id=partnership.organisation_id,
                role=Role.PROVIDER_STAFF,
            )
            .exists()
        ):
            Membership.objects.create(
                user=registrant,
                organisation_id=partnership.organisation_id,
                role=Role.PROVIDER_STAFF,
                created_by=by,
            )
    return partnership


@transaction.atomic
def partnership_refuse(*, partnership: Partnership, by, reason: str) -> Partnership:
    """The centre does not take the organisation on, and says why."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": MSG_REASON_REQUIRED})
    partnership = _lock_pending(partnership)
    with set_actor(by):
        partnership.status = PartnershipStatus.REFUSED
        partnership.decided_at, partnership.decided_by = timezone.now(), by
        partnership.refusal_reason = reason
        partnership.save(update_fields=["status", "decided_at", "decided_by", "refusal_reason"])
    return partnership


@transaction.atomic
def organisation_update(
    *,
    organisation: Organisation,
    by,
    areas: Iterable[str] | None = None,
    operating_gminas: Iterable | None = None,
    networks: Iterable | None = None,
    **fields,
) -> Organisation:
    """The organisation edits its own profile (numbers validated again, nothing half-saved)."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    for name, value in _fields(fields).items():
        setattr(organisation, name, value)
    organisation.full_clean(validate_constraints=False)
    _check_unique_numbers(organisation)
    with set_actor(by):
        organisation.save()
        if areas is not None:
            _set_areas(organisation, areas)
        if operating_gminas is not None:
            organisation.operating_gminas.set(list(operating_gminas))
        if networks is not None:
            organisation.networks.set(list(networks))
    return organisation


@transaction.atomic
def leader_appoint(
    *,
    organisation: Organisation,
    by,
    first_name: str,
    last_name: str,
    role: str,
    phone: str,
    email: str,
    appointed_on: dt.date | None = None,
) -> CooperationLeader:
    """Name the organisation's cooperation leader; the current one (if any) ends that day."""
    appointed_on = appointed_on or timezone.localdate()
    if appointed_on > timezone.localdate():
        raise ValidationError({"appointed_on": MSG_LEADER_IN_FUTURE})
    # Serialise appointments per organisation: two at once must not leave two current leaders.
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    current = CooperationLeader.objects.filter(
        organisation=organisation, ended_on__isnull=True
    ).first()
    if current is not None and appointed_on < current.appointed_on:
        raise ValidationError(
            {
                "appointed_on": ValidationError(
                    MSG_LEADER_BEFORE_CURRENT, params={"date": current.appointed_on}
                )
            }
        )
    leader = CooperationLeader(
        organisation=organisation,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        role=role.strip(),
        phone=phone.strip(),
        email=email.strip().lower(),
        appointed_on=appointed_on,
        appointed_by=by,
    )
    leader.full_clean(exclude=["organisation"], validate_constraints=False)
    with set_actor(by):
        if current is not None:
            current.ended_on = appointed_on
            current.save(update_fields=["ended_on"])
        leader.save()
    return leader
