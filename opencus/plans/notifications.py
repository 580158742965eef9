"""E-mails to coordinators about their caseload, in their preferred language."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _


def caseload_reminder(*, user, centre, caseload) -> None:
    """What is due and overdue: the same list as on the caseload page."""
    with translation.override(user.preferred_language):
        link = settings.SITE_URL.rstrip("/") + reverse(
            "centre:plan_caseload", kwargs={"centre_slug": centre.slug}
        )
        body = render_to_string(
            "plans/email/caseload.txt",
            {"user": user, "centre": centre, "caseload": caseload, "link": link},
        )
        overdue = len(caseload.overdue)
        subject = (
            _("IPUS caseload: %(count)s overdue") % {"count": overdue}
            if overdue
            else _("IPUS caseload: what is due")
        )
        send_mail(f"{subject} ({centre.name})", body, settings.DEFAULT_FROM_EMAIL, [user.email])
