"""Polish is the default language, and every string has a Polish translation."""

import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

BASE = Path(settings.BASE_DIR)
# The project's catalogue, and the apps' own (an app may keep its strings in its locale/).
CATALOGUES = [
    BASE / "locale" / "pl" / "LC_MESSAGES" / "django.po",
    *sorted((BASE / "opencus").glob("*/locale/pl/LC_MESSAGES/django.po")),
]
_ids = [str(po.relative_to(BASE)) for po in CATALOGUES]


@pytest.mark.parametrize("po", CATALOGUES, ids=_ids)
def test_every_message_is_translated_to_polish(po):
    untranslated = subprocess.run(
        ["msgattrib", "--untranslated", "--no-obsolete", str(po)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    fuzzy = subprocess.run(
        ["msgattrib", "--only-fuzzy", "--no-obsolete", str(po)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert untranslated.count("msgid ") <= 1, f"untranslated entries:\n{untranslated}"  # 1 = header
    assert fuzzy.count("msgid ") <= 1, f"fuzzy entries:\n{fuzzy}"


@pytest.mark.parametrize("po", CATALOGUES, ids=_ids)
def test_po_file_formats_match(po):
    subprocess.run(["msgfmt", "--check-format", "-o", "/dev/null", str(po)], check=True)


@pytest.mark.django_db
def test_pages_are_polish_by_default_and_english_on_request(client):
    response = client.get(reverse("accounts:login"))
    assert '<html lang="pl">' in response.content.decode()
    assert "Zaloguj" in response.content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get(reverse("accounts:login"))
    assert '<html lang="en">' in response.content.decode()
    assert "Log in" in response.content.decode()


def test_the_empty_choice_of_a_select_is_ours_and_translated():
    """Django 6.1's "- Select an option -" has no Polish yet: core's ready() replaces it."""
    from django.db import models

    field = models.CharField(choices=[("a", "A")], blank=True).formfield()
    with translation.override("pl"):
        assert str(field.choices[0][1]) == "— wybierz —"
    with translation.override("en"):
        assert str(field.choices[0][1]) == "— choose —"
