from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from opencus.accounts.models import User
from opencus.accounts.roles import CENTRE_ROLES, Role

CENTRE_ROLE_CHOICES = [(value, label) for value, label in Role.choices if value in CENTRE_ROLES]


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "phone", "job_title", "preferred_language"]
        widgets = {"phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"})}


class StaffProfileForm(forms.ModelForm):
    """What a director may change on a staff member's profile (not their language)."""

    class Meta:
        model = User
        fields = ["first_name", "last_name", "phone", "job_title"]
        widgets = {"phone": forms.TextInput(attrs={"type": "tel"})}


class StaffAddForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), help_text=_("The person signs in with it."))
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    job_title = forms.CharField(label=_("Job title"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=CENTRE_ROLE_CHOICES)


class StaffFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    role = forms.ChoiceField(
        label=_("Role"), choices=[("", _("all")), *CENTRE_ROLE_CHOICES], required=False
    )
    state = forms.ChoiceField(
        label=_("Staff"),
        choices=[
            ("active", _("current")),
            ("former", _("former")),
            ("all", _("current and former")),
        ],
        required=False,
    )


class MembershipEndForm(forms.Form):
    ended_on = forms.DateField(label=_("End date"), widget=forms.DateInput(attrs={"type": "date"}))


class AdminUserCreationForm(auth_forms.AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "first_name", "last_name")


class AdminUserChangeForm(auth_forms.UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Also for invited staff who never set a password (their invitation link may expire)."""

    def get_users(self, email):
        return User.objects.filter(email__iexact=email.strip(), is_active=True)
