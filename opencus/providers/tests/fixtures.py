"""Partnerships and leaders for tests, and for the tests that walk every URL."""

import itertools

from opencus.providers import services
from opencus.providers.enums import LegalForm
from opencus.providers.models import Partnership

# Valid numbers (checksums match); the "bad" ones differ in the last digit.
GOOD_NIP = "1234563218"
BAD_NIP = "1234563219"
GOOD_REGON = "123456785"
BAD_REGON = "123456786"
GOOD_KRS = "0000123456"
_numbers = itertools.count(1)


def registration(**overrides) -> dict:
    """The fields of a valid registration (without the centre and the person)."""
    return {
        "name": "Spółdzielnia Socjalna Razem",
        "legal_form": LegalForm.SOCIAL_COOPERATIVE,
        "nip": GOOD_NIP,
        "regon": GOOD_REGON,
        "krs": GOOD_KRS,
        "email": "biuro@razem.example",
        "areas": ["social_assistance", "reintegration"],
    } | overrides


def new_account(**overrides) -> dict:
    return {
        "email": "prezes@razem.example",
        "password": "Dluga-fraza-42!",
        "first_name": "Anna",
        "last_name": "Prezes",
        "language": "pl",
    } | overrides


def registered(centre, *, user=None, **overrides) -> Partnership:
    """An organisation registered by ``user`` (or a new account), waiting for ``centre``."""
    fields = registration(**overrides)
    if user is None:
        account = new_account(email=f"rejestruje-{next(_numbers)}@partner.example")
        return services.organisation_register(centre=centre, account=account, **fields)
    return services.organisation_register(centre=centre, user=user, **fields)


def partners_of(centre, organisation=None) -> dict:
    """URL kwargs: ``partnership_id`` of a pending request to ``centre`` (a new organisation
    registers, or ``organisation`` asks)."""
    if organisation is None:
        partnership = registered(
            centre, name=f"Fundacja Pomocna {centre.slug}", nip="", krs="", regon=""
        )
    else:
        partnership = services.partnership_request(
            organisation=organisation, centre=centre, by=None
        )
    return {"partnership_id": partnership.pk}
