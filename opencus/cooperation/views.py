"""The workshops (procedure 5), pilots (procedure 6) and indicators (part III) of seed 003.

The centre's organising team plans and records; every role of the centre reads; the
organisation reads its own records in the provider portal, confirms, remarks and contributes;
a network's analyst sees the indicators of its centres.
"""

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from opencus.accounts.context import centre_view, network_view, organisation_view
from opencus.accounts.rules import can
from opencus.audit.models import AccessPurpose
from opencus.audit.services import access_log_record
from opencus.cooperation import documents, exports, selectors, services
from opencus.cooperation.enums import PilotStatus
from opencus.cooperation.forms import (
    CancelForm,
    ContributionFilterForm,
    ContributionForm,
    OutcomesForm,
    PersonForm,
    PilotFilterForm,
    PilotForm,
    RemarksForm,
    ReportForm,
    ResponseForm,
    WorkshopFilterForm,
    WorkshopForm,
)
from opencus.cooperation.indicators import COMPONENTS, indicator_rows
from opencus.core.exports import csv_response
from opencus.core.forms import add_service_errors, valid_filters
from opencus.core.pagination import paginate, querystring_without_page
from opencus.core.views import render_list

VIEW = "cooperation.view_cooperation"
MANAGE = "cooperation.manage_cooperation"
TAKE_PART = "cooperation.take_part"
INDICATORS = "cooperation.view_indicators"
NETWORK_INDICATORS = "network.view_indicators"


def _form_page(request, *, form, save: Callable, done: Callable, back: str, template: str, context):
    """GET shows the form; a valid POST calls ``save`` (a service) and goes ``back`` with the
    ``done`` message; a refusal of the service shows next to its field."""
    if request.method == "POST" and form.is_valid():
        try:
            result = save(form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, done(result))
            return redirect(back)
    return render(request, template, context | {"form": form, "back": back})


def _refuse(request, message: str, back: str):
    messages.error(request, message)
    return redirect(back)


def _log(request, centre, subject, fields: str, purpose=AccessPurpose.CASE_HANDLING) -> None:
    """Names of participants and team members are personal data: each page that shows them
    is a row of the centre's access log."""
    access_log_record(
        request=request, subject=subject, centre=centre, purpose=purpose, fields=fields
    )


# --- the centre: workshops ---------------------------------------------------------------


def _workshop_url(centre, workshop) -> str:
    return reverse("centre:workshop_detail", args=[centre.slug, workshop.pk])


def _workshops(request, centre):
    form = WorkshopFilterForm(request.GET or None)
    filters = valid_filters(form)
    return form, selectors.workshop_list(
        centre=centre, query=filters.get("q", ""), status=filters.get("status", "")
    )


@centre_view(VIEW)
def workshop_list(request, centre):
    form, workshops = _workshops(request, centre)
    context = {
        "centre": centre,
        "form": form,
        "page": paginate(request, workshops),
        "querystring": querystring_without_page(request),
        "can_manage": can(request.user, MANAGE, centre),
        "tab": "workshops",
    }
    return render_list(request, "cooperation/workshop_list.html", "workshop-table", context)


@centre_view(VIEW)
def workshop_csv(request, centre):
    _form, workshops = _workshops(request, centre)
    return csv_response(
        f"workshops-{centre.slug}-{timezone.localdate():%Y%m%d}.csv",
        exports.workshop_header(),
        exports.workshop_rows(workshops.iterator(chunk_size=500)),
    )


@centre_view(MANAGE)
def workshop_create(request, centre):
    form = WorkshopForm(request.POST if request.method == "POST" else None, centre=centre)
    if request.method == "POST" and form.is_valid():
        try:
            workshop = services.workshop_plan(centre=centre, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _(
                    "The workshop with %(organisation)s is planned for %(date)s. Add its participants."
                )
                % {"organisation": workshop.organisation, "date": workshop.held_on.isoformat()},
            )
            return redirect(_workshop_url(centre, workshop))
    return render(
        request,
        "cooperation/workshop_form.html",
        {
            "centre": centre,
            "form": form,
            "back": reverse("centre:workshop_list", args=[centre.slug]),
        },
    )


@centre_view(VIEW)
def workshop_detail(request, centre, workshop_id):
    workshop = selectors.get_workshop(centre=centre, workshop_id=workshop_id)
    participants = list(workshop.participants.all())
    if participants:
        _log(
            request, centre, workshop, f"workshop participants: names, roles ({len(participants)})"
        )
    return render(
        request,
        "cooperation/workshop_detail.html",
        {
            "centre": centre,
            "workshop": workshop,
            "participants": participants,
            "pilot": selectors.workshop_pilot(workshop),
            "can_manage": can(request.user, MANAGE, centre),
        },
    )


