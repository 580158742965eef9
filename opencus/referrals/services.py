"""Writes of referrals. One transaction each, history attributed to ``by``.

The rules that matter: a referral needs the person's active consent for its purpose (sharing
with a provider, or referring elsewhere); a referral to another centre needs an
inter-municipal agreement in force between the two centres; the receiver gets only the data
the referrer chose, copied when the referral is sent. Each step of the loop is one function
that checks the step is allowed from where the referral stands, and writes who took it when.
"""

import datetime as dt
from collections.abc import Iterable

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from opencus.accounts.rules import can
from opencus.catalogue.enums import ServiceStatus
from opencus.people.enums import ConsentPurpose
from opencus.people.models import Person
from opencus.providers.models import Organisation
from opencus.referrals import selectors, tasks
from opencus.referrals.enums import (
    ENDED_STATUSES,
    TRANSITIONS,
    DeclineReason,
    DropReason,
    ReceiverKind,
    ReferralStatus,
    SharedField,
    Urgency,
)
from opencus.referrals.models import Referral, ReferralEvent, ReferralPolicy
from opencus.referrals.notifications import language_of
from opencus.residents import services as residents
from opencus.territory.models import Centre

MSG_OTHER_CENTRE = _("This person is registered in another centre.")
MSG_PERSON_MERGED = _("This record was merged into another one: refer the kept record.")
MSG_APPLICATION_OTHER_PERSON = _("This application is not the person's, or not the centre's.")
MSG_ENROLMENT_OTHER_PERSON = _("This service given is not the person's, or not the centre's.")
MSG_PLAN_OTHER_PERSON = _("This plan is not the person's, or not the centre's.")
MSG_NO_SOURCE = _(
    "Refer from an application, a service given or a plan, or give the reason for the referral."
)
MSG_CHOOSE_KIND = _("Choose whom the person is referred to.")
MSG_CHOOSE_ORGANISATION = _("Choose the provider organisation.")
MSG_NAME_UNIT = _("Name the unit the person is referred to.")
MSG_CHOOSE_CENTRE = _("Choose the centre the person is referred to.")
MSG_ONE_RECEIVER = _("Name one receiver, of the kind chosen.")
MSG_SAME_CENTRE = _("A centre cannot refer a person to itself.")
MSG_NO_AGREEMENT = _(
    "No inter-municipal agreement in force links this centre with %(centre)s: a person can be "
    "referred to another centre only under such an agreement."
)
MSG_NO_CONSENT_PROVIDER = _(
    "%(person)s has not given consent to sharing data with a service provider: record the "
    "consent on the person's page first."
)
MSG_NO_CONSENT_ELSEWHERE = _(
    "%(person)s has not given consent to a referral to another centre or institution: record "
    "the consent on the person's page first."
)
MSG_SAY_WHAT = _("Say what is asked: choose a service or describe it in words.")
MSG_SERVICE_NOT_RECEIVERS = _("“%(service)s” is not a published service of %(receiver)s.")
MSG_SERVICE_FOR_UNIT = _("A unit outside the system has no catalogue: describe what is asked.")
MSG_UNKNOWN_URGENCY = _("Choose the urgency.")
MSG_UNKNOWN_FIELD = _("Choose what to share among the fields offered.")
MSG_NEED_EMPTY = _("Describe the need, or do not share it.")
MSG_SENT_IN_FUTURE = _("The referral cannot be dated in the future.")
MSG_ILLEGAL_STEP = _("A referral that is “%(status)s” cannot become “%(to)s”.")
MSG_NOT_RECEIVER = _("Only the receiver of this referral can record its answer and outcome.")
MSG_NOT_REFERRER = _("Only the referring centre can withdraw a referral.")
MSG_NO_RIGHT = _("You are not allowed to do this for %(context)s.")
MSG_REASON_NEEDED = _("Choose the reason.")
MSG_NOTE_FOR_OTHER = _("Explain the reason “other” in the note.")
MSG_WITHDRAW_NOTE = _("Give the reason for the withdrawal.")
MSG_STEP_IN_FUTURE = _("The date cannot be in the future.")
MSG_STEP_BEFORE_PREVIOUS = _("The date cannot be earlier than the previous step (%(date)s).")

CONSENT_FOR = {
    ReceiverKind.PROVIDER: ConsentPurpose.SHARE_WITH_PROVIDER,
    ReceiverKind.UNIT: ConsentPurpose.REFER_ELSEWHERE,
    ReceiverKind.CENTRE: ConsentPurpose.REFER_ELSEWHERE,
}


