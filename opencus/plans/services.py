"""Writes on individual plans (IPUS): one transaction each, history attributed to ``by``.

State machine C (DOMAIN.md): draft → agreed → pending_approval → active → under_revision →
(agreed → pending_approval →) active … → closing → closed; returned for changes → draft
(or back under revision). Approving turns each catalogue service of the plan into a
qualification of the application (cases.services.qualify): granted, or waitlisted when the
limit is full — nobody types it twice.
"""

import datetime as dt
from decimal import Decimal

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from opencus.accounts.roles import Role
from opencus.accounts.rules import can
from opencus.cases import services as cases
from opencus.cases.enums import ApplicationStatus, Outcome
from opencus.cases.models import Application, NeedsAssessment
from opencus.catalogue.enums import AccessMode, ServiceStatus
from opencus.plans import rules
from opencus.plans.enums import (
    EDITABLE_STATUSES,
    OPEN_STATUSES,
    AgreementForm,
    EndReason,
    GoalResult,
    PlanStatus,
)
from opencus.plans.models import (
    CaseloadReminder,
    IndividualPlan,
    MonitoringContact,
    PlanApprovalAuthorisation,
    PlanEvent,
    PlanGoal,
    PlanItem,
    PlanSupport,
    PlanVersion,
)
from opencus.plans.periods import latest_end
from opencus.plans.versions import snapshot

MSG_OTHER_CENTRE = _("The application belongs to another centre.")
MSG_NO_PERSON = _("Link the application to the person's record first.")
MSG_APPLICATION_STATUS = _(
    "A plan is prepared for an application whose needs are recognised; this one is “%(status)s”."
)
MSG_NOT_ASSESSED = _(
    "Recognise the person's needs first: the plan builds on the needs recognition."
)
MSG_NOT_REQUIRED = _(
    "The latest needs recognition does not call for an individual plan (services coordinated for "
    "at least 3 months). Record that in the needs recognition first."
)
MSG_NOT_KIPUS = _("%(user)s is not a coordinator of individual plans (KIPUS) of this centre.")
MSG_PERIOD_TOO_LONG = _("A plan may last at most 12 months (until %(date)s).")
MSG_PERIOD_ORDER = _("The plan cannot end before it starts.")
MSG_OPEN_PLAN = _(
    "%(person)s already has an open plan (%(number)s): revise it instead of starting another."
)
MSG_WRONG_STATUS = _("This cannot be done now: the plan is “%(status)s”.")
MSG_NOT_EDITABLE = _(
    "The plan can be changed only as a draft or under revision; it is “%(status)s”. An active "
    "plan is changed by starting a revision."
)
MSG_NO_GOALS = _("Add at least one goal.")
MSG_NO_ITEMS = _("Add at least one service.")
MSG_GOAL_OUTSIDE = _("“%(goal)s” must be reached within the plan's period (%(start)s–%(end)s).")
MSG_ITEM_OUTSIDE = _("“%(item)s” must fit in the plan's period (%(start)s–%(end)s).")
MSG_NO_AGREEMENT = _(
    "The plan has not been agreed with the person: record their agreement before sending it for "
    "approval."
)
MSG_WITNESS_NEEDED = _("Say in whose presence the person agreed orally.")
MSG_AGREED_BY_NEEDED = _("Say who agreed: the person, or their representative or carer.")
MSG_IN_FUTURE = _("This date cannot be in the future.")
MSG_BEFORE_APPLICATION = _("The date cannot be earlier than the application (%(date)s).")
MSG_NO_RIGHT_TO_APPROVE = _(
    "You may not approve plans of this centre: only the director, or an organiser of social "
    "services (OUS) holding the director's valid authorisation."
)
MSG_REASON_NEEDED = _("Give the reason.")
MSG_ITEM_SERVICE_OR_OUTSIDE = _(
    "Choose a service of the catalogue, or describe an outside service and its kind: one of the "
    "two."
)
MSG_SERVICE_NOT_OFFERED = _("“%(service)s” is not a published service of this centre's catalogue.")
MSG_AMOUNT_NEEDED = _("Give the amount: units (more than 0) and a period.")
MSG_END_BEFORE_START = _("The end date cannot come before the start date.")
MSG_NOT_IN_FORCE = _("Monitoring contacts are recorded while the plan is in force.")
MSG_CONTACT_BEFORE_PLAN = _("The contact cannot be earlier than the plan's approval (%(date)s).")
MSG_NEXT_AFTER_CONTACT = _("The next contact must come after this one.")
MSG_ENDED_BEFORE_START = _("The plan cannot end before its period starts (%(date)s).")
MSG_PERIOD_NOT_OVER = _(
    "The plan's period runs until %(date)s: choose the reason for ending it early."
)
MSG_SUMMARY_NEEDED = _("Record the date of the summary conversation with the person.")
MSG_DESCRIPTION_NEEDED = _("Write the description of the course and results of the plan.")
MSG_GOAL_RESULT_NEEDED = _("Give the result of the goal “%(goal)s” and describe it.")
MSG_NOT_OUS = _("%(user)s is not an organiser of social services (OUS) of this centre.")
MSG_ONLY_DIRECTOR = _("Only the director grants and revokes authorisations to approve plans.")
MSG_ALREADY_REVOKED = _("This authorisation is already revoked.")
MSG_OPEN_ACCESS = _("open to all: no qualification needed")
MSG_DECIDED_BEFORE = _("decided before the plan: %(outcome)s")

