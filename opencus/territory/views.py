from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from opencus.accounts.context import centre_view, public_view
from opencus.accounts.rules import can
from opencus.core.forms import add_service_errors, valid_filters
from opencus.core.pagination import paginate, querystring_without_page
from opencus.core.views import render_list
from opencus.territory import selectors, services
from opencus.territory.forms import (
    CentreDetailsForm,
    CentreFilterForm,
    CentreStatusForm,
    GminaFilterForm,
)
from opencus.territory.geometry import geometry_to_svg_path
from opencus.territory.models import Gmina, Voivodeship

# --- public pages -------------------------------------------------------------------------


@public_view
def voivodeship_list(request):
    return render(
        request, "territory/voivodeship_list.html", {"voivodeships": selectors.voivodeship_list()}
    )


@public_view
def voivodeship_detail(request, code):
    voivodeship = get_object_or_404(Voivodeship, code=code)
    form = GminaFilterForm(request.GET or None)
    filters = valid_filters(form)
    gminas = selectors.gmina_list(
        voivodeship=voivodeship.code, query=filters.get("q", ""), kind=filters.get("kind", "")
    )
    context = {
        "voivodeship": voivodeship,
        "powiats": selectors.powiats_of(voivodeship),
        "form": form,
        "page": paginate(request, gminas),
        "querystring": querystring_without_page(request),
    }
    return render_list(request, "territory/voivodeship_detail.html", "gmina-table", context)


@public_view
def gmina_detail(request, code):
    gmina = get_object_or_404(Gmina.objects.select_related("powiat__voivodeship"), code=code)
    geometry = selectors.boundary_of(gmina.code)
    return render(
        request,
        "territory/gmina_detail.html",
        {
            "gmina": gmina,
            "boundary": geometry_to_svg_path(geometry) if geometry else None,
            "centres": selectors.centres_serving(gmina),
        },
    )


@public_view
def centre_list(request):
    form = CentreFilterForm(request.GET or None)
    filters = valid_filters(form)
    voivodeship = filters.get("voivodeship")
    centres = selectors.public_centre_list(
        query=filters.get("q", ""),
        voivodeship=voivodeship.code if voivodeship else "",
        status=filters.get("status", ""),
    )
    context = {
        "form": form,
        "page": paginate(request, centres),
        "querystring": querystring_without_page(request),
    }
    return render_list(request, "territory/centre_list.html", "centre-table", context)


@public_view
def centre_public(request, slug):
    centre = get_object_or_404(selectors.centres_with_territory(), slug=slug)
    return render(
        request,
        "territory/centre_public.html",
        {"centre": centre, "history": selectors.centre_status_history(centre=centre)},
    )


# --- centre staff pages -------------------------------------------------------------------


@centre_view("centre.view_centre")
def centre_detail(request, centre):
    centre = selectors.centre_with_territory(centre.pk)
    people, unknown = selectors.population_served(centre)
    return render(
        request,
        "territory/centre_detail.html",
        {
            "centre": centre,
            "history": selectors.centre_status_history(centre=centre),
            "agreements": selectors.centre_agreements(centre=centre),
            "population": people,
            "population_unknown": unknown,
            "can_change": can(request.user, "centre.change_centre", centre),
            "can_change_status": can(request.user, "centre.change_status", centre),
        },
    )


@centre_view("centre.change_centre")
def centre_edit(request, centre):
    form = CentreDetailsForm(request.POST or None, instance=centre)
    if request.method == "POST" and form.is_valid():
        try:
            services.centre_update(centre=centre, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The centre's details were saved."))
            return redirect("centre:detail", centre_slug=centre.slug)
    return render(request, "territory/centre_edit.html", {"centre": centre, "form": form})


@centre_view("centre.change_status")
def centre_status(request, centre):
    form = CentreStatusForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.centre_change_status(centre=centre, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The new status was recorded."))
            return redirect("centre:detail", centre_slug=centre.slug)
    return render(request, "territory/centre_status.html", {"centre": centre, "form": form})
