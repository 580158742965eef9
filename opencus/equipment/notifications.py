"""E-mails to borrowers, in their language (Polish when the site does not speak theirs)."""

import datetime as dt

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from opencus.equipment.models import Loan
from opencus.people.models import Person


def language_of(person: Person) -> str:
    spoken = {code for code, _name in settings.LANGUAGES}
    return person.preferred_language if person.preferred_language in spoken else "pl"


def overdue_reminder(*, loan: Loan, today: dt.date) -> None:
    """Ask the borrower to bring back an overdue item (replies go to the centre)."""
    person, centre = loan.person, loan.centre
    with translation.override(language_of(person)):
        body = render_to_string(
            "equipment/email/overdue_reminder.txt",
            {"loan": loan, "person": person, "centre": centre, "days": loan.days_overdue(today)},
        )
        subject = _("Please return the equipment borrowed from %(centre)s") % {
            "centre": centre.name
        }
    EmailMessage(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [person.email],
        reply_to=[centre.email] if centre.email else None,
    ).send()
