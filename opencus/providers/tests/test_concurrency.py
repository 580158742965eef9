"""Two people click "start a new version" at the same moment: one draft and one message,
never a server error (the organisation's row is locked while the draft is made).

Needs PostgreSQL (real row locks and parallel connections); skipped on SQLite, whose single
writer serialises the requests anyway.
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import translation

from opencus.providers import services
from opencus.providers.enums import DocumentStatus
from opencus.providers.models import AttributesCard, Portfolio
from opencus.providers.tests.fixtures import final_card, final_portfolio

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]

CLICKS = 8


def _race(start, organisation) -> list[str]:
    barrier = threading.Barrier(CLICKS)
    outcomes: list[str] = []

    def click():
        try:
            barrier.wait()
            with translation.override("en"):
                start(organisation=organisation, by=None)
            outcomes.append("started")
        except ValidationError as exc:
            with translation.override("en"):
                outcomes.append(exc.messages[0])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=click) for _ in range(CLICKS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.mark.parametrize(
    ("model", "start", "final"),
    [
        (AttributesCard, services.card_start, final_card),
        (Portfolio, services.portfolio_start, final_portfolio),
    ],
)
def test_parallel_new_versions_make_exactly_one_draft(world, model, start, final):
    final(world.organisation)
    outcomes = _race(start, world.organisation)
    assert len(outcomes) == CLICKS
    assert outcomes.count("started") == 1
    assert set(outcomes) - {"started"} == {
        "The organisation already has a draft (version 2): finish it or make it final first."
    }
    drafts = model.objects.filter(organisation=world.organisation, status=DocumentStatus.DRAFT)
    assert [d.version for d in drafts] == [2]
