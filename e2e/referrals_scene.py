"""The scene's referrals: centre a's, at each point of the loop, and one received by centre b."""

import datetime as dt


def add_referrals(world):
    """An agreement links centres a and b.

    - ``world.referral``: Halina to the world's provider, her phone and communication needs
      shared, sent 10 days ago with no answer (stuck);
    - ``world.unit_referral``: Jan to the PUP (outside the system), accepted;
    - ``world.centre_referral``: Ewa to centre b, waiting for b's answer;
    - a declined referral of Halina, for the list's closed loop.
    """
    from django.utils import timezone

    from opencus.people import services as people
    from opencus.referrals import services
    from opencus.referrals.tests.fixtures import link_by_agreement

    a, kipus = world.a, world.kipus
    now = timezone.now()
    link_by_agreement(a, world.b, title="Porozumienie o usługach Alfa–Beta")
    for person in (world.jan, world.ewa):
        people.consent_give(person=person, by=kipus, purpose="refer_elsewhere", form="written")
    world.referral = services.referral_send(
        centre=a,
        person=world.halina,
        by=kipus,
        receiver_kind="provider",
        organisation=world.organisation,
        request="Asystent osobisty, 6 godzin w tygodniu.",
        urgency="soon",
        shared_fields=["phone", "communication"],
        reason="Zgłoszenie córki w punkcie informacyjnym.",
        sent_at=now - dt.timedelta(days=10),
    )
    world.unit_referral = services.referral_send(
        centre=a,
        person=world.jan,
        by=kipus,
        receiver_kind="unit",
        unit_name="Powiatowy Urząd Pracy",
        unit_contact="doradca zawodowy, tel. 68 000 00 10",
        request="Poradnictwo zawodowe.",
        shared_fields=["phone"],
        reason="Szuka pracy.",
        sent_at=now - dt.timedelta(days=4),
    )
    services.referral_accept(referral=world.unit_referral, by=kipus, acting_for=a)
    world.centre_referral = services.referral_send(
        centre=a,
        person=world.ewa,
        by=kipus,
        receiver_kind="centre",
        receiving_centre=world.b,
        request="Miejsce w dziennym domu pomocy po przeprowadzce.",
        shared_fields=["address", "birth_date"],
        reason="Przeprowadza się do gminy Beta.",
    )
    declined = services.referral_send(
        centre=a,
        person=world.halina,
        by=kipus,
        receiver_kind="provider",
        organisation=world.organisation,
        request="Zajęcia ruchowe.",
        reason="Prośba osoby.",
        sent_at=now - dt.timedelta(days=30),
    )
    services.referral_decline(
        referral=declined,
        by=world.provider,
        acting_for=world.organisation,
        reason="no_capacity",
        note="Grupa pełna.",
    )
