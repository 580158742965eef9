"""Pages of services given to people: the centre's (/c/<centre>/) and the provider's (/o/<org>/).

Provider staff reach only the enrolments their organisation delivers, and see of the person
only what delivering needs: the name, the address and the phone.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opencus.accounts.context import centre_view, organisation_view
from opencus.accounts.rules import can
from opencus.audit.models import AccessPurpose
from opencus.audit.services import access_log_record
from opencus.core.exports import csv_response
from opencus.core.forms import add_service_errors, valid_filters
from opencus.core.pagination import paginate, querystring_without_page
from opencus.core.views import render_list
from opencus.enrolments import exports, selectors, services
from opencus.enrolments.enums import EnrolmentStatus
from opencus.enrolments.forms import (
    DeliveryForm,
    EndForm,
    EnrolmentFilterForm,
    MonthForm,
    ProviderEnrolmentFilterForm,
    ReasonForm,
    SuspendForm,
)

SHOWN = "services given: service, units, dates, fee, exemption, deliveries, status history"
PROVIDER_SHOWN = "name, address, phone; service, units, dates, deliveries (provider: %s)"


def _log(request, centre, subject, fields, purpose=AccessPurpose.CASE_HANDLING):
    access_log_record(
        request=request, subject=subject, centre=centre, purpose=purpose, fields=fields
    )


def _month(request) -> tuple[MonthForm, object]:
    form = MonthForm(
        request.GET if "month" in request.GET else None,
        initial={"month": timezone.localdate()},
    )
    return form, form.chosen_month()


def _to_enrolment(centre, enrolment):
    return redirect("centre:enrolment_detail", centre_slug=centre.slug, enrolment_id=enrolment.pk)


# --- the centre: list, detail, exports -------------------------------------------------------


def _filtered(request, centre):
    form = EnrolmentFilterForm(request.GET or None, centre=centre)
    filters = valid_filters(form)
    enrolments = selectors.enrolment_list(
        centre=centre,
        query=filters.get("q", ""),
        service=filters.get("service"),
        status=filters.get("status", ""),
        provider=filters.get("provider", ""),
    )
    return form, filters, enrolments


@centre_view("enrolments.view_enrolment")
def enrolment_list(request, centre):
    form, filters, enrolments = _filtered(request, centre)
    page = paginate(request, enrolments)
    if filters.get("q") and page.object_list:
        # A list of names found by a search is a read of those people's data.
        _log(
            request,
            centre,
            centre,
            f"services given, search results: names, services ({page.paginator.count})",
        )
    context = {
        "centre": centre,
        "form": form,
        "page": page,
        "querystring": querystring_without_page(request),
    }
    return render_list(request, "enrolments/enrolment_list.html", "enrolment-table", context)


@centre_view("enrolments.view_enrolment")
def enrolment_list_csv(request, centre):
    _form, _filters, enrolments = _filtered(request, centre)
    _log(
        request,
        centre,
        centre,
        "services given (export): names, birth dates, services, units, dates, fees, status",
        AccessPurpose.EXPORT,
    )
    stamp = f"{centre.slug}-{timezone.localdate():%Y%m%d}"
    return csv_response(
        f"services-given-{stamp}.csv",
        exports.enrolment_header(),
        exports.enrolment_rows(enrolments.iterator(chunk_size=500)),
    )


def _actions(enrolment) -> list[dict]:
    """The status changes the enrolment can take now, as the detail page offers them."""
    today = timezone.localdate()
    status = enrolment.status
    actions = []
    if status == EnrolmentStatus.PLANNED and enrolment.starts_on <= today:
        actions.append({"name": "start", "label": _("Start")})
    if status == EnrolmentStatus.ACTIVE:
        actions.append({"name": "suspend", "label": _("Suspend")})
    if status == EnrolmentStatus.SUSPENDED:
        actions.append({"name": "resume", "label": _("Resume")})
    if status in (EnrolmentStatus.PLANNED, EnrolmentStatus.ACTIVE, EnrolmentStatus.SUSPENDED):
        actions.append({"name": "end", "label": _("End")})
    if status == EnrolmentStatus.ENDED:
        actions.append({"name": "close", "label": _("Close (fees settled)")})
    return actions


@centre_view("enrolments.view_enrolment")
def enrolment_detail(request, centre, enrolment_id):
    enrolment = selectors.get_enrolment(centre=centre, enrolment_id=enrolment_id)
    _log(request, centre, enrolment.person, SHOWN)
    can_manage = can(request.user, "enrolments.manage_enrolment", centre)
    return render(
        request,
        "enrolments/enrolment_detail.html",
        {
            "centre": centre,
            "enrolment": enrolment,
            "deliveries": selectors.recent_deliveries(enrolment=enrolment),
            "can_manage": can_manage,
            "can_record": can(request.user, "enrolments.record_delivery", centre),
            "can_refer": can(request.user, "referrals.send_referral", centre),
            "actions": _actions(enrolment) if can_manage else [],
        },
    )


# --- the centre: status changes, each confirmed on its own page -------------------------------

TRANSITIONS = {
    "start": {
        "service": services.enrolment_start,
        "form": ReasonForm,
        "title": gettext_lazy("Start the service"),
        "question": gettext_lazy("Start giving this service now? Deliveries can then be recorded."),
        "button": gettext_lazy("Yes, start it"),
        "done": gettext_lazy("The service is active."),
    },
    "suspend": {
        "service": services.enrolment_suspend,
        "form": SuspendForm,
        "title": gettext_lazy("Suspend the service"),
        "question": gettext_lazy(
            "Suspend this service? No deliveries can be recorded until it is resumed."
        ),
        "button": gettext_lazy("Yes, suspend it"),
        "done": gettext_lazy("The service is suspended."),
    },
    "resume": {
        "service": services.enrolment_resume,
        "form": ReasonForm,
        "title": gettext_lazy("Resume the service"),
        "question": gettext_lazy("Resume this service? Deliveries can be recorded again."),
        "button": gettext_lazy("Yes, resume it"),
        "done": gettext_lazy("The service is active again."),
    },
    "end": {
        "service": services.enrolment_end,
        "form": EndForm,
        "title": gettext_lazy("End the service"),
        "question": gettext_lazy(
            "End this service? It cannot be restarted; a new grant is needed to give it again."
        ),
        "button": gettext_lazy("Yes, end it"),
        "done": gettext_lazy("The service has ended."),
    },
    "close": {
        "service": services.enrolment_close,
        "form": ReasonForm,
        "title": gettext_lazy("Close the service"),
        "question": gettext_lazy(
            "Are its fees settled? Once closed, its deliveries can no longer be corrected."
        ),
        "button": gettext_lazy("Yes, close it"),
        "done": gettext_lazy("The service is closed."),
    },
}


def _transition_view(action: str):
    spec = TRANSITIONS[action]

    @centre_view("enrolments.manage_enrolment")
    def view(request, centre, enrolment_id):
        enrolment = selectors.get_enrolment(centre=centre, enrolment_id=enrolment_id)
        initial = {}
        if action == "end":
            today = timezone.localdate()
            initial["ended_on"] = min(today, enrolment.ends_on) if enrolment.ends_on else today
        form = spec["form"](request.POST if request.method == "POST" else None, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                spec["service"](enrolment=enrolment, by=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, str(spec["done"]))
                return _to_enrolment(centre, enrolment)
        return render(
            request,
            "enrolments/enrolment_action.html",
            {"centre": centre, "enrolment": enrolment, "form": form, "spec": spec},
        )

    view.__name__ = view.__qualname__ = f"enrolment_{action}"
    return view


enrolment_start = _transition_view("start")
enrolment_suspend = _transition_view("suspend")
enrolment_resume = _transition_view("resume")
enrolment_end = _transition_view("end")
enrolment_close = _transition_view("close")


# --- deliveries, for the centre and for the provider -----------------------------------------


def _record(request, enrolment, *, base: dict, back: str):
    """The record-a-delivery form of ``enrolment``; back to ``back`` once saved."""
    form = DeliveryForm(
        request.POST or None,
        unit_label=enrolment.get_unit_display(),
        initial={
            "delivered_on": timezone.localdate(),
            "units": 1,
            "where": services.default_place(enrolment.service),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.delivery_record(enrolment=enrolment, by=request.user, **form.delivery_data())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The delivery was recorded."))
            return redirect(back)
    return render(
        request,
        "enrolments/delivery_form.html",
        {**base, "enrolment": enrolment, "form": form, "back": back},
    )


def _correct(request, delivery, *, base: dict, back: str):
    enrolment = delivery.enrolment
    form = DeliveryForm(
        request.POST or None,
        unit_label=enrolment.get_unit_display(),
        initial={name: getattr(delivery, name) for name in services.DELIVERY_FIELDS},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.delivery_update(delivery=delivery, by=request.user, **form.delivery_data())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The delivery was corrected."))
            return redirect(back)
    return render(
        request,
        "enrolments/delivery_form.html",
        {
            **base,
            "enrolment": enrolment,
            "delivery": delivery,
            "form": form,
            "back": back,
            "history": selectors.delivery_history(delivery=delivery),
        },
    )


def _remove(request, delivery, *, base: dict, back: str):
    if request.method == "POST":
        try:
            services.delivery_delete(delivery=delivery, by=request.user)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The delivery was deleted."))
        return redirect(back)
    return render(
        request,
        "enrolments/delivery_delete.html",
        {**base, "enrolment": delivery.enrolment, "delivery": delivery, "back": back},
    )


def _centre_back(centre, enrolment) -> str:
    return reverse(
        "centre:enrolment_detail", kwargs={"centre_slug": centre.slug, "enrolment_id": enrolment.pk}
    )


@centre_view("enrolments.record_delivery")
def delivery_create(request, centre, enrolment_id):
    enrolment = selectors.get_enrolment(centre=centre, enrolment_id=enrolment_id)
    return _record(
        request, enrolment, base={"centre": centre}, back=_centre_back(centre, enrolment)
    )


@centre_view("enrolments.record_delivery")
def delivery_edit(request, centre, delivery_id):
    delivery = selectors.get_delivery(centre=centre, delivery_id=delivery_id)
    return _correct(
        request, delivery, base={"centre": centre}, back=_centre_back(centre, delivery.enrolment)
    )


@centre_view("enrolments.record_delivery")
def delivery_delete(request, centre, delivery_id):
    delivery = selectors.get_delivery(centre=centre, delivery_id=delivery_id)
    return _remove(
        request, delivery, base={"centre": centre}, back=_centre_back(centre, delivery.enrolment)
    )


# --- the monthly statement and the fee list --------------------------------------------------


@centre_view("enrolments.view_enrolment")
def enrolment_statement(request, centre, enrolment_id):
    enrolment = selectors.get_enrolment(centre=centre, enrolment_id=enrolment_id)
    form, month = _month(request)
    statement = selectors.enrolment_statement(enrolment=enrolment, month=month)
    _log(request, centre, enrolment.person, f"monthly statement {month:%Y-%m}: deliveries, fee")
    return render(
        request,
        "enrolments/statement.html",
        {"centre": centre, "enrolment": enrolment, "form": form, "statement": statement},
    )


@centre_view("enrolments.view_enrolment")
def enrolment_statement_csv(request, centre, enrolment_id):
    enrolment = selectors.get_enrolment(centre=centre, enrolment_id=enrolment_id)
    _form, month = _month(request)
    statement = selectors.enrolment_statement(enrolment=enrolment, month=month)
    _log(
        request,
        centre,
        enrolment.person,
        f"monthly statement {month:%Y-%m} (export): deliveries, fee",
        AccessPurpose.EXPORT,
    )
    return csv_response(
        f"statement-{month:%Y-%m}-{enrolment.pk}.csv",
        exports.statement_header(),
        exports.statement_rows(statement),
    )


@centre_view("enrolments.view_enrolment")
def fee_list(request, centre):
    form, month = _month(request)
    enrolments = selectors.fee_list(centre=centre, month=month)
    page = paginate(request, enrolments)
    rows = selectors.fee_rows(page.object_list)
    if rows:
        _log(request, centre, centre, f"fee list {month:%Y-%m}: names, services, units, fees")
    return render(
        request,
        "enrolments/fee_list.html",
        {
            "centre": centre,
            "form": form,
            "month": month,
            "page": page,
            "rows": rows,
            "totals": selectors.fee_totals(enrolments),
            "querystring": querystring_without_page(request),
        },
    )


def _fee_export(request, centre):
    _form, month = _month(request)
    rows = selectors.fee_rows(selectors.fee_list(centre=centre, month=month))
    _log(
        request,
        centre,
        centre,
        f"fee list {month:%Y-%m} (export): names, services, units, fees",
        AccessPurpose.EXPORT,
    )
    return month, rows


@centre_view("enrolments.view_enrolment")
def fee_list_csv(request, centre):
    month, rows = _fee_export(request, centre)
    return csv_response(
        f"fee-list-{centre.slug}-{month:%Y-%m}.csv",
        exports.fee_header(),
        exports.fee_list_rows(rows),
    )


@centre_view("enrolments.view_enrolment")
def fee_list_xlsx(request, centre):
    month, rows = _fee_export(request, centre)
    response = HttpResponse(
        exports.fee_list_xlsx(rows, month=month, centre=centre),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="fee-list-{centre.slug}-{month:%Y-%m}.xlsx"'
    )
    return response


# --- the provider ----------------------------------------------------------------------------


def _provider_back(organisation, enrolment) -> str:
    return reverse(
        "organisation:enrolment_detail",
        kwargs={"organisation_slug": organisation.slug, "enrolment_id": enrolment.pk},
    )


@organisation_view("enrolments.record_delivery")
def provider_enrolment_list(request, organisation):
    form = ProviderEnrolmentFilterForm(request.GET or None)
    filters = valid_filters(form)
    page = paginate(
        request,
        selectors.provider_enrolment_list(
            organisation=organisation,
            query=filters.get("q", ""),
            status=filters.get("status", ""),
        ),
    )
    if filters.get("q"):
        # Names found by a search: one access-log row per centre whose people were listed.
        for centre in {e.centre_id: e.centre for e in page.object_list}.values():
            _log(request, centre, centre, f"provider {organisation.name}: search results: names")
    context = {
        "organisation": organisation,
        "form": form,
        "page": page,
        "querystring": querystring_without_page(request),
    }
    return render_list(
        request, "enrolments/provider_enrolment_list.html", "enrolment-table", context
    )


@organisation_view("enrolments.record_delivery")
def provider_enrolment_detail(request, organisation, enrolment_id):
    enrolment = selectors.get_provider_enrolment(
        organisation=organisation, enrolment_id=enrolment_id
    )
    _log(request, enrolment.centre, enrolment.person, PROVIDER_SHOWN % organisation.name)
    return render(
        request,
        "enrolments/provider_enrolment_detail.html",
        {
            "organisation": organisation,
            "enrolment": enrolment,
            "deliveries": selectors.recent_deliveries(enrolment=enrolment),
        },
    )


@organisation_view("enrolments.record_delivery")
def provider_delivery_create(request, organisation, enrolment_id):
    enrolment = selectors.get_provider_enrolment(
        organisation=organisation, enrolment_id=enrolment_id
    )
    return _record(
        request,
        enrolment,
        base={"organisation": organisation},
        back=_provider_back(organisation, enrolment),
    )


@organisation_view("enrolments.record_delivery")
def provider_delivery_edit(request, organisation, delivery_id):
    delivery = selectors.get_provider_delivery(organisation=organisation, delivery_id=delivery_id)
    return _correct(
        request,
        delivery,
        base={"organisation": organisation},
        back=_provider_back(organisation, delivery.enrolment),
    )


@organisation_view("enrolments.record_delivery")
def provider_delivery_delete(request, organisation, delivery_id):
    delivery = selectors.get_provider_delivery(organisation=organisation, delivery_id=delivery_id)
    return _remove(
        request,
        delivery,
        base={"organisation": organisation},
        back=_provider_back(organisation, delivery.enrolment),
    )