PLAN_FIELDS = frozenset(
    {
        "coordinator",
        "period_from",
        "period_to",
        "monitoring_frequency",
        "monitoring_how",
        "risk_notes",
    }
)
GOAL_FIELDS = frozenset({"goal", "indicator", "target_date", "persons_words", "position"})
ITEM_FIELDS = frozenset(
    {
        "service",
        "external_kind",
        "external_name",
        "provider_name",
        "units_per_period",
        "period",
        "starts_on",
        "ends_on",
        "fee_note",
        "note",
        "position",
    }
)
SUPPORT_FIELDS = frozenset({"kind", "who", "what", "how_often"})


def _d(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def _event(plan: IndividualPlan, by, note: "str | Promise" = "") -> None:
    PlanEvent.objects.create(plan=plan, status=plan.status, by=by, note=str(note)[:500])


def _lock(plan: IndividualPlan) -> IndividualPlan:
    return IndividualPlan.objects.select_for_update().get(pk=plan.pk)


def _require(plan: IndividualPlan, *allowed: str) -> None:
    if plan.status not in allowed:
        raise ValidationError(MSG_WRONG_STATUS, params={"status": plan.get_status_display()})


def _only(fields: dict, allowed: frozenset) -> dict:
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"unknown fields {sorted(unknown)}")
    return fields


def check_period(period_from: dt.date, period_to: dt.date) -> None:
    """At most 12 months, the first day counted: from 1 March, until the last of February."""
    if period_to < period_from:
        raise ValidationError({"period_to": MSG_PERIOD_ORDER})
    limit = latest_end(period_from)
    if period_to > limit:
        raise ValidationError(
            {"period_to": ValidationError(MSG_PERIOD_TOO_LONG, params={"date": _d(limit)})}
        )


def _check_coordinator(centre, coordinator) -> None:
    if coordinator is None or not rules.holds_role(coordinator, centre, Role.KIPUS):
        raise ValidationError(
            {"coordinator": ValidationError(MSG_NOT_KIPUS, params={"user": coordinator})}
        )


def latest_assessment(application: Application) -> NeedsAssessment | None:
    """The needs recognition that counts: the latest one carried out."""
    return (
        application.assessments.filter(assessed_on__isnull=False)
        .order_by("-assessed_on", "-created_at")
        .first()
    )


def deadline_of(application: Application) -> dt.date:
    """The statutory 30 days (the centre's setting) from the day the person applied."""
    days = cases.policy_of(application.centre).ipus_deadline_days
    return timezone.localdate(application.submitted_at) + dt.timedelta(days=days)


def check_application(application: Application, centre) -> NeedsAssessment:
    """A plan is created only for an application whose latest needs recognition asks for one."""
    if application.centre_id != centre.pk:
        raise ValidationError({"application": MSG_OTHER_CENTRE})
    if application.person_id is None:
        raise ValidationError({"application": MSG_NO_PERSON})
    if application.status not in (ApplicationStatus.ASSESSED, ApplicationStatus.DECIDED):
        raise ValidationError(
            {
                "application": ValidationError(
                    MSG_APPLICATION_STATUS, params={"status": application.get_status_display()}
                )
            }
        )
    assessment = latest_assessment(application)
    if assessment is None:
        raise ValidationError({"application": MSG_NOT_ASSESSED})
    if not assessment.ipus_required:
        raise ValidationError({"application": MSG_NOT_REQUIRED})
    return assessment