# --- settings ------------------------------------------------------------------------------


@transaction.atomic
def policy_update(*, centre, by, answer_days: int, completion_days: int) -> ReferralPolicy:
    """Say after how many days the centre's referrals count as stuck."""
    policy, _created = ReferralPolicy.objects.select_for_update().get_or_create(centre=centre)
    with set_actor(by):
        policy.answer_days = answer_days
        policy.completion_days = completion_days
        policy.full_clean()
        policy.save()
    return policy


# --- sending -------------------------------------------------------------------------------


def shared_snapshot(person: Person, fields: Iterable[str], need_description: str = "") -> dict:
    """The copy of the person's data the receiver will see: the name, and the chosen fields
    as they are now."""
    fields = set(fields)
    data: dict = {"first_name": person.first_name, "last_name": person.last_name}
    if SharedField.ADDRESS in fields:
        town = f"{person.postal_code} {person.city}".strip()
        data[SharedField.ADDRESS] = ", ".join(p for p in (person.street, town) if p)
    if SharedField.PHONE in fields:
        data[SharedField.PHONE] = person.phone
    if SharedField.BIRTH_DATE in fields:
        data[SharedField.BIRTH_DATE] = person.birth_date.isoformat() if person.birth_date else ""
    if SharedField.NEED in fields:
        data[SharedField.NEED] = need_description.strip()
    if SharedField.COMMUNICATION in fields:
        data[SharedField.COMMUNICATION] = {
            "language": person.preferred_language,
            "sign_language": person.needs_sign_language,
            "easy_to_read": person.needs_easy_to_read,
            "large_print": person.needs_large_print,
            "notes": person.accessibility_notes,
        }
    return data


def _add(errors: dict, field: str | None, error) -> None:
    errors.setdefault(field or "__all__", []).append(error)


def _check_receiver(
    errors: dict,
    *,
    centre,
    receiver_kind: str,
    organisation: Organisation | None,
    receiving_centre: Centre | None,
    unit_name: str,
):
    """The receiver is complete and alone of its kind; returns the agreement for a centre."""
    if receiver_kind not in ReceiverKind.values:
        _add(errors, "receiver_kind", MSG_CHOOSE_KIND)
        return None
    others = {
        ReceiverKind.PROVIDER: (receiving_centre, unit_name),
        ReceiverKind.UNIT: (organisation, receiving_centre),
        ReceiverKind.CENTRE: (organisation, unit_name),
    }[ReceiverKind(receiver_kind)]
    if any(others):
        _add(errors, None, MSG_ONE_RECEIVER)
    if receiver_kind == ReceiverKind.PROVIDER and organisation is None:
        _add(errors, "organisation", MSG_CHOOSE_ORGANISATION)
    if receiver_kind == ReceiverKind.UNIT and not unit_name:
        _add(errors, "unit_name", MSG_NAME_UNIT)
    if receiver_kind != ReceiverKind.CENTRE:
        return None
    if receiving_centre is None:
        _add(errors, "receiving_centre", MSG_CHOOSE_CENTRE)
        return None
    if receiving_centre.pk == centre.pk:
        _add(errors, "receiving_centre", MSG_SAME_CENTRE)
        return None
    agreement = selectors.agreement_between(centre, receiving_centre)
    if agreement is None:
        _add(
            errors,
            "receiving_centre",
            ValidationError(MSG_NO_AGREEMENT, params={"centre": receiving_centre.name}),
        )
    return agreement


def _check_service(errors: dict, *, service, receiver_kind, organisation, receiving_centre):
    if service is None:
        return
    if receiver_kind == ReceiverKind.UNIT:
        _add(errors, "service", MSG_SERVICE_FOR_UNIT)
        return
    receiver = organisation if receiver_kind == ReceiverKind.PROVIDER else receiving_centre
    if receiver is None:
        return
    belongs = (
        service.provider_id == receiver.pk
        if receiver_kind == ReceiverKind.PROVIDER
        else service.centre_id == receiver.pk
    )
    if not belongs or service.status != ServiceStatus.PUBLISHED:
        _add(
            errors,
            "service",
            ValidationError(
                MSG_SERVICE_NOT_RECEIVERS, params={"service": service.name, "receiver": receiver}
            ),
        )


def _consent(person: Person, receiver_kind: str):
    purpose = CONSENT_FOR[ReceiverKind(receiver_kind)]
    return person.consents.filter(purpose=purpose, withdrawn_at__isnull=True).first()


