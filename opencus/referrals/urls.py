from django.urls import path

from opencus.referrals import views

R = "referrals/<uuid:referral_id>/"
IN = "referrals/incoming/<uuid:incoming_id>/"

# Mounted under /c/<centre_slug>/: the centre's own referrals, and those it receives.
centre_urlpatterns = [
    path("referrals/", views.referral_list, name="referral_list"),
    path("referrals/export.csv", views.referral_csv, name="referral_csv"),
    path("referrals/new/", views.referral_create, name="referral_create"),
    path("referrals/settings/", views.referral_settings, name="referral_settings"),
    path(R, views.referral_detail, name="referral_detail"),
    path(R + "withdraw/", views.referral_withdraw, name="referral_withdraw"),
    path(R + "record/<slug:action>/", views.referral_record, name="referral_record"),
    path("referrals/incoming/", views.incoming_referral_list, name="incoming_referral_list"),
    path(IN, views.incoming_referral_detail, name="incoming_referral_detail"),
    path(IN + "<slug:action>/", views.incoming_referral_answer, name="incoming_referral_answer"),
]

# Mounted under /o/<organisation_slug>/: the provider sees only the referrals addressed to it.
organisation_urlpatterns = [
    path("referrals/", views.organisation_referral_list, name="referral_list"),
    path(R, views.organisation_referral_detail, name="referral_detail"),
    path(R + "<slug:action>/", views.organisation_referral_answer, name="referral_answer"),
]