# --- preparing the plan ----------------------------------------------------------------


@transaction.atomic
def plan_create(
    *,
    centre,
    application: Application,
    by,
    coordinator,
    period_from: dt.date,
    period_to: dt.date,
    monitoring_frequency: str = "monthly",
    monitoring_how: str = "",
    risk_notes: str = "",
    is_demo: bool = False,
) -> IndividualPlan:
    """Start a plan (a draft) for the person of ``application``; a closed plan before it is
    linked as the previous one."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    assessment = check_application(application, centre)
    _check_coordinator(centre, coordinator)
    check_period(period_from, period_to)
    person = application.person
    open_plan = IndividualPlan.objects.filter(person=person, status__in=OPEN_STATUSES).first()
    if open_plan is not None:
        raise ValidationError(MSG_OPEN_PLAN, params={"person": person, "number": open_plan.number})
    previous = (
        IndividualPlan.objects.filter(person=person, status=PlanStatus.CLOSED)
        .order_by("-closed_at")
        .first()
    )
    count = IndividualPlan.objects.filter(application=application).count()
    number = f"{application.case_number or application.pk}/IPUS"
    if count:
        number = f"{number}/{count + 1}"
    with set_actor(by):
        plan = IndividualPlan(
            centre=centre,
            number=number,
            person=person,
            application=application,
            assessment=assessment,
            coordinator=coordinator,
            previous=previous,
            deadline=deadline_of(application),
            period_from=period_from,
            period_to=period_to,
            monitoring_frequency=monitoring_frequency,
            monitoring_how=monitoring_how,
            risk_notes=risk_notes,
            is_demo=is_demo,
            created_by=by,
        )
        plan.full_clean()
        try:
            with transaction.atomic():
                plan.save()
        except IntegrityError:  # two coordinators at once: the constraint keeps one open plan
            raise ValidationError(MSG_OPEN_PLAN, params={"person": person, "number": "…"}) from None
        _event(plan, by, _("plan drafted"))
        if application.coordinator_id != coordinator.pk:
            cases.application_assign(application=application, by=by, coordinator=coordinator)
    return plan


def _editable(plan: IndividualPlan) -> IndividualPlan:
    plan = _lock(plan)
    if plan.status not in EDITABLE_STATUSES:
        raise ValidationError(MSG_NOT_EDITABLE, params={"status": plan.get_status_display()})
    return plan


def _changed(plan: IndividualPlan, by, what: "str | Promise") -> None:
    """A change after the person agreed cancels the agreement: they must agree again."""
    if plan.status == PlanStatus.AGREED:
        _clear_agreement(plan)
        plan.status = PlanStatus.UNDER_REVISION if plan.version else PlanStatus.DRAFT
        plan.save()
        _event(
            plan,
            by,
            _("%(what)s after the agreement: the person must agree again") % {"what": what},
        )


def _clear_agreement(plan: IndividualPlan) -> None:
    plan.agreed_on = None
    plan.agreement_form = ""
    plan.agreed_by_name = ""
    plan.agreement_witness = ""
    plan.agreement_recorded_by = None


@transaction.atomic
def plan_update(*, plan: IndividualPlan, by, **fields) -> IndividualPlan:
    plan = _editable(plan)
    _only(fields, PLAN_FIELDS)
    if "coordinator" in fields:
        _check_coordinator(plan.centre, fields["coordinator"])
    check_period(
        fields.get("period_from", plan.period_from), fields.get("period_to", plan.period_to)
    )
    with set_actor(by):
        for name, value in fields.items():
            setattr(plan, name, value)
        plan.full_clean()
        plan.save()
        _changed(plan, by, _("plan changed"))
        if "coordinator" in fields and plan.application.coordinator_id != plan.coordinator_id:
            cases.application_assign(
                application=plan.application, by=by, coordinator=plan.coordinator
            )
    return plan


@transaction.atomic
def goal_add(*, plan: IndividualPlan, by, **fields) -> PlanGoal:
    plan = _editable(plan)
    _only(fields, GOAL_FIELDS)
    fields.setdefault("position", plan.goals.count() + 1)
    with set_actor(by):
        goal = PlanGoal(plan=plan, **fields)
        goal.full_clean()
        goal.save()
        _changed(plan, by, _("goal added"))
    return goal


@transaction.atomic
def goal_update(*, plan_goal: PlanGoal, by, **fields) -> PlanGoal:
    goal = plan_goal
    plan = _editable(goal.plan)
    _only(fields, GOAL_FIELDS)
    with set_actor(by):
        for name, value in fields.items():
            setattr(goal, name, value)
        goal.full_clean()
        goal.save()
        _changed(plan, by, _("goal changed"))
    return goal


@transaction.atomic
def goal_remove(*, plan_goal: PlanGoal, by) -> None:
    plan = _editable(plan_goal.plan)
    with set_actor(by):
        plan_goal.delete()
        _changed(plan, by, _("goal removed"))


def _check_item(plan: IndividualPlan, fields: dict) -> None:
    service = fields.get("service")
    outside_name = fields.get("external_name", "").strip()
    outside_kind = fields.get("external_kind", "")
    if (service is None and not (outside_name and outside_kind)) or (
        service is not None and (outside_name or outside_kind)
    ):
        raise ValidationError(MSG_ITEM_SERVICE_OR_OUTSIDE)
    if service is not None:
        if service.centre_id != plan.centre_id or service.status != ServiceStatus.PUBLISHED:
            raise ValidationError(
                {"service": ValidationError(MSG_SERVICE_NOT_OFFERED, params={"service": service})}
            )
        units = fields.get("units_per_period")
        if units is None or units <= 0 or not fields.get("period"):
            raise ValidationError({"units_per_period": MSG_AMOUNT_NEEDED})
    ends_on = fields.get("ends_on")
    if ends_on is not None and ends_on < fields["starts_on"]:
        raise ValidationError({"ends_on": MSG_END_BEFORE_START})


@transaction.atomic
def item_add(*, plan: IndividualPlan, by, **fields) -> PlanItem:
    plan = _editable(plan)
    _only(fields, ITEM_FIELDS)
    fields.setdefault("position", plan.items.count() + 1)
    _check_item(plan, fields)
    with set_actor(by):
        item = PlanItem(plan=plan, **fields)
        item.full_clean()
        item.save()
        _changed(plan, by, _("service added"))
    return item


@transaction.atomic
def item_update(*, item: PlanItem, by, **fields) -> PlanItem:
    plan = _editable(item.plan)
    _only(fields, ITEM_FIELDS)
    current = {name: getattr(item, name) for name in ITEM_FIELDS}
    _check_item(plan, current | fields)
    with set_actor(by):
        if "service" in fields and fields["service"] != item.service:
            # Another service: the qualification of the old one does not carry over.
            item.requested = None
            item.qualification_note = ""
        for name, value in fields.items():
            setattr(item, name, value)
        item.full_clean()
        item.save()
        _changed(plan, by, _("service changed"))
    return item


@transaction.atomic
def item_remove(*, item: PlanItem, by) -> None:
    plan = _editable(item.plan)
    with set_actor(by):
        item.delete()
        _changed(plan, by, _("service removed"))


@transaction.atomic
def support_add(*, plan: IndividualPlan, by, **fields) -> PlanSupport:
    plan = _editable(plan)
    _only(fields, SUPPORT_FIELDS)
    with set_actor(by):
        row = PlanSupport(plan=plan, **fields)
        row.full_clean()
        row.save()
        _changed(plan, by, _("own action or support added"))
    return row


@transaction.atomic
def support_update(*, support: PlanSupport, by, **fields) -> PlanSupport:
    plan = _editable(support.plan)
    _only(fields, SUPPORT_FIELDS)
    with set_actor(by):
        for name, value in fields.items():
            setattr(support, name, value)
        support.full_clean()
        support.save()
        _changed(plan, by, _("own action or support changed"))
    return support


@transaction.atomic
def support_remove(*, support: PlanSupport, by) -> None:
    plan = _editable(support.plan)
    with set_actor(by):
        support.delete()
        _changed(plan, by, _("own action or support removed"))


def check_contents(plan: IndividualPlan) -> None:
    """A plan the person can agree to: goals, services, all within its period."""
    errors: list[ValidationError] = []
    goals = list(plan.goals.all())
    items = list(plan.items.select_related("service"))
    if not goals:
        errors.append(ValidationError(MSG_NO_GOALS))
    if not items:
        errors.append(ValidationError(MSG_NO_ITEMS))
    period = {"start": _d(plan.period_from), "end": _d(plan.period_to)}
    for goal in goals:
        if not plan.period_from <= goal.target_date <= plan.period_to:
            errors.append(ValidationError(MSG_GOAL_OUTSIDE, params={"goal": goal.goal, **period}))
    for item in items:
        ends_on = item.ends_on or item.starts_on
        if item.starts_on < plan.period_from or ends_on > plan.period_to:
            errors.append(ValidationError(MSG_ITEM_OUTSIDE, params={"item": item.name, **period}))
    if errors:
        raise ValidationError(errors)


# --- agreement, approval, return -------------------------------------------------------


@transaction.atomic
def plan_agree(
    *,
    plan: IndividualPlan,
    by,
    agreed_on: dt.date,
    form: str,
    agreed_by_name: str,
    witness: str = "",
) -> IndividualPlan:
    """Record the person's agreement to the plan (statutory: prepared *w uzgodnieniu*)."""
    plan = _lock(plan)
    _require(plan, PlanStatus.DRAFT, PlanStatus.UNDER_REVISION)
    if agreed_on > timezone.localdate():
        raise ValidationError({"agreed_on": MSG_IN_FUTURE})
    submitted = timezone.localdate(plan.application.submitted_at)
    if agreed_on < submitted:
        raise ValidationError(
            {"agreed_on": ValidationError(MSG_BEFORE_APPLICATION, params={"date": _d(submitted)})}
        )
    if not agreed_by_name.strip():
        raise ValidationError({"agreed_by_name": MSG_AGREED_BY_NEEDED})
    if form == AgreementForm.ORAL and not witness.strip():
        raise ValidationError({"witness": MSG_WITNESS_NEEDED})
    check_period(plan.period_from, plan.period_to)
    check_contents(plan)
    with set_actor(by):
        plan.agreed_on = agreed_on
        plan.agreement_form = AgreementForm(form)
        plan.agreed_by_name = agreed_by_name.strip()
        plan.agreement_witness = witness.strip()
        plan.agreement_recorded_by = by
        plan.status = PlanStatus.AGREED
        plan.full_clean()
        plan.save()
        _event(
            plan,
            by,
            _("agreed by %(who)s (%(form)s)")
            % {"who": plan.agreed_by_name, "form": plan.get_agreement_form_display()},
        )
    return plan


