from django.urls import path

from opencus.residents import views

app_name = "residents"
urlpatterns = [
    path("", views.home, name="home"),
    path("signup/", views.sign_up, name="sign_up"),
    path("verify/<uidb64>/<token>/", views.verify, name="verify"),
    path("verify/again/", views.verify_resend, name="verify_resend"),
    path("apply/<slug:centre_slug>/", views.apply, name="apply"),
    path("offers/<uuid:entry_id>/", views.offer_reply, name="offer_reply"),
    path("documents/notices/<uuid:requested_id>.pdf", views.notice_pdf, name="notice_pdf"),
    path("documents/decisions/<uuid:decision_id>.pdf", views.decision_pdf, name="decision_pdf"),
    path("messages/<uuid:message_id>/", views.message_detail, name="message_detail"),
    path("plans/<uuid:plan_id>.pdf", views.plan_pdf, name="plan_pdf"),
    path("data/<uuid:person_id>.json", views.export_json, name="export_json"),
    path("data/<uuid:person_id>.pdf", views.export_pdf, name="export_pdf"),
]

# Mounted under /c/<centre_slug>/ by the root URLconf.
centre_urlpatterns = [
    path("people/<uuid:person_id>/message/", views.staff_message, name="person_message"),
]
