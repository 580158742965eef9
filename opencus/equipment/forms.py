import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencus.equipment.enums import DEFAULT_LOAN_DAYS, Availability, Condition, EquipmentKind
from opencus.equipment.models import Item
from opencus.people.models import Person


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def _person_label(p: Person) -> str:
    return f"{p.last_name} {p.first_name} ({p.birth_date or '–'}{', ' + p.city if p.city else ''})"


class ItemForm(forms.ModelForm):
    class Meta:
        model = Item
        fields = [
            "kind",
            "other_kind",
            "name",
            "inventory_number",
            "serial_number",
            "condition",
            "location_note",
            "acquired_on",
            "description",
            "is_active",
        ]
        widgets = {
            "acquired_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance._state.adding:
            del self.fields["is_active"]

    def _post_clean(self):
        # equipment.services checks the whole item (inventory number once per centre, ...).
        pass


class ItemFilterForm(forms.Form):
    q = forms.CharField(label=_("Name, inventory or serial number"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Type"), choices=[("", _("all")), *EquipmentKind.choices], required=False
    )
    condition = forms.ChoiceField(
        label=_("Condition"), choices=[("", _("all")), *Condition.choices], required=False
    )
    availability = forms.ChoiceField(
        label=_("Availability"),
        choices=[("", _("all in use")), *Availability.choices],
        required=False,
    )


class PersonSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Find the person: name, PESEL or birth date"), required=False, max_length=100
    )


class _PersonChoice(forms.Form):
    """A person chosen among the centre's (radio buttons of what a search found)."""

    person = forms.ModelChoiceField(
        label=_("Person"),
        queryset=Person.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["person"].label_from_instance = _person_label

    def show_only(self, candidates) -> None:
        """Offer only ``candidates`` (and the person already chosen) when the form is shown."""
        shown = {p.pk for p in candidates}
        chosen = getattr(self, "cleaned_data", {}).get("person")
        if chosen is not None:
            shown.add(chosen.pk)
        self.fields["person"].queryset = self.fields["person"].queryset.filter(pk__in=shown)


def _due_default() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=DEFAULT_LOAN_DAYS)


class LoanForm(_PersonChoice):
    lent_on = forms.DateField(label=_("Lent on"), widget=DateInput())
    due_on = forms.DateField(
        label=_("Due back on"),
        widget=DateInput(),
        help_text=_("After the day of lending."),
    )
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("E.g. accessories handed over, where the item will be used."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("lent_on", timezone.localdate())
        self.initial.setdefault("due_on", _due_default())


class ReservationLoanForm(forms.Form):
    """Lending for a reservation: the person is known, the item is chosen among those free."""

    item = forms.ModelChoiceField(
        label=_("Item"), queryset=Item.objects.none(), widget=forms.RadioSelect, empty_label=None
    )
    lent_on = forms.DateField(label=_("Lent on"), widget=DateInput())
    due_on = forms.DateField(
        label=_("Due back on"), widget=DateInput(), help_text=_("After the day of lending.")
    )
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = items
        self.fields["item"].label_from_instance = lambda i: (
            f"{i.name} ({i.inventory_number}, {i.get_condition_display()})"
        )
        self.initial.setdefault("lent_on", timezone.localdate())
        self.initial.setdefault("due_on", _due_default())


class ReturnForm(forms.Form):
    returned_on = forms.DateField(label=_("Returned on"), widget=DateInput())
    condition = forms.ChoiceField(
        label=_("Condition on return"),
        choices=[("", "—"), *Condition.choices],
        help_text=_("This becomes the item's condition: a damaged item cannot be lent."),
    )
    notes = forms.CharField(
        label=_("Notes on return"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReservationForm(_PersonChoice):
    kind = forms.ChoiceField(label=_("Type of equipment"), choices=EquipmentKind.choices)
    wanted_from = forms.DateField(label=_("Needed from"), widget=DateInput())
    note = forms.CharField(label=_("Note"), required=False, max_length=300)

    def __init__(self, *args, item=None, **kwargs):
        super().__init__(*args, **kwargs)
        if item is not None:
            del self.fields["kind"]
        self.initial.setdefault("wanted_from", timezone.localdate())


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reason (optional)"), required=False, max_length=300)


class ReservationFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Type"), choices=[("", _("all")), *EquipmentKind.choices], required=False
    )
