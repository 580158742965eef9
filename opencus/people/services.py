"""Writes about people. One transaction each, history attributed to ``by``."""

import datetime as dt

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencus.people.models import Consent, DisabilityCertificate, Person, Relation
from opencus.people.signals import person_merged
from opencus.people.validators import check_pesel_consistency, pesel_facts

MSG_PESEL_TAKEN = _("A person with this PESEL is already registered: %(person)s.")
MSG_NEED_IDENTITY = _("Give the PESEL or the birth date, so that the person can be told apart.")
MSG_POSSIBLE_DUPLICATE = _(
    "A person with the same names and birth date is already registered. Open that record, or "
    "confirm that this is someone else."
)
MSG_BORN_IN_FUTURE = _("The birth date cannot be in the future.")
MSG_OTHER_CENTRE = _("This person is registered in another centre.")
MSG_MERGE_SELF = _("A record cannot be merged into itself.")
MSG_MERGE_MERGED = _("This record has already been merged.")
MSG_MERGE_PESEL_CONFLICT = _(
    "The two records have different PESEL numbers: they are not the same person."
)
MSG_ALREADY_ENDED = _("This has already ended.")
MSG_END_IN_FUTURE = _("The end date cannot be in the future.")
MSG_END_BEFORE_START = _("The end date cannot be earlier than the start (%(date)s).")

PERSON_FIELDS = frozenset(
    {
        "first_name",
        "last_name",
        "pesel",
        "birth_date",
        "sex",
        "street",
        "postal_code",
        "city",
        "gmina",
        "phone",
        "email",
        "preferred_language",
        "needs_sign_language",
        "needs_easy_to_read",
        "needs_large_print",
        "accessibility_notes",
        "legal_basis",
        "processing_purpose",
        "is_demo",
    }
)


def _complete_from_pesel(fields: dict) -> dict:
    """Fill the birth date and sex that a valid PESEL encodes, if they were left empty."""
    facts = pesel_facts(fields.get("pesel", ""))
    if facts:
        born, sex = facts
        fields.setdefault("birth_date", None)
        fields.setdefault("sex", "")
        fields["birth_date"] = fields["birth_date"] or born
        fields["sex"] = fields["sex"] or sex
    return fields


def validate_person(
    *, centre, fields: dict, person: Person | None = None, confirm_new: bool = False
) -> None:
    errors: dict[str, list] = check_pesel_consistency(
        pesel=fields.get("pesel", ""),
        birth_date=fields.get("birth_date"),
        sex=fields.get("sex", ""),
    )
    born = fields.get("birth_date")
    if born is not None and born > timezone.localdate():
        errors.setdefault("birth_date", []).append(MSG_BORN_IN_FUTURE)
    if not fields.get("pesel") and not fields.get("birth_date"):
        errors.setdefault("birth_date", []).append(MSG_NEED_IDENTITY)
    if fields.get("pesel"):
        taken = Person.objects.current().filter(centre=centre, pesel=fields["pesel"])
        if person is not None:
            taken = taken.exclude(pk=person.pk)
        other = taken.first()
        if other is not None:
            errors.setdefault("pesel", []).append(
                ValidationError(MSG_PESEL_TAKEN, params={"person": other})
            )
    elif person is None and not confirm_new and fields.get("birth_date"):
        same = Person.objects.current().filter(
            centre=centre,
            first_name__iexact=fields.get("first_name", "").strip(),
            last_name__iexact=fields.get("last_name", "").strip(),
            birth_date=fields["birth_date"],
        )
        if same.exists():
            errors.setdefault(None, []).append(MSG_POSSIBLE_DUPLICATE)  # type: ignore[arg-type]
    if errors:
        raise ValidationError({k if k else "__all__": v for k, v in errors.items()})


def _split(fields: dict) -> dict:
    unknown = set(fields) - PERSON_FIELDS
    if unknown:
        raise ValueError(f"unknown person fields {sorted(unknown)}")
    return fields


@transaction.atomic
def person_create(*, centre, by, confirm_new: bool = False, **fields) -> Person:
    """Register a person. A PESEL may be there only once per centre; same names and birth date
    without PESEL need ``confirm_new`` (the desk has checked it is someone else)."""
    fields = _complete_from_pesel(dict(_split(fields)))
    validate_person(centre=centre, fields=fields, confirm_new=confirm_new)
    with set_actor(by):
        person = Person(centre=centre, created_by=by, **fields)
        person.full_clean()
        person.save()
    return person


@transaction.atomic
def person_update(*, person: Person, by, **fields) -> Person:
    person = Person.objects.select_for_update().get(pk=person.pk)
    current = {f: getattr(person, f) for f in PERSON_FIELDS if f != "gmina"} | {
        "gmina": person.gmina
    }
    merged = _complete_from_pesel({**current, **_split(fields)})
    validate_person(centre=person.centre, fields=merged, person=person)
    with set_actor(by):
        for name in fields.keys() | {"birth_date", "sex"}:
            setattr(person, name, merged[name])
        person.full_clean()
        person.save()
    return person


def _check_end(*, started: dt.date, ended: dt.date | None, on: dt.date) -> None:
    if ended is not None:
        raise ValidationError(MSG_ALREADY_ENDED)
    if on > timezone.localdate():
        raise ValidationError({"ended_on": MSG_END_IN_FUTURE})
    if on < started:
        raise ValidationError(
            {"ended_on": ValidationError(MSG_END_BEFORE_START, params={"date": started})}
        )


