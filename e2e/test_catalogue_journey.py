"""The OUS adds a service to the catalogue, publishes it, finds it on the portal, suspends it.

The first try has mistakes of several kinds at once; the form keeps nothing, says what is wrong
next to each field and moves the focus to its summary. axe-core checks the form with errors
and the published service.
"""

import re

import pytest
from playwright.sync_api import expect

from opencus.catalogue.models import Service

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAME = "Wypożyczalnia sprzętu rehabilitacyjnego"


def fill(form, **values):
    """Text, numbers and selects by value; True/False ticks or clears a checkbox."""
    for name, value in values.items():
        field = form.locator(f"[name={name}]")
        if isinstance(value, bool):
            field.set_checked(value)
        elif field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)


def save(page, form):
    with page.expect_navigation():
        form.locator("button[type=submit]").click()


def portal_names(page, query):
    page.goto(f"/services/?q={query}")
    return page.locator("#results .service-card h3").all_inner_texts()


def test_the_ous_publishes_a_service_and_suspends_it(
    scene, page, browser, live_server, login_as, axe
):
    login_as(scene.ous)
    before = Service.objects.count()
    page.goto(f"{live_server.url}/c/{scene.a.slug}/catalogue/")
    with page.expect_navigation():
        page.locator(f"main a[href='/c/{scene.a.slug}/catalogue/new/']").click()
    form = page.locator("main form[method=post]")

    # Mistakes of four kinds: a required text left empty, ages the wrong way round, a
    # co-financed price above the real value, and no way of delivering the service.
    area = form.locator("input[name=areas]").first
    group = form.locator("input[name=target_groups]").first
    fill(
        form,
        name="",
        summary="Wózki, balkoniki i łóżka na czas rekonwalescencji.",
        description="Wypożyczamy sprzęt rehabilitacyjny na miesiąc lub dłużej.",
        access_mode="application",
        min_age="70",
        max_age="60",
        fee_kind="cofinanced",
        unit="loan",
        market_value="30",
        resident_price="45",
        how_to_apply="Zadzwoń do CUS.",
    )
    area.check()
    group.check()
    save(page, form)

    summary = page.locator("main .error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    for field in ("name", "max_age", "resident_price", "at_home"):
        error = page.locator(f"#id_{field}_error")
        expect(error).to_be_visible()
        expect(page.locator(f"#id_{field}")).to_have_attribute(
            "aria-describedby", re.compile(rf"\bid_{field}_error\b")
        )
    # What was typed is still there, and nothing was saved.
    expect(form.locator("[name=summary]")).to_have_value(re.compile("Wózki"))
    expect(form.locator("[name=max_age]")).to_have_value("60")
    assert Service.objects.count() == before
    axe("the service form with errors")

    fill(form, name=NAME, max_age="", resident_price="10", at_location=True)
    save(page, form)
    service = Service.objects.get(name=NAME)
    expect(page).to_have_url(f"{live_server.url}/c/{scene.a.slug}/catalogue/{service.pk}/")
    assert service.status == "draft"
    expect(page.locator("main .messages")).to_be_visible()
    expect(page.locator("main .badge--svc-draft")).to_be_visible()

    # A place and hours.
    places = page.locator("main form[action$='/places/']")
    fill(places, location=str(scene.place.pk), description="Magazyn w piwnicy")
    save(page, places)
    expect(page.locator("main .place h3")).to_have_text(scene.place.name)
    hours = page.locator("main form[action$='/hours/']")
    fill(hours, weekday="WE", opens_at="09:00", closes_at="12:30")
    hours.locator("[name=service_location]").select_option(index=1)
    save(page, hours)
    expect(page.locator("main .place .hours")).to_contain_text("09:00–12:30")
    assert service.schedules.count() == 1

    # Publish, through the confirmation.
    with page.expect_navigation():
        page.locator("main a[href$='status/?status=published']").click()
    save(page, page.locator("main form[method=post]"))
    expect(page.locator("main .badge--svc-published")).to_be_visible()
    service.refresh_from_db()
    assert service.status == "published"
    axe("the published service")

    # A resident, not signed in, finds it on the portal.
    visitor = browser.new_context(base_url=live_server.url, locale="pl-PL")
    resident = visitor.new_page()
    assert NAME in portal_names(resident, "wypozyczalnia")
    assert resident.goto(f"/services/{service.pk}/").status == 200
    expect(resident.locator("main h1")).to_have_text(NAME)

    # Suspended: gone from the search and from its address.
    with page.expect_navigation():
        page.locator("main a[href$='status/?status=suspended']").click()
    save(page, page.locator("main form[method=post]"))
    expect(page.locator("main .badge--svc-suspended")).to_be_visible()
    assert NAME not in portal_names(resident, "wypozyczalnia")
    assert resident.goto(f"/services/{service.pk}/").status == 404
    visitor.close()
