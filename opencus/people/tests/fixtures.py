"""People of a centre, for tests that walk every URL (tenancy, query budget)."""

import datetime as dt

from opencus.people import services


def people_of(centre) -> dict:
    """A person with a relation, a consent and a certificate, as URL kwargs."""
    person = services.person_create(
        centre=centre,
        by=None,
        first_name="Halina",
        last_name=f"Nowak {centre.slug}",
        birth_date=dt.date(1944, 3, 2),
    )
    carer = services.person_create(
        centre=centre,
        by=None,
        first_name="Ewa",
        last_name=f"Nowak {centre.slug}",
        birth_date=dt.date(1975, 6, 1),
    )
    relation = services.relation_add(person=person, other=carer, kind="actual_carer", by=None)
    consent = services.consent_give(
        person=person, by=None, purpose="share_with_provider", form="written"
    )
    certificate = services.certificate_add(
        person=person,
        by=None,
        degree="moderate",
        legal_basis="art9_2_b",
        held_for="usługi dla osób z niepełnosprawnością",
    )
    return {
        "person_id": person.pk,
        "relation_id": relation.pk,
        "consent_id": consent.pk,
        "certificate_id": certificate.pk,
    }
