"""Keep the reference terms in the database equal to the enums (run by data migrations)."""

from opencus.catalogue.models import VOCABULARY_CHOICES, term_uuid


def sync_terms(term_model) -> int:
    """Create the missing terms and re-number positions; returns how many were created.

    ``term_model`` is the historical model in a migration, or ``catalogue.Term``.
    """
    created = 0
    for vocabulary, choices in VOCABULARY_CHOICES.items():
        for position, code in enumerate(choices.values, start=1):
            _term, was_created = term_model.objects.update_or_create(
                vocabulary=vocabulary,
                code=code,
                defaults={"position": position},
                create_defaults={"id": term_uuid(vocabulary, code), "position": position},
            )
            created += was_created
    return created
