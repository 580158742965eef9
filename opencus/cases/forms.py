import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencus.cases.enums import (
    AppealOutcome,
    ApplicationStatus,
    AssessmentPlace,
    Channel,
    LifeArea,
    NeedLevel,
    Regime,
    SubCaseStatus,
    SubCaseTarget,
    SubmitterRole,
)
from opencus.cases.models import CasePolicy
from opencus.catalogue.enums import CapacityPeriod

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
STAFF_CHANNELS = [c for c in Channel.choices if c[0] != Channel.ONLINE]


ANY = _("any")


def _blank(choices):
    return [("", ANY), *choices]


class ApplicationFilterForm(forms.Form):
    q = forms.CharField(label=_("Case number or name"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=_blank(ApplicationStatus.choices)
    )
    channel = forms.ChoiceField(label=_("Channel"), required=False, choices=_blank(Channel.choices))
    service = forms.ModelChoiceField(label=_("Service"), required=False, queryset=None)

    def __init__(self, *args, services, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services
        self.fields["service"].empty_label = _("any")


class ReceiveForm(forms.Form):
    """An application taken by staff: the person is chosen first (search before create)."""

    channel = forms.ChoiceField(label=_("How it came"), choices=STAFF_CHANNELS)
    submitted_at = forms.DateTimeField(
        label=_("When it reached the centre"),
        required=False,
        widget=DATETIME,
        help_text=_("Leave empty for now. A letter or e-mail keeps the day it arrived."),
    )
    submitter_role = forms.ChoiceField(label=_("Submitted by"), choices=SubmitterRole.choices)
    submitter = forms.ModelChoiceField(
        label=_("Representative or carer (registered)"),
        required=False,
        queryset=None,
        help_text=_("Someone linked to the person in their record."),
    )
    submitter_name = forms.CharField(
        label=_("Or their name, or the institution"), required=False, max_length=200
    )
    services = forms.ModelMultipleChoiceField(
        label=_("Services asked for"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    description = forms.CharField(
        label=_("The need, in the applicant's words"), widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, services, relatives, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["services"].queryset = services
        self.fields["submitter"].queryset = relatives
        self.fields["submitter"].empty_label = _("nobody (the person applies)")


class OnlineApplicationForm(forms.Form):
    submitter_role = forms.ChoiceField(
        label=_("I apply"),
        choices=[
            (SubmitterRole.PERSON, _("for myself")),
            (SubmitterRole.LEGAL_REPRESENTATIVE, _("as a legal representative")),
            (SubmitterRole.ACTUAL_CARER, _("as an actual carer")),
        ],
        widget=forms.RadioSelect,
        initial=SubmitterRole.PERSON,
    )
    submitter_name = forms.CharField(
        label=_("Your name (when you apply for someone else)"), required=False, max_length=200
    )
    first_name = forms.CharField(label=_("First name of the person concerned"), max_length=100)
    last_name = forms.CharField(label=_("Last name of the person concerned"), max_length=100)
    pesel = forms.CharField(label=_("PESEL (optional)"), required=False, max_length=11)
    birth_date = forms.DateField(label=_("Birth date"), required=False, widget=DATE)
    address = forms.CharField(label=_("Address"), max_length=300)
    phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"type": "tel"}),
    )
    services = forms.ModelMultipleChoiceField(
        label=_("Services you ask for"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    description = forms.CharField(
        label=_("What is difficult, what would help"), widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args, services, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["services"].queryset = services

    def clean_pesel(self):
        from opencus.people.validators import validate_pesel

        pesel = self.cleaned_data["pesel"].strip()
        if pesel:
            validate_pesel(pesel)
        return pesel

    def clean(self):
        data = super().clean()
        if not data.get("pesel") and not data.get("birth_date"):
            self.add_error("birth_date", _("Give the PESEL or the birth date."))
        return data


class PersonPickForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Person's record"), queryset=None)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class CompletionRequestForm(forms.Form):
    missing = forms.CharField(label=_("What is missing"), widget=forms.Textarea(attrs={"rows": 3}))
    due_on = forms.DateField(label=_("Complete by"), widget=DATE)


class CompletionDoneForm(forms.Form):
    note = forms.CharField(label=_("What was brought"), required=False, max_length=300)


class ScheduleForm(forms.Form):
    scheduled_for = forms.DateTimeField(label=_("When"), widget=DATETIME)
    place = forms.ChoiceField(label=_("Where"), choices=AssessmentPlace.choices)
    place_note = forms.CharField(label=_("Address or place"), required=False, max_length=300)


class AssessmentForm(forms.Form):
    """Needs recognition: a level and a description for each life area."""

    assessed_on = forms.DateField(label=_("Date of the conversation"), widget=DATE)
    place = forms.ChoiceField(label=_("Where"), choices=AssessmentPlace.choices)
    place_note = forms.CharField(label=_("Address or place"), required=False, max_length=300)
    persons_view = forms.CharField(
        label=_("What the person wants, in their own words"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    summary = forms.CharField(
        label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    recommended = forms.ModelMultipleChoiceField(
        label=_("Recommended services"),
        required=False,
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )
    ipus_required = forms.BooleanField(
        label=_("Services need coordinating for at least 3 months: an IPUS will be prepared"),
        required=False,
    )

    def __init__(self, *args, services, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recommended"].queryset = services
        for area in LifeArea:
            self.fields[f"level_{area.value}"] = forms.ChoiceField(
                label=_("Support needed"),
                required=False,
                choices=NeedLevel.choices,
                initial=NeedLevel.NONE,
                widget=forms.RadioSelect,
            )
            self.fields[f"situation_{area.value}"] = forms.CharField(
                label=_("Situation"), required=False, widget=forms.Textarea(attrs={"rows": 2})
            )

    def areas(self):
        """(area, level field, situation field) for the template's fieldsets."""
        return [
            (area, self[f"level_{area.value}"], self[f"situation_{area.value}"])
            for area in LifeArea
        ]

    def findings(self) -> dict[str, tuple[str, str]]:
        data = self.cleaned_data
        return {
            area.value: (
                data[f"level_{area.value}"] or NeedLevel.NONE,
                data[f"situation_{area.value}"],
            )
            for area in LifeArea
        }


class RouteForm(forms.Form):
    target = forms.ChoiceField(label=_("Forward to"), choices=SubCaseTarget.choices)
    unit_name = forms.CharField(label=_("Unit"), max_length=200)
    regime = forms.ChoiceField(label=_("Procedure"), choices=Regime.choices, initial=Regime.B)
    scope = forms.CharField(label=_("What is forwarded"), widget=forms.Textarea(attrs={"rows": 3}))
    requested = forms.ModelMultipleChoiceField(
        label=_("Services it concerns"),
        required=False,
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, pending, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requested"].queryset = pending
        self.fields["requested"].label_from_instance = lambda r: r.service.name


class SubCaseForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=SubCaseStatus.choices)
    outcome_note = forms.CharField(
        label=_("Outcome"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class QualifyForm(forms.Form):
    units_per_period = forms.DecimalField(
        label=_("Units per period"), min_value=0, max_digits=8, decimal_places=2
    )
    period = forms.ChoiceField(label=_("Period"), choices=CapacityPeriod.choices)
    starts_on = forms.DateField(label=_("From"), widget=DATE)
    ends_on = forms.DateField(label=_("Until"), required=False, widget=DATE)
    exemption = forms.ChoiceField(
        label=_("Fee exemption"),
        choices=[
            ("none", _("none: the fee of the service")),
            ("partial", _("partial")),
            ("full", _("full: free for the person")),
        ],
        initial="none",
    )
    fee_per_unit = forms.DecimalField(
        label=_("Fee per unit with a partial exemption (PLN)"),
        required=False,
        min_value=0,
        max_digits=10,
        decimal_places=2,
    )
    exemption_reason = forms.CharField(
        label=_("Reason for the exemption"), required=False, max_length=300
    )


class RefuseForm(forms.Form):
    reasons = forms.CharField(
        label=_("Reasons (uzasadnienie)"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The facts and the law: why the person cannot be qualified."),
    )


class DeliveredForm(forms.Form):
    delivered_on = forms.DateField(label=_("Delivered on"), widget=DATE)


class AppealForm(forms.Form):
    filed_on = forms.DateField(label=_("Filed on"), widget=DATE)
    content = forms.CharField(
        label=_("What the appellant says"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class AppealSentForm(forms.Form):
    sent_on = forms.DateField(label=_("Sent to the SKO on"), widget=DATE)


class AppealOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("The SKO's ruling"),
        choices=[c for c in AppealOutcome.choices if c[0] != AppealOutcome.PENDING],
    )
    outcome_on = forms.DateField(label=_("Date of the ruling"), widget=DATE)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300)


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Note"), required=False, max_length=300)


class AssignForm(forms.Form):
    coordinator = forms.ModelChoiceField(label=_("Coordinator"), queryset=None)

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coordinator"].queryset = staff


class LimitForm(forms.Form):
    service = forms.ModelChoiceField(label=_("Service"), queryset=None)
    starts_on = forms.DateField(label=_("From"), widget=DATE)
    ends_on = forms.DateField(label=_("Until"), widget=DATE)
    places = forms.IntegerField(label=_("Places"), min_value=1, max_value=100000)
    note = forms.CharField(label=_("Note (programme, resolution)"), required=False, max_length=300)

    def __init__(self, *args, services, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services
        today = timezone.localdate()
        self.initial.setdefault("starts_on", dt.date(today.year, 1, 1))
        self.initial.setdefault("ends_on", dt.date(today.year, 12, 31))


class LimitChangeForm(forms.Form):
    places = forms.IntegerField(label=_("Places"), min_value=1, max_value=100000)


class PolicyForm(forms.ModelForm):
    class Meta:
        model = CasePolicy
        fields = [
            "completion_days",
            "offer_reply_days",
            "ipus_deadline_days",
            "appeal_days",
            "appeal_body",
            "decision_legal_basis",
        ]
        widgets = {"decision_legal_basis": forms.Textarea(attrs={"rows": 4})}
