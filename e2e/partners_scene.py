"""The scene's partners: requests to centre a waiting and decided, and the world's provider
with its profile filled in, a leader who has been changed once, and its documents: an
attributes card (final version 1, draft version 2 with a sphere left empty) and a portfolio
(final version 1 sent to centre a, draft version 2)."""

import datetime as dt


def add_partners(world):
    """- ``world.partner_pending``: a social cooperative registered by a new account, waiting;
    - ``world.partner_verified``: the world's organisation, verified by the OUS, with a leader;
    - a refused request, for the list's badges.
    """
    from django.utils import timezone

    from opencus.providers import services
    from opencus.providers.models import OrganisationNetwork
    from opencus.providers.tests.fixtures import registered

    network = OrganisationNetwork.objects.create(
        name="Konwent Dyrektorów CIS i KIS Województwa Lubelskiego", slug="konwent-scena"
    )
    world.partner_pending = registered(world.a, message="Prowadzimy CIS od 2010 r.")
    world.partner_verified = services.partnership_request(
        organisation=world.organisation, centre=world.a, by=world.provider
    )
    services.partnership_verify(partnership=world.partner_verified, by=world.ous)
    services.organisation_update(
        organisation=world.organisation,
        by=world.provider,
        areas=["social_assistance", "reintegration"],
        operating_gminas=[world.a.seat_gmina],
        networks=[network],
        statutory_activity="Usługi opiekuńcze i reintegracja społeczna.",
        email="biuro@partner.example",
    )
    today = timezone.localdate()
    for first, days in (("Jan", 200), ("Ewa", 20)):
        services.leader_appoint(
            organisation=world.organisation,
            by=world.provider,
            first_name=first,
            last_name="Lider",
            role="koordynatorka projektów",
            phone="+48 600 000 003",
            email=f"{first.lower()}@partner.example",
            appointed_on=today - dt.timedelta(days=days),
        )
    refused = registered(
        world.a, name="Firma Usługowa", nip="", krs="", regon="", legal_form="company"
    )
    services.partnership_refuse(
        partnership=refused, by=world.director, reason="Brak usług społecznych w statucie."
    )
    add_documents(world)


def add_documents(world):
    """- ``world.card_final`` (v1) and ``world.card_draft`` (v2, the finance sphere emptied);
    - ``world.portfolio_final`` (v1: respite care (a), transport (b)), sent to centre a:
      ``world.submission``, waiting for the OUS; ``world.portfolio_draft`` (v2) with
      ``world.draft_specialisation``, ``world.draft_experience``, ``world.draft_reference``;
    - the pending partner's portfolio, sent to centre a and acknowledged by the OUS.
    """
    from opencus.providers import services
    from opencus.providers.tests.fixtures import (
        draft_portfolio,
        final_card,
        final_portfolio,
        transport_b,
    )

    world.card_final = final_card(world.organisation, by=world.provider)
    world.card_draft = services.card_start(organisation=world.organisation, by=world.provider)
    services.card_save(
        card=world.card_draft,
        by=world.provider,
        points={
            ("finance", quadrant): ""
            for quadrant in ("strengths", "weaknesses", "opportunities", "threats")
        }
        | {("staff", "strengths"): "Doświadczone opiekunki wytchnieniowe\nTerapeuta zajęciowy"},
    )
    portfolio = draft_portfolio(world.organisation, by=world.provider)  # respite care (a)
    transport_b(portfolio, by=world.provider)
    world.portfolio_final = services.portfolio_finalise(portfolio=portfolio, by=world.provider)
    (world.submission,) = services.portfolio_send(
        portfolio=world.portfolio_final, by=world.provider, centres=[world.a]
    )
    world.portfolio_draft = services.portfolio_start(
        organisation=world.organisation, by=world.provider
    )
    world.draft_specialisation = world.portfolio_draft.specialisations.get(
        service_type="respite_care"
    )
    world.draft_experience = world.draft_specialisation.experience.get()
    world.draft_reference = world.draft_specialisation.references.get()
    other = final_portfolio(world.partner_pending.organisation)
    (acknowledged,) = services.portfolio_send(portfolio=other, by=None, centres=[world.a])
    world.submission_acknowledged = services.submission_acknowledge(
        submission=acknowledged, by=world.ous, note="Zapraszamy na warsztat."
    )