@transaction.atomic
def referral_send(
    *,
    centre,
    person: Person,
    by,
    receiver_kind: str,
    organisation: Organisation | None = None,
    receiving_centre: Centre | None = None,
    unit_name: str = "",
    unit_contact: str = "",
    service=None,
    request: str = "",
    urgency: str = Urgency.ROUTINE,
    shared_fields: Iterable[str] = (),
    need_description: str = "",
    application=None,
    enrolment=None,
    plan=None,
    reason: str = "",
    sent_at: dt.datetime | None = None,
    is_demo: bool = False,
) -> Referral:
    """Refer ``person`` to a provider organisation, a unit outside the system, or another centre.

    The source is ``application``, ``enrolment`` (a service given) or ``plan`` (an IPUS) or,
    without any, ``reason`` in words. The receiver sees the person's name and the
    ``shared_fields`` chosen (copied now), what is asked and the urgency.
    """
    unit_name, unit_contact = unit_name.strip(), unit_contact.strip()
    request, reason = request.strip(), reason.strip()
    shared_fields = list(dict.fromkeys(shared_fields))
    errors: dict[str, list] = {}
    if person.centre_id != centre.pk:
        _add(errors, "person", MSG_OTHER_CENTRE)
    elif person.merged_into_id is not None:
        _add(errors, "person", MSG_PERSON_MERGED)
    if application is not None and (
        application.centre_id != centre.pk or application.person_id != person.pk
    ):
        _add(errors, "application", MSG_APPLICATION_OTHER_PERSON)
    if enrolment is not None and (
        enrolment.centre_id != centre.pk or enrolment.person_id != person.pk
    ):
        _add(errors, "enrolment", MSG_ENROLMENT_OTHER_PERSON)
    if plan is not None and (plan.centre_id != centre.pk or plan.person_id != person.pk):
        _add(errors, "plan", MSG_PLAN_OTHER_PERSON)
    if application is None and enrolment is None and plan is None and not reason:
        _add(errors, "reason", MSG_NO_SOURCE)
    agreement = _check_receiver(
        errors,
        centre=centre,
        receiver_kind=receiver_kind,
        organisation=organisation,
        receiving_centre=receiving_centre,
        unit_name=unit_name,
    )
    _check_service(
        errors,
        service=service,
        receiver_kind=receiver_kind,
        organisation=organisation,
        receiving_centre=receiving_centre,
    )
    if service is None and not request:
        _add(errors, "request", MSG_SAY_WHAT)
    if urgency not in Urgency.values:
        _add(errors, "urgency", MSG_UNKNOWN_URGENCY)
    if set(shared_fields) - set(SharedField.values):
        _add(errors, "shared_fields", MSG_UNKNOWN_FIELD)
    if SharedField.NEED in shared_fields and not need_description.strip():
        _add(errors, "need_description", MSG_NEED_EMPTY)
    now = timezone.now()
    if sent_at is not None and sent_at > now:
        _add(errors, "sent_at", MSG_SENT_IN_FUTURE)
    consent = _consent(person, receiver_kind) if receiver_kind in ReceiverKind.values else None
    if receiver_kind in ReceiverKind.values and consent is None:
        message = (
            MSG_NO_CONSENT_PROVIDER
            if receiver_kind == ReceiverKind.PROVIDER
            else MSG_NO_CONSENT_ELSEWHERE
        )
        _add(errors, None, ValidationError(message, params={"person": person}))
    if errors:
        raise ValidationError(errors)
    with set_actor(by):
        referral = Referral(
            centre=centre,
            person=person,
            application=application,
            enrolment=enrolment,
            plan=plan,
            reason=reason,
            receiver_kind=receiver_kind,
            organisation=organisation,
            receiving_centre=receiving_centre,
            agreement=agreement,
            unit_name=unit_name,
            unit_contact=unit_contact,
            service=service,
            request=request,
            urgency=urgency,
            consent=consent,
            shared_fields=shared_fields,
            shared_data=shared_snapshot(person, shared_fields, need_description),
            sent_at=sent_at or now,
            sent_by=by,
            is_demo=is_demo,
        )
        referral.full_clean()
        referral.save()
        ReferralEvent.objects.create(
            referral=referral, status=ReferralStatus.SENT, at=referral.sent_at, by=by
        )
    if receiver_kind != ReceiverKind.UNIT:
        _on_commit_notify_receiver(referral, ReferralStatus.SENT)
    return referral


# --- the loop ------------------------------------------------------------------------------


