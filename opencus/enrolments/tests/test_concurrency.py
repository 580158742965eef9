"""Two staff granting the same service to the same person at once: the database decides."""

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from opencus.enrolments import services
from opencus.enrolments.models import Enrolment
from opencus.enrolments.tests.conftest import START

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


@pytest.fixture
def terms():
    """A transactional test that ran before this one flushed the reference terms, which a
    data migration made: put them back (the catalogue's service needs them)."""
    from opencus.catalogue.models import Term
    from opencus.catalogue.terms import sync_terms

    sync_terms(Term)


@pytest.fixture
def meals(terms, meals):
    return meals


def test_simultaneous_grants_of_the_same_service_give_one(world, halina, meals):
    start = threading.Barrier(4)
    outcomes: list[str] = []

    def grant(by):
        try:
            start.wait()
            services.enrolment_create(
                person=halina,
                service=meals,
                by=by,
                starts_on=START,
                units_per_period=Decimal(5),
                period="week",
            )
            outcomes.append("granted")
        except ValidationError as exc:
            outcomes.append(f"refused: {exc.message_dict}")
        except Exception as exc:  # anything else (an IntegrityError) is the failure shown below
            outcomes.append(repr(exc))
        finally:
            connection.close()

    threads = [
        threading.Thread(target=grant, args=(user,))
        for user in (world.kipus, world.ous, world.director, world.kipus)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    refused = f"refused: {{'service': [{str(services.MSG_ALREADY_ENROLLED)!r}]}}"
    assert sorted(outcomes) == ["granted", refused, refused, refused]
    assert Enrolment.objects.filter(person=halina, service=meals).count() == 1
