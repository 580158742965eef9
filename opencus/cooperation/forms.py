from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencus.cooperation import selectors
from opencus.cooperation.enums import (
    ContributionKind,
    MeetingForm,
    PilotStatus,
    Response,
    ResponseFilter,
    Side,
    WorkshopStatus,
)
from opencus.providers.models import Organisation, PortfolioSubmission


def _date(**kwargs) -> forms.DateField:
    return forms.DateField(
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **kwargs
    )


def _text(rows: int = 4, **kwargs) -> forms.CharField:
    return forms.CharField(widget=forms.Textarea(attrs={"rows": rows}), **kwargs)


class ServiceCheckedForm(forms.Form):
    """A form whose ``service_checked`` fields the service checks, with messages that say more
    than "this field is required": the form lets them through empty."""

    service_checked: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.service_checked:
            if name in self.fields:
                self.fields[name].required = False


class PortfolioChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _("%(organisation)s – portfolio v%(version)s, sent on %(date)s") % {
            "organisation": obj.portfolio.organisation.name,
            "version": obj.portfolio.version,
            "date": timezone.localdate(obj.sent_at).isoformat(),
        }


class WorkshopForm(ServiceCheckedForm):
    """The plan of a workshop (procedure 5): with whom, when, where, how."""

    service_checked = ("place",)

    organisation = forms.ModelChoiceField(
        label=_("Partner organisation"),
        queryset=Organisation.objects.none(),
        empty_label=_("choose the organisation"),
        help_text=_("The centre's verified partners."),
    )
    topic = forms.CharField(
        label=_("Topic"),
        max_length=300,
        required=False,
        help_text=_("E.g. the organisation's portfolio and what the centre expects of partners."),
    )
    held_on = _date(label=_("Date"))
    starts_at = forms.TimeField(
        label=_("Time"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    place = forms.CharField(
        label=_("Place"),
        max_length=300,
        help_text=_("An address, or the link of an online meeting."),
    )
    meeting_form = forms.ChoiceField(
        label=_("Form"),
        choices=MeetingForm.choices,
        initial=MeetingForm.IN_PERSON,
        widget=forms.RadioSelect,
    )
    agenda = _text(label=_("Plan of the meeting"), required=False)
    portfolio_submission = PortfolioChoiceField(
        label=_("Portfolio presented"),
        queryset=PortfolioSubmission.objects.none(),
        required=False,
        empty_label=_("none"),
        help_text=_("Optional: a final portfolio the organisation has sent to the centre."),
    )

    def __init__(self, *args, centre, fixed_organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        if fixed_organisation is not None:
            # A planned workshop keeps its organisation.
            del self.fields["organisation"]
        else:
            self.fields["organisation"].queryset = selectors.partner_organisations(centre=centre)
        self.fields["portfolio_submission"].queryset = selectors.portfolio_submissions(
            centre=centre
        )


class PersonForm(ServiceCheckedForm):
    service_checked = ("name", "role", "side")

    name = forms.CharField(label=_("Name"), max_length=200)
    role = forms.CharField(
        label=_("Role"),
        max_length=200,
        help_text=_("E.g. OUS, cooperation leader, ZET expert, a councillor of the gmina."),
    )
    side = forms.ChoiceField(label=_("Represents"), choices=Side.choices, widget=forms.RadioSelect)


class OutcomesForm(ServiceCheckedForm):
    """What the workshop gave (procedure 5, "Efekt procedury")."""

    service_checked = ("feedback", "pilot_scenario")

    feedback = _text(
        5,
        label=_("The centre's feedback"),
        help_text=_("How the future local cooperation should look, and what its scope could be."),
    )
    mutual_benefits = _text(label=_("Mutual benefits"), required=False)
    opinions = _text(
        label=_("Opinions, remarks and suggestions of the participants"), required=False
    )
    visit_invited_on = _date(
        label=_("The centre is invited to visit the organisation on"),
        required=False,
        help_text=_("The date of the visit the organisation invited the centre to, if any."),
    )
    pilot_scenario = _text(
        6,
        label=_("Agreed pilot scenario"),
        help_text=_("The working scenario of the organisation's part in the centre's tasks."),
    )


class CancelForm(ServiceCheckedForm):
    service_checked = ("reason",)

    reason = _text(
        3, label=_("Reason for the cancellation"), help_text=_("The organisation will read it.")
    )


class RemarksForm(forms.Form):
    """The organisation's own part of the workshop record."""

    remarks = _text(5, label=_("The organisation's remarks"), required=False)
    materials = _text(
        3,
        label=_("Materials the organisation brings"),
        required=False,
        help_text=_("E.g. the portfolio folder, a multimedia presentation, leaflets."),
    )


class PilotForm(ServiceCheckedForm):
    service_checked = ("scope",)

    scope = _text(
        6,
        label=_("Scope"),
        help_text=_(
            "The tasks of the centre the organisation takes part in; copied from the scenario."
        ),
    )
    starts_on = _date(label=_("From"))
    ends_on = _date(label=_("Until"))


class ReportForm(ServiceCheckedForm):
    """The closing report of the pilot (procedure 6): every part is needed to close it."""

    service_checked = (
        "report_summary",
        "report_benefits",
        "report_barriers",
        "report_potential",
        "report_prepared_by",
        "report_sent_on",
    )

    report_summary = _text(5, label=_("Summary"))
    report_benefits = _text(label=_("Mutual benefits"))
    report_barriers = _text(label=_("Barriers"))
    report_potential = _text(label=_("Assessment of the potential for cooperation"))
    report_prepared_by = forms.CharField(
        label=_("Prepared by"),
        max_length=300,
        help_text=_("The expert team (ZET) together with the organisation: names."),
    )
    report_sent_on = _date(label=_("Sent to the Obserwatorium CUS on"))


class ContributionForm(ServiceCheckedForm):
    service_checked = ("kind", "title", "content")

    kind = forms.ChoiceField(
        label=_("Kind"), choices=ContributionKind.choices, widget=forms.RadioSelect
    )
    corrects_diagnosis = forms.BooleanField(
        label=_("Corrections to the existing diagnosis"),
        required=False,
        help_text=_("Tick when the proposals correct the diagnosis the centre has already made."),
    )
    title = forms.CharField(label=_("Title"), max_length=300)
    content = _text(8, label=_("Content"))
    dated_on = _date(label=_("Date"), required=False, help_text=_("Today if left empty."))


class ResponseForm(ServiceCheckedForm):
    service_checked = ("response",)

    response = forms.ChoiceField(
        label=_("The centre's response"), choices=Response.choices, widget=forms.RadioSelect
    )
    note = _text(
        3,
        label=_("Note"),
        required=False,
        help_text=_("Needed when the contribution is taken on only in part, or not at all."),
    )


# --- list filters ------------------------------------------------------------------------


def _any(choices) -> list:
    return [("", _("any")), *choices]


class WorkshopFilterForm(forms.Form):
    q = forms.CharField(label=_("Organisation"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=_any(WorkshopStatus.choices)
    )


class PilotFilterForm(forms.Form):
    q = forms.CharField(label=_("Organisation"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=_any(PilotStatus.choices))


class ContributionFilterForm(forms.Form):
    q = forms.CharField(label=_("Organisation"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=_any(ContributionKind.choices)
    )
    response = forms.ChoiceField(
        label=_("Response"), required=False, choices=_any(ResponseFilter.choices)
    )
