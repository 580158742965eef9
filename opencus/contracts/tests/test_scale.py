"""What keeps the contract pages fast while the centre's deliveries grow (bench/partners.py
measures them at 100 times the deliveries): a contract's deliveries are read through the
enrolments of its services by its organisation, not among all the centre's deliveries of the
contract's period."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from opencus.contracts.models import ContractLine
from opencus.contracts.selectors import contract_monitoring, lines_with_delivery

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plans"),
]


def _delivery_steps(sql: str, params) -> list[str]:
    """How SQLite finds the deliveries of a date range in ``sql``."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = [row[-1] for row in cursor.fetchall()]
    steps = [step for step in plan if "delivered_on>?" in step]
    assert steps, plan
    return steps


def _through_enrolments(steps: list[str]) -> bool:
    # the index (enrolment, delivered_on), never (centre, delivered_on)
    return all("enrolment_id=?" in step for step in steps)


def test_the_contract_list_reads_a_lines_deliveries_through_its_enrolments(quarter):
    lines = lines_with_delivery(ContractLine.objects.filter(contract=quarter))
    assert _through_enrolments(_delivery_steps(*lines.query.sql_with_params()))
    assert lines.get().delivered == 23


def test_the_monitoring_reads_the_deliveries_through_the_contracts_enrolments(quarter):
    with CaptureQueriesContext(connection) as captured:
        monitoring = contract_monitoring(quarter)
    (sql,) = [q["sql"] for q in captured.captured_queries if "enrolments_delivery" in q["sql"]]
    # the captured SQL has its parameters in it already
    assert _through_enrolments(_delivery_steps(sql, ()))
    assert monitoring.lines[0].total.delivered == 23
