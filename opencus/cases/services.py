"""Writes on applications: one transaction each, history attributed to ``by``.

Qualification follows the order of submission within the programme's limits: a grant takes
the limit's row lock, and the database refuses a limit with more places taken than it has
(``limit_never_over_granted``), so concurrent grants can never over-grant.
"""

import datetime as dt
from decimal import Decimal

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from opencus.accounts.rules import can
from opencus.cases.enums import (
    OPEN_STATUSES,
    AppealOutcome,
    ApplicationStatus,
    Channel,
    NeedLevel,
    Outcome,
    SubCaseStatus,
    SubmitterRole,
    WaitlistStatus,
)
from opencus.cases.models import (
    Appeal,
    Application,
    ApplicationEvent,
    AssessmentFinding,
    CaseNumberCounter,
    CasePolicy,
    CompletionRequest,
    Decision,
    NeedsAssessment,
    RequestedService,
    ServiceLimit,
    SubCase,
    WaitlistEntry,
)
from opencus.catalogue.enums import AccessMode, ServiceStatus
from opencus.people.enums import ConsentPurpose

MSG_NO_SERVICES = _("Choose at least one service.")
MSG_SERVICE_NOT_OFFERED = _("“%(service)s” is not a published service of this centre.")
MSG_SERVICE_OPEN_ACCESS = _("“%(service)s” is open to all: it needs no application.")
MSG_SUBMITTED_IN_FUTURE = _("The submission time cannot be in the future.")
MSG_PERSON_OTHER_CENTRE = _("This person is registered in another centre.")
MSG_SUBMITTER_NEEDED = _("Say who submitted it on the person's behalf.")
MSG_WRONG_STATUS = _("This cannot be done now: the application is “%(status)s”.")
MSG_NEED_PERSON = _("Link the application to the person's record before registering it.")
MSG_DUE_IN_PAST = _("The deadline cannot be in the past.")
MSG_ASSESSED_IN_FUTURE = _("The conversation cannot be dated in the future.")
MSG_ASSESSED_BEFORE_SUBMISSION = _("The needs cannot be recognised before the application.")
MSG_NO_FINDINGS = _("Describe the situation in at least one life area.")
MSG_NO_CONSENT = _(
    "Forwarding needs the person's consent to forward the application: record it first."
)
MSG_LINE_DECIDED = _("“%(service)s” has already been decided: %(outcome)s.")
MSG_NOT_ASSESSED = _("Recognise the needs before qualifying.")
MSG_UNITS = _("Give a number of units greater than zero.")
MSG_PARTIAL_FEE = _(
    "With a partial exemption, give the person's fee per unit: more than 0 and less than %(price)s."
)
MSG_EXEMPTION_REASON = _("Give the reason for the exemption.")
MSG_REASONS = _("Give the reasons for the refusal (uzasadnienie).")
MSG_NO_RIGHT_TO_SIGN = _("You are not authorised to sign administrative decisions of this centre.")
MSG_NOT_DELIVERED = _("Record when the decision was delivered first.")
MSG_DELIVERED_BEFORE_ISSUE = _("A decision cannot be delivered before it was issued.")
MSG_FILED_BEFORE_ISSUE = _("An appeal cannot be filed before the decision was issued.")
MSG_IN_FUTURE = _("The date cannot be in the future.")
MSG_APPEAL_TWICE = _("An appeal against this decision is already recorded.")
MSG_APPEAL_DECIDED = _("The SKO has already decided this appeal.")
MSG_LIMIT_OVERLAP = _("This service already has a limit overlapping these dates: %(limit)s.")
MSG_LIMIT_BELOW_TAKEN = _("%(taken)s places are already taken: the limit cannot be lower.")
MSG_NOT_OFFERED = _("There is no open offer to reply to.")
MSG_LIMIT_SERVICE_OTHER_CENTRE = _("The service belongs to another centre.")
MSG_WITHDRAWN_REASON = _("Give the reason for the withdrawal.")

EXEMPTIONS = ("none", "partial", "full")


def policy_of(centre) -> CasePolicy:
    policy, _created = CasePolicy.objects.get_or_create(centre=centre)
    return policy


@transaction.atomic
def policy_update(*, centre, by, **fields) -> CasePolicy:
    policy = CasePolicy.objects.select_for_update().get(pk=policy_of(centre).pk)
    with set_actor(by):
        for name, value in fields.items():
            setattr(policy, name, value)
        policy.full_clean()
        policy.save()
    return policy


def _event(application: Application, by, note: "str | Promise" = "") -> None:
    ApplicationEvent.objects.create(
        application=application, status=application.status, by=by, note=str(note)[:300]
    )


