import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_404_page_is_in_the_layout_and_polish(client):
    response = client.get("/nie-ma-takiej-strony/")
    assert response.status_code == 404
    assert '<html lang="pl">' in response.content.decode()
    assert b'id="main"' in response.content


def test_403_page_is_in_the_layout(world, client_for):
    response = client_for(world.kipus).get(
        reverse("centre:access_log", kwargs={"centre_slug": world.a.slug})
    )
    assert response.status_code == 403
    assert b'id="main"' in response.content


def test_csrf_failure_is_explained(world):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("accounts:login"), {"username": "a@b.pl", "password": "x"})
    assert response.status_code == 403
    assert b'id="main"' in response.content


def test_500_page_needs_no_context(client, settings):
    from django.template.loader import get_template

    html = get_template("500.html").render({})
    assert "OpenCUS" in html


def test_htmx_gets_the_fragment_and_history_restore_the_page(world, client_for):
    client = client_for(world.director)
    url = reverse("centre:staff_list", kwargs={"centre_slug": world.a.slug})
    fragment = client.get(url, HTTP_HX_REQUEST="true")
    restore = client.get(url, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert b"<html" not in fragment.content
    assert b"<html" in restore.content
    assert "HX-Request" in fragment["Vary"]
