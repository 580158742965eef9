from django.urls import path

from opencus.dashboard import views

app_name = "dashboard"
urlpatterns = [
    path("", views.home, name="home"),
    path("contexts/", views.contexts, name="contexts"),
]
