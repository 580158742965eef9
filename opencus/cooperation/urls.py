from django.urls import path

from opencus.cooperation import views

# Public pages (mounted at the root by opencus/urls.py): none.
urlpatterns: list = []

W = "cooperation/workshops/<uuid:workshop_id>/"
P = "cooperation/pilots/<uuid:pilot_id>/"

# Mounted under /c/<centre_slug>/: the centre's workshops, pilots, contributions, indicators.
centre_urlpatterns = [
    path("cooperation/", views.workshop_list, name="workshop_list"),
    path("cooperation/workshops.csv", views.workshop_csv, name="workshop_csv"),
    path("cooperation/workshops/new/", views.workshop_create, name="workshop_create"),
    path(W, views.workshop_detail, name="workshop_detail"),
    path(W + "edit/", views.workshop_edit, name="workshop_edit"),
    path(W + "participants/new/", views.participant_add, name="workshop_participant_add"),
    path(
        W + "participants/<uuid:participant_id>/remove/",
        views.participant_remove,
        name="workshop_participant_remove",
    ),
    path(W + "outcomes/", views.workshop_outcomes, name="workshop_outcomes"),
    path(W + "cancel/", views.workshop_cancel, name="workshop_cancel"),
    path(W + "pilot/", views.pilot_create, name="pilot_create"),
    path("cooperation/pilots/", views.pilot_list, name="pilot_list"),
    path("cooperation/pilots.csv", views.pilot_csv, name="pilot_csv"),
    path(P, views.pilot_detail, name="pilot_detail"),
    path(P + "edit/", views.pilot_edit, name="pilot_edit"),
    path(P + "team/new/", views.member_add, name="pilot_member_add"),
    path(P + "team/<uuid:member_id>/remove/", views.member_remove, name="pilot_member_remove"),
    path(P + "start/", views.pilot_start, name="pilot_start"),
    path(P + "close/", views.pilot_close, name="pilot_close"),
    path(P + "report.pdf", views.pilot_report_pdf, name="pilot_report_pdf"),
    path("cooperation/contributions/", views.contribution_list, name="contribution_list"),
    path(
        "cooperation/contributions/<uuid:contribution_id>/respond/",
        views.contribution_respond,
        name="contribution_respond",
    ),
    path("cooperation/indicators/", views.centre_indicators, name="cooperation_indicators"),
    path(
        "cooperation/indicators.csv",
        views.centre_indicators_csv,
        name="cooperation_indicators_csv",
    ),
]

# Mounted under /o/<organisation_slug>/: the organisation's own workshops and pilots.
organisation_urlpatterns = [
    path("cooperation/", views.organisation_workshop_list, name="cooperation_workshop_list"),
    path("cooperation/pilots/", views.organisation_pilot_list, name="cooperation_pilot_list"),
    path(W, views.organisation_workshop_detail, name="cooperation_workshop_detail"),
    path(W + "confirm/", views.organisation_workshop_confirm, name="cooperation_workshop_confirm"),
    path(W + "remarks/", views.organisation_workshop_remarks, name="cooperation_workshop_remarks"),
    path(P, views.organisation_pilot_detail, name="cooperation_pilot_detail"),
    path(
        P + "contributions/new/",
        views.organisation_contribution_create,
        name="cooperation_contribution_create",
    ),
    path(
        P + "report.pdf", views.organisation_pilot_report_pdf, name="cooperation_pilot_report_pdf"
    ),
]

# Mounted under /n/<network_slug>/: the indicators of the network's centres.
network_urlpatterns = [
    path("indicators/", views.network_indicators, name="cooperation_indicators"),
    path("indicators.csv", views.network_indicators_csv, name="cooperation_indicators_csv"),
]
