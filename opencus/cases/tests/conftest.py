import pytest


@pytest.fixture
def resident(db):
    from opencus.accounts.tests.factories import UserFactory

    return UserFactory(email="mieszkanka@example.org")
