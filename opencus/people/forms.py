from django import forms
from django.utils.translation import gettext_lazy as _

from opencus.core.widgets import FastSelect
from opencus.people.enums import ConsentForm, ConsentPurpose, RelationKind
from opencus.people.models import DisabilityCertificate, Person
from opencus.territory.models import Gmina


class PersonForm(forms.ModelForm):
    confirm_new = forms.BooleanField(
        label=_("I have checked: this is a different person"), required=False
    )

    class Meta:
        model = Person
        fields = [
            "first_name",
            "last_name",
            "pesel",
            "birth_date",
            "sex",
            "street",
            "postal_code",
            "city",
            "gmina",
            "phone",
            "email",
            "preferred_language",
            "needs_sign_language",
            "needs_easy_to_read",
            "needs_large_print",
            "accessibility_notes",
            "legal_basis",
            "processing_purpose",
        ]
        widgets = {
            "birth_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "phone": forms.TextInput(attrs={"type": "tel"}),
            "pesel": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
            "accessibility_notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        # Any gmina of Poland (a carer may live elsewhere); typing the name jumps to it.
        self.fields["gmina"].queryset = Gmina.objects.select_related("powiat").order_by(
            "name", "code"
        )
        self.fields["gmina"].widget = FastSelect(choices=self.fields["gmina"].choices)
        self.fields["gmina"].label_from_instance = lambda g: (
            f"{g.name} ({g.get_kind_display()}, {g.powiat})"
        )
        if self.instance._state.adding:
            self.initial.setdefault("gmina", centre.seat_gmina_id)
        else:
            del self.fields["confirm_new"]

    def _post_clean(self):
        # people.services.validate_person checks the whole record (PESEL, duplicates).
        pass

    def person_data(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "confirm_new"}


class PersonSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name, PESEL or birth date"),
        required=False,
        max_length=100,
        help_text=_("Search before you register someone: they may be here already."),
    )


class RelationForm(forms.Form):
    other = forms.ModelChoiceField(
        label=_("Who"), queryset=Person.objects.none(), widget=forms.RadioSelect, empty_label=None
    )
    kind = forms.ChoiceField(label=_("Relation"), choices=RelationKind.choices)
    evidence = forms.CharField(
        label=_("Evidence"),
        max_length=300,
        required=False,
        help_text=_("E.g. court decision number for a legal representative."),
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other"].queryset = candidates
        self.fields["other"].label_from_instance = lambda p: (
            f"{p} ({p.birth_date or '–'}{', PESEL ' + p.pesel if p.pesel else ''})"
        )


class EndForm(forms.Form):
    ended_on = forms.DateField(label=_("End date"), widget=forms.DateInput(attrs={"type": "date"}))


class GiveConsentForm(forms.Form):
    purpose = forms.ChoiceField(label=_("Consent to"), choices=ConsentPurpose.choices)
    form = forms.ChoiceField(label=_("Form"), choices=ConsentForm.choices)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class CertificateForm(forms.ModelForm):
    class Meta:
        model = DisabilityCertificate
        fields = ["degree", "symbol", "valid_until", "legal_basis", "held_for"]
        widgets = {"valid_until": forms.DateInput(attrs={"type": "date"})}


class MergeForm(forms.Form):
    keep = forms.ModelChoiceField(
        label=_("Keep this record"),
        queryset=Person.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].queryset = candidates
        self.fields["keep"].label_from_instance = lambda p: (
            f"{p} ({p.birth_date or '–'}{', PESEL ' + p.pesel if p.pesel else ''})"
        )
