"""Project invariants as system checks (run by `manage.py check` and the test suite)."""

from django.apps import apps
from django.core import checks


@checks.register(checks.Tags.models)
def tenant_models_declare_centre_lookup(app_configs=None, models=None, **kwargs):
    """A model that points at a centre must say how to scope it (core.tenancy.scope_to_centre)."""
    errors = []
    for model in models if models is not None else apps.get_models():
        if not model.__module__.startswith("opencus."):
            continue
        points_at_centre = any(
            f.many_to_one and _label(f.related_model) == "territory.Centre"
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


def _label(model) -> str:
    # An unresolved lazy reference is still the string "app_label.Model".
    return model if isinstance(model, str) else model._meta.label
