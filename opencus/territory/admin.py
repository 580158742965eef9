from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from opencus.territory.models import (
    Boundary,
    Centre,
    CentreStatusChange,
    Gmina,
    InterMunicipalAgreement,
    Network,
    NetworkTerritory,
    Powiat,
    Voivodeship,
)
from opencus.territory.services import validate_centre_territory


@admin.register(Voivodeship)
class VoivodeshipAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "register_date"]
    search_fields = ["code", "name"]


@admin.register(Powiat)
class PowiatAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "voivodeship"]
    list_filter = ["kind", "voivodeship"]
    search_fields = ["code", "name"]
    list_select_related = ["voivodeship"]


@admin.register(Gmina)
class GminaAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "powiat", "population", "population_year"]
    list_filter = ["kind", "powiat__voivodeship"]
    search_fields = ["code", "name"]
    list_select_related = ["powiat"]
    # The register owns these; import_teryt changes them. Population is ours to maintain.
    readonly_fields = ["code", "name", "kind", "powiat", "register_date"]


@admin.register(Boundary)
class BoundaryAdmin(admin.ModelAdmin):
    list_display = ["code", "level", "source"]
    list_filter = ["level"]
    search_fields = ["code"]
    exclude = ["geometry"]
    readonly_fields = ["code", "level", "source"]


class StatusChangeInline(admin.TabularInline):
    model = CentreStatusChange
    extra = 0
    fields = ["status", "effective_on", "note", "recorded_by", "recorded_at"]
    readonly_fields = ["status", "effective_on", "note", "recorded_by", "recorded_at"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        # Status changes go through centre_change_status (transition rules, dates).
        return False


class CentreAdminForm(forms.ModelForm):
    class Meta:
        model = Centre
        fields = "__all__"  # noqa: DJ007 (the ModelAdmin chooses the fields shown)

    def clean(self):
        cleaned = super().clean()
        if {"creation_mode", "gminas"} <= set(cleaned):
            try:
                validate_centre_territory(
                    creation_mode=cleaned["creation_mode"],
                    seat_gmina=cleaned.get("seat_gmina"),
                    gminas=list(cleaned["gminas"]),
                )
            except ValidationError as exc:
                for field, errors in exc.error_dict.items():
                    self.add_error(field, errors)
        return cleaned


@admin.register(Centre)
class CentreAdmin(admin.ModelAdmin):
    """Registering a centre here follows the same rules as centre_create; later status
    changes go through the director's page (centre_change_status), never this form."""

    form = CentreAdminForm
    list_display = ["name", "seat_gmina", "creation_mode", "status", "status_since", "is_demo"]
    list_filter = ["status", "creation_mode", "is_demo"]
    search_fields = ["name", "slug", "seat_gmina__name"]
    autocomplete_fields = ["seat_gmina", "gminas"]
    list_select_related = ["seat_gmina"]
    inlines = [StatusChangeInline]

    def get_readonly_fields(self, request, obj=None):
        # The first status is chosen when the centre is registered; after that it moves
        # only through recorded, dated transitions.
        return (
            ["created_at", "updated_at"]
            if obj is None
            else ["status", "status_since", "created_at", "updated_at"]
        )

    @transaction.atomic
    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        centre = form.instance
        if not change and not centre.status_changes.exists():
            if centre.status_since is None:
                centre.status_since = timezone.localdate()
                centre.save(update_fields=["status_since"])
            CentreStatusChange.objects.create(
                centre=centre,
                status=centre.status,
                effective_on=centre.status_since,
                recorded_by=request.user,
            )


@admin.register(InterMunicipalAgreement)
class InterMunicipalAgreementAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "lead_gmina", "centre", "valid_from", "valid_to", "is_demo"]
    list_filter = ["kind", "is_demo"]
    search_fields = ["title"]
    autocomplete_fields = ["lead_gmina", "parties", "centre"]


class NetworkTerritoryInline(admin.TabularInline):
    model = NetworkTerritory
    extra = 0
    autocomplete_fields = ["gmina"]


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "voivodeship", "is_demo"]
    list_filter = ["kind"]
    search_fields = ["name"]
    autocomplete_fields = ["centres"]
    inlines = [NetworkTerritoryInline]
