from django.urls import path

from opencus.providers import views

app_name = "providers"

# Public: /providers/ (self-registration and following it).
urlpatterns = [
    path("register/", views.register, name="register"),
    path("registrations/", views.registrations, name="registrations"),
]

# Public, mounted at the root in the "organisations" namespace: an organisation's own page.
profile_urlpatterns = [
    path("organisations/<slug:profile_slug>/", views.public_profile, name="profile"),
]

P = "partners/<uuid:partnership_id>/"
CARD = "partners/cards/<uuid:card_id>/"
FOLDER = "partners/portfolios/<uuid:portfolio_id>/"

# Mounted under /c/<centre_slug>/: the centre's partner organisations and their documents.
centre_urlpatterns = [
    path("partners/", views.partner_list, name="partner_list"),
    path("partners/export.csv", views.partner_csv, name="partner_csv"),
    path("partners/pending/", views.pending_list, name="partner_pending"),
    path(P, views.partner_detail, name="partner_detail"),
    path(P + "verify/", views.partner_verify, name="partner_verify"),
    path(P + "refuse/", views.partner_refuse, name="partner_refuse"),
    path(CARD, views.partner_card, name="partner_card"),
    path(CARD + "pdf/", views.partner_card_pdf, name="partner_card_pdf"),
    path("partners/portfolios/", views.portfolio_received, name="portfolio_received"),
    path(
        "partners/portfolios/export.csv",
        views.portfolio_received_csv,
        name="portfolio_received_csv",
    ),
    path(FOLDER, views.partner_portfolio, name="partner_portfolio"),
    path(FOLDER + "pdf/", views.partner_portfolio_pdf, name="partner_portfolio_pdf"),
    path(
        "partners/submissions/<uuid:submission_id>/acknowledge/",
        views.portfolio_acknowledge,
        name="portfolio_acknowledge",
    ),
]

S = "portfolio/specialisations/<uuid:specialisation_id>/"
E = "portfolio/experience/<uuid:experience_id>/"
R = "portfolio/references/<uuid:reference_id>/"

# Mounted under /o/<organisation_slug>/: the organisation's own profile, leader and documents.
organisation_urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("profile/edit/", views.profile_edit, name="profile_edit"),
    path("profile/centres/", views.partnership_request, name="partnership_request"),
    path("profile/leader/", views.leader, name="leader"),
    # the attributes card (seed 003 §2.1)
    path("card/", views.card, name="card"),
    path("card/start/", views.card_start, name="card_start"),
    path("card/edit/", views.card_edit, name="card_edit"),
    path("card/finalise/", views.card_finalise, name="card_finalise"),
    path("card/<uuid:card_id>/", views.card_detail, name="card_detail"),
    path("card/<uuid:card_id>/pdf/", views.card_pdf, name="card_pdf"),
    # the portfolio (seed 003 §2.3)
    path("portfolio/", views.portfolio, name="portfolio"),
    path("portfolio/start/", views.portfolio_start, name="portfolio_start"),
    path("portfolio/edit/", views.portfolio_edit, name="portfolio_edit"),
    path("portfolio/finalise/", views.portfolio_finalise, name="portfolio_finalise"),
    path(
        "portfolio/specialisations/new/",
        views.specialisation_create,
        name="specialisation_create",
    ),
    path(S, views.specialisation_edit, name="specialisation_edit"),
    path(S + "delete/", views.specialisation_delete, name="specialisation_delete"),
    path(S + "experience/new/", views.experience_create, name="experience_create"),
    path(S + "references/new/", views.reference_create, name="reference_create"),
    path(E, views.experience_edit, name="experience_edit"),
    path(E + "delete/", views.experience_delete, name="experience_delete"),
    path(R, views.reference_edit, name="reference_edit"),
    path(R + "delete/", views.reference_delete, name="reference_delete"),
    path("portfolio/<uuid:portfolio_id>/", views.portfolio_detail, name="portfolio_detail"),
    path("portfolio/<uuid:portfolio_id>/pdf/", views.portfolio_pdf, name="portfolio_pdf"),
    path("portfolio/<uuid:portfolio_id>/send/", views.portfolio_send, name="portfolio_send"),
]
