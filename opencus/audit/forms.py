from auditlog.models import LogEntry
from django import forms
from django.utils.translation import gettext_lazy as _

from opencus.audit.models import AccessPurpose

MSG_DATES_REVERSED = _("The “to” date is earlier than the “from” date.")


class _DateRangeForm(forms.Form):
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

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
