"""The database, not the code's timing, decides who gets the last places (PostgreSQL).

SQLite serialises writers by locking the whole database, so the race only exists on a
server database: this test runs in the PostgreSQL suite and is skipped on SQLite.
"""

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from opencus.cases import services
from opencus.cases.enums import Outcome, WaitlistStatus
from opencus.cases.models import RequestedService, ServiceLimit, WaitlistEntry
from opencus.cases.tests.fixtures import assessed, person_in, programme_service

pytestmark = pytest.mark.django_db(transaction=True)

REQUESTS = 50
PLACES = 20


@pytest.fixture
def crowd(world):
    if connection.vendor != "postgresql":
        pytest.skip("needs a server database with row locks (make test-postgres)")
    from opencus.catalogue.models import Term
    from opencus.catalogue.terms import sync_terms

    sync_terms(Term)  # an earlier transactional test flushed the data migration's terms
    service = programme_service(world.a)
    limit = services.limit_create(
        service=service,
        by=None,
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate() + dt.timedelta(days=365),
        places=PLACES,
    )
    start = timezone.now() - dt.timedelta(days=1)
    lines = []
    for i in range(REQUESTS):
        application = assessed(
            world.a,
            services_=[service],
            person=person_in(world.a, f"Osoba{i:02d}"),
            submitted_at=start + dt.timedelta(minutes=i),
        )
        lines.append(application.requested.get())
    return limit, lines


def test_fifty_parallel_grants_for_twenty_places_grant_exactly_twenty(crowd, world):
    limit, lines = crowd
    barrier = threading.Barrier(REQUESTS)

    def qualify(line):
        try:
            barrier.wait()
            return services.qualify(
                requested=line,
                by=world.kipus,
                units_per_period=Decimal(4),
                period="week",
                starts_on=timezone.localdate(),
            ).outcome
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=REQUESTS) as pool:
        outcomes = list(pool.map(qualify, lines))

    assert outcomes.count(Outcome.GRANTED) == PLACES
    assert outcomes.count(Outcome.WAITLISTED) == REQUESTS - PLACES
    limit.refresh_from_db()
    assert limit.taken == PLACES
    granted = RequestedService.objects.filter(service=limit.service, outcome=Outcome.GRANTED)
    assert granted.count() == PLACES
    # the waiting list holds the other 30, in the order their applications were submitted
    entries = list(WaitlistEntry.objects.filter(limit=limit, status=WaitlistStatus.QUEUED))
    assert len(entries) == REQUESTS - PLACES
    submitted = [e.requested.application.submitted_at for e in entries]
    assert submitted == sorted(submitted)
    assert [services.waitlist_position(e) for e in entries] == list(range(1, 31))
    assert ServiceLimit.objects.get(pk=limit.pk).taken <= PLACES
