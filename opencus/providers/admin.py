from django.contrib import admin

from opencus.providers.models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "legal_form", "nip", "regon", "krs", "seat_gmina", "is_demo"]
    list_filter = ["legal_form", "is_demo"]
    search_fields = ["name", "nip", "regon", "krs"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["seat_gmina"]
