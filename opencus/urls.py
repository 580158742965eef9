"""Root URLconf. Staff pages live under their context: /c/<centre>/, /o/<organisation>/, /n/<network>/."""

from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from opencus.accounts.context import public_view
from opencus.accounts.urls import centre_urlpatterns as accounts_centre
from opencus.audit.urls import centre_urlpatterns as audit_centre
from opencus.cases.urls import centre_urlpatterns as cases_centre
from opencus.catalogue.urls import centre_urlpatterns as catalogue_centre
from opencus.commissioning import urls as commissioning_urls
from opencus.contracts import urls as contracts_urls
from opencus.cooperation import urls as cooperation_urls
from opencus.dashboard import views as dashboard_views
from opencus.enrolments.urls import centre_urlpatterns as enrolments_centre
from opencus.enrolments.urls import organisation_urlpatterns as enrolments_organisation
from opencus.equipment.urls import centre_urlpatterns as equipment_centre
from opencus.people.urls import centre_urlpatterns as people_centre
from opencus.plans.urls import centre_urlpatterns as plans_centre
from opencus.providers.urls import centre_urlpatterns as providers_centre
from opencus.providers.urls import organisation_urlpatterns as providers_organisation
from opencus.providers.urls import profile_urlpatterns as providers_profiles
from opencus.referrals.urls import centre_urlpatterns as referrals_centre
from opencus.referrals.urls import organisation_urlpatterns as referrals_organisation
from opencus.residents.urls import centre_urlpatterns as residents_centre
from opencus.territory.urls import centre_urlpatterns as territory_centre

centre_patterns = [
    path("", dashboard_views.centre_dashboard, name="dashboard"),
    *territory_centre,
    *accounts_centre,
    *audit_centre,
    *catalogue_centre,
    *people_centre,
    *cases_centre,
    *plans_centre,
    *residents_centre,
    *equipment_centre,
    *enrolments_centre,
    *referrals_centre,
    *providers_centre,
    *commissioning_urls.centre_urlpatterns,
    *contracts_urls.centre_urlpatterns,
    *cooperation_urls.centre_urlpatterns,
]
organisation_patterns = [
    path("", dashboard_views.organisation_dashboard, name="dashboard"),
    *enrolments_organisation,
    *referrals_organisation,
    *providers_organisation,
    *commissioning_urls.organisation_urlpatterns,
    *contracts_urls.organisation_urlpatterns,
    *cooperation_urls.organisation_urlpatterns,
]
network_patterns = [
    path("", dashboard_views.network_dashboard, name="dashboard"),
    *commissioning_urls.network_urlpatterns,
    *contracts_urls.network_urlpatterns,
    *cooperation_urls.network_urlpatterns,
]

urlpatterns = [
    path("", include("opencus.dashboard.urls")),
    path("", include("opencus.territory.urls")),
    path("accounts/", include("opencus.accounts.urls")),
    path("my/", include("opencus.residents.urls")),
    path("providers/", include("opencus.providers.urls")),
    path("", include((providers_profiles, "organisations"))),
    path("c/<slug:centre_slug>/", include((centre_patterns, "centre"))),
    path("o/<slug:organisation_slug>/", include((organisation_patterns, "organisation"))),
    path("n/<slug:network_slug>/", include((network_patterns, "network"))),
    path("", include("opencus.portal.urls")),
    # public pages of the apps, each in its own namespace (e.g. "commissioning:call_list")
    path("", include((commissioning_urls.urlpatterns, "commissioning"))),
    path("", include((contracts_urls.urlpatterns, "contracts"))),
    path("", include((cooperation_urls.urlpatterns, "cooperation"))),
    path("hsds/", include("opencus.api.urls")),
    path("i18n/setlang/", public_view(set_language), name="set_language"),
    path("admin/", admin.site.urls),
]
