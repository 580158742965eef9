from django.urls import path

from opencus.providers import views

app_name = "providers"

# Public: /providers/ (self-registration and following it).
urlpatterns = [
    path("register/", views.register, name="register"),
    path("registrations/", views.registrations, name="registrations"),
]

P = "partners/<uuid:partnership_id>/"

# Mounted under /c/<centre_slug>/: the centre's partner organisations.
centre_urlpatterns = [
    path("partners/", views.partner_list, name="partner_list"),
    path("partners/export.csv", views.partner_csv, name="partner_csv"),
    path("partners/pending/", views.pending_list, name="partner_pending"),
    path(P, views.partner_detail, name="partner_detail"),
    path(P + "verify/", views.partner_verify, name="partner_verify"),
    path(P + "refuse/", views.partner_refuse, name="partner_refuse"),
]

# Mounted under /o/<organisation_slug>/: the organisation's own profile and leader.
organisation_urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("profile/edit/", views.profile_edit, name="profile_edit"),
    path("profile/centres/", views.partnership_request, name="partnership_request"),
    path("profile/leader/", views.leader, name="leader"),
]
