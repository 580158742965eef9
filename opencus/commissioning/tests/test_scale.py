"""What keeps the commissioning pages fast as the registry and the calls grow (bench/partners.py
measures them at 2,000 organisations and 800 calls).

- The partner search: a database computes a subquery again wherever the SQL names it, so the
  ranking names each part of the score once, not the portfolio's subqueries in every part.
  Before, its query named 141 subqueries and took 0.8 s on SQLite at 2,000 organisations
  (15 s on PostgreSQL with JIT compilation).
- The call lists count the offers of the calls they show, not of every call (a join with
  GROUP BY aggregated all of them before the page was cut).
"""

import pytest

from opencus.commissioning import selectors
from opencus.commissioning.ranking import MATCHES, WEIGHTS
from opencus.commissioning.tests.fixtures import awarded_call, portfolio_of, works_with
from opencus.providers.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_ranking_names_few_subqueries(world):
    organisation = OrganisationFactory(name="Opieka", seat_gmina=world.a.seat_gmina)
    works_with(organisation, world.a)
    portfolio_of(organisation, {"kind": "ready", "service_type": "respite_care"})
    awarded_call(world.a, organisation)
    found, _how = selectors.partner_search(
        centre=world.a, service_type="respite_care", area="disability", gmina=world.a.seat_gmina
    )
    assert [o.name for o in found] == ["Opieka"]
    assert str(found.query).count("SELECT") <= 40  # it was 141


def test_the_best_match_of_a_portfolio_has_the_most_points():
    """The ranking takes the portfolio's points as the most any of its specialisations has."""
    points = [WEIGHTS[match] for match in MATCHES]
    assert points == sorted(points, reverse=True)


def test_the_call_lists_count_the_offers_of_their_page_only(world):
    for calls in (selectors.call_list(centre=world.a), selectors.public_calls()):
        assert calls.query.group_by is None