def _set_status(application: Application, status: str, by, note: "str | Promise" = "") -> None:
    application.status = status
    application.save(update_fields=["status", "updated_at"])
    _event(application, by, note)


def _require(application: Application, *allowed: str) -> None:
    if application.status not in allowed:
        raise ValidationError(
            MSG_WRONG_STATUS, params={"status": ApplicationStatus(application.status).label}
        )


def _lock(application: Application) -> Application:
    return Application.objects.select_for_update().get(pk=application.pk)


def _check_services(centre, services) -> None:
    if not services:
        raise ValidationError({"services": MSG_NO_SERVICES})
    errors = []
    for service in services:
        if service.centre_id != centre.pk or service.status != ServiceStatus.PUBLISHED:
            errors.append(ValidationError(MSG_SERVICE_NOT_OFFERED, params={"service": service}))
        elif service.access_mode == AccessMode.OPEN:
            errors.append(ValidationError(MSG_SERVICE_OPEN_ACCESS, params={"service": service}))
    if errors:
        raise ValidationError({"services": errors})


def _add_services(application: Application, services) -> None:
    RequestedService.objects.bulk_create(
        [RequestedService(application=application, service=s) for s in services]
    )


# --- submission and registration ------------------------------------------------------


@transaction.atomic
def application_submit_online(
    *,
    centre,
    account,
    submitter_role: str,
    services,
    description: str,
    first_name: str,
    last_name: str,
    pesel: str = "",
    birth_date: dt.date | None = None,
    address: str = "",
    phone: str = "",
    email: str = "",
    submitter_name: str = "",
) -> Application:
    """A resident's online application: the declared data wait for the desk to register."""
    _check_services(centre, services)
    if submitter_role != SubmitterRole.PERSON and not submitter_name.strip():
        raise ValidationError({"submitter_name": MSG_SUBMITTER_NEEDED})
    with set_actor(account):
        application = Application(
            centre=centre,
            channel=Channel.ONLINE,
            submitter_role=submitter_role,
            submitter_name=submitter_name,
            account=account,
            declared_first_name=first_name,
            declared_last_name=last_name,
            declared_pesel=pesel,
            declared_birth_date=birth_date,
            declared_address=address,
            declared_phone=phone,
            declared_email=email or account.email,
            description=description,
            submitted_at=timezone.now(),
        )
        application.full_clean()
        application.save()
        _add_services(application, services)
        _event(application, account, _("submitted online"))
    return application


@transaction.atomic
def application_receive(
    *,
    centre,
    by,
    person,
    channel: str,
    submitter_role: str,
    services,
    description: str,
    submitter=None,
    submitter_name: str = "",
    submitted_at: dt.datetime | None = None,
    register: bool = True,
) -> Application:
    """An application taken at the desk, by phone or e-mail, by post or from an institution.

    ``submitted_at`` is when it reached the centre (a letter may arrive before it is typed in);
    it cannot be in the future and never changes afterwards.
    """
    if person.centre_id != centre.pk or (submitter and submitter.centre_id != centre.pk):
        raise ValidationError(MSG_PERSON_OTHER_CENTRE)
    _check_services(centre, services)
    now = timezone.now()
    submitted_at = submitted_at or now
    if submitted_at > now:
        raise ValidationError({"submitted_at": MSG_SUBMITTED_IN_FUTURE})
    if submitter_role != SubmitterRole.PERSON and submitter is None and not submitter_name.strip():
        raise ValidationError({"submitter_name": MSG_SUBMITTER_NEEDED})
    with set_actor(by):
        application = Application(
            centre=centre,
            person=person,
            channel=channel,
            submitter_role=submitter_role,
            submitter=submitter,
            submitter_name=submitter_name,
            description=description,
            submitted_at=submitted_at,
            received_by=by,
        )
        application.full_clean()
        application.save()
        _add_services(application, services)
        _event(application, by, _("received"))
        if register:
            _register(application, by)
    return application


def _next_case_number(centre, year: int) -> str:
    counter, _created = CaseNumberCounter.objects.get_or_create(centre=centre, year=year)
    updated = CaseNumberCounter.objects.filter(pk=counter.pk).update(last=F("last") + 1)
    assert updated == 1
    counter.refresh_from_db(fields=["last"])
    return f"W/{year}/{counter.last:05d}"


def _register(application: Application, by) -> None:
    application.case_number = _next_case_number(application.centre, application.submitted_at.year)
    application.registered_at = timezone.now()
    application.registered_by = by
    application.status = ApplicationStatus.REGISTERED
    application.save(
        update_fields=["case_number", "registered_at", "registered_by", "status", "updated_at"]
    )
    _event(application, by, _("registered as %(number)s") % {"number": application.case_number})
    from opencus.cases.signals import application_registered

    application_registered.send(sender=Application, application=application, by=by)


