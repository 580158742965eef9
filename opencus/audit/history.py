"""Presenting django-auditlog entries: field names in the user's language, values as text."""

import contextlib

from django.core.exceptions import FieldDoesNotExist


def describe_changes(entry) -> list[dict]:
    """[{field, old, new}] for one LogEntry, with verbose field names where the model has them."""
    changes = entry.changes_dict or {}
    model = entry.content_type.model_class() if entry.content_type_id else None
    described = []
    for name, values in changes.items():
        label = name
        if model is not None:
            with contextlib.suppress(FieldDoesNotExist):
                label = str(getattr(model._meta.get_field(name), "verbose_name", name))
        if isinstance(
            values, dict
        ):  # many-to-many: {"type": "m2m", "operation": ..., "objects": [...]}
            old, new = values.get("operation", ""), ", ".join(map(str, values.get("objects", [])))
        else:
            old, new = [*list(values), "", ""][:2]
        described.append(
            {
                "field": label,
                "old": "" if old in (None, "None") else old,
                "new": "" if new in (None, "None") else new,
            }
        )
    return described
