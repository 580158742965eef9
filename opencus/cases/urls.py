from django.urls import path

from opencus.cases import views

A = "applications/<uuid:application_id>/"

# Mounted under /c/<centre_slug>/ by the root URLconf.
centre_urlpatterns = [
    path("applications/", views.application_list, name="application_list"),
    path("applications/new/", views.application_create, name="application_create"),
    path("applications/settings/", views.policy_edit, name="case_policy"),
    path(A, views.application_detail, name="application_detail"),
    path(A + "register/", views.application_register, name="application_register"),
    path(A + "coordinator/", views.application_assign, name="application_assign"),
    path(A + "completion/", views.completion_request, name="completion_request"),
    path(A + "assessment/plan/", views.assessment_schedule, name="assessment_schedule"),
    path(A + "assessment/", views.assessment_record, name="assessment_record"),
    path(A + "forward/", views.route, name="application_route"),
    path(A + "withdraw/", views.application_withdraw, name="application_withdraw"),
    path(A + "close/", views.application_close, name="application_close"),
    path(
        "completion-requests/<uuid:request_id>/done/",
        views.completion_done,
        name="completion_done",
    ),
    path("subcases/<uuid:subcase_id>/", views.subcase_update, name="subcase_update"),
    path("requested/<uuid:requested_id>/qualify/", views.qualify, name="qualify"),
    path("requested/<uuid:requested_id>/refuse/", views.refuse, name="refuse"),
    path("requested/<uuid:requested_id>/notice.pdf", views.notice_pdf, name="notice_pdf"),
    path("decisions/<uuid:decision_id>/", views.decision_detail, name="decision_detail"),
    path("decisions/<uuid:decision_id>/decision.pdf", views.decision_pdf, name="decision_pdf"),
    path(
        "decisions/<uuid:decision_id>/delivered/",
        views.decision_delivered,
        name="decision_delivered",
    ),
    path("decisions/<uuid:decision_id>/appeal/", views.appeal_record, name="appeal_record"),
    path("appeals/<uuid:appeal_id>/sent/", views.appeal_sent, name="appeal_sent"),
    path("appeals/<uuid:appeal_id>/outcome/", views.appeal_outcome, name="appeal_outcome"),
    path("limits/", views.limit_list, name="limit_list"),
    path("limits/<uuid:limit_id>/", views.limit_detail, name="limit_detail"),
    path("waiting-list/<uuid:entry_id>/reply/", views.offer_reply, name="offer_reply"),
]
