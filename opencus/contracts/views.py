"""Pages of contracts and quality: the centre's (/c/<centre>/), the organisation's
(/o/<org>/: its own contracts, their monitoring, reports, complaints about it and the
referrals that come with them) and the resident's survey in "my matters".

Front desk staff record complaints and surveys but do not see contracts; the KIPUS sees
contracts but does not write them; the OUS and the director do both.
"""

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opencus.accounts.context import centre_view, login_view, organisation_view
from opencus.accounts.rules import can
from opencus.audit.models import AccessPurpose
from opencus.audit.services import access_log_record
from opencus.commissioning import selectors as commissioning
from opencus.contracts import documents, exports, selectors, services
from opencus.contracts.enums import (
    CONTRACT_TRANSITIONS,
    OPEN_COMPLAINT_STATUSES,
    ComplaintStatus,
    ContractStatus,
    ReportStatus,
    SurveyChannel,
)
from opencus.contracts.forms import (
    CloseForm,
    ComplaintAnswerForm,
    ComplaintFilterForm,
    ComplaintForm,
    ComplaintNoteForm,
    ContractFilterForm,
    ContractForm,
    DutyForm,
    ExplanationForm,
    InspectionForm,
    LineForm,
    PersonSearchForm,
    PolicyForm,
    ReportForm,
    ReviewForm,
    SettleForm,
    SignForm,
    SurveyForm,
    TerminateForm,
)
from opencus.core.forms import add_service_errors, valid_filters
from opencus.core.pagination import paginate, querystring_without_page
from opencus.core.views import render_list
from opencus.people import selectors as people_selectors

VIEW = "contracts.view_contract"
MANAGE = "contracts.manage_contract"
QUALITY = "contracts.record_quality"
OWN = "contracts.view_own_contract"
MY_MATTERS = "residents.use_my_matters"
CANDIDATES = 20  # people shown by a search


def _log(request, centre, subject, fields: str, purpose=AccessPurpose.CASE_HANDLING) -> None:
    access_log_record(
        request=request, subject=subject, centre=centre, purpose=purpose, fields=fields
    )


def _to_contract(centre, contract):
    return redirect("centre:contract_detail", centre_slug=centre.slug, contract_id=contract.pk)


def _uuid(value) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        return None


def _refuse_unless(request, centre, permission: str) -> None:
    if not can(request.user, permission, centre):
        raise PermissionDenied


# --- the centre's contracts --------------------------------------------------------------------


def _filtered(request, centre):
    form = ContractFilterForm(request.GET or None)
    filters = valid_filters(form)
    contracts = selectors.contract_list(
        centre=centre,
        query=filters.get("q", ""),
        status=filters.get("status", ""),
        kind=filters.get("kind", ""),
    )
    return form, contracts


@centre_view(VIEW)
def contract_list(request, centre):
    form, contracts = _filtered(request, centre)
    page = paginate(request, contracts)
    context = {
        "centre": centre,
        "form": form,
        "page": page,
        "summaries": selectors.contract_summaries(page.object_list),
        "totals": selectors.contract_totals(contracts),
        "querystring": querystring_without_page(request),
        "can_manage": can(request.user, MANAGE, centre),
    }
    return render_list(request, "contracts/contract_list.html", "contract-table", context)


EXPORT_LIMIT = 200  # contracts with a sheet of their own in one workbook


@centre_view(VIEW)
def contract_list_xlsx(request, centre):
    _form, contracts = _filtered(request, centre)
    chosen = list(contracts[:EXPORT_LIMIT])
    monitorings = [
        selectors.contract_monitoring(selectors.get_contract(centre=centre, contract_id=c.pk))
        for c in chosen
    ]
    body = exports.contract_list_xlsx(
        selectors.contract_summaries(chosen), monitorings, centre=centre
    )
    return _xlsx(body, f"contracts-{centre.slug}-{timezone.localdate():%Y%m%d}.xlsx")


