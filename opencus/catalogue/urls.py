from django.urls import path

from opencus.catalogue import views

# Mounted under /c/<centre_slug>/ by the root URLconf.
centre_urlpatterns = [
    path("catalogue/", views.service_list, name="service_list"),
    path("catalogue/export/", views.service_export, name="service_export"),
    path("catalogue/import/", views.service_import, name="service_import"),
    path("catalogue/new/", views.service_create, name="service_create"),
    path("catalogue/<uuid:service_id>/", views.service_detail, name="service_detail"),
    path("catalogue/<uuid:service_id>/edit/", views.service_edit, name="service_edit"),
    path("catalogue/<uuid:service_id>/status/", views.service_status, name="service_status"),
    path(
        "catalogue/<uuid:service_id>/places/",
        views.service_location_add,
        name="service_location_add",
    ),
    path("catalogue/<uuid:service_id>/hours/", views.schedule_add, name="schedule_add"),
    path(
        "catalogue/places/<uuid:link_id>/remove/",
        views.service_location_remove,
        name="service_location_remove",
    ),
    path(
        "catalogue/hours/<uuid:schedule_id>/remove/", views.schedule_delete, name="schedule_delete"
    ),
    path("locations/", views.location_list, name="location_list"),
    path("locations/new/", views.location_create, name="location_create"),
    path("locations/<uuid:location_id>/edit/", views.location_edit, name="location_edit"),
]
