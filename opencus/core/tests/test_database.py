"""How the application talks to its database."""

import pytest
from django.db import connection


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's setting")
def test_postgresql_runs_queries_without_jit_compilation():
    """JIT starts once a query's estimated cost passes a threshold, which growing data
    crosses: compiling the partner search's query took longer than running it."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
