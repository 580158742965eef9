from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _

from opencus.accounts import selectors, services
from opencus.accounts.context import centre_view, login_view, public_view
from opencus.accounts.forms import (
    LoginForm,
    MembershipEndForm,
    PasswordResetForm,
    ProfileForm,
    StaffAddForm,
    StaffFilterForm,
    StaffProfileForm,
)
from opencus.accounts.rules import can
from opencus.audit.models import AccessPurpose
from opencus.audit.services import access_log_record
from opencus.core.forms import add_service_errors, valid_filters
from opencus.core.pagination import paginate, querystring_without_page
from opencus.core.views import render_list

login = public_view(
    auth_views.LoginView.as_view(
        template_name="accounts/login.html",
        authentication_form=LoginForm,
        redirect_authenticated_user=True,
    )
)
logout = public_view(auth_views.LogoutView.as_view())
password_reset = public_view(
    auth_views.PasswordResetView.as_view(
        template_name="accounts/password_reset.html",
        form_class=PasswordResetForm,
        email_template_name="accounts/email/password_reset.txt",
        subject_template_name="accounts/email/password_reset_subject.txt",
        success_url=reverse_lazy("accounts:password_reset_done"),
    )
)
password_reset_done = public_view(
    auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html")
)
password_reset_confirm = public_view(
    auth_views.PasswordResetConfirmView.as_view(
        template_name="accounts/password_reset_confirm.html",
        success_url=reverse_lazy("accounts:password_reset_complete"),
    )
)
password_reset_complete = public_view(
    auth_views.PasswordResetCompleteView.as_view(
        template_name="accounts/password_reset_complete.html"
    )
)
password_change = login_view("accounts.change_own_profile")(
    auth_views.PasswordChangeView.as_view(
        template_name="accounts/password_change.html",
        success_url=reverse_lazy("accounts:password_change_done"),
    )
)
password_change_done = login_view("accounts.change_own_profile")(
    auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_change_done.html")
)


@login_view("accounts.change_own_profile")
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.user_update_profile(user=request.user, by=request.user, **form.cleaned_data)
        messages.success(request, _("Your profile was saved."))
        response = redirect("accounts:profile")
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, request.user.preferred_language)
        return response
    return render(request, "accounts/profile.html", {"form": form})


# --- staff of a centre --------------------------------------------------------------------


@centre_view("centre.view_staff")
def staff_list(request, centre):
    form = StaffFilterForm(request.GET or None)
    filters = valid_filters(form)
    page = paginate(
        request,
        selectors.staff_list(
            centre=centre,
            query=filters.get("q", ""),
            role=filters.get("role", ""),
            state=filters.get("state") or "active",
        ),
    )
    memberships = selectors.memberships_for_users(centre=centre, users=page.object_list)
    rows = [(user, memberships.get(user.pk, [])) for user in page.object_list]
    context = {
        "centre": centre,
        "form": form,
        "page": page,
        "rows": rows,
        "querystring": querystring_without_page(request),
        "can_manage": can(request.user, "centre.manage_staff", centre),
    }
    return render_list(request, "accounts/staff_list.html", "staff-table", context)


@centre_view("centre.view_staff")
def staff_detail(request, centre, user_id):
    member = selectors.get_staff_member(centre=centre, user_id=user_id)
    access_log_record(
        request=request,
        subject=member,
        centre=centre,
        purpose=AccessPurpose.STAFF_ADMINISTRATION,
        fields="name, e-mail, phone, job title, roles",
    )
    memberships = selectors.memberships_for_users(centre=centre, users=[member]).get(member.pk, [])
    return render(
        request,
        "accounts/staff_detail.html",
        {
            "centre": centre,
            "member": member,
            "memberships": memberships,
            "can_manage": can(request.user, "centre.manage_staff", centre),
            "can_edit_profile": can(request.user, "centre.manage_staff", centre)
            and services.profile_is_managed_by(user=member, centre=centre),
        },
    )


@centre_view("centre.manage_staff")
def staff_edit(request, centre, user_id):
    member = selectors.get_staff_member(centre=centre, user_id=user_id)
    if not services.profile_is_managed_by(user=member, centre=centre):
        messages.error(request, services.MSG_SHARED_PROFILE)
        return redirect("centre:staff_detail", centre_slug=centre.slug, user_id=member.pk)
    form = StaffProfileForm(request.POST or None, instance=member)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_update_profile(
                user=member, by=request.user, centre=centre, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The profile was saved."))
            return redirect("centre:staff_detail", centre_slug=centre.slug, user_id=member.pk)
    access_log_record(
        request=request,
        subject=member,
        centre=centre,
        purpose=AccessPurpose.STAFF_ADMINISTRATION,
        fields="name, phone, job title",
    )
    return render(
        request, "accounts/staff_edit.html", {"centre": centre, "member": member, "form": form}
    )


@centre_view("centre.manage_staff")
def staff_add(request, centre):
    form = StaffAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.staff_add(centre=centre, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            # The typed address, not the stored name: an existing account's details stay private.
            messages.success(
                request,
                _("%(email)s now holds the role “%(role)s”.")
                % {
                    "email": form.cleaned_data["email"].lower(),
                    "role": membership.get_role_display(),
                },
            )
            return redirect(
                "centre:staff_detail", centre_slug=centre.slug, user_id=membership.user_id
            )
    return render(request, "accounts/staff_add.html", {"centre": centre, "form": form})


@centre_view("centre.manage_staff")
def membership_end(request, centre, membership_id):
    membership = selectors.get_membership(centre=centre, membership_id=membership_id)
    form = MembershipEndForm(request.POST or None, initial={"ended_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_end(membership=membership, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("The role “%(role)s” of %(user)s has ended.")
                % {"role": membership.get_role_display(), "user": membership.user},
            )
            return redirect(
                "centre:staff_detail", centre_slug=centre.slug, user_id=membership.user_id
            )
    return render(
        request,
        "accounts/membership_end.html",
        {"centre": centre, "membership": membership, "form": form},
    )
