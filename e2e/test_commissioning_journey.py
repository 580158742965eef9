"""Commissioning end to end, with axe on every step (issue 5, item 5).

The OUS finds a partner for respite care in a gmina and starts an art. 19a call for it with
criteria, and publishes it; the organisation answers in the provider portal; another
organisation's offer after the deadline is refused with the message naming it; the OUS
checks and scores the offer, cannot award it during its seven days of comments, awards it
after them and publishes the results; the public page shows them. Mostly the keyboard; the
date fields are filled directly.
"""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from e2e.keys import choose_radio, follow, press_submit, tab_to, type_into
from opencus.commissioning.models import Call, Offer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_art_19a_call_from_the_partner_search_to_the_published_results(
    scene, page, live_server, login_as, axe
):
    from opencus.accounts.roles import Role
    from opencus.accounts.tests.factories import MembershipFactory
    from opencus.commissioning.tests.fixtures import works_with

    centre, gmina = scene.a, scene.a.seat_gmina
    base = f"{live_server.url}/c/{centre.slug}/commissioning"

    # 1. The OUS looks for a partner for respite care in the centre's gmina.
    login_as(scene.ous)
    page.goto(f"{base}/partners/?service_type=respite_care&gmina={gmina.pk}")
    card = page.locator("main li.service-card", has_text=scene.organisation.name)
    expect(card).to_contain_text("rodzaj (a), gotowa teraz: usługa wytchnieniowa")
    expect(card).to_contain_text(f"gminie {gmina.name}")
    expect(card).to_contain_text("zweryfikowany partner tego centrum")
    axe("partner search")

    # 2. From the results, a new art. 19a call for the service, in the gmina searched.
    follow(page, "main a[href*='/commissioning/calls/new/?service_type=respite_care']")
    axe("call form")
    expect(page.locator(f"main input[name=gminas][value='{gmina.pk}']")).to_be_checked()
    type_into(page, "title", "Opieka wytchnieniowa w wakacje")
    choose_radio(page, "mode", "small_grant")
    tab_to(page, "main select[name=task_form]")
    page.keyboard.press("ArrowDown")  # entrusting (powierzenie)
    type_into(page, "terms", "200 godzin opieki dziennej dla osób z niepełnosprawnościami.")
    type_into(page, "budget", "9500")
    start = timezone.localdate() + dt.timedelta(days=30)
    page.fill("main [name=task_starts_on]", start.isoformat())
    page.fill("main [name=task_ends_on]", (start + dt.timedelta(days=60)).isoformat())
    deadline = timezone.localtime() + dt.timedelta(days=5)
    page.fill("main [name=offers_deadline]", deadline.strftime("%Y-%m-%dT%H:%M"))
    type_into(page, "criteria-0-name", "Jakość realizacji")
    type_into(page, "criteria-0-max_points", "60")
    type_into(page, "criteria-1-name", "Koszt")
    type_into(page, "criteria-1-max_points", "40")
    press_submit(page)
    call = Call.objects.get(title="Opieka wytchnieniowa w wakacje")
    assert call.mode == "small_grant" and call.task_form == "entrusting"
    assert [c.name for c in call.criteria.all()] == ["Jakość realizacji", "Koszt"]
    axe("call drafted")

    # 3. Published after a confirmation.
    follow(page, f"main a[href$='/calls/{call.pk}/publish/']")
    axe("publish confirmation")
    press_submit(page)
    expect(page.locator("main .messages")).to_contain_text("Nabór został ogłoszony.")
    axe("call published")

    # 4. The organisation writes its offer in the provider portal and submits it.
    page.context.clear_cookies()
    login_as(scene.provider)
    portal = f"{live_server.url}/o/{scene.organisation.slug}"
    page.goto(f"{portal}/calls/")
    row = page.locator("main tr", has_text="Opieka wytchnieniowa w wakacje")
    expect(row).to_contain_text("pasuje do naszego portfolio")
    axe("provider's calls")
    follow(page, f"main a[href$='/calls/{call.pk}/']")
    axe("provider reads the call")
    follow(page, f"main a[href$='/calls/{call.pk}/offer/']")
    axe("offer form")
    type_into(page, "summary", "Pobyt dzienny dla 8 osób dwa razy w tygodniu.")
    type_into(page, "delivery", "Świetlica przy ul. Lipowej, dwie opiekunki, transport.")
    type_into(page, "units", "200")
    type_into(page, "unit_price", "45")
    press_submit(page)
    offer = Offer.objects.get(call=call, organisation=scene.organisation)
    axe("offer draft")
    follow(page, f"main a[href$='/offers/{offer.pk}/submit/']")
    axe("submit confirmation")
    press_submit(page)
    expect(page.locator("main .messages")).to_contain_text("Oferta została złożona.")
    offer.refresh_from_db()
    assert offer.status == "submitted"
    axe("offer submitted")

    # 5. Another organisation has a draft; the deadline passes; its offer is refused.
    late = MembershipFactory(
        organisation=scene.other_organisation, centre=None, role=Role.PROVIDER_STAFF
    ).user
    works_with(scene.other_organisation, centre)
    page.context.clear_cookies()
    login_as(late)
    other = f"{live_server.url}/o/{scene.other_organisation.slug}"
    page.goto(f"{other}/calls/{call.pk}/offer/")
    type_into(page, "summary", "Opieka w domu, 4 godziny dziennie.")
    type_into(page, "delivery", "Opiekunki z naszego stowarzyszenia.")
    type_into(page, "amount", "9000")
    press_submit(page)
    late_offer = Offer.objects.get(call=call, organisation=scene.other_organisation)
    passed = timezone.now() - dt.timedelta(minutes=5)
    Call.objects.filter(pk=call.pk).update(
        published_at=passed - dt.timedelta(days=10), offers_deadline=passed
    )
    page.goto(f"{other}/offers/{late_offer.pk}/submit/")
    press_submit(page)
    shown = timezone.localtime(passed).strftime("%Y-%m-%d %H:%M")
    expect(page.locator("main .messages")).to_contain_text(
        f"Termin składania ofert upłynął {shown}; oferta nie została złożona."
    )
    late_offer.refresh_from_db()
    assert late_offer.status == "draft"
    axe("late offer refused")

    # 6. The OUS closes the offers, checks and scores the offer.
    page.context.clear_cookies()
    login_as(scene.ous)
    page.goto(f"{base}/calls/{call.pk}/")
    follow(page, f"main a[href$='/calls/{call.pk}/close/']")
    press_submit(page)
    follow(page, f"main a[href$='/calls/{call.pk}/evaluation/']")
    axe("evaluation")
    follow(page, f"main a[href$='/offers/{offer.pk}/']")
    follow(page, f"main a[href$='/offers/{offer.pk}/check/']")
    axe("formal check")
    choose_radio(page, "result", "accept")
    press_submit(page)
    follow(page, f"main a[href$='/offers/{offer.pk}/score/']")
    axe("scoring")
    quality, cost = call.criteria.order_by("position")
    type_into(page, f"points_{quality.pk}", "70")  # above the maximum of 60
    type_into(page, f"reason_{quality.pk}", "Bardzo dobry opis i kadra.")
    type_into(page, f"points_{cost.pk}", "35")
    type_into(page, f"reason_{cost.pk}", "Cena poniżej średniej.")
    press_submit(page)
    expect(page.locator("main .errorlist").first).to_contain_text("najwyżej 60 pkt")
    axe("points above the maximum refused")
    type_into(page, f"points_{quality.pk}", "55")
    press_submit(page)
    expect(page.locator("main .messages")).to_contain_text("Ocena została zapisana.")

    # 7. Not awarded during the comment window; awarded after it; results published.
    page.goto(f"{base}/calls/{call.pk}/award/")
    axe("award form")
    choose_radio(page, f"decision_{offer.pk}", "award")
    type_into(page, f"reason_{offer.pk}", "Jedyna oferta, 90 punktów.")
    press_submit(page)
    expect(page.locator("main")).to_contain_text("jest opublikowana do uwag do")
    axe("award refused in the comment window")
    Offer.objects.filter(pk=offer.pk).update(
        comments_from=timezone.now() - dt.timedelta(days=8),
        comments_until=timezone.now() - dt.timedelta(days=1),
    )
    page.goto(f"{base}/calls/{call.pk}/award/")
    choose_radio(page, f"decision_{offer.pk}", "award")
    type_into(page, f"reason_{offer.pk}", "Jedyna oferta, 90 punktów.")
    press_submit(page)
    expect(page.locator("main .messages")).to_contain_text("Nabór został rozstrzygnięty.")
    axe("call awarded")
    follow(page, f"main a[href$='/calls/{call.pk}/results/']")
    press_submit(page)
    expect(page.locator("main .messages")).to_contain_text("Wyniki zostały ogłoszone.")
    expect(page.locator("main .timeline")).to_contain_text("Ogłoszono wyniki.")
    axe("results published")

    # 8. Anyone sees the results on the public page.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/calls/{call.pk}/")
    results = page.locator("main #results").locator("xpath=..")
    expect(results).to_contain_text(scene.organisation.name)
    expect(results).to_contain_text("90 / 100")
    expect(results).to_contain_text("9\u00a0000,00 zł")
    axe("public results")
