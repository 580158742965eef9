from django import forms
from django.utils.translation import gettext_lazy as _

from opencus.catalogue.enums import DeliveryMode, FeeKind, Need, ServiceArea, TargetGroup
from opencus.core.widgets import FastSelect
from opencus.portal.selectors import served_gminas
from opencus.territory.models import Gmina


class GminaChoice(forms.ModelChoiceField):
    widget = FastSelect

    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.get_kind_display()}, {obj.powiat})"


class SearchForm(forms.Form):
    q = forms.CharField(label=_("What are you looking for?"), required=False, max_length=100)
    area = forms.ChoiceField(
        label=_("Area"),
        choices=[("", _("any")), *ServiceArea.choices],
        required=False,
        widget=FastSelect,
    )
    group = forms.ChoiceField(
        label=_("For whom"),
        choices=[("", _("anyone")), *TargetGroup.choices],
        required=False,
        widget=FastSelect,
    )
    gmina = GminaChoice(
        label=_("I live in gmina"),
        queryset=Gmina.objects.none(),
        required=False,
        to_field_name="code",
        empty_label=_("any"),
    )
    price = forms.ChoiceField(
        label=_("Cost"),
        choices=[("", _("any")), *FeeKind.choices],
        required=False,
        widget=FastSelect,
    )
    delivery = forms.ChoiceField(
        label=_("How it is given"),
        choices=[("", _("any way")), *DeliveryMode.choices],
        required=False,
        widget=FastSelect,
    )
    age = forms.IntegerField(label=_("Age"), required=False, min_value=0, max_value=120)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gmina"].queryset = served_gminas()


class WizardForm(forms.Form):
    FOR_WHOM = [
        ("me", _("for me")),
        ("family", _("for someone in my family")),
        ("cared", _("for someone I look after")),
        ("child", _("for a child")),
    ]
    TRAVEL = [
        ("yes", _("yes, on their own")),
        ("with_help", _("only with help")),
        ("no", _("no")),
    ]
    for_whom = forms.ChoiceField(
        label=_("Who needs help?"), choices=FOR_WHOM, widget=forms.RadioSelect
    )
    age = forms.IntegerField(label=_("How old is the person?"), min_value=0, max_value=120)
    needs = forms.MultipleChoiceField(
        label=_("What is hard now?"),
        choices=Need.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose everything that fits."),
    )
    lives_alone = forms.BooleanField(label=_("The person lives alone"), required=False)
    gmina = GminaChoice(
        label=_("In which gmina does the person live?"),
        queryset=Gmina.objects.none(),
        to_field_name="code",
        help_text=_("The gminas served by a social services centre in OpenCUS."),
    )
    travel = forms.ChoiceField(
        label=_("Can the person travel to a service?"), choices=TRAVEL, widget=forms.RadioSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gmina"].queryset = served_gminas()
