"""The one scoping helper: every query of tenant data goes through ``scope_to_centre``.

A model that holds data of a centre says how to reach its centre in ``CENTRE_LOOKUP``
(``"centre"``, ``"memberships__centre"``, ...). A system check (core/checks.py) makes sure
every model with a foreign key to ``Centre`` declares it; a model that reaches its centre
another way (like ``User``, through memberships) declares it by hand.
"""

from django.db.models import Model, QuerySet


def centre_lookup(model: type[Model]) -> str:
    lookup = getattr(model, "CENTRE_LOOKUP", None)
    if not lookup:
        raise TypeError(f"{model.__name__} declares no CENTRE_LOOKUP; it cannot be centre-scoped.")
    return lookup


def scope_to_centre[M: Model](queryset: QuerySet[M], centre) -> QuerySet[M]:
    """Restrict ``queryset`` to rows of ``centre``; an object of another centre is then a 404."""
    lookup = centre_lookup(queryset.model)
    scoped = queryset.filter(**{lookup: centre})
    # A lookup through a to-many relation can repeat rows.
    return scoped.distinct() if "__" in lookup else scoped