@transaction.atomic
def plan_submit(*, plan: IndividualPlan, by) -> IndividualPlan:
    """Send the agreed plan to the director (or an authorised OUS) for approval."""
    plan = _lock(plan)
    if plan.status in (PlanStatus.DRAFT, PlanStatus.UNDER_REVISION):
        raise ValidationError(MSG_NO_AGREEMENT)
    _require(plan, PlanStatus.AGREED)
    check_contents(plan)
    with set_actor(by):
        plan.status = PlanStatus.PENDING_APPROVAL
        plan.save(update_fields=["status", "updated_at"])
        _event(plan, by, _("sent for approval"))
    return plan


def _check_approver(plan: IndividualPlan, by):
    """The director, or an OUS authorised on the day; returns the authorisation used (if any)."""
    if by is not None and can(by, "plans.approve_plan", plan.centre):
        return None
    authorisation = rules.valid_authorisation(by, plan.centre) if by is not None else None
    if authorisation is None:
        raise ValidationError(MSG_NO_RIGHT_TO_APPROVE)
    return authorisation


@transaction.atomic
def plan_approve(*, plan: IndividualPlan, by) -> IndividualPlan:
    """Approve the plan: it comes into force as a new version, and each catalogue service in it
    is qualified on the application (granted, or waitlisted when the limit is full)."""
    plan = _lock(plan)
    authorisation = _check_approver(plan, by)
    _require(plan, PlanStatus.PENDING_APPROVAL)
    if not plan.is_agreed:
        raise ValidationError(MSG_NO_AGREEMENT)
    check_contents(plan)
    now = timezone.now()
    with set_actor(by):
        plan.version += 1
        plan.status = PlanStatus.ACTIVE
        plan.approved_at = now
        plan.approved_by = by
        plan.approved_under = authorisation
        plan.first_approved_on = plan.first_approved_on or timezone.localdate(now)
        reason = plan.revision_reason or str(_("first version"))
        plan.revision_reason = ""
        plan.returned_reason = ""
        plan.full_clean()
        plan.save()
        content = snapshot(plan)
        content["approval"] = {
            "approved_at": timezone.localtime(now).isoformat(timespec="minutes"),
            "approved_by": str(by),
            "authorisation": str(authorisation) if authorisation else "",
        }
        PlanVersion.objects.create(
            plan=plan, number=plan.version, reason=reason, content=content, created_by=by
        )
        _event(
            plan,
            by,
            _("approved: version %(number)s") % {"number": plan.version}
            if authorisation is None
            else _("approved: version %(number)s, under the authorisation %(authorisation)s")
            % {"number": plan.version, "authorisation": authorisation},
        )
        _qualify_items(plan, by)
    return plan


