from django.urls import path

from opencus.plans import views

# Mounted under /c/<centre_slug>/ by the root URLconf.
centre_urlpatterns = [
    path("plans/", views.plan_list, name="plan_list"),
    path("plans/new/", views.plan_create, name="plan_create"),
    path("plans/caseload/", views.caseload, name="plan_caseload"),
    path("plans/caseload/<uuid:user_id>/", views.caseload_of, name="plan_caseload_of"),
    path("plans/supervision/", views.supervision, name="plan_supervision"),
    path("plans/authorisations/", views.authorisation_list, name="plan_authorisations"),
    path(
        "plans/authorisations/<uuid:authorisation_id>/revoke/",
        views.authorisation_revoke,
        name="plan_authorisation_revoke",
    ),
    path("plans/<uuid:plan_id>/", views.plan_detail, name="plan_detail"),
    path("plans/<uuid:plan_id>/pdf/", views.plan_pdf, name="plan_pdf"),
    path("plans/<uuid:plan_id>/edit/", views.plan_edit, name="plan_edit"),
    path("plans/<uuid:plan_id>/goals/new/", views.goal_add, name="plan_goal_add"),
    path("plans/<uuid:plan_id>/services/new/", views.item_add, name="plan_item_add"),
    path("plans/<uuid:plan_id>/support/new/", views.support_add, name="plan_support_add"),
    path("plans/<uuid:plan_id>/agreement/", views.plan_agree, name="plan_agree"),
    path("plans/<uuid:plan_id>/submit/", views.plan_submit, name="plan_submit"),
    path("plans/<uuid:plan_id>/approve/", views.plan_approve, name="plan_approve"),
    path("plans/<uuid:plan_id>/return/", views.plan_return, name="plan_return"),
    path("plans/<uuid:plan_id>/revise/", views.plan_revise, name="plan_revise"),
    path("plans/<uuid:plan_id>/contacts/new/", views.contact_add, name="plan_contact_add"),
    path("plans/<uuid:plan_id>/end/", views.plan_end, name="plan_end"),
    path("plans/<uuid:plan_id>/close/", views.plan_close, name="plan_close"),
    path("plan-goals/<uuid:goal_id>/edit/", views.goal_edit, name="plan_goal_edit"),
    path("plan-goals/<uuid:goal_id>/remove/", views.goal_remove, name="plan_goal_remove"),
    path("plan-services/<uuid:item_id>/edit/", views.item_edit, name="plan_item_edit"),
    path("plan-services/<uuid:item_id>/remove/", views.item_remove, name="plan_item_remove"),
    path("plan-support/<uuid:support_id>/edit/", views.support_edit, name="plan_support_edit"),
    path(
        "plan-support/<uuid:support_id>/remove/",
        views.support_remove,
        name="plan_support_remove",
    ),
]
