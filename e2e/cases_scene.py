"""The scene's applications (centre a): one at every step a staff page can show."""


def add_cases(world):
    """``world.cases`` holds the ids of cases_of(): an application with a granted service and a
    sub-case, a waiting person with an open offer, a refusal with its appeal, an application
    waiting for completion and a limit; ``world.online`` is an online application not yet
    registered, from a resident account."""
    from opencus.accounts.tests.factories import UserFactory
    from opencus.cases import services
    from opencus.cases.models import RequestedService
    from opencus.cases.tests.fixtures import cases_of, programme_service

    world.cases = cases_of(world.a, world.director)
    # free the granted place: the waiting person gets an offer to reply to
    services.place_release(
        requested=RequestedService.objects.get(pk=world.cases["requested_id"]), by=None
    )
    world.online = services.application_submit_online(
        centre=world.a,
        account=UserFactory(email="halina.online@example.org"),
        submitter_role="person",
        services=[programme_service(world.a, "Posiłki")],
        description="Proszę o dowóz obiadów, nie gotuję już sama.",
        first_name="Halina",
        last_name="Nowak",
        address="ul. Lipowa 7, 66-200 Alfowo",
    )
    add_resident(world)


def add_resident(world):
    """``world.resident``: a verified account; Halina's own (her online application registered
    by the desk, a message from the centre), and actual carer of the waiting person who has
    an offer (``world.cases["entry_id"]``)."""
    from opencus.accounts.models import User
    from opencus.cases import services
    from opencus.cases.models import WaitlistEntry
    from opencus.cases.tests.fixtures import programme_service
    from opencus.residents import services as residents
    from opencus.residents.models import ResidentLink

    world.resident = residents.email_verify(
        user=User.objects.create_user(
            email="halina.nowak@example.org",
            password="Demo-CUS-2026",
            first_name="Halina",
            last_name="Nowak",
        )
    )
    application = services.application_submit_online(
        centre=world.a,
        account=world.resident,
        submitter_role="person",
        services=[programme_service(world.a, "Dowóz posiłków")],
        description="Obiady do domu.",
        first_name="Halina",
        last_name="Nowak",
    )
    services.application_register(application=application, by=world.front_desk, person=world.halina)
    world.message = residents.message_send(
        person=world.halina, by=world.kipus, subject="Wizyta", body="Przyjdziemy we wtorek o 10."
    )
    waiting = WaitlistEntry.objects.get(pk=world.cases["entry_id"]).requested.application.person
    ResidentLink.objects.create(user=world.resident, person=waiting, role="actual_carer")