def _qualify_items(plan: IndividualPlan, by) -> None:
    """Each catalogue service not yet qualified becomes a requested service of the application,
    qualified with the plan's amounts and dates."""
    application = plan.application
    items = plan.items.select_related("service", "requested").filter(
        service__isnull=False, requested__isnull=True
    )
    for item in items:
        service = item.service
        assert service is not None  # filtered above
        if service.access_mode == AccessMode.OPEN:
            item.qualification_note = str(MSG_OPEN_ACCESS)
            item.save(update_fields=["qualification_note"])
            continue
        try:
            requested = cases.requested_add(
                application=application,
                service=service,
                by=by,
                note=str(_("from the plan %(number)s") % {"number": plan.number}),
            )
            if requested.outcome == Outcome.PENDING:
                requested = cases.qualify(
                    requested=requested,
                    by=by,
                    units_per_period=Decimal(item.units_per_period or 0),
                    period=item.period,
                    starts_on=item.starts_on,
                    ends_on=item.ends_on or plan.period_to,
                )
                item.qualification_note = ""
            else:
                item.qualification_note = str(
                    MSG_DECIDED_BEFORE % {"outcome": requested.get_outcome_display()}
                )
        except ValidationError as exc:
            # All or nothing: the plan is not approved with half its services qualified.
            raise ValidationError(
                [ValidationError(f"{service}: {message}") for message in exc.messages]
            ) from exc
        item.requested = requested
        item.save(update_fields=["requested", "qualification_note"])