@transaction.atomic
def application_register(*, application: Application, by, person=None) -> Application:
    """Give the application its case number; an online one is linked to a person's record."""
    application = _lock(application)
    _require(application, ApplicationStatus.SUBMITTED)
    with set_actor(by):
        if person is not None:
            if person.centre_id != application.centre_id:
                raise ValidationError(MSG_PERSON_OTHER_CENTRE)
            application.person = person
            application.save(update_fields=["person", "updated_at"])
        if application.person_id is None:
            raise ValidationError({"person": MSG_NEED_PERSON})
        _register(application, by)
    return application


@transaction.atomic
def application_assign(*, application: Application, by, coordinator) -> Application:
    application = _lock(application)
    with set_actor(by):
        application.coordinator = coordinator
        application.save(update_fields=["coordinator", "updated_at"])
        _event(application, by, _("coordinator: %(name)s") % {"name": coordinator})
    return application


@transaction.atomic
def requested_add(*, application: Application, service, by, note: str = "") -> RequestedService:
    """Add a service to an application already received (an individual plan asks for it).

    The application keeps its submission time, so the new service queues in the same place;
    a service asked for already is returned as it is. A decided application goes back to
    "needs recognised" until the new service is qualified.
    """
    application = _lock(application)
    _require(application, ApplicationStatus.ASSESSED, ApplicationStatus.DECIDED)
    existing = application.requested.filter(service=service).first()
    if existing is not None:
        return existing
    _check_services(application.centre, [service])
    with set_actor(by):
        requested = RequestedService(application=application, service=service, note=note)
        requested.full_clean()
        requested.save()
        note_text = _("%(service)s: added to the application") % {"service": service}
        if application.status == ApplicationStatus.DECIDED:
            _set_status(application, ApplicationStatus.ASSESSED, by, note_text)
        else:
            _event(application, by, note_text)
    return requested


@transaction.atomic
def completion_request(
    *, application: Application, by, missing: str, due_on: dt.date | None = None
) -> CompletionRequest:
    application = _lock(application)
    _require(application, ApplicationStatus.REGISTERED)
    today = timezone.localdate()
    due_on = due_on or today + dt.timedelta(days=policy_of(application.centre).completion_days)
    if due_on < today:
        raise ValidationError({"due_on": MSG_DUE_IN_PAST})
    with set_actor(by):
        request = CompletionRequest(
            application=application, missing=missing, due_on=due_on, requested_by=by
        )
        request.full_clean()
        request.save()
        _set_status(application, ApplicationStatus.AWAITING_COMPLETION, by, missing)
    return request


@transaction.atomic
def completion_done(*, request: CompletionRequest, by, note: str = "") -> CompletionRequest:
    request = CompletionRequest.objects.select_for_update().get(pk=request.pk)
    application = _lock(request.application)
    if request.completed_at is not None:
        raise ValidationError(
            MSG_WRONG_STATUS, params={"status": ApplicationStatus(application.status).label}
        )
    _require(application, ApplicationStatus.AWAITING_COMPLETION)
    with set_actor(by):
        request.completed_at = timezone.now()
        request.completed_by = by
        request.completion_note = note
        request.save(update_fields=["completed_at", "completed_by", "completion_note"])
        _set_status(application, ApplicationStatus.REGISTERED, by, _("completed"))
    return request


# --- needs recognition and routing -----------------------------------------------------


@transaction.atomic
def assessment_schedule(
    *, application: Application, by, scheduled_for: dt.datetime, place: str, place_note: str = ""
) -> NeedsAssessment:
    application = _lock(application)
    _require(application, ApplicationStatus.REGISTERED, ApplicationStatus.ASSESSMENT_SCHEDULED)
    with set_actor(by):
        assessment = application.assessments.filter(assessed_on__isnull=True).first()
        assessment = assessment or NeedsAssessment(application=application)
        assessment.scheduled_for = scheduled_for
        assessment.place = place
        assessment.place_note = place_note
        assessment.assessor = by
        assessment.full_clean()
        assessment.save()
        _set_status(
            application,
            ApplicationStatus.ASSESSMENT_SCHEDULED,
            by,
            _("needs recognition planned for %(when)s")
            % {"when": timezone.localtime(scheduled_for).strftime("%d.%m.%Y %H:%M")},
        )
    return assessment


