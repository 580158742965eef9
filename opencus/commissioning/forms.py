"""Forms of commissioning. They shape the input; the rules are in ``services`` (whose errors
the views show next to these fields, through ``core.forms.add_service_errors``)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from opencus.catalogue.enums import ServiceArea, ServiceType
from opencus.commissioning.enums import (
    SERVICE_TYPE_AREA,
    CallStatus,
    Decision,
    FormalResult,
    Mode,
    OfferStatus,
)
from opencus.commissioning.models import Call, Offer
from opencus.core.widgets import FastSelect
from opencus.providers.enums import LegalForm
from opencus.providers.models import Organisation
from opencus.territory.models import Gmina

ANY = [("", pgettext_lazy("filter", "any"))]
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _gmina_label(gmina: Gmina) -> str:
    return f"{gmina.name} ({gmina.get_kind_display()}, {gmina.powiat})"


# --- the partner search ---------------------------------------------------------------------

ONLY_PARTNERS, ONLY_PS, ONLY_RESERVED = "partners", "ps", "reserved"


class PartnerSearchForm(forms.Form):
    service_type = forms.ChoiceField(
        label=_("Service the centre must provide"), choices=[("", "—"), *ServiceType.choices]
    )
    area = forms.ChoiceField(label=_("Area"), choices=ANY + ServiceArea.choices, required=False)
    gmina = forms.ChoiceField(
        label=_("Gmina"),
        required=False,
        help_text=_("The centre's own gminas first; empty: all of them."),
    )
    q = forms.CharField(label=_("Organisation name"), required=False, max_length=100)
    only = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("", _("every organisation the centre may see")),
            (ONLY_PARTNERS, _("verified partners only")),
            (ONLY_PS, _("social enterprises (PS) only")),
            (ONLY_RESERVED, _("eligible for reserved contracts (art. 94)")),
        ],
    )

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        own = list(centre.gminas.select_related("powiat").order_by("name"))
        own_codes = {g.pk for g in own}
        others = Gmina.objects.select_related("powiat").exclude(pk__in=own_codes).order_by("name")
        self.gminas = {g.pk: g for g in own}
        choices = [("", _("the centre's gminas"))]
        choices += [(g.pk, _gmina_label(g)) for g in own]
        choices += [(g.pk, _gmina_label(g)) for g in others]
        self._all_gminas = {g.pk: g for g in others} | self.gminas
        self.fields["gmina"].choices = choices
        self.fields["gmina"].widget = FastSelect(choices=choices)
        if self.is_bound and "area" not in self.data:
            # A link with only the service (from a call, the navigation): its usual area.
            self.data = self.data.copy()
            self.data["area"] = SERVICE_TYPE_AREA.get(self.data.get("service_type", ""), "")

    def clean_gmina(self):
        code = self.cleaned_data["gmina"]
        return self._all_gminas.get(code) if code else None


# --- the call -------------------------------------------------------------------------------


class CallForm(forms.ModelForm):
    """The terms of a call; the service checks the rules of its legal route."""

    offers_deadline = forms.DateTimeField(
        label=_("Offers deadline (date and time)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_(
            "Offers submitted after it are refused. An open competition gives at least 21 days "
            "from the publication; an in-house task has none."
        ),
    )

    class Meta:
        model = Call
        fields = [
            "title",
            "mode",
            "task_form",
            "procurement_kind",
            "service_type",
            "area",
            "gminas",
            "terms",
            "eligibility",
            "social_clauses",
            "budget",
            "task_starts_on",
            "task_ends_on",
            "offers_deadline",
        ]
        widgets = {
            "mode": forms.RadioSelect,
            "gminas": forms.CheckboxSelectMultiple,
            "terms": forms.Textarea(attrs={"rows": 6}),
            "eligibility": forms.Textarea(attrs={"rows": 3}),
            "social_clauses": forms.Textarea(attrs={"rows": 3}),
            "task_starts_on": DATE,
            "task_ends_on": DATE,
        }

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gminas"].queryset = centre.gminas.select_related("powiat").order_by("name")
        self.fields["gminas"].label_from_instance = _gmina_label
        # Choices without Django's untranslated blank label; the procedure has no blank at all.
        self.fields["mode"].choices = Mode.choices
        for name in ("task_form", "procurement_kind", "service_type", "area"):
            self.fields[name].choices = [("", "—"), *self.fields[name].choices[1:]]
        self.fields["budget"].widget.attrs.update({"min": "0", "step": "0.01"})

    def _post_clean(self):
        # The service validates the call (and names the rule that fails); not the model here.
        pass

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("gminas", None)
        return data


class CriterionForm(forms.Form):
    name = forms.CharField(label=_("Criterion"), max_length=200, required=False)
    description = forms.CharField(
        label=_("How it is judged"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    max_points = forms.IntegerField(
        label=_("Maximum points"), min_value=1, max_value=100, required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("name") and not data.get("max_points"):
            self.add_error("max_points", _("Give the maximum points of the criterion."))
        if data.get("max_points") and not data.get("name"):
            self.add_error("name", _("Name the criterion."))
        return data


CriterionFormSet = forms.formset_factory(CriterionForm, extra=2, max_num=20)


def criteria_of(formset) -> list[dict]:
    """The filled-in rows of the criteria formset."""
    return [f.cleaned_data for f in formset.forms if f.cleaned_data.get("name")]


class NoticeForm(forms.Form):
    text = forms.CharField(
        label=_("Correction notice"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Published next to the call with today's date; the terms stay as published."),
    )


class GrantPoolForm(forms.Form):
    year = forms.IntegerField(label=_("Budget year"))
    amount = forms.DecimalField(
        label=_("Grants planned for public tasks of NGOs (PLN)"),
        max_digits=14,
        decimal_places=2,
        help_text=_(
            "The grants the gmina's budget plans in the year for public tasks of NGOs, as in "
            "its programme of cooperation. Small grants (art. 19a) may take at most "
            "%(share)s%% of them."
        ),
    )
    source = forms.CharField(
        label=_("Source"),
        required=False,
        max_length=300,
        help_text=_("E.g. the resolution adopting the programme of cooperation or the budget."),
    )

    def __init__(self, *args, share: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["amount"].help_text = self.fields["amount"].help_text % {"share": share}


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the cancellation"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Published with the call, e.g. “no valid offers”."),
    )


class InviteForm(forms.Form):
    call = forms.ModelChoiceField(label=_("Call"), queryset=Call.objects.none())
    message = forms.CharField(
        label=_("Message to the organisation (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, calls, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["call"].queryset = calls
        self.fields["call"].label_from_instance = lambda c: (
            f"{c.number} {c.title} ({c.get_status_display()})"
        )


class AssignForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Gmina unit"),
        queryset=Organisation.objects.filter(legal_form=LegalForm.GMINA_UNIT).order_by("name"),
        help_text=_("Only organisations registered with the legal form “gmina unit”."),
    )
    amount = forms.DecimalField(
        label=_("Amount (PLN)"), max_digits=12, decimal_places=2, min_value=0
    )
    reason = forms.CharField(
        label=_("Basis of the assignment"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E.g. the statute of the unit or the council's resolution."),
    )


# --- evaluation -----------------------------------------------------------------------------


class CheckForm(forms.Form):
    result = forms.ChoiceField(
        label=_("Result of the formal check"),
        choices=FormalResult.choices,
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason (required to reject)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ScoreForm(forms.Form):
    """Points and a reason for each criterion of the call: ``points_<id>``, ``reason_<id>``."""

    def __init__(self, *args, criteria, scores, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        existing = {s.criterion_id: s for s in scores}
        for criterion in self.criteria:
            score = existing.get(criterion.pk)
            self.fields[f"points_{criterion.pk}"] = forms.DecimalField(
                label=_("Points (0–%(max)s)") % {"max": criterion.max_points},
                max_digits=5,
                decimal_places=2,
                required=False,
                initial=score.points if score else None,
                widget=forms.NumberInput(
                    attrs={"min": "0", "max": str(criterion.max_points), "step": "0.5"}
                ),
            )
            self.fields[f"reason_{criterion.pk}"] = forms.CharField(
                label=_("Reason"),
                required=False,
                initial=score.reason if score else "",
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def rows(self):
        return [(c, self[f"points_{c.pk}"], self[f"reason_{c.pk}"]) for c in self.criteria]

    def scores(self) -> dict:
        return {
            c.pk: (self.cleaned_data.get(f"points_{c.pk}"), self.cleaned_data.get(f"reason_{c.pk}"))
            for c in self.criteria
        }


class AwardForm(forms.Form):
    """For each formally accepted offer: award or not, the amount, and the reason."""

    def __init__(self, *args, offers, **kwargs):
        super().__init__(*args, **kwargs)
        self.offers = list(offers)
        for offer in self.offers:
            self.fields[f"decision_{offer.pk}"] = forms.ChoiceField(
                label=_("Decision"),
                choices=Decision.choices,
                widget=forms.RadioSelect,
                required=False,
            )
            self.fields[f"amount_{offer.pk}"] = forms.DecimalField(
                label=_("Amount awarded (PLN)"),
                max_digits=12,
                decimal_places=2,
                required=False,
                help_text=_("Empty: what the offer asks."),
            )
            self.fields[f"reason_{offer.pk}"] = forms.CharField(
                label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
            )

    def rows(self):
        return [
            (o, self[f"decision_{o.pk}"], self[f"amount_{o.pk}"], self[f"reason_{o.pk}"])
            for o in self.offers
        ]

    def decisions(self) -> dict:
        data = self.cleaned_data
        return {
            o.pk: {
                "decision": data.get(f"decision_{o.pk}"),
                "amount": data.get(f"amount_{o.pk}"),
                "reason": data.get(f"reason_{o.pk}", ""),
            }
            for o in self.offers
        }


# --- the offer (provider portal) ------------------------------------------------------------


class OfferForm(forms.ModelForm):
    class Meta:
        model = Offer
        fields = [
            "summary",
            "delivery",
            "unit",
            "units",
            "unit_price",
            "amount",
            "own_contribution",
            "own_contribution_description",
            "task_starts_on",
            "task_ends_on",
            "schedule",
            "staff",
            "declares_reserved_eligibility",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "delivery": forms.Textarea(attrs={"rows": 6}),
            "own_contribution_description": forms.Textarea(attrs={"rows": 2}),
            "schedule": forms.Textarea(attrs={"rows": 3}),
            "staff": forms.Textarea(attrs={"rows": 3}),
            "task_starts_on": DATE,
            "task_ends_on": DATE,
        }

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", "—"), *self.fields["unit"].choices[1:]]
        if not call.is_supporting:
            del self.fields["own_contribution"]
            del self.fields["own_contribution_description"]
        if not call.is_reserved:
            del self.fields["declares_reserved_eligibility"]
        if not self.instance.pk:
            self.initial.setdefault("task_starts_on", call.task_starts_on)
            self.initial.setdefault("task_ends_on", call.task_ends_on)
        for name in ("units", "unit_price", "amount", "own_contribution"):
            if name in self.fields:
                self.fields[name].widget.attrs.update({"min": "0", "step": "0.01"})

    def _post_clean(self):
        # The service checks the offer against the call (and saves drafts incomplete).
        pass


class CommentForm(forms.Form):
    offer = forms.UUIDField(widget=forms.HiddenInput)
    name = forms.CharField(label=_("Your name or organisation"), max_length=100)
    comment = forms.CharField(
        label=_("Comment"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )


# --- list filters ---------------------------------------------------------------------------


class CallFilterForm(forms.Form):
    q = forms.CharField(label=_("Title or number"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("Status"), choices=ANY + CallStatus.choices, required=False)
    mode = forms.ChoiceField(label=_("Procedure"), choices=ANY + Mode.choices, required=False)
    service_type = forms.ChoiceField(
        label=_("Service"), choices=ANY + ServiceType.choices, required=False
    )


class OrganisationCallFilterForm(forms.Form):
    q = forms.CharField(label=_("Title, number or centre"), required=False, max_length=100)
    service_type = forms.ChoiceField(
        label=_("Service"), choices=ANY + ServiceType.choices, required=False
    )
    open = forms.ChoiceField(
        label=_("Open for offers"),
        required=False,
        choices=[("", pgettext_lazy("filter", "any")), ("yes", _("still open"))],
    )


class OfferFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ANY + OfferStatus.choices, required=False)


PUBLIC_STATUSES = [(s, label) for s, label in CallStatus.choices if s not in (CallStatus.DRAFT,)]


class PublicCallFilterForm(forms.Form):
    q = forms.CharField(label=_("Title, number or centre"), required=False, max_length=100)
    service_type = forms.ChoiceField(
        label=_("Service"), choices=ANY + ServiceType.choices, required=False
    )
    status = forms.ChoiceField(label=_("Status"), choices=ANY + PUBLIC_STATUSES, required=False)