def _on_commit_notify_receiver(referral: Referral, status: str) -> None:
    transaction.on_commit(
        lambda: tasks.notify_receiver.enqueue(referral_id=str(referral.pk), status=status),
        robust=True,
    )


def _on_commit_notify_referrer(referral: Referral) -> None:
    transaction.on_commit(
        lambda: tasks.notify_referrer.enqueue(referral_id=str(referral.pk)), robust=True
    )


def _is(obj, model, pk) -> bool:
    return isinstance(obj, model) and pk is not None and obj.pk == pk


def _check_answering(referral: Referral, *, by, acting_for) -> bool:
    """The receiver answers for itself; for a unit outside the system the referring centre
    records the answer. Returns whether the referrer records it for the receiver."""
    if referral.receiver_kind == ReceiverKind.PROVIDER:
        allowed, permission = _is(acting_for, Organisation, referral.organisation_id), None
    elif referral.receiver_kind == ReceiverKind.CENTRE:
        allowed, permission = _is(acting_for, Centre, referral.receiving_centre_id), None
    else:
        allowed, permission = _is(acting_for, Centre, referral.centre_id), "send"
    if not allowed:
        raise ValidationError(MSG_NOT_RECEIVER)
    needed = "referrals.send_referral" if permission else "referrals.answer_referral"
    if by is not None and not can(by, needed, acting_for):
        raise ValidationError(MSG_NO_RIGHT, params={"context": acting_for})
    return permission is not None


def _step_time(referral: Referral, at: dt.datetime | None) -> dt.datetime:
    now = timezone.now()
    at = at or now
    if at > now:
        raise ValidationError({"at": MSG_STEP_IN_FUTURE})
    previous = referral.waiting_since() or referral.sent_at
    if at < previous:
        raise ValidationError(
            {
                "at": ValidationError(
                    MSG_STEP_BEFORE_PREVIOUS, params={"date": f"{previous:%Y-%m-%d %H:%M}"}
                )
            }
        )
    return at


def _check_reason(choices, reason: str, note: str) -> None:
    if reason not in choices.values:
        raise ValidationError({"reason": MSG_REASON_NEEDED})
    if reason == choices.OTHER and not note:
        raise ValidationError({"note": MSG_NOTE_FOR_OTHER})


def _move(
    referral: Referral,
    *,
    by,
    to: str,
    at: dt.datetime | None,
    reason: str = "",
    note: str = "",
    for_receiver: bool = False,
) -> Referral:
    """Take one step of the loop (the caller has checked who may take it)."""
    if to not in TRANSITIONS[referral.status]:
        raise ValidationError(
            MSG_ILLEGAL_STEP,
            params={
                "status": referral.get_status_display(),
                "to": ReferralStatus(to).label,
            },
        )
    at = _step_time(referral, at)
    with set_actor(by):
        referral.status = to
        referral.status_reason = reason
        referral.status_note = note
        if to in (ReferralStatus.ACCEPTED, ReferralStatus.DECLINED):
            referral.answered_at = at
        if to == ReferralStatus.STARTED:
            referral.started_at = at
        if to in ENDED_STATUSES:
            referral.closed_at = at
        referral.full_clean()
        referral.save(
            update_fields=[
                "status",
                "status_reason",
                "status_note",
                "answered_at",
                "started_at",
                "closed_at",
                "updated_at",
            ]
        )
        ReferralEvent.objects.create(
            referral=referral,
            status=to,
            at=at,
            by=by,
            reason=reason,
            note=note,
            recorded_for_receiver=for_receiver,
        )
    return referral


def _lock(referral: Referral) -> Referral:
    return (
        # Only the referral's row: PostgreSQL cannot lock the nullable side of an outer join.
        Referral.objects.select_for_update(of=("self",))
        .select_related("person", "centre", "organisation", "receiving_centre")
        .get(pk=referral.pk)
    )


def _answer(referral, *, by, acting_for, to, at, reason="", note="") -> Referral:
    referral = _lock(referral)
    for_receiver = _check_answering(referral, by=by, acting_for=acting_for)
    referral = _move(
        referral, by=by, to=to, at=at, reason=reason, note=note, for_receiver=for_receiver
    )
    if to in (ReferralStatus.ACCEPTED, ReferralStatus.DECLINED):
        _tell_the_person(referral, by=by)
    if not for_receiver:
        _on_commit_notify_referrer(referral)
    return referral


