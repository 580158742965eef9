"""The scene's cooperation (seed 003, procedures 5 and 6): centre a's workshops and pilots with
the world's provider and other partners, at each point of their way."""


def add_cooperation(world):
    """The world's organisation is already centre a's verified partner (``add_partners``).

    - ``world.coop_workshop``: a planned workshop with the world's organisation, next week,
      with two participants;
    - ``world.coop_pilot``: a running pilot with the world's organisation (from a held workshop),
      its team, and ``world.coop_contribution`` (proposals to the diagnosis) waiting;
    - ``world.coop_held``: a held workshop with the other organisation, no pilot yet;
    - ``world.coop_planned_pilot``: a planned pilot with a third partner;
    - ``world.coop_closed``: a closed pilot with a fourth partner, with its report;
    - a cancelled workshop, for the list's badges.
    """
    from opencus.cooperation import services
    from opencus.cooperation.tests.fixtures import (
        CLOSING_REPORT,
        contribution,
        days_ago,
        held_workshop,
        planned_workshop,
        running_pilot,
        verified_partner,
    )
    from opencus.providers.tests.factories import OrganisationFactory

    a = world.a
    world.coop_workshop = planned_workshop(a, world.organisation, by=world.osl)
    for name, role, side in (
        ("Ewa Organizatorka", "OSL", "centre"),
        ("Anna Ekspert", "ZET", "zet"),
    ):
        services.participant_add(
            workshop=world.coop_workshop, by=world.osl, name=name, role=role, side=side
        )
    world.coop_pilot = running_pilot(a, world.organisation, by=world.ous)
    world.coop_contribution = contribution(world.coop_pilot, by=world.provider)
    answered = contribution(world.coop_pilot, kind="community_plan", title="Klub sąsiedzki")
    services.contribution_respond(
        contribution=answered, by=world.osl, response="partly", note="Bez kawiarenki."
    )
    verified_partner(a, world.other_organisation)
    world.coop_held = held_workshop(a, world.other_organisation, by=world.ous)
    third = OrganisationFactory(name="Fundacja Pilotaż", slug="fundacja-pilotaz")
    planned_from = held_workshop(a, third, by=world.ous)
    world.coop_planned_pilot = services.pilot_create(
        workshop=planned_from, by=world.ous, starts_on=days_ago(0), ends_on=days_ago(-100)
    )
    fourth = OrganisationFactory(name="Spółdzielnia Zamknięta", slug="spoldzielnia-zamknieta")
    world.coop_closed = running_pilot(a, fourth, by=world.ous)
    contribution(world.coop_closed, kind="consultation_report", title="Raport z konsultacji")
    services.pilot_close(
        pilot=world.coop_closed, by=world.ous, report_sent_on=days_ago(0), **CLOSING_REPORT
    )
    cancelled = planned_workshop(a, fourth, by=world.ous)
    services.workshop_cancel(workshop=cancelled, by=world.ous, reason="Choroba lidera.")
