"""Writes of the workshops (procedure 5) and pilots (procedure 6). One transaction each,
history attributed to ``by``.

The rules that matter: a workshop is held with a verified partner of the centre; it counts as
held only with the centre's feedback and the agreed pilot scenario; a pilot starts from a held
workshop (one pilot each), lasts at least ``settings.COOPERATION_PILOT_MIN_MONTHS`` months,
starts with a team of the ZET, the organisation and the centre, takes the organisation's
contributions while it runs, and closes only with its report. Each status change locks the row
first, so two people acting at once cannot both move it.
"""

import calendar
import datetime as dt

from auditlog.context import set_actor
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from opencus.cooperation.enums import (
    PILOT_TRANSITIONS,
    RESPONSES_NEEDING_NOTE,
    ContributionKind,
    MeetingForm,
    PilotStatus,
    Response,
    Side,
    WorkshopStatus,
)
from opencus.cooperation.models import (
    Contribution,
    Pilot,
    PilotEvent,
    PilotMember,
    Workshop,
    WorkshopParticipant,
)
from opencus.providers.enums import PartnershipStatus
from opencus.providers.models import Organisation, Partnership, PortfolioSubmission

# --- workshops ---------------------------------------------------------------------------
MSG_NOT_PARTNER = _(
    "%(organisation)s is not a verified partner of the centre: a workshop is held with a "
    "partner the centre has verified (Partners page)."
)
MSG_PORTFOLIO_NOT_THEIRS = _("This portfolio was not sent to the centre by %(organisation)s.")
MSG_PLACE_REQUIRED = _("Say where the workshop takes place (an address, or the online link).")
MSG_UNKNOWN_FORM = _("Choose the form of the meeting.")
MSG_WORKSHOP_NOT_PLANNED = _("Only a planned workshop can be changed (this one is %(status)s).")
MSG_WORKSHOP_CANCELLED = _("The workshop is cancelled: nothing more can be added to it.")
MSG_OUTCOMES_IN_FUTURE = _(
    "The workshop is on %(date)s: its outcomes can be recorded from that day on."
)
MSG_FEEDBACK_REQUIRED = _(
    "Write the centre's feedback: how the future cooperation should look and what its scope is."
)
MSG_SCENARIO_REQUIRED = _("Write the pilot scenario agreed at the workshop.")
MSG_VISIT_BEFORE_WORKSHOP = _("The visit cannot come before the workshop (%(date)s).")
MSG_CANCEL_REASON = _("Say why the workshop is cancelled: the organisation will read it.")
MSG_ALREADY_CONFIRMED = _("The organisation confirmed its participation on %(date)s.")
MSG_NAME_REQUIRED = _("Give the person's name.")
MSG_ROLE_REQUIRED = _("Give the person's role, e.g. OUS, cooperation leader, ZET expert.")
MSG_UNKNOWN_SIDE = _("Choose whom the person represents.")

# --- pilots ------------------------------------------------------------------------------
MSG_WORKSHOP_NOT_HELD = _(
    "A pilot starts from a held workshop with an agreed scenario (this one is %(status)s)."
)
MSG_PILOT_EXISTS = _("A pilot has already been started from this workshop.")
MSG_SCOPE_REQUIRED = _("Describe the scope of the pilot: the tasks of the centre it covers.")
MSG_ENDS_BEFORE_START = _("The end must come after the start.")
MSG_PILOT_TOO_SHORT = ngettext_lazy(
    "The pilot lasts at least %(months)d month (seed 003, procedure 6): end it on %(date)s or "
    "later.",
    "The pilot lasts at least %(months)d months (seed 003, procedure 6): end it on %(date)s or "
    "later.",
    "months",
)
MSG_PILOT_NOT_PLANNED = _("Only a planned pilot can be changed (this one is %(status)s).")
MSG_PILOT_CLOSED = _("The pilot is closed: its team stays as it was.")
MSG_ILLEGAL_STEP = _("A pilot that is “%(status)s” cannot become “%(to)s”.")
MSG_START_TOO_EARLY = _("The pilot is planned from %(date)s: it can start on that day.")
MSG_TEAM_INCOMPLETE = _(
    "Before the pilot starts, its team needs at least one person of the expert team (ZET), of "
    "the organisation and of the centre (OUS, KIPUS or OSL). Missing: %(missing)s."
)
MSG_REPORT_SUMMARY = _("Summarise the pilot: what was done and with what result.")
MSG_REPORT_BENEFITS = _("Name the mutual benefits of the cooperation.")
MSG_REPORT_BARRIERS = _("Name the barriers to the cooperation (or write that there were none).")
MSG_REPORT_POTENTIAL = _("Assess the potential for cooperation of both sides.")
MSG_REPORT_PREPARED_BY = _("Say who prepared the report: the ZET together with the organisation.")
MSG_REPORT_SENT_ON = _("Give the date the report was sent to the Obserwatorium CUS.")
MSG_REPORT_SENT_IN_FUTURE = _("The report cannot have been sent in the future.")
MSG_REPORT_SENT_BEFORE_START = _("The report cannot be sent before the pilot started (%(date)s).")

