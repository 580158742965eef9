"""cases.services.requested_add: a service added to an application already received (an
individual plan asks for it) keeps the application's place in the queue."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from opencus.cases import services
from opencus.cases.enums import ApplicationStatus, Outcome
from opencus.cases.tests.fixtures import assessed, grant, programme_service, received


@pytest.fixture(autouse=True)
def _english():
    """History notes are written in the active language: English here, to compare them."""
    with translation.override("en"):
        yield


def messages(exc: ValidationError) -> str:
    with translation.override("en"):
        return " ".join(str(m) for m in exc.messages)


def test_a_service_is_added_as_pending_and_noted_in_the_history(world):
    application = assessed(world.a)
    club = programme_service(world.a, "Klub seniora")
    line = services.requested_add(
        application=application, service=club, by=world.kipus, note="IPUS"
    )
    assert (line.outcome, line.note) == (Outcome.PENDING, "IPUS")
    assert application.events.last().note == f"{club}: added to the application"
    assert application.events.last().by == world.kipus


def test_a_service_asked_for_already_is_returned_as_it_is(world):
    application = assessed(world.a)
    line = grant(application.requested.get())
    again = services.requested_add(application=application, service=line.service, by=None)
    assert again == line and again.outcome == Outcome.GRANTED
    assert application.requested.count() == 1


def test_a_decided_application_waits_again_for_the_new_service(world):
    application = assessed(world.a)
    grant(application.requested.get())
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECIDED
    club = programme_service(world.a, "Klub seniora")
    line = services.requested_add(application=application, service=club, by=None)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ASSESSED
    grant(line)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECIDED


def test_only_a_published_service_of_the_centre_needing_an_application(world):
    application = assessed(world.a)
    with pytest.raises(ValidationError) as exc:
        services.requested_add(
            application=application, service=programme_service(world.b, "Obca"), by=None
        )
    assert "is not a published service of this centre" in messages(exc.value)
    open_club = programme_service(world.a, "Klub otwarty")
    open_club.access_mode = "open"
    open_club.save()
    with pytest.raises(ValidationError) as exc:
        services.requested_add(application=application, service=open_club, by=None)
    assert "needs no application" in messages(exc.value)


def test_an_application_before_the_needs_recognition_or_withdrawn_takes_no_service(world):
    club = programme_service(world.a, "Klub seniora")
    application = received(world.a)
    with pytest.raises(ValidationError) as exc:
        services.requested_add(application=application, service=club, by=None)
    assert "the application is “registered”" in messages(exc.value)
    services.application_withdraw(application=application, by=None, reason="Rezygnacja.")
    with pytest.raises(ValidationError):
        services.requested_add(application=application, service=club, by=None)
