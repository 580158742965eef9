"""A resident finds help on the portal with the keyboard alone, without an account.

From the home page: a search without Polish letters, a search with a typo, the filters of the
search page, and the find-help wizard answered for an elderly mother who lives alone in a
rural gmina and cannot drive. axe-core checks every step.
"""

import re
from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from e2e.catalogue_scene import new_service
from e2e.keys import choose_option, choose_radio, replace_text, tab_to, tick

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HTMX_IDLE = "() => !document.querySelector('.htmx-request, .htmx-settling')"


@pytest.fixture
def catalogue(scene):
    """The scene's catalogue and what an elderly person may need, with services that must not
    come up when filtering free services for seniors in the rural gmina."""
    a, own = scene.a, list(scene.a.gminas.all())
    scene.respite = new_service(
        a,
        name="Opieka wytchnieniowa",
        summary="Zastępstwo w opiece, żeby opiekun mógł odpocząć.",
        at_home=True,
        fee_kind="cofinanced",
        unit="hour",
        market_value=Decimal("60.00"),
        resident_price=Decimal("20.00"),
        groups=["carers"],
        needs=["carer_break"],
    )
    scene.taxi = new_service(
        a,
        name="Taxi senior",
        summary="Przejazd od drzwi do drzwi: do lekarza, urzędu, na zakupy.",
        at_home=True,
        unit="ride",
        market_value=Decimal("35.00"),
        needs=["getting_around"],
        residents_of=own,
    )
    scene.assistant = new_service(
        a,
        name="Asystent osoby starszej",
        summary="Pomoc w codziennych sprawach, w domu i poza nim.",
        at_home=True,
        fee_kind="cofinanced",
        unit="hour",
        market_value=Decimal("45.00"),
        resident_price=Decimal("15.00"),
        needs=["daily_care", "housework"],
    )
    # Free, for seniors, but not open to the rural gmina; and open to it, but not both.
    new_service(
        a,
        name="Przewóz do lekarza",
        at_home=True,
        needs=["getting_around"],
        residents_of=[scene.gmina],
    )
    new_service(a, name="Świetlica dla dzieci", mobile=True, groups=["children"])
    new_service(
        a,
        name="Masaż leczniczy",
        mobile=True,
        fee_kind="paid",
        market_value=Decimal("80.00"),
        resident_price=Decimal("80.00"),
        needs=["health"],
    )
    return scene


def result_names(page):
    return page.locator("#results .service-card h3").all_inner_texts()


def submit_search(page):
    """Enter in the search form: htmx sends it and swaps the results in."""
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true") as r:
        page.keyboard.press("Enter")
    assert r.value.ok
    page.wait_for_function(HTMX_IDLE)


def test_a_resident_finds_help_with_the_keyboard(catalogue, page, live_server, axe):
    s = catalogue
    page.goto(live_server.url + "/")

    # 1. The home page's search box, without Polish letters.
    tab_to(page, "main input[name=q]")
    page.keyboard.type("dowoz posilkow")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/services/\?q=dowoz\+posilkow$"))
    expect(page.locator("#results")).to_contain_text("Dowóz posiłków")
    axe("search without Polish letters")

    # 2. A typo still finds the service.
    tab_to(page, "main form[role=search] input[name=q]")
    replace_text(page, "wytchnieniwa")
    submit_search(page)
    expect(page.locator("#results .service-card")).to_have_count(1)
    assert result_names(page) == ["Opieka wytchnieniowa"]
    assert "q=wytchnieniwa" in page.url
    axe("search with a typo")

    # 3. Free services for seniors in the rural gmina: the filters, chosen with the keys.
    replace_text(page, "")  # the focus is still in the search box
    tab_to(page, "main select[name=group]")
    choose_option(page, "seniors")
    tab_to(page, "main select[name=gmina]")
    choose_option(page, s.rural.code)
    tab_to(page, "main select[name=price]")
    choose_option(page, "free")
    page.wait_for_function(HTMX_IDLE)  # each choice already refreshed the results
    tab_to(page, "main form[role=search] button[type=submit]")
    submit_search(page)

    from opencus.catalogue.models import Service

    expected = set(
        Service.objects.published()
        .filter(fee_kind="free", target_groups__code="seniors", residents_of=s.rural)
        .values_list("name", flat=True)
    )
    assert expected == {"Taxi senior", "Teleopieka"}  # and the others are left out
    expect(page.locator("#results .service-card")).to_have_count(len(expected))
    assert set(result_names(page)) == expected
    expect(page.locator("#results .result-count")).to_contain_text(
        re.compile(rf"(^|\D){len(expected)}(\D|$)")
    )
    for name, value in (("group", "seniors"), ("gmina", s.rural.code), ("price", "free")):
        assert f"{name}={value}" in page.url, "the filtered address is not in the history"
    axe("search with filters")

    # 4. The find-help wizard, from the main navigation.
    tab_to(page, "header nav a[href='/find-help/']", back=True)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    axe("the wizard's questions")
    choose_radio(page, "for_whom", "family")
    tab_to(page, "main input[name=age]")
    page.keyboard.type("82")
    for need in ("getting_around", "meals", "daily_care"):  # in the order of the form
        tick(page, f"main input[name=needs][value={need}]")
    tick(page, "main input[name=lives_alone]")
    tab_to(page, "main select[name=gmina]")
    choose_option(page, s.rural.code)
    choose_radio(page, "travel", "no")
    tab_to(page, "main form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    cards = page.locator("main .results .service-card")
    names = cards.locator("h3").all_inner_texts()
    for name in ("Taxi senior", "Dowóz posiłków", "Asystent osoby starszej", "Teleopieka"):
        assert name in names, f"{name} is not among the services that fit: {names}"
    assert "Opieka wytchnieniowa" not in names  # a carer's break was not asked for
    for card in cards.all():
        expect(card.locator(".reasons li").first).to_be_visible()
    with translation.override("pl"):
        agreement = gettext(
            "Open to residents of %(gmina)s through an inter-municipal agreement with %(centre)s."
        ) % {"gmina": s.rural.name, "centre": s.lipowo.name}
    telecare = cards.filter(has=page.locator("h3", has_text="Teleopieka"))
    expect(telecare.locator(".reasons")).to_contain_text(agreement)
    axe("the services that fit, with reasons")