@transaction.atomic
def assessment_record(
    *,
    application: Application,
    by,
    assessed_on: dt.date,
    place: str,
    findings: dict[str, tuple[str, str]],
    place_note: str = "",
    summary: str = "",
    persons_view: str = "",
    recommended=(),
    ipus_required: bool = False,
) -> NeedsAssessment:
    """Record the needs recognised by life area: ``findings`` maps an area to (level, text)."""
    application = _lock(application)
    _require(application, ApplicationStatus.REGISTERED, ApplicationStatus.ASSESSMENT_SCHEDULED)
    if assessed_on > timezone.localdate():
        raise ValidationError({"assessed_on": MSG_ASSESSED_IN_FUTURE})
    if assessed_on < timezone.localdate(application.submitted_at):
        raise ValidationError({"assessed_on": MSG_ASSESSED_BEFORE_SUBMISSION})
    findings = {
        area: (level, text)
        for area, (level, text) in findings.items()
        if level != NeedLevel.NONE or text.strip()
    }
    if not findings:
        raise ValidationError({"findings": MSG_NO_FINDINGS})
    with set_actor(by):
        assessment = application.assessments.filter(assessed_on__isnull=True).first()
        assessment = assessment or NeedsAssessment(application=application)
        assessment.assessed_on = assessed_on
        assessment.place = place
        assessment.place_note = place_note
        assessment.summary = summary
        assessment.persons_view = persons_view
        assessment.ipus_required = ipus_required
        assessment.assessor = by
        assessment.full_clean()
        assessment.save()
        rows = [
            AssessmentFinding(assessment=assessment, area=area, level=level, situation=text)
            for area, (level, text) in findings.items()
        ]
        for row in rows:
            row.full_clean(exclude=["assessment"])
        AssessmentFinding.objects.bulk_create(rows)
        assessment.recommended.set(recommended)
        _set_status(application, ApplicationStatus.ASSESSED, by, _("needs recognised"))
    return assessment


@transaction.atomic
def route(
    *,
    application: Application,
    by,
    target: str,
    unit_name: str,
    regime: str,
    scope: str,
    requested=(),
) -> SubCase:
    """Forward part of the application to the unit that handles it, with the person's consent."""
    application = _lock(application)
    _require(
        application,
        ApplicationStatus.REGISTERED,
        ApplicationStatus.ASSESSMENT_SCHEDULED,
        ApplicationStatus.ASSESSED,
        ApplicationStatus.DECIDED,
    )
    assert application.person is not None  # registered applications name their person
    consent = application.person.consents.filter(
        purpose=ConsentPurpose.FORWARD_APPLICATION, withdrawn_at__isnull=True
    ).first()
    if consent is None:
        raise ValidationError(MSG_NO_CONSENT)
    lines = list(requested)
    for line in lines:
        if line.application_id != application.pk or line.outcome != Outcome.PENDING:
            raise ValidationError(
                MSG_LINE_DECIDED,
                params={"service": line.service, "outcome": line.get_outcome_display()},
            )
    with set_actor(by):
        subcase = SubCase(
            application=application,
            target=target,
            unit_name=unit_name,
            regime=regime,
            scope=scope,
            consent=consent,
            forwarded_by=by,
        )
        subcase.full_clean()
        subcase.save()
        subcase.services.set(lines)
        for line in lines:
            line.outcome = Outcome.FORWARDED
            line.decided_at = timezone.now()
            line.decided_by = by
            line.save(update_fields=["outcome", "decided_at", "decided_by"])
        _event(application, by, _("forwarded to %(unit)s") % {"unit": unit_name})
        _refresh_status(application, by)
    return subcase


@transaction.atomic
def subcase_update(*, subcase: SubCase, by, status: str, outcome_note: str = "") -> SubCase:
    subcase = SubCase.objects.select_for_update().get(pk=subcase.pk)
    with set_actor(by):
        subcase.status = status
        subcase.outcome_note = outcome_note
        subcase.full_clean()
        subcase.save(update_fields=["status", "outcome_note", "updated_at"])
        _event(
            subcase.application,
            by,
            _("%(unit)s: %(status)s")
            % {"unit": subcase.unit_name, "status": SubCaseStatus(status).label},
        )
    return subcase


# --- qualification, limits and the waiting list ---------------------------------------


def _lock_line(requested: RequestedService) -> RequestedService:
    return (
        RequestedService.objects.select_for_update().select_related("service").get(pk=requested.pk)
    )


def _fee(service, exemption: str, fee_per_unit: Decimal | None, reason: str) -> Decimal:
    if exemption not in EXEMPTIONS:
        raise ValueError(f"unknown exemption {exemption!r}")
    if exemption == "none":
        return service.resident_price
    if not reason.strip():
        raise ValidationError({"exemption_reason": MSG_EXEMPTION_REASON})
    if exemption == "full":
        return Decimal("0.00")
    if fee_per_unit is None or not (0 < fee_per_unit < service.resident_price):
        raise ValidationError(
            {
                "fee_per_unit": ValidationError(
                    MSG_PARTIAL_FEE, params={"price": service.resident_price}
                )
            }
        )
    return fee_per_unit


