import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencus.catalogue.models import Service
from opencus.enrolments.enums import (
    DeliveryPlace,
    DeliveryStatus,
    EndReason,
    EnrolmentStatus,
    MissedReason,
)
from opencus.enrolments.selectors import CENTRE_ITSELF
from opencus.providers.models import Organisation

MONTH_FORMAT = "%Y-%m"


class EnrolmentFilterForm(forms.Form):
    q = forms.CharField(label=_("Person's name"), required=False, max_length=100)
    service = forms.ModelChoiceField(
        label=_("Service"), queryset=Service.objects.none(), required=False, empty_label=_("all")
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("all")), *EnrolmentStatus.choices], required=False
    )
    provider = forms.ChoiceField(label=_("Provider"), required=False)

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = Service.objects.filter(centre=centre).only("id", "name")
        providers = (
            Organisation.objects.filter(services__centre=centre)
            .distinct()
            .order_by("name")
            .values_list("id", "name")
        )
        self.fields["provider"].choices = [
            ("", _("all")),
            (CENTRE_ITSELF, _("the centre itself")),
            *((str(pk), name) for pk, name in providers),
        ]


class ProviderEnrolmentFilterForm(forms.Form):
    q = forms.CharField(label=_("Person's name"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("all")), *EnrolmentStatus.choices], required=False
    )


class MonthForm(forms.Form):
    month = forms.DateField(
        label=_("Month"),
        input_formats=[MONTH_FORMAT],
        widget=forms.DateInput(attrs={"type": "month"}, format=MONTH_FORMAT),
        help_text=_("Year and month, e.g. 2026-03."),
    )

    def chosen_month(self) -> dt.date:
        """The chosen month's first day; the current month when none or a bad one was given."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["month"].replace(day=1)
        return timezone.localdate().replace(day=1)


class ReasonForm(forms.Form):
    """Confirming a start, resumption or closing: an optional note for the history."""

    reason = forms.CharField(label=_("Note (optional)"), max_length=500, required=False)


class SuspendForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the service suspended?"),
        max_length=500,
        help_text=_("E.g. a stay in hospital, a stay with family."),
    )


class EndForm(forms.Form):
    end_reason = forms.ChoiceField(label=_("Why does the service end?"), choices=EndReason.choices)
    ended_on = forms.DateField(
        label=_("Ended on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=500,
        required=False,
        help_text=_("Required when the reason is “other”."),
    )


class DeliveryForm(forms.Form):
    delivered_on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    status = forms.ChoiceField(
        label=_("Delivered or missed?"),
        choices=DeliveryStatus.choices,
        widget=forms.RadioSelect,
        initial=DeliveryStatus.DELIVERED,
    )
    units = forms.DecimalField(
        label=_("Units delivered"),
        max_digits=6,
        decimal_places=2,
        min_value=0,
        required=False,
        help_text=_("Leave empty or 0 for a missed visit."),
    )
    duration_minutes = forms.IntegerField(
        label=_("Duration in minutes (optional)"), min_value=1, max_value=24 * 60, required=False
    )
    where = forms.ChoiceField(label=_("Where"), choices=DeliveryPlace.choices)
    missed_reason = forms.ChoiceField(
        label=_("Why was it missed?"),
        choices=[("", _("– (it was delivered)")), *MissedReason.choices],
        required=False,
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when the reason for a missed visit is “other”."),
    )

    def __init__(self, *args, unit_label="", **kwargs):
        super().__init__(*args, **kwargs)
        if unit_label:
            self.fields["units"].label = _("Units delivered (%(unit)s)") % {"unit": unit_label}

    def delivery_data(self) -> dict:
        return dict(self.cleaned_data)
