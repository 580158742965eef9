"""The card and the folder for the CUS as PDF: real A4 pages with ink on them, in Polish, a
draft marked as such. Each is rendered to an image (pdftoppm) and to text (pdftotext)."""

import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from PIL import Image

from opencus.providers import services
from opencus.providers.tests.fixtures import (
    filled_card,
    final_card,
    final_portfolio,
    respite_care,
    transport_b,
)

pytestmark = pytest.mark.django_db

A4 = 297 / 210


def pdf_pages(content: bytes, tmp_path: Path) -> list[Path]:
    """Render every page at 50 dpi; each must be an A4 page with something printed on it."""
    source = tmp_path / "document.pdf"
    source.write_bytes(content)
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", str(source), str(tmp_path / "page")], check=True
    )
    pages = sorted(tmp_path.glob("page*.png"))
    assert pages, "pdftoppm made no page"
    for page in pages:
        with Image.open(page) as image:
            width, height = image.size
            assert abs(height / width - A4) < 0.01, (width, height)
            grey = image.convert("L")
            assert grey.getextrema()[0] < 128, f"{page.name} is blank"
    return pages


def pdf_text(content: bytes) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    )
    return " ".join(result.stdout.decode().split())


def org_url(world, name, **kwargs):
    return reverse(
        f"organisation:{name}", kwargs={"organisation_slug": world.organisation.slug, **kwargs}
    )


def _partner_of_a(world):
    partnership = services.partnership_request(
        organisation=world.organisation, centre=world.a, by=world.provider
    )
    services.partnership_verify(partnership=partnership, by=world.ous)


def test_the_card_is_an_a4_pdf_in_polish(world, client_for, tmp_path):
    world.organisation.name = "Spółdzielnia Socjalna Opiekun"
    world.organisation.save()
    card = final_card(world.organisation, by=world.provider)
    response = client_for(world.provider).get(org_url(world, "card_pdf", card_id=card.pk))
    assert response["Content-Type"] == "application/pdf"
    assert "karta-atrybutow-partner-v1.pdf" in response["Content-Disposition"]
    pdf_pages(response.content, tmp_path)
    text = pdf_text(response.content)
    for expected in (
        "Karta atrybutów organizacji – partnera CUS",
        "Spółdzielnia Socjalna Opiekun",
        "Doświadczone opiekunki wytchnieniowe",  # a SWOT point
        "Sfera kadrowa",
        "Mocne strony",
        "dr Anna Ekspert (ZET Świebodzin)",
        "Kodeks etyczny przyjęty uchwałą zarządu.",
    ):
        assert expected in text, expected
    assert "WERSJA ROBOCZA" not in text


def test_a_draft_card_pdf_says_it_is_a_draft_on_every_page(world, client_for, tmp_path):
    card = filled_card(world.organisation)
    response = client_for(world.provider).get(org_url(world, "card_pdf", card_id=card.pk))
    assert "-szkic.pdf" in response["Content-Disposition"]
    pages = pdf_pages(response.content, tmp_path)
    text = pdf_text(response.content)
    assert text.count("WERSJA ROBOCZA – nie jest wersją ostateczną") == len(pages)


def test_the_folder_has_the_card_then_the_portfolio_strongest_first(world, client_for, tmp_path):
    _partner_of_a(world)
    final_card(world.organisation)
    portfolio = services.portfolio_start(organisation=world.organisation, by=None)
    transport_b(portfolio)  # added first, but kind (b) comes after kind (a)
    respite_care(portfolio)
    portfolio = services.portfolio_finalise(portfolio=portfolio, by=None)
    services.portfolio_send(portfolio=portfolio, by=None, centres=[world.a])
    url = reverse(
        "centre:partner_portfolio_pdf",
        kwargs={"centre_slug": world.a.slug, "portfolio_id": portfolio.pk},
    )
    response = client_for(world.ous).get(url)
    assert response["Content-Type"] == "application/pdf"
    pdf_pages(response.content, tmp_path)
    text = pdf_text(response.content)
    part1, part2 = text.index("CZĘŚĆ 1"), text.index("CZĘŚĆ 2")
    assert part1 < text.index("Doświadczone opiekunki wytchnieniowe") < part2
    ready, with_support = text.index("(a) Usługi"), text.index("(b) Usługi")
    # the service types in Polish, the strongest (kind a) first
    assert ready < text.index("Usługa wytchnieniowa", part2) < with_support
    assert with_support < text.index("Transport", with_support)
    for expected in (
        "Teczka dla CUS",
        world.organisation.name,
        "Opieka wytchnieniowa 2025",
        "Gmina Świebodzin",
        "84 000,00",
        "OPS w Świebodzinie",
        "powierzenie",
        "CUS Alfa",  # addressed to the centre's OUS
    ):
        assert expected in text, expected


def test_the_folder_without_a_final_card_says_so(world, client_for, tmp_path):
    portfolio = final_portfolio(world.organisation)
    response = client_for(world.provider).get(
        org_url(world, "portfolio_pdf", portfolio_id=portfolio.pk)
    )
    pdf_pages(response.content, tmp_path)
    assert "nie ma jeszcze ostatecznej karty atrybutów" in pdf_text(response.content)
