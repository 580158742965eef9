from django import forms
from django.utils.translation import gettext_lazy as _

from opencus.catalogue.models import Service
from opencus.providers.models import Organisation
from opencus.referrals import selectors
from opencus.referrals.enums import (
    Action,
    DeclineReason,
    DropReason,
    Loop,
    ReceiverKind,
    ReferralStatus,
    SharedField,
    Stuck,
    Urgency,
)
from opencus.referrals.models import ReferralPolicy
from opencus.territory.models import Centre


class ReferralForm(forms.Form):
    """The referral: to whom, what is asked, and what the receiver may see of the person."""

    receiver_kind = forms.ChoiceField(
        label=_("Refer to"), choices=ReceiverKind.choices, widget=forms.RadioSelect
    )
    organisation = forms.ModelChoiceField(
        label=_("Provider organisation"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label=_("choose the organisation"),
        help_text=_("When referring to a provider organisation."),
    )
    unit_name = forms.CharField(
        label=_("Unit"),
        max_length=200,
        required=False,
        help_text=_(
            "When referring to another unit: e.g. PUP Świebodzin, a counselling centre, a hospital."
        ),
    )
    unit_contact = forms.CharField(
        label=_("Contact at the unit"),
        max_length=300,
        required=False,
        help_text=_("A person, phone or e-mail to reach the unit."),
    )
    receiving_centre = forms.ModelChoiceField(
        label=_("Centre"),
        queryset=Centre.objects.none(),
        required=False,
        help_text=_(
            "When referring to another centre: those an inter-municipal agreement links to this one."
        ),
    )
    service = forms.ModelChoiceField(
        label=_("Service of the receiver"),
        queryset=Service.objects.none(),
        required=False,
        help_text=_("Optional: a service from the receiver's catalogue."),
    )
    request = forms.CharField(
        label=_("What is asked"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("In words, if no service fits, or to add details."),
    )
    urgency = forms.ChoiceField(
        label=_("Urgency"),
        choices=Urgency.choices,
        initial=Urgency.ROUTINE,
        widget=forms.RadioSelect,
    )
    shared_fields = forms.MultipleChoiceField(
        label=_("Share with the receiver, besides the name"),
        choices=SharedField.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only what the receiver needs. The name is always shared."),
    )
    need_description = forms.CharField(
        label=_("Description of the need (shared if ticked above)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    reason = forms.CharField(
        label=_("Reason for the referral"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Needed when the referral does not come from an application, a service given or a "
            "plan. Not shared."
        ),
    )

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        # Any other centre is a valid answer, so that a centre without an agreement gets the
        # service's explanation; the list offers only the centres an agreement links to.
        centre_field = self.fields["receiving_centre"]
        centre_field.queryset = Centre.objects.exclude(pk=centre.pk)
        self.partners = list(selectors.partner_centres(centre))
        centre_field.widget.choices = [("", _("choose the centre"))] + [
            (c.pk, c.name) for c in self.partners
        ]
        if not self.partners:
            centre_field.help_text = _(
                "No inter-municipal agreement in force links this centre with another one."
            )
        services = list(selectors.services_for_referral(centre))
        service_field = self.fields["service"]
        service_field.queryset = Service.objects.filter(pk__in=[s.pk for s in services])
        groups: dict[str, list] = {}
        for service in services:
            receiver = (
                service.provider.name if service.centre_id == centre.pk else service.centre.name
            )
            groups.setdefault(receiver, []).append((service.pk, service.name))
        service_field.widget.choices = [("", _("none: described in words")), *groups.items()]

    def clean(self):
        data = super().clean()
        kind = data.get("receiver_kind")
        # Only the receiver of the kind chosen counts; the others' fields are left aside.
        if kind != ReceiverKind.PROVIDER:
            data["organisation"] = None
        if kind != ReceiverKind.UNIT:
            data["unit_name"] = data["unit_contact"] = ""
        if kind != ReceiverKind.CENTRE:
            data["receiving_centre"] = None
        return data


class PersonSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Find the person: name, PESEL or birth date"), required=False, max_length=100
    )


class ReferralFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or receiver"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("all")), *ReferralStatus.choices], required=False
    )
    receiver_kind = forms.ChoiceField(
        label=_("Referred to"), choices=[("", _("all")), *ReceiverKind.choices], required=False
    )
    loop = forms.ChoiceField(
        label=_("Loop"), choices=[("", _("all")), *Loop.choices], required=False
    )
    stuck = forms.ChoiceField(
        label=_("Stuck"), choices=[("", _("all")), *Stuck.choices], required=False
    )


class ReceivedFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or referring centre"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("all")), *ReferralStatus.choices], required=False
    )


class AnswerForm(forms.Form):
    """A step of the loop: a reason for declining or dropping, and a note."""

    reason = forms.ChoiceField(label=_("Reason"), choices=())
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, action: str, **kwargs):
        super().__init__(*args, **kwargs)
        reasons = {Action.DECLINE: DeclineReason, Action.DROP: DropReason}.get(Action(action))
        if reasons is None:
            del self.fields["reason"]
        else:
            self.fields["reason"].choices = [("", _("choose the reason")), *reasons.choices]


class WithdrawForm(forms.Form):
    note = forms.CharField(
        label=_("Reason for the withdrawal"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The receiver is told that the referral was withdrawn."),
    )


class PolicyForm(forms.ModelForm):
    class Meta:
        model = ReferralPolicy
        fields = ["answer_days", "completion_days"]
