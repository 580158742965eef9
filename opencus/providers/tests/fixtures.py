"""Partnerships, leaders, attributes cards and portfolios for tests, and for the tests that
walk every URL."""

import datetime as dt
import itertools
from decimal import Decimal

from django.utils import timezone

from opencus.catalogue.enums import ServiceArea, ServiceType
from opencus.providers import services
from opencus.providers.enums import (
    ExperienceKind,
    LegalForm,
    Quadrant,
    SpecialisationKind,
    Sphere,
    TaskForm,
)
from opencus.providers.models import AttributesCard, Partnership, Portfolio

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


# --- the attributes card and the portfolio ---------------------------------------------------

QUESTIONS = {
    "strengths_use_opportunities": "Tak: kadra opiekunek i własny lokal pozwolą przyjąć zlecenia.",
    "strengths_overcome_threats": "Częściowo: rezerwa kadrowa wystarczy na dwa miesiące.",
    "weaknesses_block_opportunities": "Nie, jeśli CUS pomoże w transporcie.",
    "weaknesses_strengthen_threats": "Brak wkładu własnego może opóźnić start usługi.",
}


def swot_points(**overrides) -> dict:
    """A point in every sphere and quadrant: (sphere, quadrant) -> text."""
    points = {
        (sphere.value, quadrant.value): f"{quadrant.label} – {sphere.label}"
        for sphere in Sphere
        for quadrant in Quadrant
    }
    points[(Sphere.STAFF, Quadrant.STRENGTHS)] = "Doświadczone opiekunki wytchnieniowe\nPsycholog"
    return points | overrides


def filled_card(organisation, *, by=None, **fields) -> AttributesCard:
    """A draft card of ``organisation`` with every sphere and question filled in."""
    card = services.card_start(organisation=organisation, by=by)
    return services.card_save(
        card=card,
        by=by,
        points=swot_points(),
        zet_coauthor="dr Anna Ekspert (ZET Świebodzin)",
        ethics="Kodeks etyczny przyjęty uchwałą zarządu.",
        community_trust="Partner gminy od 2015 r.",
        **(QUESTIONS | fields),
    )


def final_card(organisation, *, by=None, **fields) -> AttributesCard:
    return services.card_finalise(card=filled_card(organisation, by=by, **fields), by=by)


def respite_care(portfolio, *, by=None, **fields):
    """A kind (a) respite-care specialisation with experience of last year and a reference."""
    data = {
        "kind": SpecialisationKind.READY,
        "service_type": ServiceType.RESPITE_CARE,
        "area": ServiceArea.SOCIAL_ASSISTANCE,
        "recipients": "Opiekunowie osób z niepełnosprawnościami",
        "guarantees": "Opiekunka z kwalifikacjami, zastępstwo w 24 godziny",
        "capacity": "12 rodzin miesięcznie",
    } | fields
    specialisation = services.specialisation_create(portfolio=portfolio, by=by, **data)
    today = timezone.localdate()
    services.experience_create(
        specialisation=specialisation,
        by=by,
        kind=ExperienceKind.COMMISSION,
        title="Opieka wytchnieniowa 2025",
        funder="Gmina Świebodzin",
        starts_on=today - dt.timedelta(days=400),
        ends_on=today - dt.timedelta(days=40),
        value=Decimal("84000.00"),
    )
    services.reference_create(
        specialisation=specialisation,
        by=by,
        issued_by="OPS w Świebodzinie",
        issued_on=today - dt.timedelta(days=30),
        summary="Usługa wykonana terminowo i z dużą starannością.",
        contact="Jan Kierownik, tel. 68 000 00 01",
    )
    return specialisation


def transport_b(portfolio, *, by=None):
    """A kind (b) specialisation: transport, if the centre entrusts it."""
    return services.specialisation_create(
        portfolio=portfolio,
        by=by,
        kind=SpecialisationKind.WITH_SUPPORT,
        service_type=ServiceType.TRANSPORT,
        area=ServiceArea.HEALTH,
        recipients="Osoby starsze bez własnego transportu",
        support_form=TaskForm.ENTRUSTING,
        support_needed="Dotacja na leasing busa przystosowanego do wózków.",
    )


def draft_portfolio(organisation, *, by=None, **fields) -> Portfolio:
    """A draft portfolio with a respite-care specialisation (kind a)."""
    portfolio = services.portfolio_start(organisation=organisation, by=by)
    portfolio = services.portfolio_save(
        portfolio=portfolio,
        by=by,
        **{
            "introduction": "Specjalizujemy się w opiece wytchnieniowej.",
            "guarantees": "Jakość, indywidualne podejście, wysłuchanie uwag.",
            "is_public": True,
        }
        | fields,
    )
    respite_care(portfolio, by=by)
    return portfolio


def final_portfolio(organisation, *, by=None, **fields) -> Portfolio:
    portfolio = draft_portfolio(organisation, by=by, **fields)
    return services.portfolio_finalise(portfolio=portfolio, by=by)


def partners_of(centre, organisation=None) -> dict:
    """URL kwargs:

    - ``partnership_id`` of a pending request to ``centre`` (a new organisation registers, or
      ``organisation`` asks);
    - that organisation's documents: ``card_id`` (final version 1, and a draft version 2
      to edit), ``portfolio_id`` (final
      version 1, sent to ``centre``: ``submission_id``) and, from the draft version 2 of the
      portfolio, ``specialisation_id``, ``experience_id`` and ``reference_id``;
    - ``profile_slug`` of an organisation ``centre`` has verified (its public page).
    """
    if organisation is None:
        partnership = registered(
            centre, name=f"Fundacja Pomocna {centre.slug}", nip="", krs="", regon=""
        )
    else:
        partnership = services.partnership_request(
            organisation=organisation, centre=centre, by=None
        )
    organisation = partnership.organisation
    # One point a sphere is enough to be final (and cheap: this runs for every URL walked).
    card = services.card_start(organisation=organisation, by=None)
    card = services.card_save(
        card=card, by=None, points={(s, "strengths"): "Kadra" for s in Sphere.values}, **QUESTIONS
    )
    card = services.card_finalise(card=card, by=None)
    portfolio = final_portfolio(organisation)
    (submission,) = services.portfolio_send(portfolio=portfolio, by=None, centres=[centre])
    services.card_start(organisation=organisation, by=None)  # version 2, a draft
    draft = services.portfolio_start(organisation=organisation, by=None)
    specialisation = draft.specialisations.get()
    public = registered(centre, name=f"Fundacja Widoczna {centre.slug}", nip="", krs="", regon="")
    services.partnership_verify(partnership=public, by=None)
    return {
        "partnership_id": partnership.pk,
        "card_id": card.pk,
        "portfolio_id": portfolio.pk,
        "submission_id": submission.pk,
        "specialisation_id": specialisation.pk,
        "experience_id": specialisation.experience.get().pk,
        "reference_id": specialisation.references.get().pk,
        "profile_slug": public.organisation.slug,
    }
