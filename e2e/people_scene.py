"""The scene's people: a family of centre a with every kind of row a person page can show."""

import datetime as dt


def add_people(world):
    """People of centre a, registered through the services as the front desk would.

    - ``world.halina``: PESEL, address, communication needs; her daughter ``world.ewa`` is her
      actual carer (``world.carer``, active), a legal representative ended in 2024, and she
      is herself a household member of ``world.jan`` (a relation the other way round);
      one consent given (``world.consent``) and one withdrawn; two disability certificates
      (``world.certificate`` is the one with a symbol and an end date);
    - ``world.halina_twin``: the same names and birth date, no PESEL: a duplicate registered
      after the desk confirmed it was someone else, waiting to be merged;
    - ``world.kowalak``: someone who shares the beginning of a surname with the journeys'.
    """
    from opencus.people import services

    a = world.a
    world.halina = services.person_create(
        centre=a,
        by=world.front_desk,
        first_name="Halina",
        last_name="Nowak",
        pesel="44030202461",
        street="ul. Lipowa 7",
        postal_code="66-200",
        city="Alfowo",
        gmina=world.gmina,
        phone="+48 600 100 200",
        needs_large_print=True,
        accessibility_notes="Słabo słyszy: mówić wolno, przodem do niej.",
    )
    world.ewa = services.person_create(
        centre=a,
        by=world.front_desk,
        first_name="Ewa",
        last_name="Nowak",
        birth_date=dt.date(1975, 6, 1),
        gmina=world.neighbour,
        email="ewa.nowak@example.org",
    )
    world.jan = services.person_create(
        centre=a,
        by=world.front_desk,
        first_name="Jan",
        last_name="Nowak",
        pesel="41031508732",
    )
    world.halina_twin = services.person_create(
        centre=a,
        by=world.front_desk,
        confirm_new=True,
        first_name="Halina",
        last_name="Nowak",
        birth_date=dt.date(1944, 3, 2),
        phone="+48 68 000 11 22",
    )
    world.kowalak = services.person_create(
        centre=a,
        by=world.front_desk,
        first_name="Stanisława",
        last_name="Kowalak",
        birth_date=dt.date(1950, 1, 20),
    )
    world.carer = services.relation_add(
        person=world.halina, other=world.ewa, kind="actual_carer", by=world.front_desk
    )
    representative = services.relation_add(
        person=world.halina,
        other=world.ewa,
        kind="legal_representative",
        evidence="Postanowienie SR w Alfowie, III RNs 12/20",
        started_on=dt.date(2020, 2, 1),
        by=world.front_desk,
    )
    services.relation_end(relation=representative, ended_on=dt.date(2024, 12, 31), by=None)
    services.relation_add(
        person=world.jan,
        other=world.halina,
        kind="household",
        started_on=dt.date(2010, 5, 1),
        by=world.front_desk,
    )
    world.consent = services.consent_give(
        person=world.halina, by=world.front_desk, purpose="share_with_provider", form="written"
    )
    image = services.consent_give(
        person=world.halina, by=world.front_desk, purpose="image", form="oral", note="Na festyn."
    )
    services.consent_withdraw(consent=image, by=world.front_desk)
    world.certificate = services.certificate_add(
        person=world.halina,
        by=world.kipus,
        degree="moderate",
        symbol="05-R",
        valid_until=dt.date(2027, 12, 31),
        legal_basis="art9_2_b",
        held_for="Usługi opiekuńcze dla osób z niepełnosprawnością.",
    )
    services.certificate_add(
        person=world.halina,
        by=world.kipus,
        degree="incapacity",
        legal_basis="art9_2_h",
        held_for="Asystencja osobista.",
    )