def limit_for(service, on: dt.date, *, lock: bool = False) -> ServiceLimit | None:
    limits = ServiceLimit.objects.filter(service=service, starts_on__lte=on, ends_on__gte=on)
    if lock:
        limits = limits.select_for_update()
    return limits.first()


@transaction.atomic
def qualify(
    *,
    requested: RequestedService,
    by,
    units_per_period: Decimal,
    period: str,
    starts_on: dt.date,
    ends_on: dt.date | None = None,
    exemption: str = "none",
    exemption_reason: str = "",
    fee_per_unit: Decimal | None = None,
) -> RequestedService:
    """Grant the service, or put the person on its waiting list when the limit is reached.

    No one overtakes the queue: while anyone waits for the service, a new grant waits too.
    """
    requested = _lock_line(requested)
    application = _lock(requested.application)
    _require(application, ApplicationStatus.ASSESSED, ApplicationStatus.DECIDED)
    if requested.outcome != Outcome.PENDING:
        raise ValidationError(
            MSG_LINE_DECIDED,
            params={"service": requested.service, "outcome": requested.get_outcome_display()},
        )
    if units_per_period is None or units_per_period <= 0:
        raise ValidationError({"units_per_period": MSG_UNITS})
    fee = _fee(requested.service, exemption, fee_per_unit, exemption_reason)
    requested.units_per_period = units_per_period
    requested.period = period
    requested.starts_on = starts_on
    requested.ends_on = ends_on
    requested.exemption = exemption
    requested.exemption_reason = exemption_reason
    requested.fee_per_unit = fee
    requested.decided_at = timezone.now()
    requested.decided_by = by
    requested.full_clean(exclude=["application", "service"])
    with set_actor(by):
        limit = limit_for(requested.service, starts_on, lock=True)
        if limit is not None and not _take_place(limit, application):
            WaitlistEntry.objects.create(
                limit=limit, requested=requested, queued_at=application.submitted_at
            )
            requested.outcome = Outcome.WAITLISTED
            note = _("%(service)s: no place left, on the waiting list")
        else:
            _grant(requested, by)
            note = _("%(service)s: granted")
        requested.save()
        _event(application, by, note % {"service": requested.service})
        _refresh_status(application, by)
    return requested


def _take_place(limit: ServiceLimit, application: Application) -> bool:
    """Take a place if one is free and nobody waits for it. The caller holds the row lock."""
    if limit.entries.filter(status__in=[WaitlistStatus.QUEUED, WaitlistStatus.OFFERED]).exists():
        return False
    try:
        with transaction.atomic():
            taken = ServiceLimit.objects.filter(pk=limit.pk, taken__lt=F("places")).update(
                taken=F("taken") + 1
            )
    except IntegrityError:  # the CheckConstraint: the database, not the code, has the last word
        taken = 0
    return taken == 1


def _grant(requested: RequestedService, by) -> None:
    """Granted: the person is enrolled in the service at once (no second typing)."""
    from opencus.enrolments.services import enrolment_create

    requested.outcome = Outcome.GRANTED
    application = requested.application
    assert requested.starts_on is not None  # qualify() and offer_accept() set it
    requested.enrolment = enrolment_create(
        person=application.person,
        service=requested.service,
        by=by,
        starts_on=requested.starts_on,
        ends_on=requested.ends_on,
        units_per_period=requested.units_per_period,
        period=requested.period,
        exemption=requested.exemption or "none",
        exemption_reason=requested.exemption_reason,
        fee_per_unit=requested.fee_per_unit if requested.exemption == "partial" else None,
        note=str(_("granted in application %(number)s") % {"number": application.case_number}),
    )
    count = application.requested.exclude(notice_number="").count() + 1
    requested.notice_number = f"{application.case_number}/P/{count}"
    from opencus.cases.signals import service_granted

    service_granted.send(sender=RequestedService, requested=requested, by=by)


