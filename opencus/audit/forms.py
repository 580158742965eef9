import datetime as dt

from auditlog.models import LogEntry
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from opencus.audit.models import AccessPurpose

MSG_DATES_REVERSED = _("The “to” date is earlier than the “from” date.")


# A log has no rows before the system existed nor after the year 2100; bounding the dates
# also keeps day arithmetic away from the ends of the calendar.
_EARLIEST, _LATEST = dt.date(2000, 1, 1), dt.date(2100, 12, 31)


def _date_field(label):
    return forms.DateField(
        label=label,
        required=False,
        validators=[MinValueValidator(_EARLIEST), MaxValueValidator(_LATEST)],
        widget=forms.DateInput(
            attrs={"type": "date", "min": _EARLIEST.isoformat(), "max": _LATEST.isoformat()}
        ),
    )


class _DateRangeForm(forms.Form):
    date_from = _date_field(_("From"))
    date_to = _date_field(_("To"))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", MSG_DATES_REVERSED)
        return cleaned


class AccessLogFilterForm(_DateRangeForm):
    actor = forms.CharField(
        label=_("Who"),
        required=False,
        max_length=100,
        help_text=_("Name or e-mail, or a part of it."),
    )
    subject_type = forms.ChoiceField(label=_("Record type"), required=False)
    purpose = forms.ChoiceField(
        label=_("Purpose"), required=False, choices=[("", _("all")), *AccessPurpose.choices]
    )
    subject = forms.CharField(label=_("Record contains"), required=False, max_length=100)

    def __init__(self, *args, subject_types, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject_type"].choices = [
            ("", _("all")),
            *[(str(ct.pk), str(ct.model_class()._meta.verbose_name)) for ct in subject_types],
        ]


class ChangeHistoryFilterForm(_DateRangeForm):
    actor = forms.CharField(
        label=_("Who"),
        required=False,
        max_length=100,
        help_text=_("Name or e-mail, or a part of it."),
    )
    action = forms.TypedChoiceField(
        label=_("Change"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("all")), *LogEntry.Action.choices],
    )
