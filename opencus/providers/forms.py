from django import forms
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.core.validators import MinValueValidator
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from opencus.catalogue.enums import ServiceArea, ServiceType
from opencus.core.widgets import FastSelect
from opencus.providers import selectors
from opencus.providers.enums import SPHERE_HELP, LegalForm, PartnershipStatus, Quadrant, Sphere
from opencus.providers.models import (
    AttributesCard,
    Experience,
    Organisation,
    OrganisationNetwork,
    Partnership,
    Portfolio,
    Reference,
    Specialisation,
)
from opencus.providers.services import CARD_FIELDS, experience_earliest_end
from opencus.providers.validators import normalise_krs, normalise_nip, normalise_regon
from opencus.territory.models import Gmina

YES_NO = [("", _("any")), ("yes", _("yes")), ("no", _("no"))]


class FastSelectMultiple(FastSelect):
    """A multiple ``<select>`` rendered in one pass (the gminas of Poland are 2,477 options)."""

    allow_multiple_selected = True

    def __init__(self, attrs=None, choices=()):
        super().__init__({"multiple": True, "size": 8, **(attrs or {})}, choices)

    def value_from_datadict(self, data, files, name):
        return forms.SelectMultiple().value_from_datadict(data, files, name)

    def value_omitted_from_data(self, data, files, name):
        return False


def _gmina_label(gmina) -> str:
    return f"{gmina.name} ({gmina.get_kind_display()}, {gmina.powiat})"


def _gminas():
    return Gmina.objects.select_related("powiat").order_by("name", "code")


