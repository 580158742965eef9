from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from opencus.accounts.context import centre_view
from opencus.accounts.rules import can
from opencus.catalogue import selectors, services, spreadsheets
from opencus.catalogue.enums import SERVICE_STATUS_TRANSITIONS, ServiceStatus
from opencus.catalogue.forms import (
    ImportForm,
    LocationForm,
    ScheduleForm,
    ServiceFilterForm,
    ServiceForm,
    ServiceLocationForm,
    StatusChangeForm,
)
from opencus.core.exports import csv_response
from opencus.core.forms import add_service_errors, valid_filters
from opencus.core.pagination import paginate, querystring_without_page
from opencus.core.views import render_list


def _to_service(centre, service):
    return redirect("centre:service_detail", centre_slug=centre.slug, service_id=service.pk)


def _filtered(request, centre):
    form = ServiceFilterForm(request.GET or None)
    filters = valid_filters(form)
    services_ = selectors.staff_service_list(
        centre=centre,
        query=filters.get("q", ""),
        status=filters.get("status", ""),
        area=filters.get("area", ""),
    )
    return form, services_


@centre_view("catalogue.view_catalogue")
def service_list(request, centre):
    form, services_ = _filtered(request, centre)
    context = {
        "centre": centre,
        "form": form,
        "page": paginate(request, services_),
        "querystring": querystring_without_page(request),
        "can_manage": can(request.user, "catalogue.manage_catalogue", centre),
    }
    return render_list(request, "catalogue/service_list.html", "service-table", context)


