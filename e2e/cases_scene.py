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
