"""E-mails about referrals. They carry no personal data (e-mail is not a safe channel): they
say that something waits in OpenCUS and link to it; the page shows the rest after login."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from opencus.accounts.models import Membership, User
from opencus.accounts.roles import PERMISSIONS
from opencus.people.models import Person
from opencus.providers.models import Organisation
from opencus.referrals.enums import ReceiverKind
from opencus.referrals.models import Referral
from opencus.territory.models import Centre


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def language_of(person: Person) -> str:
    """The person's language if the site speaks it, else Polish."""
    spoken = {code for code, _name in settings.LANGUAGES}
    return person.preferred_language if person.preferred_language in spoken else "pl"


def _answering_members(referral: Referral):
    """The users who may answer the referral on the receiver's side."""
    roles = PERMISSIONS["referrals.answer_referral"]
    members = Membership.objects.active().filter(role__in=roles)
    if referral.receiver_kind == ReceiverKind.PROVIDER:
        members = members.filter(organisation_id=referral.organisation_id)
    else:
        members = members.filter(centre_id=referral.receiving_centre_id)
    return User.objects.filter(pk__in=members.values("user_id"), is_active=True).order_by("email")


def _receiver(referral: Referral) -> Organisation | Centre:
    """The organisation or centre a referral is addressed to (not a unit outside the system)."""
    receiver = (
        referral.organisation
        if referral.receiver_kind == ReceiverKind.PROVIDER
        else referral.receiving_centre
    )
    if receiver is None:
        raise ValueError(f"referral {referral.pk} has no receiver in the system")
    return receiver


def _receiver_link(referral: Referral) -> str:
    receiver = _receiver(referral)
    if isinstance(receiver, Organisation):
        path = reverse(
            "organisation:referral_detail",
            kwargs={"organisation_slug": receiver.slug, "referral_id": referral.pk},
        )
    else:
        path = reverse(
            "centre:incoming_referral_detail",
            kwargs={"centre_slug": receiver.slug, "incoming_id": referral.pk},
        )
    return _absolute(path)


def _send(template: str, subject: str, context: dict, to: str) -> None:
    body = render_to_string(template, context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


def receiver_notice(*, referral: Referral, status: str) -> int:
    """Tell the receiver that a referral waits for an answer (or was withdrawn); returns the
    number of e-mails sent. Goes to the receiver's own address and to each user who may answer."""
    if referral.receiver_kind == ReceiverKind.UNIT:
        return 0
    receiver = _receiver(referral)
    link = _receiver_link(referral)
    addressed = [(receiver.email, "pl")] if receiver.email else []
    addressed += [(u.email, u.preferred_language) for u in _answering_members(referral)]
    sent = 0
    for address, language in dict(addressed).items():
        with translation.override(language):
            context = {"referral": referral, "link": link, "status": status}
            if status == "withdrawn":
                subject = _("A referral from %(centre)s was withdrawn")
            else:
                subject = _("A new referral from %(centre)s")
            _send(
                "referrals/email/receiver.txt",
                subject % {"centre": referral.centre.name},
                context,
                address,
            )
        sent += 1
    return sent


def referrer_notice(*, referral: Referral) -> int:
    """Tell whoever sent the referral that the receiver moved it on."""
    user = referral.sent_by
    if user is None or not user.email or not user.is_active:
        return 0
    link = _absolute(
        reverse(
            "centre:referral_detail",
            kwargs={"centre_slug": referral.centre.slug, "referral_id": referral.pk},
        )
    )
    with translation.override(user.preferred_language):
        _send(
            "referrals/email/referrer.txt",
            _("A referral is now “%(status)s”") % {"status": referral.get_status_display()},
            {"referral": referral, "link": link, "user": user},
            user.email,
        )
    return 1
