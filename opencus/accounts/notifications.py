"""E-mails to people about their accounts, in their preferred language."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from opencus.accounts.models import Membership, User
from opencus.territory.models import Centre


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def account_invitation(*, user_id: str, centre_id: str) -> None:
    """A new account: a link to set the password (valid PASSWORD_RESET_TIMEOUT)."""
    user = User.objects.get(pk=user_id)
    centre = Centre.objects.get(pk=centre_id)
    with translation.override(user.preferred_language):
        link = _absolute(
            reverse(
                "accounts:password_reset_confirm",
                kwargs={
                    "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                    "token": default_token_generator.make_token(user),
                },
            )
        )
        body = render_to_string(
            "accounts/email/welcome.txt",
            {
                "user": user,
                "centre": centre,
                "link": link,
                "reset": _absolute(reverse("accounts:password_reset")),
            },
        )
        send_mail(_("Your OpenCUS account"), body, settings.DEFAULT_FROM_EMAIL, [user.email])


def role_notice(*, membership_id: str) -> None:
    """An existing account got a role: the person learns of it (and can object if it is wrong)."""
    membership = Membership.objects.select_related("user", "centre").get(pk=membership_id)
    user = membership.user
    with translation.override(user.preferred_language):
        body = render_to_string(
            "accounts/email/role_notice.txt",
            {
                "user": user,
                "membership": membership,
                "by": membership.created_by,
                "login": _absolute(reverse("accounts:login")),
            },
        )
        send_mail(
            _("You have a new role in OpenCUS"), body, settings.DEFAULT_FROM_EMAIL, [user.email]
        )