def offer_next(limit: ServiceLimit, by) -> list[WaitlistEntry]:
    """Offer the freed places to the head of the queue (the caller holds the limit's lock)."""
    limit.refresh_from_db(fields=["taken", "places"])
    offered = []
    policy = policy_of(limit.service.centre)
    while limit.taken < limit.places:
        head = (
            limit.entries.filter(status=WaitlistStatus.QUEUED).order_by("queued_at", "id").first()
        )
        if head is None:
            break
        ServiceLimit.objects.filter(pk=limit.pk).update(taken=F("taken") + 1)
        limit.taken += 1
        head.status = WaitlistStatus.OFFERED
        head.offered_at = timezone.now()
        head.offer_due_on = timezone.localdate() + dt.timedelta(days=policy.offer_reply_days)
        head.save(update_fields=["status", "offered_at", "offer_due_on"])
        line = head.requested
        line.outcome = Outcome.OFFERED
        line.save(update_fields=["outcome"])
        _event(
            line.application,
            by,
            _("%(service)s: a place is offered, reply by %(date)s")
            % {"service": line.service, "date": head.offer_due_on.strftime("%d.%m.%Y")},
        )
        from opencus.cases.signals import place_offered

        place_offered.send(sender=WaitlistEntry, entry=head, by=by)
        offered.append(head)
    return offered


def _release(limit: ServiceLimit, by) -> None:
    ServiceLimit.objects.filter(pk=limit.pk, taken__gt=0).update(taken=F("taken") - 1)
    offer_next(limit, by)


@transaction.atomic
def offer_accept(*, entry: WaitlistEntry, by) -> RequestedService:
    entry = WaitlistEntry.objects.select_for_update().get(pk=entry.pk)
    ServiceLimit.objects.select_for_update().get(pk=entry.limit_id)
    if entry.status != WaitlistStatus.OFFERED:
        raise ValidationError(MSG_NOT_OFFERED)
    requested = _lock_line(entry.requested)
    with set_actor(by):
        entry.status = WaitlistStatus.ENROLLED
        entry.left_at = timezone.now()
        entry.save(update_fields=["status", "left_at"])
        today = timezone.localdate()
        if requested.starts_on is None or requested.starts_on < today:
            requested.starts_on = today
        if requested.ends_on is not None and requested.ends_on < requested.starts_on:
            requested.ends_on = requested.starts_on
        requested.decided_at = timezone.now()
        requested.decided_by = by
        _grant(requested, by)
        requested.save()
        _event(
            requested.application,
            by,
            _("%(service)s: place accepted") % {"service": requested.service},
        )
        _refresh_status(requested.application, by)
    return requested


@transaction.atomic
def offer_decline(*, entry: WaitlistEntry, by, reason: str = "") -> WaitlistEntry:
    entry = WaitlistEntry.objects.select_for_update().get(pk=entry.pk)
    limit = ServiceLimit.objects.select_for_update().get(pk=entry.limit_id)
    if entry.status != WaitlistStatus.OFFERED:
        raise ValidationError(MSG_NOT_OFFERED)
    with set_actor(by):
        _leave(entry, Outcome.DECLINED, reason or _("offer declined"), by)
        _release(limit, by)
    return entry


def _leave(entry: WaitlistEntry, outcome: str, reason, by) -> None:
    entry.status = WaitlistStatus.REMOVED
    entry.left_at = timezone.now()
    entry.left_reason = str(reason)[:300]
    entry.save(update_fields=["status", "left_at", "left_reason"])
    line = entry.requested
    line.outcome = outcome
    line.save(update_fields=["outcome"])
    _event(line.application, by, f"{line.service}: {entry.left_reason}")


def expire_offers(today: dt.date | None = None) -> int:
    """Offers without a reply by their deadline lapse; the place goes to the next in line."""
    today = today or timezone.localdate()
    expired = 0
    for entry_id in WaitlistEntry.objects.filter(
        status=WaitlistStatus.OFFERED, offer_due_on__lt=today
    ).values_list("pk", flat=True):
        with transaction.atomic():
            entry = WaitlistEntry.objects.select_for_update().get(pk=entry_id)
            limit = ServiceLimit.objects.select_for_update().get(pk=entry.limit_id)
            if entry.status != WaitlistStatus.OFFERED:
                continue
            _leave(entry, Outcome.DECLINED, _("no reply by the deadline"), None)
            _release(limit, None)
            expired += 1
    return expired


@transaction.atomic
def place_release(*, requested: RequestedService, by) -> None:
    """A granted person left the service (it ended, they resigned): the place frees."""
    requested = _lock_line(requested)
    if requested.outcome != Outcome.GRANTED or requested.starts_on is None:
        return
    limit = limit_for(requested.service, requested.starts_on, lock=True)
    if limit is not None:
        _release(limit, by)


