"""Shared test setup: fast hashing, plain static files, and the personas of every role."""

import os
from types import SimpleNamespace

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
    from opencus.accounts.roles import Role
    from opencus.accounts.tests.factories import MembershipFactory, UserFactory
    from opencus.providers.tests.factories import OrganisationFactory
    from opencus.territory.tests.factories import CentreFactory, NetworkFactory

    a = CentreFactory(name="CUS Alfa", slug="alfa")
    b = CentreFactory(name="CUS Beta", slug="beta")
    users = {}
    for role in (Role.FRONT_DESK, Role.OUS, Role.KIPUS, Role.OSL, Role.DIRECTOR):
        users[role] = MembershipFactory(
            centre=a, role=role, user=UserFactory(last_name=f"A-{role}")
        ).user
    b_director = MembershipFactory(centre=b, role=Role.DIRECTOR).user
    b_kipus = MembershipFactory(centre=b, role=Role.KIPUS).user
    organisation = OrganisationFactory(slug="partner")
    provider = MembershipFactory(
        organisation=organisation, centre=None, role=Role.PROVIDER_STAFF
    ).user
    other_organisation = OrganisationFactory(slug="other-partner")
    network = NetworkFactory(slug="siec")
    network.centres.add(a, b)
    other_network = NetworkFactory(slug="other-siec")
    analyst = MembershipFactory(network=network, centre=None, role=Role.ANALYST).user
    nobody = UserFactory(last_name="Bez-roli")
    return SimpleNamespace(
        a=a,
        b=b,
        director=users[Role.DIRECTOR],
        ous=users[Role.OUS],
        kipus=users[Role.KIPUS],
        osl=users[Role.OSL],
        front_desk=users[Role.FRONT_DESK],
        b_director=b_director,
        b_kipus=b_kipus,
        organisation=organisation,
        other_organisation=other_organisation,
        provider=provider,
        network=network,
        other_network=other_network,
        analyst=analyst,
        nobody=nobody,
    )


@pytest.fixture
def client_for(client):
    """``client_for(user)``: the test client logged in as ``user``."""

    def login(user):
        client.force_login(user)
        return client

    return login
