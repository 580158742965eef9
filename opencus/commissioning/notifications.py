"""E-mails about calls: an organisation hears that a centre invites it to answer a call, and
every organisation that sent an offer hears the outcome when the results are published. They
go to the organisation's address and its portal staff who may answer calls, name
the call and the centre, and link to the portal page where the rest is shown after login."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from opencus.accounts.models import Membership, User
from opencus.accounts.roles import PERMISSIONS
from opencus.commissioning.enums import SENT_STATUSES, OfferStatus
from opencus.commissioning.models import Call, Invitation, Offer
from opencus.providers.models import Organisation

ANSWER = "commissioning.submit_offer"


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _addressees(organisation: Organisation) -> dict[str, str]:
    """E-mail -> language: the organisation's own address (Polish) and its active staff who
    may answer calls. Not whoever once sent the offer: someone who has left the organisation
    must not hear its results."""
    addressed: dict[str, str] = {}
    if organisation.email:
        addressed[organisation.email] = "pl"
    members = Membership.objects.active().filter(
        organisation=organisation, role__in=PERMISSIONS[ANSWER]
    )
    staff = User.objects.filter(pk__in=members.values("user_id"), is_active=True)
    for user in staff.order_by("email"):
        if user.email:
            addressed[user.email] = user.preferred_language
    return addressed


def _send(template: str, subject, context: dict, addressed: dict[str, str]) -> int:
    for address, language in addressed.items():
        with translation.override(language):
            send_mail(
                str(subject()),
                render_to_string(template, context),
                settings.DEFAULT_FROM_EMAIL,
                [address],
            )
    return len(addressed)


def invitation_notice(*, invitation: Invitation) -> int:
    """Tell the organisation a centre invites it to answer a call; returns e-mails sent."""
    call = invitation.call
    link = _absolute(
        reverse("organisation:call_detail", args=[invitation.organisation.slug, call.pk])
    )
    return _send(
        "commissioning/email/invitation.txt",
        lambda: (
            _("%(centre)s invites %(organisation)s to answer call %(number)s")
            % {
                "centre": call.centre.name,
                "organisation": invitation.organisation.name,
                "number": call.number,
            }
        ),
        {"invitation": invitation, "call": call, "link": link},
        _addressees(invitation.organisation),
    )


def result_notice(*, offer: Offer) -> int:
    """Tell an organisation what became of its offer once the results are published."""
    call = offer.call
    link = _absolute(reverse("organisation:offer_detail", args=[offer.organisation.slug, offer.pk]))
    return _send(
        "commissioning/email/result.txt",
        lambda: (
            _("Results of call %(number)s of %(centre)s")
            % {"number": call.number, "centre": call.centre.name}
        ),
        {
            "offer": offer,
            "call": call,
            "link": link,
            "awarded": offer.status == OfferStatus.AWARDED,
            "rejected": offer.status == OfferStatus.REJECTED,
        },
        _addressees(offer.organisation),
    )


def results_notices(*, call: Call) -> int:
    """The outcome to every organisation whose offer the call evaluated; returns e-mails sent."""
    offers = (
        call.offers.filter(status__in=SENT_STATUSES)
        .select_related("call__centre", "organisation")
        .order_by("organisation__name")
    )
    return sum(result_notice(offer=offer) for offer in offers)
