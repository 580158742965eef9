"""The tests of what ``load_demo`` loads share one load.

``load_demo`` takes seconds (the whole TERYT register with boundaries, the catalogue, people,
applications, plans …), so it runs once for this package on each xdist worker that runs
its tests, inside a transaction rolled back after the package's last test. Each test
(marked ``django_db``) runs in its own savepoint inside it: a test that loads the demo again
or changes it leaves the next one the same demo. A module that tests what the whole demo
loads belongs here (and uses the ``demo`` fixture); tests of one loader on a small region
or an empty database (``../test_demo_partners.py``, ``../test_demo_cards.py`` …) stay
outside this package, where the demo is not loaded.
"""

import io

import pytest
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for the package; the value is what ``load_demo`` printed."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = io.StringIO()
        call_command("load_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)
