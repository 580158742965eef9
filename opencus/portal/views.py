from django.shortcuts import render

from opencus.accounts.context import public_view
from opencus.catalogue.enums import ServiceArea
from opencus.core.forms import valid_filters
from opencus.core.pagination import paginate, querystring_without_page
from opencus.core.views import render_list
from opencus.portal import selectors
from opencus.portal.forms import SearchForm, WizardForm


def home(request):
    """The portal's home: a search box and the 14 areas (called by the site's home view)."""
    return render(
        request,
        "portal/home.html",
        {"form": SearchForm(), "areas": selectors.area_terms(), "wizard": WizardForm()},
    )


@public_view
def search(request):
    form = SearchForm(request.GET or None)
    filters = valid_filters(form)
    gmina = filters.get("gmina")
    result = selectors.search_services(
        query=filters.get("q", ""),
        area=filters.get("area", ""),
        group=filters.get("group", ""),
        gmina=gmina.code if gmina else "",
        price=filters.get("price", ""),
        delivery=filters.get("delivery", ""),
        age=filters.get("age"),
    )
    querystring = querystring_without_page(request)
    context = {
        "form": form,
        "page": paginate(request, result.services, per_page=20),
        "querystring": querystring,
        "matched": result.matched,
        "area_counts": [
            (code, label, result.area_counts.get(code, 0)) for code, label in ServiceArea.choices
        ],
        "query": filters.get("q", ""),
    }
    return render_list(request, "portal/search.html", "results", context)


@public_view
def service(request, service_id):
    return render(
        request, "portal/service.html", {"service": selectors.get_public_service(service_id)}
    )


@public_view
def find_help(request):
    form = WizardForm(request.GET or None)
    matches = None
    if request.GET and form.is_valid():
        data = form.cleaned_data
        matches = selectors.wizard_matches(
            selectors.Answers(
                age=data["age"],
                needs=data["needs"],
                gmina=data["gmina"],
                travel=data["travel"],
                lives_alone=data["lives_alone"],
                for_whom=data["for_whom"],
            )
        )
    return render(request, "portal/find_help.html", {"form": form, "matches": matches})
