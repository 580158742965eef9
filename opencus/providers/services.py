"""Writes about organisations, their partnerships with centres, their cooperation leaders, and
the documents they write for the centres: the attributes card and the portfolio.

One transaction each, history attributed to ``by``. A bad number (NIP, REGON, KRS), a taken
e-mail or a weak password stops the whole registration: nothing is half-saved.
"""

import datetime as dt
import re
from collections.abc import Iterable, Mapping

from auditlog.context import set_actor
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from opencus.accounts.models import Membership, User
from opencus.accounts.roles import Role
from opencus.accounts.rules import can
from opencus.catalogue.enums import ServiceArea
from opencus.providers import tasks
from opencus.providers.enums import (
    DocumentStatus,
    PartnershipStatus,
    Quadrant,
    SpecialisationKind,
    Sphere,
)
from opencus.providers.models import (
    AttributesCard,
    CooperationLeader,
    Experience,
    Organisation,
    OrganisationArea,
    Partnership,
    Portfolio,
    PortfolioSubmission,
    Reference,
    Specialisation,
    SwotEntry,
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
    _on_commit_notify(tasks.notify_request, partnership)
    return partnership


@transaction.atomic
def partnership_request(
    *, organisation: Organisation, centre, by, message: str = ""
) -> Partnership:
    """An organisation already in the registry asks one more centre to work with it, or asks
    again a centre that refused it (the refusal stays in the change history)."""
    _check_centre_open(centre)
    existing = (
        Partnership.objects.select_for_update()
        .filter(centre=centre, organisation=organisation)
        .first()
    )
    if existing is not None and existing.status == PartnershipStatus.REFUSED:
        with set_actor(by):
            existing.status = PartnershipStatus.PENDING
            existing.decided_at = existing.decided_by = None
            existing.refusal_reason = ""
            existing.message, existing.requested_by, existing.registrant = message, by, by
            existing.requested_at = timezone.now()
            existing.save(
                update_fields=[
                    "status",
                    "decided_at",
                    "decided_by",
                    "refusal_reason",
                    "message",
                    "requested_by",
                    "registrant",
                    "requested_at",
                ]
            )
        _on_commit_notify(tasks.notify_request, existing)
        return existing
    if existing is not None:
        raise ValidationError(
            {
                "centre": ValidationError(
                    MSG_ALREADY_ASKED, params={"status": existing.get_status_display()}
                )
            }
        )
    with set_actor(by):
        partnership = Partnership.objects.create(
            centre=centre,
            organisation=organisation,
            message=message,
            requested_by=by,
            registrant=by,
        )
    _on_commit_notify(tasks.notify_request, partnership)
    return partnership


def _on_commit_notify(task, partnership: Partnership) -> None:
    transaction.on_commit(lambda: task.enqueue(partnership_id=str(partnership.pk)), robust=True)


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
    _on_commit_notify(tasks.notify_decision, partnership)
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
    _on_commit_notify(tasks.notify_decision, partnership)
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


# --- the attributes card and the portfolio (seed 003 §2.1 and §2.3, procedure 4) -------------
#
# Both are versioned: one draft at a time per organisation (a constraint says so too), which
# the organisation edits; making it final fixes it, and the next change starts a new draft
# copied from the latest final version. Starting a draft locks the organisation's row, so two
# clicks on "start a new version" at once make one draft and one message, not an error.

MSG_DRAFT_EXISTS = _(
    "The organisation already has a draft (version %(version)s): finish it or make it final first."
)
MSG_FINAL_IS_FIXED = _("Version %(version)s is final and cannot be changed: start a new version.")
MSG_SPHERE_EMPTY = _(
    "The sphere “%(sphere)s” has no point yet: write at least one strength, weakness, "
    "opportunity or threat."
)
MSG_QUESTION_UNANSWERED = _("Answer the question “%(question)s”")
MSG_NO_SPECIALISATION = _("Add at least one specialisation before making the portfolio final.")
MSG_SUPPORT_FORM_REQUIRED = _(
    "A service the organisation could deliver if strengthened names the form of commissioning "
    "that would make it possible: entrusting (powierzenie) or supporting (wspieranie)."
)
MSG_SUPPORT_NEEDED_REQUIRED = _("Say what the organisation needs to be strengthened with.")
MSG_EXPERIENCE_TOO_OLD = _(
    "Only experience of the last 3 years counts: it must have ended on %(date)s or later."
)
MSG_EXPERIENCE_ENDS_BEFORE_START = _("The end cannot come before the start.")
MSG_EXPERIENCE_OUTDATED = _(
    "“%(title)s” (%(service)s) ended before %(date)s, more than 3 years ago: remove it or "
    "replace it with recent experience."
)
MSG_VALUE_NEGATIVE = _("The value cannot be negative.")
MSG_REFERENCE_IN_FUTURE = _("The date of the reference cannot be in the future.")
MSG_SEND_FINAL_ONLY = _("Only a final version can be sent to a centre: make the portfolio final.")
MSG_NO_CENTRE = _("Choose at least one centre.")
MSG_NOT_A_PARTNER = _(
    "%(centre)s does not work with the organisation: ask it to first (Profile, Centres)."
)
MSG_REFUSED_PARTNER = _(
    "%(centre)s refused to work with the organisation: the portfolio cannot be sent there."
)
MSG_ALREADY_SENT = _("Version %(version)s was already sent to %(centre)s on %(date)s.")
MSG_ALREADY_ACKNOWLEDGED = _("This portfolio was already acknowledged on %(date)s by %(person)s.")
MSG_ONLY_OUS_ACKNOWLEDGES = _("Only the centre's OUS or director acknowledges a portfolio.")

VERIFY_PERMISSION = "providers.verify_partner"
CARD_QUESTIONS = (
    "strengths_use_opportunities",
    "strengths_overcome_threats",
    "weaknesses_block_opportunities",
    "weaknesses_strengthen_threats",
)
CARD_FIELDS = ("zet_coauthor", *CARD_QUESTIONS, "ethics", "community_trust")
PORTFOLIO_FIELDS = ("introduction", "guarantees", "zet_coauthor", "is_public")
SPECIALISATION_FIELDS = (
    "kind",
    "service_type",
    "area",
    "description",
    "recipients",
    "guarantees",
    "capacity",
    "support_form",
    "support_needed",
    "position",
)
EXPERIENCE_FIELDS = ("kind", "title", "funder", "starts_on", "ends_on", "value", "description")
REFERENCE_FIELDS = ("issued_by", "issued_on", "summary", "contact")
EXPERIENCE_YEARS = 3
# Not typed in: checking them would only cost queries.
DOCUMENT_REFERENCES = ["organisation", "created_by", "finalised_by"]
_BULLET = re.compile(r"^\s*(?:[-–—•*·]|\d+[.)])\s+")


def _known(fields: Mapping, allowed: Iterable[str], what: str) -> dict:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValueError(f"unknown {what} fields {sorted(unknown)}")
    return {
        name: value.strip() if isinstance(value, str) else value for name, value in fields.items()
    }


def clean_points(text: str) -> str:
    """One point per line: blank lines go, and so do bullets typed or pasted in front."""
    lines = (_BULLET.sub("", line).strip() for line in (text or "").splitlines())
    return "\n".join(line for line in lines if line)


def experience_earliest_end(today: dt.date | None = None) -> dt.date:
    """The earliest end date of experience that still counts (the last 3 years)."""
    today = today or timezone.localdate()
    try:
        return today.replace(year=today.year - EXPERIENCE_YEARS)
    except ValueError:  # 29 February
        return today.replace(year=today.year - EXPERIENCE_YEARS, day=28)


def _lock_organisation(organisation: Organisation) -> None:
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()


def _lock_draft[D: (AttributesCard, Portfolio)](model: type[D], pk) -> D:
    document = model.objects.select_for_update().get(pk=pk)
    if document.status != DocumentStatus.DRAFT:
        raise ValidationError(MSG_FINAL_IS_FIXED, params={"version": document.version})
    return document


def _next_version(model, organisation: Organisation):
    """The organisation's draft (if any) and its latest version (the base of a new draft)."""
    documents = model.objects.filter(organisation=organisation)
    draft = documents.filter(status=DocumentStatus.DRAFT).first()
    if draft is not None:
        raise ValidationError(MSG_DRAFT_EXISTS, params={"version": draft.version})
    return documents.order_by("-version").first()


def _finalise(document, by) -> None:
    with set_actor(by):
        document.status = DocumentStatus.FINAL
        document.finalised_at, document.finalised_by = timezone.now(), by
        document.save(update_fields=["status", "finalised_at", "finalised_by"])


# The attributes card ------------------------------------------------------------------------


@transaction.atomic
def card_start(*, organisation: Organisation, by) -> AttributesCard:
    """Start the card, or a new version of it copied from the latest final version."""
    _lock_organisation(organisation)
    latest = _next_version(AttributesCard, organisation)
    with set_actor(by):
        card = AttributesCard.objects.create(
            organisation=organisation,
            version=latest.version + 1 if latest else 1,
            created_by=by,
            is_demo=organisation.is_demo,
            **({name: getattr(latest, name) for name in CARD_FIELDS} if latest else {}),
        )
        if latest is not None:
            SwotEntry.objects.bulk_create(
                SwotEntry(card=card, sphere=e.sphere, quadrant=e.quadrant, text=e.text)
                for e in latest.entries.all()
            )
    return card


@transaction.atomic
def card_save(
    *,
    card: AttributesCard,
    by,
    points: Mapping[tuple[str, str], str] | None = None,
    **fields,
) -> AttributesCard:
    """Save the draft: ``points`` maps (sphere, quadrant) to its points, one per line."""
    card = _lock_draft(AttributesCard, card.pk)
    for name, value in _known(fields, CARD_FIELDS, "card").items():
        setattr(card, name, value)
    card.full_clean(exclude=DOCUMENT_REFERENCES, validate_constraints=False)
    with set_actor(by):
        card.save()
        if points is not None:
            existing = {(e.sphere, e.quadrant): e for e in card.entries.all()}
            for (sphere, quadrant), text in points.items():
                if sphere not in Sphere.values or quadrant not in Quadrant.values:
                    raise ValueError(f"unknown sphere or quadrant {sphere!r}, {quadrant!r}")
                text = clean_points(text)
                entry = existing.get((sphere, quadrant))
                if entry is None:
                    if text:
                        SwotEntry.objects.create(
                            card=card, sphere=sphere, quadrant=quadrant, text=text
                        )
                elif entry.text != text:
                    entry.text = text
                    entry.save(update_fields=["text"])
    return card


def card_gaps(card: AttributesCard) -> dict[str, ValidationError]:
    """What keeps the card from being made final: a sphere without any point, a question
    without an answer (keyed by the sphere or the question's field)."""
    filled = {e.sphere for e in card.entries.all() if clean_points(e.text)}
    gaps = {
        sphere.value: ValidationError(MSG_SPHERE_EMPTY, params={"sphere": sphere.label})
        for sphere in Sphere
        if sphere.value not in filled
    }
    for name in CARD_QUESTIONS:
        if not getattr(card, name).strip():
            question = getattr(AttributesCard._meta.get_field(name), "verbose_name", name)
            gaps[name] = ValidationError(MSG_QUESTION_UNANSWERED, params={"question": question})
    return gaps


@transaction.atomic
def card_finalise(*, card: AttributesCard, by) -> AttributesCard:
    """Fix the version: every sphere has a point and the four questions are answered."""
    card = _lock_draft(AttributesCard, card.pk)
    gaps = card_gaps(card)
    if gaps:
        raise ValidationError(gaps)
    _finalise(card, by)
    return card


# The portfolio ------------------------------------------------------------------------------


@transaction.atomic
def portfolio_start(*, organisation: Organisation, by) -> Portfolio:
    """Start the portfolio, or a new version copied from the latest final version with its
    specialisations, their experience and references."""
    _lock_organisation(organisation)
    latest = _next_version(Portfolio, organisation)
    with set_actor(by):
        portfolio = Portfolio.objects.create(
            organisation=organisation,
            version=latest.version + 1 if latest else 1,
            created_by=by,
            is_demo=organisation.is_demo,
            **({name: getattr(latest, name) for name in PORTFOLIO_FIELDS} if latest else {}),
        )
        if latest is None:
            return portfolio
        for old in latest.specialisations.prefetch_related("experience", "references"):
            copy = Specialisation.objects.create(
                portfolio=portfolio,
                **{name: getattr(old, name) for name in SPECIALISATION_FIELDS},
            )
            Experience.objects.bulk_create(
                Experience(specialisation=copy, **{n: getattr(e, n) for n in EXPERIENCE_FIELDS})
                for e in old.experience.all()
            )
            Reference.objects.bulk_create(
                Reference(specialisation=copy, **{n: getattr(r, n) for n in REFERENCE_FIELDS})
                for r in old.references.all()
            )
    return portfolio


@transaction.atomic
def portfolio_save(*, portfolio: Portfolio, by, **fields) -> Portfolio:
    """Save what the draft says besides its specialisations."""
    portfolio = _lock_draft(Portfolio, portfolio.pk)
    for name, value in _known(fields, PORTFOLIO_FIELDS, "portfolio").items():
        setattr(portfolio, name, value)
    portfolio.full_clean(exclude=DOCUMENT_REFERENCES, validate_constraints=False)
    with set_actor(by):
        portfolio.save()
    return portfolio


def _check_specialisation(specialisation: Specialisation) -> None:
    if specialisation.kind == SpecialisationKind.READY:
        # A service it delivers now needs no strengthening (a constraint says so too).
        specialisation.support_form = ""
        specialisation.support_needed = ""
    specialisation.full_clean(exclude=["portfolio"], validate_constraints=False)
    errors = {}
    if specialisation.kind == SpecialisationKind.WITH_SUPPORT:
        if not specialisation.support_form:
            errors["support_form"] = MSG_SUPPORT_FORM_REQUIRED
        if not specialisation.support_needed:
            errors["support_needed"] = MSG_SUPPORT_NEEDED_REQUIRED
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def specialisation_create(*, portfolio: Portfolio, by, **fields) -> Specialisation:
    portfolio = _lock_draft(Portfolio, portfolio.pk)
    fields = _known(fields, SPECIALISATION_FIELDS, "specialisation")
    if fields.get("position") is None:
        last = portfolio.specialisations.aggregate(last=Max("position"))["last"]
        fields["position"] = (last or 0) + 1
    specialisation = Specialisation(portfolio=portfolio, **fields)
    _check_specialisation(specialisation)
    with set_actor(by):
        specialisation.save()
    return specialisation


@transaction.atomic
def specialisation_update(*, specialisation: Specialisation, by, **fields) -> Specialisation:
    _lock_draft(Portfolio, specialisation.portfolio_id)
    specialisation = Specialisation.objects.get(pk=specialisation.pk)
    for name, value in _known(fields, SPECIALISATION_FIELDS, "specialisation").items():
        if name == "position" and value is None:
            continue
        setattr(specialisation, name, value)
    _check_specialisation(specialisation)
    with set_actor(by):
        specialisation.save()
    return specialisation


@transaction.atomic
def specialisation_delete(*, specialisation: Specialisation, by) -> Specialisation:
    """Take a specialisation out of the draft, with its experience and references."""
    _lock_draft(Portfolio, specialisation.portfolio_id)
    with set_actor(by):
        specialisation.delete()
    return specialisation


def _check_experience(experience: Experience) -> None:
    experience.full_clean(exclude=["specialisation"], validate_constraints=False)
    errors = {}
    earliest = experience_earliest_end()
    if experience.ends_on < experience.starts_on:
        errors["ends_on"] = ValidationError(MSG_EXPERIENCE_ENDS_BEFORE_START)
    elif experience.ends_on < earliest:
        errors["ends_on"] = ValidationError(
            MSG_EXPERIENCE_TOO_OLD, params={"date": earliest.strftime("%d.%m.%Y")}
        )
    if experience.value is not None and experience.value < 0:
        errors["value"] = ValidationError(MSG_VALUE_NEGATIVE)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def experience_create(*, specialisation: Specialisation, by, **fields) -> Experience:
    """A commission or project of the last 3 years behind the specialisation."""
    _lock_draft(Portfolio, specialisation.portfolio_id)
    experience = Experience(
        specialisation=specialisation, **_known(fields, EXPERIENCE_FIELDS, "experience")
    )
    _check_experience(experience)
    with set_actor(by):
        experience.save()
    return experience


@transaction.atomic
def experience_update(*, experience: Experience, by, **fields) -> Experience:
    _lock_draft(Portfolio, experience.specialisation.portfolio_id)
    experience = Experience.objects.get(pk=experience.pk)
    for name, value in _known(fields, EXPERIENCE_FIELDS, "experience").items():
        setattr(experience, name, value)
    _check_experience(experience)
    with set_actor(by):
        experience.save()
    return experience


@transaction.atomic
def experience_delete(*, experience: Experience, by) -> Experience:
    _lock_draft(Portfolio, experience.specialisation.portfolio_id)
    with set_actor(by):
        experience.delete()
    return experience


def _check_reference(reference: Reference) -> None:
    reference.full_clean(exclude=["specialisation"], validate_constraints=False)
    if reference.issued_on and reference.issued_on > timezone.localdate():
        raise ValidationError({"issued_on": MSG_REFERENCE_IN_FUTURE})


@transaction.atomic
def reference_create(*, specialisation: Specialisation, by, **fields) -> Reference:
    """A reference or letter of intent from an institution the organisation worked for."""
    _lock_draft(Portfolio, specialisation.portfolio_id)
    reference = Reference(
        specialisation=specialisation, **_known(fields, REFERENCE_FIELDS, "reference")
    )
    _check_reference(reference)
    with set_actor(by):
        reference.save()
    return reference


@transaction.atomic
def reference_update(*, reference: Reference, by, **fields) -> Reference:
    _lock_draft(Portfolio, reference.specialisation.portfolio_id)
    reference = Reference.objects.get(pk=reference.pk)
    for name, value in _known(fields, REFERENCE_FIELDS, "reference").items():
        setattr(reference, name, value)
    _check_reference(reference)
    with set_actor(by):
        reference.save()
    return reference


@transaction.atomic
def reference_delete(*, reference: Reference, by) -> Reference:
    _lock_draft(Portfolio, reference.specialisation.portfolio_id)
    with set_actor(by):
        reference.delete()
    return reference


def portfolio_gaps(portfolio: Portfolio) -> list[ValidationError]:
    """What keeps the portfolio from being made final: no specialisation, or experience that
    has become older than 3 years since it was written (a copied version keeps it)."""
    specialisations = list(portfolio.specialisations.prefetch_related("experience"))
    if not specialisations:
        return [ValidationError(MSG_NO_SPECIALISATION)]
    earliest = experience_earliest_end()
    return [
        ValidationError(
            MSG_EXPERIENCE_OUTDATED,
            params={
                "title": experience.title,
                "service": specialisation.get_service_type_display(),
                "date": earliest.strftime("%d.%m.%Y"),
            },
        )
        for specialisation in specialisations
        for experience in specialisation.experience.all()
        if experience.ends_on < earliest
    ]


@transaction.atomic
def portfolio_finalise(*, portfolio: Portfolio, by) -> Portfolio:
    """Fix the version: it offers at least one specialisation, with recent experience only."""
    portfolio = _lock_draft(Portfolio, portfolio.pk)
    gaps = portfolio_gaps(portfolio)
    if gaps:
        raise ValidationError(gaps)
    _finalise(portfolio, by)
    return portfolio


@transaction.atomic
def portfolio_send(*, portfolio: Portfolio, by, centres: Iterable) -> list[PortfolioSubmission]:
    """Send a final version to the OUS of centres the organisation works with (all or none).

    A centre that refused the organisation, or one it never asked, is refused; so is a centre
    that already has this version.
    """
    # Serialises the sending of one version: the same centre twice is a message, not an error.
    portfolio = Portfolio.objects.select_for_update().get(pk=portfolio.pk)
    if portfolio.status != DocumentStatus.FINAL:
        raise ValidationError(MSG_SEND_FINAL_ONLY)
    centres = list(centres)
    if not centres:
        raise ValidationError({"centres": MSG_NO_CENTRE})
    statuses = dict(
        Partnership.objects.filter(
            organisation_id=portfolio.organisation_id, centre__in=centres
        ).values_list("centre_id", "status")
    )
    sent = {
        s.centre_id: s
        for s in PortfolioSubmission.objects.filter(portfolio=portfolio, centre__in=centres)
    }
    errors = []
    for centre in centres:
        status = statuses.get(centre.pk)
        if status is None:
            errors.append(ValidationError(MSG_NOT_A_PARTNER, params={"centre": centre.name}))
        elif status == PartnershipStatus.REFUSED:
            errors.append(ValidationError(MSG_REFUSED_PARTNER, params={"centre": centre.name}))
        elif centre.pk in sent:
            date = timezone.localtime(sent[centre.pk].sent_at).strftime("%d.%m.%Y")
            errors.append(
                ValidationError(
                    MSG_ALREADY_SENT,
                    params={"version": portfolio.version, "centre": centre.name, "date": date},
                )
            )
    if errors:
        raise ValidationError({"centres": errors})
    submissions = []
    with set_actor(by):
        for centre in centres:
            try:
                with transaction.atomic():
                    submissions.append(
                        PortfolioSubmission.objects.create(
                            portfolio=portfolio,
                            centre=centre,
                            sent_by=by,
                            is_demo=portfolio.is_demo,
                        )
                    )
            except IntegrityError:  # pragma: no cover - the lock above makes this a race only
                raise ValidationError(
                    {
                        "centres": ValidationError(
                            MSG_ALREADY_SENT,
                            params={
                                "version": portfolio.version,
                                "centre": centre.name,
                                "date": timezone.localdate().strftime("%d.%m.%Y"),
                            },
                        )
                    }
                ) from None
    return submissions


@transaction.atomic
def submission_acknowledge(
    *, submission: PortfolioSubmission, by, note: str = ""
) -> PortfolioSubmission:
    """The centre's OUS (or director) confirms receiving the portfolio, with a note if any."""
    # Only the submission's row is locked (PostgreSQL refuses to lock an outer join's side).
    submission = (
        PortfolioSubmission.objects.select_for_update(of=("self",))
        .select_related("centre")
        .get(pk=submission.pk)
    )
    if by is None or not can(by, VERIFY_PERMISSION, submission.centre):
        raise PermissionDenied(MSG_ONLY_OUS_ACKNOWLEDGES)
    if submission.acknowledged_at is not None:
        raise ValidationError(
            MSG_ALREADY_ACKNOWLEDGED,
            params={
                "date": timezone.localtime(submission.acknowledged_at).strftime("%d.%m.%Y"),
                "person": str(submission.acknowledged_by or "—"),
            },
        )
    with set_actor(by):
        submission.acknowledged_at, submission.acknowledged_by = timezone.now(), by
        submission.note = (note or "").strip()
        submission.save(update_fields=["acknowledged_at", "acknowledged_by", "note"])
    return submission
