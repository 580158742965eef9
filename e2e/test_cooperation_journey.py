"""Procedures 5 and 6 of seed 003 end to end, with the keyboard, axe on every step (issue 5,
items 7 and 8).

The OSL plans a workshop with the provider organisation; the organisation confirms and adds
its remarks; the OUS records the outcomes and the agreed scenario and starts the pilot; the
organisation submits proposals to the diagnosis; the OSL takes them on; the pilot closes with
its report; the indicators of the centre and of the network count it all.
"""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from e2e.keys import choose_option, choose_radio, follow, press_submit, tab_to, type_into
from opencus.cooperation.indicators import pilot_contributions, stakeholders
from opencus.cooperation.models import Contribution, Pilot, Workshop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def centre_today() -> str:
    """Date fields are filled directly: Chromium's date picker has no plain text entry."""
    return timezone.localdate().isoformat()


def test_a_workshop_leads_to_a_pilot_closed_with_its_report(
    scene, page, live_server, login_as, axe
):
    centre, organisation = scene.a, scene.organisation
    base = f"{live_server.url}/c/{centre.slug}/cooperation/"
    portal = f"{live_server.url}/o/{organisation.slug}/cooperation/"

    # 1. The OSL plans a workshop with the organisation, today, and lists who takes part.
    login_as(scene.osl)
    page.goto(base)
    axe("the centre's workshops")
    follow(page, "main a[href$='/cooperation/workshops/new/']")
    axe("plan a workshop")
    press_submit(page)  # nothing filled in: refused, nothing saved
    expect(page.locator("main .errorlist").first).to_be_visible()
    axe("plan a workshop, with errors")
    before = set(Workshop.objects.values_list("pk", flat=True))
    tab_to(page, "main select[name=organisation]")
    choose_option(page, str(organisation.pk))
    type_into(page, "topic", "Portfolio i oczekiwania")
    page.fill("main [name=held_on]", centre_today())
    type_into(page, "place", "Sala CUS, ul. Ogrodowa 1")
    press_submit(page)
    [workshop] = Workshop.objects.exclude(pk__in=before)
    assert (workshop.organisation, workshop.status) == (organisation, "planned")
    axe("the planned workshop")
    for name, role, side in (
        ("Marta Lis", "ekspertka ZET", "zet"),
        ("Jan Lider", "Lider ds. współpracy z CUS", "organisation"),
        ("Ewa Organizatorka", "OSL", "centre"),
    ):
        follow(page, "main a[href$='/participants/new/']")
        type_into(page, "name", name)
        type_into(page, "role", role)
        choose_radio(page, "side", side)
        press_submit(page)
    expect(page.locator("main #participants ~ div table tbody tr")).to_have_count(3)
    axe("the workshop with its participants")

    # 2. The organisation confirms it takes part and adds its remarks.
    page.context.clear_cookies()
    login_as(scene.provider)
    page.goto(portal)
    axe("the organisation's workshops")
    follow(page, f"main a[href$='/cooperation/workshops/{workshop.pk}/']")
    axe("the organisation's workshop")
    follow(page, "main a[href$='/confirm/']")
    axe("confirm the participation")
    press_submit(page)
    follow(page, "main a[href$='/remarks/']")
    type_into(page, "remarks", "Przyniesiemy teczkę portfolio.")
    press_submit(page)
    expect(page.locator("main")).to_contain_text("Przyniesiemy teczkę portfolio.")
    axe("the organisation's workshop, confirmed")
    workshop.refresh_from_db()
    assert workshop.confirmed_by == scene.provider

    # 3. The OUS records the outcomes with the agreed scenario, and starts the pilot.
    page.context.clear_cookies()
    login_as(scene.ous)
    page.goto(f"{base}workshops/{workshop.pk}/")
    expect(page.locator("main")).to_contain_text("Przyniesiemy teczkę portfolio.")
    follow(page, "main a[href$='/outcomes/']")
    axe("record the outcomes")
    type_into(page, "feedback", "CUS oczekuje propozycji do diagnozy i planu OSL.")
    press_submit(page)  # no scenario: refused, still planned
    expect(page.locator("main .errorlist").first).to_be_visible()
    workshop.refresh_from_db()
    assert workshop.status == "planned"
    type_into(page, "pilot_scenario", "Organizacja zgłasza propozycje do diagnozy potrzeb.")
    press_submit(page)
    workshop.refresh_from_db()
    assert workshop.status == "held"
    axe("the held workshop")
    follow(page, "main a[href$='/pilot/']")
    axe("plan the pilot")
    expect(page.locator("main [name=scope]")).to_have_value(workshop.pilot_scenario)
    press_submit(page)
    pilot = Pilot.objects.get(workshop=workshop)
    assert pilot.members.count() == 3  # the workshop's ZET, organisation and centre
    axe("the planned pilot")
    follow(page, "main a[href$='/start/']")
    axe("start the pilot")
    press_submit(page)
    pilot.refresh_from_db()
    assert pilot.status == "running"

    # 4. The organisation submits proposals to the diagnosis.
    page.context.clear_cookies()
    login_as(scene.provider)
    page.goto(f"{portal}pilots/{pilot.pk}/")
    axe("the organisation's pilot")
    follow(page, "main a[href$='/contributions/new/']")
    axe("submit a contribution")
    choose_radio(page, "kind", "diagnosis")
    type_into(page, "title", "Propozycje do diagnozy: opieka wytchnieniowa")
    type_into(page, "content", "W gminie brakuje opieki wytchnieniowej dla rodzin.")
    press_submit(page)
    submitted = Contribution.objects.get(pilot=pilot)
    assert submitted.kind == "diagnosis"
    axe("the pilot with the contribution")

    # 5. The OSL takes the proposals on.
    page.context.clear_cookies()
    login_as(scene.osl)
    page.goto(f"{base}contributions/?response=waiting")
    axe("contributions waiting for the centre")
    follow(page, f"main a[href$='/contributions/{submitted.pk}/respond/']")
    axe("respond to the contribution")
    choose_radio(page, "response", "taken_on")
    press_submit(page)
    submitted.refresh_from_db()
    assert (submitted.response, submitted.responded_by) == ("taken_on", scene.osl)

    # 6. The pilot closes with its report, not without it.
    page.goto(f"{base}pilots/{pilot.pk}/")
    follow(page, "main a[href$='/close/']")
    axe("close the pilot")
    press_submit(page)
    expect(page.locator("main .errorlist").first).to_be_visible()
    pilot.refresh_from_db()
    assert pilot.status == "running"
    axe("close the pilot, with errors")
    type_into(page, "report_summary", "Organizacja przygotowała propozycje do diagnozy.")
    type_into(page, "report_benefits", "Lepsza diagnoza; doświadczenie organizacji.")
    type_into(page, "report_barriers", "Krótki czas pilotażu.")
    type_into(page, "report_potential", "Wysoki potencjał współpracy.")
    type_into(page, "report_prepared_by", "Marta Lis (ZET) z Janem Liderem")
    page.fill("main [name=report_sent_on]", centre_today())
    press_submit(page)
    pilot.refresh_from_db()
    assert pilot.status == "closed"
    expect(page.locator("main a[href$='/report.pdf']")).to_be_visible()
    axe("the closed pilot")

    # 7. The indicators count it, for the centre and for the network.
    diagnosis = next(f for f in pilot_contributions([centre.pk]) if f.query == "kind=diagnosis")
    organisations = stakeholders([centre.pk])[0]
    page.goto(f"{base}indicators/")
    axe("the centre's indicators")
    row = page.locator("main tr:has(a[href$='?kind=diagnosis'])")
    expect(row.locator("td.num")).to_have_text(str(diagnosis.of(centre.pk)))
    page.context.clear_cookies()
    login_as(scene.analyst)
    page.goto(f"{live_server.url}/n/{scene.network.slug}/indicators/")
    axe("the network's indicators")
    total = page.locator("#component-3 ~ .table-wrap tfoot td").first
    expect(total).to_have_text(str(organisations.total))
