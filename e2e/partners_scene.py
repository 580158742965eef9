"""The scene's partners: requests to centre a waiting and decided, and the world's provider
with its profile filled in and a leader who has been changed once."""

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
