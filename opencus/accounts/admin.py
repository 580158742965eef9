from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from opencus.accounts.forms import AdminUserChangeForm, AdminUserCreationForm
from opencus.accounts.models import Membership, User
from opencus.audit.admin import AccessLoggedAdminMixin
from opencus.territory.models import Centre


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "user"
    extra = 0
    fields = ["role", "centre", "organisation", "network", "started_on", "ended_on"]
    autocomplete_fields = ["centre", "organisation", "network"]


@admin.register(User)
class UserAdmin(AccessLoggedAdminMixin, BaseUserAdmin):
    access_log_fields = "name, e-mail, phone, job title, roles"
    form = AdminUserChangeForm
    add_form = AdminUserCreationForm

    def access_log_centres(self, obj) -> list:
        # The directors of every centre the person works in see that an administrator looked.
        centres = list(
            Centre.objects.filter(
                memberships__user=obj, memberships__ended_on__isnull=True
            ).distinct()
        )
        return centres or [None]

    ordering = ["last_name", "first_name"]
    list_display = ["email", "first_name", "last_name", "is_active", "is_staff", "is_demo"]
    list_filter = ["is_active", "is_staff", "is_superuser", "is_demo"]
    search_fields = ["email", "first_name", "last_name"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            _("Profile"),
            {"fields": ["first_name", "last_name", "phone", "job_title", "preferred_language"]},
        ),
        (_("Access"), {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "first_name", "last_name", "password1", "password2"],
            },
        ),
    ]
    readonly_fields = ["last_login", "date_joined"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "centre", "organisation", "network", "started_on", "ended_on"]
    list_filter = ["role", "ended_on"]
    search_fields = [
        "user__email",
        "user__last_name",
        "centre__name",
        "organisation__name",
        "network__name",
    ]
    autocomplete_fields = ["user", "centre", "organisation", "network"]
    list_select_related = ["user", "centre", "organisation", "network"]
    readonly_fields = ["created_at", "created_by", "ended_by"]