@centre_view("catalogue.view_catalogue")
def service_export(request, centre):
    _form, services_ = _filtered(request, centre)
    services_ = services_.prefetch_related(
        "target_groups", "needs", "funding", "residents_of", "documents"
    )
    stamp = f"{centre.slug}-{timezone.localdate():%Y%m%d}"
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(
            spreadsheets.export_xlsx(services_),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="catalogue-{stamp}.xlsx"'
        return response
    return csv_response(
        f"catalogue-{stamp}.csv", spreadsheets.export_header(), spreadsheets.export_rows(services_)
    )


@centre_view("catalogue.manage_catalogue")
def service_import(request, centre):
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = spreadsheets.import_services(
                centre=centre,
                by=request.user,
                filename=upload.name,
                content=upload.read(spreadsheets.MAX_BYTES + 1),
            )
        except spreadsheets.SpreadsheetError as exc:
            form.add_error("file", str(exc))
        else:
            if result.ok:
                count = len(result.created)
                messages.success(
                    request,
                    ngettext(
                        "%(count)d service was imported as a draft.",
                        "%(count)d services were imported as drafts.",
                        count,
                    )
                    % {"count": count},
                )
                return redirect(
                    reverse("centre:service_list", kwargs={"centre_slug": centre.slug})
                    + "?status=draft"
                )
    return render(
        request, "catalogue/service_import.html", {"centre": centre, "form": form, "result": result}
    )


def _save_service(request, centre, form, service=None):
    """Create or update from a valid form; returns the service, or None with errors on the form."""
    data = form.service_data()
    if not form.cleaned_data.get("confirm_duplicate"):
        similar = selectors.similar_services(
            centre=centre, name=data["name"], exclude_id=service.pk if service else None
        )
        if similar:
            form.similar = similar
            form.add_error(
                "confirm_duplicate",
                _(
                    "The catalogue already has a service with a similar name. Check the list above; if this one is different, tick the box."
                ),
            )
            return None
    try:
        if service is None:
            return services.service_create(centre=centre, by=request.user, **data)
        return services.service_update(service=service, by=request.user, **data)
    except ValidationError as exc:
        add_service_errors(form, exc)
        return None


@centre_view("catalogue.manage_catalogue")
def service_create(request, centre):
    form = ServiceForm(request.POST or None, centre=centre)
    if request.method == "POST" and form.is_valid():
        service = _save_service(request, centre, form)
        if service:
            messages.success(
                request,
                _("The service was saved as a draft. Add its places and hours, then publish it."),
            )
            return _to_service(centre, service)
    return render(request, "catalogue/service_form.html", {"centre": centre, "form": form})


@centre_view("catalogue.manage_catalogue")
def service_edit(request, centre, service_id):
    service = selectors.get_service(centre=centre, service_id=service_id)
    form = ServiceForm(request.POST or None, instance=service, centre=centre)
    if request.method == "POST" and form.is_valid():
        saved = _save_service(request, centre, form, service)
        if saved:
            messages.success(request, _("The service was saved."))
            return _to_service(centre, saved)
    return render(
        request, "catalogue/service_form.html", {"centre": centre, "form": form, "service": service}
    )


@centre_view("catalogue.view_catalogue")
def service_detail(request, centre, service_id):
    service = selectors.get_service(centre=centre, service_id=service_id)
    can_manage = can(request.user, "catalogue.manage_catalogue", centre)
    return render(
        request,
        "catalogue/service_detail.html",
        {
            "centre": centre,
            "service": service,
            "history": selectors.service_history(service=service),
            "can_manage": can_manage,
            "next_statuses": [
                ServiceStatus(s) for s in sorted(SERVICE_STATUS_TRANSITIONS[service.status])
            ],
            "publish_problems": services.publish_problems(service)
            if service.status != ServiceStatus.PUBLISHED
            else [],
            "location_form": ServiceLocationForm(centre=centre) if can_manage else None,
            "schedule_form": ScheduleForm(service=service) if can_manage else None,
        },
    )


@centre_view("catalogue.manage_catalogue")
def service_status(request, centre, service_id):
    service = selectors.get_service(centre=centre, service_id=service_id)
    form = StatusChangeForm(request.POST or request.GET or None)
    if not form.is_valid():
        return _to_service(centre, service)
    target = ServiceStatus(form.cleaned_data["status"])
    if request.method == "POST":
        try:
            services.service_change_status(
                service=service, by=request.user, status=target, note=form.cleaned_data["note"]
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(
                request, _("The service is now: %(status)s.") % {"status": target.label}
            )
        return _to_service(centre, service)
    return render(
        request,
        "catalogue/service_status.html",
        {"centre": centre, "service": service, "target": target, "form": form},
    )


@centre_view("catalogue.manage_catalogue")
def service_location_add(request, centre, service_id):
    # The object first: another centre's service is a 404 whatever the method.
    service = selectors.get_service(centre=centre, service_id=service_id)
    if request.method != "POST":
        return _to_service(centre, service)
    form = ServiceLocationForm(request.POST, centre=centre)
    if form.is_valid():
        services.service_location_add(service=service, by=request.user, **form.cleaned_data)
        messages.success(request, _("The place was added."))
    else:
        messages.error(request, _("Choose one of the centre's locations."))
    return _to_service(centre, service)


@centre_view("catalogue.manage_catalogue")
def service_location_remove(request, centre, link_id):
    link = selectors.get_service_location(centre=centre, link_id=link_id)
    if request.method == "POST":
        services.service_location_remove(link=link, by=request.user)
        messages.success(request, _("The place was removed from the service."))
        return _to_service(centre, link.service)
    return render(
        request,
        "catalogue/confirm_remove.html",
        {"centre": centre, "service": link.service, "what": link.location},
    )


@centre_view("catalogue.manage_catalogue")
def schedule_add(request, centre, service_id):
    service = selectors.get_service(centre=centre, service_id=service_id)
    if request.method != "POST":
        return _to_service(centre, service)
    form = ScheduleForm(request.POST, service=service)
    if form.is_valid():
        try:
            services.schedule_add(service=service, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The hours were added."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return _to_service(centre, service)


@centre_view("catalogue.manage_catalogue")
def schedule_delete(request, centre, schedule_id):
    schedule = selectors.get_schedule(centre=centre, schedule_id=schedule_id)
    if request.method == "POST":
        services.schedule_delete(schedule=schedule, by=request.user)
        messages.success(request, _("The hours were removed."))
        return _to_service(centre, schedule.service)
    return render(
        request,
        "catalogue/confirm_remove.html",
        {"centre": centre, "service": schedule.service, "what": schedule},
    )


@centre_view("catalogue.view_catalogue")
def location_list(request, centre):
    query = request.GET.get("q", "")[:100]
    return render(
        request,
        "catalogue/location_list.html",
        {
            "centre": centre,
            "query": query,
            "page": paginate(request, selectors.location_list(centre=centre, query=query)),
            "querystring": querystring_without_page(request),
            "can_manage": can(request.user, "catalogue.manage_catalogue", centre),
        },
    )


def _location_form(request, centre, location=None):
    form = LocationForm(request.POST or None, instance=location, centre=centre)
    if request.method == "POST" and form.is_valid():
        try:
            services.location_save(
                centre=centre, by=request.user, location=location, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The location was saved."))
            return redirect("centre:location_list", centre_slug=centre.slug)
    return render(
        request,
        "catalogue/location_form.html",
        {"centre": centre, "form": form, "location": location},
    )


@centre_view("catalogue.manage_catalogue")
def location_create(request, centre):
    return _location_form(request, centre)


@centre_view("catalogue.manage_catalogue")
def location_edit(request, centre, location_id):
    return _location_form(
        request, centre, selectors.get_location(centre=centre, location_id=location_id)
    )
