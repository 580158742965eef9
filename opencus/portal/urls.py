from django.urls import path

from opencus.portal import views

app_name = "portal"
urlpatterns = [
    path("services/", views.search, name="search"),
    path("services/<uuid:service_id>/", views.service, name="service"),
    path("find-help/", views.find_help, name="find_help"),
]
