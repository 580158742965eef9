"""Staff pages of applications: thin views over cases.services and cases.selectors."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from opencus.accounts.context import centre_view
from opencus.accounts.roles import Role
from opencus.accounts.rules import can
from opencus.accounts.selectors import staff_list
from opencus.audit.models import AccessPurpose
from opencus.audit.services import access_log_record
from opencus.cases import documents, selectors, services
from opencus.cases.enums import ApplicationStatus, Outcome, WaitlistStatus
from opencus.cases.forms import (
    AppealForm,
    AppealOutcomeForm,
    AppealSentForm,
    ApplicationFilterForm,
    AssessmentForm,
    AssignForm,
    CompletionDoneForm,
    CompletionRequestForm,
    DeliveredForm,
    LimitChangeForm,
    LimitForm,
    NoteForm,
    PersonPickForm,
    PolicyForm,
    QualifyForm,
    ReasonForm,
    ReceiveForm,
    RefuseForm,
    RouteForm,
    ScheduleForm,
    SubCaseForm,
)
from opencus.core.exports import csv_response
from opencus.core.forms import add_service_errors, valid_filters
from opencus.core.pagination import paginate, querystring_without_page
from opencus.core.views import render_list
from opencus.people.models import Person
from opencus.people.selectors import person_list

SHOWN = "application: the person, submitter, needs, assessment, services, decisions"


def _to_application(centre, application):
    return redirect(
        "centre:application_detail", centre_slug=centre.slug, application_id=application.pk
    )


def _log(request, centre, subject, fields=SHOWN, purpose=AccessPurpose.CASE_HANDLING):
    access_log_record(
        request=request, subject=subject, centre=centre, purpose=purpose, fields=fields
    )


def _form_page(
    request,
    centre,
    form,
    *,
    title,
    application=None,
    intro="",
    submit=None,
    danger=False,
    back=None,
):
    """The one template of the procedure's small forms."""
    return render(
        request,
        "cases/form.html",
        {
            "centre": centre,
            "form": form,
            "title": title,
            "intro": intro,
            "application": application,
            "submit": submit or _("Save"),
            "danger": danger,
            "back": back,
        },
    )


def _coordinators(centre):
    return staff_list(centre=centre, role=Role.KIPUS) | staff_list(centre=centre, role=Role.OUS)


# --- the list and the detail -----------------------------------------------------------


@centre_view("cases.view_application")
def application_list(request, centre):
    services_qs = selectors.applicable_services(centre)
    form = ApplicationFilterForm(request.GET or None, services=services_qs)
    filters = valid_filters(form)
    applications = selectors.application_list(
        centre=centre,
        query=filters.get("q", ""),
        status=filters.get("status", ""),
        channel=filters.get("channel", ""),
        service=filters.get("service"),
    )
    if request.GET.get("export") == "csv":
        _log(
            request,
            centre,
            centre,
            "applications export: names, services, statuses",
            AccessPurpose.EXPORT,
        )
        return csv_response(
            "wnioski.csv",
            [
                _("Case number"),
                _("Submitted"),
                _("Person"),
                _("Channel"),
                _("Status"),
                _("Services"),
            ],
            (
                [
                    a.case_number,
                    timezone.localtime(a.submitted_at).strftime("%Y-%m-%d %H:%M"),
                    a.display_name,
                    a.get_channel_display(),
                    a.get_status_display(),
                    ", ".join(
                        f"{r.service.name} ({r.get_outcome_display()})" for r in a.requested.all()
                    ),
                ]
                for a in applications.iterator(chunk_size=500)
            ),
        )
    page = paginate(request, applications)
    if page.object_list:
        _log(request, centre, centre, f"application list: names, services ({page.paginator.count})")
    context = {
        "centre": centre,
        "form": form,
        "page": page,
        "querystring": querystring_without_page(request),
        "can_receive": can(request.user, "cases.receive_application", centre),
        "can_manage_limits": can(request.user, "cases.manage_limits", centre),
        "filtered": any(filters.values()),
    }
    return render_list(request, "cases/application_list.html", "application-table", context)


