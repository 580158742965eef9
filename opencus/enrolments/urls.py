from django.urls import path

from opencus.enrolments import views

# Mounted under /c/<centre_slug>/ by the root URLconf.
centre_urlpatterns = [
    path("enrolments/", views.enrolment_list, name="enrolment_list"),
    path("enrolments/export.csv", views.enrolment_list_csv, name="enrolment_list_csv"),
    path("enrolments/fees/", views.fee_list, name="fee_list"),
    path("enrolments/fees/export.csv", views.fee_list_csv, name="fee_list_csv"),
    path("enrolments/fees/export.xlsx", views.fee_list_xlsx, name="fee_list_xlsx"),
    path("enrolments/<uuid:enrolment_id>/", views.enrolment_detail, name="enrolment_detail"),
    path("enrolments/<uuid:enrolment_id>/start/", views.enrolment_start, name="enrolment_start"),
    path(
        "enrolments/<uuid:enrolment_id>/suspend/",
        views.enrolment_suspend,
        name="enrolment_suspend",
    ),
    path("enrolments/<uuid:enrolment_id>/resume/", views.enrolment_resume, name="enrolment_resume"),
    path("enrolments/<uuid:enrolment_id>/end/", views.enrolment_end, name="enrolment_end"),
    path("enrolments/<uuid:enrolment_id>/close/", views.enrolment_close, name="enrolment_close"),
    path(
        "enrolments/<uuid:enrolment_id>/deliveries/new/",
        views.delivery_create,
        name="delivery_create",
    ),
    path(
        "enrolments/<uuid:enrolment_id>/statement/",
        views.enrolment_statement,
        name="enrolment_statement",
    ),
    path(
        "enrolments/<uuid:enrolment_id>/statement.csv",
        views.enrolment_statement_csv,
        name="enrolment_statement_csv",
    ),
    path("deliveries/<uuid:delivery_id>/edit/", views.delivery_edit, name="delivery_edit"),
    path("deliveries/<uuid:delivery_id>/delete/", views.delivery_delete, name="delivery_delete"),
]

# Mounted under /o/<organisation_slug>/: the provider sees only what it delivers.
organisation_urlpatterns = [
    path("enrolments/", views.provider_enrolment_list, name="enrolment_list"),
    path(
        "enrolments/<uuid:enrolment_id>/",
        views.provider_enrolment_detail,
        name="enrolment_detail",
    ),
    path(
        "enrolments/<uuid:enrolment_id>/deliveries/new/",
        views.provider_delivery_create,
        name="delivery_create",
    ),
    path("deliveries/<uuid:delivery_id>/edit/", views.provider_delivery_edit, name="delivery_edit"),
    path(
        "deliveries/<uuid:delivery_id>/delete/",
        views.provider_delivery_delete,
        name="delivery_delete",
    ),
]
