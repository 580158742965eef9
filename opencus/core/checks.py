"""Project invariants as system checks (run by `manage.py check` and the test suite)."""

from django.apps import apps
from django.core import checks


@checks.register(checks.Tags.models)
def tenant_models_declare_centre_lookup(app_configs=None, **kwargs):
    """A model that points at a centre must say how to scope it (core.tenancy.scope_to_centre)."""
    from opencus.territory.models import Centre

    errors = []
    for model in apps.get_models():
        if not model.__module__.startswith("opencus."):
            continue
        points_at_centre = any(
            getattr(f, "related_model", None) is Centre and f.many_to_one
            for f in model._meta.get_fields()
        )
        if points_at_centre and not getattr(model, "CENTRE_LOOKUP", None):
            errors.append(
                checks.Error(
                    f"{model.__name__} has a foreign key to Centre but no CENTRE_LOOKUP.",
                    hint="Declare CENTRE_LOOKUP so that selectors can scope it to the tenant.",
                    obj=model,
                    id="opencus.E001",
                )
            )
    return errors
