"""A closed-loop referral, keyboard only, with axe on every step (issue 4, item 9).

The KIPUS refers Halina from her page to the provider organisation, sharing only her phone;
the provider sees only that, accepts, and records the service's start and end; the KIPUS
sees the loop closed on the person's page and in the centre's list.
"""

import pytest
from playwright.sync_api import expect

from e2e.keys import choose_option, choose_radio, follow, press_submit, tab_to, tick, type_into
from opencus.referrals.models import Referral

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_referral_goes_round_the_loop(scene, page, live_server, login_as, axe):
    centre, halina = scene.a, scene.halina

    # 1. From the person's page the KIPUS refers Halina to the provider, sharing her phone.
    login_as(scene.kipus)
    page.goto(f"{live_server.url}/c/{centre.slug}/people/{halina.pk}/")
    follow(page, f"main a[href$='/referrals/new/?person={halina.pk}']")
    axe("referral form")
    expect(page.locator("main h1")).to_contain_text("Halina")
    # Sending without a receiver is refused with a message, and nothing is saved.
    before = Referral.objects.count()
    press_submit(page)
    expect(page.locator("main .errorlist").first).to_be_visible()
    assert Referral.objects.count() == before
    axe("referral form with errors")
    choose_radio(page, "receiver_kind", "provider")
    tab_to(page, "main select[name=organisation]")
    choose_option(page, str(scene.organisation.pk))
    type_into(page, "request", "Opieka wytchnieniowa dla córki, dwa dni w miesiącu.")
    tick(page, "main input[name=shared_fields][value=phone]")
    type_into(page, "reason", "Córka opiekuje się mamą sama.")
    press_submit(page)
    referral = Referral.objects.exclude(pk=scene.referral.pk).get(
        person=halina, organisation=scene.organisation, status="sent"
    )
    assert set(referral.shared_data) == {"first_name", "last_name", "phone"}
    expect(page.locator("main .messages")).to_contain_text("Skierowano: Halina Nowak")
    axe("referral sent")

    # 2. The provider sees the name and the phone, never the address, and accepts.
    page.context.clear_cookies()
    login_as(scene.provider)
    base = f"/o/{scene.organisation.slug}/referrals/"
    page.goto(f"{live_server.url}{base}")
    axe("provider's referrals")
    follow(page, f"main a[href='{base}{referral.pk}/']")
    axe("provider's referral")
    expect(page.locator("main")).to_contain_text(halina.phone)
    expect(page.locator("main")).not_to_contain_text(halina.street)
    for action in ("accept", "start", "complete"):
        follow(page, f"main a[href='{base}{referral.pk}/{action}/']")
        axe(f"provider records: {action}")
        press_submit(page)
    referral.refresh_from_db()
    assert referral.status == "completed"
    assert [e.status for e in referral.events.order_by("at")] == [
        "sent",
        "accepted",
        "started",
        "completed",
    ]

    # 3. The KIPUS sees the loop closed, on the person's page and in the centre's list.
    page.context.clear_cookies()
    login_as(scene.kipus)
    page.goto(f"{live_server.url}/c/{centre.slug}/people/{halina.pk}/")
    row = page.locator(f"main tr:has(a[href$='/referrals/{referral.pk}/'])")
    expect(row).to_contain_text("zakończ")
    page.goto(f"{live_server.url}/c/{centre.slug}/referrals/?loop=closed")
    axe("the centre's closed referrals")
    expect(page.locator(f"main a[href$='/referrals/{referral.pk}/']")).to_be_visible()
