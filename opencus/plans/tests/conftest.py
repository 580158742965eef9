import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english():
    """Tests read messages and history notes in English (the app's default language is Polish)."""
    with translation.override("en"):
        yield
