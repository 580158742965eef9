"""E-mails to residents, in their preferred language; sent by tasks (see tasks.py)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from opencus.accounts.models import User
from opencus.residents.models import Message
from opencus.residents.tokens import email_verification_token


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def verification(*, user_id: str) -> None:
    user = User.objects.get(pk=user_id)
    with translation.override(user.preferred_language):
        link = _absolute(
            reverse(
                "residents:verify",
                kwargs={
                    "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                    "token": email_verification_token.make_token(user),
                },
            )
        )
        body = render_to_string("residents/email/verify.txt", {"user": user, "link": link})
        send_mail(_("Confirm your e-mail address"), body, settings.DEFAULT_FROM_EMAIL, [user.email])


def new_message(*, message_id: str) -> None:
    """Tell the person's linked accounts that a message waits in "my matters"."""
    message = Message.objects.select_related("person", "centre").get(pk=message_id)
    users = User.objects.filter(
        resident_links__person=message.person, resident_links__ended_at__isnull=True
    ).distinct()
    for user in users:
        with translation.override(user.preferred_language):
            body = render_to_string(
                "residents/email/message.txt",
                {"user": user, "message": message, "link": _absolute(reverse("residents:home"))},
            )
            send_mail(
                _("A message from %(centre)s") % {"centre": message.centre.name},
                body,
                settings.DEFAULT_FROM_EMAIL,
                [user.email],
            )
