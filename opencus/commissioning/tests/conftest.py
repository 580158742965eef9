import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english():
    """Messages are compared in English."""
    with translation.override("en"):
        yield
