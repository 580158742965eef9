"""Shared test setup: fast hashing, plain static files, and the personas of every role."""

import os

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
def world(db):
    """Two centres with staff in every role, a provider organisation and a network.

    ``world.b`` is the other tenant: its staff and objects must stay invisible to ``world.a``'s.
    """
    from opencus.core.tests.world import build_world

    return build_world()


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker):
    """``world`` built once for a module (once per xdist worker that runs its tests).

    For modules whose tests only read what it holds (many URLs, one world): it lives in a
    transaction rolled back after the module's last test, and each test (marked
    ``django_db``) still runs in its own savepoint inside it, so what a test writes is gone
    before the next one. Not for ``transactional_db`` tests, which would commit and flush.
    """
    from django.db import transaction

    from opencus.core.tests.world import build_world

    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


@pytest.fixture
def client_for(client):
    """``client_for(user)``: the test client logged in as ``user``."""

    def login(user):
        client.force_login(user)
        return client

    return login