@transaction.atomic
def plan_return(*, plan: IndividualPlan, by, reason: str) -> IndividualPlan:
    """The approver sends the plan back for changes: the person will have to agree again."""
    plan = _lock(plan)
    _check_approver(plan, by)
    _require(plan, PlanStatus.PENDING_APPROVAL)
    if not reason.strip():
        raise ValidationError({"reason": MSG_REASON_NEEDED})
    with set_actor(by):
        _clear_agreement(plan)
        plan.returned_reason = reason.strip()
        plan.status = PlanStatus.UNDER_REVISION if plan.version else PlanStatus.DRAFT
        plan.save()
        _event(plan, by, _("returned for changes: %(reason)s") % {"reason": plan.returned_reason})
    return plan


@transaction.atomic
def plan_revise(*, plan: IndividualPlan, by, reason: str) -> IndividualPlan:
    """Start changing an active plan: the approved version stays in force until the new one
    is agreed and approved."""
    plan = _lock(plan)
    _require(plan, PlanStatus.ACTIVE)
    if not reason.strip():
        raise ValidationError({"reason": MSG_REASON_NEEDED})
    with set_actor(by):
        _clear_agreement(plan)
        plan.revision_reason = reason.strip()[:500]
        plan.returned_reason = ""
        plan.status = PlanStatus.UNDER_REVISION
        plan.save()
        _event(plan, by, _("revision started: %(reason)s") % {"reason": plan.revision_reason})
    return plan


# --- monitoring, ending and closing -----------------------------------------------------


