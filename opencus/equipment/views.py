from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from opencus.accounts.context import centre_view
from opencus.accounts.rules import can
from opencus.audit.models import AccessPurpose
from opencus.audit.services import access_log_record
from opencus.core.exports import csv_response
from opencus.core.forms import add_service_errors, valid_filters
from opencus.core.pagination import paginate, querystring_without_page
from opencus.core.views import render_list
from opencus.equipment import exports, selectors, services, tasks
from opencus.equipment.forms import (
    CancelForm,
    ItemFilterForm,
    ItemForm,
    LoanForm,
    PersonSearchForm,
    ReservationFilterForm,
    ReservationForm,
    ReservationLoanForm,
    ReturnForm,
)
from opencus.people import selectors as people_selectors

VIEW = "equipment.view_equipment"
MANAGE = "equipment.manage_equipment"
CANDIDATES = 20  # people a search offers to choose from


def _to_item(centre, item):
    return redirect("centre:equipment_detail", centre_slug=centre.slug, equipment_id=item.pk)


def _log(request, centre, subject, fields: str):
    access_log_record(
        request=request,
        subject=subject,
        centre=centre,
        purpose=AccessPurpose.CASE_HANDLING,
        fields=fields,
    )


# --- inventory -----------------------------------------------------------------------------


def _filtered(request, centre):
    form = ItemFilterForm(request.GET or None)
    filters = valid_filters(form)
    items = selectors.item_list(
        centre=centre,
        query=filters.get("q", ""),
        kind=filters.get("kind", ""),
        condition=filters.get("condition", ""),
        availability=filters.get("availability", ""),
    )
    return form, items


@centre_view(VIEW)
def equipment_list(request, centre):
    form, items = _filtered(request, centre)
    page = paginate(request, items)
    today = timezone.localdate()
    for item in page.object_list:
        item.availability = selectors.item_availability(item, today)
    context = {
        "centre": centre,
        "form": form,
        "page": page,
        "querystring": querystring_without_page(request),
        "can_manage": can(request.user, MANAGE, centre),
    }
    return render_list(request, "equipment/item_list.html", "item-table", context)


@centre_view(VIEW)
def equipment_csv(request, centre):
    _form, items = _filtered(request, centre)
    today = timezone.localdate()
    return csv_response(
        f"equipment-{centre.slug}-{today:%Y%m%d}.csv",
        exports.item_header(),
        exports.item_rows(items.iterator(chunk_size=500), today=today),
    )