@centre_view("cases.view_application")
def application_detail(request, centre, application_id):
    application = selectors.get_application(centre=centre, application_id=application_id)
    _log(request, centre, application)
    policy = services.policy_of(centre)
    assessment = next(iter(application.assessments.all()), None)
    today = timezone.localdate()
    deadline = application.ipus_deadline(policy.ipus_deadline_days)
    user = request.user
    return render(
        request,
        "cases/application_detail.html",
        {
            "centre": centre,
            "application": application,
            "assessment": assessment,
            "open_request": next(
                (r for r in application.completion_requests.all() if r.completed_at is None), None
            ),
            "ipus_deadline": deadline,
            "ipus_days_left": (deadline - today).days,
            "ipus_days_overdue": (today - deadline).days,
            "show_ipus_timer": bool(
                assessment and assessment.ipus_required and application.is_open
            ),
            "can_receive": can(user, "cases.receive_application", centre),
            "can_assess": can(user, "cases.assess_needs", centre),
            "can_qualify": can(user, "cases.qualify", centre),
            "can_sign": can(user, "cases.sign_decision", centre),
            "can_plan": can(user, "plans.manage_plan", centre),
            "can_view_plans": can(user, "plans.view_plan", centre),
            "can_refer": can(user, "referrals.send_referral", centre),
            "Status": ApplicationStatus,
            "Outcome": Outcome,
            "WaitlistStatus": WaitlistStatus,
        },
    )


# --- receiving and registering ---------------------------------------------------------


