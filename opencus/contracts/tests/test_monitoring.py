"""Monitoring on a hand-built set of enrolments and deliveries: contracted, granted, delivered
and money, month by month; and its cost in queries at two sizes."""

import datetime as dt
from decimal import Decimal

from opencus.contracts.selectors import contract_monitoring, get_contract
from opencus.contracts.tests.conftest import FEB, UNITS, Y, deliver
from opencus.contracts.tests.fixtures import draft_contract

D = dt.date


def pct(part, whole) -> Decimal:
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"))


def test_contracted_granted_delivered_and_money_by_month(quarter):
    monitoring = contract_monitoring(quarter)
    assert monitoring.has_deliveries
    (line,) = monitoring.lines
    table = [
        (r.month, r.contracted, r.granted, r.delivered, r.missed, r.spent, r.percent)
        for r in line.months
    ]
    assert table == [
        (D(Y, 1, 1), Decimal(31), Decimal(31), Decimal(10), 1, Decimal(250), pct(10, UNITS)),
        (D(Y, 2, 1), Decimal(FEB), Decimal(FEB + 30), Decimal(10), 0, Decimal(250), pct(20, UNITS)),
        # Anna until the 15th (15 days of 7 a week) and Maria's 30
        (D(Y, 3, 1), Decimal(31), Decimal(45), Decimal(3), 0, Decimal(75), pct(23, UNITS)),
    ]
    assert (line.total.contracted, line.total.delivered, line.total.spent) == (
        Decimal(UNITS),
        Decimal(23),
        Decimal(575),
    )
    money = [(r.contracted_value, r.spent, r.cumulative) for r in monitoring.months]
    assert money == [
        (Decimal(31 * 25), Decimal(250), Decimal(250)),
        (Decimal(FEB * 25), Decimal(250), Decimal(500)),
        (Decimal(31 * 25), Decimal(75), Decimal(575)),
    ]
    assert monitoring.total.contracted_value == Decimal(UNITS * 25)
    assert monitoring.total.percent == pct(575, UNITS * 25)
    assert monitoring.total.missed == 1


def test_a_contract_without_deliveries_says_so(world, partner, meals):
    contract = draft_contract(world.a, world.organisation, lines=[(meals, 120, 30)])
    monitoring = contract_monitoring(get_contract(centre=world.a, contract_id=contract.pk))
    assert not monitoring.has_deliveries
    assert len(monitoring.months) == 12
    assert sum(r.contracted for r in monitoring.lines[0].months) == Decimal(120)
    assert all(r.delivered == 0 and r.granted == 0 for r in monitoring.lines[0].months)


def test_monitoring_costs_the_same_queries_at_two_sizes(world, quarter, django_assert_num_queries):
    with django_assert_num_queries(2):
        small = contract_monitoring(quarter)
    anna = quarter.lines.get().service.enrolments.get(person__first_name="Maria")
    for day in range(4, 28):
        deliver(world, anna, D(Y, 3, day), 1)
    bigger = get_contract(centre=world.a, contract_id=quarter.pk)
    with django_assert_num_queries(2):
        large = contract_monitoring(bigger)
    assert large.lines[0].total.delivered == small.lines[0].total.delivered + 24


def test_a_terminated_contract_is_monitored_until_its_termination(world, quarter):
    from opencus.contracts import services
    from opencus.contracts.selectors import contract_summaries

    services.contract_terminate(
        contract=quarter, by=world.director, reason="Porozumienie stron.", terminated_on=D(Y, 2, 28)
    )
    contract = get_contract(centre=world.a, contract_id=quarter.pk)
    monitoring = contract_monitoring(contract)
    assert [r.month for r in monitoring.months] == [D(Y, 1, 1), D(Y, 2, 1)]
    assert monitoring.total.spent == Decimal(500)  # March's 3 meals are after it
    assert contract_summaries([contract])[0].spent == Decimal(500)
