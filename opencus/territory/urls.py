from django.urls import path

from opencus.territory import views

app_name = "territory"
urlpatterns = [
    path("territory/", views.voivodeship_list, name="voivodeship_list"),
    path("territory/<str:code>/", views.voivodeship_detail, name="voivodeship_detail"),
    path("gminas/<str:code>/", views.gmina_detail, name="gmina_detail"),
    path("centres/", views.centre_list, name="centre_list"),
    path("centres/<slug:slug>/", views.centre_public, name="centre_public"),
]

# Mounted under /c/<centre_slug>/ by the root URLconf.
centre_urlpatterns = [
    path("centre/", views.centre_detail, name="detail"),
    path("centre/edit/", views.centre_edit, name="edit"),
    path("centre/status/", views.centre_status, name="status"),
]