def _xlsx(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(
        body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _contract_form_page(request, centre, *, contract=None, initial=None, offer=None):
    offer = offer or (contract.offer if contract is not None else None)
    form = ContractForm(
        request.POST if request.method == "POST" else None,
        centre=centre,
        initial=initial,
        offer=offer,
    )
    if request.method == "POST" and form.is_valid():
        try:
            if contract is None:
                contract = services.contract_create(
                    centre=centre, by=request.user, offer=offer, **form.cleaned_data
                )
                messages.success(
                    request,
                    _("Draft contract %(number)s is saved: add its services and reporting duties.")
                    % {"number": contract.number},
                )
            else:
                contract = services.contract_update(
                    contract=contract, by=request.user, **form.cleaned_data
                )
                messages.success(request, _("The contract is saved."))
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return _to_contract(centre, contract)
    return render(
        request,
        "contracts/contract_form.html",
        {"centre": centre, "form": form, "contract": contract, "offer": offer},
    )


@centre_view(MANAGE)
def contract_create(request, centre):
    """A new draft; ``?offer=<id>`` starts it from an awarded offer of one of the centre's
    calls (another centre's offer, one not awarded or not an id: 404). An offer whose
    contract is already made leads to that contract."""
    offer = None
    if "offer" in request.GET:
        offer_id = _uuid(request.GET["offer"])
        if offer_id is None:
            raise Http404
        offer = commissioning.awarded_offer_for_contract(centre=centre, offer_id=offer_id)
        made = selectors.contract_of_offer(offer)
        if made is not None:
            messages.info(
                request,
                _("Contract %(number)s has already been made from this offer.")
                % {"number": made.number},
            )
            return _to_contract(centre, made)
    initial = selectors.initial_from_offer(offer) if offer is not None else None
    return _contract_form_page(request, centre, initial=initial, offer=offer)


def _draft_or_back(request, centre, contract) -> bool:
    if contract.is_draft:
        return True
    messages.error(
        request,
        _("The contract is %(status)s: only a draft can be changed.")
        % {"status": contract.get_status_display()},
    )
    return False


@centre_view(MANAGE)
def contract_edit(request, centre, contract_id):
    contract = selectors.get_contract(centre=centre, contract_id=contract_id)
    if not _draft_or_back(request, centre, contract):
        return _to_contract(centre, contract)
    initial = {name: getattr(contract, name) for name in services.CONTRACT_FIELDS}
    return _contract_form_page(request, centre, contract=contract, initial=initial)


@centre_view(VIEW)
def contract_detail(request, centre, contract_id):
    contract = selectors.get_contract(centre=centre, contract_id=contract_id)
    can_manage = can(request.user, MANAGE, centre)
    summary = selectors.contract_summaries([contract])[0]
    complaints = selectors.complaint_list(centre=centre, contract=contract)
    return render(
        request,
        "contracts/contract_detail.html",
        {
            "centre": centre,
            "contract": contract,
            "summary": summary,
            "complaints": complaints.filter(status__in=list(OPEN_COMPLAINT_STATUSES))[:10],
            "complaint_count": complaints.count(),
            "can_manage": can_manage,
            "editable": can_manage and contract.is_draft,
            "can_record": can(request.user, QUALITY, centre),
            "actions": _actions(contract) if can_manage else [],
            "today": timezone.localdate(),
        },
    )


def _actions(contract) -> list[dict]:
    names = {
        ContractStatus.SIGNED: ("sign", _("Sign")),
        ContractStatus.SETTLED: ("settle", _("Settle")),
        ContractStatus.CLOSED: ("close", _("Close")),
        ContractStatus.TERMINATED: ("terminate", _("Terminate")),
    }
    return [
        {"url_name": f"centre:contract_{names[s][0]}", "label": names[s][1]}
        for s in CONTRACT_TRANSITIONS[contract.status]
    ]


# --- lines and duties of a draft ----------------------------------------------------------------


@centre_view(MANAGE)
def line_add(request, centre, contract_id):
    contract = selectors.get_contract(centre=centre, contract_id=contract_id)
    if not _draft_or_back(request, centre, contract):
        return _to_contract(centre, contract)
    form = LineForm(request.POST if request.method == "POST" else None, centre=centre)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        price = (
            data["unit_price"] if data["unit_price"] is not None else data["service"].market_value
        )
        try:
            services.contract_line_add(
                contract=contract,
                by=request.user,
                service=data["service"],
                units=data["units"],
                unit_price=price,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The service is on the contract."))
            return _to_contract(centre, contract)
    return render(
        request,
        "contracts/line_form.html",
        {"centre": centre, "contract": contract, "form": form, "title": _("Add a service")},
    )


@centre_view(MANAGE)
def line_edit(request, centre, line_id):
    line = selectors.get_line(centre=centre, line_id=line_id)
    contract = line.contract
    if not _draft_or_back(request, centre, contract):
        return _to_contract(centre, contract)
    form = LineForm(
        request.POST if request.method == "POST" else None,
        with_service=False,
        initial={"units": line.units, "unit_price": line.unit_price},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.contract_line_update(line=line, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The line is saved."))
            return _to_contract(centre, contract)
    return render(
        request,
        "contracts/line_form.html",
        {
            "centre": centre,
            "contract": contract,
            "form": form,
            "line": line,
            "title": line.service.name,
        },
    )


def _remove_page(request, centre, contract, *, what: str, remove):
    if not _draft_or_back(request, centre, contract):
        return _to_contract(centre, contract)
    if request.method == "POST":
        try:
            remove()
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Removed: %(what)s.") % {"what": what})
        return _to_contract(centre, contract)
    return render(
        request,
        "contracts/remove.html",
        {"centre": centre, "contract": contract, "what": what},
    )


@centre_view(MANAGE)
def line_remove(request, centre, line_id):
    line = selectors.get_line(centre=centre, line_id=line_id)
    return _remove_page(
        request,
        centre,
        line.contract,
        what=line.service.name,
        remove=lambda: services.contract_line_remove(line=line, by=request.user),
    )


@centre_view(MANAGE)
def duty_add(request, centre, contract_id):
    contract = selectors.get_contract(centre=centre, contract_id=contract_id)
    if not _draft_or_back(request, centre, contract):
        return _to_contract(centre, contract)
    form = DutyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.reporting_duty_add(contract=contract, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The reporting duty is on the contract."))
            return _to_contract(centre, contract)
    return render(
        request,
        "contracts/duty_form.html",
        {"centre": centre, "contract": contract, "form": form},
    )


@centre_view(MANAGE)
def duty_remove(request, centre, duty_id):
    duty = selectors.get_duty(centre=centre, duty_id=duty_id)
    return _remove_page(
        request,
        centre,
        duty.contract,
        what=duty.what,
        remove=lambda: services.reporting_duty_remove(duty=duty, by=request.user),
    )


# --- the contract's steps, each confirmed on its own page -------------------------------------

STEPS = {
    "sign": {
        "status": ContractStatus.SIGNED,
        "form": SignForm,
        "service": lambda contract, by, data: services.contract_sign(
            contract=contract, by=by, signed_on=data["signed_on"]
        ),
        "title": gettext_lazy("Sign the contract"),
        "question": gettext_lazy(
            "Signing fixes the contract: its lines, period and duties can no longer change. "
            "The organisation becomes the provider of its services in the catalogue, and the "
            "reports its duties call for are scheduled."
        ),
        "button": gettext_lazy("Sign"),
        "done": gettext_lazy("The contract is signed: the catalogue shows the new provider."),
        "danger": False,
    },
    "settle": {
        "status": ContractStatus.SETTLED,
        "form": SettleForm,
        "service": lambda contract, by, data: services.contract_settle(
            contract=contract, by=by, settled_on=data["settled_on"], note=data["note"]
        ),
        "title": gettext_lazy("Settle the contract"),
        "question": gettext_lazy(
            "Settle the contract? Its period must be over and every report accepted."
        ),
        "button": gettext_lazy("Settle"),
        "done": gettext_lazy("The contract is settled."),
        "danger": False,
    },
    "close": {
        "status": ContractStatus.CLOSED,
        "form": CloseForm,
        "service": lambda contract, by, data: services.contract_close(
            contract=contract, by=by, note=data["note"]
        ),
        "title": gettext_lazy("Close the contract"),
        "question": gettext_lazy("Close the settled contract? Nothing of it can change after."),
        "button": gettext_lazy("Close"),
        "done": gettext_lazy("The contract is closed."),
        "danger": False,
    },
    "terminate": {
        "status": ContractStatus.TERMINATED,
        "form": TerminateForm,
        "service": lambda contract, by, data: services.contract_terminate(
            contract=contract, by=by, reason=data["reason"], terminated_on=data["terminated_on"]
        ),
        "title": gettext_lazy("Terminate the contract"),
        "question": gettext_lazy(
            "Terminate the contract? This cannot be undone. Its services keep the organisation "
            "as their provider until you change it in the catalogue."
        ),
        "button": gettext_lazy("Yes, terminate it"),
        "done": gettext_lazy("The contract is terminated."),
        "danger": True,
    },
}


def _step(request, centre, contract_id, name: str):
    spec = STEPS[name]
    contract = selectors.get_contract(centre=centre, contract_id=contract_id)
    if spec["status"] not in CONTRACT_TRANSITIONS[contract.status]:
        messages.error(
            request,
            _("The contract is %(status)s: this step is not possible now.")
            % {"status": contract.get_status_display()},
        )
        return _to_contract(centre, contract)
    today = timezone.localdate()
    form = spec["form"](
        request.POST if request.method == "POST" else None,
        initial={"signed_on": today, "settled_on": today, "terminated_on": today},
    )
    if request.method == "POST" and form.is_valid():
        try:
            spec["service"](contract, request.user, form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, spec["done"])
            return _to_contract(centre, contract)
    return render(
        request,
        "contracts/step.html",
        {"centre": centre, "contract": contract, "form": form, "spec": spec, "step": name},
    )


@centre_view(MANAGE)
def contract_sign(request, centre, contract_id):
    return _step(request, centre, contract_id, "sign")


@centre_view(MANAGE)
def contract_settle(request, centre, contract_id):
    return _step(request, centre, contract_id, "settle")


@centre_view(MANAGE)
def contract_close(request, centre, contract_id):
    return _step(request, centre, contract_id, "close")


@centre_view(MANAGE)
def contract_terminate(request, centre, contract_id):
    return _step(request, centre, contract_id, "terminate")


# --- monitoring, reports, inspections ----------------------------------------------------------


@centre_view(VIEW)
def contract_monitoring(request, centre, contract_id):
    contract = selectors.get_contract(centre=centre, contract_id=contract_id)
    return render(
        request,
        "contracts/monitoring.html",
        {
            "centre": centre,
            "contract": contract,
            "monitoring": selectors.contract_monitoring(contract),
        },
    )


@centre_view(VIEW)
def contract_monitoring_xlsx(request, centre, contract_id):
    contract = selectors.get_contract(centre=centre, contract_id=contract_id)
    body = exports.monitoring_xlsx(selectors.contract_monitoring(contract))
    return _xlsx(body, f"monitoring-{contract.number.replace('/', '-')}-{centre.slug}.xlsx")


@centre_view(VIEW)
def report_review(request, centre, report_id):
    report = selectors.get_report(centre=centre, report_id=report_id)
    may_review = can(request.user, MANAGE, centre) and report.status == ReportStatus.SUBMITTED
    form = ReviewForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not can(request.user, MANAGE, centre):
            raise PermissionDenied
        if form.is_valid():
            try:
                services.report_review(
                    report=report,
                    by=request.user,
                    accept=form.cleaned_data["decision"] == "accept",
                    note=form.cleaned_data["note"],
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The report is reviewed."))
                return _to_contract(centre, report.contract)
    return render(
        request,
        "contracts/report_review.html",
        {"centre": centre, "report": report, "form": form, "may_review": may_review},
    )


@centre_view(VIEW)
def inspection_create(request, centre, contract_id):
    _refuse_unless(request, centre, QUALITY)
    contract = selectors.get_contract(centre=centre, contract_id=contract_id)
    form = InspectionForm(
        request.POST if request.method == "POST" else None,
        initial={"inspected_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.inspection_record(contract=contract, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The inspection is recorded."))
            return _to_contract(centre, contract)
    return render(
        request,
        "contracts/inspection_form.html",
        {"centre": centre, "contract": contract, "form": form},
    )


@centre_view(VIEW)
def inspection_edit(request, centre, contract_id, inspection_id):
    _refuse_unless(request, centre, QUALITY)
    inspection = selectors.get_inspection(
        centre=centre, contract_id=contract_id, inspection_id=inspection_id
    )
    fields = ("inspected_on", "inspector", "scope", "findings", "recommendations")
    initial = {name: getattr(inspection, name) for name in fields} | {
        "rating": inspection.rating,
        "follow_up_on": inspection.follow_up_on,
    }
    form = InspectionForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.inspection_update(inspection=inspection, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The inspection is corrected."))
            return _to_contract(centre, inspection.contract)
    return render(
        request,
        "contracts/inspection_form.html",
        {"centre": centre, "contract": inspection.contract, "form": form, "inspection": inspection},
    )


@centre_view(MANAGE)
def contracts_settings(request, centre):
    policy = selectors.contracts_policy(centre)
    form = PolicyForm(
        request.POST if request.method == "POST" else None,
        initial={"complaint_answer_days": policy.complaint_answer_days},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.contracts_policy_save(centre=centre, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The settings are saved."))
            return redirect("centre:complaint_list", centre_slug=centre.slug)
    return render(request, "contracts/settings.html", {"centre": centre, "form": form})


# --- the provider scorecard --------------------------------------------------------------------


@centre_view(VIEW)
def scorecard(request, centre, partnership_id):
    partnership = selectors.get_scorecard_partnership(centre=centre, partnership_id=partnership_id)
    card = selectors.scorecard(centre=centre, organisation=partnership.organisation)
    return render(
        request,
        "contracts/scorecard.html",
        {"centre": centre, "partnership": partnership, "card": card},
    )


@centre_view(VIEW)
def scorecard_pdf(request, centre, partnership_id):
    partnership = selectors.get_scorecard_partnership(centre=centre, partnership_id=partnership_id)
    card = selectors.scorecard(centre=centre, organisation=partnership.organisation)
    response = HttpResponse(documents.scorecard_pdf(card), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="karta-wynikow-{partnership.organisation.slug}.pdf"'
    )
    return response


# --- complaints (the centre) --------------------------------------------------------------------


@centre_view(QUALITY)
def complaint_list(request, centre):
    form = ComplaintFilterForm(request.GET or None)
    filters = valid_filters(form)
    complaints = selectors.complaint_list(
        centre=centre,
        query=filters.get("q", ""),
        status=filters.get("status", ""),
        overdue=bool(filters.get("overdue")),
    )
    page = paginate(request, complaints)
    named = sum(1 for c in page.object_list if c.person_id or c.complainant)
    if named:
        _log(request, centre, centre, f"complaints: who complained ({named})")
    context = {
        "centre": centre,
        "form": form,
        "page": page,
        "today": timezone.localdate(),
        "policy": selectors.contracts_policy(centre),
        "can_manage": can(request.user, MANAGE, centre),
        "querystring": querystring_without_page(request),
    }
    return render_list(request, "contracts/complaint_list.html", "complaint-table", context)


@centre_view(QUALITY)
def complaint_create(request, centre):
    """A complaint; ``?person=<id>`` links it to a person of the register (found by a search
    on the same page), else who complains is said in words, if at all."""
    person = None
    person_id = _uuid(request.GET.get("person"))
    if person_id is not None:
        person = people_selectors.get_person(centre=centre, person_id=person_id)
    search = PersonSearchForm(request.GET or None)
    query = valid_filters(search).get("q", "")
    found = []
    if query and person is None:
        found = list(people_selectors.person_list(centre=centre, query=query)[:CANDIDATES])
        if found:
            _log(request, centre, centre, f"search results: names, birth dates ({len(found)})")
    with_contracts = can(request.user, VIEW, centre)
    form = ComplaintForm(
        request.POST if request.method == "POST" else None,
        centre=centre,
        with_contracts=with_contracts,
        initial={"received_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            complaint = services.complaint_record(
                centre=centre, by=request.user, person=person, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("The complaint is recorded; the answer is due by %(date)s.")
                % {"date": f"{complaint.answer_due_on:%Y-%m-%d}"},
            )
            return redirect(
                "centre:complaint_detail", centre_slug=centre.slug, complaint_id=complaint.pk
            )
    if person is not None:
        _log(request, centre, person, "complaint form: name")
    return render(
        request,
        "contracts/complaint_form.html",
        {
            "centre": centre,
            "form": form,
            "person": person,
            "search": search,
            "query": query,
            "found": found,
        },
    )


def _complaint_page(request, centre, complaint_id):
    complaint = selectors.get_complaint(centre=centre, complaint_id=complaint_id)
    if complaint.person_id or complaint.complainant:
        _log(request, centre, complaint.person or complaint, "complaint: who complained")
    return {
        "centre": centre,
        "complaint": complaint,
        "today": timezone.localdate(),
        "can_see_contracts": can(request.user, VIEW, centre),
    }


@centre_view(QUALITY)
def complaint_detail(request, centre, complaint_id):
    return render(
        request, "contracts/complaint_detail.html", _complaint_page(request, centre, complaint_id)
    )


COMPLAINT_STEPS = {
    "note": {
        "form": ComplaintNoteForm,
        "service": services.complaint_note,
        "title": gettext_lazy("Add a handling note"),
        "button": gettext_lazy("Save the note"),
        "done": gettext_lazy("The note is saved."),
    },
    "answer": {
        "form": ComplaintAnswerForm,
        "service": services.complaint_answer,
        "title": gettext_lazy("Answer the complaint"),
        "button": gettext_lazy("Save the answer"),
        "done": gettext_lazy("The answer is recorded."),
    },
    "close": {
        "form": None,
        "service": services.complaint_close,
        "title": gettext_lazy("Close the complaint"),
        "button": gettext_lazy("Yes, close it"),
        "done": gettext_lazy("The complaint is closed."),
    },
}


def _complaint_step(request, centre, complaint_id, name: str):
    spec = COMPLAINT_STEPS[name]
    context = _complaint_page(request, centre, complaint_id)
    complaint = context["complaint"]
    form = (
        spec["form"](
            request.POST if request.method == "POST" else None,
            initial={"answered_on": timezone.localdate()},
        )
        if spec["form"]
        else None
    )
    if request.method == "POST" and (form is None or form.is_valid()):
        data = form.cleaned_data if form is not None else {}
        try:
            spec["service"](complaint=complaint, by=request.user, **data)
        except ValidationError as exc:
            if form is None:
                messages.error(request, " ".join(exc.messages))
                return redirect(
                    "centre:complaint_detail", centre_slug=centre.slug, complaint_id=complaint.pk
                )
            add_service_errors(form, exc)
        else:
            messages.success(request, spec["done"])
            return redirect(
                "centre:complaint_detail", centre_slug=centre.slug, complaint_id=complaint.pk
            )
    return render(request, "contracts/complaint_step.html", context | {"form": form, "spec": spec})


@centre_view(QUALITY)
def complaint_note(request, centre, complaint_id):
    return _complaint_step(request, centre, complaint_id, "note")


@centre_view(QUALITY)
def complaint_answer(request, centre, complaint_id):
    return _complaint_step(request, centre, complaint_id, "answer")


@centre_view(QUALITY)
def complaint_close(request, centre, complaint_id):
    return _complaint_step(request, centre, complaint_id, "close")


# --- surveys (the centre) ---------------------------------------------------------------------


@centre_view(QUALITY)
def survey_list(request, centre):
    answers = selectors.survey_list(centre=centre)
    page = paginate(request, answers)
    return render(
        request,
        "contracts/survey_list.html",
        {"centre": centre, "page": page, "means": selectors.survey_means(answers)},
    )


@centre_view(QUALITY)
def survey_search(request, centre):
    """A paper survey: find the person's service given (one with a delivered visit)."""
    search = PersonSearchForm(request.GET or None)
    query = valid_filters(search).get("q", "")
    found = (
        list(selectors.survey_candidates(centre=centre, query=query)[:CANDIDATES]) if query else []
    )
    if found:
        _log(request, centre, centre, f"services given, search results: names ({len(found)})")
    return render(
        request,
        "contracts/survey_search.html",
        {"centre": centre, "search": search, "query": query, "found": found},
    )


@centre_view(QUALITY)
def survey_record(request, centre, enrolment_id):
    enrolment = selectors.get_survey_enrolment(centre=centre, enrolment_id=enrolment_id)
    form = SurveyForm(
        request.POST if request.method == "POST" else None,
        paper=True,
        initial={"answered_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_answer(
                enrolment=enrolment,
                by=request.user,
                channel=SurveyChannel.PAPER,
                comment=form.cleaned_data["comment"],
                answered_on=form.cleaned_data["answered_on"],
                **form.scores(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The survey is recorded."))
            return redirect("centre:survey_list", centre_slug=centre.slug)
    _log(request, centre, enrolment.person, "paper survey: name, service")
    return render(
        request,
        "contracts/survey_form.html",
        {"centre": centre, "enrolment": enrolment, "form": form},
    )


# --- the resident: a survey in "my matters" ----------------------------------------------------


@login_view(MY_MATTERS)
def survey_answer(request, enrolment_id):
    enrolment = selectors.resident_enrolment(user=request.user, enrolment_id=enrolment_id)
    answered = hasattr(enrolment, "survey")
    form = SurveyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and not answered and form.is_valid():
        try:
            services.survey_answer(
                enrolment=enrolment,
                by=request.user,
                channel=SurveyChannel.ONLINE,
                comment=form.cleaned_data["comment"],
                **form.scores(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Thank you: your answers help the centre improve."))
            return redirect("residents:home")
    access_log_record(
        request=request,
        subject=enrolment.person,
        centre=enrolment.centre,
        purpose=AccessPurpose.DATA_SUBJECT_REQUEST,
        fields="my matters: survey of a service given",
    )
    return render(
        request,
        "contracts/survey_answer.html",
        {"enrolment": enrolment, "form": form, "answered": answered},
    )


# --- the organisation (provider portal) --------------------------------------------------------


@organisation_view(OWN)
def organisation_contract_list(request, organisation):
    contracts = selectors.organisation_contract_list(organisation=organisation)
    page = paginate(request, contracts)
    return render(
        request,
        "contracts/organisation_contract_list.html",
        {
            "organisation": organisation,
            "page": page,
            "summaries": selectors.contract_summaries(page.object_list),
        },
    )


def _log_referrals(request, referrals) -> None:
    """Referrals show the shared names: one row in the referring centre's access log."""
    if referrals:
        centre = referrals[0].centre
        access_log_record(
            request=request,
            subject=centre,
            centre=centre,
            purpose=AccessPurpose.CASE_HANDLING,
            fields=f"referrals with a contract: names ({len(referrals)})",
        )


@organisation_view(OWN)
def organisation_contract_detail(request, organisation, contract_id):
    contract = selectors.get_organisation_contract(
        organisation=organisation, contract_id=contract_id
    )
    referrals = selectors.contract_referrals(contract)
    for referral in referrals:
        referral.url = reverse(
            "organisation:referral_detail", args=[organisation.slug, referral.pk]
        )
    _log_referrals(request, referrals)
    return render(
        request,
        "contracts/organisation_contract_detail.html",
        {
            "organisation": organisation,
            "contract": contract,
            "summary": selectors.contract_summaries([contract])[0],
            "complaints": selectors.organisation_complaint_list(organisation=organisation).filter(
                contract=contract
            )[:20],
            "referrals": referrals,
            "may_answer_referrals": can(request.user, "referrals.answer_referral", organisation),
            "today": timezone.localdate(),
        },
    )


@organisation_view(OWN)
def organisation_contract_monitoring(request, organisation, contract_id):
    contract = selectors.get_organisation_contract(
        organisation=organisation, contract_id=contract_id
    )
    return render(
        request,
        "contracts/monitoring.html",
        {
            "organisation": organisation,
            "contract": contract,
            "monitoring": selectors.contract_monitoring(contract),
        },
    )


@organisation_view(OWN)
def organisation_report(request, organisation, report_id):
    report = selectors.get_organisation_report(organisation=organisation, report_id=report_id)
    may_submit = (
        report.status in (ReportStatus.DUE, ReportStatus.RETURNED)
        and report.contract.status == ContractStatus.SIGNED
    )
    form = ReportForm(
        request.POST if request.method == "POST" else None,
        initial={
            "summary": report.summary,
            "participants": report.participants,
            "amount_spent": report.amount_spent,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.report_submit(report=report, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The report is submitted to the centre."))
            return redirect(
                "organisation:contract_detail",
                organisation_slug=organisation.slug,
                contract_id=report.contract_id,
            )
    return render(
        request,
        "contracts/organisation_report.html",
        {"organisation": organisation, "report": report, "form": form, "may_submit": may_submit},
    )


@organisation_view(OWN)
def organisation_complaint_list(request, organisation):
    complaints = selectors.organisation_complaint_list(organisation=organisation)
    page = paginate(request, complaints)
    return render(
        request,
        "contracts/organisation_complaint_list.html",
        {"organisation": organisation, "page": page, "today": timezone.localdate()},
    )


@organisation_view(OWN)
def organisation_complaint_detail(request, organisation, complaint_id):
    complaint = selectors.get_organisation_complaint(
        organisation=organisation, complaint_id=complaint_id
    )
    may_explain = complaint.status != ComplaintStatus.CLOSED
    form = ExplanationForm(
        request.POST if request.method == "POST" else None,
        initial={"explanation": complaint.provider_explanation},
    )
    if request.method == "POST":
        if not may_explain:
            messages.error(request, _("The complaint is closed: it can no longer change."))
            return redirect(
                "organisation:complaint_detail",
                organisation_slug=organisation.slug,
                complaint_id=complaint.pk,
            )
        if form.is_valid():
            try:
                services.complaint_explain(
                    complaint=complaint,
                    by=request.user,
                    explanation=form.cleaned_data["explanation"],
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Your explanation is sent to the centre."))
                return redirect(
                    "organisation:complaint_detail",
                    organisation_slug=organisation.slug,
                    complaint_id=complaint.pk,
                )
    return render(
        request,
        "contracts/organisation_complaint_detail.html",
        {
            "organisation": organisation,
            "complaint": complaint,
            "form": form,
            "may_explain": may_explain,
            "today": timezone.localdate(),
        },
    )
