from django.urls import path

from opencus.people import views

# Mounted under /c/<centre_slug>/ by the root URLconf.
centre_urlpatterns = [
    path("people/", views.person_list, name="person_list"),
    path("people/new/", views.person_create, name="person_create"),
    path("people/<uuid:person_id>/", views.person_detail, name="person_detail"),
    path("people/<uuid:person_id>/edit/", views.person_edit, name="person_edit"),
    path("people/<uuid:person_id>/relations/new/", views.relation_add, name="relation_add"),
    path("people/<uuid:person_id>/consents/new/", views.consent_give, name="consent_give"),
    path(
        "people/<uuid:person_id>/certificates/new/", views.certificate_add, name="certificate_add"
    ),
    path("people/<uuid:person_id>/merge/", views.person_merge, name="person_merge"),
    path("relations/<uuid:relation_id>/end/", views.relation_end, name="relation_end"),
    path("consents/<uuid:consent_id>/withdraw/", views.consent_withdraw, name="consent_withdraw"),
    path(
        "certificates/<uuid:certificate_id>/remove/",
        views.certificate_remove,
        name="certificate_remove",
    ),
]
