"""The referrer's list as a table (CSV): who was referred where, and how the loop stands."""

import datetime as dt
from collections.abc import Iterable, Iterator

from django.utils import timezone
from django.utils.translation import gettext as _

from opencus.referrals.models import Referral


def referral_header() -> list[str]:
    return [
        _("Sent on"),
        _("Person"),
        _("Referred to"),
        _("Receiver"),
        _("What is asked"),
        _("Urgency"),
        _("Status"),
        _("Reason"),
        _("Loop"),
        _("Age in days"),
        _("Stuck"),
        _("Application"),
        _("Service given"),
        _("Plan (IPUS)"),
    ]


def referral_rows(referrals: Iterable[Referral], *, now: dt.datetime) -> Iterator[list]:
    """Rows of referrals annotated by ``selectors.referral_list`` (``is_stuck``)."""
    for r in referrals:
        yield [
            f"{timezone.localtime(r.sent_at):%Y-%m-%d}",
            f"{r.person.first_name} {r.person.last_name}",
            r.get_receiver_kind_display(),
            r.receiver_name,
            r.what_is_asked,
            r.get_urgency_display(),
            r.get_status_display(),
            r.status_reason_label,
            r.loop.label,
            r.age_days(now),
            _("yes") if r.is_stuck else _("no"),
            r.application.case_number if r.application is not None else "",
            r.enrolment.service.name if r.enrolment is not None else "",
            r.plan.number if r.plan is not None else "",
        ]