# --- contributions -----------------------------------------------------------------------
MSG_PILOT_NOT_RUNNING = _(
    "Contributions are submitted while the pilot runs (this one is %(status)s)."
)
MSG_UNKNOWN_KIND = _("Choose what kind of contribution it is.")
MSG_TITLE_REQUIRED = _("Give the contribution a title.")
MSG_CONTENT_REQUIRED = _("Write the content of the contribution.")
MSG_CORRECTION_NOT_DIAGNOSIS = _("Only proposals to the diagnosis can correct the diagnosis.")
MSG_DATED_IN_FUTURE = _("The date cannot be in the future.")
MSG_DATED_BEFORE_START = _("The date cannot come before the pilot started (%(date)s).")
MSG_CHOOSE_RESPONSE = _("Choose the centre's response.")
MSG_RESPONSE_NOTE = _("Say why the contribution is taken on only in part, or not at all.")

REPORT_FIELDS = {
    "report_summary": MSG_REPORT_SUMMARY,
    "report_benefits": MSG_REPORT_BENEFITS,
    "report_barriers": MSG_REPORT_BARRIERS,
    "report_potential": MSG_REPORT_POTENTIAL,
    "report_prepared_by": MSG_REPORT_PREPARED_BY,
}
# The sides a pilot's team must have before it starts (seed 003, procedure 6, "Wykonawca").
TEAM_SIDES = (Side.ZET, Side.ORGANISATION, Side.CENTRE)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it is shorter)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def pilot_earliest_end(starts_on: dt.date) -> dt.date:
    return add_months(starts_on, settings.COOPERATION_PILOT_MIN_MONTHS)


