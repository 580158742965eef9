"""Shared test setup: fast hashing, plain static files, and the personas of every role."""

import os
from copy import deepcopy
from itertools import groupby

import pytest

# Playwright's sync API runs an event loop in the test thread; Django must allow ORM use there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_configure(config):
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.SITE_URL = "http://testserver"
    # Tasks run at once in tests; the database backend and its worker are for real use.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    # Apps that declare tasks at import time have already built the handler from the old value.
    from django.core.signals import setting_changed

    setting_changed.send(sender=None, setting="TASKS", value=settings.TASKS, enter=True)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (the catalogue's caches outlive a rolled-back test)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(shared_world, db):
    """Two centres with staff in every role, a provider organisation and a network.

    ``world.b`` is the other tenant: its staff and objects must stay invisible to ``world.a``'s.

    Built once per test module (and xdist worker), as ``setUpTestData`` would: its rows live
    in a transaction opened before the module's first test that uses it and rolled back
    after its last, so each test, in its own savepoint inside it, finds them as built; the
    test gets its own deep copy of the objects, free to change them. A transactional test
    gets a world of its own, built and committed for it.
    """
    from opencus.core.tests.world import build_world

    if shared_world.world is None:  # a transactional test (or module)
        return build_world()
    return deepcopy(shared_world.world)


@pytest.fixture(scope="module")
def shared_world(request, django_db_setup, django_db_blocker):
    """The module's ``world`` (``shared_world.world``), for ``world`` to copy, and for
    module-scoped fixtures of modules whose tests only read it: many URLs or parameters
    over one world, such as the permission walk's, whose fixture builds more objects on top
    of it once per module (under ``django_db_blocker.unblock()``). None in a transactional
    module."""
    shared = _SharedWorld(django_db_blocker)
    if not _is_transactional(request.node) and not _is_transactional(_SharedWorld.test):
        shared.open()
    yield shared
    shared.close()


class _SharedWorld:
    """``world`` built in a transaction of its own, kept open until ``close()``."""

    active: "_SharedWorld | None" = None  # the one open now, if any
    test: pytest.Item | None = None  # the test being set up

    def __init__(self, blocker):
        self.blocker = blocker
        self.atomic = None
        self.world = None

    def open(self):
        from django.db import transaction

        from opencus.core.tests.world import build_world

        with self.blocker.unblock():
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            _SharedWorld.active = self
            try:
                self.world = build_world()
            except BaseException:
                self.close()
                raise

    def close(self):
        from django.db import transaction

        if self.atomic is None:
            return
        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)
        self.atomic = self.world = None
        _SharedWorld.active = None


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """A transactional test commits and flushes: it may not run inside a module's shared
    world, which it would meet only where pytest-django's ordering puts it right after the
    database tests of its own module."""
    _SharedWorld.test = item
    if _SharedWorld.active is not None and _is_transactional(item):
        _SharedWorld.active.close()


def _is_transactional(node) -> bool:
    """Whether a test (or every test of a module) runs with ``transactional_db``."""
    if node is None:
        return False
    marker = node.get_closest_marker("django_db")
    if marker and (
        marker.kwargs.get("transaction", marker.args[0] if marker.args else False)
        or marker.kwargs.get("reset_sequences")
    ):
        return True
    names = getattr(node, "fixturenames", ())
    return "transactional_db" in names or "live_server" in names


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """In each module's run of tests, those that share its world go last.

    pytest-django has put the database tests before the transactional ones; the shared
    world lives from the module's first test that uses it to the module's last test, so
    the tests that do not use it run before it is built and never see its rows.
    """
    ordered = []
    runs = groupby(items, key=lambda item: (item.nodeid.split("::")[0], _is_transactional(item)))
    for _module, run in runs:
        run = list(run)
        ordered += [item for item in run if "shared_world" not in item.fixturenames]
        ordered += [item for item in run if "shared_world" in item.fixturenames]
    items[:] = ordered


@pytest.fixture
def client_for(client):
    """``client_for(user)``: the test client logged in as ``user``."""

    def login(user):
        client.force_login(user)
        return client

    return login