@centre_view("cases.receive_application")
def application_create(request, centre):
    """Search the person first; then the application form for the chosen record."""
    person_id = request.GET.get("person") or request.POST.get("person")
    person = None
    if person_id:
        try:
            person = Person.objects.current().get(centre=centre, pk=person_id)
        except (Person.DoesNotExist, ValidationError, ValueError):
            raise Http404 from None
    if person is None:
        query = request.GET.get("q", "").strip()[:100]
        found = person_list(centre=centre, query=query)[:20] if query else []
        if found:
            _log(request, centre, centre, f"search results: names, birth dates ({len(found)})")
        return render(
            request,
            "cases/application_person.html",
            {"centre": centre, "query": query, "found": found},
        )
    relatives = Person.objects.filter(
        centre=centre, relations_as_other__person=person, relations_as_other__ended_on__isnull=True
    ).distinct()
    form = ReceiveForm(
        request.POST or None,
        services=selectors.applicable_services(centre),
        relatives=relatives,
        initial={"channel": "desk", "submitter_role": "person"},
    )
    _log(request, centre, person, "name, relations")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            application = services.application_receive(
                centre=centre,
                by=request.user,
                person=person,
                channel=data["channel"],
                submitter_role=data["submitter_role"],
                submitter=data["submitter"],
                submitter_name=data["submitter_name"],
                services=list(data["services"]),
                description=data["description"],
                submitted_at=data["submitted_at"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("The application is registered as %(number)s.")
                % {"number": application.case_number},
            )
            return _to_application(centre, application)
    return render(
        request,
        "cases/application_form.html",
        {"centre": centre, "form": form, "person": person},
    )


@centre_view("cases.receive_application")
def application_register(request, centre, application_id):
    """An online application: link (or first register) the person, then give a case number."""
    application = selectors.get_application(centre=centre, application_id=application_id)
    if application.status != ApplicationStatus.SUBMITTED:
        messages.info(request, _("This application is already registered."))
        return _to_application(centre, application)
    query = application.declared_last_name
    form = PersonPickForm(
        request.POST or None, people=selectors.register_candidates(application=application)
    )
    _log(request, centre, application, "declared identity and contact, candidate records")
    if request.method == "POST" and form.is_valid():
        try:
            services.application_register(
                application=application, by=request.user, person=form.cleaned_data["person"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The application is registered."))
            return _to_application(centre, application)
    return render(
        request,
        "cases/application_register.html",
        {"centre": centre, "application": application, "form": form, "query": query},
    )


@centre_view("cases.receive_application")
def application_assign(request, centre, application_id):
    application = selectors.get_application(centre=centre, application_id=application_id)
    form = AssignForm(
        request.POST or None,
        staff=_coordinators(centre).distinct(),
        initial={"coordinator": application.coordinator_id},
    )
    if request.method == "POST" and form.is_valid():
        services.application_assign(
            application=application, by=request.user, coordinator=form.cleaned_data["coordinator"]
        )
        messages.success(request, _("The coordinator is assigned."))
        return _to_application(centre, application)
    return _form_page(
        request, centre, form, title=_("Assign a coordinator"), application=application
    )


@centre_view("cases.receive_application")
def completion_request(request, centre, application_id):
    application = selectors.get_application(centre=centre, application_id=application_id)
    policy = services.policy_of(centre)
    form = CompletionRequestForm(
        request.POST or None,
        initial={"due_on": timezone.localdate() + dt.timedelta(days=policy.completion_days)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.completion_request(
                application=application, by=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The request for completion is recorded."))
            return _to_application(centre, application)
    return _form_page(
        request,
        centre,
        form,
        title=_("Ask to complete the application"),
        application=application,
        intro=_("Say what is missing and by when. The application waits until it is complete."),
    )


@centre_view("cases.receive_application")
def completion_done(request, centre, request_id):
    completion = selectors.get_completion_request(centre=centre, request_id=request_id)
    form = CompletionDoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.completion_done(
                request=completion, by=request.user, note=form.cleaned_data["note"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The application is complete."))
            return _to_application(centre, completion.application)
    return _form_page(
        request,
        centre,
        form,
        title=_("Record the completion"),
        application=completion.application,
        intro=completion.missing,
    )


# --- needs recognition and routing -----------------------------------------------------


@centre_view("cases.assess_needs")
def assessment_schedule(request, centre, application_id):
    application = selectors.get_application(centre=centre, application_id=application_id)
    form = ScheduleForm(request.POST or None, initial={"place": "home"})
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_schedule(
                application=application, by=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The needs recognition is planned."))
            return _to_application(centre, application)
    return _form_page(
        request, centre, form, title=_("Plan the needs recognition"), application=application
    )


@centre_view("cases.assess_needs")
def assessment_record(request, centre, application_id):
    application = selectors.get_application(centre=centre, application_id=application_id)
    _log(request, centre, application)
    planned = next((a for a in application.assessments.all() if not a.is_done), None)
    initial = {"assessed_on": timezone.localdate(), "place": "home"}
    if planned is not None:
        initial |= {"place": planned.place, "place_note": planned.place_note}
    form = AssessmentForm(
        request.POST or None, services=selectors.applicable_services(centre), initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.assessment_record(
                application=application,
                by=request.user,
                assessed_on=data["assessed_on"],
                place=data["place"],
                place_note=data["place_note"],
                summary=data["summary"],
                persons_view=data["persons_view"],
                recommended=data["recommended"],
                ipus_required=data["ipus_required"],
                findings=form.findings(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The needs are recorded."))
            return _to_application(centre, application)
    return render(
        request,
        "cases/assessment_form.html",
        {"centre": centre, "application": application, "form": form},
    )


@centre_view("cases.assess_needs")
def route(request, centre, application_id):
    application = selectors.get_application(centre=centre, application_id=application_id)
    pending = application.requested.filter(outcome=Outcome.PENDING).select_related("service")
    form = RouteForm(request.POST or None, pending=pending)
    if request.method == "POST" and form.is_valid():
        try:
            services.route(application=application, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The part of the application is forwarded."))
            return _to_application(centre, application)
    return _form_page(
        request,
        centre,
        form,
        title=_("Forward to another unit"),
        application=application,
        intro=_(
            "Only with the person's consent to forward the application. The unit handles "
            "its part as a sub-case under its own procedure."
        ),
        submit=_("Forward"),
    )


@centre_view("cases.assess_needs")
def subcase_update(request, centre, subcase_id):
    subcase = selectors.get_subcase(centre=centre, subcase_id=subcase_id)
    form = SubCaseForm(
        request.POST or None,
        initial={"status": subcase.status, "outcome_note": subcase.outcome_note},
    )
    if request.method == "POST" and form.is_valid():
        services.subcase_update(subcase=subcase, by=request.user, **form.cleaned_data)
        messages.success(request, _("The sub-case is updated."))
        return _to_application(centre, subcase.application)
    return _form_page(
        request,
        centre,
        form,
        title=subcase.unit_name,
        application=subcase.application,
        intro=subcase.scope,
    )


# --- qualification ---------------------------------------------------------------------


@centre_view("cases.qualify")
def qualify(request, centre, requested_id):
    requested = selectors.get_requested(centre=centre, requested_id=requested_id)
    service = requested.service
    form = QualifyForm(
        request.POST or None,
        initial={
            "starts_on": timezone.localdate(),
            "period": service.capacity_period
            if service.capacity_period in ("week", "month")
            else "week",
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            line = services.qualify(requested=requested, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if line.outcome == Outcome.GRANTED:
                messages.success(request, _("Granted. The written notice is ready to print."))
            else:
                messages.warning(
                    request, _("No place left: the person is on the waiting list, in order.")
                )
            return _to_application(centre, requested.application)
    return render(
        request,
        "cases/qualify.html",
        {
            "centre": centre,
            "requested": requested,
            "service": service,
            "form": form,
            "limit": services.limit_for(service, timezone.localdate()),
        },
    )


@centre_view("cases.sign_decision")
def refuse(request, centre, requested_id):
    requested = selectors.get_requested(centre=centre, requested_id=requested_id)
    form = RefuseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            decision = services.refuse(
                requested=requested, by=request.user, reasons=form.cleaned_data["reasons"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("The decision %(number)s is issued.") % {"number": decision.number}
            )
            return redirect(
                "centre:decision_detail", centre_slug=centre.slug, decision_id=decision.pk
            )
    return _form_page(
        request,
        centre,
        form,
        title=_("Refuse: an administrative decision"),
        application=requested.application,
        intro=_(
            "Refusing “%(service)s” is an administrative decision: the person may appeal "
            "to the SKO through the centre. Give the facts and the law."
        )
        % {"service": requested.service},
        submit=_("Issue the decision"),
        danger=True,
    )


@centre_view("cases.view_application")
def notice_pdf(request, centre, requested_id):
    requested = selectors.get_requested(centre=centre, requested_id=requested_id)
    if requested.outcome != Outcome.GRANTED:
        raise Http404
    _log(request, centre, requested.application, "written notice of qualification (PDF)")
    response = HttpResponse(documents.notice_pdf(requested), content_type="application/pdf")
    name = requested.notice_number.replace("/", "-")
    response["Content-Disposition"] = f'inline; filename="informacja-{name}.pdf"'
    return response


@centre_view("cases.view_application")
def decision_detail(request, centre, decision_id):
    decision = selectors.get_decision(centre=centre, decision_id=decision_id)
    _log(request, centre, decision, "decision: person, service, reasons, appeal")
    appeal = getattr(decision, "appeal", None)
    can_record = can(request.user, "cases.receive_application", centre)
    return render(
        request,
        "cases/decision_detail.html",
        {
            "centre": centre,
            "decision": decision,
            "appeal": appeal,
            "application": decision.requested.application,
            "can_record": can_record,
            "delivered_form": DeliveredForm(initial={"delivered_on": timezone.localdate()}),
        },
    )


@centre_view("cases.view_application")
def decision_pdf(request, centre, decision_id):
    decision = selectors.get_decision(centre=centre, decision_id=decision_id)
    _log(request, centre, decision, "administrative decision (PDF)")
    response = HttpResponse(documents.decision_pdf(decision), content_type="application/pdf")
    name = decision.number.replace("/", "-")
    response["Content-Disposition"] = f'inline; filename="decyzja-{name}.pdf"'
    return response


@centre_view("cases.receive_application")
def decision_delivered(request, centre, decision_id):
    decision = selectors.get_decision(centre=centre, decision_id=decision_id)
    form = DeliveredForm(request.POST or None, initial={"delivered_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_delivered(decision=decision, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The delivery is recorded: the appeal period runs."))
            return redirect(
                "centre:decision_detail", centre_slug=centre.slug, decision_id=decision.pk
            )
    return _form_page(
        request,
        centre,
        form,
        title=_("Record the delivery"),
        application=decision.requested.application,
    )


@centre_view("cases.receive_application")
def appeal_record(request, centre, decision_id):
    decision = selectors.get_decision(centre=centre, decision_id=decision_id)
    form = AppealForm(request.POST or None, initial={"filed_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.appeal_record(decision=decision, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("The appeal is recorded. Send it to the SKO with the file.")
            )
            return redirect(
                "centre:decision_detail", centre_slug=centre.slug, decision_id=decision.pk
            )
    return _form_page(
        request,
        centre,
        form,
        title=_("Record an appeal"),
        application=decision.requested.application,
        intro=_("Decision %(number)s") % {"number": decision.number},
    )


@centre_view("cases.receive_application")
def appeal_sent(request, centre, appeal_id):
    appeal = selectors.get_appeal(centre=centre, appeal_id=appeal_id)
    form = AppealSentForm(request.POST or None, initial={"sent_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.appeal_sent(appeal=appeal, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Recorded."))
            return redirect(
                "centre:decision_detail", centre_slug=centre.slug, decision_id=appeal.decision_id
            )
    return _form_page(
        request,
        centre,
        form,
        title=_("Appeal sent to the SKO"),
        application=appeal.decision.requested.application,
    )


@centre_view("cases.sign_decision")
def appeal_outcome(request, centre, appeal_id):
    appeal = selectors.get_appeal(centre=centre, appeal_id=appeal_id)
    form = AppealOutcomeForm(request.POST or None, initial={"outcome_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.appeal_outcome(appeal=appeal, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The SKO's ruling is recorded."))
            return redirect(
                "centre:decision_detail", centre_slug=centre.slug, decision_id=appeal.decision_id
            )
    return _form_page(
        request,
        centre,
        form,
        title=_("The SKO's ruling"),
        application=appeal.decision.requested.application,
    )


# --- the end of an application ---------------------------------------------------------


@centre_view("cases.receive_application")
def application_withdraw(request, centre, application_id):
    application = selectors.get_application(centre=centre, application_id=application_id)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_withdraw(
                application=application, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The application is withdrawn."))
            return _to_application(centre, application)
    return _form_page(
        request,
        centre,
        form,
        title=_("Withdraw the application"),
        application=application,
        intro=_(
            "Waiting-list places and open offers are given up, and the queue moves on. "
            "This cannot be undone."
        ),
        submit=_("Yes, withdraw"),
        danger=True,
    )


@centre_view("cases.qualify")
def application_close(request, centre, application_id):
    application = selectors.get_application(centre=centre, application_id=application_id)
    form = NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_close(
                application=application, by=request.user, note=form.cleaned_data["note"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The application is closed."))
            return _to_application(centre, application)
    return _form_page(
        request,
        centre,
        form,
        title=_("Close the application"),
        application=application,
        submit=_("Close"),
    )


# --- limits and waiting lists ----------------------------------------------------------


@centre_view("cases.view_application")
def limit_list(request, centre):
    limits = selectors.limit_list(centre=centre)
    can_manage = can(request.user, "cases.manage_limits", centre)
    form = LimitForm(request.POST or None, services=selectors.applicable_services(centre))
    if request.method == "POST":
        if not can_manage:
            raise Http404
        if form.is_valid():
            try:
                limit = services.limit_create(by=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The limit is saved."))
                return redirect("centre:limit_detail", centre_slug=centre.slug, limit_id=limit.pk)
    return render(
        request,
        "cases/limit_list.html",
        {
            "centre": centre,
            "page": paginate(request, limits),
            "form": form,
            "can_manage": can_manage,
            "querystring": querystring_without_page(request),
        },
    )


@centre_view("cases.view_application")
def limit_detail(request, centre, limit_id):
    limit = selectors.get_limit(centre=centre, limit_id=limit_id)
    entries = list(selectors.waitlist(limit))
    if entries:
        _log(request, centre, limit, f"waiting list: names, positions ({len(entries)})")
    can_manage = can(request.user, "cases.manage_limits", centre)
    form = LimitChangeForm(request.POST or None, initial={"places": limit.places})
    if request.method == "POST":
        if not can_manage:
            raise Http404
        if form.is_valid():
            try:
                services.limit_change(limit=limit, by=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The number of places is changed."))
                return redirect("centre:limit_detail", centre_slug=centre.slug, limit_id=limit.pk)
    position = 0
    rows = []
    for entry in entries:
        if entry.status == WaitlistStatus.QUEUED:
            position += 1
        rows.append((entry, position if entry.status == WaitlistStatus.QUEUED else None))
    return render(
        request,
        "cases/limit_detail.html",
        {
            "centre": centre,
            "limit": limit,
            "rows": rows,
            "form": form,
            "can_manage": can_manage,
            "can_qualify": can(request.user, "cases.qualify", centre),
            "today": timezone.localdate(),
        },
    )


@centre_view("cases.qualify")
def offer_reply(request, centre, entry_id):
    """Staff record the person's reply to an offered place (accept or decline)."""
    entry = selectors.get_entry(centre=centre, entry_id=entry_id)
    form = ReasonForm(request.POST or None) if request.POST.get("decline") else None
    if request.method == "POST":
        try:
            if request.POST.get("accept"):
                services.offer_accept(entry=entry, by=request.user)
                messages.success(request, _("The place is accepted: the service is granted."))
            else:
                services.offer_decline(
                    entry=entry, by=request.user, reason=request.POST.get("reason", "")[:300]
                )
                messages.success(request, _("The offer is declined: the next in line gets it."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("centre:limit_detail", centre_slug=centre.slug, limit_id=entry.limit_id)
    _log(request, centre, entry.requested.application, "offer: name, service")
    return render(
        request,
        "cases/offer_reply.html",
        {"centre": centre, "entry": entry, "form": form or ReasonForm()},
    )


@centre_view("centre.change_centre")
def policy_edit(request, centre):
    form = PolicyForm(request.POST or None, instance=services.policy_of(centre))
    if request.method == "POST" and form.is_valid():
        services.policy_update(centre=centre, by=request.user, **form.cleaned_data)
        messages.success(request, _("The procedure settings are saved."))
        return redirect("centre:application_list", centre_slug=centre.slug)
    return _form_page(
        request,
        centre,
        form,
        title=_("Procedure settings"),
        intro=_(
            "Deadlines the centre sets itself. Statutory ones (the SKO's 14 days) should "
            "change only when the law does."
        ),
    )
