from django.urls import path

from opencus.audit import views

# Mounted under /c/<centre_slug>/ by the root URLconf.
centre_urlpatterns = [
    path("audit/access/", views.access_log, name="access_log"),
    path("audit/access.csv", views.access_log_csv, name="access_log_csv"),
    path("audit/changes/", views.change_history, name="change_history"),
    path("audit/changes.csv", views.change_history_csv, name="change_history_csv"),
]
