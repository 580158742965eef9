"""The indicators of a network whose centres have thousands of partners (bench/partners.py):
the partners' documents are counted by the database, one query per indicator, instead of
fetching every partner to count in Python."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from opencus.cooperation.indicators import attribute_cards, cooperation_leaders, portfolios

pytestmark = pytest.mark.django_db


def test_the_partner_indicators_are_counted_by_the_database(world):
    centres = [world.a.pk, world.b.pk]
    with CaptureQueriesContext(connection) as captured:
        figures = [
            count(centres)[0] for count in (attribute_cards, cooperation_leaders, portfolios)
        ]
    assert len(captured.captured_queries) == 3
    assert all("COUNT(DISTINCT" in query["sql"] for query in captured.captured_queries)
    assert all(f.total == 0 and f.of(world.a.pk) == 0 for f in figures)