def _item_form(request, centre, item=None):
    form = ItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            if item is None:
                saved = services.item_create(centre=centre, by=request.user, **form.cleaned_data)
            else:
                saved = services.item_update(item=item, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if item is None:
                messages.success(request, _("The item was added to the inventory."))
            else:
                messages.success(request, _("The item was saved."))
            return _to_item(centre, saved)
    return render(
        request, "equipment/item_form.html", {"centre": centre, "form": form, "item": item}
    )


@centre_view(MANAGE)
def equipment_create(request, centre):
    return _item_form(request, centre)


@centre_view(MANAGE)
def equipment_edit(request, centre, equipment_id):
    return _item_form(request, centre, selectors.get_item(centre=centre, item_id=equipment_id))


@centre_view(VIEW)
def equipment_detail(request, centre, equipment_id):
    item = selectors.get_item(centre=centre, item_id=equipment_id)
    loans = paginate(request, selectors.item_loans(item=item))
    reservations = list(selectors.item_reservations(item=item))
    current = selectors.open_loan(item=item) if item.is_lent else None
    if loans.object_list or reservations:
        _log(
            request,
            centre,
            item,
            f"borrowers: names, loan dates ({len(loans.object_list)} loans), "
            f"waiting reservations ({len(reservations)})",
        )
    return render(
        request,
        "equipment/item_detail.html",
        {
            "centre": centre,
            "item": item,
            "page": loans,
            "querystring": querystring_without_page(request),
            "current": current,
            "availability": selectors.item_availability(item, timezone.localdate()),
            "reservations": reservations,
            "can_manage": can(request.user, MANAGE, centre),
        },
    )


# --- choosing a person ---------------------------------------------------------------------


def _person_search(request, centre):
    """The query typed into the person search, and the people it finds (logged as a read)."""
    search = PersonSearchForm(request.GET or None)
    query = valid_filters(search).get("q", "")
    found = (
        list(people_selectors.person_list(centre=centre, query=query)[:CANDIDATES]) if query else []
    )
    if found:
        _log(request, centre, centre, f"search results: names, birth dates ({len(found)})")
    return search, query, found


# --- loans ---------------------------------------------------------------------------------


@centre_view(MANAGE)
def equipment_lend(request, centre, equipment_id):
    item = selectors.get_item(centre=centre, item_id=equipment_id)
    search, query, found = _person_search(request, centre)
    form = LoanForm(request.POST or None, people=people_selectors.person_list(centre=centre))
    if request.method == "POST" and form.is_valid():
        try:
            loan = services.loan_create(item=item, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("%(item)s is lent to %(person)s until %(date)s.")
                % {"item": item, "person": loan.person, "date": f"{loan.due_on:%Y-%m-%d}"},
            )
            return _to_item(centre, item)
    form.show_only(found)
    reservations = list(selectors.item_reservations(item=item))
    if reservations:
        _log(request, centre, item, f"waiting reservations: names ({len(reservations)})")
    return render(
        request,
        "equipment/lend.html",
        {
            "centre": centre,
            "item": item,
            "search": search,
            "query": query,
            "form": form,
            "reservations": reservations,
        },
    )


@centre_view(MANAGE)
def equipment_loan_return(request, centre, loan_id):
    loan = selectors.get_loan(centre=centre, loan_id=loan_id)
    if not loan.is_open:
        messages.warning(request, _("This loan was already returned."))
        return _to_item(centre, loan.item)
    form = ReturnForm(request.POST or None, initial={"returned_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            returned = services.loan_return(loan=loan, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("%(item)s is back, in condition: %(condition)s.")
                % {"item": returned.item, "condition": returned.item.get_condition_display()},
            )
            return _to_item(centre, loan.item)
    _log(request, centre, loan.person, "equipment loan: item, dates, notes")
    return render(
        request,
        "equipment/return.html",
        {"centre": centre, "loan": loan, "form": form, "today": timezone.localdate()},
    )


@centre_view(VIEW)
def equipment_overdue(request, centre):
    today = timezone.localdate()
    page = paginate(request, selectors.overdue_loans(centre=centre, today=today))
    if page.object_list:
        _log(
            request,
            centre,
            centre,
            f"overdue loans: borrowers' names, phones, e-mails ({len(page.object_list)})",
        )
    return render(
        request,
        "equipment/overdue.html",
        {
            "centre": centre,
            "page": page,
            "querystring": querystring_without_page(request),
            "today": today,
            "can_manage": can(request.user, MANAGE, centre),
        },
    )


@centre_view(MANAGE)
def equipment_remind(request, centre):
    """POST only: queue today's reminders of the centre's overdue loans now."""
    if request.method == "POST":
        loans = tasks.remind_overdue_borrowers(centre=centre, by=request.user)
        if loans:
            messages.success(
                request,
                ngettext(
                    "%(count)d reminder is being sent by e-mail.",
                    "%(count)d reminders are being sent by e-mail.",
                    len(loans),
                )
                % {"count": len(loans)},
            )
        else:
            messages.warning(
                request,
                _("No reminder to send: borrowers with an e-mail have been reminded today."),
            )
        unreachable = selectors.without_email_count(centre=centre)
        if unreachable:
            messages.warning(
                request,
                ngettext(
                    "%(count)d overdue borrower has no e-mail: call them.",
                    "%(count)d overdue borrowers have no e-mail: call them.",
                    unreachable,
                )
                % {"count": unreachable},
            )
    return redirect("centre:equipment_overdue", centre_slug=centre.slug)


# --- reservations --------------------------------------------------------------------------


@centre_view(VIEW)
def equipment_reservation_list(request, centre):
    form = ReservationFilterForm(request.GET or None)
    kind = valid_filters(form).get("kind", "")
    page = paginate(request, selectors.reservation_list(centre=centre, kind=kind))
    if page.object_list:
        _log(request, centre, centre, f"equipment reservations: names ({len(page.object_list)})")
    context = {
        "centre": centre,
        "form": form,
        "page": page,
        "querystring": querystring_without_page(request),
        "can_manage": can(request.user, MANAGE, centre),
    }
    return render_list(request, "equipment/reservation_list.html", "reservation-table", context)


def _reserve(request, centre, item=None):
    search, query, found = _person_search(request, centre)
    form = ReservationForm(
        request.POST or None, people=people_selectors.person_list(centre=centre), item=item
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.reservation_create(
                centre=centre, by=request.user, item=item, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The reservation was recorded."))
            if item is not None:
                return _to_item(centre, item)
            return redirect("centre:equipment_reservation_list", centre_slug=centre.slug)
    form.show_only(found)
    return render(
        request,
        "equipment/reserve.html",
        {"centre": centre, "item": item, "search": search, "query": query, "form": form},
    )


@centre_view(MANAGE)
def equipment_reserve(request, centre, equipment_id):
    return _reserve(request, centre, selectors.get_item(centre=centre, item_id=equipment_id))


@centre_view(MANAGE)
def equipment_reservation_create(request, centre):
    return _reserve(request, centre)


def _after_reservation(centre, reservation):
    if reservation.item_id:
        return _to_item(centre, reservation.item)
    return redirect("centre:equipment_reservation_list", centre_slug=centre.slug)


@centre_view(MANAGE)
def equipment_reservation_cancel(request, centre, reservation_id):
    reservation = selectors.get_reservation(centre=centre, reservation_id=reservation_id)
    if not reservation.is_waiting:
        messages.warning(request, _("This reservation is no longer waiting."))
        return _after_reservation(centre, reservation)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.reservation_cancel(
                reservation=reservation, by=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The reservation was cancelled."))
            return _after_reservation(centre, reservation)
    _log(request, centre, reservation.person, "equipment reservation: name, what, from when")
    return render(
        request,
        "equipment/reservation_cancel.html",
        {"centre": centre, "reservation": reservation, "form": form},
    )


@centre_view(MANAGE)
def equipment_reservation_lend(request, centre, reservation_id):
    reservation = selectors.get_reservation(centre=centre, reservation_id=reservation_id)
    if not reservation.is_waiting:
        messages.warning(request, _("This reservation is no longer waiting."))
        return _after_reservation(centre, reservation)
    if reservation.item_id:
        items = selectors.item_list(centre=centre).filter(pk=reservation.item_id)
    else:
        items = selectors.lendable_items(centre=centre, kind=reservation.kind)
    form = ReservationLoanForm(
        request.POST or None, items=items, initial={"item": reservation.item_id}
    )
    if request.method == "POST" and form.is_valid():
        try:
            loan = services.loan_create(
                person=reservation.person,
                reservation=reservation,
                by=request.user,
                **form.cleaned_data,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("%(item)s is lent to %(person)s until %(date)s.")
                % {"item": loan.item, "person": loan.person, "date": f"{loan.due_on:%Y-%m-%d}"},
            )
            return _to_item(centre, loan.item)
    _log(request, centre, reservation.person, "equipment reservation: name, what, from when")
    return render(
        request,
        "equipment/reservation_lend.html",
        {"centre": centre, "reservation": reservation, "form": form},
    )