@centre_view(MANAGE)
def workshop_edit(request, centre, workshop_id):
    workshop = selectors.get_workshop(centre=centre, workshop_id=workshop_id)
    back = _workshop_url(centre, workshop)
    if not workshop.is_planned:
        return _refuse(
            request,
            services.MSG_WORKSHOP_NOT_PLANNED % {"status": workshop.get_status_display()},
            back,
        )
    initial = {
        "topic": workshop.topic,
        "held_on": workshop.held_on,
        "starts_at": workshop.starts_at,
        "place": workshop.place,
        "meeting_form": workshop.meeting_form,
        "agenda": workshop.agenda,
        "portfolio_submission": workshop.portfolio_submission_id,
    }
    form = WorkshopForm(
        request.POST if request.method == "POST" else None,
        centre=centre,
        fixed_organisation=workshop.organisation,
        initial=initial,
    )
    return _form_page(
        request,
        form=form,
        save=lambda data: services.workshop_update(workshop=workshop, by=request.user, **data),
        done=lambda _w: _("The plan of the workshop is saved."),
        back=back,
        template="cooperation/workshop_form.html",
        context={"centre": centre, "workshop": workshop},
    )


@centre_view(MANAGE)
def participant_add(request, centre, workshop_id):
    workshop = selectors.get_workshop(centre=centre, workshop_id=workshop_id)
    back = _workshop_url(centre, workshop)
    if workshop.is_cancelled:
        return _refuse(request, str(services.MSG_WORKSHOP_CANCELLED), back)
    return _form_page(
        request,
        form=PersonForm(request.POST if request.method == "POST" else None),
        save=lambda data: services.participant_add(workshop=workshop, by=request.user, **data),
        done=lambda p: _("%(name)s is a participant of the workshop.") % {"name": p.name},
        back=back,
        template="cooperation/person_form.html",
        context={
            "centre": centre,
            "workshop": workshop,
            "title": _("Add a participant"),
            "parent_label": workshop.organisation.name,
        },
    )


@centre_view(MANAGE)
def participant_remove(request, centre, workshop_id, participant_id):
    workshop = selectors.get_workshop(centre=centre, workshop_id=workshop_id)
    participant = selectors.get_participant(workshop=workshop, participant_id=participant_id)
    back = _workshop_url(centre, workshop)
    if workshop.is_cancelled:
        return _refuse(request, str(services.MSG_WORKSHOP_CANCELLED), back)
    if request.method == "POST":
        try:
            services.participant_remove(participant=participant, by=request.user)
        except ValidationError as exc:
            return _refuse(request, " ".join(exc.messages), back)
        messages.success(
            request, _("%(name)s is no longer on the list.") % {"name": participant.name}
        )
        return redirect(back)
    _log(request, centre, workshop, "workshop participant: name, role")
    return render(
        request,
        "cooperation/person_remove.html",
        {
            "centre": centre,
            "person": participant,
            "back": back,
            "parent_label": workshop.organisation.name,
        },
    )


@centre_view(MANAGE)
def workshop_outcomes(request, centre, workshop_id):
    workshop = selectors.get_workshop(centre=centre, workshop_id=workshop_id)
    back = _workshop_url(centre, workshop)
    if workshop.is_cancelled:
        return _refuse(request, str(services.MSG_WORKSHOP_CANCELLED), back)
    initial = {
        "feedback": workshop.feedback,
        "mutual_benefits": workshop.mutual_benefits,
        "opinions": workshop.opinions,
        "visit_invited_on": workshop.visit_invited_on,
        "pilot_scenario": workshop.pilot_scenario,
    }
    return _form_page(
        request,
        form=OutcomesForm(request.POST if request.method == "POST" else None, initial=initial),
        save=lambda data: services.workshop_record_outcomes(
            workshop=workshop, by=request.user, **data
        ),
        done=lambda _w: _("The outcomes are recorded: the workshop is held."),
        back=back,
        template="cooperation/workshop_outcomes.html",
        context={"centre": centre, "workshop": workshop},
    )