@transaction.atomic
def contact_record(
    *,
    plan: IndividualPlan,
    by,
    contact_on: dt.date,
    kind: str,
    progress: str,
    issues: str = "",
    next_contact_on: dt.date | None = None,
) -> MonitoringContact:
    plan = _lock(plan)
    if plan.version == 0 or plan.status == PlanStatus.CLOSED:
        raise ValidationError(MSG_NOT_IN_FORCE)
    if contact_on > timezone.localdate():
        raise ValidationError({"contact_on": MSG_IN_FUTURE})
    assert plan.first_approved_on is not None  # approved once (version > 0)
    if contact_on < plan.first_approved_on:
        raise ValidationError(
            {
                "contact_on": ValidationError(
                    MSG_CONTACT_BEFORE_PLAN, params={"date": _d(plan.first_approved_on)}
                )
            }
        )
    if next_contact_on is not None and next_contact_on <= contact_on:
        raise ValidationError({"next_contact_on": MSG_NEXT_AFTER_CONTACT})
    with set_actor(by):
        contact = MonitoringContact(
            plan=plan,
            contact_on=contact_on,
            kind=kind,
            progress=progress,
            issues=issues,
            next_contact_on=next_contact_on,
            recorded_by=by,
        )
        contact.full_clean()
        contact.save()
        _event(
            plan,
            by,
            _("monitoring contact: %(kind)s, %(date)s")
            % {"kind": contact.get_kind_display(), "date": _d(contact_on)},
        )
    return contact


@transaction.atomic
def plan_end(*, plan: IndividualPlan, by, reason: str, ended_on: dt.date) -> IndividualPlan:
    """The plan ends (its period is over, or early: goals met, withdrawal, moving out, death,
    no cooperation); what remains is the summary conversation and the description."""
    plan = _lock(plan)
    _require(plan, PlanStatus.ACTIVE, PlanStatus.UNDER_REVISION)
    reason = EndReason(reason)
    if ended_on > timezone.localdate():
        raise ValidationError({"ended_on": MSG_IN_FUTURE})
    if ended_on < plan.period_from:
        raise ValidationError(
            {
                "ended_on": ValidationError(
                    MSG_ENDED_BEFORE_START, params={"date": _d(plan.period_from)}
                )
            }
        )
    if reason == EndReason.PERIOD_END and ended_on < plan.period_to:
        raise ValidationError(
            {"reason": ValidationError(MSG_PERIOD_NOT_OVER, params={"date": _d(plan.period_to)})}
        )
    with set_actor(by):
        if plan.status == PlanStatus.UNDER_REVISION:
            _clear_agreement(plan)  # the unfinished revision is dropped with the plan's end
            plan.revision_reason = ""
        plan.end_reason = reason
        plan.ended_on = ended_on
        plan.status = PlanStatus.CLOSING
        plan.save()
        _event(
            plan,
            by,
            _("ended on %(date)s: %(reason)s") % {"date": _d(ended_on), "reason": reason.label},
        )
    return plan


@transaction.atomic
def plan_close(
    *,
    plan: IndividualPlan,
    by,
    summary_conversation_on: dt.date | None,
    course_description: str,
    results: dict,
) -> IndividualPlan:
    """Close the plan: the summary conversation held, and the course and results described,
    for the whole plan and for each goal. ``results`` maps a goal's id to (result, text)."""
    plan = _lock(plan)
    _require(plan, PlanStatus.CLOSING)
    errors: dict[str, list] = {}
    if summary_conversation_on is None:
        errors.setdefault("summary_conversation_on", []).append(MSG_SUMMARY_NEEDED)
    elif summary_conversation_on > timezone.localdate():
        errors.setdefault("summary_conversation_on", []).append(MSG_IN_FUTURE)
    if not course_description.strip():
        errors.setdefault("course_description", []).append(MSG_DESCRIPTION_NEEDED)
    goals = list(plan.goals.all())
    for goal in goals:
        result, text = results.get(goal.pk, results.get(str(goal.pk), ("", "")))
        if result not in GoalResult.values or not text.strip():
            errors.setdefault(f"goal_{goal.pk}", []).append(
                ValidationError(MSG_GOAL_RESULT_NEEDED, params={"goal": goal.goal})
            )
        else:
            goal.result = result
            goal.result_description = text.strip()
    if errors:
        raise ValidationError(errors)
    with set_actor(by):
        for goal in goals:
            goal.full_clean()
            goal.save(update_fields=["result", "result_description"])
        plan.summary_conversation_on = summary_conversation_on
        plan.course_description = course_description.strip()
        plan.status = PlanStatus.CLOSED
        plan.closed_at = timezone.now()
        plan.closed_by = by
        plan.full_clean()
        plan.save()
        _event(plan, by, _("closed after the summary conversation"))
    return plan