@transaction.atomic
def relation_add(
    *,
    person: Person,
    other: Person,
    kind: str,
    by,
    started_on: dt.date | None = None,
    evidence: str = "",
) -> Relation:
    if other.centre_id != person.centre_id:
        raise ValidationError({"other": MSG_OTHER_CENTRE})
    with set_actor(by):
        relation = Relation(
            person=person,
            other=other,
            kind=kind,
            evidence=evidence,
            started_on=started_on or timezone.localdate(),
        )
        relation.full_clean()
        relation.save()
    return relation


@transaction.atomic
def relation_end(*, relation: Relation, by, ended_on: dt.date | None = None) -> Relation:
    relation = Relation.objects.select_for_update().get(pk=relation.pk)
    ended_on = ended_on or timezone.localdate()
    _check_end(started=relation.started_on, ended=relation.ended_on, on=ended_on)
    with set_actor(by):
        relation.ended_on = ended_on
        relation.save(update_fields=["ended_on"])
    return relation


@transaction.atomic
def consent_give(*, person: Person, by, purpose: str, form: str, note: str = "") -> Consent:
    with set_actor(by):
        consent = Consent(
            person=person,
            purpose=purpose,
            form=form,
            note=note,
            given_at=timezone.now(),
            recorded_by=by,
        )
        consent.full_clean()
        consent.save()
    return consent


@transaction.atomic
def consent_withdraw(*, consent: Consent, by) -> Consent:
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    if consent.withdrawn_at is not None:
        raise ValidationError(MSG_ALREADY_ENDED)
    with set_actor(by):
        consent.withdrawn_at = timezone.now()
        consent.save(update_fields=["withdrawn_at"])
    return consent


def has_consent(person: Person, purpose: str) -> bool:
    return person.consents.filter(purpose=purpose, withdrawn_at__isnull=True).exists()


@transaction.atomic
def certificate_add(*, person: Person, by, **fields) -> DisabilityCertificate:
    with set_actor(by):
        certificate = DisabilityCertificate(person=person, recorded_by=by, **fields)
        certificate.full_clean()
        certificate.save()
    return certificate


@transaction.atomic
def certificate_remove(*, certificate: DisabilityCertificate, by) -> None:
    """Special-category data are removed when no longer needed (RODO art. 5(1)(c, e))."""
    with set_actor(by):
        certificate.delete()


@transaction.atomic
def person_merge(*, keep: Person, duplicate: Person, by) -> Person:
    """Fold ``duplicate`` into ``keep``: its relations, consents and certificates move, empty
    fields of ``keep`` take its values, and the duplicate stays as a pointer (history kept).

    Apps that hold rows about people (applications, plans, ...) move theirs here too.
    """
    keep = Person.objects.select_for_update().get(pk=keep.pk)
    duplicate = Person.objects.select_for_update().get(pk=duplicate.pk)
    if keep.pk == duplicate.pk:
        raise ValidationError(MSG_MERGE_SELF)
    if keep.centre_id != duplicate.centre_id:
        raise ValidationError(MSG_OTHER_CENTRE)
    if keep.merged_into_id or duplicate.merged_into_id:
        raise ValidationError(MSG_MERGE_MERGED)
    if keep.pesel and duplicate.pesel and keep.pesel != duplicate.pesel:
        raise ValidationError(MSG_MERGE_PESEL_CONFLICT)
    if duplicate.pesel and not keep.pesel:
        # The PESEL moves to the kept record: it must not contradict what that record says.
        errors = check_pesel_consistency(
            pesel=duplicate.pesel, birth_date=keep.birth_date, sex=keep.sex
        )
        if errors:
            raise ValidationError(errors)
    with set_actor(by):
        moved = {
            name for name in PERSON_FIELDS if not getattr(keep, name) and getattr(duplicate, name)
        }
        pesel = duplicate.pesel
        duplicate.pesel = ""  # the PESEL moves with the person; the pointer record keeps none
        duplicate.merged_into, duplicate.merged_at = keep, timezone.now()
        duplicate.save(update_fields=["pesel", "merged_into", "merged_at", "updated_at"])
        for name in moved:
            setattr(keep, name, pesel if name == "pesel" else getattr(duplicate, name))
        if moved:
            keep.save()
        # Row by row, so that each move is in the history. A relation that would point the kept
        # person at itself goes, and so does one the kept record already has active.
        for relation in Relation.objects.filter(Q(person=duplicate) | Q(other=duplicate)):
            person_id = keep.pk if relation.person_id == duplicate.pk else relation.person_id
            other_id = keep.pk if relation.other_id == duplicate.pk else relation.other_id
            recorded = Relation.objects.filter(
                person_id=person_id, other_id=other_id, kind=relation.kind, ended_on__isnull=True
            )
            if person_id == other_id or (relation.ended_on is None and recorded.exists()):
                relation.delete()
            else:
                relation.person_id, relation.other_id = person_id, other_id
                relation.save(update_fields=["person", "other"])
        for consent in Consent.objects.filter(person=duplicate):
            if (
                consent.withdrawn_at is None
                and keep.consents.filter(
                    purpose=consent.purpose, withdrawn_at__isnull=True
                ).exists()
            ):
                consent.withdrawn_at = timezone.now()
            consent.person = keep
            consent.save()
        for certificate in DisabilityCertificate.objects.filter(person=duplicate):
            certificate.person = keep
            certificate.save(update_fields=["person"])
        person_merged.send(sender=Person, keep=keep, duplicate=duplicate, by=by)
    return keep