class AccountForm(forms.Form):
    """The person who registers the organisation (when not signed in yet)."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validators_help_text_html(),
    )
    password_again = forms.CharField(
        label=_("Password again"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("password") and data.get("password") != data.get("password_again"):
            self.add_error("password_again", _("The two passwords differ."))
        return data


class OrganisationForm(forms.ModelForm):
    """The organisation's profile; numbers may be typed with dashes or spaces."""

    nip = forms.CharField(
        label=_("NIP"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    regon = forms.CharField(
        label=_("REGON"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    krs = forms.CharField(
        label=_("KRS"),
        max_length=20,
        required=False,
        help_text=_("For entities in the National Court Register (10 digits)."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    areas = forms.MultipleChoiceField(
        label=_("Areas of social services its statutory activity covers"),
        choices=ServiceArea.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    operating_gminas = forms.ModelMultipleChoiceField(
        label=_("Territory of operation (gminas)"),
        queryset=Gmina.objects.none(),
        required=False,
        help_text=_("Hold Ctrl (Cmd on a Mac) to choose several; typing a name jumps to it."),
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "legal_form",
            "is_social_enterprise",
            "nip",
            "regon",
            "krs",
            "statutory_activity",
            "seat_gmina",
            "street",
            "postal_code",
            "city",
            "email",
            "phone",
            "website",
        ]
        widgets = {
            "statutory_activity": forms.Textarea(attrs={"rows": 4}),
            "phone": forms.TextInput(attrs={"type": "tel"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        gminas = _gminas()
        self.fields["seat_gmina"].queryset = gminas
        self.fields["seat_gmina"].label_from_instance = _gmina_label
        self.fields["seat_gmina"].widget = FastSelect(choices=self.fields["seat_gmina"].choices)
        self.fields["operating_gminas"].queryset = gminas
        self.fields["operating_gminas"].label_from_instance = _gmina_label
        self.fields["operating_gminas"].widget = FastSelectMultiple(
            choices=self.fields["operating_gminas"].choices
        )
        if self.instance.pk:
            self.initial.setdefault("areas", self.instance.area_codes)
            self.initial.setdefault(
                "operating_gminas", [g.pk for g in self.instance.operating_gminas.all()]
            )

    def validate_unique(self):
        # providers.services checks a taken NIP or KRS and names the holder next to the field.
        pass

    def clean_nip(self):
        return normalise_nip(self.cleaned_data["nip"].strip())

    def clean_regon(self):
        return normalise_regon(self.cleaned_data["regon"].strip())

    def clean_krs(self):
        return normalise_krs(self.cleaned_data["krs"])

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        for name in ("areas", "operating_gminas", "networks", "centre", "message", "agree"):
            data.pop(name, None)
        return data


class RegistrationForm(OrganisationForm):
    centre = forms.ModelChoiceField(
        label=_("Centre to work with"),
        queryset=None,
        help_text=_("The centre verifies the organisation; you can ask other centres later."),
    )
    message = forms.CharField(
        label=_("Message to the centre (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    agree = forms.BooleanField(
        label=_(
            "I am authorised to represent the organisation, and I understand that the centre "
            "processes my data to verify it and to work with it (RODO art. 6(1)(e))"
        )
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = selectors.centres_open_to_partners()


class ProfileForm(OrganisationForm):
    networks = forms.ModelMultipleChoiceField(
        label=_("Networks it belongs to"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["networks"].queryset = selectors.networks()
        if self.instance.pk:
            self.initial.setdefault("networks", [n.pk for n in self.instance.networks.all()])


class RequestForm(forms.Form):
    """An organisation asks one more centre to work with it."""

    centre = forms.ModelChoiceField(label=_("Centre"), queryset=None)
    message = forms.CharField(
        label=_("Message to the centre (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        # A centre that refused may be asked again (after the organisation changed what it
        # was told); one that verified it or is deciding may not.
        self.fields["centre"].queryset = selectors.centres_open_to_partners().exclude(
            partnerships__in=Partnership.objects.filter(organisation=organisation).exclude(
                status=PartnershipStatus.REFUSED
            )
        )


class RefuseForm(forms.Form):
    reason = forms.CharField(
        label=_("Why the centre refuses"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The organisation reads this: say what it would need to change."),
    )


class LeaderForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    role = forms.CharField(
        label=_("Role in the organisation"),
        max_length=150,
        help_text=_("E.g. board member, CIS manager, project coordinator."),
    )
    phone = forms.CharField(
        label=_("Phone"), max_length=40, widget=forms.TextInput(attrs={"type": "tel"})
    )
    email = forms.EmailField(label=_("E-mail"))
    appointed_on = forms.DateField(
        label=_("Appointed on"),
        required=False,
        help_text=_("Today if left empty."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class PartnerFilterForm(forms.Form):
    q = forms.CharField(label=_("Name, place, NIP, REGON or KRS"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("any")), *PartnershipStatus.choices]
    )
    legal_form = forms.ChoiceField(
        label=_("Legal form"), required=False, choices=[("", _("any")), *LegalForm.choices]
    )
    area = forms.ChoiceField(
        label=_("Area"), required=False, choices=[("", _("any")), *ServiceArea.choices]
    )
    social_enterprise = forms.ChoiceField(
        label=_("Social enterprise (PS)"), required=False, choices=YES_NO
    )
    network = forms.ModelChoiceField(
        label=_("Network"),
        required=False,
        queryset=OrganisationNetwork.objects.order_by("name"),
        empty_label=_("any"),
        to_field_name="slug",
    )


class QueueFilterForm(forms.Form):
    q = forms.CharField(label=_("Name, place, NIP, REGON or KRS"), required=False, max_length=100)


# --- the attributes card and the portfolio ---------------------------------------------------


def point_field_name(sphere: str, quadrant: str) -> str:
    return f"{sphere}_{quadrant}"


class CardForm(forms.Form):
    """The draft card: four textareas per sphere (one point a line), the four questions, the
    ethics and the trust of the community, and the ZET co-author."""

    def __init__(self, *args, card: AttributesCard, **kwargs):
        super().__init__(*args, **kwargs)
        texts = {(e.sphere, e.quadrant): e.text for e in card.entries.all()}
        for sphere in Sphere:
            for quadrant in Quadrant:
                name = point_field_name(sphere, quadrant)
                self.fields[name] = forms.CharField(
                    label=capfirst(quadrant.label),
                    required=False,
                    max_length=5000,
                    widget=forms.Textarea(attrs={"rows": 4}),
                )
                self.initial.setdefault(name, texts.get((sphere, quadrant), ""))
        for name in CARD_FIELDS:
            model_field = AttributesCard._meta.get_field(name)
            self.fields[name] = model_field.formfield(required=False)
            if name != "zet_coauthor":
                self.fields[name].widget = forms.Textarea(attrs={"rows": 3})
            self.initial.setdefault(name, getattr(card, name))
        self.fields["zet_coauthor"].help_text = _(
            "Procedure 4: the SWOT is made together with the territorial expert team (ZET)."
        )

    def spheres(self) -> list[dict]:
        """The form laid out by sphere, for the template."""
        return [
            {
                "code": sphere.value,
                "label": sphere.label,
                "help": SPHERE_HELP[sphere],
                "fields": [self[point_field_name(sphere, q)] for q in Quadrant],
            }
            for sphere in Sphere
        ]

    def questions(self) -> list:
        return [self[name] for name in CARD_FIELDS if name != "zet_coauthor"]

    def points(self) -> dict[tuple[str, str], str]:
        return {
            (sphere.value, quadrant.value): self.cleaned_data[point_field_name(sphere, quadrant)]
            for sphere in Sphere
            for quadrant in Quadrant
        }

    def texts(self) -> dict:
        return {name: self.cleaned_data[name] for name in CARD_FIELDS}


class _ServiceCheckedForm(forms.ModelForm):
    """A form for a row the service checks: the rules spanning fields and the constraints are
    the service's (it names the field), the form only checks each field."""

    def validate_unique(self):
        pass

    def validate_constraints(self):
        pass


class PortfolioForm(_ServiceCheckedForm):
    class Meta:
        model = Portfolio
        fields = ["introduction", "guarantees", "zet_coauthor", "is_public"]
        widgets = {
            "introduction": forms.Textarea(attrs={"rows": 5}),
            "guarantees": forms.Textarea(attrs={"rows": 3}),
        }


class SpecialisationForm(_ServiceCheckedForm):
    class Meta:
        model = Specialisation
        fields = [
            "kind",
            "service_type",
            "area",
            "description",
            "recipients",
            "guarantees",
            "capacity",
            "support_form",
            "support_needed",
            "position",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "support_form": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 3}),
            "recipients": forms.Textarea(attrs={"rows": 2}),
            "guarantees": forms.Textarea(attrs={"rows": 2}),
            "support_needed": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "support_form": _("Only for kind (b): how the centre could commission it."),
            "support_needed": _(
                "Only for kind (b): e.g. staff, premises, equipment, a grant for the start."
            ),
            "position": _("1 is shown first within its kind."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].required = False
        self.fields["support_form"].choices = [
            c for c in self.fields["support_form"].choices if c[0]
        ]
        self.fields["kind"].choices = [c for c in self.fields["kind"].choices if c[0]]
        self.fields["service_type"].choices = [("", "—"), *ServiceType.choices]
        self.fields["area"].choices = [("", "—"), *ServiceArea.choices]

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["support_form"] = data.get("support_form") or ""
        return data


class ExperienceForm(_ServiceCheckedForm):
    class Meta:
        model = Experience
        fields = ["kind", "title", "funder", "starts_on", "ends_on", "value", "description"]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ends_on"].help_text = _(
            "Only experience of the last 3 years counts: it ended on %(date)s or later (or "
            "goes on)."
        ) % {"date": experience_earliest_end().strftime("%d.%m.%Y")}
        self.fields["value"].validators.append(MinValueValidator(0))
        self.fields["value"].widget.attrs["min"] = "0"


class ReferenceForm(_ServiceCheckedForm):
    class Meta:
        model = Reference
        fields = ["issued_by", "issued_on", "summary", "contact"]
        widgets = {
            "issued_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "summary": forms.Textarea(attrs={"rows": 3}),
        }


class SendForm(forms.Form):
    """The centres a final version goes to: those the organisation works with or asked to."""

    centres = forms.MultipleChoiceField(
        label=_("Centres"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The portfolio is addressed to the organiser of social services (OUS)."),
    )

    def __init__(self, *args, partnerships, sent: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.centres_by_id = {str(p.centre_id): p.centre for p in partnerships}
        choices = []
        for p in partnerships:
            label = str(p.centre.name)
            if p.centre_id in sent:
                label += " " + str(_("(already sent)"))
            choices.append((str(p.centre_id), label))
        self.fields["centres"].choices = choices

    def chosen_centres(self) -> list:
        return [self.centres_by_id[pk] for pk in self.cleaned_data["centres"]]


class AcknowledgeForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the organisation (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E.g. when the OUS would like to meet, or what the centre needs most."),
    )


class ReceivedFilterForm(forms.Form):
    q = forms.CharField(label=_("Organisation"), required=False, max_length=100)
    service_type = forms.ChoiceField(
        label=_("Service"), required=False, choices=[("", _("any")), *ServiceType.choices]
    )
    acknowledged = forms.ChoiceField(label=_("Acknowledged"), required=False, choices=YES_NO)