@transaction.atomic
def limit_create(
    *, service, by, starts_on: dt.date, ends_on: dt.date, places: int, note: str = ""
) -> ServiceLimit:
    ServiceLimit.objects.select_for_update().filter(service=service).exists()
    overlapping = ServiceLimit.objects.filter(
        service=service, starts_on__lte=ends_on, ends_on__gte=starts_on
    ).first()
    if overlapping is not None:
        raise ValidationError(MSG_LIMIT_OVERLAP, params={"limit": overlapping})
    with set_actor(by):
        limit = ServiceLimit(
            service=service, starts_on=starts_on, ends_on=ends_on, places=places, note=note
        )
        limit.full_clean()
        limit.save()
    return limit


@transaction.atomic
def limit_change(*, limit: ServiceLimit, by, places: int, note: str | None = None) -> ServiceLimit:
    limit = ServiceLimit.objects.select_for_update().get(pk=limit.pk)
    if places < limit.taken:
        raise ValidationError(
            {"places": ValidationError(MSG_LIMIT_BELOW_TAKEN, params={"taken": limit.taken})}
        )
    with set_actor(by):
        limit.places = places
        if note is not None:
            limit.note = note
        limit.full_clean()
        limit.save()
        offer_next(limit, by)
    return limit


# --- refusal: an administrative decision, and its appeal -------------------------------


@transaction.atomic
def refuse(*, requested: RequestedService, by, reasons: str) -> Decision:
    """Refusing qualification is an administrative decision (KPA), signed by someone authorised."""
    requested = _lock_line(requested)
    application = _lock(requested.application)
    if not can(by, "cases.sign_decision", application.centre):
        raise ValidationError(MSG_NO_RIGHT_TO_SIGN)
    _require(application, ApplicationStatus.ASSESSED, ApplicationStatus.DECIDED)
    if requested.outcome not in (Outcome.PENDING, Outcome.WAITLISTED):
        raise ValidationError(
            MSG_LINE_DECIDED,
            params={"service": requested.service, "outcome": requested.get_outcome_display()},
        )
    if not reasons.strip():
        raise ValidationError({"reasons": MSG_REASONS})
    policy = policy_of(application.centre)
    with set_actor(by):
        entry = getattr(requested, "waitlist_entry", None)
        if entry is not None and entry.status == WaitlistStatus.QUEUED:
            _leave(entry, Outcome.REFUSED, _("refused by a decision"), by)
        count = Decision.objects.filter(requested__application=application).count() + 1
        decision = Decision.objects.create(
            requested=requested,
            number=f"{application.case_number}/D/{count}",
            legal_basis=policy.decision_legal_basis,
            reasons=reasons,
            issued_at=timezone.now(),
            issued_by=by,
            signer_name=by.get_full_name() or by.email,
            signer_function=str(_("Director of the centre")),
            appeal_days=policy.appeal_days,
            appeal_body=policy.appeal_body,
        )
        requested.outcome = Outcome.REFUSED
        requested.decided_at = decision.issued_at
        requested.decided_by = by
        requested.save(update_fields=["outcome", "decided_at", "decided_by"])
        _event(
            application,
            by,
            _("%(service)s: refused, decision %(number)s")
            % {"service": requested.service, "number": decision.number},
        )
        _refresh_status(application, by)
        from opencus.cases.signals import decision_issued

        decision_issued.send(sender=Decision, decision=decision, by=by)
    return decision


@transaction.atomic
def decision_delivered(*, decision: Decision, by, delivered_on: dt.date) -> Decision:
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if delivered_on > timezone.localdate():
        raise ValidationError({"delivered_on": MSG_IN_FUTURE})
    if delivered_on < timezone.localdate(decision.issued_at):
        raise ValidationError({"delivered_on": MSG_DELIVERED_BEFORE_ISSUE})
    with set_actor(by):
        decision.delivered_on = delivered_on
        decision.save(update_fields=["delivered_on"])
    return decision


@transaction.atomic
def appeal_record(*, decision: Decision, by, filed_on: dt.date, content: str = "") -> Appeal:
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if Appeal.objects.filter(decision=decision).exists():
        raise ValidationError(MSG_APPEAL_TWICE)
    if filed_on > timezone.localdate():
        raise ValidationError({"filed_on": MSG_IN_FUTURE})
    if filed_on < timezone.localdate(decision.issued_at):
        raise ValidationError({"filed_on": MSG_FILED_BEFORE_ISSUE})
    deadline = decision.appeal_deadline
    with set_actor(by):
        appeal = Appeal.objects.create(
            decision=decision,
            filed_on=filed_on,
            in_time=deadline is None or filed_on <= deadline,
            content=content,
            recorded_by=by,
        )
        _event(
            decision.requested.application,
            by,
            _("appeal against %(number)s filed") % {"number": decision.number},
        )
    return appeal


