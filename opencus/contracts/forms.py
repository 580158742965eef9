from django import forms
from django.utils.translation import gettext_lazy as _

from opencus.contracts import selectors
from opencus.contracts.enums import (
    SURVEY_QUESTIONS,
    ComplaintChannel,
    ComplaintStatus,
    ContractKind,
    ContractStatus,
    InspectionRating,
    ReportFrequency,
    kind_for_call,
)
from opencus.contracts.models import Contract
from opencus.providers.models import Organisation

DATE = {"widget": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


def _money(label, **kwargs) -> forms.DecimalField:
    return forms.DecimalField(label=label, max_digits=12, decimal_places=2, **kwargs)


class ContractFilterForm(forms.Form):
    q = forms.CharField(label=_("Number, title or organisation"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("all")), *ContractStatus.choices], required=False
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("all")), *ContractKind.choices], required=False
    )


class ContractForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=None,
        help_text=_("A partner organisation the centre has verified."),
    )
    title = forms.CharField(label=_("Title"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind of contract"), choices=ContractKind.choices)
    starts_on = forms.DateField(label=_("From"), **DATE)
    ends_on = forms.DateField(label=_("Until"), **DATE)
    own_contribution = _money(
        _("Organisation's own contribution (PLN)"),
        required=False,
        help_text=_("Grant agreements only (wkład własny)."),
    )
    social_clauses = forms.CharField(
        label=_("Social clauses"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E.g. employment of people at risk of exclusion, a reserved contract."),
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, centre, offer=None, **kwargs):
        super().__init__(*args, **kwargs)
        organisation = self.fields["organisation"]
        organisation.queryset = selectors.partner_organisations(centre)  # type: ignore[attr-defined]
        if offer is not None:
            # From an awarded offer: the offer's organisation, in the kind its procedure leads to.
            call = offer.call
            organisation.queryset = Organisation.objects.filter(pk=offer.organisation_id)  # type: ignore[attr-defined]
            organisation.disabled = True
            organisation.help_text = _("The organisation awarded in call %(number)s.") % {
                "number": call.number
            }
            kind = self.fields["kind"]
            kind.disabled = True
            kind.initial = kind_for_call(call.mode, call.task_form)
            kind.help_text = _("The kind the procedure leads to: %(procedure)s.") % {
                "procedure": call.procedure_label
            }


class LineForm(forms.Form):
    service = forms.ModelChoiceField(label=_("Service of the catalogue"), queryset=None)
    units = forms.DecimalField(label=_("Units contracted"), max_digits=10, decimal_places=2)
    unit_price = forms.DecimalField(
        label=_("Unit price (PLN)"),
        max_digits=10,
        decimal_places=2,
        help_text=_("Empty: the service's real value per unit."),
        required=False,
    )

    def __init__(self, *args, centre=None, with_service=True, **kwargs):
        super().__init__(*args, **kwargs)
        if with_service:
            self.fields["service"].queryset = selectors.contractable_services(centre)  # type: ignore[attr-defined]
            self.fields["service"].label_from_instance = lambda s: (  # type: ignore[attr-defined]
                f"{s.name} ({s.get_unit_display()}, {s.market_value} zł)"
            )
        else:
            del self.fields["service"]
            self.fields["unit_price"].required = True
            self.fields["unit_price"].help_text = ""


class DutyForm(forms.Form):
    what = forms.CharField(
        label=_("What is reported"),
        max_length=200,
        help_text=_("E.g. a partial report on the task, attendance lists, a final report."),
    )
    frequency = forms.ChoiceField(label=_("How often"), choices=ReportFrequency.choices)
    due_days = forms.IntegerField(
        label=_("Due days after the period"), min_value=0, max_value=180, initial=14
    )


class SignForm(forms.Form):
    signed_on = forms.DateField(label=_("Signed on"), **DATE)


class SettleForm(forms.Form):
    settled_on = forms.DateField(label=_("Settled on"), **DATE)
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=1000)


class CloseForm(forms.Form):
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=1000)


class TerminateForm(forms.Form):
    terminated_on = forms.DateField(label=_("Terminated on"), **DATE)
    reason = forms.CharField(
        label=_("Reason for the termination"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ReportForm(forms.Form):
    summary = forms.CharField(
        label=_("What was done in the period"), widget=forms.Textarea(attrs={"rows": 6})
    )
    participants = forms.IntegerField(
        label=_("Number of participants"), min_value=0, required=False
    )
    amount_spent = _money(_("Amount spent (PLN)"), required=False)


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("accept the report")), ("return", _("return it for correction"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the organisation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the report is returned: what is to be corrected."),
    )


class InspectionForm(forms.Form):
    inspected_on = forms.DateField(label=_("Date of the inspection"), **DATE)
    inspector = forms.CharField(label=_("Inspector"), max_length=200)
    scope = forms.CharField(label=_("Scope"), widget=forms.Textarea(attrs={"rows": 3}))
    findings = forms.CharField(label=_("Findings"), widget=forms.Textarea(attrs={"rows": 4}))
    recommendations = forms.CharField(
        label=_("Recommendations"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    rating = forms.ChoiceField(
        label=_("Rating"), choices=InspectionRating.choices, widget=forms.RadioSelect
    )
    follow_up_on = forms.DateField(label=_("Follow-up by (optional)"), required=False, **DATE)


class PolicyForm(forms.Form):
    complaint_answer_days = forms.IntegerField(
        label=_("Days to answer a complaint"),
        min_value=1,
        max_value=365,
        help_text=_("A complaint not answered within this many days of its receipt is overdue."),
    )


# --- complaints ----------------------------------------------------------------------------


class ComplaintFilterForm(forms.Form):
    q = forms.CharField(label=_("Words, provider or person"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("all")), *ComplaintStatus.choices], required=False
    )
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)


class PersonSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Find the person: name, PESEL or birth date"), required=False, max_length=100
    )


class ComplaintForm(forms.Form):
    received_on = forms.DateField(label=_("Received on"), **DATE)
    channel = forms.ChoiceField(label=_("How it came"), choices=ComplaintChannel.choices)
    organisation = forms.ModelChoiceField(
        label=_("About the provider"), queryset=None, required=False, empty_label=_("–")
    )
    contract = forms.ModelChoiceField(
        label=_("Under the contract"), queryset=None, required=False, empty_label=_("–")
    )
    service = forms.ModelChoiceField(
        label=_("About the service"), queryset=None, required=False, empty_label=_("–")
    )
    complainant = forms.CharField(
        label=_("Who complains (name, contact)"),
        max_length=300,
        required=False,
        help_text=_("When the person is not in the register, or complains for someone."),
    )
    description = forms.CharField(
        label=_("What the complaint is about"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "The provider reads this description: do not write who complains in it, only what "
            "happened."
        ),
    )

    def __init__(self, *args, centre, with_contracts: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = selectors.complaint_organisations(centre)  # type: ignore[attr-defined]
        self.fields["service"].queryset = selectors.contractable_services(centre)  # type: ignore[attr-defined]
        if with_contracts:
            self.fields["contract"].queryset = (  # type: ignore[attr-defined]
                Contract.objects.filter(centre=centre)
                .exclude(status=ContractStatus.DRAFT)
                .select_related("organisation")
                .order_by("-year", "-sequence")
            )
            self.fields["contract"].label_from_instance = lambda c: (  # type: ignore[attr-defined]
                f"{c.number} {c.title} ({c.organisation.name})"
            )
        else:
            del self.fields["contract"]


class ComplaintNoteForm(forms.Form):
    note = forms.CharField(
        label=_("Handling note"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What was done: who was asked, what they said, what comes next."),
    )


class ComplaintAnswerForm(forms.Form):
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 6}))
    answered_on = forms.DateField(label=_("Answered on"), **DATE)
    upheld = forms.TypedChoiceField(
        label=_("Was the complaint upheld?"),
        choices=[("yes", _("yes, it was justified")), ("no", _("no, it was not justified"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )


class ExplanationForm(forms.Form):
    explanation = forms.CharField(
        label=_("The organisation's explanation"), widget=forms.Textarea(attrs={"rows": 6})
    )


# --- surveys -------------------------------------------------------------------------------

SCALE = [(str(n), str(n)) for n in range(1, 6)]


class SurveyForm(forms.Form):
    comment = forms.CharField(
        label=_("Anything else you would like to tell us? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, paper: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        questions = {
            name: forms.TypedChoiceField(
                label=label,
                choices=SCALE,
                coerce=int,
                widget=forms.RadioSelect,
                help_text=_("1 – very bad, 5 – very good"),
            )
            for name, label in SURVEY_QUESTIONS
        }
        self.fields = {**questions, **self.fields}
        if paper:
            self.fields["answered_on"] = forms.DateField(label=_("Answered on"), **DATE)

    def scores(self) -> dict:
        return {name: self.cleaned_data[name] for name, _label in SURVEY_QUESTIONS}
