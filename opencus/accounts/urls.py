from django.urls import path

from opencus.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.login, name="login"),
    path("logout/", views.logout, name="logout"),
    path("profile/", views.profile, name="profile"),
    path("password/change/", views.password_change, name="password_change"),
    path("password/change/done/", views.password_change_done, name="password_change_done"),
    path("password/reset/", views.password_reset, name="password_reset"),
    path("password/reset/sent/", views.password_reset_done, name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path("password/reset/complete/", views.password_reset_complete, name="password_reset_complete"),
]

# Mounted under /c/<centre_slug>/ by the root URLconf.
centre_urlpatterns = [
    path("staff/", views.staff_list, name="staff_list"),
    path("staff/add/", views.staff_add, name="staff_add"),
    path("staff/<uuid:user_id>/", views.staff_detail, name="staff_detail"),
    path("staff/<uuid:user_id>/edit/", views.staff_edit, name="staff_edit"),
    path("roles/<uuid:membership_id>/end/", views.membership_end, name="membership_end"),
]