@transaction.atomic
def appeal_sent(*, appeal: Appeal, by, sent_on: dt.date) -> Appeal:
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    if sent_on > timezone.localdate():
        raise ValidationError({"sent_to_body_on": MSG_IN_FUTURE})
    if sent_on < appeal.filed_on:
        raise ValidationError({"sent_to_body_on": MSG_FILED_BEFORE_ISSUE})
    with set_actor(by):
        appeal.sent_to_body_on = sent_on
        appeal.save(update_fields=["sent_to_body_on"])
    return appeal


@transaction.atomic
def appeal_outcome(
    *, appeal: Appeal, by, outcome: str, outcome_on: dt.date, note: str = ""
) -> Appeal:
    """The SKO's ruling. Annulled or changed: the service returns to qualification (in order)."""
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    if appeal.outcome != AppealOutcome.PENDING:
        raise ValidationError(MSG_APPEAL_DECIDED)
    if outcome_on > timezone.localdate():
        raise ValidationError({"outcome_on": MSG_IN_FUTURE})
    if outcome_on < appeal.filed_on:
        raise ValidationError({"outcome_on": MSG_FILED_BEFORE_ISSUE})
    requested = _lock_line(appeal.decision.requested)
    application = _lock(requested.application)
    with set_actor(by):
        appeal.outcome = outcome
        appeal.outcome_on = outcome_on
        appeal.outcome_note = note
        appeal.full_clean()
        appeal.save()
        _event(application, by, str(AppealOutcome(outcome).label))
        if outcome in (AppealOutcome.ANNULLED, AppealOutcome.CHANGED):
            requested.outcome = Outcome.PENDING
            requested.save(update_fields=["outcome"])
            if application.status == ApplicationStatus.DECIDED:
                _set_status(application, ApplicationStatus.ASSESSED, by, _("re-examination"))
    return appeal


# --- the end of an application ---------------------------------------------------------


def _refresh_status(application: Application, by) -> None:
    """Decided once no requested service waits for qualification."""
    if application.status not in (
        ApplicationStatus.ASSESSED,
        ApplicationStatus.REGISTERED,
        ApplicationStatus.ASSESSMENT_SCHEDULED,
        ApplicationStatus.DECIDED,
    ):
        return
    pending = application.requested.filter(outcome=Outcome.PENDING).exists()
    if not pending and application.status == ApplicationStatus.ASSESSED:
        _set_status(application, ApplicationStatus.DECIDED, by)


@transaction.atomic
def application_withdraw(*, application: Application, by, reason: str) -> Application:
    """The applicant withdraws: waiting and offered places are given up, the queue moves."""
    application = _lock(application)
    if application.status not in OPEN_STATUSES:
        raise ValidationError(
            MSG_WRONG_STATUS, params={"status": ApplicationStatus(application.status).label}
        )
    if not reason.strip():
        raise ValidationError({"reason": MSG_WITHDRAWN_REASON})
    with set_actor(by):
        for line in application.requested.select_for_update().select_related("service"):
            entry = WaitlistEntry.objects.filter(requested=line).first()
            if line.outcome == Outcome.PENDING:
                line.outcome = Outcome.WITHDRAWN
                line.save(update_fields=["outcome"])
            elif entry is not None and entry.status in (
                WaitlistStatus.QUEUED,
                WaitlistStatus.OFFERED,
            ):
                limit = ServiceLimit.objects.select_for_update().get(pk=entry.limit_id)
                was_offered = entry.status == WaitlistStatus.OFFERED
                _leave(entry, Outcome.WITHDRAWN, _("application withdrawn"), by)
                if was_offered:
                    _release(limit, by)
        application.withdrawn_reason = reason
        application.save(update_fields=["withdrawn_reason", "updated_at"])
        _set_status(application, ApplicationStatus.WITHDRAWN, by, reason)
    from opencus.cases.signals import application_withdrawn

    application_withdrawn.send(sender=Application, application=application, by=by)
    return application


@transaction.atomic
def application_close(*, application: Application, by, note: str = "") -> Application:
    application = _lock(application)
    _require(application, ApplicationStatus.DECIDED)
    with set_actor(by):
        _set_status(application, ApplicationStatus.CLOSED, by, note)
    return application


def waitlist_position(entry: WaitlistEntry) -> int | None:
    """1 for the head of the queue; None when not waiting."""
    if entry.status != WaitlistStatus.QUEUED:
        return None
    ahead = WaitlistEntry.objects.filter(
        limit_id=entry.limit_id, status=WaitlistStatus.QUEUED
    ).filter(Q(queued_at__lt=entry.queued_at) | Q(queued_at=entry.queued_at, id__lt=entry.id))
    return ahead.count() + 1
