from django import forms
from django.utils.translation import gettext_lazy as _

from opencus.territory.enums import CentreStatus, GminaKind
from opencus.territory.models import Centre, Gmina, Voivodeship
from opencus.territory.validators import normalise_nip, normalise_regon


class CentreDetailsForm(forms.ModelForm):
    """What a director may change about their centre: identity and contacts."""

    # Typed with dashes or spaces, NIP and REGON are longer than the digits the model keeps;
    # clean_nip/clean_regon compact them and the model then checks length and checksum.
    nip = forms.CharField(
        label=_("NIP"), max_length=20, required=False, help_text=_("10 digits; dashes are ignored.")
    )
    regon = forms.CharField(
        label=_("REGON"), max_length=20, required=False, help_text=_("9 or 14 digits.")
    )

    class Meta:
        model = Centre
        fields = [
            "name",
            "street",
            "postal_code",
            "city",
            "phone",
            "email",
            "website",
            "regon",
            "nip",
            "predecessor_ops",
            "performs_social_assistance",
            "planned_opening_on",
        ]
        widgets = {"planned_opening_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        help_texts = {"postal_code": _("As 00-000.")}

    def clean_nip(self):
        return normalise_nip(self.cleaned_data["nip"])

    def clean_regon(self):
        return normalise_regon(self.cleaned_data["regon"])


class CentreStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=CentreStatus.choices)
    effective_on = forms.DateField(
        label=_("Effective on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=500,
        required=False,
        help_text=_("E.g. the council resolution number and date."),
    )


class CentreFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    voivodeship = forms.ModelChoiceField(
        label=_("Voivodeship"),
        queryset=Voivodeship.objects.order_by("name"),
        required=False,
        empty_label=_("all"),
        to_field_name="code",
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("all")), *CentreStatus.choices], required=False
    )


class GminaFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or TERYT code"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Type"), choices=[("", _("all")), *GminaKind.choices], required=False
    )


class GminaChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Gmina):
        return f"{obj.name} – {obj.powiat} ({obj.code})"
