import hashlib

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from opencus.accounts.context import public_view
from opencus.catalogue import cache as catalogue_cache
from opencus.catalogue.enums import ServiceArea
from opencus.core.forms import valid_filters
from opencus.core.pagination import paginate, querystring_without_page
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
    # The same query gives the same list until the catalogue changes: it is rendered once per
    # catalogue version. An htmx request (a filter changed) wants only that list, so a cached
    # one is answered before anything else is built.
    version = catalogue_cache.catalogue_version()
    key = hashlib.sha256(
        f"portal-results:{get_language()}:{request.GET.urlencode()}".encode()
    ).hexdigest()
    fragment_only = request.htmx and not request.htmx.history_restore_request
    results_html = catalogue_cache.get(key, version=version)
    if results_html is not None and fragment_only:
        return _with_vary(HttpResponse(results_html))

    form = SearchForm(request.GET or None)
    if results_html is None:
        results_html = catalogue_cache.get_or_set(
            key, lambda: _render_results(request, valid_filters(form)), version=version
        )
    results_html = mark_safe(results_html)
    if fragment_only:
        return _with_vary(HttpResponse(results_html))
    return _with_vary(
        render(request, "portal/search.html", {"form": form, "results_html": results_html})
    )


def _render_results(request, filters: dict) -> str:
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
    context = {
        "page": paginate(request, result.services, per_page=20),
        "querystring": querystring_without_page(request),
        "matched": result.matched,
        "area_counts": [
            (code, label, result.area_counts.get(code, 0)) for code, label in ServiceArea.choices
        ],
        "query": filters.get("q", ""),
    }
    # Without the request: nothing per-user may end up in a shared cache.
    return render_to_string("portal/_results.html", context)


def _with_vary(response):
    patch_vary_headers(response, ["HX-Request"])
    return response


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
