from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencus.accounts.models import Membership, User
from opencus.accounts.roles import Role
from opencus.catalogue.models import Service
from opencus.plans import enums
from opencus.plans.enums import ContactKind, EndReason, GoalResult, PlanStatus
from opencus.plans.models import (
    IndividualPlan,
    MonitoringContact,
    PlanGoal,
    PlanItem,
    PlanSupport,
)


def _date(**attrs):
    return forms.DateInput(attrs={"type": "date", **attrs}, format="%Y-%m-%d")


def _user_label(user) -> str:
    return user.get_full_name() or user.email


class ServiceForm(forms.ModelForm):
    """A model form whose rules are checked by the service it feeds, not twice."""

    def _post_clean(self):
        pass


class PlanFilterForm(forms.Form):
    q = forms.CharField(label=_("Person or plan number"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("any")), *PlanStatus.choices]
    )
    coordinator = forms.ModelChoiceField(
        label=_("Coordinator"), required=False, queryset=User.objects.none(), empty_label=_("any")
    )

    def __init__(self, *args, coordinators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coordinator"].queryset = coordinators
        self.fields["coordinator"].label_from_instance = _user_label


class PlanForm(ServiceForm):
    class Meta:
        model = IndividualPlan
        fields = [
            "coordinator",
            "period_from",
            "period_to",
            "monitoring_frequency",
            "monitoring_how",
            "risk_notes",
        ]
        widgets = {
            "period_from": _date(),
            "period_to": _date(),
            "monitoring_how": forms.Textarea(attrs={"rows": 3}),
            "risk_notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"period_to": _("At most 12 months, the first day counted.")}

    def __init__(self, *args, coordinators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coordinator"].queryset = coordinators
        self.fields["coordinator"].label_from_instance = _user_label
        self.fields["coordinator"].empty_label = None


class PlanCreateForm(PlanForm):
    application = forms.ModelChoiceField(
        label=_("Application"),
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect,
        help_text=_("Applications whose needs recognition calls for an individual plan."),
    )

    class Meta(PlanForm.Meta):
        fields = ["application", *PlanForm.Meta.fields]

    def __init__(self, *args, applications, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = applications
        self.fields["application"].label_from_instance = lambda a: (
            f"{a.display_name} – {a.case_number} ({timezone.localtime(a.submitted_at):%d.%m.%Y})"
        )
        self.order_fields(["application"])


class GoalForm(ServiceForm):
    class Meta:
        model = PlanGoal
        fields = ["goal", "indicator", "target_date", "persons_words"]
        widgets = {
            "target_date": _date(),
            "persons_words": forms.Textarea(attrs={"rows": 3}),
        }


class ItemForm(ServiceForm):
    class Meta:
        model = PlanItem
        fields = [
            "service",
            "external_kind",
            "external_name",
            "provider_name",
            "units_per_period",
            "period",
            "starts_on",
            "ends_on",
            "fee_note",
            "note",
        ]
        widgets = {"starts_on": _date(), "ends_on": _date()}
        help_texts = {
            "ends_on": _("Empty: until the end of the plan."),
            "units_per_period": _("E.g. 8 hours a week; for a catalogue service, required."),
        }

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        services = Service.objects.published().filter(centre=centre).order_by("name")
        self.fields["service"].queryset = services
        self.fields["service"].empty_label = _("— an outside service (described below) —")
        self.fields["service"].label_from_instance = lambda s: (
            f"{s.name} ({s.resident_price} zł / {s.get_unit_display()})"
        )

    def sections(self):
        return [
            (_("A service of the centre's catalogue"), [self["service"]]),
            (
                _("Or a service outside the programme"),
                [self["external_kind"], self["external_name"], self["fee_note"]],
            ),
            (
                _("Provider, amount and dates"),
                [
                    self["provider_name"],
                    self["units_per_period"],
                    self["period"],
                    self["starts_on"],
                    self["ends_on"],
                    self["note"],
                ],
            ),
        ]


class SupportForm(ServiceForm):
    class Meta:
        model = PlanSupport
        fields = ["kind", "who", "what", "how_often"]


class AgreementForm(forms.Form):
    agreed_on = forms.DateField(label=_("Date of the agreement"), widget=_date())
    form = forms.ChoiceField(
        label=_("Form"), choices=enums.AgreementForm.choices, widget=forms.RadioSelect
    )
    agreed_by_name = forms.CharField(
        label=_("Agreed by"),
        max_length=200,
        help_text=_("The person, or their legal representative or actual carer."),
    )
    witness = forms.CharField(
        label=_("In the presence of"),
        max_length=200,
        required=False,
        help_text=_("Needed for an oral agreement: name and function."),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )


class ContactForm(ServiceForm):
    class Meta:
        model = MonitoringContact
        fields = ["contact_on", "kind", "progress", "issues", "next_contact_on"]
        widgets = {
            "contact_on": _date(),
            "next_contact_on": _date(),
            "progress": forms.Textarea(attrs={"rows": 3}),
            "issues": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "next_contact_on": _("Empty: one monitoring period after this contact."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = ContactKind.choices
        self.fields["kind"].widget = forms.RadioSelect(choices=ContactKind.choices)


class EndForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why the plan ends"), choices=EndReason.choices, widget=forms.RadioSelect
    )
    ended_on = forms.DateField(label=_("Ended on"), widget=_date())


class CloseForm(forms.Form):
    """The summary conversation, the description, and each goal's result: ``goal_<id>``
    (achieved, partly, not) with ``goal_<id>_text`` (what happened)."""

    summary_conversation_on = forms.DateField(
        label=_("Summary conversation held on"), required=False, widget=_date()
    )
    course_description = forms.CharField(
        label=_("Description of the course and results of the plan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.goals = list(goals)
        for goal in self.goals:
            self.fields[f"goal_{goal.pk}"] = forms.ChoiceField(
                label=_("Result"),
                choices=GoalResult.choices,
                required=False,
                widget=forms.RadioSelect,
                initial=goal.result or None,
            )
            self.fields[f"goal_{goal.pk}_text"] = forms.CharField(
                label=_("Course and result of this goal"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial=goal.result_description,
            )

    def goal_fields(self):
        return [(g, self[f"goal_{g.pk}"], self[f"goal_{g.pk}_text"]) for g in self.goals]

    def results(self) -> dict:
        data = self.cleaned_data
        return {g.pk: (data[f"goal_{g.pk}"], data[f"goal_{g.pk}_text"]) for g in self.goals}


class AuthorisationForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Organiser of social services (OUS)"), queryset=None)
    number = forms.CharField(
        label=_("Authorisation number"),
        max_length=60,
        required=False,
        help_text=_("As on the signed document, e.g. UP/3/2026."),
    )
    valid_from = forms.DateField(label=_("Valid from"), widget=_date())
    valid_to = forms.DateField(label=_("Valid until"), widget=_date())

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        ous = Membership.objects.active().filter(centre=centre, role=Role.OUS).values("user_id")
        self.fields["user"].queryset = User.objects.filter(pk__in=ous).order_by(
            "last_name", "first_name"
        )
        self.fields["user"].label_from_instance = _user_label
