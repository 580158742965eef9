from django.urls import path

from opencus.contracts import views

C = "contracts/<uuid:contract_id>/"
Q = "complaints/<uuid:complaint_id>/"

# Public pages (mounted at the root, namespace "contracts"): a resident's survey in "my matters".
urlpatterns = [
    path("my/services/<uuid:enrolment_id>/survey/", views.survey_answer, name="survey_answer"),
]

# Mounted under /c/<centre_slug>/: the centre's contracts, their monitoring and quality.
centre_urlpatterns = [
    path("contracts/", views.contract_list, name="contract_list"),
    path("contracts/export.xlsx", views.contract_list_xlsx, name="contract_list_xlsx"),
    path("contracts/new/", views.contract_create, name="contract_create"),
    path("contracts/settings/", views.contracts_settings, name="contracts_settings"),
    path(C, views.contract_detail, name="contract_detail"),
    path(C + "edit/", views.contract_edit, name="contract_edit"),
    path(C + "lines/new/", views.line_add, name="contract_line_add"),
    path(C + "duties/new/", views.duty_add, name="contract_duty_add"),
    path(C + "sign/", views.contract_sign, name="contract_sign"),
    path(C + "settle/", views.contract_settle, name="contract_settle"),
    path(C + "close/", views.contract_close, name="contract_close"),
    path(C + "terminate/", views.contract_terminate, name="contract_terminate"),
    path(C + "monitoring/", views.contract_monitoring, name="contract_monitoring"),
    path(C + "monitoring.xlsx", views.contract_monitoring_xlsx, name="contract_monitoring_xlsx"),
    path(C + "inspections/new/", views.inspection_create, name="inspection_create"),
    path(
        C + "inspections/<uuid:inspection_id>/edit/",
        views.inspection_edit,
        name="inspection_edit",
    ),
    path("contracts/lines/<uuid:line_id>/edit/", views.line_edit, name="contract_line_edit"),
    path("contracts/lines/<uuid:line_id>/remove/", views.line_remove, name="contract_line_remove"),
    path("contracts/duties/<uuid:duty_id>/remove/", views.duty_remove, name="contract_duty_remove"),
    path("contracts/reports/<uuid:report_id>/", views.report_review, name="contract_report"),
    path("partners/<uuid:partnership_id>/scorecard/", views.scorecard, name="partner_scorecard"),
    path(
        "partners/<uuid:partnership_id>/scorecard.pdf",
        views.scorecard_pdf,
        name="partner_scorecard_pdf",
    ),
    path("complaints/", views.complaint_list, name="complaint_list"),
    path("complaints/new/", views.complaint_create, name="complaint_create"),
    path(Q, views.complaint_detail, name="complaint_detail"),
    path(Q + "note/", views.complaint_note, name="complaint_note"),
    path(Q + "answer/", views.complaint_answer, name="complaint_answer"),
    path(Q + "close/", views.complaint_close, name="complaint_close"),
    path("surveys/", views.survey_list, name="survey_list"),
    path("surveys/new/", views.survey_search, name="survey_search"),
    path("surveys/new/<uuid:enrolment_id>/", views.survey_record, name="survey_record"),
]

# Mounted under /o/<organisation_slug>/: the organisation's own contracts, from every centre.
organisation_urlpatterns = [
    path("contracts/", views.organisation_contract_list, name="contract_list"),
    path(C, views.organisation_contract_detail, name="contract_detail"),
    path(C + "monitoring/", views.organisation_contract_monitoring, name="contract_monitoring"),
    path("contracts/reports/<uuid:report_id>/", views.organisation_report, name="contract_report"),
    path("complaints/", views.organisation_complaint_list, name="complaint_list"),
    path(Q, views.organisation_complaint_detail, name="complaint_detail"),
]

network_urlpatterns: list = []
