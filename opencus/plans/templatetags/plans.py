"""The deadline timer: "12 days left", "due today", "3 days overdue"."""

import datetime as dt

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def timer(due_on: dt.date | None, today: dt.date | None = None) -> str:
    if due_on is None:
        return ""
    days = (due_on - (today or timezone.localdate())).days
    if days == 0:
        return _("due today")
    if days > 0:
        return ngettext("%(days)s day left", "%(days)s days left", days) % {"days": days}
    return ngettext("%(days)s day overdue", "%(days)s days overdue", -days) % {"days": -days}


@register.filter
def is_overdue(due_on: dt.date | None, today: dt.date | None = None) -> bool:
    return due_on is not None and due_on < (today or timezone.localdate())
