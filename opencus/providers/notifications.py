"""E-mails about partnerships: the centre's organising team hears that an organisation asks to
work with it, and the person who asked hears what the centre decided. They name organisations
and centres only, and link to the page where the rest is shown after login."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from opencus.accounts.models import Membership, User
from opencus.accounts.roles import PERMISSIONS
from opencus.providers.enums import PartnershipStatus
from opencus.providers.models import Partnership

VERIFY = "providers.verify_partner"


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _send(template: str, subject: str, context: dict, to: str) -> None:
    send_mail(subject, render_to_string(template, context), settings.DEFAULT_FROM_EMAIL, [to])


def _verifiers(partnership: Partnership):
    """The centre's staff who may verify partners (the OUS and the director)."""
    members = Membership.objects.active().filter(
        centre_id=partnership.centre_id, role__in=PERMISSIONS[VERIFY]
    )
    return User.objects.filter(pk__in=members.values("user_id"), is_active=True).order_by("email")


def request_notice(*, partnership: Partnership) -> int:
    """Tell the centre that an organisation waits for verification; returns e-mails sent."""
    link = _absolute(
        reverse("centre:partner_detail", args=[partnership.centre.slug, partnership.pk])
    )
    sent = 0
    for user in _verifiers(partnership):
        with translation.override(user.preferred_language):
            _send(
                "providers/email/request.txt",
                _("%(organisation)s asks to work with %(centre)s")
                % {"organisation": partnership.organisation, "centre": partnership.centre},
                {"partnership": partnership, "link": link, "user": user},
                user.email,
            )
        sent += 1
    return sent


def decision_notice(*, partnership: Partnership) -> int:
    """Tell the person who asked (and the organisation's own address) what the centre
    decided; returns e-mails sent."""
    addressed: dict[str, str] = {}
    if partnership.organisation.email:
        addressed[partnership.organisation.email] = "pl"
    for user in (partnership.requested_by, partnership.registrant):
        if user is not None and user.is_active and user.email:
            addressed[user.email] = user.preferred_language
    verified = partnership.status == PartnershipStatus.VERIFIED
    link = _absolute(reverse("providers:registrations"))
    for address, language in addressed.items():
        with translation.override(language):
            subject = (
                _("%(centre)s works with %(organisation)s")
                if verified
                else _("%(centre)s did not take %(organisation)s on")
            )
            _send(
                "providers/email/decision.txt",
                subject % {"organisation": partnership.organisation, "centre": partnership.centre},
                {"partnership": partnership, "link": link, "verified": verified},
                address,
            )
    return len(addressed)