@transaction.atomic
def referral_accept(
    *, referral: Referral, by, acting_for, note: str = "", at: dt.datetime | None = None
) -> Referral:
    """The receiver takes the person on (the service is yet to start)."""
    return _answer(
        referral, by=by, acting_for=acting_for, to=ReferralStatus.ACCEPTED, at=at, note=note.strip()
    )


@transaction.atomic
def referral_decline(
    *,
    referral: Referral,
    by,
    acting_for,
    reason: str,
    note: str = "",
    at: dt.datetime | None = None,
) -> Referral:
    """The receiver cannot take the person on: no capacity, not eligible, unreachable, ..."""
    note = note.strip()
    _check_reason(DeclineReason, reason, note)
    return _answer(
        referral,
        by=by,
        acting_for=acting_for,
        to=ReferralStatus.DECLINED,
        at=at,
        reason=reason,
        note=note,
    )


@transaction.atomic
def referral_start(
    *, referral: Referral, by, acting_for, note: str = "", at: dt.datetime | None = None
) -> Referral:
    """The service the person was referred for has started."""
    return _answer(
        referral, by=by, acting_for=acting_for, to=ReferralStatus.STARTED, at=at, note=note.strip()
    )


@transaction.atomic
def referral_complete(
    *, referral: Referral, by, acting_for, note: str = "", at: dt.datetime | None = None
) -> Referral:
    """The service was given as asked: the loop is closed."""
    return _answer(
        referral,
        by=by,
        acting_for=acting_for,
        to=ReferralStatus.COMPLETED,
        at=at,
        note=note.strip(),
    )


@transaction.atomic
def referral_drop(
    *,
    referral: Referral,
    by,
    acting_for,
    reason: str,
    note: str = "",
    at: dt.datetime | None = None,
) -> Referral:
    """The person did not come, or stopped before the end: the loop is closed."""
    note = note.strip()
    _check_reason(DropReason, reason, note)
    return _answer(
        referral,
        by=by,
        acting_for=acting_for,
        to=ReferralStatus.DROPPED,
        at=at,
        reason=reason,
        note=note,
    )


@transaction.atomic
def referral_withdraw(*, referral: Referral, by, acting_for, note: str) -> Referral:
    """The referring centre takes the referral back, while nothing has started yet."""
    referral = _lock(referral)
    if not _is(acting_for, Centre, referral.centre_id):
        raise ValidationError(MSG_NOT_REFERRER)
    if by is not None and not can(by, "referrals.send_referral", acting_for):
        raise ValidationError(MSG_NO_RIGHT, params={"context": acting_for})
    note = note.strip()
    if not note:
        raise ValidationError({"note": MSG_WITHDRAW_NOTE})
    referral = _move(referral, by=by, to=ReferralStatus.WITHDRAWN, at=None, note=note)
    if referral.receiver_kind != ReceiverKind.UNIT:
        _on_commit_notify_receiver(referral, ReferralStatus.WITHDRAWN)
    return referral


# What each action of a receiver calls (the views' table).
ANSWERS = {
    "accept": referral_accept,
    "decline": referral_decline,
    "start": referral_start,
    "complete": referral_complete,
    "drop": referral_drop,
}


def _tell_the_person(referral: Referral, *, by) -> None:
    """A message in the person's "my matters": accepted, or declined (without the receiver's
    internal note)."""
    person = referral.person
    with translation.override(language_of(person)):
        if referral.status == ReferralStatus.ACCEPTED:
            subject = _("Your referral was accepted")
            body = _(
                "%(receiver)s has accepted the referral from %(centre)s. They will contact you "
                "about the start of the service."
            )
        else:
            subject = _("Your referral was declined")
            body = _(
                "%(receiver)s cannot take up the referral from %(centre)s (%(reason)s). The "
                "centre will talk with you about other help."
            )
        params = {
            "receiver": referral.receiver_name,
            "centre": referral.centre.name,
            "reason": referral.status_reason_label,
        }
        residents.message_send(person=person, by=by, subject=str(subject), body=str(body) % params)


# --- people merged elsewhere ---------------------------------------------------------------


@transaction.atomic
def person_records_move(*, keep: Person, duplicate: Person, by) -> None:
    """Move the referrals of ``duplicate`` to ``keep`` (for people.person_merge). What was
    shared with the receivers stays as it was sent."""
    if keep.centre_id != duplicate.centre_id:
        raise ValidationError(MSG_OTHER_CENTRE)
    with set_actor(by):
        for referral in Referral.objects.select_for_update().filter(person=duplicate):
            referral.person = keep
            referral.save(update_fields=["person", "updated_at"])
