from django.shortcuts import redirect, render

from opencus.accounts.context import (
    centre_view,
    last_context,
    login_view,
    network_view,
    organisation_view,
    public_view,
    user_contexts,
)
from opencus.accounts.rules import can
from opencus.dashboard import selectors
from opencus.portal import views as portal_views


@public_view
def home(request):
    """Signed in: back to where the user last worked. Otherwise: what OpenCUS is."""
    if request.user.is_authenticated:
        context = last_context(request)
        if context is not None:
            return redirect(context.home_url)
        if not user_contexts(request.user):  # a resident: their own matters
            return redirect("residents:home")
        return redirect("dashboard:contexts")
    return portal_views.home(request)


@login_view("accounts.change_own_profile")
def contexts(request):
    return render(
        request,
        "dashboard/contexts.html",
        {"contexts": user_contexts(request.user)},
    )


@centre_view("centre.view_dashboard")
def centre_dashboard(request, centre):
    return render(
        request,
        "dashboard/centre.html",
        {
            "centre": centre,
            "figures": selectors.centre_figures(centre=centre),
            "roles": request.opencus_context.roles,
            "can_see_logs": can(request.user, "audit.view_access_log", centre),
        },
    )


@organisation_view("organisation.view_dashboard")
def organisation_dashboard(request, organisation):
    return render(
        request,
        "dashboard/organisation.html",
        {
            "organisation": organisation,
            "figures": selectors.organisation_figures(organisation=organisation),
        },
    )


@network_view("network.view_dashboard")
def network_dashboard(request, network):
    return render(
        request,
        "dashboard/network.html",
        {"network": network, "figures": selectors.network_figures(network=network)},
    )
