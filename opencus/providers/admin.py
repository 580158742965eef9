from django.contrib import admin

from opencus.providers.models import (
    CooperationLeader,
    Organisation,
    OrganisationArea,
    OrganisationNetwork,
    Partnership,
)


class AreaInline(admin.TabularInline):
    model = OrganisationArea
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "legal_form",
        "is_social_enterprise",
        "nip",
        "regon",
        "krs",
        "seat_gmina",
        "is_demo",
    ]
    list_filter = ["legal_form", "is_social_enterprise", "is_demo", "networks"]
    search_fields = ["name", "nip", "regon", "krs"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["seat_gmina", "operating_gminas"]
    filter_horizontal = ["networks"]
    inlines = [AreaInline]


@admin.register(OrganisationNetwork)
class OrganisationNetworkAdmin(admin.ModelAdmin):
    list_display = ["name", "voivodeship", "is_demo"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["organisation", "centre", "status", "requested_at", "decided_at"]
    list_filter = ["status", "centre"]
    search_fields = ["organisation__name"]
    raw_id_fields = ["organisation", "requested_by", "registrant", "decided_by"]


@admin.register(CooperationLeader)
class CooperationLeaderAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organisation", "role", "appointed_on", "ended_on"]
    search_fields = ["last_name", "organisation__name"]
    raw_id_fields = ["organisation", "appointed_by"]
