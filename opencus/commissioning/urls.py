from django.urls import path

from opencus.commissioning import views

C = "commissioning/calls/<uuid:call_id>/"
OFFER = C + "offers/<uuid:offer_id>/"

# Public pages (mounted at the root, namespace "commissioning"): published calls, their
# results, and comments on art. 19a offers.
urlpatterns = [
    path("calls/", views.public_call_list, name="call_list"),
    path("calls/<uuid:call_id>/", views.public_call_detail, name="call_detail"),
    path("calls/<uuid:call_id>/comments/", views.public_comment, name="call_comment"),
]

# Under /c/<centre_slug>/: finding partners, the centre's calls, their evaluation and award.
centre_urlpatterns = [
    path("commissioning/partners/", views.partner_search, name="partner_search"),
    path("commissioning/partners/invite/", views.partner_invite, name="partner_invite"),
    path("commissioning/calls/", views.call_list, name="call_list"),
    path("commissioning/calls/export.csv", views.call_csv, name="call_csv"),
    path("commissioning/calls/new/", views.call_create, name="call_create"),
    path("commissioning/grant-pools/", views.grant_pools, name="grant_pools"),
    path("commissioning/grant-pools/set/", views.grant_pool_set, name="grant_pool_set"),
    path(C, views.call_detail, name="call_detail"),
    path(C + "edit/", views.call_edit, name="call_edit"),
    path(C + "publish/", views.call_publish, name="call_publish"),
    path(C + "notice/", views.call_notice, name="call_notice"),
    path(C + "close/", views.call_close, name="call_close"),
    path(C + "cancel/", views.call_cancel, name="call_cancel"),
    path(C + "assign/", views.call_assign, name="call_assign"),
    path(C + "evaluation/", views.call_evaluation, name="call_evaluation"),
    path(C + "evaluation.csv", views.call_evaluation_csv, name="call_evaluation_csv"),
    path(C + "award/", views.call_award, name="call_award"),
    path(C + "results/", views.call_results, name="call_results"),
    path(OFFER, views.offer_detail, name="offer_detail"),
    path(OFFER + "check/", views.offer_check, name="offer_check"),
    path(OFFER + "score/", views.offer_score, name="offer_score"),
]

# Under /o/<organisation_slug>/: the calls the organisation may answer, and its own offers.
organisation_urlpatterns = [
    path("calls/", views.organisation_call_list, name="call_list"),
    path("calls/<uuid:call_id>/", views.organisation_call_detail, name="call_detail"),
    path("calls/<uuid:call_id>/offer/", views.offer_edit, name="offer_edit"),
    path("offers/", views.organisation_offer_list, name="offer_list"),
    path("offers/<uuid:offer_id>/", views.organisation_offer_detail, name="offer_detail"),
    path("offers/<uuid:offer_id>/submit/", views.offer_submit, name="offer_submit"),
    path("offers/<uuid:offer_id>/withdraw/", views.offer_withdraw, name="offer_withdraw"),
]

network_urlpatterns: list = []