# --- authorisations to approve ----------------------------------------------------------


@transaction.atomic
def authorisation_grant(
    *, centre, by, user, valid_from: dt.date, valid_to: dt.date, number: str = ""
) -> PlanApprovalAuthorisation:
    """The director authorises an OUS to approve plans for a period."""
    if not can(by, "plans.approve_plan", centre):
        raise ValidationError(MSG_ONLY_DIRECTOR)
    if not rules.is_ous_of(user, centre):
        raise ValidationError({"user": ValidationError(MSG_NOT_OUS, params={"user": user})})
    if valid_to < valid_from:
        raise ValidationError({"valid_to": MSG_END_BEFORE_START})
    with set_actor(by):
        authorisation = PlanApprovalAuthorisation(
            centre=centre,
            user=user,
            number=number,
            valid_from=valid_from,
            valid_to=valid_to,
            granted_by=by,
        )
        authorisation.full_clean()
        authorisation.save()
    return authorisation


@transaction.atomic
def authorisation_revoke(
    *, authorisation: PlanApprovalAuthorisation, by
) -> PlanApprovalAuthorisation:
    authorisation = PlanApprovalAuthorisation.objects.select_for_update().get(pk=authorisation.pk)
    if not can(by, "plans.approve_plan", authorisation.centre):
        raise ValidationError(MSG_ONLY_DIRECTOR)
    if authorisation.revoked_at is not None:
        raise ValidationError(MSG_ALREADY_REVOKED)
    with set_actor(by):
        authorisation.revoked_at = timezone.now()
        authorisation.revoked_by = by
        authorisation.save(update_fields=["revoked_at", "revoked_by"])
    return authorisation


# --- reminders -------------------------------------------------------------------------


def caseload_reminders_send(*, today: dt.date | None = None) -> int:
    """E-mail every coordinator (KIPUS) with something due or overdue the caseload list, at most
    once a day per centre: the day's row is written with the mail, so a failed mail is retried
    by the next run and a second run the same day sends nothing."""
    from opencus.accounts.models import Membership
    from opencus.plans import notifications, selectors

    today = today or timezone.localdate()
    sent = 0
    memberships = (
        Membership.objects.active()
        .filter(role=Role.KIPUS, centre__isnull=False, user__is_active=True)
        .exclude(user__email="")
        .select_related("user", "centre")
        .order_by("centre__name", "user__last_name")
    )
    for membership in memberships:
        user, centre = membership.user, membership.centre
        if CaseloadReminder.objects.filter(centre=centre, user=user, sent_on=today).exists():
            continue
        caseload = selectors.caseload(centre=centre, coordinator=user, today=today)
        if not caseload.actions:
            continue
        with transaction.atomic():
            _row, created = CaseloadReminder.objects.get_or_create(
                centre=centre, user=user, sent_on=today, defaults={"items": len(caseload.actions)}
            )
            if created:
                notifications.caseload_reminder(user=user, centre=centre, caseload=caseload)
                sent += 1
    return sent


# --- people merged ---------------------------------------------------------------------

MSG_TWO_OPEN_PLANS = _(
    "Both records have an open individual plan (%(keep)s and %(duplicate)s): close one of them "
    "before merging the records."
)


@transaction.atomic
def person_plans_move(*, keep, duplicate, by) -> int:
    """Two records of one person are merged (people.person_merged): the duplicate's plans
    follow to the kept record. A person has at most one open plan, so two open plans stop
    the merge with a message."""
    plans = list(IndividualPlan.objects.select_for_update().filter(person=duplicate))
    open_kept = IndividualPlan.objects.filter(person=keep, status__in=OPEN_STATUSES).first()
    open_moved = next((p for p in plans if p.status in OPEN_STATUSES), None)
    if open_kept is not None and open_moved is not None:
        raise ValidationError(
            MSG_TWO_OPEN_PLANS, params={"keep": open_kept.number, "duplicate": open_moved.number}
        )
    with set_actor(by):
        for plan in plans:
            plan.person = keep
            plan.save(update_fields=["person", "updated_at"])
            _event(plan, by, _("moved to the kept record of %(person)s") % {"person": keep})
    return len(plans)
