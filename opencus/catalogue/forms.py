from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from opencus.catalogue.enums import RequiredDocument, ServiceArea, ServiceStatus, Weekday
from opencus.catalogue.models import Location, Service, Term, Vocabulary
from opencus.catalogue.services import (
    EDITABLE_SERVICE_FIELDS,
    SERVICE_FIELDS,
    SERVICE_RELATIONS,
    allowed_resident_gminas,
    validate_service,
)
from opencus.providers.models import Organisation
from opencus.territory.models import Gmina


class TermChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, vocabulary: str, **kwargs):
        super().__init__(
            queryset=Term.objects.filter(vocabulary=vocabulary).order_by("position"), **kwargs
        )

    def label_from_instance(self, obj):
        return obj.label


class GminaChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: Gmina):
        return f"{obj.name} ({obj.get_kind_display()}, {obj.code})"


SECTIONS = [
    (_("What the service is"), ["name", "summary", "description", "provider"]),
    (_("Classification"), ["areas", "target_groups", "needs"]),
    (_("How it is given"), ["at_home", "at_location", "mobile", "remote", "access_mode"]),
    (_("Who may use it"), ["min_age", "max_age", "residents_of", "documents", "eligibility_notes"]),
    (
        _("Cost and real value"),
        ["fee_kind", "unit", "market_value", "resident_price", "funding", "fee_notes"],
    ),
    (_("Capacity"), ["capacity", "capacity_period"]),
    (_("How to apply and contact"), ["how_to_apply", "phone", "email", "website"]),
]


class ServiceForm(forms.ModelForm):
    """The OUS's service form. Field rules live in ``catalogue.services.validate_service``."""

    areas = TermChoiceField(Vocabulary.AREA, label=_("Areas (CUS Act, art. 2)"), required=False)
    target_groups = TermChoiceField(
        Vocabulary.TARGET_GROUP, label=_("Target groups"), required=False
    )
    needs = TermChoiceField(
        Vocabulary.NEED,
        label=_("Helps with"),
        required=False,
        help_text=_("The find-help wizard matches residents' answers to these."),
    )
    funding = TermChoiceField(Vocabulary.FUNDING, label=_("Funded by"), required=False)
    residents_of = GminaChoiceField(
        queryset=Gmina.objects.none(),
        label=_("Open to residents of"),
        required=False,
        help_text=_(
            "The centre's own gminas, and gminas bound to it by an inter-municipal agreement."
        ),
    )
    documents = forms.MultipleChoiceField(
        label=_("Documents needed"),
        choices=RequiredDocument.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    confirm_duplicate = forms.BooleanField(
        label=_("This is a different service: save it anyway"), required=False
    )

    class Meta:
        model = Service
        fields = list(EDITABLE_SERVICE_FIELDS)
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 6}),
            "eligibility_notes": forms.Textarea(attrs={"rows": 3}),
            "fee_notes": forms.Textarea(attrs={"rows": 3}),
            "how_to_apply": forms.Textarea(attrs={"rows": 3}),
            "phone": forms.TextInput(attrs={"type": "tel"}),
        }

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.centre = centre
        self.fields["residents_of"].queryset = allowed_resident_gminas(centre).order_by("name")
        self.fields["provider"].queryset = Organisation.objects.order_by("name")
        self.fields["provider"].empty_label = _("the centre itself")
        # Not ``instance.pk``: a new service already has its UUID before it is saved.
        if not self.instance._state.adding:
            for name in ("areas", "target_groups", "needs", "funding", "residents_of"):
                self.initial[name] = list(getattr(self.instance, name).all())
            self.initial["documents"] = list(self.instance.documents.values_list("kind", flat=True))
        else:
            self.initial.setdefault("residents_of", list(centre.gminas.all()))

    def clean(self):
        """When a field is already wrong, check the service's rules on the fields that are not,
        so that one submission shows every mistake (the view checks them all on a valid form).
        """
        cleaned = super().clean()
        if self._errors:
            data = {k: v for k, v in cleaned.items() if k in SERVICE_FIELDS | SERVICE_RELATIONS}
            try:
                validate_service(
                    centre=self.centre,
                    fields={k: v for k, v in data.items() if k in SERVICE_FIELDS},
                    relations={k: v for k, v in data.items() if k in SERVICE_RELATIONS},
                )
            except ValidationError as exc:
                for field, errors in exc.error_dict.items():
                    if field in self.fields and field in cleaned:
                        self.add_error(field, errors)
        return cleaned

    def _post_clean(self):
        # The service function validates the whole service (fees, ages, gminas, delivery) and
        # reports by field; a second, model-level pass here would only repeat its messages.
        pass

    def service_data(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k != "confirm_duplicate"}
        data["areas"], data["target_groups"] = list(data["areas"]), list(data["target_groups"])
        data["needs"], data["funding"] = list(data["needs"]), list(data["funding"])
        data["residents_of"] = list(data["residents_of"])
        return data

    def sections(self):
        return [(title, [self[name] for name in names]) for title, names in SECTIONS]


class ServiceFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("all")), *ServiceStatus.choices], required=False
    )
    area = forms.ChoiceField(
        label=_("Area"), choices=[("", _("all")), *ServiceArea.choices], required=False
    )


class StatusChangeForm(forms.Form):
    status = forms.ChoiceField(choices=ServiceStatus.choices, widget=forms.HiddenInput)
    note = forms.CharField(label=_("Note (optional)"), max_length=300, required=False)


class LocationForm(forms.ModelForm):
    class Meta:
        model = Location
        fields = [
            "name",
            "street",
            "postal_code",
            "city",
            "gmina",
            "latitude",
            "longitude",
            "wheelchair_access",
            "accessible_toilet",
            "hearing_loop",
            "parking",
            "accessibility_notes",
            "transport_notes",
        ]
        widgets = {
            "accessibility_notes": forms.Textarea(attrs={"rows": 3}),
            "transport_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gmina"].queryset = allowed_resident_gminas(centre).order_by("name")


class ServiceLocationForm(forms.Form):
    location = forms.ModelChoiceField(label=_("Location"), queryset=Location.objects.none())
    description = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = Location.objects.filter(centre=centre).order_by("name")


class ScheduleForm(forms.Form):
    weekday = forms.ChoiceField(label=_("Day"), choices=Weekday.choices)
    opens_at = forms.TimeField(label=_("From"), widget=forms.TimeInput(attrs={"type": "time"}))
    closes_at = forms.TimeField(label=_("To"), widget=forms.TimeInput(attrs={"type": "time"}))
    service_location = forms.ModelChoiceField(
        label=_("At"),
        queryset=Location.objects.none(),
        required=False,
        empty_label=_("everywhere the service is given"),
    )
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_location"].queryset = service.service_locations.select_related(
            "location"
        )
        self.fields["service_location"].label_from_instance = lambda link: link.location.name


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (XLSX or CSV)"),
        help_text=_("Use the columns of the export; every row becomes a draft service."),
    )