def _raise_if(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


def _error(message, **params) -> ValidationError:
    return ValidationError(message, params=params or None)


# --- workshops ---------------------------------------------------------------------------


def is_verified_partner(*, centre, organisation: Organisation) -> bool:
    return Partnership.objects.filter(
        centre=centre, organisation=organisation, status=PartnershipStatus.VERIFIED
    ).exists()


def _check_plan(
    errors: dict,
    *,
    centre,
    organisation: Organisation,
    place: str,
    meeting_form: str,
    portfolio_submission: PortfolioSubmission | None,
) -> None:
    if not is_verified_partner(centre=centre, organisation=organisation):
        errors["organisation"] = _error(MSG_NOT_PARTNER, organisation=organisation.name)
    if not place:
        errors["place"] = _error(MSG_PLACE_REQUIRED)
    if meeting_form not in MeetingForm.values:
        errors["meeting_form"] = _error(MSG_UNKNOWN_FORM)
    if portfolio_submission is not None and (
        portfolio_submission.centre_id != centre.pk
        or portfolio_submission.portfolio.organisation_id != organisation.pk
    ):
        errors["portfolio_submission"] = _error(
            MSG_PORTFOLIO_NOT_THEIRS, organisation=organisation.name
        )


@transaction.atomic
def workshop_plan(
    *,
    centre,
    organisation: Organisation,
    by,
    held_on: dt.date,
    place: str,
    meeting_form: str = MeetingForm.IN_PERSON,
    topic: str = "",
    starts_at: dt.time | None = None,
    agenda: str = "",
    portfolio_submission: PortfolioSubmission | None = None,
    is_demo: bool = False,
) -> Workshop:
    """Plan a workshop comparing the expectations of the centre and a partner organisation."""
    place = (place or "").strip()
    errors: dict = {}
    _check_plan(
        errors,
        centre=centre,
        organisation=organisation,
        place=place,
        meeting_form=meeting_form,
        portfolio_submission=portfolio_submission,
    )
    _raise_if(errors)
    with set_actor(by):
        return Workshop.objects.create(
            centre=centre,
            organisation=organisation,
            held_on=held_on,
            starts_at=starts_at,
            place=place,
            meeting_form=meeting_form,
            topic=(topic or "").strip(),
            agenda=(agenda or "").strip(),
            portfolio_submission=portfolio_submission,
            created_by=by,
            is_demo=is_demo,
        )


def _lock_workshop(workshop: Workshop) -> Workshop:
    return (
        Workshop.objects.select_for_update()
        .select_related("centre", "organisation")
        .get(pk=workshop.pk)
    )


def _require_planned(workshop: Workshop) -> None:
    if workshop.status != WorkshopStatus.PLANNED:
        raise ValidationError(
            MSG_WORKSHOP_NOT_PLANNED, params={"status": workshop.get_status_display()}
        )


@transaction.atomic
def workshop_update(
    *,
    workshop: Workshop,
    by,
    held_on: dt.date,
    place: str,
    meeting_form: str,
    topic: str = "",
    starts_at: dt.time | None = None,
    agenda: str = "",
    portfolio_submission: PortfolioSubmission | None = None,
) -> Workshop:
    """Change the plan of a workshop that has not taken place yet."""
    workshop = _lock_workshop(workshop)
    _require_planned(workshop)
    place = (place or "").strip()
    errors: dict = {}
    _check_plan(
        errors,
        centre=workshop.centre,
        organisation=workshop.organisation,
        place=place,
        meeting_form=meeting_form,
        portfolio_submission=portfolio_submission,
    )
    # A workshop already planned stays with its organisation even if the partnership changes.
    errors.pop("organisation", None)
    _raise_if(errors)
    with set_actor(by):
        workshop.held_on, workshop.starts_at, workshop.place = held_on, starts_at, place
        workshop.meeting_form = meeting_form
        workshop.topic, workshop.agenda = (topic or "").strip(), (agenda or "").strip()
        workshop.portfolio_submission = portfolio_submission
        workshop.save(
            update_fields=[
                "held_on",
                "starts_at",
                "place",
                "meeting_form",
                "topic",
                "agenda",
                "portfolio_submission",
                "updated_at",
            ]
        )
    return workshop


def _person_errors(*, name: str, role: str, side: str) -> dict:
    errors: dict = {}
    if not name:
        errors["name"] = _error(MSG_NAME_REQUIRED)
    if not role:
        errors["role"] = _error(MSG_ROLE_REQUIRED)
    if side not in Side.values:
        errors["side"] = _error(MSG_UNKNOWN_SIDE)
    return errors


@transaction.atomic
def participant_add(
    *, workshop: Workshop, by, name: str, role: str, side: str
) -> WorkshopParticipant:
    """Add someone to the workshop's participants (before or after the meeting)."""
    workshop = _lock_workshop(workshop)
    if workshop.is_cancelled:
        raise ValidationError(MSG_WORKSHOP_CANCELLED)
    name, role = (name or "").strip(), (role or "").strip()
    _raise_if(_person_errors(name=name, role=role, side=side))
    with set_actor(by):
        return WorkshopParticipant.objects.create(
            workshop=workshop, name=name, role=role, side=side
        )


@transaction.atomic
def participant_remove(*, participant: WorkshopParticipant, by) -> Workshop:
    workshop = _lock_workshop(participant.workshop)
    if workshop.is_cancelled:
        raise ValidationError(MSG_WORKSHOP_CANCELLED)
    with set_actor(by):
        participant.delete()
    return workshop


@transaction.atomic
def workshop_record_outcomes(
    *,
    workshop: Workshop,
    by,
    feedback: str,
    pilot_scenario: str,
    mutual_benefits: str = "",
    opinions: str = "",
    visit_invited_on: dt.date | None = None,
) -> Workshop:
    """Record what the workshop gave: the workshop is then held. A held workshop's outcomes
    can be corrected the same way."""
    workshop = _lock_workshop(workshop)
    if workshop.is_cancelled:
        raise ValidationError(MSG_WORKSHOP_CANCELLED)
    feedback, pilot_scenario = (feedback or "").strip(), (pilot_scenario or "").strip()
    errors: dict = {}
    if workshop.held_on > timezone.localdate():
        errors["__all__"] = _error(MSG_OUTCOMES_IN_FUTURE, date=workshop.held_on.isoformat())
    if not feedback:
        errors["feedback"] = _error(MSG_FEEDBACK_REQUIRED)
    if not pilot_scenario:
        errors["pilot_scenario"] = _error(MSG_SCENARIO_REQUIRED)
    if visit_invited_on is not None and visit_invited_on < workshop.held_on:
        errors["visit_invited_on"] = _error(
            MSG_VISIT_BEFORE_WORKSHOP, date=workshop.held_on.isoformat()
        )
    _raise_if(errors)
    with set_actor(by):
        workshop.status = WorkshopStatus.HELD
        workshop.feedback, workshop.pilot_scenario = feedback, pilot_scenario
        workshop.mutual_benefits = (mutual_benefits or "").strip()
        workshop.opinions = (opinions or "").strip()
        workshop.visit_invited_on = visit_invited_on
        workshop.outcomes_recorded_at, workshop.outcomes_recorded_by = timezone.now(), by
        workshop.save(
            update_fields=[
                "status",
                "feedback",
                "pilot_scenario",
                "mutual_benefits",
                "opinions",
                "visit_invited_on",
                "outcomes_recorded_at",
                "outcomes_recorded_by",
                "updated_at",
            ]
        )
    return workshop


@transaction.atomic
def workshop_cancel(*, workshop: Workshop, by, reason: str) -> Workshop:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": MSG_CANCEL_REASON})
    workshop = _lock_workshop(workshop)
    _require_planned(workshop)
    with set_actor(by):
        workshop.status = WorkshopStatus.CANCELLED
        workshop.cancel_reason = reason
        workshop.cancelled_at, workshop.cancelled_by = timezone.now(), by
        workshop.save(
            update_fields=["status", "cancel_reason", "cancelled_at", "cancelled_by", "updated_at"]
        )
    return workshop


@transaction.atomic
def workshop_confirm(*, workshop: Workshop, by) -> Workshop:
    """The organisation confirms it takes part in the planned workshop."""
    workshop = _lock_workshop(workshop)
    _require_planned(workshop)
    if workshop.confirmed_at is not None:
        raise ValidationError(
            MSG_ALREADY_CONFIRMED,
            params={"date": timezone.localdate(workshop.confirmed_at).isoformat()},
        )
    with set_actor(by):
        workshop.confirmed_at, workshop.confirmed_by = timezone.now(), by
        workshop.save(update_fields=["confirmed_at", "confirmed_by", "updated_at"])
    return workshop


@transaction.atomic
def workshop_remarks_save(*, workshop: Workshop, by, remarks: str, materials: str) -> Workshop:
    """The organisation's own remarks and the materials it brings, before or after the meeting."""
    workshop = _lock_workshop(workshop)
    if workshop.is_cancelled:
        raise ValidationError(MSG_WORKSHOP_CANCELLED)
    with set_actor(by):
        workshop.organisation_remarks = (remarks or "").strip()
        workshop.organisation_materials = (materials or "").strip()
        workshop.save(
            update_fields=["organisation_remarks", "organisation_materials", "updated_at"]
        )
    return workshop


# --- pilots ------------------------------------------------------------------------------


def _period_errors(errors: dict, *, starts_on: dt.date, ends_on: dt.date) -> None:
    if ends_on <= starts_on:
        errors["ends_on"] = _error(MSG_ENDS_BEFORE_START)
        return
    earliest = pilot_earliest_end(starts_on)
    if ends_on < earliest:
        months = settings.COOPERATION_PILOT_MIN_MONTHS
        errors["ends_on"] = ValidationError(
            MSG_PILOT_TOO_SHORT % {"months": months, "date": earliest.isoformat()}
        )


def _event(pilot: Pilot, by) -> None:
    PilotEvent.objects.create(pilot=pilot, status=pilot.status, by=by)


@transaction.atomic
def pilot_create(
    *,
    workshop: Workshop,
    by,
    starts_on: dt.date,
    ends_on: dt.date,
    scope: str | None = None,
    is_demo: bool = False,
) -> Pilot:
    """Plan the pilot the workshop agreed on: its scenario becomes the scope (unless another
    is given), and the workshop's participants of the ZET, the organisation and the centre
    become the team, to be changed as needed."""
    workshop = _lock_workshop(workshop)
    if workshop.status != WorkshopStatus.HELD:
        raise ValidationError(
            MSG_WORKSHOP_NOT_HELD, params={"status": workshop.get_status_display()}
        )
    if Pilot.objects.filter(workshop=workshop).exists():
        raise ValidationError(MSG_PILOT_EXISTS)
    scope = (workshop.pilot_scenario if scope is None else scope).strip()
    errors: dict = {}
    if not scope:
        errors["scope"] = _error(MSG_SCOPE_REQUIRED)
    _period_errors(errors, starts_on=starts_on, ends_on=ends_on)
    _raise_if(errors)
    with set_actor(by):
        pilot = Pilot.objects.create(
            centre=workshop.centre,
            organisation=workshop.organisation,
            workshop=workshop,
            scope=scope,
            starts_on=starts_on,
            ends_on=ends_on,
            created_by=by,
            is_demo=is_demo,
        )
        PilotMember.objects.bulk_create(
            [
                PilotMember(pilot=pilot, name=p.name, role=p.role, side=p.side)
                for p in workshop.participants.filter(side__in=TEAM_SIDES).order_by("side", "name")
            ]
        )
        _event(pilot, by)
    return pilot


def _lock_pilot(pilot: Pilot) -> Pilot:
    return (
        Pilot.objects.select_for_update().select_related("centre", "organisation").get(pk=pilot.pk)
    )


@transaction.atomic
def pilot_update(*, pilot: Pilot, by, starts_on: dt.date, ends_on: dt.date, scope: str) -> Pilot:
    """Change the scope or the period of a pilot that has not started yet."""
    pilot = _lock_pilot(pilot)
    if not pilot.is_planned:
        raise ValidationError(MSG_PILOT_NOT_PLANNED, params={"status": pilot.get_status_display()})
    scope = (scope or "").strip()
    errors: dict = {}
    if not scope:
        errors["scope"] = _error(MSG_SCOPE_REQUIRED)
    _period_errors(errors, starts_on=starts_on, ends_on=ends_on)
    _raise_if(errors)
    with set_actor(by):
        pilot.scope, pilot.starts_on, pilot.ends_on = scope, starts_on, ends_on
        pilot.save(update_fields=["scope", "starts_on", "ends_on", "updated_at"])
    return pilot


@transaction.atomic
def member_add(*, pilot: Pilot, by, name: str, role: str, side: str) -> PilotMember:
    pilot = _lock_pilot(pilot)
    if pilot.is_closed:
        raise ValidationError(MSG_PILOT_CLOSED)
    name, role = (name or "").strip(), (role or "").strip()
    _raise_if(_person_errors(name=name, role=role, side=side))
    with set_actor(by):
        return PilotMember.objects.create(pilot=pilot, name=name, role=role, side=side)


@transaction.atomic
def member_remove(*, member: PilotMember, by) -> Pilot:
    pilot = _lock_pilot(member.pilot)
    if pilot.is_closed:
        raise ValidationError(MSG_PILOT_CLOSED)
    with set_actor(by):
        member.delete()
    return pilot


def _check_step(pilot: Pilot, to: str) -> None:
    if to not in PILOT_TRANSITIONS[pilot.status]:
        raise ValidationError(
            MSG_ILLEGAL_STEP,
            params={"status": pilot.get_status_display(), "to": PilotStatus(to).label},
        )


@transaction.atomic
def pilot_start(*, pilot: Pilot, by) -> Pilot:
    """The pilot begins: the organisation can submit its contributions from now on."""
    pilot = _lock_pilot(pilot)
    _check_step(pilot, PilotStatus.RUNNING)
    if pilot.starts_on > timezone.localdate():
        raise ValidationError(MSG_START_TOO_EARLY, params={"date": pilot.starts_on.isoformat()})
    present = set(pilot.members.values_list("side", flat=True))
    missing = [str(Side(side).label) for side in TEAM_SIDES if side not in present]
    if missing:
        raise ValidationError(MSG_TEAM_INCOMPLETE, params={"missing": "; ".join(missing)})
    with set_actor(by):
        pilot.status = PilotStatus.RUNNING
        pilot.save(update_fields=["status", "updated_at"])
        _event(pilot, by)
    return pilot


@transaction.atomic
def pilot_close(
    *,
    pilot: Pilot,
    by,
    report_summary: str,
    report_benefits: str,
    report_barriers: str,
    report_potential: str,
    report_prepared_by: str,
    report_sent_on: dt.date | None,
) -> Pilot:
    """Close the pilot with its closing report; without the whole report it stays open."""
    pilot = _lock_pilot(pilot)
    _check_step(pilot, PilotStatus.CLOSED)
    report = {
        "report_summary": report_summary,
        "report_benefits": report_benefits,
        "report_barriers": report_barriers,
        "report_potential": report_potential,
        "report_prepared_by": report_prepared_by,
    }
    report = {name: (value or "").strip() for name, value in report.items()}
    errors: dict = {
        name: _error(REPORT_FIELDS[name]) for name, value in report.items() if not value
    }
    if report_sent_on is None:
        errors["report_sent_on"] = _error(MSG_REPORT_SENT_ON)
    elif report_sent_on > timezone.localdate():
        errors["report_sent_on"] = _error(MSG_REPORT_SENT_IN_FUTURE)
    elif report_sent_on < pilot.starts_on:
        errors["report_sent_on"] = _error(
            MSG_REPORT_SENT_BEFORE_START, date=pilot.starts_on.isoformat()
        )
    _raise_if(errors)
    with set_actor(by):
        for name, value in report.items():
            setattr(pilot, name, value)
        pilot.report_sent_on = report_sent_on
        pilot.status = PilotStatus.CLOSED
        pilot.save(update_fields=[*report, "report_sent_on", "status", "updated_at"])
        _event(pilot, by)
    return pilot


# --- contributions -----------------------------------------------------------------------


@transaction.atomic
def contribution_submit(
    *,
    pilot: Pilot,
    by,
    kind: str,
    title: str,
    content: str,
    dated_on: dt.date | None = None,
    corrects_diagnosis: bool = False,
    is_demo: bool = False,
) -> Contribution:
    """The organisation hands the centre a piece of its work in the pilot."""
    pilot = _lock_pilot(pilot)
    if not pilot.is_running:
        raise ValidationError(MSG_PILOT_NOT_RUNNING, params={"status": pilot.get_status_display()})
    title, content = (title or "").strip(), (content or "").strip()
    dated_on = dated_on or timezone.localdate()
    errors: dict = {}
    if kind not in ContributionKind.values:
        errors["kind"] = _error(MSG_UNKNOWN_KIND)
    elif corrects_diagnosis and kind != ContributionKind.DIAGNOSIS:
        errors["corrects_diagnosis"] = _error(MSG_CORRECTION_NOT_DIAGNOSIS)
    if not title:
        errors["title"] = _error(MSG_TITLE_REQUIRED)
    if not content:
        errors["content"] = _error(MSG_CONTENT_REQUIRED)
    if dated_on > timezone.localdate():
        errors["dated_on"] = _error(MSG_DATED_IN_FUTURE)
    elif dated_on < pilot.starts_on:
        errors["dated_on"] = _error(MSG_DATED_BEFORE_START, date=pilot.starts_on.isoformat())
    _raise_if(errors)
    with set_actor(by):
        return Contribution.objects.create(
            pilot=pilot,
            kind=kind,
            corrects_diagnosis=corrects_diagnosis,
            title=title,
            content=content,
            dated_on=dated_on,
            submitted_by=by,
            is_demo=is_demo,
        )


@transaction.atomic
def contribution_respond(
    *, contribution: Contribution, by, response: str, note: str = ""
) -> Contribution:
    """The centre says what it makes of a contribution; a later answer replaces the earlier one
    (the change history keeps both)."""
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    note = (note or "").strip()
    if response not in Response.values:
        raise ValidationError({"response": MSG_CHOOSE_RESPONSE})
    if response in RESPONSES_NEEDING_NOTE and not note:
        raise ValidationError({"note": MSG_RESPONSE_NOTE})
    with set_actor(by):
        contribution.response, contribution.response_note = response, note
        contribution.responded_at, contribution.responded_by = timezone.now(), by
        contribution.save(
            update_fields=["response", "response_note", "responded_at", "responded_by"]
        )
    return contribution
