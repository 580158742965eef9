from django.urls import path

from opencus.equipment import views

# Mounted under /c/<centre_slug>/ by the root URLconf.
centre_urlpatterns = [
    path("equipment/", views.equipment_list, name="equipment_list"),
    path("equipment/export.csv", views.equipment_csv, name="equipment_csv"),
    path("equipment/new/", views.equipment_create, name="equipment_create"),
    path("equipment/overdue/", views.equipment_overdue, name="equipment_overdue"),
    path("equipment/overdue/remind/", views.equipment_remind, name="equipment_remind"),
    path(
        "equipment/reservations/",
        views.equipment_reservation_list,
        name="equipment_reservation_list",
    ),
    path(
        "equipment/reservations/new/",
        views.equipment_reservation_create,
        name="equipment_reservation_create",
    ),
    path(
        "equipment/reservations/<uuid:reservation_id>/cancel/",
        views.equipment_reservation_cancel,
        name="equipment_reservation_cancel",
    ),
    path(
        "equipment/reservations/<uuid:reservation_id>/lend/",
        views.equipment_reservation_lend,
        name="equipment_reservation_lend",
    ),
    path(
        "equipment/loans/<uuid:loan_id>/return/",
        views.equipment_loan_return,
        name="equipment_loan_return",
    ),
    path("equipment/<uuid:equipment_id>/", views.equipment_detail, name="equipment_detail"),
    path("equipment/<uuid:equipment_id>/edit/", views.equipment_edit, name="equipment_edit"),
    path("equipment/<uuid:equipment_id>/lend/", views.equipment_lend, name="equipment_lend"),
    path(
        "equipment/<uuid:equipment_id>/reserve/", views.equipment_reserve, name="equipment_reserve"
    ),
]
