"""/hsds/: the catalogue as the Open Referral HSDS 3.0 API (views in opencus.api.views).

One route per HSDS resource: ``/services`` is the paged collection and ``/services/{id}``
the item (the view gets ``id=None`` for the collection); a trailing slash is accepted. The
id is matched as any text so that a malformed one gets a JSON 400, not an HTML 404.
"""

from django.urls import path, re_path

from opencus.api import views

app_name = "hsds"


def resource(name: str, view):
    return re_path(rf"^{name}(?:/(?P<id>[^/]+))?/?$", view, name=name)


urlpatterns = [
    path("", views.root, name="root"),
    path("openapi.json", views.openapi, name="openapi"),
    resource("services", views.services),
    resource("organizations", views.organizations),
    resource("service_at_locations", views.service_at_locations),
    resource("taxonomies", views.taxonomies),
    resource("taxonomy_terms", views.taxonomy_terms),
]
