import pytest


@pytest.fixture
def resident(db):
    from opencus.accounts.tests.factories import UserFactory

    return UserFactory(email="mieszkanka@example.org")


@pytest.fixture(autouse=True)
def english():
    """Messages and the application's history are read in English."""
    from django.utils import translation

    with translation.override("en"):
        yield