@centre_view(MANAGE)
def workshop_cancel(request, centre, workshop_id):
    workshop = selectors.get_workshop(centre=centre, workshop_id=workshop_id)
    back = _workshop_url(centre, workshop)
    if not workshop.is_planned:
        return _refuse(
            request,
            services.MSG_WORKSHOP_NOT_PLANNED % {"status": workshop.get_status_display()},
            back,
        )
    return _form_page(
        request,
        form=CancelForm(request.POST if request.method == "POST" else None),
        save=lambda data: services.workshop_cancel(workshop=workshop, by=request.user, **data),
        done=lambda _w: _("The workshop is cancelled."),
        back=back,
        template="cooperation/workshop_cancel.html",
        context={"centre": centre, "workshop": workshop},
    )


# --- the centre: pilots ------------------------------------------------------------------


def _pilot_url(centre, pilot) -> str:
    return reverse("centre:pilot_detail", args=[centre.slug, pilot.pk])


@centre_view(MANAGE)
def pilot_create(request, centre, workshop_id):
    workshop = selectors.get_workshop(centre=centre, workshop_id=workshop_id)
    back = _workshop_url(centre, workshop)
    existing = selectors.workshop_pilot(workshop)
    if existing is not None:
        messages.error(request, str(services.MSG_PILOT_EXISTS))
        return redirect(_pilot_url(centre, existing))
    if not workshop.is_held:
        return _refuse(
            request,
            services.MSG_WORKSHOP_NOT_HELD % {"status": workshop.get_status_display()},
            back,
        )
    today = timezone.localdate()
    form = PilotForm(
        request.POST if request.method == "POST" else None,
        initial={
            "scope": workshop.pilot_scenario,
            "starts_on": today,
            "ends_on": services.pilot_earliest_end(today),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            pilot = services.pilot_create(workshop=workshop, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _(
                    "The pilot is planned; its team is copied from the workshop: check it, then start the pilot."
                ),
            )
            return redirect(_pilot_url(centre, pilot))
    return render(
        request,
        "cooperation/pilot_form.html",
        {
            "centre": centre,
            "workshop": workshop,
            "form": form,
            "back": back,
            "min_months": settings.COOPERATION_PILOT_MIN_MONTHS,
        },
    )


def _pilots(request, centre):
    form = PilotFilterForm(request.GET or None)
    filters = valid_filters(form)
    return form, selectors.pilot_list(
        centre=centre, query=filters.get("q", ""), status=filters.get("status", "")
    )


@centre_view(VIEW)
def pilot_list(request, centre):
    form, pilots = _pilots(request, centre)
    context = {
        "centre": centre,
        "form": form,
        "page": paginate(request, pilots),
        "querystring": querystring_without_page(request),
        "tab": "pilots",
    }
    return render_list(request, "cooperation/pilot_list.html", "pilot-table", context)


@centre_view(VIEW)
def pilot_csv(request, centre):
    _form, pilots = _pilots(request, centre)
    return csv_response(
        f"pilots-{centre.slug}-{timezone.localdate():%Y%m%d}.csv",
        exports.pilot_header(),
        exports.pilot_rows(pilots.iterator(chunk_size=500)),
    )


@centre_view(VIEW)
def pilot_detail(request, centre, pilot_id):
    pilot = selectors.get_pilot(centre=centre, pilot_id=pilot_id)
    members = list(pilot.members.all())
    if members:
        _log(request, centre, pilot, f"pilot team: names, roles ({len(members)})")
    return render(
        request,
        "cooperation/pilot_detail.html",
        {
            "centre": centre,
            "pilot": pilot,
            "members": members,
            "can_manage": can(request.user, MANAGE, centre),
        },
    )


@centre_view(MANAGE)
def pilot_edit(request, centre, pilot_id):
    pilot = selectors.get_pilot(centre=centre, pilot_id=pilot_id)
    back = _pilot_url(centre, pilot)
    if not pilot.is_planned:
        return _refuse(
            request, services.MSG_PILOT_NOT_PLANNED % {"status": pilot.get_status_display()}, back
        )
    initial = {"scope": pilot.scope, "starts_on": pilot.starts_on, "ends_on": pilot.ends_on}
    return _form_page(
        request,
        form=PilotForm(request.POST if request.method == "POST" else None, initial=initial),
        save=lambda data: services.pilot_update(pilot=pilot, by=request.user, **data),
        done=lambda _p: _("The pilot is saved."),
        back=back,
        template="cooperation/pilot_form.html",
        context={
            "centre": centre,
            "workshop": pilot.workshop,
            "pilot": pilot,
            "min_months": settings.COOPERATION_PILOT_MIN_MONTHS,
        },
    )


@centre_view(MANAGE)
def member_add(request, centre, pilot_id):
    pilot = selectors.get_pilot(centre=centre, pilot_id=pilot_id)
    back = _pilot_url(centre, pilot)
    if pilot.is_closed:
        return _refuse(request, str(services.MSG_PILOT_CLOSED), back)
    return _form_page(
        request,
        form=PersonForm(request.POST if request.method == "POST" else None),
        save=lambda data: services.member_add(pilot=pilot, by=request.user, **data),
        done=lambda m: _("%(name)s is in the pilot's team.") % {"name": m.name},
        back=back,
        template="cooperation/person_form.html",
        context={
            "centre": centre,
            "pilot": pilot,
            "title": _("Add a member of the team"),
            "parent_label": pilot.organisation.name,
        },
    )


@centre_view(MANAGE)
def member_remove(request, centre, pilot_id, member_id):
    pilot = selectors.get_pilot(centre=centre, pilot_id=pilot_id)
    member = selectors.get_member(pilot=pilot, member_id=member_id)
    back = _pilot_url(centre, pilot)
    if pilot.is_closed:
        return _refuse(request, str(services.MSG_PILOT_CLOSED), back)
    if request.method == "POST":
        try:
            services.member_remove(member=member, by=request.user)
        except ValidationError as exc:
            return _refuse(request, " ".join(exc.messages), back)
        messages.success(request, _("%(name)s is no longer in the team.") % {"name": member.name})
        return redirect(back)
    _log(request, centre, pilot, "pilot team member: name, role")
    return render(
        request,
        "cooperation/person_remove.html",
        {"centre": centre, "person": member, "back": back, "parent_label": pilot.organisation.name},
    )


@centre_view(MANAGE)
def pilot_start(request, centre, pilot_id):
    pilot = selectors.get_pilot(centre=centre, pilot_id=pilot_id)
    back = _pilot_url(centre, pilot)
    if not pilot.is_planned:
        return _refuse(
            request, services.MSG_PILOT_NOT_PLANNED % {"status": pilot.get_status_display()}, back
        )
    error = None
    if request.method == "POST":
        try:
            services.pilot_start(pilot=pilot, by=request.user)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(
                request,
                _("The pilot is running: %(organisation)s can submit its contributions.")
                % {"organisation": pilot.organisation},
            )
            return redirect(back)
    return render(
        request,
        "cooperation/pilot_start.html",
        {"centre": centre, "pilot": pilot, "back": back, "error": error},
    )


@centre_view(MANAGE)
def pilot_close(request, centre, pilot_id):
    pilot = selectors.get_pilot(centre=centre, pilot_id=pilot_id)
    back = _pilot_url(centre, pilot)
    if not pilot.is_running:
        return _refuse(
            request,
            services.MSG_ILLEGAL_STEP
            % {"status": pilot.get_status_display(), "to": PilotStatus.CLOSED.label},
            back,
        )
    return _form_page(
        request,
        form=ReportForm(request.POST if request.method == "POST" else None),
        save=lambda data: services.pilot_close(pilot=pilot, by=request.user, **data),
        done=lambda _p: _("The pilot is closed with its report."),
        back=back,
        template="cooperation/pilot_close.html",
        context={"centre": centre, "pilot": pilot},
    )


def _report_pdf(request, centre, pilot, back: str):
    if not pilot.is_closed:
        return _refuse(request, _("The closing report exists once the pilot is closed."), back)
    _log(request, centre, pilot, "pilot closing report (PDF): team names, roles")
    response = HttpResponse(documents.report_pdf(pilot), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="raport-pilotazu-{pilot.organisation.slug}-{pilot.starts_on:%Y%m%d}.pdf"'
    )
    return response


@centre_view(VIEW)
def pilot_report_pdf(request, centre, pilot_id):
    pilot = selectors.get_pilot(centre=centre, pilot_id=pilot_id)
    return _report_pdf(request, centre, pilot, _pilot_url(centre, pilot))


# --- the centre: contributions -----------------------------------------------------------


@centre_view(VIEW)
def contribution_list(request, centre):
    form = ContributionFilterForm(request.GET or None)
    filters = valid_filters(form)
    contributions = selectors.contribution_list(
        centre=centre,
        query=filters.get("q", ""),
        kind=filters.get("kind", ""),
        response=filters.get("response", ""),
    )
    context = {
        "centre": centre,
        "form": form,
        "page": paginate(request, contributions),
        "querystring": querystring_without_page(request),
        "can_manage": can(request.user, MANAGE, centre),
        "tab": "contributions",
    }
    return render_list(request, "cooperation/contribution_list.html", "contribution-table", context)


@centre_view(MANAGE)
def contribution_respond(request, centre, contribution_id):
    contribution = selectors.get_contribution(centre=centre, contribution_id=contribution_id)
    back = _pilot_url(centre, contribution.pilot)
    initial = {"response": contribution.response, "note": contribution.response_note}
    return _form_page(
        request,
        form=ResponseForm(request.POST if request.method == "POST" else None, initial=initial),
        save=lambda data: services.contribution_respond(
            contribution=contribution, by=request.user, **data
        ),
        done=lambda c: (
            _("The response to “%(title)s” is recorded: %(response)s.")
            % {"title": c.title, "response": c.get_response_display()}
        ),
        back=back,
        template="cooperation/contribution_respond.html",
        context={"centre": centre, "contribution": contribution, "pilot": contribution.pilot},
    )


# --- indicators --------------------------------------------------------------------------


def _component_tables(rows) -> list[dict]:
    tables: dict[int, dict] = {}
    for row in rows:
        table = tables.setdefault(
            row.indicator.component,
            {
                "number": row.indicator.component,
                "title": COMPONENTS[row.indicator.component],
                "rows": [],
            },
        )
        table["rows"].append(row)
    return list(tables.values())


@centre_view(INDICATORS)
def centre_indicators(request, centre):
    rows = indicator_rows([centre.pk])
    for row in rows:
        row.value = row.figure.of(centre.pk)
        may_open = can(request.user, row.indicator.list_permission or VIEW, centre)
        if row.indicator.list_url and may_open:
            row.href = reverse(row.indicator.list_url, args=[centre.slug]) + (
                f"?{row.figure.query}" if row.figure.query else ""
            )
        elif row.indicator.anchor:
            row.href = f"#{row.indicator.anchor}"
    return render(
        request,
        "cooperation/centre_indicators.html",
        {
            "centre": centre,
            "components": _component_tables(rows),
            "page": paginate(request, selectors.partner_readiness(centre=centre)),
            "querystring": querystring_without_page(request),
        },
    )


@centre_view(INDICATORS)
def centre_indicators_csv(request, centre):
    rows = indicator_rows([centre.pk])
    return csv_response(
        f"indicators-{centre.slug}-{timezone.localdate():%Y%m%d}.csv",
        exports.indicator_header(),
        exports.centre_indicator_rows(rows, centre),
    )


def _network_tables(network):
    centres = list(network.centres.order_by("name"))
    rows = indicator_rows([c.pk for c in centres])
    tables = _component_tables(rows)
    for table in tables:
        figures = table["rows"]
        table["centres"] = [
            (centre, [r.figure.of(centre.pk) for r in figures]) for centre in centres
        ]
        table["totals"] = [r.figure.total for r in figures]
    return centres, rows, tables


@network_view(NETWORK_INDICATORS)
def network_indicators(request, network):
    centres, _rows, tables = _network_tables(network)
    return render(
        request,
        "cooperation/network_indicators.html",
        {"network": network, "centres": centres, "components": tables},
    )


@network_view(NETWORK_INDICATORS)
def network_indicators_csv(request, network):
    centres, rows, _tables = _network_tables(network)
    return csv_response(
        f"indicators-{network.slug}-{timezone.localdate():%Y%m%d}.csv",
        exports.network_indicator_header(rows),
        exports.network_indicator_rows(rows, centres),
    )


# --- the organisation --------------------------------------------------------------------


def _org_workshop_url(organisation, workshop) -> str:
    return reverse(
        "organisation:cooperation_workshop_detail", args=[organisation.slug, workshop.pk]
    )


def _org_pilot_url(organisation, pilot) -> str:
    return reverse("organisation:cooperation_pilot_detail", args=[organisation.slug, pilot.pk])


@organisation_view(TAKE_PART)
def organisation_workshop_list(request, organisation):
    context = {
        "organisation": organisation,
        "page": paginate(request, selectors.organisation_workshops(organisation=organisation)),
        "querystring": querystring_without_page(request),
        "tab": "workshops",
    }
    return render(request, "cooperation/organisation_workshop_list.html", context)


@organisation_view(TAKE_PART)
def organisation_pilot_list(request, organisation):
    context = {
        "organisation": organisation,
        "page": paginate(request, selectors.organisation_pilots(organisation=organisation)),
        "querystring": querystring_without_page(request),
        "tab": "pilots",
    }
    return render(request, "cooperation/organisation_pilot_list.html", context)


@organisation_view(TAKE_PART)
def organisation_workshop_detail(request, organisation, workshop_id):
    workshop = selectors.get_organisation_workshop(
        organisation=organisation, workshop_id=workshop_id
    )
    participants = list(workshop.participants.all())
    if participants:
        _log(
            request,
            workshop.centre,
            workshop,
            f"workshop participants: names, roles ({len(participants)})",
        )
    return render(
        request,
        "cooperation/organisation_workshop_detail.html",
        {
            "organisation": organisation,
            "workshop": workshop,
            "participants": participants,
            "pilot": selectors.workshop_pilot(workshop),
        },
    )


@organisation_view(TAKE_PART)
def organisation_workshop_confirm(request, organisation, workshop_id):
    workshop = selectors.get_organisation_workshop(
        organisation=organisation, workshop_id=workshop_id
    )
    back = _org_workshop_url(organisation, workshop)
    if not workshop.is_planned:
        return _refuse(
            request,
            services.MSG_WORKSHOP_NOT_PLANNED % {"status": workshop.get_status_display()},
            back,
        )
    if request.method == "POST":
        try:
            services.workshop_confirm(workshop=workshop, by=request.user)
        except ValidationError as exc:
            return _refuse(request, " ".join(exc.messages), back)
        messages.success(
            request,
            _("Your participation in the workshop on %(date)s is confirmed.")
            % {"date": workshop.held_on.isoformat()},
        )
        return redirect(back)
    return render(
        request,
        "cooperation/organisation_workshop_confirm.html",
        {"organisation": organisation, "workshop": workshop, "back": back},
    )


@organisation_view(TAKE_PART)
def organisation_workshop_remarks(request, organisation, workshop_id):
    workshop = selectors.get_organisation_workshop(
        organisation=organisation, workshop_id=workshop_id
    )
    back = _org_workshop_url(organisation, workshop)
    if workshop.is_cancelled:
        return _refuse(request, str(services.MSG_WORKSHOP_CANCELLED), back)
    initial = {
        "remarks": workshop.organisation_remarks,
        "materials": workshop.organisation_materials,
    }
    return _form_page(
        request,
        form=RemarksForm(request.POST if request.method == "POST" else None, initial=initial),
        save=lambda data: services.workshop_remarks_save(
            workshop=workshop, by=request.user, **data
        ),
        done=lambda _w: _("Your remarks are saved: the centre sees them."),
        back=back,
        template="cooperation/organisation_workshop_remarks.html",
        context={"organisation": organisation, "workshop": workshop},
    )


@organisation_view(TAKE_PART)
def organisation_pilot_detail(request, organisation, pilot_id):
    pilot = selectors.get_organisation_pilot(organisation=organisation, pilot_id=pilot_id)
    members = list(pilot.members.all())
    if members:
        _log(request, pilot.centre, pilot, f"pilot team: names, roles ({len(members)})")
    return render(
        request,
        "cooperation/organisation_pilot_detail.html",
        {"organisation": organisation, "pilot": pilot, "members": members},
    )


@organisation_view(TAKE_PART)
def organisation_contribution_create(request, organisation, pilot_id):
    pilot = selectors.get_organisation_pilot(organisation=organisation, pilot_id=pilot_id)
    back = _org_pilot_url(organisation, pilot)
    if not pilot.is_running:
        return _refuse(
            request, services.MSG_PILOT_NOT_RUNNING % {"status": pilot.get_status_display()}, back
        )
    return _form_page(
        request,
        form=ContributionForm(request.POST if request.method == "POST" else None),
        save=lambda data: services.contribution_submit(pilot=pilot, by=request.user, **data),
        done=lambda c: (
            _("“%(title)s” is submitted to %(centre)s.")
            % {"title": c.title, "centre": pilot.centre}
        ),
        back=back,
        template="cooperation/organisation_contribution_form.html",
        context={"organisation": organisation, "pilot": pilot},
    )


@organisation_view(TAKE_PART)
def organisation_pilot_report_pdf(request, organisation, pilot_id):
    pilot = selectors.get_organisation_pilot(organisation=organisation, pilot_id=pilot_id)
    return _report_pdf(request, pilot.centre, pilot, _org_pilot_url(organisation, pilot))
